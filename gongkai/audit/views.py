import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, require
from gongkai.spreadsheet import safe_row

from . import actions
from .selectors import audit_entries_for


def _entries(request):
    require(request.user.is_superuser or agencies_with_role(request.user, Role.SUPERVISOR).exists())
    agency = request.GET.get("agency", "")
    return audit_entries_for(
        request.user,
        agency_id=int(agency) if agency.isdigit() else None,
        action=request.GET.get("action", ""),
    )


@login_required
def entry_list(request):
    entries = _entries(request)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/entry_list.html",
        {
            "page_obj": page,
            "actions": actions.all_actions(),
            "agencies": agencies_with_role(request.user, Role.SUPERVISOR),
        },
    )


class _Echo:
    def write(self, value):
        return value


@login_required
def entry_export(request):
    """The filtered audit log as CSV (UTF-8 with BOM so that spreadsheet programs read it)."""
    entries = _entries(request)
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff" + writer.writerow(["时间", "操作人", "操作", "机构", "对象类型", "对象编号", "对象", "理由"])
        for e in entries.iterator(chunk_size=2000):
            yield writer.writerow(safe_row([
                timezone.localtime(e.created_at).strftime("%Y-%m-%d %H:%M:%S"), e.actor_name,
                e.action_label, e.agency.name if e.agency else "", e.target_type, e.target_id,
                e.target_repr, e.reason,
            ]))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response
