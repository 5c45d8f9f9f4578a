"""The staff workbench: queue, request page, intake, one page per act, letters and files.

Every view checks one predicate from `permissions`; every act goes through one service (which
checks again and audits). Supervisors see their subtree read-only: acts need the handler role.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai import audit
from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role
from gongkai.audit.models import AuditEntry
from gongkai.spreadsheet import safe_row

from .. import forms as f
from .. import selectors, services
from ..letters import LETTER_TITLES, LETTERS, letter_content, letter_for_event
from ..models import Application, CorrectionFile, PublishedRequest, ReplyFile, Status
from ..models.application import OPEN_STATUSES
from ..pdf_redaction import REDACTABLE_TYPES
from ..permissions import (
    VIEW_ROLES,
    can_assign_application,
    can_handle_application,
    can_redact,
    can_register_for,
    can_reveal_applicant,
    can_view_application,
    handlers_for,
)
from ..services.base import EXPORT, LETTER
from .downloads import letter_download


def _require_staff(request, *roles) -> None:
    if not agencies_with_role(request.user, *roles).exists():
        raise PermissionDenied


def _visible(request, pk) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("agency", "agency__parent", "handler"), pk=pk)
    if not can_view_application(request.user, application):
        raise PermissionDenied
    return application


def _filtered_queue(request, today):
    params = request.GET
    agency_id = params.get("agency", "")
    return selectors.application_queue_for(
        user=request.user, today=today, status=params.get("status", "open"),
        agency_id=int(agency_id) if agency_id.isdigit() else None,
        handler=params.get("handler", ""), overdue=params.get("overdue", ""),
    )


@never_cache
@login_required
def queue(request):
    """Requests sorted by due date; due within 3 working days and overdue highlighted."""
    _require_staff(request, *VIEW_ROLES)
    today = timezone.localdate()
    params = request.GET
    agency_id = params.get("agency", "")
    qs = _filtered_queue(request, today)
    page = Paginator(qs, 25).get_page(params.get("page"))
    soon = selectors.due_soon_limit(today)
    rows = [(a, selectors.urgency(a, today, soon)) for a in page.object_list]
    query = params.copy()
    query.pop("page", None)
    return render(request, "applications/application_queue.html", {
        "rows": rows, "page_obj": page,
        "statuses": Status.choices, "status": params.get("status", "open"),
        "agencies": agencies_with_role(request.user, *VIEW_ROLES).order_by("path"),
        "agency_id": agency_id, "handler": params.get("handler", ""),
        "overdue": params.get("overdue", ""), "today": today,
        "handlers": selectors.handlers_visible_to(request.user),
        "export_query": query.urlencode(),
        "can_register": agencies_with_role(request.user, Role.HANDLER).exists(),
    })


@never_cache
@login_required
def export(request):
    """The filtered queue as CSV, personal data masked; the export itself is audited."""
    _require_staff(request, *VIEW_ROLES)
    today = timezone.localdate()
    rows = list(_filtered_queue(request, today)[:5000])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = "attachment; filename=applications.csv"
    response.write("\ufeff")  # Excel reads UTF-8 with a BOM
    writer = csv.writer(response)
    writer.writerow(["申请编号", "受理机关", "申请人类型", "申请人", "证件号码", "联系电话", "通信地址",
                     "所需信息", "申请渠道", "收到日期", "答复期限", "状态", "处理结果", "答复日期",
                     "办理人"])
    for a in rows:
        writer.writerow(safe_row([
            a.reference, a.agency.name, a.get_applicant_type_display(), a.applicant_name,
            a.id_number_masked, a.phone_masked, a.address_masked, a.subject,
            a.get_channel_display(), a.received_on, a.due_on_label,
            a.get_status_display(), a.get_outcome_display(), a.closed_on or "", a.handler or "",
        ]))
    audit.record(actor=request.user, action=EXPORT, target=None,
                 data={"rows": len(rows), "query": request.GET.urlencode()})
    return response


@dataclass(frozen=True)
class Action:
    label: Any
    form: type
    run: Callable
    statuses: tuple[str, ...]
    assign: bool = False  # permission: assign (handler or admin) instead of handle


def _run_assign(request, app, data):
    return services.application_assign(application=app, handler=data["handler"], actor=request.user)


def _run_correction_request(request, app, data):
    return services.application_request_correction(
        application=app, actor=request.user, on=data["on"], period_end=data["period_end"],
        items=data["items"])


def _run_correction_receive(request, app, data):
    return services.application_receive_correction(
        application=app, actor=request.user, on=data["on"], note=data["note"])


def _run_extend(request, app, data):
    return services.application_extend(
        application=app, actor=request.user, on=data["on"], days=data["days"],
        approved_by=data["approved_by"], notified_on=data["notified_on"], reason=data["reason"])


def _run_consult(request, app, data):
    return services.application_start_consultation(
        application=app, actor=request.user, on=data["on"], party=data["party"],
        consulted=data["consulted"], note=data["note"])


def _run_consult_end(request, app, data):
    return services.application_end_consultation(
        application=app, actor=request.user, on=data["on"], note=data["note"])


def _run_fee_notify(request, app, data):
    return services.application_notify_fee(
        application=app, actor=request.user, on=data["on"], method=data["method"],
        pages=data.get("pages"))


def _run_fee_pay(request, app, data):
    return services.application_record_payment(
        application=app, actor=request.user, on=data["on"], note=data["note"])


def _run_close(request, app, data):
    return services.application_close(
        application=app, actor=request.user, outcome=data["outcome"], on=data["on"],
        reply_text=data["reply_text"])


def _run_withdraw(request, app, data):
    return services.application_withdraw(
        application=app, actor=request.user, on=data["on"], note=data["note"])


def _run_deliver(request, app, data):
    return services.application_record_delivery(
        application=app, actor=request.user, on=data["on"], method=data["method"],
        note=data["note"])


def _run_attach(request, app, data):
    upload = data["file"]
    return services.application_attach_file(
        application=app, actor=request.user, name=upload.name,
        data=upload.read(settings.GONGKAI_ATTACHMENT_MAX_BYTES + 1))  # the service refuses more


_ANY_OPEN = tuple(OPEN_STATUSES)
_ACTIVE = (Status.RECEIVED, Status.IN_PROGRESS)
ACTIONS: dict[str, Action] = {
    "assign": Action(gettext_lazy("分配办理人"), f.AssignForm, _run_assign, _ANY_OPEN, assign=True),
    "correction-request": Action(gettext_lazy("告知补正"), f.CorrectionRequestForm,
                                 _run_correction_request, _ACTIVE),
    "correction-receive": Action(gettext_lazy("登记收到补正"), f.CorrectionReceiveForm,
                                 _run_correction_receive, (Status.CORRECTION_REQUESTED,)),
    "extend": Action(gettext_lazy("延长答复期限"), f.ExtendForm, _run_extend,
                     (*_ACTIVE, Status.CONSULTING, Status.AWAITING_FEE)),
    "consult": Action(gettext_lazy("征求第三方或其他机关意见"), f.ConsultStartForm, _run_consult, _ACTIVE),
    "consult-end": Action(gettext_lazy("登记收到意见"), f.ConsultEndForm, _run_consult_end,
                          (Status.CONSULTING,)),
    "fee-notify": Action(gettext_lazy("发出收费通知"), f.FeeNotifyForm, _run_fee_notify, _ACTIVE),
    "fee-pay": Action(gettext_lazy("登记缴费"), f.FeePayForm, _run_fee_pay, (Status.AWAITING_FEE,)),
    "close": Action(gettext_lazy("答复办结"), f.CloseForm, _run_close, _ANY_OPEN),
    "withdraw": Action(gettext_lazy("登记撤回申请"), f.WithdrawForm, _run_withdraw, _ANY_OPEN),
    "attach": Action(gettext_lazy("上传答复附件"), f.AttachForm, _run_attach,
                     (*_ANY_OPEN, Status.CLOSED)),
    "deliver": Action(gettext_lazy("登记送达"), f.DeliverForm, _run_deliver, (Status.CLOSED,)),
}


def _allowed(user, app, action: Action) -> bool:
    permitted = (can_assign_application if action.assign else can_handle_application)(user, app)
    return permitted and app.status in action.statuses


def _same_information_context(user, application) -> dict:
    """The request's group of 同一信息 (《条例》第四十四条) and, for those who link, suggestions."""
    from ..models import SameInformationMember, art44_threshold
    from ..permissions import can_link_same_information

    member = (SameInformationMember.objects.select_related("group")
              .filter(application=application).first())
    group = member.group if member else None
    can_link = application.is_closed and can_link_same_information(user, application.agency)
    return {
        "same_information": group,
        "same_information_applicants": selectors.applicant_count(group) if group else 0,
        "can_link_same_information": can_link,
        "same_information_suggestions":
            selectors.same_information_suggestions(application) if can_link else [],
        "threshold": art44_threshold(),
    }


