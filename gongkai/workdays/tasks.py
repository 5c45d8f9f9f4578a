"""Background task of the calendar: the e-mail reminding administrators of a missing schedule.

Thin: find the administrators who may enter schedules, render, send. Enqueued by
`reminders.remind_missing_schedule` (from the daily `gongkai applications_remind`).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django_tasks import task

from .permissions import can_edit_calendar


@task()
def remind_schedule_missing_task(years: list[int]) -> int:
    """E-mail everyone who may enter holiday schedules; returns how many addresses."""
    from .reminders import schedule_form_url

    codename, app_label = "change_calendaryear", "workdays"
    candidates = get_user_model().objects.filter(is_active=True).exclude(email="").filter(
        Q(is_superuser=True)
        | Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app_label)
        | Q(groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label)
    ).distinct()
    # The predicate decides (the query only narrows): the same rule as the pages.
    addresses = sorted({user.email for user in candidates if can_edit_calendar(user)})
    if not addresses:
        return 0
    years_text = "、".join(str(year) for year in years)
    send_mail(
        subject=f"【工作日历】{years_text}年节假日安排尚未录入",
        message=render_to_string("workdays/email/schedule_missing.txt", {
            "years_text": years_text,
            "form_url": settings.SITE_URL + schedule_form_url(years[0]),
        }),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=addresses,
    )
    return len(addresses)
