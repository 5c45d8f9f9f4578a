"""E-mails go out through background tasks after commit; the daily reminder sends one per day."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.core.management import call_command

from gongkai.applications import services
from gongkai.applications.models import Application
from gongkai.reportformat.template import OUTCOME_PLAIN

from .factories import make_application

D = dt.date


def test_assignment_mails_the_handler(application, handler, agency_admin, travel,
                                      django_capture_on_commit_callbacks):
    travel(D(2021, 10, 8))
    with django_capture_on_commit_callbacks(execute=True):
        services.application_assign(application=application, handler=handler, actor=agency_admin)
    assert [m.to for m in mail.outbox] == [[handler.email]]
    assert application.reference in mail.outbox[0].subject


def test_a_reply_mails_the_applicant(application, handler, travel, django_capture_on_commit_callbacks):
    travel(D(2021, 10, 8))
    with django_capture_on_commit_callbacks(execute=True):
        services.application_close(application=application, actor=handler, outcome="disclosed",
                                   on=D(2021, 10, 8))
    to_applicant = [m for m in mail.outbox if m.to == [application.email]]
    assert len(to_applicant) == 1
    assert OUTCOME_PLAIN["disclosed"] in to_applicant[0].body  # plain words, not the table row
    assert "《答复告知书》" in to_applicant[0].body


def test_nothing_is_mailed_when_the_transaction_fails(application, handler, travel,
                                                      django_capture_on_commit_callbacks):
    travel(D(2021, 10, 8))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            services.application_close(application=application, actor=handler, outcome="nonsense",
                                       on=D(2021, 10, 8))
        except Exception:  # noqa: BLE001 - the refusal itself is tested elsewhere
            pass
    assert callbacks == [] and mail.outbox == []
    application.refresh_from_db()
    assert not application.is_closed


def test_the_daily_reminder_covers_due_soon_and_overdue_once_a_day(agency, handler, travel,
                                                                   django_capture_on_commit_callbacks):
    soon = make_application(agency, received_on=D(2021, 9, 27))  # due 2021-10-29
    late = make_application(agency, received_on=D(2021, 9, 1))  # due 2021-09-29 (before 国庆)
    later = make_application(agency, received_on=D(2021, 10, 20))
    services.application_assign(application=soon, handler=handler, actor=handler)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("applications_remind", date="2021-10-26")
    subjects = " ".join(m.subject for m in mail.outbox)
    assert soon.reference in subjects and late.reference in subjects
    assert later.reference not in subjects
    assert "已逾期" in subjects and "即将到期" in subjects
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("applications_remind", date="2021-10-26")
    assert len(mail.outbox) == sent
    assert Application.objects.filter(reminded_on=D(2021, 10, 26)).count() == 2
