"""Exit 0 when the PostgreSQL server of the given URL answers (the database may not exist yet)."""

import sys

import dj_database_url
import psycopg

config = dj_database_url.parse(sys.argv[1])
try:
    psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"],
        password=config["PASSWORD"] or None, dbname="postgres", connect_timeout=3,
    ).close()
except Exception:
    sys.exit(1)
