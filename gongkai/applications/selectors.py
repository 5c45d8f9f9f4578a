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


def published_request_search(query, *, agency_slug: str = "", page: int = 1, page_size: int = 20):
    """A page of the disclosure log holding every term of `query` (a `ParsedQuery`), with the
    catalog's engine and semantics: question or outcome matches first, then newest first."""
    from gongkai.search import backend

    from .published_search import PUBLISHED_REQUESTS

    return backend.search(query, queryset=published_requests(agency_slug=agency_slug), page=page,
                          page_size=page_size, corpus=PUBLISHED_REQUESTS)


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
    from dataclasses import replace

    from .models.publication import mask_identity

    application = publication.application
    chosen = set(publication.files.values_list("pk", flat=True))
    # A file name typed by staff may carry the applicant's name ("张三答复.pdf"): masked.
    return [replace(f, name=mask_identity(f.name, application))
            for f in disclosed_files(application) if f.reply_file_id in chosen]


def published_letters(publication) -> list[TimelineEntry]:
    """The letters of a published request (补正通知书, 延期答复告知书, 答复告知书), in order; the
    disclosure log renders them without the applicant (`letters.public_letter`)."""
    from .models import EventKind

    # Once the applicant's details are erased (gongkai.privacy) they can no longer be masked
    # in the staff-written text of a 补正 or 延期 notice: only the reply letter, whose text is
    # the publication's own, stays.
    erased = publication.application.personal_data_erased_at is not None
    kinds = [EventKind.CLOSED] if erased else list(LETTER_TITLES)
    events = ApplicationEvent.objects.filter(application_id=publication.application_id,
                                             kind__in=kinds).order_by("on", "id")
    return [TimelineEntry(e, str(LETTER_TITLES[e.kind])) for e in events]


# --- 同一信息 and the proposals of 《条例》第四十四条 ---------------------------------------

SUGGESTION_YEARS = 3  # requests further apart than this are not suggested as the same
SUGGESTION_LIMIT = 5000  # the newest requests of an agency compared for suggestions


def applicant_count(group) -> int:
    """Different applicants among the group's requests (the same person asking twice counts
    once; a request whose personal data has been erased counts as one applicant of its own)."""
    keys = list(group.members.values_list("application__applicant_key", "application_id"))
    return len({key or f"#{pk}" for key, pk in keys})


def proposal_files(group) -> list[DisclosedFile]:
    """The files of the group's requests already public in the disclosure log (as published)."""
    from .models import PublishedRequest

    result = []
    for publication in (PublishedRequest.objects.public().select_related("application")
                        .filter(application__same_information__group=group)):
        result += published_files(publication)
    return result


def _disclosable(agency_id: int, since: datetime.date):
    from .models.same_information import DISCLOSABLE_OUTCOMES

    return (Application.objects.closed()
            .filter(agency_id=agency_id, outcome__in=DISCLOSABLE_OUTCOMES, received_on__gte=since)
            .order_by("-received_on", "-id"))


def _candidates(rows):
    from .similarity import Candidate

    return [Candidate(pk, title or (description or "")[:100], number or "")
            for pk, title, description, number in rows]


def same_information_suggestions(application: Application) -> list[tuple[Application, str]]:
    """Requests of the same agency that may have asked for what `application` asked (same 文号
    or most of the same wording, `similarity`), not yet in its group, each with the reason."""
    from . import similarity
    from .models import SameInformationMember

    if not application.is_closed:
        return []
    since = application.received_on - datetime.timedelta(days=366 * SUGGESTION_YEARS)
    linked = set(SameInformationMember.objects.filter(
        group__members__application=application).values_list("application_id", flat=True))
    rows = (_disclosable(application.agency_id, since).exclude(pk__in=linked - {application.pk})
            .values_list("pk", "title", "description", "document_number")[:SUGGESTION_LIMIT])
    rows = list(rows)
    if application.pk not in {r[0] for r in rows}:
        return []
    mine = [c for c in _candidates(rows) if c.pk == application.pk][0]
    others = [c for c in _candidates(rows) if c.pk != application.pk]
    pairs = similarity.suggestions([mine, *others])
    reasons = {(p.b if p.a == application.pk else p.a): p.reason for p in pairs
               if application.pk in (p.a, p.b)}
    found = Application.objects.in_bulk(list(reasons))
    return [(found[pk], reasons[pk]) for pk in sorted(reasons, key=lambda pk: -pk)]


@dataclass
class Proposal:
    """A group of requests for the same information as the staff page shows it."""

    group: object
    applications: list
    applicants: int
    is_proposal: bool  # enough different applicants (`art44_threshold`)
    rows: list  # (application, its PublishedRequest in the log or None)


