"""Catalog, search and agency endpoints: the same selectors and filters as the public pages."""


from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from gongkai.agencies.models import Agency
from gongkai.catalog.forms import DocumentFilterForm
from gongkai.catalog.models import Category, Document
from gongkai.search import backend

from .pagination import EstimatedLimitOffsetPagination, Mapped
from .schemas import AgencyOut, CategoryOut, DocumentDetailOut, DocumentOut, SearchOut, responses
from .serializers import agency_out, document_detail_out, document_out

router = Router(tags=["catalog"])


class DocumentFilters(Schema):
    agency: str = ""
    category: str = ""
    kind: str = ""
    topic: str = ""
    year: str = ""
    validity: str = ""


def _filtered(filters: DocumentFilters):
    form = DocumentFilterForm({k: v for k, v in filters.dict().items() if v})
    return form.filter_queryset(Document.objects.published().select_related("agency", "category"))


@router.get("/agencies", response=responses(list[AgencyOut]), summary="机构列表")
@paginate(LimitOffsetPagination)
def agency_list(request):
    agencies = list(Agency.objects.active().order_by("path", "sort_order"))
    slugs = {a.pk: a.slug for a in agencies}
    return [agency_out(a, slugs) for a in agencies]


@router.get("/agencies/{slug}", response=responses(AgencyOut, 404), summary="机构信息")
def agency_detail(request, slug: str):
    agency = get_object_or_404(Agency.objects.active(), slug=slug)
    parent = {agency.parent_id: agency.parent.slug} if agency.parent_id else {}
    return agency_out(agency, parent)


@router.get("/categories", response=responses(list[CategoryOut]), summary="公开目录栏目")
def category_list(request):
    categories = list(Category.objects.filter(is_active=True).select_related("parent"))
    return [
        {"slug": c.slug, "name": c.name, "parent": c.parent.slug if c.parent_id else None,
         "article_item": c.article_item}
        for c in categories
    ]


@router.get("/documents", response=responses(list[DocumentOut]), summary="公开信息列表（筛选条件同公开目录）")
@paginate(EstimatedLimitOffsetPagination)
def document_list(request, filters: Query[DocumentFilters]):
    return Mapped(_filtered(filters).order_by("-published_on", "-id"), document_out)


@router.get("/documents/{document_id}", response=responses(DocumentDetailOut, 404),
            summary="公开信息详情")
def document_detail(request, document_id: int):
    document = get_object_or_404(
        Document.objects.published().select_related("agency", "category")
        .prefetch_related("attachments"),
        pk=document_id,
    )
    return document_detail_out(document)


@router.get("/search", response=responses(SearchOut), summary="全文检索（任意连续两个以上的字）")
def search(request, filters: Query[DocumentFilters], q: str = "", page: int = 1):
    parsed = backend.parse_query(q[:200])
    if not parsed.terms:
        return {"query": q, "count": 0, "count_display": "0", "count_estimated": False, "page": 1, "pages": 0, "results": [],
                "message": parsed.problem or "请输入要检索的词语。"}
    result = backend.search(parsed, queryset=_filtered(filters),
                            page=max(1, min(page, 10_000)), page_size=20)
    return {
        "query": q, "count": result.count, "count_display": result.count_display,
        "count_estimated": result.estimated, "page": result.number, "pages": result.paginator.num_pages,
        "message": parsed.problem or "",
        "results": [
            {"document": document_out(hit.document), "in_title": hit.in_title,
             "snippet_html": str(hit.snippet_html)}
            for hit in result.hits
        ],
    }
