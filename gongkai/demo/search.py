"""Demo step: (re)build the full-text search index over the demo documents.

Runs after the catalog step. The index follows every save through signals already; rebuilding
here makes the demo right even when documents were loaded without them.
"""

from __future__ import annotations

from gongkai.search import backend


def load(stdout) -> None:
    total = backend.rebuild()
    stdout.write(f"  检索索引：{total} 条已发布的公开信息")
