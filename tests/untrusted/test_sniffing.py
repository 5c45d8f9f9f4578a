"""The kind of a file is read from its content wherever it starts (property tests)."""

from __future__ import annotations

import io
import zipfile

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gongkai.reportformat.limits import contains_zip
from gongkai.reportformat.parse import sniff_format


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


names = st.text(st.characters(min_codepoint=97, max_codepoint=122), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(prefix=st.binary(max_size=3000),
       members=st.dictionaries(names, st.binary(max_size=500), min_size=1, max_size=5),
       stored=st.booleans(), name=st.sampled_from(["r.txt", "r.html", "r", "r.pdf.txt"]))
def test_a_zip_behind_any_prefix_is_found(prefix, members, stored, name):
    data = prefix + _zip(members, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    assume(b"%PDF-" not in data[:1024])  # a PDF header first: read as a PDF
    assert contains_zip(data)
    assert sniff_format(data, name) == "docx"
    # zipfile, which the readers use, finds the same archive: the sniffing agrees with it.
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == list(members)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_text_is_never_taken_for_a_zip_or_a_pdf(text):
    data = text.encode("utf-8").replace(b"%PDF-", b"")
    if contains_zip(data):  # only where zipfile would open it too
        assert zipfile.is_zipfile(io.BytesIO(data))
    else:
        assert sniff_format(data, "r.txt") in ("text", "html")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000))
def test_any_bytes_are_sniffed_without_error(data):
    assert sniff_format(data, "r.txt") in ("text", "html", "docx", "pdf")


def test_a_pdf_header_within_the_first_kilobyte_is_a_pdf():
    assert sniff_format(b"\\r\\n" * 100 + b"%PDF-1.7\\n...", "r.txt") == "pdf"
    assert sniff_format(b" " * 2000 + b"%PDF-1.7\\n", "r.txt") == "text"


def test_a_directory_of_many_entries_is_recognised_without_reading_it():
    data = _zip({f"m{i}": b"" for i in range(20000)}, zipfile.ZIP_STORED)
    assert contains_zip(b"junk" + data)
