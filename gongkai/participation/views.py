"""意见征集 pages: the public list and page (comment while open, read the 采纳情况 after), and
the staff pages (draft, open, close, moderate, record adoption, publish the feedback)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.agencies.permissions import agencies_with_role, require
from gongkai.audit.models import AuditEntry
from gongkai.client_address import client_address

from . import services
from .forms import AdoptForm, CommentForm, ConsultationForm, FeedbackForm
from .models import Comment, CommentStatus, Consultation
from .permissions import (
    READ_ROLES,
    agencies_for_running,
    can_edit_consultation,
    consultations_visible_to,
)
from .workflow import ACTION_LABELS, TRANSITIONS

PAGE_SIZE = 20


def _errors_to_messages(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# ---- public


def public_list(request):
    consultations = (Consultation.objects.public().select_related("agency")
                     .order_by("status", "-opens_on", "-id"))
    page = Paginator(consultations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participation/public_list.html", {
        "page_obj": page, "consultations": page.object_list, "today": timezone.localdate(),
    })


def public_detail(request, pk):
    consultation = get_object_or_404(Consultation.objects.public().select_related(
        "agency", "final_document"), pk=pk)
    today = timezone.localdate()
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_submit(consultation=consultation, data=form.cleaned_data,
                                    ip=client_address(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("您的意见已提交，审核后公开。感谢您的参与。"))
            return redirect(consultation)
    return render(request, "participation/public_detail.html", {
        "consultation": consultation, "form": form,
        "accepts": consultation.accepts_comments(today),
        "comments": consultation.comments.filter(status=CommentStatus.APPROVED),
    })


# ---- staff


@login_required
def staff_list(request):
    agencies = agencies_with_role(request.user, *READ_ROLES)
    require(agencies.exists())
    consultations = consultations_visible_to(request.user).select_related("agency").annotate(
        pending=Count("comments", filter=Q(comments__status=CommentStatus.PENDING))
    ).order_by("-opens_on", "-id")
    page = Paginator(consultations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participation/staff_list.html", {
        "page_obj": page, "consultations": page.object_list, "today": timezone.localdate(),
        "can_create": agencies_for_running(request.user).exists(),
    })


@login_required
def staff_create(request):
    agencies = agencies_for_running(request.user)
    require(agencies.exists())
    form = ConsultationForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agency = data.pop("agency")
        try:
            consultation = services.consultation_create(actor=request.user, agency=agency,
                                                        data=data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("草稿已保存。核对后点击“发布征集”。"))
            return redirect(consultation.get_staff_url())
    return render(request, "participation/staff_form.html", {"form": form, "consultation": None})


def _visible(request, pk) -> Consultation:
    return get_object_or_404(consultations_visible_to(request.user).select_related("agency"),
                             pk=pk)


@login_required
def staff_detail(request, pk):
    consultation = _visible(request, pk)
    may_edit = can_edit_consultation(request.user, consultation)
    actions = [(a, ACTION_LABELS[a]) for a, (sources, _t) in TRANSITIONS.items()
               if a != "conclude" and consultation.status in sources] if may_edit else []
    return render(request, "participation/staff_detail.html", {
        "consultation": consultation, "may_edit": may_edit, "actions": actions,
        "today": timezone.localdate(),
        "comments": consultation.comments.all(), "adopt_form": AdoptForm(),
        "feedback_form": FeedbackForm(agency=consultation.agency),
        "history": AuditEntry.objects.for_target(consultation).order_by("-created_at")[:30],
    })


@login_required
def staff_edit(request, pk):
    consultation = _visible(request, pk)
    require(can_edit_consultation(request.user, consultation))
    form = ConsultationForm(request.POST or None, instance=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_update(actor=request.user, consultation=consultation,
                                         data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("已保存。"))
            return redirect(consultation.get_staff_url())
    return render(request, "participation/staff_form.html",
                  {"form": form, "consultation": consultation})


_ACTS = {"open": services.consultation_open, "close": services.consultation_close}


@login_required
@require_POST
def staff_act(request, pk, action):
    consultation = _visible(request, pk)
    require(can_edit_consultation(request.user, consultation) and action in _ACTS)
    try:
        _ACTS[action](actor=request.user, consultation=consultation)
    except ValidationError as exc:
        _errors_to_messages(request, exc)
    else:
        messages.success(request, _("已%(action)s。") % {"action": ACTION_LABELS[action]})
    return redirect(consultation.get_staff_url())


def _comment(request, pk) -> Comment:
    visible = Comment.objects.filter(consultation__in=consultations_visible_to(request.user))
    comment = get_object_or_404(visible.select_related("consultation"), pk=pk)
    require(can_edit_consultation(request.user, comment.consultation))
    return comment


@login_required
@require_POST
def comment_moderate(request, pk):
    comment = _comment(request, pk)
    services.comment_moderate(actor=request.user, comment=comment,
                              approve=request.POST.get("decision") == "approve")
    return redirect(comment.consultation.get_staff_url())


@login_required
@require_POST
def comment_adopt(request, pk):
    comment = _comment(request, pk)
    form = AdoptForm(request.POST)
    if form.is_valid():
        try:
            services.comment_adopt(actor=request.user, comment=comment, **form.cleaned_data)
        except ValidationError as exc:
            _errors_to_messages(request, exc)
    else:
        messages.error(request, _("请选择采纳情况。"))
    return redirect(comment.consultation.get_staff_url())


@login_required
@require_POST
def staff_feedback(request, pk):
    consultation = _visible(request, pk)
    require(can_edit_consultation(request.user, consultation))
    form = FeedbackForm(request.POST, agency=consultation.agency)
    if form.is_valid():
        try:
            services.feedback_publish(actor=request.user, consultation=consultation,
                                      feedback=form.cleaned_data["feedback"],
                                      final_document=form.cleaned_data["final_document"])
        except ValidationError as exc:
            _errors_to_messages(request, exc)
        else:
            messages.success(request, _("采纳情况已公布。"))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(consultation.get_staff_url())


