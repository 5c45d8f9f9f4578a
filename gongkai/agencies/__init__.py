"""Agencies: the tree of agencies (materialised paths), their public information pages, and the
roles staff hold in each (`Membership`), with the permission walk every app uses.

Writes go through `services` (the pages and the Django admin alike); moving an agency rewrites
its subtree there, never in `Agency.save()`.

Must not import: `accounts`, `catalog`, `applications`, `appeals`, `workdays`, `reports`, `reportformat`, `supervision`, `search`, `api`, `privacy`, `demo`.
"""
