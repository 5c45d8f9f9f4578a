"""Every row of every model, in a canonical form, to compare a restored database with its source.

`python -m tests.ops.snapshot` prints the snapshot of the database configured by the
environment (DATABASE_URL), as JSON.
"""

from __future__ import annotations

import json
import os


def snapshot(using: str = "default") -> dict[str, list[dict]]:
    from django.core import serializers
    from django.db import connections

    from gongkai.ops.backup import PreciseJSONEncoder, _stored_models

    with connections[using].cursor() as cursor:
        tables = set(connections[using].introspection.table_names(cursor))
    result = {}
    for model in _stored_models(include_auto_created=False):
        if model._meta.db_table not in tables:
            continue
        queryset = model._base_manager.using(using).order_by("pk")
        rows = serializers.serialize("python", queryset)
        for row in rows:
            for name, value in row["fields"].items():
                if isinstance(value, list):
                    row["fields"][name] = sorted(value, key=str)
        # Round-trip through JSON so that both sides compare as plain data.
        result[model._meta.label_lower] = json.loads(json.dumps(rows, cls=PreciseJSONEncoder))
    return result


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    django.setup()
    print(json.dumps(snapshot(), ensure_ascii=False))