def _detail_context(request, application, revealed=None) -> dict:
    return {
        **_same_information_context(request.user, application),
        "application": application,
        "deadline": services.deadline_of(application),
        "timeline": selectors.timeline_with_letters(application, public=False),
        "files": application.files.select_related("redaction"),
        "can_redact": can_redact(request.user, application),
        "publication": PublishedRequest.objects.filter(application=application).first(),
        "can_publish": application.is_closed and can_handle_application(request.user, application),
        "redactable_types": REDACTABLE_TYPES,
        "audit_entries": AuditEntry.objects.for_target(application)[:50],
        "actions": [(name, a.label) for name, a in ACTIONS.items()
                    if _allowed(request.user, application, a)],
        "can_reveal": can_reveal_applicant(request.user, application),
        "revealed": revealed,
        "overdue": application.is_overdue(timezone.localdate()),
    }


@never_cache
@login_required
def detail(request, pk):
    application = _visible(request, pk)
    return render(request, "applications/application_detail.html",
                  _detail_context(request, application))


@never_cache
@login_required
@require_POST
def reveal(request, pk):
    """The full personal data, for the assigned handler; each look is audited."""
    application = _visible(request, pk)
    revealed = services.application_reveal_applicant(application=application, actor=request.user)
    return render(request, "applications/application_detail.html",
                  _detail_context(request, application, revealed))


