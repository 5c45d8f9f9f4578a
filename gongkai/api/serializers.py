"""Model instances → API dictionaries (one place, so list, search and detail agree)."""

from __future__ import annotations

from django.conf import settings

from gongkai.agencies.models import Agency
from gongkai.catalog.models import Document


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def agency_out(agency: Agency, parent_slugs: dict[int, str]) -> dict:
    return {
        "slug": agency.slug, "name": agency.name, "parent": parent_slugs.get(agency.parent_id),
        "level": agency.level, "functions": agency.functions, "internal_units": agency.internal_units,
        "address": agency.address, "office_hours": agency.office_hours, "phone": agency.phone,
        "leaders": agency.leader_lines, "url": absolute(agency.get_absolute_url()),
    }


def document_out(document: Document) -> dict:
    return {
        "id": document.pk, "index_no": document.index_no, "title": document.title,
        "doc_number": document.doc_number, "agency": document.agency.slug,
        "agency_name": document.agency.name, "category": document.category.slug,
        "category_name": document.category.name, "kind": document.kind,
        "kind_label": document.get_kind_display(), "topic": document.topic,
        "topic_label": document.get_topic_display(), "validity": document.validity,
        "validity_label": document.get_validity_display(), "written_on": document.written_on,
        "published_on": document.published_on, "url": absolute(document.get_absolute_url()),
    }


def document_detail_out(document: Document) -> dict:
    return {
        **document_out(document),
        "summary": document.summary,
        "body_html": document.body,  # sanitised with nh3 when saved
        "validity_changed_on": document.validity_changed_on,
        "interprets": document.interprets_id,
        "interpretations": list(
            document.interpretations.published().values_list("pk", flat=True)
        ),
        "attachments": [
            {"name": a.original_name, "kind": a.file_kind, "size": a.size,
             "url": absolute(a.get_absolute_url())}
            for a in document.attachments.all()
        ],
    }
