"""Script injection in every free-text field, on every page, feed, export and API answer.

Each row of FIELDS puts a payload with its own marker into one field of the permission walk's
world (a request's applicant name, a document's 文号, an agency's address …). Then every page
that answers 200 to an anonymous visitor, the applicant or the superuser is fetched — with a
payload in its query string too — and:

- no HTML, XML (feeds, sitemaps) or text page contains a payload's tags unescaped;
- JSON answers are `application/json` with nosniff, and CSV/DOCX exports are downloads, where
  the text is data, not markup;
- every row's marker is seen somewhere, escaped, so the table cannot name a field no page shows.

Document bodies are rich text: they are sanitised by nh3 on save, so their row checks that the
text survives and the script and handler do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.test import override_settings
from django.urls import reverse

from gongkai.applications.models import ApplicationEvent
from gongkai.catalog import services as catalog_services
from gongkai.catalog.models import Status
from gongkai.reportformat.template import ORGANISATION_TYPES
from tests.catalog.factories import DocumentFactory
from tests.conftest import clear_own_cache

from .permission_rules import EXCLUDED, rule_for
from .permission_world import (
    ANONYMOUS,
    APPLICANT,
    HANDLER,
    REVIEWER,
    SUPERUSER,
    World,
    build_world,
    client_for,
)
from .test_permission_walk import _body, _path, url_patterns

pytestmark = pytest.mark.django_db


def payload(marker: str, room: int) -> str:
    full = f"<script>alert({marker})</script><img src=x onerror=alert({marker})>\"'"
    return full if len(full) <= room else f"<script>{marker}"[:room]


@dataclass(frozen=True)
class Field:
    label: str
    target: Callable[[World], object]
    name: str


FIELDS: tuple[Field, ...] = (
    # 依申请公开: the request form's fields
    Field("申请人姓名", lambda w: w.application, "applicant_name"),
    # Shown for organisations: the closed request is made one in _inject.
    Field("法定代表人", lambda w: w.closed_application, "legal_representative"),
    Field("联系人", lambda w: w.closed_application, "contact_person"),
    Field("通信地址", lambda w: w.application, "address"),
    Field("电子邮箱", lambda w: w.application, "email"),
    Field("所需信息名称", lambda w: w.application, "title"),
    Field("所需信息文号", lambda w: w.application, "document_number"),
    Field("所需信息描述", lambda w: w.application, "description"),
    Field("答复正文", lambda w: w.closed_application, "reply_text"),
    Field("答复附件名", lambda w: w.reply_file, "original_name"),
    Field("申请人账户姓名", lambda w: w.users[APPLICANT], "full_name"),
    # 主动公开
    Field("标题", lambda w: w.published, "title"),
    Field("文号", lambda w: w.published, "doc_number"),
    Field("发布机构", lambda w: w.published, "issuer"),
    Field("内容概述", lambda w: w.published, "summary"),
    Field("草稿标题", lambda w: w.draft, "title"),
    Field("附件名", lambda w: w.published_attachment, "original_name"),
    Field("栏目说明", lambda w: w.published.category, "description"),
    # 机构信息
    Field("机构名称", lambda w: w.own, "name"),
    Field("机构简称", lambda w: w.own, "short_name"),
    Field("机构职能", lambda w: w.own, "functions"),
    Field("内设机构", lambda w: w.own, "internal_units"),
    Field("办公地址", lambda w: w.own, "address"),
    Field("办公时间", lambda w: w.own, "office_hours"),
    Field("联系电话", lambda w: w.own, "phone"),
    Field("传真", lambda w: w.own, "fax"),
    Field("机构邮箱", lambda w: w.own, "email"),
    Field("领导信息", lambda w: w.own, "leaders"),
    Field("政府信息公开工作机构", lambda w: w.own, "disclosure_office"),
    # 行政复议、行政诉讼
    Field("复议/诉讼案号", lambda w: w.appeal, "case_number"),
    Field("复议机关/法院", lambda w: w.appeal, "forum"),
    Field("复议申请人", lambda w: w.appeal, "applicant_name"),
    Field("复议备注", lambda w: w.appeal, "notes"),
    # 年度报告 narratives and the supervisor's check
    Field("总体情况", lambda w: w.report, "overview"),
    Field("存在的主要问题", lambda w: w.report, "problems"),
    Field("其他需要报告的事项", lambda w: w.report, "other_matters"),
    Field("上传报告文件名", lambda w: w.upload_check, "original_name"),
)
BODY_MARKER, GUIDE_MARKER = "QBODYZ", "QGDEZ"
RETURN_MARKER, WITHDRAW_MARKER, EVENT_MARKER = "QRETZ", "QWDRZ", "QEVTZ"


def rich(mark: str) -> str:
    return f"<p>正文{mark}</p><script>alert({mark})</script><img src=x onerror=alert({mark})>"


def marker(number: int) -> str:
    return f"Q{number:02d}Z"


def _inject(world: World) -> dict[str, str]:
    """Fill every field of FIELDS (and the reasons and the body); marker -> row label."""
    labels = {}
    world.closed_application.applicant_type = ORGANISATION_TYPES[0].code
    world.closed_application.save(update_fields=["applicant_type"])
    for number, field in enumerate(FIELDS):
        target = field.target(world)
        room = target._meta.get_field(field.name).max_length or 10_000
        setattr(target, field.name, payload(marker(number), room))
        target.save(update_fields=[field.name])
        labels[marker(number)] = field.label
    # Rich text, written raw as the Django admin or a loader would (the services sanitise too).
    world.published.body = rich(BODY_MARKER)
    world.published.save(update_fields=["body"])
    world.own.guide = rich(GUIDE_MARKER)
    world.own.save(update_fields=["guide"])
    reviewer = world.users[REVIEWER]
    to_return = DocumentFactory(agency=world.own, status=Status.PENDING, title="退回测试")
    catalog_services.document_return(document=to_return, actor=reviewer,
                                     reason=payload(RETURN_MARKER, 500))
    to_withdraw = DocumentFactory(agency=world.own, status=Status.PUBLISHED, title="撤回测试")
    catalog_services.document_withdraw(document=to_withdraw, actor=reviewer,
                                       reason=payload(WITHDRAW_MARKER, 500))
    world.application.handler = world.users[HANDLER]  # the one who may reveal the full details
    world.application.save(update_fields=["handler"])
    # The event log is append-only: the note is written as the event is.
    ApplicationEvent.objects.create(application=world.application, kind="assigned",
                                    on=world.application.received_on,
                                    note=payload(EVENT_MARKER, 500))
    labels[EVENT_MARKER] = "申请办理记录说明"
    labels[RETURN_MARKER] = "退回理由"
    labels[WITHDRAW_MARKER] = "撤回理由"
    return labels


def _raw(text: str, mark: str) -> bool:
    """A payload's tag as markup: the script, its truncated form, or the image with a handler."""
    return any(tag in text for tag in (
        f"<script>alert({mark})", f"<script>{mark}", f"<img src=x onerror=alert({mark})"))


