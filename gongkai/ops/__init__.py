"""Operations: what running Gongkai in production needs and no statutory function owns.

- `checks.py` — deployment checks (ids `gongkai_ops.E001` …), run by `gongkai check-deploy`.
- `backup.py` — `gongkai backup` / `gongkai restore`: one archive with the database, the media
  files and a manifest, for SQLite and PostgreSQL.
- management commands `check_deploy`, `worker`, `backup`, `restore`.

The read-replica router lives in `gongkai/db_router.py` (settings name it by path).
It works on whatever models are installed; the one app it asks is `workdays` (a deploy check
that the calendar covers the coming year).

Must not import: `accounts`, `agencies`, `catalog`, `applications`, `appeals`, `reports`, `supervision`, `search`, `api`, `demo`.
"""
