"""`{{ html|sanitized }}`: rich text made safe where it is shown, not only where it is saved.

The services sanitise bodies and guides on save, but other writers exist (the Django admin
edits an agency's guide directly, data loaders, the shell); sanitising again at display costs
microseconds and makes the page safe whoever wrote the row.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from gongkai.richtext import sanitize_html

register = template.Library()


@register.filter
def sanitized(html: str) -> SafeString:
    return mark_safe(sanitize_html(html or ""))  # noqa: S308 - nh3 has just cleaned it
