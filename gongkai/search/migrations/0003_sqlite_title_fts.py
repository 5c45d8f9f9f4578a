"""SQLite: the title tier gets an FTS5 table of its own (see backends/sqlite.py for why).

Filled from the entries already indexed (titles and 文号 only: short texts, about a minute per
million documents). PostgreSQL keeps its title vector (`tvec`) and needs nothing.
"""

from django.db import migrations

CREATE = (
    "CREATE VIRTUAL TABLE search_title_fts USING fts5("
    "title, docno, title1, tokenize='ascii', content='', columnsize=0)"
)
CHUNK = 20000


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from gongkai.search.text import bigram_document, unigram_set

    schema_editor.execute(CREATE)
    with schema_editor.connection.cursor() as cursor:
        last = -1
        while True:
            cursor.execute(
                "SELECT sort_key, title, doc_number FROM search_searchentry "
                "WHERE sort_key > %s ORDER BY sort_key LIMIT %s", [last, CHUNK],
            )
            rows = cursor.fetchall()
            if not rows:
                break
            cursor.executemany(
                "INSERT INTO search_title_fts (rowid, title, docno, title1) VALUES (%s, %s, %s, %s)",
                [(key, bigram_document(title), bigram_document(docno),
                  " ".join(sorted(unigram_set(title, docno)))) for key, title, docno in rows],
            )
            last = rows[-1][0]
        cursor.execute("INSERT INTO search_title_fts (search_title_fts) VALUES ('optimize')")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_title_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_vendor_index")]

    operations = [migrations.RunPython(forward, backward)]
