"""Fixtures for the working-day calendar tests."""

from __future__ import annotations

import pytest

from gongkai.workdays import schedule


@pytest.fixture(autouse=True)
def _fresh_calendar():
    """Each test starts and ends with no cached schedule: rolled-back test transactions send
    no signal, so an override entered in one test must not leak into the next."""
    schedule.invalidate()
    yield
    schedule.invalidate()


@pytest.fixture
def calendar_admin(db):
    from tests.factories import UserFactory

    return UserFactory(username="calendar_admin", is_superuser=True, is_staff=True)
