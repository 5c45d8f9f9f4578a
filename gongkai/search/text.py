"""How Chinese text becomes index tokens and how a query becomes terms: pure functions, no ORM.

Chinese has no spaces between words, so a word index cannot find "any substring". We index
every *bigram* (two consecutive characters) of each whitespace-free run of the normalised
text instead: a query term of n >= 2 characters is then the phrase of its n - 1 consecutive
bigrams, and a document holds that phrase exactly when it holds the term as a substring
(runs are kept apart by a separator token, so a phrase never spans a space).

The same functions serve both backends and the verification step, so "normalised" means one
thing everywhere: lower case, runs of whitespace collapsed to one space.

Imports nothing of ours.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field

# ASCII punctuation and control characters are separators to FTS5's `ascii` tokenizer, so they
# are mapped to private-use code points (U+E000 + code), which it treats as token characters.
# Everything else (CJK, letters, digits, full-width punctuation) is a token character as is.
# (The space is kept: it separates the runs of normalised text.)
_TOKEN_SAFE = {i: 0xE000 + i for i in range(128) if not chr(i).isalnum() and i != 0x20}
# Between two runs: a token of three characters, which no query phrase (made of two-character
# tokens) can match, so a phrase never joins the end of one run to the start of the next.
RUN_SEPARATOR = "sep"

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8

# NUL and lone UTF-16 surrogates (which a JSON "\ud800" escape can carry) cannot be encoded
# for either database: they are dropped, not searched.
_UNENCODABLE = re.compile("[\x00\ud800-\udfff]")


def normalize(text: str) -> str:
    """Lower case, whitespace runs collapsed to one space, trimmed, NUL characters and lone
    surrogates dropped."""
    return " ".join(_UNENCODABLE.sub("", text or "").lower().split())


def token_safe(run: str) -> str:
    return run.translate(_TOKEN_SAFE)


def run_tokens(run: str) -> list[str]:
    """The bigrams of one whitespace-free run (a run of one character is its own token)."""
    return _safe_run_tokens(token_safe(run))


def _safe_run_tokens(safe: str) -> list[str]:
    if len(safe) < 2:
        return [safe] if safe else []
    return list(map(operator.add, safe, safe[1:]))


def bigram_document(text: str) -> str:
    """The token string of a field for the FTS5 index: bigrams, runs kept apart."""
    runs = token_safe(normalize(text)).split(" ")
    return f" {RUN_SEPARATOR} ".join(" ".join(_safe_run_tokens(run)) for run in runs if run)


def bigram_set(*texts: str) -> set[str]:
    """Distinct bigrams (and one-character runs) of the fields, for a position-less index."""
    tokens: set[str] = set()
    for text in texts:
        for run in token_safe(normalize(text)).split(" "):
            tokens.update(_safe_run_tokens(run))
    return tokens


def unigram_set(*texts: str) -> set[str]:
    """Distinct single characters of the fields (titles and 文号: one-character queries)."""
    chars: set[str] = set()
    for text in texts:
        chars.update(token_safe(normalize(text).replace(" ", "")))
    return chars


class QueryProblem:
    TOO_LONG = "query_too_long"
    TOO_MANY_TERMS = "too_many_terms"


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query as terms: every term must occur in the document (AND).

    `terms` are the normalised terms that are searched; with at least one term of two or more
    characters, one-character terms are dropped (listed in `ignored`): a single character
    says almost nothing about a document. A query of one-character terms only searches titles
    and 文号 (`title_only`).
    """

    raw: str
    terms: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    problem: str = ""
    limits: dict = field(default_factory=dict, compare=False)

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.problem

    @property
    def title_only(self) -> bool:
        return bool(self.terms) and all(len(t) == 1 for t in self.terms)


def parse_query(raw: str) -> ParsedQuery:
    """Split a query into terms; never raises. A `problem` code says why nothing is searched."""
    raw = raw or ""
    text = normalize(raw)
    if len(text) > MAX_QUERY_LENGTH:
        return ParsedQuery(raw=raw, problem=QueryProblem.TOO_LONG,
                           limits={"max": MAX_QUERY_LENGTH})
    terms: list[str] = []
    for term in text.split():
        if term not in terms:
            terms.append(term)
    if len(terms) > MAX_TERMS:
        return ParsedQuery(raw=raw, problem=QueryProblem.TOO_MANY_TERMS, limits={"max": MAX_TERMS})
    long_terms = tuple(t for t in terms if len(t) >= 2)
    if long_terms:
        ignored = tuple(t for t in terms if len(t) < 2)
        return ParsedQuery(raw=raw, terms=long_terms, ignored=ignored)
    return ParsedQuery(raw=raw, terms=tuple(terms))


def fts_phrase(term: str) -> str:
    """An FTS5 phrase for a term. Tokens hold no ASCII punctuation, so no quote can escape."""
    tokens = run_tokens(term)
    return '"' + " ".join(tokens) + '"'


