"""Accounts: the user model, log-in and two-factor authentication, the staff workbench menu.

It owns `User`, the log-in pages, TOTP set-up, and the workbench home page, whose links each
app declares in its own `workbench_links.py` (loaded by `workbench.autodiscover()`).

The log-in pages use the public forms' rate limiter (password reset) and the workbench shows the
holiday-schedule reminder (`workdays.reminders`).

Must not import: `catalog`, `appeals`, `reports`, `supervision`, `search`, `api`, `demo`.
"""
