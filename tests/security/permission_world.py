"""The world the permission walk runs in: an agency tree, one user of each kind, and real
records of the first agency for every URL keyword argument.

County 西华县 has two sub-trees: 商务局 (with a child 市场服务中心) and 财政局 (with a child
国库中心). The staff under test work at 商务局; "other" staff hold every role at 财政局, and a
supervisor of the 财政局 sub-tree must not see 商务局's pages. Every record a URL points at
belongs to 商务局.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai import audit
from gongkai.agencies.models import Agency, Membership, Role
from gongkai.appeals.models import AppealCase
from gongkai.applications import services as application_services
from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    CorrectionFile,
    EventKind,
    PublishedRequest,
    Redaction,
    RedactionMark,
    ReplyFile,
    SameInformation,
    SameInformationMember,
)
from gongkai.audit.models import AuditEntry
from gongkai.catalog.models import Attachment, Category, Document, Status
from gongkai.catalog.services import DOCUMENT_RETURN
from gongkai.guides import services as guide_services
from gongkai.guides.models import GuideMaterial, ServiceGuide
from gongkai.participation import services as participation_services
from gongkai.participation.models import Comment, Consultation
from gongkai.powers import services as power_services
from gongkai.powers.decisions import services as decision_services
from gongkai.powers.models import Decision, FeeRecord, PowerItem
from gongkai.reports import annual_services
from gongkai.reports.models import AnnualReport
from gongkai.responses import services as response_services
from gongkai.responses.models import PublicQuestion
from gongkai.supervision.models import UploadedReportCheck
from gongkai.workdays.models import CalendarYear
from gongkai.worklog import services as worklog_services
from gongkai.worklog.models import WorkActivity, WorkMaterial
from tests.appeals.factories import AppealCaseFactory, make_application
from tests.catalog.factories import DocumentFactory
from tests.factories import AgencyFactory, MembershipFactory, UserFactory

YEAR = 2022

ANONYMOUS = "anonymous"
APPLICANT = "applicant"
PUBLISHER = "publisher"
REVIEWER = "reviewer"
HANDLER = "handler"
ADMIN = "admin"
SUPERVISOR = "supervisor"
OTHER_STAFF = "other_staff"
OTHER_SUPERVISOR = "other_supervisor"
SUPERUSER = "superuser"
UNVERIFIED = "staff_without_otp"

KINDS: tuple[str, ...] = (
    ANONYMOUS, APPLICANT, PUBLISHER, REVIEWER, HANDLER, ADMIN, SUPERVISOR,
    OTHER_STAFF, OTHER_SUPERVISOR, SUPERUSER, UNVERIFIED,
)
# Kinds that hold no right at all over 商务局's records: a page they may open must not show them.
OUTSIDERS: tuple[str, ...] = (ANONYMOUS, APPLICANT, OTHER_STAFF, OTHER_SUPERVISOR)


@dataclass
class World:
    """The agencies, one user per kind, and 商务局's records the URLs point at."""

    county: Agency
    own: Agency
    own_child: Agency
    other: Agency
    other_child: Agency
    users: dict = field(default_factory=dict)
    draft: Document | None = None
    pending: Document | None = None
    published: Document | None = None
    draft_attachment: Attachment | None = None
    published_attachment: Attachment | None = None
    application: Application | None = None
    closed_application: Application | None = None
    reply_file: ReplyFile | None = None
    correction_file: CorrectionFile | None = None
    redaction: Redaction | None = None
    publication: PublishedRequest | None = None
    proposal: SameInformation | None = None
    appeal: AppealCase | None = None
    report: AnnualReport | None = None
    upload_check: UploadedReportCheck | None = None
    calendar_year: CalendarYear | None = None
    membership: Membership | None = None
    activity: WorkActivity | None = None
    material: WorkMaterial | None = None
    question: PublicQuestion | None = None
    public_question: PublicQuestion | None = None
    consultation: Consultation | None = None
    comment: Comment | None = None
    power: PowerItem | None = None
    decision: Decision | None = None
    fee: FeeRecord | None = None
    guide: ServiceGuide | None = None
    guide_material: GuideMaterial | None = None
    # Text that only those with a right over 商务局's records may see (see OUTSIDERS).
    secrets: tuple[str, ...] = ()
    # The applicant's own requests, which they may see.
    applicant_records: tuple[str, ...] = ()
    admin_objects: dict = field(default_factory=dict)