# Between two runs in a trigram document: a token of four characters, which no phrase of trigrams
# can match (the bigram documents' three-character separator could be a trigram).
TRIGRAM_RUN_SEPARATOR = "sepx"


def _safe_run_trigrams(safe: str) -> list[str]:
    return [safe[i : i + 3] for i in range(len(safe) - 2)]


def trigram_document(*fields: str) -> str:
    """The token string of fields for the FTS5 trigram index: the trigrams of every whitespace-
    free run, runs and fields kept apart by `TRIGRAM_RUN_SEPARATOR`. A term of three or more
    characters is a substring of a field exactly when its trigrams stand consecutively here
    (`fts_trigram_phrase`); a run of one or two characters adds nothing (bigram_set has it)."""
    runs = [run for text in fields for run in token_safe(normalize(text)).split(" ")
            if len(run) >= 3]
    return f" {TRIGRAM_RUN_SEPARATOR} ".join(" ".join(_safe_run_trigrams(run)) for run in runs)


def fts_trigram_phrase(term: str) -> str:
    """The FTS5 phrase of a term's trigrams (a term of three or more characters)."""
    return '"' + " ".join(_safe_run_trigrams(token_safe(term))) + '"'


def fts_match_all(terms: tuple[str, ...]) -> str:
    """FTS5 expression: every term (of two or more characters) occurs in some column."""
    return " AND ".join(fts_phrase(t) for t in terms)


def fts_match_title(terms: tuple[str, ...]) -> str:
    """FTS5 expression: every term occurs in the title or the 文号."""
    if all(len(t) == 1 for t in terms):
        return "title1 : (" + " AND ".join('"' + token_safe(t) + '"' for t in terms) + ")"
    return "{title docno} : (" + fts_match_all(terms) + ")"


def _tsquery_lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


# The PostgreSQL index keeps a document's grams in rows of at most this many tokens (a tsvector
# holds at most 1 MB), overlapping by more tokens than a query term can have, so that every
# occurrence of a term lies wholly inside one row (`position_windows`).
MAX_POSITIONS = 16_000
MAX_OCCURRENCES = MAX_POSITIONS
WINDOW_OVERLAP = MAX_QUERY_LENGTH


def token_stream(*fields: str) -> list[str]:
    """The bigram tokens of the fields in order, every whitespace run and every field kept apart
    by `RUN_SEPARATOR`, so a phrase of consecutive tokens never joins two of them."""
    tokens: list[str] = []
    for text in fields:
        for run in token_safe(normalize(text)).split(" "):
            if run:
                if tokens:
                    tokens.append(RUN_SEPARATOR)
                tokens.extend(_safe_run_tokens(run))
    return tokens


def position_windows(
    tokens: list[str], max_positions: int | None = None,
    max_occurrences: int | None = None, overlap: int | None = None,
) -> list[tuple[int, int]]:
    """[start, end) windows covering `tokens`: each within `max_positions` tokens and
    `max_occurrences` of any one token, each starting `overlap` tokens before the previous end
    (most documents are one window). Defaults: the module's limits."""
    max_positions = max_positions or MAX_POSITIONS
    max_occurrences = max_occurrences or MAX_OCCURRENCES
    overlap = WINDOW_OVERLAP if overlap is None else overlap
    windows: list[tuple[int, int]] = []
    start = 0
    while True:
        seen: dict[str, int] = {}
        end = start
        while end < len(tokens) and end - start < max_positions:
            n = seen.get(tokens[end], 0) + 1
            if n > max_occurrences:
                break
            seen[tokens[end]] = n
            end += 1
        windows.append((start, end))
        if end >= len(tokens):
            return windows
        # Always move forward, even if a window is shorter than the overlap.
        start = max(start + 1, end - overlap)


def gram_set(tokens: list[str]) -> set[str]:
    """The bigrams of a token stream and the trigrams of its consecutive bigrams (a trigram
    never spans two runs: the separator and one-character runs are not bigrams)."""
    grams = {t for t in tokens if len(t) == 2}
    grams.update(a + b[1] for a, b in zip(tokens, tokens[1:], strict=False)
                 if len(a) == 2 and len(b) == 2)
    return grams


def term_grams(term: str) -> tuple[list[str], bool]:
    """The index grams every text holding `term` holds, and whether holding them proves it:
    a term of up to three characters is one gram; a longer one is its trigrams, which a text
    may hold apart (then the text decides)."""
    safe = token_safe(term)
    if len(safe) <= 3:
        return [safe], True
    return sorted({safe[i : i + 3] for i in range(len(safe) - 2)}), False


def tsquery_grams(grams: list[str]) -> str:
    """A tsquery matching a vector that holds every gram."""
    return "(" + " & ".join(_tsquery_lexeme(g) for g in grams) + ")"
