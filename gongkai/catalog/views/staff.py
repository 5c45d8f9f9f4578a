"""Staff pages of the catalog: my agencies' documents, drafting, attachments, review, withdrawal.

Every view checks one predicate from `permissions` and calls one service; refusals from the
services (ValidationError with a code) come back to the user as Chinese messages.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, require
from gongkai.audit.models import AuditEntry

from .. import services
from ..forms import (
    ApproveForm,
    AttachmentForm,
    DocumentForm,
    ReasonForm,
    StaffFilterForm,
    ValidityForm,
)
from ..models import Attachment, Document, Status
from ..permissions import (
    STAFF_READ_ROLES,
    can_edit_document,
    can_review_document,
    can_view_staff_document,
    documents_for_staff,
    documents_to_review,
)
from ..workflow import EDITABLE, can_transition
from .public import PAGE_SIZE


def _messages_of(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _document(pk) -> Document:
    return get_object_or_404(Document.objects.select_related("agency", "category", "interprets"), pk=pk)


@login_required
def document_list(request):
    """Documents of every status in the agencies where the user works or supervises."""
    agencies = agencies_with_role(request.user, *STAFF_READ_ROLES)
    require(agencies.exists())
    form = StaffFilterForm(request.GET or None, agencies=agencies)
    documents = documents_for_staff(request.user).select_related("agency", "category", "created_by")
    if form.is_valid():
        if form.cleaned_data["status"]:
            documents = documents.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["agency"]:
            documents = documents.filter(agency=form.cleaned_data["agency"])
        if form.cleaned_data["q"]:
            q = form.cleaned_data["q"]
            documents = documents.filter(Q(title__contains=q) | Q(doc_number__contains=q))
    page = Paginator(documents.order_by("-updated_at", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "catalog/document_staff_list.html", {
        "form": form, "page_obj": page,
        "may_create": agencies_with_role(request.user, Role.PUBLISHER).exists(),
    })


@login_required
def document_create(request):
    agencies = agencies_with_role(request.user, Role.PUBLISHER)
    require(agencies.exists())
    form = DocumentForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(
                agency=form.cleaned_data["agency"], actor=request.user, data=form.service_data()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("草稿已保存。可上传附件后提交审核。"))
            return redirect(document.get_staff_url())
    return render(request, "catalog/document_form.html", {"form": form, "document": None})


@login_required
def document_edit(request, pk):
    document = _document(pk)
    require(can_edit_document(request.user, document))
    if document.status not in EDITABLE:
        messages.error(request, _("该信息当前不能修改；已发布的信息须先撤回。"))
        return redirect(document.get_staff_url())
    form = DocumentForm(request.POST or None, instance=Document.objects.get(pk=document.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(document=document, actor=request.user, data=form.service_data())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect(document.get_staff_url())
    return render(request, "catalog/document_form.html", {"form": form, "document": document})


@login_required
def document_detail(request, pk):
    """The staff view of one document: status, metadata, attachments, history and actions."""
    document = _document(pk)
    require(can_view_staff_document(request.user, document))
    may_edit = can_edit_document(request.user, document)
    may_review = can_review_document(request.user, document)
    history = AuditEntry.objects.for_target(document).order_by("created_at", "id")
    return render(request, "catalog/document_staff_detail.html", {
        "document": document,
        "attachments": list(document.attachments.all()),
        "history": history,
        "may_edit": may_edit and document.status in EDITABLE,
        "may_submit": may_edit and can_transition(document.status, Status.PENDING),
        "may_approve": may_review and can_transition(document.status, Status.PUBLISHED)
        and request.user.pk not in {document.created_by_id, document.submitted_by_id},
        "may_return": may_review and can_transition(document.status, Status.RETURNED),
        "may_withdraw": may_review and can_transition(document.status, Status.WITHDRAWN),
        "may_set_validity": may_review,
        "attachment_form": AttachmentForm(),
        "approve_form": ApproveForm(),
    })


@login_required
@require_POST
def document_submit(request, pk):
    document = _document(pk)
    require(can_edit_document(request.user, document))
    try:
        services.document_submit(document=document, actor=request.user)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, _("已提交审核。"))
    return redirect(document.get_staff_url())


@login_required
@require_POST
def document_approve(request, pk):
    document = _document(pk)
    require(can_review_document(request.user, document))
    form = ApproveForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        document = services.document_approve(document=document, actor=request.user, note=note)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, _("已审核通过并发布，索引号 %(no)s。") % {"no": document.index_no})
    return redirect(document.get_staff_url())


def _reason_view(request, pk, *, service, title, done, template="catalog/document_reason_form.html"):
    document = _document(pk)
    require(can_review_document(request.user, document))
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(document=document, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(document.get_staff_url())
    return render(request, template, {"form": form, "document": document, "title": title})


@login_required
def document_return(request, pk):
    return _reason_view(request, pk, service=services.document_return,
                        title=_("退回修改"), done=_("已退回，起草人可以修改后重新提交。"))


@login_required
def document_withdraw(request, pk):
    return _reason_view(request, pk, service=services.document_withdraw,
                        title=_("撤回已发布信息"), done=_("已撤回，公众页面不再显示该信息。"))


@login_required
def document_validity(request, pk):
    document = _document(pk)
    require(can_review_document(request.user, document))
    form = ValidityForm(
        request.POST or None,
        initial={"validity": document.validity, "changed_on": document.validity_changed_on},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.document_set_validity(
                document=document, actor=request.user, validity=form.cleaned_data["validity"],
                changed_on=form.cleaned_data["changed_on"], reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("有效性已更新。"))
            return redirect(document.get_staff_url())
    return render(request, "catalog/document_validity_form.html", {"form": form, "document": document})


@login_required
@require_POST
def attachment_add(request, pk):
    document = _document(pk)
    require(can_edit_document(request.user, document))
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = services.attachment_add(
                document=document, actor=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
        else:
            messages.success(request, _("附件“%(name)s”已上传。") % {"name": attachment.original_name})
    else:
        messages.error(request, _("请选择要上传的文件。"))
    return redirect(document.get_staff_url())


@login_required
@require_POST
def attachment_remove(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("document"), pk=pk)
    document = attachment.document
    require(can_edit_document(request.user, document))
    try:
        services.attachment_remove(attachment=attachment, actor=request.user)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, _("附件已删除。"))
    return redirect(document.get_staff_url())


@login_required
def review_queue(request):
    """Documents waiting for the user's review, oldest submission first."""
    require(agencies_with_role(request.user, Role.REVIEWER).exists())
    documents = documents_to_review(request.user).select_related("agency", "category", "created_by",
                                                                 "submitted_by")
    page = Paginator(documents.order_by("updated_at", "id"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "catalog/document_review_queue.html", {
        "page_obj": page,
    })
