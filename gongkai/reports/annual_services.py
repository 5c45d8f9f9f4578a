"""Every change to an annual report: check permission, check the workflow table, change,
audit — one transaction each. Views, the demo loader and tests call these and nothing else.

    report_generate(agency=, year=, actor=)            the draft (草稿) for a year
    report_update_narrative(report=, actor=, texts=)   一、五、六 while it is a draft
    report_submit(report=, actor=)                     报送: only with no validation errors
    report_return(report=, actor=, comment=)           退回 with comments, back to 草稿
    report_approve(report=, actor=, comment="")        审定
    report_publish(report=, actor=)                    发布 as a catalog Document

Reading the report (its numbers, findings, differences) is in `annual_selectors`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.catalog import file_writes
from gongkai.reports.audit_actions import (  # noqa: F401  (re-exported for callers)
    REPORT_APPROVE,
    REPORT_GENERATE,
    REPORT_NARRATIVE,
    REPORT_PUBLISH,
    REPORT_RETURN,
    REPORT_SUBMIT,
)
from gongkai.worklog import selectors as worklog

from . import annual_selectors as selectors
from . import permissions
from .models import FIRST_YEAR, LAST_YEAR, AnnualReport, ReportComment
from .workflow import ensure_action

ANNUAL_REPORT_CATEGORY = "annual-reports"  # catalog data migration 0002: 政府信息公开年报
TEXT_MAX = 20000
COMMENT_MAX = 2000

Status = AnnualReport.Status


def _locked(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update(of=("self",)).select_related("agency").get(
        pk=report.pk
    )


def _comment(report, kind, actor, text: str = "") -> None:
    ReportComment.objects.create(report=report, kind=kind, author=actor, text=text)


def _store_findings(report: AnnualReport, findings) -> None:
    report.findings = [f.to_dict() for f in findings]
    report.error_count = sum(1 for f in findings if f.is_error)
    report.warning_count = sum(1 for f in findings if not f.is_error and f.severity == "warning")
    report.validated_at = timezone.now()


@transaction.atomic
def report_generate(*, agency, year: int, actor) -> AnnualReport:
    """The draft of `agency`'s report for `year` (the existing one if it was generated before).

    A draft holds no numbers: they are computed from the records each time it is shown, until
    it is 报送. The current year may be drafted (texts written early, numbers watched as they
    come in); it cannot be 报送 before the year is over (`report_submit`).
    """
    if not permissions.can_generate_report(actor, agency):
        raise PermissionDenied
    if not (FIRST_YEAR <= year <= LAST_YEAR):
        raise ValidationError(_("年度须在 %(first)s 年至 %(last)s 年之间。"), code="bad_year",
                              params={"first": FIRST_YEAR, "last": LAST_YEAR})
    if year > timezone.localdate().year:
        raise ValidationError(_("%(year)s 年尚未开始，不能生成该年度的报告。"), code="year_not_begun",
                              params={"year": year})
    report, created = AnnualReport.objects.get_or_create(
        agency=agency, year=year, defaults={"created_by": actor}
    )
    if created:
        # Section 一 starts from what the work log counts ("全年召开…会议 N 次"); staff write the rest.
        overview = worklog.overview_sentence(agency=agency, year=year)
        if overview:
            report.overview = overview
            report.save(update_fields=["overview"])
        audit.record(actor=actor, action=REPORT_GENERATE, target=report,
                     data={"year": year, "overview_from_work_log": bool(overview)})
    return report


@transaction.atomic
def report_update_narrative(*, report: AnnualReport, actor, texts: dict[str, str]) -> AnnualReport:
    """Change the narrative sections (keys "一", "五", "六") of a draft."""
    if not permissions.can_edit_report(actor, report):
        raise PermissionDenied
    report = _locked(report)
    if not report.is_editable:
        raise ValidationError(
            _("报告当前状态为“%(current)s”，不能修改；请由监督员退回后再修改。"), code="not_editable",
            params={"current": report.get_status_display()},
        )
    changed = []
    for code, field in AnnualReport.TEXT_FIELDS.items():
        if code not in texts:
            continue
        value = (texts[code] or "").replace("\r\n", "\n").strip()
        if len(value) > TEXT_MAX:
            raise ValidationError(_("文字部分过长（不超过 %(max)s 字）。"), code="text_too_long",
                                  params={"max": TEXT_MAX})
        if getattr(report, field) != value:
            setattr(report, field, value)
            changed.append(code)
    if changed:
        report.save()
        audit.record(actor=actor, action=REPORT_NARRATIVE, target=report,
                     data={"sections": changed})
    return report


@transaction.atomic
def report_submit(*, report: AnnualReport, actor) -> AnnualReport:
    """报送: freeze the numbers and texts as they are now and send them to the supervising
    office. Refused before the year is over (code "year_not_over") and while the validator
    finds an error (code "has_errors")."""
    if not permissions.can_submit_report(actor, report):
        raise PermissionDenied
    report = _locked(report)
    target = ensure_action("submit", report.status)
    if not report.year_is_over:
        raise ValidationError(
            _("%(year)s 年尚未结束，本年度的数字还会变化；年度结束后才能报送。"), code="year_not_over",
            params={"year": report.year},
        )
    value = selectors.report_live_value(report)
    findings = selectors.report_findings(report, value)
    _store_findings(report, findings)
    if report.error_count:  # the page lists them; nothing is stored
        raise ValidationError(
            _("报告有 %(count)s 处错误，改正后才能报送。"), code="has_errors",
            params={"count": report.error_count},
        )
    report.snapshot = value.to_dict()
    report.status = target
    report.submitted_by, report.submitted_at = actor, timezone.now()
    report.save()
    _comment(report, ReportComment.Kind.SUBMITTED, actor)
    audit.record(actor=actor, action=REPORT_SUBMIT, target=report,
                 data={"warnings": report.warning_count})
    return report


@transaction.atomic
def report_return(*, report: AnnualReport, actor, comment: str) -> AnnualReport:
    """退回: the supervising office sends the report back with its comments (back to 草稿)."""
    if not permissions.can_supervise_report(actor, report):
        raise PermissionDenied
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("退回时请填写意见。"), code="comment_required")
    if len(comment) > COMMENT_MAX:
        raise ValidationError(_("意见过长。"), code="comment_too_long")
    report = _locked(report)
    previous = report.status
    report.status = ensure_action("return", report.status)
    report.snapshot = {}  # a draft shows the live numbers again
    report.approved_by, report.approved_at = None, None
    report.save()
    _comment(report, ReportComment.Kind.RETURNED, actor, comment)
    audit.record(actor=actor, action=REPORT_RETURN, target=report, reason=comment,
                 data={"from": previous})
    return report


@transaction.atomic
def report_approve(*, report: AnnualReport, actor, comment: str = "") -> AnnualReport:
    """审定: the supervising office accepts the numbers and texts that were 报送."""
    if not permissions.can_supervise_report(actor, report):
        raise PermissionDenied
    comment = (comment or "").strip()[:COMMENT_MAX]
    report = _locked(report)
    report.status = ensure_action("approve", report.status)
    report.approved_by, report.approved_at = actor, timezone.now()
    report.save()
    _comment(report, ReportComment.Kind.APPROVED, actor, comment)
    audit.record(actor=actor, action=REPORT_APPROVE, target=report, reason=comment)
    return report


@transaction.atomic
@file_writes.removed_on_failure()  # the Word and PDF attachments, if publishing fails after them
def report_publish(*, report: AnnualReport, actor) -> AnnualReport:
    """发布: the approved report becomes a Document in 政府信息公开年报 (catalog), its body the
    HTML rendering and the Word and PDF renderings attached; from now on it is frozen.

    The catalog's two-person rule applies: the document is drafted and submitted in the name of
    the 信息发布员 who 报送 the report (they put their name to it) and approved by `actor`, a
    审核员 of the agency, who therefore must be someone else. The published numbers are the
    ones the supervising office approved (the snapshot taken at 报送).
    """
    from gongkai.catalog import services as catalog
    from gongkai.catalog.models import Category, Kind, Topic
    from gongkai.reportformat.render import render_docx, render_fragment, render_pdf
    from gongkai.reportformat.values import Report

    if not permissions.can_publish_report(actor, report):
        raise PermissionDenied
    report = _locked(report)
    target = ensure_action("publish", report.status)
    drafter = report.submitted_by
    if drafter is None or actor.pk == drafter.pk:
        raise ValidationError(
            _("报告须由报送人以外的审核员发布。"), code="self_publication"
        )
    today = timezone.localdate()
    value = Report.from_dict(report.snapshot)
    try:
        category = Category.objects.get(slug=ANNUAL_REPORT_CATEGORY)
    except Category.DoesNotExist as exc:
        raise ValidationError(_("公开目录中没有“政府信息公开年报”栏目。"), code="no_category") from exc
    document = catalog.document_create(agency=report.agency, actor=drafter, data={
        "title": value.title, "category": category, "kind": Kind.REPORT, "topic": Topic.GENERAL,
        "issuer": report.agency.name, "written_on": today, "published_on": today,
        "summary": str(_("%(agency)s%(year)s年政府信息公开工作年度报告，附 Word 和 PDF 版本。")
                       % {"agency": report.agency.name, "year": report.year}),
        "keywords": "政府信息公开 年度报告",
        "body": render_fragment(value, title=False),  # the document page's h1 is the title
    })
    stem = f"{report.agency.slug}-{report.year}"
    for data, name in ((render_docx(value), f"{stem}.docx"), (render_pdf(value), f"{stem}.pdf")):
        catalog.attachment_add(document=document, actor=drafter, upload=ContentFile(data, name=name))
    catalog.document_submit(document=document, actor=drafter)
    document = catalog.document_approve(document=document, actor=actor,
                                        note=str(_("年度报告经审定后发布")))
    findings = selectors.report_findings(report, value, published_on=today)
    _store_findings(report, findings)
    report.status = target
    report.document = document
    report.published_by, report.published_at = actor, timezone.now()
    report.save()
    _comment(report, ReportComment.Kind.PUBLISHED, actor)
    audit.record(actor=actor, action=REPORT_PUBLISH, target=report,
                 data={"document": document.pk, "index_no": document.index_no,
                       "drafter": drafter.pk})
    return report
