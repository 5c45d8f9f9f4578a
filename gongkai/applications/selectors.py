"""Reads of the request workflow: the staff queue, the applicant's list, the public timeline."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q
from django.db.models.functions import Coalesce, ExtractMonth

from gongkai.workdays import calendar

from .letters import LETTER_TITLES
from .models import Application, ApplicationEvent, parse_reference
from .models.event import EVENT_MEANINGS
from .permissions import applications_of_applicant, applications_visible_to

DUE_SOON_WORKDAYS = 3


def due_soon_limit(today: datetime.date, days: int = DUE_SOON_WORKDAYS) -> datetime.date:
    """The last day that counts as "due within `days` working days" (provisional across a year
    without a holiday schedule, like the due dates it is compared with)."""
    return calendar(provisional=True).add_workdays(today, days)


def application_queue_for(
    *, user, today: datetime.date, status: str = "", agency_id: int | None = None,
    handler: str = "", overdue: str = "",
):
    """The staff queue: requests visible to `user`, open ones first, by due date."""
    qs = applications_visible_to(user).select_related("agency", "handler")
    if status == "open":
        qs = qs.open()
    elif status:
        qs = qs.filter(status=status)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if handler == "me":
        qs = qs.filter(handler=user)
    elif handler == "none":
        qs = qs.filter(handler__isnull=True)
    elif handler.isdigit():
        qs = qs.filter(handler_id=int(handler))
    if overdue == "yes":
        qs = qs.overdue(today)
    elif overdue == "soon":
        qs = qs.due_soon(today, due_soon_limit(today))
    return qs.annotate(sort_due=Coalesce("due_on", "wait_until")).order_by(
        F("closed_on").desc(nulls_first=True),
        F("sort_due").asc(nulls_last=True),
        "received_on",
        "id",
    )


@dataclass(frozen=True)
class OnTime:
    """按期答复率 of a group of requests (《条例》第三十三条)."""

    on_time: int = 0  # answered on or before the due date
    answered: int = 0  # answered, with a due date
    overdue_open: int = 0  # not answered and past the due date: late already

    @property
    def counted(self) -> int:
        return self.answered + self.overdue_open

    @property
    def rate(self) -> float | None:
        return self.on_time / self.counted if self.counted else None


ON_TIME_GROUPS = ("agency", "month")


def on_time_counts(applications, *, year: int, today: datetime.date, by: str) -> dict[int, OnTime]:
    """The on-time rate, the one implementation (supervision dashboard, report charts).

    Answered requests count in the year (and month) of their 答复日期; requests still open past
    their due date count as late, in the year (and month) of the due date, so a rate never
    reads 100 % beside overdue requests. `by` "agency" keys by agency id, "month" by 1–12.
    """
    if by not in ON_TIME_GROUPS:
        raise ValueError(by)
    answered = (
        applications.closed().filter(closed_on__year=year, due_on__isnull=False)
        .annotate(key=F("agency_id") if by == "agency" else ExtractMonth("closed_on"))
        .values("key")
        .annotate(n=Count("id"), on_time=Count("id", filter=Q(closed_on__lte=F("due_on"))))
        .values_list("key", "on_time", "n")
    )
    late = (
        applications.overdue(today).filter(due_on__year=year)
        .annotate(key=F("agency_id") if by == "agency" else ExtractMonth("due_on"))
        .values("key").annotate(n=Count("id")).values_list("key", "n")
    )
    result: dict[int, OnTime] = {}
    for key, on_time, n in answered:
        result[key] = OnTime(on_time=on_time, answered=n)
    for key, n in late:
        counts = result.get(key, OnTime())
        result[key] = OnTime(counts.on_time, counts.answered, n)
    return result


def application_by_reference(*, agency_id: int, text: str) -> Application | None:
    """The request of `agency_id` numbered `text` ("依申请〔2026〕第12号"): numbers restart per
    agency and year, so the agency is part of the lookup."""
    parsed = parse_reference(text)
    if parsed is None:
        return None
    year, number = parsed
    return Application.objects.filter(agency_id=agency_id, number_year=year, number=number).first()


def handlers_visible_to(user):
    """依申请办理员 of the agencies whose requests `user` sees (for the queue's filter)."""
    from django.contrib.auth import get_user_model

    from gongkai.agencies.models import Role
    from gongkai.agencies.permissions import agencies_with_role

    from .permissions import VIEW_ROLES

    agencies = agencies_with_role(user, *VIEW_ROLES)
    return (
        get_user_model().objects.filter(memberships__role=Role.HANDLER,
                                        memberships__agency__in=agencies)
        .distinct().order_by("full_name", "username")
    )


def application_list_of_applicant(*, user):
    """我的申请: the user's own requests, newest first, with what the plain result needs and
    the events that sent a letter (`letter_events`)."""
    letters = ApplicationEvent.objects.filter(kind__in=list(LETTER_TITLES)).order_by("on", "id")
    return (applications_of_applicant(user).with_withdrawn().select_related("agency")
            .prefetch_related(Prefetch("events", queryset=letters, to_attr="letter_events"))
            .order_by("-received_on", "-id"))


def letters_sent(application: Application) -> list[TimelineEntry]:
    """The letters of a request from `application_list_of_applicant`'s prefetch."""
    return [TimelineEntry(e, str(LETTER_TITLES[e.kind])) for e in application.letter_events]


def public_timeline(application: Application):
    return ApplicationEvent.objects.filter(application=application).public().order_by("on", "id")


@dataclass(frozen=True)
class TimelineEntry:
    event: ApplicationEvent
    letter: str  # the title of the letter this event sent, "" if none
    materials: tuple = ()  # 补正 material the applicant uploaded with this event (CorrectionFile)

    @property
    def meaning(self) -> str:
        """What the event means for the applicant, in plain words ("" if the sentence says it)."""
        text = EVENT_MEANINGS.get(self.event.kind)
        return str(text) if text else ""


def timeline_with_letters(application: Application, *, public: bool) -> list[TimelineEntry]:
    """The request's log in order, each event with the letter it sent (补正, 延期, 答复) and the
    补正 material uploaded with it."""
    events = ApplicationEvent.objects.filter(application=application).select_related("actor")
    if public:
        events = events.public()
    materials = correction_files_by_event(application)
    return [TimelineEntry(e, str(LETTER_TITLES.get(e.kind, "")), tuple(materials.get(e.pk, ())))
            for e in events.order_by("on", "id")]


def correction_files_by_event(application: Application) -> dict[int, list]:
    """The 补正 material uploaded online, by the event that received it (for the timelines)."""
    grouped: dict[int, list] = {}
    for stored in application.correction_files.order_by("uploaded_at", "id"):
        grouped.setdefault(stored.event_id, []).append(stored)
    return grouped


def urgency(application: Application, today: datetime.date, soon: datetime.date) -> str:
    """"overdue" / "soon" / "" for highlighting in lists (derived from due_on, never stored)."""
    if application.is_overdue(today):
        return "overdue"
    if application.is_closed or application.due_on is None:
        return ""
    if application.due_on <= soon:
        return "soon"
    return ""


@dataclass(frozen=True)
class DisclosedFile:
    """What the applicant (and the public) receive of a reply file."""

    reply_file_id: int
    name: str
    content_type: str
    redacted: bool
    field: object  # the FieldFile to send

    def open(self):
        return self.field.open("rb")


def disclosed_files(application: Application) -> list[DisclosedFile]:
    """The reply files as disclosed: a file under 区分处理 only once approved, and then its
    redacted PDF, never the original (《条例》第三十七条)."""
    from .models import RedactionStatus

    result = []
    for reply_file in application.files.select_related("redaction"):
        redaction = getattr(reply_file, "redaction", None)
        if redaction is None:
            result.append(DisclosedFile(reply_file.pk, reply_file.original_name,
                                        reply_file.content_type, False, reply_file.file))
        elif redaction.status == RedactionStatus.APPROVED:
            result.append(DisclosedFile(reply_file.pk, redaction.output_name, "application/pdf",
                                        True, redaction.output))
    return result


def published_requests(*, agency_slug: str = ""):
    """The disclosure log, newest first; only what the public may see is selected."""
    from .models import PublishedRequest

    qs = PublishedRequest.objects.public().select_related("application__agency")
    if agency_slug:
        qs = qs.filter(application__agency__slug=agency_slug)
    return qs


def published_counts() -> list[tuple[str, str, int]]:
    """(agency slug, agency name, published requests) for every agency that has any."""
    from .models import PublishedRequest

    rows = (PublishedRequest.objects.public()
            .values("application__agency__slug", "application__agency__name",
                    "application__agency__path")
            .annotate(n=Count("id")).order_by("application__agency__path"))
    return [(r["application__agency__slug"], r["application__agency__name"], r["n"]) for r in rows]


def published_files(publication) -> list[DisclosedFile]:
    """The publication's chosen files, as disclosed (a file put under 区分处理 after it was
    published is held back until approved)."""
    chosen = set(publication.files.values_list("pk", flat=True))
    return [f for f in disclosed_files(publication.application) if f.reply_file_id in chosen]
