"""The applicant's side: the form, the confirmation with the query code, the status look-up,
the status page (timeline and letters, 补正 upload, withdrawal, the drafted 行政复议申请书 and
投诉书), a registered applicant's own list, and sign-up."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import is_staff_member
from gongkai.client_address import client_address

from .. import online, selectors, services
from ..escalation import DRAFTS, escalation_for
from ..forms import ApplyForm, CorrectionUploadForm, LookupForm, SignupForm
from ..letters import (
    LETTERS,
    document_docx,
    document_pdf,
    letter_content,
    letter_for_event,
)
from ..models import Application, Status
from ..permissions import can_follow_application, remember_lookup
from .downloads import DOCX_TYPE, attachment, letter_download

LAST_SUBMITTED = "applications_last_submitted"


def apply(request):
    """The public form (《条例》第二十九条). Nothing typed is lost when validation fails."""
    initial = {}
    if request.user.is_authenticated:
        initial = {"applicant_name": request.user.full_name, "email": request.user.email}
    agency_slug = request.GET.get("agency")
    if agency_slug:
        initial["agency"] = Agency.objects.active().filter(slug=agency_slug).first()
    form = ApplyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = online.application_submit_online(
                data=form.cleaned_data, ip=client_address(request), user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            remember_lookup(request, application)
            request.session[LAST_SUBMITTED] = application.pk
            return redirect("applications:submitted")
    return render(request, "applications/application_apply.html", {"form": form})


@never_cache
def submitted(request):
    """The confirmation page with the query code (only right after submitting, same session)."""
    pk = request.session.get(LAST_SUBMITTED)
    if pk is None:
        return redirect("applications:apply")
    application = get_object_or_404(Application.objects.select_related("agency"), pk=pk)
    return render(request, "applications/application_submitted.html", {"application": application})


def lookup(request):
    """Anyone with the query code and the phone number follows a request."""
    form = LookupForm(request.POST or None, initial={"code": request.GET.get("code", "")[:16]})
    if request.method == "POST" and form.is_valid():
        try:
            application = online.application_lookup(
                code=form.cleaned_data["code"], phone=form.cleaned_data["phone"],
                ip=client_address(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            remember_lookup(request, application)
            return redirect("applications:track", code=application.query_code)
    return render(request, "applications/application_lookup.html", {"form": form})


def _followed(view):
    """Load the request of the code in the URL for its applicant. A session that has not yet
    passed the look-up (a tracking link opened in a new browser) is sent to the look-up form
    with the code filled in, whether or not the code exists, so the link reveals nothing."""

    @functools.wraps(view)
    def wrapper(request, code, *args, **kwargs):
        application = Application.objects.select_related("agency").filter(
            query_code=code.upper()).first()
        if application is not None and can_follow_application(request, application):
            return view(request, application, *args, **kwargs)
        if request.method != "GET":
            raise PermissionDenied
        messages.info(request, _("请输入申请时填写的联系电话，核对后即可查看办理情况。"))
        return redirect(f"{reverse('applications:lookup')}?{urlencode({'code': code.upper()})}")

    return wrapper


@never_cache
@_followed
def track(request, application):
    """The applicant's status page: public timeline with its letters, due date, result in
    plain words, files; the 补正 upload while one is asked for; the drafted 行政复议申请书 and
    投诉书 when the request is overdue or refused."""
    return _track_page(request, application)


def _track_page(request, application, correction_form=None):
    if correction_form is None and application.status == Status.CORRECTION_REQUESTED:
        correction_form = CorrectionUploadForm()
    return render(request, "applications/application_track.html", {
        "application": application,
        "timeline": selectors.timeline_with_letters(application, public=True),
        "deadline": services.deadline_of(application),
        "files": selectors.disclosed_files(application) if application.is_closed else [],
        "correction_form": correction_form,
        "escalation": escalation_for(application, today=timezone.localdate()),
    })


@never_cache
@require_POST
@_followed
def track_correction(request, application):
    """补正 uploaded by whoever follows the request (query code and phone, or the owner)."""
    form = CorrectionUploadForm(request.POST, request.FILES)
    if form.is_valid():
        limit = settings.GONGKAI_ATTACHMENT_MAX_BYTES
        try:
            online.application_correct_online(
                application=application, note=form.cleaned_data["note"],
                # One byte over the limit is enough for the check to refuse it.
                files=[(f.name, f.read(limit + 1)) for f in form.cleaned_data["files"]],
                ip=client_address(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("补正材料已提交，答复期限自今日起重新计算。"))
            return redirect("applications:track", code=application.query_code)
    application.refresh_from_db()
    return _track_page(request, application, correction_form=form)


@never_cache
@_followed
def track_correction_file(request, application, pk):
    """补正 material the applicant uploaded: theirs to see again (and the agency's staff)."""
    stored = get_object_or_404(application.correction_files, pk=pk)
    return FileResponse(stored.file.open("rb"), as_attachment=True, filename=stored.original_name,
                        content_type=stored.content_type)


@never_cache
@_followed
def track_draft(request, application, kind, fmt):
    """The 行政复议申请书 or 投诉书 drafted from the request (the applicant's own document, with
    their name and address: only for whoever follows the request)."""
    build = DRAFTS.get(kind)
    if build is None or fmt not in ("pdf", "docx"):
        raise Http404
    try:
        document = build(application, today=timezone.localdate())
    except LookupError:
        raise Http404 from None
    name = f"{document.short_name}-{application.pk}"
    if fmt == "pdf":
        return attachment(document_pdf(document), "application/pdf", f"{name}.pdf")
    return attachment(document_docx(document), DOCX_TYPE, f"{name}.docx")


@never_cache
@_followed
def track_letter(request, application, fmt):
    if not application.is_closed:
        raise Http404
    content = letter_content(application, full_personal_data=True)
    return letter_download(content, fmt, application)


@never_cache
@_followed
def track_event_letter(request, application, event_id, fmt):
    """A 补正 or 延期 notice (or the reply) of the applicant's own request."""
    event = get_object_or_404(application.events.public().filter(kind__in=LETTERS), pk=event_id)
    return letter_download(letter_for_event(event, full_personal_data=True), fmt, application)


@_followed
def track_file(request, application, pk):
    """A reply file as disclosed: a redacted file's PDF once approved, never its original."""
    if not application.is_closed:
        raise Http404
    disclosed = {f.reply_file_id: f for f in selectors.disclosed_files(application)}.get(pk)
    if disclosed is None:
        raise Http404
    return FileResponse(disclosed.open(), as_attachment=True, filename=disclosed.name,
                        content_type=disclosed.content_type)


@require_POST
@_followed
def track_withdraw(request, application):
    try:
        services.application_withdraw(application=application, by_applicant_online=True,
                                      note=_("申请人在线撤回"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("您的申请已撤回。"))
    return redirect("applications:track", code=application.query_code)



@login_required
def mine(request):
    """A registered applicant's own requests."""
    page = Paginator(selectors.application_list_of_applicant(user=request.user), 20).get_page(
        request.GET.get("page"))
    return render(request, "applications/application_mine.html", {
        "page_obj": page, "querystring_without_page": "",
        "rows": [(a, selectors.letters_sent(a)) for a in page.object_list],
        "is_staff": is_staff_member(request.user),
    })


def signup(request):
    """Simple sign-up for applicants (no staff roles come with it)."""
    if request.user.is_authenticated:
        return redirect("applications:mine")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = get_user_model().objects.create_user(
            username=data["username"], email=data["email"], password=data["password1"],
            full_name=data["full_name"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("注册成功。登录后在线提交的申请会出现在“我的申请”中。"))
        return redirect("applications:mine")
    return render(request, "applications/application_signup.html", {"form": form})
