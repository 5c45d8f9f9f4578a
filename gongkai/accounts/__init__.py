"""Accounts: the user model, log-in and two-factor authentication, the staff workbench menu.

It owns `User`, the log-in pages, TOTP set-up, and the workbench home page, whose links each
app declares in its own `workbench_links.py` (loaded by `workbench.autodiscover()`).

Must not import: `catalog`, `applications`, `appeals`, `workdays`, `reports`, `supervision`, `search`, `api`, `demo`.
"""