@never_cache
@login_required
def act(request, pk, action):
    application = _visible(request, pk)
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404
    if not _allowed(request.user, application, spec):
        raise PermissionDenied
    kwargs = {"handlers": handlers_for(application.agency)} if spec.form is f.AssignForm else {}
    initial = {"on": timezone.localdate()}
    form = spec.form(request.POST or None, request.FILES or None, initial=initial, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            spec.run(request, application, form.cleaned_data)
        except ValidationError as exc:
            _attach_errors(form, exc)
        else:
            messages.success(request, _("已办理：%(action)s。") % {"action": spec.label})
            return redirect(application.get_absolute_url())
    return render(request, "applications/application_act.html", {
        "application": application, "form": form, "action": action, "label": spec.label,
        "deadline": services.deadline_of(application),
    })


def _attach_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@never_cache
@login_required
def register(request):
    """Intake of a request that arrived by 信函, 当面, 传真 or 电子邮件."""
    agencies = agencies_with_role(request.user, Role.HANDLER).order_by("path")
    if not agencies.exists():
        raise PermissionDenied
    form = f.RegisterForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not can_register_for(request.user, data["agency"]):
            raise PermissionDenied
        try:
            application = services.application_register(
                actor=request.user, agency=data["agency"], data=data, channel=data["channel"],
                submitted_on=data.get("submitted_on"), signed_on=data.get("signed_on"),
                confirmed_on=data.get("confirmed_on"), post_kind=data.get("post_kind") or "signed",
                note=data.get("note", ""))
        except ValidationError as exc:
            _attach_errors(form, exc)
        else:
            messages.success(request, _("申请已登记，查询码 %(code)s。") % {"code": application.query_code})
            return redirect(application.get_absolute_url())
    return render(request, "applications/application_register.html", {"form": form})


@never_cache
@login_required
def letter(request, pk, fmt):
    """The reply letter. Full personal data only for the assigned handler (audited)."""
    application = _visible(request, pk)
    if not application.is_closed:
        raise Http404
    full = _full_letter(request, application, fmt, "答复告知书")
    return letter_download(letter_content(application, full_personal_data=full), fmt, application)


@never_cache
@login_required
def event_letter(request, pk, event_id, fmt):
    """The letter an event of the log sent (补正通知书, 延期答复告知书, 答复告知书), with the
    same rule as the reply letter: full personal data only for the assigned handler."""
    application = _visible(request, pk)
    event = get_object_or_404(application.events.filter(kind__in=LETTERS), pk=event_id)
    full = _full_letter(request, application, fmt, LETTER_TITLES[event.kind])
    return letter_download(letter_for_event(event, full_personal_data=full), fmt, application)


def _full_letter(request, application, fmt: str, title) -> bool:
    """Whether the letter may carry the full address; each such download is audited."""
    full = can_reveal_applicant(request.user, application)
    if full and fmt in ("pdf", "docx"):
        audit.record(actor=request.user, action=LETTER, target=application,
                     data={"format": fmt, "letter": str(title)})
    return full


@never_cache
@login_required
def file_download(request, pk):
    reply_file = get_object_or_404(ReplyFile.objects.select_related("application"), pk=pk)
    if not can_view_application(request.user, reply_file.application):
        raise PermissionDenied
    opened = services.reply_file_open(reply_file=reply_file, actor=request.user)
    return FileResponse(opened, as_attachment=True,
                        filename=reply_file.original_name, content_type=reply_file.content_type)



@never_cache
@login_required
def correction_file_download(request, pk):
    """补正 material the applicant uploaded online; each download audited."""
    stored = get_object_or_404(CorrectionFile.objects.select_related("application"), pk=pk)
    if not can_view_application(request.user, stored.application):
        raise PermissionDenied
    opened = services.correction_file_open(correction_file=stored, actor=request.user)
    return FileResponse(opened, as_attachment=True, filename=stored.original_name,
                        content_type=stored.content_type)
