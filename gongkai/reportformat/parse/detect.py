"""Recognising a report written in the trial format of 2019 (国办公开办函〔2019〕60号).

Its section 二 tables have other columns (本年新制作数量, 上一年项目数量 …) and a 第（九）项;
its table 三 has one 其他处理 row. Reading it as the 2021 format would report every row missing,
so the parser asks here first. Imports only `template` and `labels`.
"""

from __future__ import annotations

from .. import template
from .labels import normalise

_MARKERS = tuple(normalise(m) for m in template.FORMAT_2019_MARKERS)


def format_2019_markers(text: str) -> list[str]:
    norm = normalise(text)
    return [m for m, n in zip(template.FORMAT_2019_MARKERS, _MARKERS, strict=True) if n in norm]


def detect_format(text: str) -> str:
    """`template.FORMAT_2019` when two or more markers of the old format appear, else 2021."""
    return template.FORMAT_2019 if len(format_2019_markers(text)) >= 2 else template.FORMAT_2021