_ESCAPED = re.compile(r"&lt;script&gt;(?:alert\()?(Q\w+Z)")


REFLECTED = quote(payload("QREFZ", 200))


@override_settings(GONGKAI_REQUIRE_STAFF_OTP=True, GONGKAI_PAGE_CACHE_SECONDS=0)
def test_no_field_is_ever_shown_unescaped():
    clear_own_cache()
    world = build_world()
    labels = _inject(world)
    kinds = (ANONYMOUS, APPLICANT, REVIEWER, SUPERUSER)
    clients = {kind: client_for(world, kind, number) for number, kind in enumerate((*kinds, HANDLER))}
    seen: dict[str, set[str]] = {}
    problems: list[str] = []
    fetched = 0
    for name, route in url_patterns():
        if (name or route) in EXCLUDED:
            continue
        rule = rule_for(name, route)
        for kind in kinds:
            if rule is None or rule.get.get(kind) != "200":
                continue
            path = _path(world, name, rule)
            joiner = "&" if "?" in path else "?"
            for url in (path, f"{path}{joiner}q={REFLECTED}&page={REFLECTED}"):
                response = clients[kind].get(url)
                fetched += 1
                if response.status_code != 200:
                    continue  # the permission walk checks answers; here only what is shown
                problems += _problems(f"{kind} {url[:80]}", response, labels, seen)
    # Pages the walk's rules open on other records, and the staff's "show full details" POST.
    for kind, method, url in _extra_pages(world):
        response = getattr(clients[kind], method)(url)
        fetched += 1
        assert response.status_code == 200, (kind, method, url, response.status_code)
        problems += _problems(f"{kind} {method.upper()} {url}", response, labels, seen)
    for mark, url in ((BODY_MARKER, world.published.get_absolute_url()),
                      (GUIDE_MARKER, reverse("agencies:guide", kwargs={"slug": world.own.slug}))):
        page = clients[ANONYMOUS].get(url).content.decode()
        assert f"正文{mark}" in page and f"alert({mark})" not in page, url
    unseen = sorted(f"{labels[m]} ({m})" for m in labels if m not in seen)
    print(f"\nscript injection: {len(labels)} fields, {fetched} responses checked")
    assert not problems, "\n".join(problems)
    assert not unseen, f"fields no page shows (drop them from FIELDS or find their page): {unseen}"


def _extra_pages(world: World) -> list[tuple[str, str, str]]:
    closed = world.closed_application
    return [
        (APPLICANT, "get", reverse("applications:track", kwargs={"code": closed.query_code})),
        (SUPERUSER, "get", reverse("applications:detail", kwargs={"pk": closed.pk})),
        (HANDLER, "post", reverse("applications:reveal", kwargs={"pk": world.application.pk})),
    ]


def _problems(where: str, response, labels: dict[str, str], seen: dict[str, set[str]]) -> list[str]:
    content_type = response.get("Content-Type", "")
    text = _body(response)
    if not text:
        return []  # binary: DOCX, PDF, attachments
    if content_type.startswith(("application/json", "text/csv")):
        for mark in labels:
            if mark in text:
                seen.setdefault(mark, set()).add(where)
        downloaded = response.get("Content-Disposition", "").startswith("attachment")
        if response.get("X-Content-Type-Options") != "nosniff" and not downloaded:
            return [f"{where}: {content_type} without nosniff"]
        return []
    found = [f"{where}: {labels.get(m, m)} ({m}) unescaped"
             for m in (*labels, "QREFZ", BODY_MARKER, GUIDE_MARKER) if _raw(text, m)]
    for mark in _ESCAPED.findall(text):
        seen.setdefault(mark, set()).add(where)
    return found
