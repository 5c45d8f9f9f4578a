"""Hostile uploads through the real pages and the API, not only through `inspect_upload`.

Every upload entry point × every hostile file: the staff attachment upload, the handler's reply
files, the supervisor's report check page, the API's report check and (for spreadsheets) the
yearly figures import.
Each is refused with a Chinese message and leaves no record and no file. A hostile *name* on a
good file is not refused: it is cleaned to its last component (browsers on Windows send full
paths) and the file is stored under its hash, so no name ever reaches the file system.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.models import ReplyFile
from gongkai.catalog.models import Attachment, Status
from gongkai.reports.models import YearlyFigures
from gongkai.supervision.models import UploadedReportCheck
from tests.appeals.factories import make_application
from tests.catalog.factories import DocumentFactory
from tests.catalog.test_attachments import EXE, PDF, docx_bytes, zip_bomb
from tests.conftest import clear_own_cache

pytestmark = pytest.mark.django_db

LIMIT = 1024 * 1024


def many_members() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(5001):
            archive.writestr(f"word/media/{number}.xml", "")
    return buffer.getvalue()


def lying_sizes() -> bytes:
    """A real docx plus a member whose headers claim 1,000 bytes but which inflates to 50 MB."""
    buffer = io.BytesIO(docx_bytes())
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/image1.png", b"\0" * (50 * 1024 * 1024))
    real = (50 * 1024 * 1024).to_bytes(4, "little")
    assert buffer.getvalue().count(real) == 2  # the local and the central header
    return buffer.getvalue().replace(real, (1000).to_bytes(4, "little"))


# name, content, a phrase of the Chinese message
HOSTILE_FILES = {
    "exe-renamed-pdf": ("公告.pdf", EXE, "不支持的文件类型"),
    "pdf-named-docx": ("通知.docx", PDF, "不一致"),
    "docx-zip-bomb": ("通知.docx", zip_bomb(), "压缩炸弹"),
    "docx-lying-sizes": ("通知.docx", lying_sizes(), "大小信息不实"),
    "docx-5001-members": ("通知.docx", many_members(), "条目过多"),
    "oversized-pdf": ("大文件.pdf", PDF + b"%" * (LIMIT + 1), "文件过大"),
}


@dataclass
class Endpoint:
    upload: Callable[..., str]   # (client, world, name, data) -> the text the user sees
    stored: Callable[[], int]    # how many records the endpoint has made


@pytest.fixture
def world(agency, make_staff, settings, client):
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = LIMIT
    clear_own_cache()  # the API's rate limit
    publisher = make_staff(agency, "publisher")
    supervisor = make_staff(agency, "supervisor")
    return {
        "handler": make_staff(agency, "handler"),
        "application": make_application(agency, received_on=dt.date(2022, 3, 1)),
        "agency": agency,
        "draft": DocumentFactory(agency=agency, status=Status.DRAFT),
        "publisher": publisher,
        "supervisor": supervisor,
    }


def _attachment(client, world, name, data) -> str:
    client.force_login(world["publisher"])
    url = reverse("catalog:staff_attachment_add", kwargs={"pk": world["draft"].pk})
    response = client.post(url, {"file": SimpleUploadedFile(name, data)}, follow=True)
    return response.content.decode()


def _reply_file(client, world, name, data) -> str:
    client.force_login(world["handler"])
    url = reverse("applications:act", kwargs={"pk": world["application"].pk, "action": "attach"})
    response = client.post(url, {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200  # the form again, with the error
    return response.content.decode()


def _check_page(client, world, name, data) -> str:
    client.force_login(world["supervisor"])
    response = client.post(reverse("supervision:check_list"), {
        "agency": world["agency"].pk, "year": 2021, "file": SimpleUploadedFile(name, data),
    }, follow=True)
    return response.content.decode()


def _check_api(client, world, name, data) -> str:
    response = client.post("/api/v1/reports/check", {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 400, response.content
    return response.json()["message"]


ENDPOINTS = {
    "staff-attachment": Endpoint(_attachment, lambda: Attachment.objects.count()),
    "reply-file": Endpoint(_reply_file, lambda: ReplyFile.objects.count()),
    "report-check-page": Endpoint(_check_page, lambda: UploadedReportCheck.objects.count()),
    "report-check-api": Endpoint(_check_api, lambda: 0),
}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("case", HOSTILE_FILES)
def test_a_hostile_file_is_refused_with_a_chinese_message(client, world, settings, endpoint, case):
    name, data, phrase = HOSTILE_FILES[case]
    media = settings.MEDIA_ROOT
    shown = ENDPOINTS[endpoint].upload(client, world, name, data)
    assert phrase in shown
    assert ENDPOINTS[endpoint].stored() == 0
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.parametrize("name", [
    "../../etc/公告.pdf", "..\\..\\windows\\公告.pdf", "/etc/公告.pdf", "C:\\Users\\张三\\公告.pdf",
    "公\x00告.pdf", "\u202efdp.公告.pdf",
])
def test_a_hostile_name_is_cleaned_and_never_reaches_the_file_system(client, world, settings, name):
    _attachment(client, world, name, PDF)
    attachment = Attachment.objects.get()
    assert not set("/\\\x00\u202e") & set(attachment.original_name)
    assert attachment.original_name.endswith("公告.pdf")
    stored = [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]
    assert len(stored) == 1 and "公告" not in str(stored[0])


def test_a_hostile_name_on_a_checked_report_is_cleaned(client, world):
    response = client.post("/api/v1/reports/check",
                           {"file": SimpleUploadedFile("..\\..\\年度报告.txt", "一、总体情况".encode())})
    assert response.status_code == 200, response.content
    assert response.json()["file"] == "年度报告.txt"


@pytest.mark.parametrize("case", ["docx-zip-bomb", "docx-5001-members", "exe-renamed-pdf"])
def test_a_hostile_spreadsheet_is_refused_by_the_figures_import(client, world, case):
    _name, data, _phrase = HOSTILE_FILES[case]
    client.force_login(world["publisher"])
    response = client.post(reverse("reports:figures_import"),
                           {"file": SimpleUploadedFile("年度数据.xlsx", data)})
    assert response.status_code == 200
    assert ("压缩炸弹" if case == "docx-zip-bomb" else "条目过多" if "members" in case
            else "无法读取该 Excel 文件") in response.content.decode()
    assert not YearlyFigures.objects.exists()
