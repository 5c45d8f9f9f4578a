"""The public search page: /search/?q=…&agency=…&category=…&kind=…&topic=…&year=…&validity=…"""

from __future__ import annotations

from django.shortcuts import render

from gongkai.catalog.forms import DocumentFilterForm
from gongkai.catalog.models import Document
from gongkai.page_cache import cache_anonymous_page

from . import backend
from .forms import SearchForm

PAGE_SIZE = 20


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


@cache_anonymous_page
def search(request):
    form = SearchForm(request.GET or None)
    filters = DocumentFilterForm(request.GET or None)
    result = None
    if form.is_valid() and form.cleaned_data["q"].terms:
        result = backend.search(
            form.cleaned_data["q"],
            queryset=(
                filters.filter_queryset(Document.objects.published())
                if filters.is_filtered() else None
            ),
            page=_page_number(request.GET.get("page")),
            page_size=PAGE_SIZE,
        )
    return render(
        request,
        "search/document_search.html",
        {
            "form": form,
            "filters": filters,
            "result": result,
            "page_obj": result,
        },
    )
