"""Fixtures for appeal-case tests: a handler and a supervisor, and a request to appeal about."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.agencies.models import Role
from tests.appeals.factories import make_application


@pytest.fixture
def handler(agency, make_staff):
    return make_staff(agency, Role.HANDLER)


@pytest.fixture
def supervisor(county, make_staff):
    return make_staff(county, Role.SUPERVISOR)


@pytest.fixture
def application(agency):
    return make_application(agency, received_on=dt.date(2022, 3, 1),
                            closed_on=dt.date(2022, 3, 20), outcome="withheld_process")
