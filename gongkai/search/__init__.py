"""Full-text search of published documents behind one interface (SQLite FTS5, PostgreSQL).

Must not import: `applications`, `appeals`, `reports`, `supervision`, `api`, `demo`.
"""
