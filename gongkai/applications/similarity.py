"""Which requests may have asked for the same information: an explainable suggestion that staff
confirm or ignore (《条例》第四十四条). Pure functions of plain values; no models.

Two requests of one agency are suggested as the same information when
- they name the same 文号 (brackets and spaces normalised: 〔2021〕, [2021] and 【2021】 agree), or
- the names of the information asked for share most of their wording: the Jaccard overlap of
  their character pairs (bigrams) is at least `TITLE_OVERLAP` (0.6), after dropping white space,
  punctuation and the words every request uses (申请公开, 关于, 的, 信息 …), and the numbers
  in them (a year, an issue) are the same: 2021年 and 2022年 of one list are two pieces of
  information.
The reason is kept with each suggestion and shown as it is ("文号相同：…", "名称相近：重合 72%").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

TITLE_OVERLAP = 0.6
# Words that say nothing about *which* information (longest first: removed in this order).
STOP_WORDS = ("申请公开", "请求公开", "要求公开", "依申请", "有关", "相关", "关于", "信息", "资料",
              "文件", "的")
_NUMBERS = re.compile(r"\d+")
_NOT_TEXT = re.compile(r"[\s\W_]+", re.UNICODE)
_BRACKETS = str.maketrans("[]【】（）()〔〕", "〔〕〔〕〔〕〔〕〔〕")


@dataclass(frozen=True)
class Candidate:
    pk: int
    title: str
    document_number: str = ""


@dataclass(frozen=True)
class Suggestion:
    a: int
    b: int
    reason: str


def normalized_title(text: str) -> str:
    text = _NOT_TEXT.sub("", text or "")
    for word in STOP_WORDS:
        text = text.replace(word, "")
    return text


def document_number_key(text: str) -> str:
    return "".join((text or "").translate(_BRACKETS).split())


def bigrams(text: str) -> frozenset[str]:
    text = normalized_title(text)
    if len(text) == 1:
        return frozenset({text})
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def suggestions(candidates: Iterable[Candidate], *, minimum: float = TITLE_OVERLAP
                ) -> list[Suggestion]:
    """Pairs that may be the same information, each with its reason (an inverted index of the
    bigrams keeps this near-linear for an agency's few thousand requests)."""
    candidates = list(candidates)
    grams = {c.pk: bigrams(c.title) for c in candidates}
    numbers = {c.pk: _NUMBERS.findall(c.title or "") for c in candidates}
    by_number: dict[str, list[int]] = defaultdict(list)
    index: dict[str, list[int]] = defaultdict(list)
    for c in candidates:
        key = document_number_key(c.document_number)
        if key:
            by_number[key].append(c.pk)
        for gram in grams[c.pk]:
            index[gram].append(c.pk)
    found: dict[tuple[int, int], str] = {}
    for key, pks in by_number.items():
        for i, a in enumerate(pks):
            for b in pks[i + 1:]:
                found[min(a, b), max(a, b)] = f"文号相同：{key}"
    for c in candidates:
        shared: dict[int, int] = defaultdict(int)
        for gram in grams[c.pk]:
            for other in index[gram]:
                if other > c.pk:
                    shared[other] += 1
        for other, n in shared.items():
            if (c.pk, other) in found or numbers[c.pk] != numbers[other]:
                continue
            score = n / len(grams[c.pk] | grams[other])
            if score >= minimum:
                found[c.pk, other] = f"名称相近：重合 {round(score * 100)}%"
    return [Suggestion(a, b, reason) for (a, b), reason in sorted(found.items())]


def clusters(pks: Iterable[int], pairs: Iterable[Suggestion]) -> list[tuple[list[int], list[str]]]:
    """Requests joined by suggested pairs (transitively), each group with its reasons."""
    parent = {pk: pk for pk in pks}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    reasons: dict[int, list[str]] = defaultdict(list)
    pairs = [p for p in pairs if p.a in parent and p.b in parent]
    for p in pairs:
        parent[root(p.a)] = root(p.b)
    groups: dict[int, list[int]] = defaultdict(list)
    for pk in parent:
        groups[root(pk)].append(pk)
    for p in pairs:
        if p.reason not in reasons[root(p.a)]:
            reasons[root(p.a)].append(p.reason)
    return [(sorted(members), reasons[r]) for r, members in groups.items() if len(members) > 1]
