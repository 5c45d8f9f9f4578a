"""The report's workflow: 草稿 → 报送 (only without validation errors) → 退回 or 审定 → 发布,
one transition table, wrong-status steps refused, every act audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.catalog.models import Status as DocStatus
from gongkai.reportformat.values import Report
from gongkai.reports import annual_services as services
from gongkai.reports import workflow
from gongkai.reports.models import AnnualReport, ReportComment
from tests.reports.annual_support import *  # noqa: F403
from tests.reports.annual_support import TEXTS, YEAR, report_at

pytestmark = pytest.mark.django_db
S = AnnualReport.Status


def _actions(report):
    return list(AuditEntry.objects.filter(target_type="reports.annualreport",
                                          target_id=str(report.pk))
                .order_by("id").values_list("action", flat=True))


def test_generating_twice_gives_the_same_draft(agency, publisher):
    first = services.report_generate(agency=agency, year=YEAR, actor=publisher)
    second = services.report_generate(agency=agency, year=YEAR, actor=publisher)
    assert first.pk == second.pk
    assert first.status == S.DRAFT
    assert _actions(first) == ["reports.annual.generate"]


def test_the_current_year_may_be_drafted_but_not_submitted(agency, publisher, client):
    from django.urls import reverse
    from django.utils import timezone

    this_year = timezone.localdate().year
    report = services.report_generate(agency=agency, year=this_year, actor=publisher)
    assert report.status == S.DRAFT and report.year_is_over is False
    client.force_login(publisher)
    page = client.get(reverse("reports:staff_detail", args=[agency.slug, this_year])).content.decode()
    assert f"{this_year} 年尚未结束" in page
    with pytest.raises(ValidationError) as exc:
        services.report_submit(report=report, actor=publisher)
    assert exc.value.code == "year_not_over"
    report.refresh_from_db()
    assert report.status == S.DRAFT


def test_the_current_year_is_offered_with_a_notice(agency, publisher, client):
    from django.urls import reverse
    from django.utils import timezone

    this_year = timezone.localdate().year
    client.force_login(publisher)
    page = client.get(reverse("reports:staff_list")).content.decode()
    assert f'<option value="{this_year}">{this_year}年（本年度尚未结束）</option>' in page
    response = client.post(reverse("reports:staff_generate"), {"agency": agency.pk, "year": this_year})
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:staff_detail", args=[agency.slug, this_year])


def test_a_year_not_yet_begun_cannot_be_generated(agency, publisher):
    from django.utils import timezone

    with pytest.raises(ValidationError) as exc:
        services.report_generate(agency=agency, year=timezone.localdate().year + 1, actor=publisher)
    assert exc.value.code == "year_not_begun"


def test_submission_is_refused_while_the_validator_finds_errors(agency, publisher, records):
    report = services.report_generate(agency=agency, year=YEAR, actor=publisher)
    with pytest.raises(ValidationError) as exc:
        services.report_submit(report=report, actor=publisher)  # 一、五、六 still empty
    assert exc.value.code == "has_errors"
    report.refresh_from_db()
    assert report.status == S.DRAFT
    assert report.snapshot == {}
    assert exc.value.params == {"count": 3}
    from gongkai.reports.annual_selectors import report_findings

    errors = [f for f in report_findings(report) if f.is_error]
    assert {(f.rule, f.code) for f in errors} == {("W-1", "narrative_missing")}
    assert "reports.annual.submit" not in _actions(report)


def test_each_empty_section_is_reported_once(agency, publisher, records):
    """Issue 20: an empty 一、五、六 was reported twice, as W-1 (an error) and T-2 (a warning)."""
    from gongkai.reports.annual_selectors import report_findings

    report = services.report_generate(agency=agency, year=YEAR, actor=publisher)
    about_empty = [(f.section, f.rule) for f in report_findings(report)
                   if f.code in ("narrative_missing", "empty_section")]
    assert sorted(about_empty) == [("一", "W-1"), ("五", "W-1"), ("六", "W-1")]


def test_submission_freezes_numbers_texts_and_findings(agency, publisher, records):
    report = report_at(S.SUBMITTED, agency=agency, publisher=publisher)
    assert report.status == S.SUBMITTED
    frozen = Report.from_dict(report.snapshot)
    assert frozen.get("table3", "new", "total") == 5
    assert frozen.get("table3", "carried_in", "total") == 1
    assert frozen.texts["六"] == TEXTS["六"]
    assert report.error_count == 0
    assert report.submitted_by == publisher
    assert list(report.comments.values_list("kind", flat=True)) == [ReportComment.Kind.SUBMITTED]


def test_narrative_cannot_change_once_submitted(agency, publisher, records):
    report = report_at(S.SUBMITTED, agency=agency, publisher=publisher)
    with pytest.raises(ValidationError) as exc:
        services.report_update_narrative(report=report, actor=publisher, texts={"一": "改"})
    assert exc.value.code == "not_editable"


def test_return_needs_comments_and_sends_the_report_back_to_draft(
    agency, publisher, supervisor, records
):
    report = report_at(S.SUBMITTED, agency=agency, publisher=publisher)
    with pytest.raises(ValidationError) as exc:
        services.report_return(report=report, actor=supervisor, comment="  ")
    assert exc.value.code == "comment_required"
    report = services.report_return(report=report, actor=supervisor, comment="第五部分过于简略")
    assert report.status == S.DRAFT
    assert report.snapshot == {}
    assert report.comments.last().text == "第五部分过于简略"
    # the drafter edits and sends it again
    services.report_update_narrative(report=report, actor=publisher,
                                     texts={"五": TEXTS["五"] + "并建立更新提醒机制。"})
    report = services.report_submit(report=report, actor=publisher)
    assert report.status == S.SUBMITTED


@pytest.mark.parametrize("status,action,target", [
    (S.DRAFT, "approve", None), (S.DRAFT, "publish", None), (S.DRAFT, "return", None),
    (S.SUBMITTED, "submit", None), (S.SUBMITTED, "publish", None),
    (S.APPROVED, "approve", None), (S.APPROVED, "submit", None),
    (S.PUBLISHED, "return", None), (S.PUBLISHED, "publish", None), (S.PUBLISHED, "submit", None),
    (S.DRAFT, "submit", S.SUBMITTED), (S.SUBMITTED, "return", S.DRAFT),
    (S.SUBMITTED, "approve", S.APPROVED), (S.APPROVED, "return", S.DRAFT),
    (S.APPROVED, "publish", S.PUBLISHED),
])
def test_the_transition_table_allows_only_its_steps(status, action, target):
    if target is None:
        with pytest.raises(ValidationError) as exc:
            workflow.ensure_action(action, status)
        assert exc.value.code == "invalid_transition"
    else:
        assert workflow.ensure_action(action, status) == target


def test_services_refuse_a_step_from_the_wrong_status(agency, publisher, supervisor, reviewer,
                                                      records):
    report = report_at(S.SUBMITTED, agency=agency, publisher=publisher)
    with pytest.raises(ValidationError) as exc:
        services.report_publish(report=report, actor=reviewer)
    assert exc.value.code == "invalid_transition"
    with pytest.raises(ValidationError) as exc:
        services.report_submit(report=report, actor=publisher)
    assert exc.value.code == "invalid_transition"
    report.refresh_from_db()
    assert report.status == S.SUBMITTED


def test_publishing_makes_a_document_in_the_annual_report_category(
    agency, publisher, supervisor, reviewer, records
):
    report = report_at(S.PUBLISHED, agency=agency, publisher=publisher, supervisor=supervisor,
                       reviewer=reviewer)
    assert report.status == S.PUBLISHED
    assert report.published_at is not None
    doc = report.document
    assert doc.status == DocStatus.PUBLISHED
    assert doc.category.slug == "annual-reports"
    assert doc.title == f"{agency.name}{YEAR}年政府信息公开工作年度报告"
    assert doc.index_no
    assert doc.created_by == publisher and doc.reviewed_by == reviewer
    assert "本年新收政府信息公开申请数量" in doc.body
    assert sorted(doc.attachments.values_list("file_kind", flat=True)) == ["docx", "pdf"]
    assert _actions(report) == [
        "reports.annual.generate", "reports.annual.narrative", "reports.annual.submit",
        "reports.annual.approve", "reports.annual.publish",
    ]


def test_the_submitter_cannot_also_publish(agency, second_reviewer, supervisor, records):
    report = report_at(S.APPROVED, agency=agency, publisher=second_reviewer, supervisor=supervisor)
    with pytest.raises(ValidationError) as exc:
        services.report_publish(report=report, actor=second_reviewer)
    assert exc.value.code == "self_publication"
    report.refresh_from_db()
    assert report.status == S.APPROVED and report.document is None


def test_a_failed_publication_leaves_no_document(agency, publisher, supervisor, reviewer, records,
                                                 monkeypatch):
    from gongkai.catalog.models import Document

    report = report_at(S.APPROVED, agency=agency, publisher=publisher, supervisor=supervisor)

    def broken(_value):
        raise ValidationError("渲染失败", code="render_failed")

    monkeypatch.setattr("gongkai.reportformat.render.render_pdf", broken)
    with pytest.raises(ValidationError):
        services.report_publish(report=report, actor=reviewer)
    assert not Document.objects.filter(category__slug="annual-reports").exists()
    report.refresh_from_db()
    assert report.status == S.APPROVED
