"""Properties of the pure attachment-name cleaner and the workflow table (hypothesis)."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from gongkai.catalog import files
from gongkai.catalog.models import Status
from gongkai.catalog.workflow import TRANSITIONS, can_transition

names = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(list("/\\..:\x00\x1b\u202e\u200b 西华县通知"))),
    max_size=400,
)


@given(names)
@example(". .pdf")
@example("a/ . .\x00.pdf")
def test_a_cleaned_name_never_holds_a_path_or_a_control_character(raw):
    clean = files.clean_filename(raw)
    assert "/" not in clean and "\\" not in clean
    assert not clean.startswith(".")
    assert all(unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"} for ch in clean)
    assert len(clean) <= files.NAME_MAX
    assert clean == clean.strip()


@given(names)
def test_cleaning_twice_changes_nothing(raw):
    once = files.clean_filename(raw)
    assert files.clean_filename(once) == once


@given(st.text(alphabet="西华县商务局通知附件一二三", min_size=1, max_size=300),
       st.sampled_from([".pdf", ".docx", ".xlsx", ".png"]))
def test_a_long_name_keeps_its_extension(stem, extension):
    assert files.clean_filename(stem + extension).endswith(extension)


@given(st.lists(st.sampled_from(list(Status)), min_size=1, max_size=8))
def test_no_path_reaches_publication_without_review(path):
    """Walking only allowed transitions from a draft, 已发布 is always entered from 待审核."""
    current = Status.DRAFT
    for target in path:
        if can_transition(current, target):
            if target == Status.PUBLISHED:
                assert current == Status.PENDING
            current = target
    assert set(TRANSITIONS) == set(Status)
