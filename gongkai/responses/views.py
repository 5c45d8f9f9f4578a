"""The public's side (ask, follow with the query code, read published answers) and the staff
queue (answer, refer to 依申请公开, refuse, set the answer period). Permissions in `permissions`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import agencies_with_role, require
from gongkai.applications import ratelimit
from gongkai.audit.models import AuditEntry
from gongkai.client_address import client_address

from . import services
from .forms import (
    AnswerForm,
    AskForm,
    LookupForm,
    NoteForm,
    PeriodForm,
    PublicFilterForm,
    QueueFilterForm,
)
from .models import PublicQuestion, ResponseSetting
from .permissions import (
    READ_ROLES,
    can_answer_question,
    can_set_answer_period,
    questions_visible_to,
)

PAGE_SIZE = 20
LAST_ASKED = "responses_last_asked"



# ---- public


def public_list(request):
    form = PublicFilterForm(request.GET or None)
    questions = PublicQuestion.objects.published().select_related("agency").order_by(
        "-answered_on", "-id")
    if form.is_valid():
        if form.cleaned_data["agency"]:
            questions = questions.filter(agency=form.cleaned_data["agency"])
        if form.cleaned_data["q"]:
            questions = questions.filter(subject__icontains=form.cleaned_data["q"])
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "responses/public_list.html", {
        "form": form, "page_obj": page, "questions": page.object_list,
    })


def public_detail(request, pk):
    question = get_object_or_404(PublicQuestion.objects.published().select_related("agency"),
                                 pk=pk)
    return render(request, "responses/public_detail.html", {"question": question})


def ask(request):
    initial = {}
    if request.GET.get("agency"):
        initial["agency"] = Agency.objects.active().filter(slug=request.GET["agency"]).first()
    form = AskForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            question = services.question_submit(agency=data.pop("agency"), data=data,
                                                ip=client_address(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            request.session[LAST_ASKED] = question.pk
            return redirect("responses:submitted")
    return render(request, "responses/ask.html", {"form": form})


@never_cache
def submitted(request):
    pk = request.session.get(LAST_ASKED)
    if pk is None:
        return redirect("responses:ask")
    question = get_object_or_404(PublicQuestion.objects.select_related("agency"), pk=pk)
    return render(request, "responses/submitted.html", {"question": question})


def _digits(value: str) -> str:
    return "".join(ch for ch in value or "" if ch.isdigit())


@never_cache
def lookup(request):
    """Follow a question with its query code and phone number (the same limit as requests)."""
    form = LookupForm(request.POST or None)
    question = None
    if request.method == "POST" and form.is_valid():
        key = ["question-lookup:" + client_address(request)]
        if ratelimit.exceeded("ip", key) is not None:
            form.add_error(None, _("查询过于频繁，请稍后再试。"))
        else:
            found = PublicQuestion.objects.select_related("agency").filter(
                query_code=form.cleaned_data["code"].strip().upper()).first()
            phone = _digits(form.cleaned_data["phone"])
            if found is not None and phone and constant_time_compare(_digits(found.phone), phone):
                question = found
            else:
                ratelimit.hit("ip", key)
                form.add_error(None, _("查询码或联系电话不正确。"))
    return render(request, "responses/lookup.html", {"form": form, "question": question})


# ---- staff


@login_required
def queue(request):
    agencies = agencies_with_role(request.user, *READ_ROLES)
    require(agencies.exists())
    form = QueueFilterForm(request.GET or None, agencies=agencies)
    today = timezone.localdate()
    questions = questions_visible_to(request.user).select_related("agency")
    if form.is_valid():
        data = form.cleaned_data
        if data["agency"]:
            questions = questions.filter(agency=data["agency"])
        if data["status"]:
            questions = questions.filter(status=data["status"])
        if data["overdue"]:
            questions = questions.overdue(today)
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    visible = questions_visible_to(request.user)
    return render(request, "responses/queue.html", {
        "form": form, "page_obj": page, "questions": page.object_list, "today": today,
        "open_count": visible.open().count(), "overdue_count": visible.overdue(today).count(),
        "period_agencies": [a for a in agencies if can_set_answer_period(request.user, a)],
    })


def _visible(request, pk) -> PublicQuestion:
    return get_object_or_404(questions_visible_to(request.user).select_related("agency"), pk=pk)


@never_cache
@login_required
def staff_detail(request, pk):
    question = _visible(request, pk)
    return render(request, "responses/staff_detail.html", {
        "question": question, "today": timezone.localdate(),
        "can_answer": question.is_open and can_answer_question(request.user, question),
        "answer_form": AnswerForm(initial={"public_body": question.public_body}),
        "note_form": NoteForm(),
        "history": AuditEntry.objects.for_target(question).order_by("-created_at")[:20],
    })


def _act(request, pk, form_class, write, done: str):
    question = _visible(request, pk)
    require(can_answer_question(request.user, question))
    form = form_class(request.POST)
    if form.is_valid():
        try:
            write(question, form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, done)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(question)


@login_required
@require_POST
def answer(request, pk):
    return _act(request, pk, AnswerForm, lambda q, data: services.question_answer(
        actor=request.user, question=q, answer=data["answer"], public_body=data["public_body"],
        publish=data["publish"]), _("已答复。"))


@login_required
@require_POST
def refer(request, pk):
    return _act(request, pk, NoteForm, lambda q, data: services.question_refer(
        actor=request.user, question=q, note=data["note"]), _("已引导留言人申请政府信息公开。"))


@login_required
@require_POST
def reject(request, pk):
    return _act(request, pk, NoteForm, lambda q, data: services.question_reject(
        actor=request.user, question=q, note=data["note"]), _("已不予受理。"))


@login_required
def period(request, slug):
    agency = get_object_or_404(Agency, slug=slug)
    require(can_set_answer_period(request.user, agency))
    setting = ResponseSetting.objects.filter(agency=agency).first() or ResponseSetting(agency=agency)
    form = PeriodForm(request.POST or None, instance=setting)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_period_set(actor=request.user, agency=agency,
                                       workdays=form.cleaned_data["answer_workdays"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("答复期限已保存，对此后收到的留言生效。"))
            return redirect("responses:queue")
    return render(request, "responses/period.html", {"form": form, "agency": agency})
