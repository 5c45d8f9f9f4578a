from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from .models import Attachment, Category, Document, Status


def home(request):
    categories = Category.objects.filter(parent__isnull=True, is_active=True)
    latest = Document.objects.published().select_related("agency", "category")[:20]
    return render(request, "catalog/home.html", {"categories": categories, "latest": latest})


def browse(request, slug=None):
    category = get_object_or_404(Category, slug=slug) if slug else None
    documents = Document.objects.published().select_related("agency", "category")
    if category:
        documents = documents.filter(category=category)
    page = Paginator(documents, 20).get_page(request.GET.get("page"))
    return render(request, "catalog/browse.html", {"category": category, "page_obj": page})


def document_detail(request, pk):
    document = get_object_or_404(
        Document.objects.select_related("agency", "category"), pk=pk, status=Status.PUBLISHED
    )
    return render(request, "catalog/document_detail.html", {"document": document})


def attachment_download(request, pk):
    attachment = get_object_or_404(Attachment, pk=pk, document__status=Status.PUBLISHED)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=attachment.original_name)


def feeds_index(request):
    categories = Category.objects.filter(is_active=True)
    return render(request, "catalog/feeds_index.html", {"categories": categories})
