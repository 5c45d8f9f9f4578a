"""Attachments are checked by content, limited in size, stored under a hash, served safely."""

from __future__ import annotations

import io
import zipfile

import docx
import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.catalog import files, services
from gongkai.catalog.models import Attachment, Status
from tests.catalog.factories import DocumentFactory

# A minimal, valid one-page PDF.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 200


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("西华县商务局关于开展消费促进月活动的通知")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["项目", "金额（万元）"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    return buffer.getvalue()


def check(name, data, max_bytes=10 * 1024 * 1024):
    return files.inspect_upload(name=name, data=data, max_bytes=max_bytes)


@pytest.mark.parametrize(
    "name, data, kind",
    [("公告.pdf", PDF, "pdf"), ("图.png", PNG, "png"), ("通知.docx", None, "docx"),
     ("预算表.xlsx", None, "xlsx")],
)
def test_the_accepted_kinds_are_recognised_by_content(name, data, kind):
    data = data or (docx_bytes() if kind == "docx" else xlsx_bytes())
    assert check(name, data).kind == kind


def test_a_renamed_executable_is_refused():
    with pytest.raises(ValidationError) as error:
        check("公告.pdf", EXE)
    assert error.value.code == "unsupported_type"


def test_plain_text_named_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        check("readme.pdf", b"just some text, not a pdf at all")
    assert error.value.code == "unsupported_type"


def test_the_extension_must_agree_with_the_content():
    with pytest.raises(ValidationError) as error:
        check("照片.jpg", PDF)
    assert error.value.code == "extension_mismatch"
    with pytest.raises(ValidationError) as error:
        check("表格.xlsx", docx_bytes())
    assert error.value.code == "extension_mismatch"


def test_a_zip_that_is_not_an_office_file_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", EXE)
    with pytest.raises(ValidationError) as error:
        check("通知.docx", buffer.getvalue())
    assert error.value.code == "unsupported_type"


def test_a_zip_bomb_is_refused():
    with pytest.raises(ValidationError) as error:
        check("通知.docx", zip_bomb())
    assert error.value.code == "zip_bomb"


def test_an_oversized_file_is_refused():
    with pytest.raises(ValidationError) as error:
        check("大文件.pdf", PDF + b"0" * 2000, max_bytes=1000)
    assert error.value.code == "file_too_large"


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\张三\\桌面\\通知.pdf", "通知.pdf"),
        ("通\x00知\x1b[31m.pdf", "通知[31m.pdf"),
        ("..\u202egpj.pdf", "gpj.pdf"),
        ("  附件 \t 一 .pdf", "附件 一 .pdf"),
        ("a<b>c?.pdf", "a_b_c_.pdf"),
    ],
)
def test_path_separators_and_control_characters_are_cleaned_from_names(raw, clean):
    assert files.clean_filename(raw) == clean


def test_a_name_cleaned_to_nothing_gets_a_neutral_name():
    assert check("../../", PDF).name == "附件.pdf"


@pytest.mark.django_db
def test_an_attachment_is_stored_under_its_hash_and_audited(agency, publisher):
    document = DocumentFactory(agency=agency)
    upload = SimpleUploadedFile("../../西华县/公告.pdf", PDF)
    attachment = services.attachment_add(document=document, actor=publisher, upload=upload)
    assert attachment.original_name == "公告.pdf"
    assert attachment.file.name.endswith(attachment.sha256)
    assert "公告" not in attachment.file.name and ".." not in attachment.file.name
    assert attachment.file.read() == PDF


@pytest.mark.django_db
def test_an_oversized_upload_is_refused_by_the_service(settings, agency, publisher):
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = 100
    document = DocumentFactory(agency=agency)
    with pytest.raises(ValidationError) as error:
        services.attachment_add(document=document, actor=publisher,
                                upload=SimpleUploadedFile("a.pdf", PDF))
    assert error.value.code == "file_too_large"
    assert Attachment.objects.count() == 0


@pytest.mark.django_db
def test_attachments_of_a_published_document_cannot_be_changed(agency, publisher):
    document = DocumentFactory(agency=agency, status=Status.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        services.attachment_add(document=document, actor=publisher,
                                upload=SimpleUploadedFile("a.pdf", PDF))
    assert error.value.code == "not_editable"


@pytest.mark.django_db(transaction=True)
def test_removing_an_attachment_deletes_the_file(standard_catalog, agency, publisher):
    document = DocumentFactory(agency=agency)
    attachment = services.attachment_add(document=document, actor=publisher,
                                         upload=SimpleUploadedFile("a.pdf", PDF))
    storage, name = attachment.file.storage, attachment.file.name
    services.attachment_remove(attachment=attachment, actor=publisher)
    assert storage.exists(name) is False


@pytest.mark.django_db
def test_a_download_has_safe_headers(client, agency, publisher):
    document = DocumentFactory(agency=agency)
    attachment = services.attachment_add(
        document=document, actor=publisher, upload=SimpleUploadedFile("西华县 公告.pdf", PDF)
    )
    document.status = Status.PUBLISHED
    document.save()
    response = client.get(reverse("catalog:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%E8%A5%BF%E5%8D%8E%E5%8E%BF%20%E5%85%AC%E5%91%8A.pdf" in disposition
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.django_db
def test_attachments_of_unpublished_documents_are_for_the_agencys_staff_only(
    client, agency, publisher, other_agency, make_staff
):
    from gongkai.agencies.models import Role

    document = DocumentFactory(agency=agency)
    attachment = services.attachment_add(document=document, actor=publisher,
                                         upload=SimpleUploadedFile("a.pdf", PDF))
    url = reverse("catalog:attachment", args=[attachment.pk])
    assert client.get(url).status_code == 404
    client.force_login(make_staff(other_agency, Role.REVIEWER))
    assert client.get(url).status_code == 404
    client.force_login(publisher)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_a_failed_upload_leaves_neither_a_record_nor_a_file(agency, publisher, monkeypatch, settings):
    from gongkai import audit

    document = DocumentFactory(agency=agency)

    def broken(**kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        services.attachment_add(document=document, actor=publisher, upload=SimpleUploadedFile("a.pdf", PDF))
    assert Attachment.objects.count() == 0
    stored = list((settings.MEDIA_ROOT / "attachments").rglob("*")) if (settings.MEDIA_ROOT / "attachments").exists() else []
    assert [p for p in stored if p.is_file()] == []
