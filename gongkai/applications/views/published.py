"""The disclosure log (答复公开): public list with per-agency counts, a published request, its
files as disclosed; and the staff acts of publishing and taking down."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import forms as f
from .. import selectors, services
from ..letters import public_letter
from ..models import PublishedRequest, ReplyFile
from ..permissions import can_handle_application
from .downloads import letter_download
from .staff import _attach_errors, _visible

PAGE_SIZE = 20


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def published_list(request):
    """The log, newest first; with `q`, the search of it (the catalog's engine), either within
    the chosen agency."""
    agency = request.GET.get("agency", "")
    form = f.PublishedSearchForm(request.GET or None)
    result = None
    if form.is_valid() and form.cleaned_data["q"].terms:
        page = result = selectors.published_request_search(
            form.cleaned_data["q"], agency_slug=agency, page=_page_number(request.GET.get("page")),
            page_size=PAGE_SIZE)
    else:
        page = Paginator(selectors.published_requests(agency_slug=agency), PAGE_SIZE).get_page(
            request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return render(request, "applications/published_list.html", {
        "page_obj": page, "publications": None if result else page.object_list,
        "result": result, "form": form, "agency": agency, "q": request.GET.get("q", ""),
        "counts": selectors.published_counts(),
        "querystring_without_page": f"{encoded}&" if encoded else "",
    })


def _public(pk) -> PublishedRequest:
    return get_object_or_404(PublishedRequest.objects.public().select_related("application__agency"),
                             pk=pk)


def published_detail(request, pk):
    publication = _public(pk)
    return render(request, "applications/published_detail.html", {
        "publication": publication, "application": publication.application,
        "files": selectors.published_files(publication),
        "letters": selectors.published_letters(publication),
        "converted": selectors.converted_document_of(publication.application),
    })


def published_letter(request, pk, event_id, fmt):
    """A letter of a published request, addressed to "申请人" and free of the applicant's data."""
    publication = _public(pk)
    entry = next((e for e in selectors.published_letters(publication) if e.event.pk == event_id),
                 None)
    if entry is None:
        raise Http404
    content = public_letter(entry.event, publication,
                            file_names=[x.name for x in selectors.published_files(publication)])
    return letter_download(content, fmt, publication.application)


def published_file(request, pk, file_pk):
    publication = _public(pk)
    disclosed = {x.reply_file_id: x for x in selectors.published_files(publication)}.get(file_pk)
    if disclosed is None:
        raise Http404
    return FileResponse(disclosed.open(), as_attachment=True, filename=disclosed.name,
                        content_type=disclosed.content_type)


@login_required
def publish(request, pk):
    application = _visible(request, pk)
    if not can_handle_application(request.user, application):
        raise PermissionDenied
    existing = PublishedRequest.objects.filter(application=application).first()
    if existing is not None:
        return redirect(existing.get_absolute_url())
    disclosed = [x.reply_file_id for x in selectors.disclosed_files(application)]
    form = f.PublishForm(request.POST or None, initial={"files": disclosed},
                         files_queryset=ReplyFile.objects.filter(pk__in=disclosed))
    if request.method == "POST" and form.is_valid():
        try:
            publication = services.published_request_publish(
                application=application, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _attach_errors(form, exc)
        else:
            messages.success(request, _("已在答复公开栏目发布。"))
            return redirect(publication.get_absolute_url())
    return render(request, "applications/application_act.html", {
        "application": application, "form": form, "label": _("公开申请及答复"),
        "deadline": services.deadline_of(application),
    })


@login_required
@require_POST
def unpublish(request, pk):
    application = _visible(request, pk)
    if not can_handle_application(request.user, application):
        raise PermissionDenied
    publication = get_object_or_404(PublishedRequest, application=application)
    services.published_request_withdraw(publication=publication, actor=request.user)
    messages.success(request, _("已撤下。"))
    return redirect(application.get_absolute_url())
