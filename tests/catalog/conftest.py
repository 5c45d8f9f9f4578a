from __future__ import annotations

import pytest

from gongkai.agencies.models import Role


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Each test creates several users; the production hasher would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def publisher(agency, make_staff):
    return make_staff(agency, Role.PUBLISHER, username="publisher")


@pytest.fixture
def reviewer(agency, make_staff):
    return make_staff(agency, Role.REVIEWER, username="reviewer")


@pytest.fixture
def supervisor(county, make_staff):
    return make_staff(county, Role.SUPERVISOR, username="supervisor")


@pytest.fixture
def policies(db):
    from gongkai.catalog.models import Category

    return Category.objects.get(slug="policies")


@pytest.fixture
def draft_data(policies):
    return {
        "title": "关于印发《西华县促进消费实施方案》的通知",
        "doc_number": "西商〔2024〕12号",
        "category": policies,
        "kind": "normative",
        "topic": "commerce",
        "body": "<p>各乡镇人民政府，县直各单位：</p><p>现将方案印发给你们，请认真贯彻执行。</p>",
    }


@pytest.fixture
def standard_catalog(transactional_db):
    """The standard 公开目录 again, for transactional tests (a flush removes migration data)."""
    from gongkai.catalog.standard_catalog import ensure_standard_catalog

    ensure_standard_catalog()
