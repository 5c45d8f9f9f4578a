from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role, require
from gongkai.reports import charts
from gongkai.reports.check_display import group_findings, recovered_tables
from gongkai.workdays.reminders import schedule_reminder_for

from . import services
from .engagement import engagement_for
from .export import REPORT_STATES, dashboard_xlsx
from .forms import STALE_DAYS_DEFAULT, ColumnReviewForm, DashboardForm, ReportCheckForm
from .report_checks import check_cross_check
from .selectors import columns_for_review, dashboard_for, supervised_agencies, uploaded_checks_for


def _supervised(request):
    agencies = supervised_agencies(request.user)
    require(agencies.exists())
    return agencies


def _dashboard(request):
    form = DashboardForm(
        request.GET or None, agencies=_supervised(request),
        default_stale_days=getattr(settings, "SUPERVISION_STALE_DAYS", STALE_DAYS_DEFAULT),
    )
    year, root, stale_days = form.values()
    dashboard = dashboard_for(
        request.user, year=year, today=timezone.localdate(), stale_days=stale_days, root=root
    )
    return form, dashboard


def _engagement(data) -> list:
    counts = engagement_for(data.agency_ids, year=data.year, today=data.today)
    return [(row.agency, counts[row.agency.pk]) for row in data.rows]


@login_required
def dashboard(request):
    form, data = _dashboard(request)
    ids = data.agency_ids
    return render(request, "supervision/dashboard.html", {
        "form": form,
        "dashboard": data,
        "totals": data.totals,
        "report_states": REPORT_STATES,
        "requests_chart": charts.requests_per_month_svg(ids, data.year),
        "on_time_chart": charts.on_time_rate_svg(ids, data.year, data.today),
        "checks": uploaded_checks_for(request.user)[:10],
        "schedule_reminder": schedule_reminder_for(request.user, data.today, editors_only=False),
        "engagement": _engagement(data),
    })


@login_required
def dashboard_export(request):
    _form, data = _dashboard(request)
    response = HttpResponse(
        dashboard_xlsx(data),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="supervision-{data.year}.xlsx"'
    return response


@login_required
def columns(request):
    """栏目审核确认: an agency's staff confirm a column as current although nothing new was
    published in it; the dashboard then stops counting it as stale for one period."""
    require(agencies_with_role(request.user, Role.ADMIN, Role.PUBLISHER).exists())
    stale_days = getattr(settings, "SUPERVISION_STALE_DAYS", STALE_DAYS_DEFAULT)
    if request.method == "POST":
        form = ColumnReviewForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            services.column_review_confirm(agency=data["agency"], category=data["category"],
                                           actor=request.user, note=data["note"])
            messages.success(request, _("已确认栏目“%(name)s”内容已审核。") % {"name": data["category"].name})
            return redirect("supervision:columns")
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("supervision:columns")
    rows = columns_for_review(request.user, today=timezone.localdate(), stale_days=stale_days)
    return render(request, "supervision/columns.html", {"rows": rows, "stale_days": stale_days})


@login_required
def check_list(request):
    agencies = _supervised(request)
    form = ReportCheckForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check = services.report_check_upload(
                agency=form.cleaned_data["agency"], year=form.cleaned_data["year"],
                name=upload.name, data=upload.read(settings.GONGKAI_ATTACHMENT_MAX_BYTES + 1),
                actor=request.user,
                source_url=form.cleaned_data["source_url"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            # The check page says whether it is still running: the message must not (with
            # in-process tasks it has finished before the page is shown).
            messages.success(request, _("文件已上传。"))
            return redirect(check.get_absolute_url())
    services.report_checks_fail_stale()
    page = Paginator(uploaded_checks_for(request.user), 20).get_page(request.GET.get("page"))
    return render(request, "supervision/check_list.html", {
        "form": form, "page_obj": page,
    })


@login_required
def check_detail(request, pk):
    services.report_checks_fail_stale()
    check = get_object_or_404(uploaded_checks_for(request.user), pk=pk)
    require(has_role(request.user, check.agency, Role.SUPERVISOR))
    return render(request, "supervision/check_detail.html", {
        "check": check, "groups": group_findings(check.findings),
        "cross_check": check_cross_check(check),
        "tables": recovered_tables(check.cells) if check.cells else [],
        "refresh": not check.is_finished,
    })


