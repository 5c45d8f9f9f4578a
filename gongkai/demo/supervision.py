"""Demo: 商务局's publisher confirms the columns that are current though nothing new was
published in them (栏目审核确认), so the supervision dashboard shows one agency that is not
penalised for columns that rarely change."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from gongkai.agencies.models import Agency, Membership, Role
from gongkai.catalog.models import Category
from gongkai.supervision.forms import STALE_DAYS_DEFAULT
from gongkai.supervision.models import ColumnReview
from gongkai.supervision.selectors import columns_for_review
from gongkai.supervision.services import column_review_confirm

from .agencies import COMMERCE_SLUG


def load(stdout=None) -> None:
    agency = Agency.objects.filter(slug=COMMERCE_SLUG).first()
    membership = (Membership.objects.filter(agency=agency, role=Role.PUBLISHER)
                  .select_related("user").order_by("user__username").first())
    if agency is None or membership is None or ColumnReview.objects.filter(agency=agency).exists():
        return
    stale_days = getattr(settings, "SUPERVISION_STALE_DAYS", STALE_DAYS_DEFAULT)
    confirmed = []
    for column_agency, column, stale in columns_for_review(
            membership.user, today=timezone.localdate(), stale_days=stale_days):
        if stale and column_agency == agency:
            category = Category.objects.get(pk=column.category_id)
            column_review_confirm(agency=agency, category=category, actor=membership.user,
                                  note="已逐条核对，内容仍然准确。")
            confirmed.append(column.name)
    if stdout and confirmed:
        stdout.write(f"栏目审核确认 {len(confirmed)} 个（{agency.name}：{'、'.join(confirmed)}）")
