"""Public pages of the catalog: home, browsing, document pages, attachment downloads, feeds index.

Each page runs a small, fixed number of queries (select_related, no per-row queries).
"""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from gongkai.agencies.models import Agency
from gongkai.page_cache import CachedCountPaginator, cache_anonymous_page

from .. import files, page_scopes, selectors
from ..forms import DocumentFilterForm
from ..models import Attachment, Category, Document
from ..permissions import can_download_attachment

PAGE_SIZE = 20
HOME_LATEST = 8
HOME_PER_CATEGORY = 5


def querystring_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode() + "&" if query else ""


@cache_anonymous_page
def home(request):
    """Latest overall, latest per first-level column and per 法定主动公开内容 sub-column."""
    top, children = selectors.category_tree()
    groups = {}
    for category in top:
        groups[("top", category.pk)] = [category.pk] + [c.pk for c in children.get(category.pk, [])]
        for child in children.get(category.pk, []):
            groups[("sub", child.pk)] = [child.pk]
    latest_by_group = selectors.latest_per_group(groups, HOME_PER_CATEGORY)
    sections = [
        {
            "category": category,
            "documents": latest_by_group[("top", category.pk)],
            "children": [
                {"category": child, "documents": latest_by_group[("sub", child.pk)]}
                for child in children.get(category.pk, [])
            ],
        }
        for category in top
    ]
    latest = Document.objects.published().select_related("agency").order_by("-published_on", "-id")
    return render(request, "catalog/home.html", {
        "sections": sections,
        "latest": latest[:HOME_LATEST],
        "agencies": Agency.objects.active().order_by("path", "sort_order"),
    })


@cache_anonymous_page
def browse(request, slug=None):
    """The catalog, optionally within one column (its sub-columns included), with filters."""
    category = get_object_or_404(Category, slug=slug, is_active=True) if slug else None
    data = request.GET.copy()
    if category is not None and not data.get("category"):
        data["category"] = category.slug
    form = DocumentFilterForm(data)
    documents = form.filter_queryset(
        Document.objects.published().select_related("agency", "category").order_by("-published_on", "-id")
    )
    page = CachedCountPaginator(
        documents, PAGE_SIZE, count_key=f"catalog:{slug}:{querystring_without_page(request)}"
    ).get_page(request.GET.get("page"))
    top, children = selectors.category_tree()
    return render(request, "catalog/document_list.html", {
        "category": category,
        "form": form,
        "page_obj": page,
        "tree": [(t, children.get(t.pk, [])) for t in top],
    })


@cache_anonymous_page(scope=page_scopes.document_page_scope)
def document_detail(request, pk):
    document = get_object_or_404(
        Document.objects.published().select_related("agency", "category", "category__parent", "interprets"),
        pk=pk,
    )
    policy = document.interprets if document.interprets_id and document.interprets.is_published else None
    # Few rows: sorted here, because an ORDER BY lures SQLite onto the (status, published_on)
    # index and a scan of every published document (1.3 s at 200,000 documents).
    interpretations = sorted(
        document.interpretations.published().select_related("agency").order_by(),
        key=lambda d: (d.published_on, d.pk), reverse=True,
    )
    return render(request, "catalog/document_detail.html", {
        "document": document,
        "attachments": list(document.attachments.all()),
        "policy": policy,
        "interpretations": interpretations,
    })


def attachment_download(request, pk):
    """Serve an attachment as a download that the browser can neither sniff nor run."""
    attachment = get_object_or_404(Attachment.objects.select_related("document"), pk=pk)
    if not can_download_attachment(request.user, attachment.document):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("附件文件不存在。")) from None
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name,
        content_type=files.KINDS[attachment.file_kind][1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store" if not attachment.document.is_published else "public, max-age=3600"
    return response


@cache_anonymous_page
def feeds_index(request):
    top, children = selectors.category_tree()
    return render(request, "catalog/feeds_index.html", {"tree": [(t, children.get(t.pk, [])) for t in top]})
