"""Requests for the tests: built through the intake service so the log and clock are real."""

from __future__ import annotations

import datetime
import itertools
from zoneinfo import ZoneInfo

import time_machine

from gongkai.id_numbers import resident_id_check_char

SHANGHAI = ZoneInfo("Asia/Shanghai")

_serial = itertools.count(1)


def resident_id(n: int | None = None) -> str:
    """A valid 居民身份证号码 (check character computed), different for each n."""
    n = next(_serial) if n is None else n
    body = f"41162219850101{n % 1000:03d}"
    return body + resident_id_check_char(body)


def applicant_data(agency, **overrides) -> dict:
    data = {
        "agency": agency,
        "applicant_type": "natural",
        "applicant_name": "王小明",
        "id_type": "resident_id",
        "id_number": resident_id(),
        "legal_representative": "",
        "contact_person": "",
        "phone": "13812345678",
        "email": "wang@example.cn",
        "address": "河南省周口市西华县人民路8号3单元",
        "postal_code": "466600",
        "title": "2021年度商贸流通专项资金分配结果",
        "document_number": "",
        "description": "",
        "info_form": "electronic",
        "delivery": "email",
    }
    data.update(overrides)
    return data


def make_application(agency, *, received_on: datetime.date = datetime.date(2021, 9, 27),
                     user=None, **overrides):
    """An online request received on `received_on` (the clock travels there to submit it)."""
    from gongkai.applications.services import application_submit

    with time_machine.travel(datetime.datetime.combine(received_on, datetime.time(10, 0), tzinfo=SHANGHAI), tick=False):
        return application_submit(agency=agency, data=applicant_data(agency, **overrides), user=user)
