"""Background tasks of the request workflow: e-mails to the applicant and to the handler.

Thin: load by id, build the message, send through Django's e-mail framework. Enqueued only by
the services, with transaction.on_commit. With the immediate backend (dev, tests) they run
in-process; in production a worker runs them.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

logger = logging.getLogger(__name__)


def _site(path: str) -> str:
    return settings.SITE_URL + path


@task()
def notify_applicant_task(application_id: int, event_id: int) -> bool:
    """Tell the applicant (if they gave an e-mail address) about a public event of their request."""
    from .models import Application, ApplicationEvent

    application = Application.objects.select_related("agency").get(pk=application_id)
    event = ApplicationEvent.objects.get(pk=event_id)
    if not event.is_public or not application.email:
        return False
    from .escalation import escalation_for
    from .letters import LETTER_TITLES

    context = {
        "application": application, "event": event,
        "lookup_url": _site(reverse("applications:lookup")),
        "letter": LETTER_TITLES.get(event.kind, ""),
        # A refusal or a late reply: the status page offers the drafted 复议申请书 and 投诉书.
        "escalation": escalation_for(application, today=event.on) if application.is_closed else None,
    }
    send_mail(
        subject=f"【{application.agency.name}】政府信息公开申请：{event.get_kind_display()}",
        message=render_to_string("applications/email/applicant_event.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[application.email],
    )
    return True


@task()
def notify_handler_task(application_id: int, event_id: int) -> int:
    """Tell the assigned handler (or, before assignment, all handlers of the agency)."""
    from .models import Application, ApplicationEvent
    from .permissions import handlers_for

    application = Application.objects.select_related("agency", "handler").get(pk=application_id)
    event = ApplicationEvent.objects.get(pk=event_id)
    recipients = (
        [application.handler] if application.handler_id else list(handlers_for(application.agency))
    )
    addresses = [user.email for user in recipients if user.email]
    if not addresses:
        return 0
    context = {
        "application": application, "event": event,
        "detail_url": _site(application.get_absolute_url()),
    }
    send_mail(
        subject=f"【依申请公开】{application.reference}：{event.get_kind_display()}",
        message=render_to_string("applications/email/handler_event.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=addresses,
    )
    return len(addresses)


@task()
def remind_handler_task(application_id: int, overdue: bool) -> int:
    """The daily reminder for one request about to fall due (or overdue)."""
    from .models import Application
    from .permissions import handlers_for

    application = Application.objects.select_related("agency", "handler").get(pk=application_id)
    recipients = (
        [application.handler] if application.handler_id else list(handlers_for(application.agency))
    )
    addresses = [user.email for user in recipients if user.email]
    if not addresses:
        return 0
    context = {
        "application": application, "overdue": overdue,
        "detail_url": _site(application.get_absolute_url()),
    }
    label = "已逾期" if overdue else "即将到期"
    send_mail(
        subject=f"【依申请公开】{application.reference} 答复期限{label}（{application.due_on}）",
        message=render_to_string("applications/email/handler_reminder.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=addresses,
    )
    logger.info("reminded %s about application %s", addresses, application_id)
    return len(addresses)


@task()
def remind_applicant_task(notice_id: int) -> bool:
    """The applicant's e-mail for one recorded due-soon or overdue notice; nothing if the
    request was answered or its due date moved since the notice was recorded."""
    from .escalation import escalation_for
    from .models import ApplicantNotice, NoticeKind

    notice = ApplicantNotice.objects.select_related("application__agency").get(pk=notice_id)
    application = notice.application
    if application.is_closed or application.due_on != notice.due_on or not application.email:
        return False
    overdue = notice.kind == NoticeKind.OVERDUE
    context = {
        "application": application, "overdue": overdue,
        "escalation": escalation_for(application, today=notice.sent_on) if overdue else None,
        "lookup_url": _site(reverse("applications:lookup")),
    }
    label = "已过，尚未答复" if overdue else "即将届满"
    send_mail(
        subject=f"【{application.agency.name}】政府信息公开申请答复期限{label}（{application.due_on}）",
        message=render_to_string("applications/email/applicant_reminder.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[application.email],
    )
    return True
