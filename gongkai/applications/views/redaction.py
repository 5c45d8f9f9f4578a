"""区分处理 pages of the staff workbench: start, mark (by text and by drawn area), preview,
submit, approve or return. Each act goes through one service in `services.redaction`.

Page images and the preview PDF show the original's content: they are for those who may open
the request, like the original file itself.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import forms as f
from .. import pdf_redaction, services
from ..models import Redaction, RedactionStatus, ReplyFile
from ..permissions import can_approve_redaction, can_redact, can_view_application


def _visible(request, pk) -> Redaction:
    redaction = get_object_or_404(
        Redaction.objects.select_related("reply_file__application__agency", "submitted_by",
                                         "approved_by"), pk=pk)
    if not can_view_application(request.user, redaction.application):
        raise PermissionDenied
    return redaction


def _source(redaction: Redaction) -> bytes:
    with redaction.source.open("rb") as handle:
        return handle.read()


@login_required
@require_POST
def start(request, pk):
    reply_file = get_object_or_404(ReplyFile.objects.select_related("application"), pk=pk)
    if not can_redact(request.user, reply_file.application):
        raise PermissionDenied
    existing = Redaction.objects.filter(reply_file=reply_file).first()
    if existing is not None:
        return redirect(existing.get_absolute_url())
    try:
        redaction = services.redaction_start(reply_file=reply_file, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(reply_file.application.get_absolute_url())
    return redirect(redaction.get_absolute_url())


def _page_context(request, redaction, **forms) -> dict:
    user = request.user
    return {
        "redaction": redaction,
        "application": redaction.application,
        "marks": redaction.marks.select_related("created_by"),
        "pages": range(1, redaction.page_count + 1),
        "can_mark": redaction.status == RedactionStatus.MARKING and can_redact(user, redaction.application),
        "can_approve": redaction.status == RedactionStatus.SUBMITTED
        and can_approve_redaction(user, redaction.application)
        and user.pk not in redaction.marker_ids(),
        "text_form": forms.get("text_form") or f.RedactTextForm(),
        "area_form": forms.get("area_form") or f.RedactAreaForm(initial={"page": 1}),
        "return_form": forms.get("return_form") or f.RedactionReturnForm(),
    }


@never_cache
@login_required
def detail(request, pk):
    redaction = _visible(request, pk)
    return render(request, "applications/redaction_detail.html", _page_context(request, redaction))


def _mark_text(request, redaction):
    form = f.RedactTextForm(request.POST)
    if form.is_valid():
        marks = services.redaction_mark_text(redaction=redaction, actor=request.user,
                                             term=form.cleaned_data["term"],
                                             ground=form.cleaned_data["ground"])
        return _("已标注%(count)s处。") % {"count": len(marks)}, None
    return None, {"text_form": form}


def _mark_area(request, redaction):
    form = f.RedactAreaForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        services.redaction_mark_area(
            redaction=redaction, actor=request.user, page=d["page"] - 1, left=d["left"] / 100,
            top=d["top"] / 100, right=d["right"] / 100, bottom=d["bottom"] / 100,
            ground=d["ground"])
        return _("已标注第%(page)s页的区域。") % {"page": d["page"]}, None
    return None, {"area_form": form}


def _unmark(request, redaction):
    mark = get_object_or_404(redaction.marks, pk=request.POST.get("mark", "0") or 0)
    services.redaction_unmark(mark=mark, actor=request.user)
    return _("已删除标注。"), None


def _submit(request, redaction):
    services.redaction_submit(redaction=redaction, actor=request.user)
    return _("已提交审批。"), None


def _return(request, redaction):
    form = f.RedactionReturnForm(request.POST)
    if form.is_valid():
        services.redaction_return(redaction=redaction, actor=request.user,
                                  reason=form.cleaned_data["reason"])
        return _("已退回标注人。"), None
    return None, {"return_form": form}


def _approve(request, redaction):
    services.redaction_approve(redaction=redaction, actor=request.user)
    return _("已批准，区分处理后的文件已生成，申请人获取的是处理后的文件。"), None


ACTS = {"mark-text": _mark_text, "mark-area": _mark_area, "unmark": _unmark,
        "submit": _submit, "return": _return, "approve": _approve}
APPROVER_ACTS = ("return", "approve")


@login_required
@require_POST
def act(request, pk, action):
    redaction = _visible(request, pk)
    run = ACTS.get(action)
    if run is None:
        raise Http404
    allowed = (can_approve_redaction if action in APPROVER_ACTS else can_redact)
    if not allowed(request.user, redaction.application):
        raise PermissionDenied
    try:
        done, bad_forms = run(request, redaction)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(redaction.get_absolute_url())
    if done is None:
        return render(request, "applications/redaction_detail.html",
                      _page_context(request, redaction, **bad_forms), status=400)
    messages.success(request, done)
    return redirect(redaction.get_absolute_url())


@never_cache
@login_required
def page_image(request, pk, page):
    """Page `page` (from 1) as PNG: with the marks outlined, or `?preview=1` as it will go out."""
    redaction = _visible(request, pk)
    if not 1 <= page <= redaction.page_count:
        raise Http404
    marks = _marks(redaction)
    preview = bool(request.GET.get("preview"))
    if preview and redaction.is_approved:  # the file that went out, as it is
        png = pdf_redaction.render_page(_output(redaction), page - 1)
    else:
        png = pdf_redaction.render_page(_source(redaction), page - 1, marks=marks,
                                        redacted=preview)
    return HttpResponse(png, content_type="image/png")


def _marks(redaction: Redaction) -> list[pdf_redaction.Area]:
    return [pdf_redaction.Area(m.page, *m.rect) for m in redaction.marks.all()]


def _output(redaction: Redaction) -> bytes:
    with redaction.output.open("rb") as handle:
        return handle.read()


@never_cache
@login_required
def output(request, pk):
    """The redacted PDF: once approved, the file the applicant receives; before, a preview of
    the marks as they stand."""
    redaction = _visible(request, pk)
    pdf = (_output(redaction) if redaction.is_approved
           else pdf_redaction.apply(_source(redaction), _marks(redaction)))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = "inline"
    return response
