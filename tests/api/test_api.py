"""The JSON API under /api/v1/: catalog, search, agencies, requests and report check."""

import datetime as dt
from pathlib import Path

import pytest
import time_machine

from gongkai.applications.models import Application
from gongkai.catalog.models import Status
from tests.applications.factories import applicant_data
from tests.catalog.factories import DocumentFactory
from tests.conftest import clear_own_cache

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "xihua-commerce-2021.txt"
API = "/api/v1"


@pytest.fixture(autouse=True)
def _fresh_limits():
    clear_own_cache()
    yield
    clear_own_cache()


@pytest.fixture
def published(agency):
    return DocumentFactory(agency=agency, status=Status.PUBLISHED, title="西华县促进县域商业体系建设实施方案")


def test_agencies_and_categories_are_listed(client, agency):
    body = client.get(f"{API}/agencies").json()
    assert {item["slug"] for item in body["items"]} >= {"xihua", "xihua-commerce"}
    commerce = client.get(f"{API}/agencies/xihua-commerce").json()
    assert commerce["parent"] == "xihua"
    categories = client.get(f"{API}/categories").json()
    assert any(c["slug"] == "annual-reports" for c in categories)


def test_documents_list_and_detail_show_only_published_ones(client, agency, published):
    draft = DocumentFactory(agency=agency, status=Status.DRAFT)
    items = client.get(f"{API}/documents", {"agency": agency.slug}).json()["items"]
    assert [d["id"] for d in items] == [published.pk]
    detail = client.get(f"{API}/documents/{published.pk}").json()
    assert detail["index_no"] == published.index_no
    assert detail["kind_label"] == "行政规范性文件"
    missing = client.get(f"{API}/documents/{draft.pk}")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


def test_lists_are_paginated_with_a_maximum(client, agency, published):
    assert client.get(f"{API}/documents", {"limit": 1}).json()["count"] == 1
    assert client.get(f"{API}/documents", {"limit": 1000}).status_code == 422


def test_search_finds_any_chinese_substring_and_survives_hostile_input(client, published):
    from gongkai.search import backend

    backend.index_documents([published.pk])
    body = client.get(f"{API}/search", {"q": "商业体"}).json()
    assert [r["document"]["id"] for r in body["results"]] == [published.pk]
    for hostile in ['" OR 1=1 --', "NEAR(商业 体系)", "*", "'; DROP TABLE x; --", "a" * 500]:
        response = client.get(f"{API}/search", {"q": hostile})
        assert response.status_code == 200


def test_a_request_is_submitted_and_followed_by_code_and_phone(client, agency):
    data = applicant_data(agency)
    data["agency"] = agency.slug
    with time_machine.travel(dt.datetime(2021, 9, 27, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        response = client.post(f"{API}/requests", data, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["due_on"] == "2021-10-29"
    application = Application.objects.get(query_code=body["query_code"])
    assert application.channel == "online"
    found = client.post(f"{API}/requests/lookup", {"code": body["query_code"], "phone": data["phone"]},
                        content_type="application/json")
    assert found.status_code == 200
    assert found.json()["status"] == application.status
    wrong = client.post(f"{API}/requests/lookup", {"code": body["query_code"], "phone": "13000000000"},
                        content_type="application/json")
    assert (wrong.status_code, wrong.json()["code"]) == (400, "lookup_failed")


def test_a_bad_identity_number_is_refused_with_its_field(client, agency):
    data = applicant_data(agency)
    data["agency"] = agency.slug
    data["id_number"] = data["id_number"][:-1] + ("0" if data["id_number"][-1] != "0" else "1")
    response = client.post(f"{API}/requests", data, content_type="application/json")
    assert response.status_code == 400
    assert "id_number" in response.json()["fields"]
    assert not Application.objects.exists()


def test_a_report_file_is_checked(client, db):
    with SAMPLE.open("rb") as handle:
        response = client.post(f"{API}/reports/check", {"file": handle})
    body = response.json()
    assert response.status_code == 200
    assert body["errors"] > 0
    assert any(f["code"] == "negative" and f["row"] == "normative" for f in body["findings"])


def test_an_executable_is_not_checked(client, db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(f"{API}/reports/check", {"file": SimpleUploadedFile("r.pdf", b"MZ\x90\x00" * 64)})
    assert response.status_code == 400


def test_clients_are_rate_limited_with_a_chinese_message(client, db):
    statuses = [client.get(f"{API}/categories").status_code for _ in range(125)]
    assert statuses[0] == 200
    assert statuses[-1] == 429
    assert client.get(f"{API}/categories").json()["message"] == "请求过于频繁，请稍后再试。"
