"""Tasks used only by test_worker.py: they leave traces outside the database."""

from pathlib import Path

from django_tasks import task


@task()
def write_marker(path: str, text: str) -> str:
    Path(path).write_text(text, encoding="utf-8")
    return f"{text}:{__import__('os').getpid()}"


@task()
def always_fails(reason: str) -> None:
    raise ValueError(reason)