@dataclass
class SuggestedGroup:
    agency: object
    applications: list
    applicants: int
    reasons: list[str]


def proposals_for(*, user, today: datetime.date) -> dict:
    """The proposals page: groups of the user's agencies by state, and suggested groups (not yet
    linked) that already come from enough applicants."""
    from .models import ProposalStatus, PublishedRequest, art44_threshold
    from .permissions import same_information_visible_to

    threshold = art44_threshold()
    groups = list(same_information_visible_to(user).select_related("agency", "document")
                  .prefetch_related("members__application").order_by("-created_at", "-id"))
    member_pks = [m.application_id for g in groups for m in g.members.all()]
    publications = {p.application_id: p for p in PublishedRequest.objects.filter(
        application_id__in=member_pks)}
    sections: dict[str, list[Proposal]] = {"open": [], "collecting": [], "drafted": [],
                                           "dismissed": []}
    for group in groups:
        apps = [m.application for m in group.members.all()]
        applicants = len({a.applicant_key or f"#{a.pk}" for a in apps})
        proposal = Proposal(group, apps, applicants, applicants >= threshold,
                            [(a, publications.get(a.pk)) for a in apps])
        if group.status == ProposalStatus.OPEN:
            sections["open" if proposal.is_proposal else "collecting"].append(proposal)
        else:
            sections[group.status].append(proposal)
    return {"threshold": threshold, **sections,
            "suggested": suggested_groups(user=user, today=today, threshold=threshold)}


def suggested_groups(*, user, today: datetime.date, threshold: int) -> list[SuggestedGroup]:
    """Requests not yet linked that `similarity` joins into a group of at least `threshold`
    different applicants, per agency the user links requests in."""
    from gongkai.agencies.models import Role
    from gongkai.agencies.permissions import agencies_with_role

    from . import similarity
    from .models import SameInformationMember

    since = today - datetime.timedelta(days=366 * SUGGESTION_YEARS)
    result = []
    for agency in agencies_with_role(user, Role.HANDLER, Role.ADMIN).order_by("path"):
        rows = list(_disclosable(agency.pk, since)
                    .exclude(pk__in=SameInformationMember.objects.values("application_id"))
                    .values_list("pk", "title", "description", "document_number")
                    [:SUGGESTION_LIMIT])
        candidates = _candidates(rows)
        clusters = similarity.clusters([c.pk for c in candidates],
                                       similarity.suggestions(candidates))
        if not clusters:
            continue
        found = Application.objects.in_bulk([pk for members, _r in clusters for pk in members])
        for members, reasons in clusters:
            apps = [found[pk] for pk in members]
            applicants = len({a.applicant_key or f"#{a.pk}" for a in apps})
            if applicants >= threshold:
                result.append(SuggestedGroup(agency, apps, applicants, reasons))
    return result


def proposal_counts(*, user) -> list[dict]:
    """For supervisors: per agency of their subtree, how many proposals are open, drafted,
    published (已转为主动公开) and dismissed — counts only, no requests."""
    from gongkai.catalog.models import Status as DocumentStatus

    from .models import ProposalStatus, SameInformation, art44_threshold
    from .permissions import proposal_count_agencies

    threshold = art44_threshold()
    agencies = proposal_count_agencies(user)
    rows: dict[int, dict] = {}
    groups = (SameInformation.objects.filter(agency__in=agencies)
              .select_related("agency", "document").prefetch_related("members__application"))
    for group in groups:
        applicants = len({m.application.applicant_key or f"#{m.application_id}"
                          for m in group.members.all()})
        row = rows.setdefault(group.agency_id, {"agency": group.agency, "open": 0, "drafted": 0,
                                                "converted": 0, "dismissed": 0})
        if group.status == ProposalStatus.OPEN:
            row["open"] += applicants >= threshold
        elif group.status == ProposalStatus.DISMISSED:
            row["dismissed"] += 1
        elif group.document and group.document.status == DocumentStatus.PUBLISHED:
            row["converted"] += 1
        else:
            row["drafted"] += 1
    return sorted(rows.values(), key=lambda r: r["agency"].path)


def converted_document_of(application: Application):
    """The published catalog document a request's information became (已转为主动公开)."""
    from gongkai.catalog.models import Status as DocumentStatus

    from .models import SameInformationMember

    member = (SameInformationMember.objects.select_related("group__document")
              .filter(application=application).first())
    if member and member.group.document and member.group.document.status == DocumentStatus.PUBLISHED:
        return member.group.document
    return None
