"""Masking keeps just enough of a value to recognise it."""

from hypothesis import given
from hypothesis import strategies as st

from gongkai.privacy.masking import mask_address, mask_email, mask_id_number, mask_name, mask_phone


def test_resident_id_keeps_region_and_last_four():
    assert mask_id_number("11010519491231002X") == "110105********002X"


def test_mobile_phone_keeps_prefix_and_last_four():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("138-1234-5678") == "138****5678"


def test_landline_keeps_last_four():
    assert mask_phone("0394-2541001") == "*******1001"


def test_address_is_truncated():
    assert mask_address("河南省周口市西华县人民路8号3单元") == "河南省周口市…"


def test_email_and_name():
    assert mask_email("wang@example.cn") == "w***@example.cn"
    assert mask_name("王小明") == "王**"


@given(st.text(alphabet="0123456789", min_size=17, max_size=17), st.sampled_from("0123456789X"))
def test_masked_id_never_shows_the_birth_date(first17, last):
    number = first17 + last
    masked = mask_id_number(number)
    assert masked[6:14] == "*" * 8
    assert len(masked) == 18


@given(st.from_regex(r"1[3-9]\d{9}", fullmatch=True))
def test_masked_mobile_hides_the_middle_four(number):
    masked = mask_phone(number)
    assert masked[3:7] == "****" and masked[-4:] == number[-4:]