def _staff(username: str, agency: Agency, *roles: str, **kwargs):
    user = UserFactory(username=username, **kwargs)
    for role in roles:
        MembershipFactory(user=user, agency=agency, role=role)
    return user


def _attachment(document: Document, name: str) -> Attachment:
    data = f"%PDF-1.4 {name}".encode()
    return Attachment.objects.create(
        document=document, file=ContentFile(data, name="file.pdf"), original_name=name,
        file_kind="pdf", size=len(data), sha256=hashlib.sha256(data).hexdigest(),
    )


def _redaction(world: World) -> Redaction:
    """A PDF reply of the closed request being marked by 商务局's handler (区分处理)."""
    import pymupdf

    handler = world.users[HANDLER]
    document = pymupdf.open()
    document.new_page().insert_text((72, 100), "第三方商业秘密：报价明细", fontname="china-s")
    reply = application_services.application_attach_file(
        application=world.closed_application, actor=handler, name="答复材料.pdf",
        data=document.tobytes())
    redaction = application_services.redaction_start(reply_file=reply, actor=handler)
    application_services.redaction_mark_text(redaction=redaction, actor=handler, term="报价明细",
                                             ground="withheld_third_party")
    return redaction


def build_world() -> World:
    county = AgencyFactory(name="西华县人民政府", slug="xihua", level=Agency.Level.COUNTY)
    own = AgencyFactory(name="西华县商务局", slug="xihua-commerce", parent=county)
    other = AgencyFactory(name="西华县财政局", slug="xihua-finance", parent=county)
    world = World(
        county=county, own=own, other=other,
        own_child=AgencyFactory(name="西华县市场服务中心", slug="commerce-market", parent=own),
        other_child=AgencyFactory(name="西华县国库支付中心", slug="finance-treasury", parent=other),
    )
    world.users = {
        APPLICANT: UserFactory(username="walk_applicant", full_name="李明"),
        PUBLISHER: _staff("walk_publisher", own, Role.PUBLISHER),
        REVIEWER: _staff("walk_reviewer", own, Role.REVIEWER),
        HANDLER: _staff("walk_handler", own, Role.HANDLER),
        ADMIN: _staff("walk_admin", own, Role.ADMIN),
        SUPERVISOR: _staff("walk_supervisor", own, Role.SUPERVISOR),
        OTHER_STAFF: _staff("walk_other_staff", other, Role.PUBLISHER, Role.REVIEWER,
                            Role.HANDLER, Role.ADMIN),
        OTHER_SUPERVISOR: _staff("walk_other_supervisor", other, Role.SUPERVISOR),
        SUPERUSER: UserFactory(username="walk_superuser", is_superuser=True, is_staff=True),
        UNVERIFIED: _staff("walk_unverified", own, Role.PUBLISHER, Role.REVIEWER, Role.HANDLER,
                           Role.ADMIN),
    }
    publisher = world.users[PUBLISHER]
    world.membership = Membership.objects.get(user=publisher, agency=own)

    world.draft = DocumentFactory(agency=own, title="商务局内部草稿：外贸补贴初步名单", created_by=publisher)
    world.pending = DocumentFactory(agency=own, title="商务局待审核：商贸流通资金安排",
                                    status=Status.PENDING, created_by=publisher)
    world.published = DocumentFactory(agency=own, status=Status.PUBLISHED, created_by=publisher)
    world.draft_attachment = _attachment(world.draft, "草稿附件.pdf")
    world.published_attachment = _attachment(world.published, "公开附件.pdf")

    applicant = world.users[APPLICANT]
    world.application = make_application(own, received_on=dt.date(YEAR, 3, 1))
    world.application.user = applicant
    world.application.save(update_fields=["user"])
    # 补正 material the applicant uploaded online (overdue since: the drafts are offered too).
    received = ApplicationEvent.objects.create(
        application=world.application, kind=EventKind.CORRECTION_RECEIVED,
        on=dt.date(YEAR, 3, 2), data={"online": True, "files": 1})
    data = b"%PDF-1.4 correction"
    world.correction_file = CorrectionFile.objects.create(
        application=world.application, event=received, file=ContentFile(data, name="c.pdf"),
        original_name="补正材料.pdf", content_type="application/pdf", size=len(data),
        sha256=hashlib.sha256(data).hexdigest())
    world.closed_application = make_application(
        own, received_on=dt.date(YEAR, 4, 1), closed_on=dt.date(YEAR, 4, 20), outcome="disclosed")
    world.closed_application.user = applicant
    world.closed_application.save(update_fields=["user"])
    # The reply as the log records it: the letter both timelines link to.
    ApplicationEvent.objects.create(application=world.closed_application, kind=EventKind.CLOSED,
                                    on=dt.date(YEAR, 4, 20), data={"outcome": "disclosed"})
    data = b"reply letter attachment"
    world.reply_file = ReplyFile.objects.create(
        application=world.closed_application, file=ContentFile(data, name="reply.txt"),
        original_name="答复附件.txt", content_type="text/plain", size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    world.redaction = _redaction(world)
    world.publication = application_services.published_request_publish(
        application=world.closed_application, actor=world.users[HANDLER],
        question="商务局答复公开：商贸流通资金安排", files=[world.reply_file])
    # Requests for the same information (《条例》第四十四条): the closed request's group.
    world.proposal = SameInformation.objects.create(agency=own)
    SameInformationMember.objects.create(group=world.proposal, application=world.closed_application,
                                         basis="工作人员认定")
    world.appeal = AppealCaseFactory(agency=own, case_number="西政复〔2022〕987号")
    world.report = annual_services.report_generate(agency=own, year=YEAR, actor=publisher)
    world.upload_check = UploadedReportCheck.objects.create(
        agency=own, year=YEAR - 1, file=ContentFile(b"report", name="report.txt"),
        original_name="商务局2021年报.txt", sha256=hashlib.sha256(b"report").hexdigest(),
        uploaded_by=world.users[SUPERVISOR],
    )
    world.activity = worklog_services.activity_create(
        actor=publisher, agency=own,
        data={"kind": "inspection", "title": "商务局内部检查：栏目问题清单", "held_on": dt.date(YEAR, 5, 6)})
    world.material = worklog_services.material_add(
        actor=publisher, activity=world.activity,
        upload=SimpleUploadedFile("检查记录.pdf", b"%PDF-1.4 walk"))
    world.question = response_services.question_submit(
        agency=own, ip="192.0.2.9",
        data={"subject": "商务局未答复留言：投诉某商场", "body": "内容", "name": "赵六", "phone": "13700000000"})
    world.public_question = response_services.question_answer(
        actor=world.users[HANDLER], publish=True, answer="已答复。", public_body="公开的内容",
        question=response_services.question_submit(
            agency=own, ip="192.0.2.9",
            data={"subject": "公开的留言", "body": "内容", "name": "钱七", "phone": "13700000001"}))
    today = timezone.localdate()
    world.consultation = participation_services.consultation_open(
        actor=publisher, consultation=participation_services.consultation_create(
            actor=publisher, agency=own, data={
                "title": "商务局征求意见", "summary": "征求意见稿",
                "opens_on": today - dt.timedelta(days=1), "closes_on": today + dt.timedelta(days=30)}))
    world.comment = participation_services.comment_submit(
        consultation=world.consultation, ip="192.0.2.10",
        data={"body": "商务局待审核意见：某某的私人诉求", "name": "孙八"})
    world.power = power_services.item_create(
        actor=world.users[ADMIN], agency=own, decision="西商〔2022〕1号", decided_on=dt.date(YEAR, 1, 5),
        data={"category": "licensing", "code": "WALK-1", "name": "公开的许可事项",
              "legal_basis": "依据", "implementing_body": "股室"})
    penalty_item = power_services.item_create(
        actor=world.users[ADMIN], agency=own, decision="西商〔2022〕1号", decided_on=dt.date(YEAR, 1, 5),
        data={"category": "penalty", "code": "WALK-2", "name": "公开的处罚事项",
              "legal_basis": "依据", "implementing_body": "股室"})
    # A published penalty on a natural person: the name and the number must never show publicly.
    world.decision = decision_services.decision_create(
        actor=world.users[ADMIN], agency=own, publish=True, data={
            "item": penalty_item, "document_no": "西商罚〔2022〕1号", "party_type": "natural",
            "party_name": "欧阳振华", "party_id_number": "11010519491231002X",
            "facts": "未按规定备案", "basis": "第三十六条", "content": "罚款", "penalty_kind": "fine",
            "fine_amount": 2000, "decided_on": dt.date(YEAR, 3, 1)})
    world.fee = decision_services.fee_create(actor=world.users[ADMIN], agency=own, data={
        "item": world.power, "year": YEAR, "name": "证照工本费", "basis": "依据", "standard": "10元/证",
        "amount": 1000})
    world.guide = guide_services.guide_save(actor=publisher, agency=own, data={
        "name": "商务局未发布的办事指南", "conditions": "c", "steps": "s", "promised_days": 5,
        "place": "p", "hours": "h", "phone": "1"})
    world.guide_material = guide_services.material_add(
        actor=publisher, guide=world.guide, data={"name": "申请表"},
        upload=SimpleUploadedFile("申请表.pdf", b"%PDF-1.4 walk guide"))
    world.calendar_year = CalendarYear.objects.create(year=2031, entered_by=world.users[SUPERUSER])
    returned = audit.record(actor=world.users[REVIEWER], action=DOCUMENT_RETURN, target=world.pending,
                            agency=own, reason="商务局审核意见：补贴名单须先经局务会研究")
    world.secrets = (
        world.draft.title, world.pending.title, world.application.title,
        world.closed_application.title, world.appeal.case_number, world.upload_check.original_name,
        returned.reason, world.activity.title, world.question.subject, world.comment.body,
        world.guide.name, world.decision.party_name,
    )
    world.applicant_records = (world.application.title, world.closed_application.title)

    world.admin_objects = {
        "auth_group": Group.objects.create(name="walk"),
        "axes_accessattempt": AccessAttempt.objects.create(
            username="x", ip_address="10.0.0.1", user_agent="ua", http_accept="*/*",
            path_info="/accounts/login/", failures_since_start=1),
        "axes_accesslog": AccessLog.objects.create(
            username="x", ip_address="10.0.0.1", user_agent="ua", http_accept="*/*",
            path_info="/accounts/login/"),
        "axes_accessfailurelog": AccessFailureLog.objects.create(
            username="x", ip_address="10.0.0.1", user_agent="ua", http_accept="*/*",
            path_info="/accounts/login/", locked_out=False),
        "accounts_user": applicant,
        "audit_auditentry": AuditEntry.objects.order_by("pk").first(),
        "agencies_agency": own,
        "agencies_membership": world.membership,
        "workdays_calendaryear": world.calendar_year,
        "catalog_category": Category.objects.order_by("pk").first(),
        "catalog_document": world.draft,
        "appeals_appealcase": world.appeal,
        "worklog_workactivity": world.activity,
        "responses_publicquestion": world.question,
        "participation_consultation": world.consultation,
        "powers_poweritem": world.power,
        "guides_serviceguide": world.guide,
    }
    return world


def client_for(world: World, kind: str, number: int) -> Client:
    """A client signed in as `kind`; staff pass two-factor the way `login_otp` leaves them
    (a confirmed device recorded in the session), except the kind that has not set it up."""
    client = Client(REMOTE_ADDR=f"198.51.100.{number + 1}")
    user = world.users.get(kind)
    if user is None:
        return client
    client.force_login(user)
    if kind not in (APPLICANT, UNVERIFIED):
        device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def secrets_for(world: World, kind: str) -> tuple[str, ...]:
    """What a page answering 200 to `kind` must not contain."""
    if kind not in OUTSIDERS:
        return ()
    if kind == APPLICANT:
        return tuple(s for s in world.secrets if s not in world.applicant_records)
    return world.secrets


def state_of(world: World) -> tuple:
    """What a refused POST must leave unchanged."""
    return (
        AuditEntry.objects.count(),
        ApplicationEvent.objects.count(),
        Membership.objects.count(),
        Attachment.objects.count(),
        RedactionMark.objects.count(),
        PublishedRequest.objects.count(),
        tuple(Redaction.objects.order_by("pk").values_list("status", flat=True)),
        CalendarYear.objects.count(),
        AnnualReport.objects.count(),
        tuple(Document.objects.order_by("pk").values_list("status", "validity")),
        tuple(Application.objects.order_by("pk").values_list("status", "handler_id")),
        tuple(AnnualReport.objects.order_by("pk").values_list("status", flat=True)),
        tuple(AppealCase.objects.order_by("pk").values_list("result", flat=True)),
        tuple(Agency.objects.order_by("pk").values_list("name", "is_active")),
    )
