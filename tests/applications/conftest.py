"""Fixtures of the request tests: a handler, an admin, a supervisor, a request, a frozen clock."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from gongkai.agencies.models import Role
from tests.conftest import clear_own_cache

from .factories import SHANGHAI, make_application


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Users are created in almost every test here; PBKDF2 would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _clear_cache():
    # The working-day calendar caches entered years per process; a rolled-back test database
    # sends no signal, so forget it around every test.
    from gongkai.workdays.schedule import invalidate

    clear_own_cache()
    invalidate()
    yield
    clear_own_cache()
    invalidate()


@pytest.fixture
def handler(agency, make_staff):
    return make_staff(agency, Role.HANDLER, username="handler")


@pytest.fixture
def other_handler(other_agency, make_staff):
    return make_staff(other_agency, Role.HANDLER, username="other_handler")


@pytest.fixture
def agency_admin(agency, make_staff):
    return make_staff(agency, Role.ADMIN, username="agency_admin")


@pytest.fixture
def supervisor(county, make_staff):
    return make_staff(county, Role.SUPERVISOR, username="supervisor")


@pytest.fixture
def publisher(agency, make_staff):
    return make_staff(agency, Role.PUBLISHER, username="publisher")


@pytest.fixture
def application(agency):
    return make_application(agency, received_on=datetime.date(2021, 9, 27))


@pytest.fixture
def travel():
    """travel(date) freezes "today" (Asia/Shanghai noon) for the rest of the test."""
    travellers = []

    def go(day: datetime.date):
        traveller = time_machine.travel(
            datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=SHANGHAI), tick=False)
        traveller.start()
        travellers.append(traveller)

    yield go
    for traveller in reversed(travellers):
        traveller.stop()


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login
