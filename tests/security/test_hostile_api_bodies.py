"""Hostile JSON bodies to the API: a clear JSON error, never a server error or a stored row."""

from __future__ import annotations

import json

import pytest

from gongkai.applications.models import Application
from tests.applications.factories import applicant_data
from tests.conftest import clear_own_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    clear_own_cache()


def _submission(agency, escape: str) -> str:
    """A valid submission whose description and address carry the JSON escape `escape`."""
    data = applicant_data(agency)
    data["agency"] = agency.slug
    text = json.dumps({**data, "description": "请公开@@", "address": "地址@@"}, ensure_ascii=False)
    return text.replace("@@", escape)


@pytest.mark.parametrize(
    "body, status, code",
    [
        # A JSON escape for half a surrogate pair is valid JSON but no text: it crashed the
        # field encryption with UnicodeEncodeError (500) before the parser refused it.
        (lambda agency: _submission(agency, "\\ud800"), 400, "invalid_text"),
        (lambda agency: _submission(agency, "\\u0000"), 400, "invalid"),
        (lambda agency: b'{"agency": "\xff\xfe"}', 400, "invalid_json"),
        (lambda agency: '{"agency": ', 400, "invalid_json"),
        (lambda agency: "[]", 422, "invalid"),
        (lambda agency: '"just a string"', 422, "invalid"),
    ],
    ids=["lone-surrogate", "nul", "invalid-utf8", "truncated", "array", "string"],
)
def test_a_hostile_request_body_gets_a_json_error(client, agency, body, status, code):
    raw = body(agency)
    response = client.post("/api/v1/requests", data=raw, content_type="application/json")
    assert (response.status_code, response.json()["code"]) == (status, code), response.content
    assert response.json()["message"]
    assert not Application.objects.exists()


def test_the_same_submission_with_a_valid_escape_is_accepted(client, agency):
    response = client.post("/api/v1/requests", data=_submission(agency, "\\u4e2d\\ud83d\\ude00"),
                           content_type="application/json")
    assert response.status_code == 201, response.content
    assert Application.objects.get().description == "请公开中😀"
