"""Registering and closing appeal cases: permissions, validation codes, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.agencies.models import Role
from gongkai.appeals import services
from gongkai.appeals.models import AppealCase
from gongkai.audit.models import AuditEntry
from tests.appeals.factories import make_application

D = dt.date
pytestmark = pytest.mark.django_db


def data(**overrides):
    base = {"kind": "review", "case_number": "西政复〔2022〕7号", "forum": "西华县人民政府",
            "filed_on": D(2022, 4, 10)}
    base.update(overrides)
    return base


def test_handler_registers_a_case_about_a_request_and_it_is_audited(agency, handler, application):
    case = services.appeal_create(actor=handler, agency=agency,
                                  data=data(application=application))
    assert case.result == "pending" and case.closed_on is None
    entry = AuditEntry.objects.for_target(case).get()
    assert entry.action == services.APPEAL_CREATE
    assert entry.agency_id == agency.pk


def test_case_without_a_request_is_allowed(agency, handler):
    case = services.appeal_create(actor=handler, agency=agency, data=data(kind="lawsuit_direct"))
    assert case.application is None


def test_only_handlers_of_the_agency_may_register(agency, other_agency, make_staff, supervisor):
    other_handler = make_staff(other_agency, Role.HANDLER)
    publisher = make_staff(agency, Role.PUBLISHER)
    for user in (other_handler, publisher, supervisor):
        with pytest.raises(PermissionDenied):
            services.appeal_create(actor=user, agency=agency, data=data())
    assert AppealCase.objects.count() == 0


def test_request_of_another_agency_is_refused(agency, other_agency, handler):
    foreign = make_application(other_agency, received_on=D(2022, 3, 1))
    with pytest.raises(ValidationError) as exc:
        services.appeal_create(actor=handler, agency=agency, data=data(application=foreign))
    assert exc.value.error_dict["application"][0].code == "application_other_agency"


def test_case_filed_before_its_request_was_received_is_refused(agency, handler, application):
    with pytest.raises(ValidationError) as exc:
        services.appeal_create(actor=handler, agency=agency,
                               data=data(application=application, filed_on=D(2022, 2, 1)))
    assert exc.value.error_dict["filed_on"][0].code == "filed_before_application"


def test_result_needs_a_closing_date_and_a_closing_date_needs_a_result(agency, handler):
    with pytest.raises(ValidationError) as exc:
        services.appeal_create(actor=handler, agency=agency, data=data(result="upheld"))
    assert exc.value.error_dict["closed_on"][0].code == "closed_on_required"
    with pytest.raises(ValidationError) as exc:
        services.appeal_create(actor=handler, agency=agency, data=data(closed_on=D(2022, 6, 1)))
    assert exc.value.error_dict["result"][0].code == "result_required"


def test_closing_before_filing_is_refused(agency, handler):
    case = services.appeal_create(actor=handler, agency=agency, data=data())
    with pytest.raises(ValidationError) as exc:
        services.appeal_record_result(actor=handler, case=case, result="upheld",
                                      closed_on=D(2022, 1, 1))
    assert exc.value.error_dict["closed_on"][0].code == "closed_before_filed"
    case.refresh_from_db()
    assert case.result == "pending"


def test_duplicate_case_number_is_refused(agency, handler):
    services.appeal_create(actor=handler, agency=agency, data=data())
    with pytest.raises(ValidationError) as exc:
        services.appeal_create(actor=handler, agency=agency, data=data())
    assert exc.value.error_dict["__all__"][0].code == "duplicate_case_number"


def test_recording_the_result_is_audited_as_a_result(agency, handler):
    case = services.appeal_create(actor=handler, agency=agency, data=data())
    services.appeal_record_result(actor=handler, case=case, result="corrected",
                                  closed_on=D(2022, 7, 1), notes="责令重新答复")
    case.refresh_from_db()
    assert (case.result, case.closed_on) == ("corrected", D(2022, 7, 1))
    entry = AuditEntry.objects.for_target(case).filter(action=services.APPEAL_RESULT).get()
    assert entry.data["changed"]["result"] == ["pending", "corrected"]


def test_unchanged_update_writes_no_audit(agency, handler):
    case = services.appeal_create(actor=handler, agency=agency, data=data())
    services.appeal_update(actor=handler, case=case, data=data())
    assert AuditEntry.objects.for_target(case).count() == 1


def test_supervisor_may_not_edit(agency, handler, supervisor):
    case = services.appeal_create(actor=handler, agency=agency, data=data())
    with pytest.raises(PermissionDenied):
        services.appeal_record_result(actor=supervisor, case=case, result="upheld",
                                      closed_on=D(2022, 9, 1))
