"""The expected answer of every URL pattern for every kind of user.

One `Rule` per URL name (namespace included) or, for unnamed patterns, per route. The walk in
`test_permission_walk.py` reads every pattern from the URL configuration: a pattern without a
rule here (and not in EXCLUDED) fails the walk, so a new view cannot go live without deciding
who may open it.

Expectations: "200", "403", "404", "405", "login" (302 to the site's login page), "admin-login"
(302 to the admin's login page), "otp" (302 to setting up two-factor login), "302" (any other
redirect). Staff without two-factor login are sent to set it up everywhere but /accounts/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .permission_world import (
    ADMIN,
    ANONYMOUS,
    APPLICANT,
    HANDLER,
    KINDS,
    OTHER_STAFF,
    OTHER_SUPERVISOR,
    PUBLISHER,
    REVIEWER,
    SUPERUSER,
    SUPERVISOR,
    UNVERIFIED,
    YEAR,
    World,
)

LOGIN, ADMIN_LOGIN, OTP, REDIRECT = "login", "admin-login", "otp", "302"
STAFF = frozenset({PUBLISHER, REVIEWER, HANDLER, ADMIN, SUPERVISOR, OTHER_STAFF, OTHER_SUPERVISOR})


@dataclass(frozen=True)
class Rule:
    """`get` and `post` map a kind of user to the expected answer; `post` lists only the kinds
    whose POST must be refused (nothing may change), since a permitted POST would act."""

    kwargs: Callable[[World], dict] = lambda world: {}
    # Unnamed patterns cannot be reversed: the rule builds the path itself.
    path: Callable[[World], str] | None = None
    get: dict[str, str] = field(default_factory=dict)
    post: dict[str, str] = field(default_factory=dict)
    query: str = ""


def answers(default: str, **by_kind: str) -> dict[str, str]:
    """`default` for every kind, except those named; staff without two-factor get "otp"."""
    table = {kind: default for kind in KINDS}
    table[UNVERIFIED] = OTP
    table.update(by_kind)
    return table


def api(default: str = "200") -> dict[str, str]:
    """The JSON API reads no user: everyone, staff without two-factor included, gets `default`."""
    return answers(default, **{UNVERIFIED: default})


def public(**by_kind: str) -> dict[str, str]:
    return answers("200", **by_kind)


def staff_only(*allowed: str, ok: str = "200", denied: str = "403", anonymous: str = LOGIN
               ) -> dict[str, str]:
    """A page for `allowed` kinds (and the superuser); everyone else signed in gets `denied`."""
    table = answers(denied, **{ANONYMOUS: anonymous, SUPERUSER: ok})
    table.update({kind: ok for kind in allowed})
    return table


def refuse(*allowed: str, denied: str = "403", anonymous: str = LOGIN) -> dict[str, str]:
    """POST answers for every kind not in `allowed` (the superuser is always allowed)."""
    table = {kind: denied for kind in KINDS if kind not in allowed and kind != SUPERUSER}
    table[ANONYMOUS] = anonymous
    if UNVERIFIED not in allowed:
        table[UNVERIFIED] = OTP
    return table


def action(kwargs: Callable[[World], dict], *allowed: str, anonymous: str = LOGIN,
           denied: str = "403") -> Rule:
    """A POST-only action: GET is 405 once signed in; POST is refused to those without the role."""
    return Rule(kwargs=kwargs, get=answers("405", **{ANONYMOUS: anonymous}),
                post=refuse(*allowed, denied=denied, anonymous=anonymous))


def pk_of(name: str) -> Callable[[World], dict]:
    return lambda w: {"pk": getattr(w, name).pk}


def _letter_event(world: World):
    """The reply event of the closed request: a letter both timelines link to."""
    from gongkai.applications.letters import LETTERS

    return world.closed_application.events.filter(kind__in=LETTERS).order_by("pk").first()


def own_report(**extra) -> Callable[[World], dict]:
    return lambda w: {"slug": w.own.slug, "year": YEAR, **extra}


# Who holds a right over 商务局's records of each kind (the superuser is added by staff_only).
DOCUMENT_READERS = (PUBLISHER, REVIEWER, SUPERVISOR)
REQUEST_READERS = (HANDLER, ADMIN, SUPERVISOR)
REPORT_READERS = (PUBLISHER, REVIEWER, ADMIN, SUPERVISOR)
FIGURE_READERS = (PUBLISHER, ADMIN, SUPERVISOR)
APPEAL_READERS = (HANDLER, SUPERVISOR)
WORKLOG_WRITERS = (PUBLISHER, ADMIN)
QUESTION_ANSWERERS = (HANDLER, ADMIN)
CONSULTATION_RUNNERS = (PUBLISHER, ADMIN)
POWER_KEEPERS = (PUBLISHER, ADMIN)
GUIDE_KEEPERS = (PUBLISHER, ADMIN)


def consultation_act(kwargs) -> Rule:
    """A POST-only act on 商务局's consultation: its supervisor sees it (403), others do not (404)."""
    return Rule(kwargs=kwargs, get=answers("405", **{ANONYMOUS: LOGIN}),
                post=refuse(*CONSULTATION_RUNNERS, denied="404") | {SUPERVISOR: "403"})

WORKLOG_READERS = (*WORKLOG_WRITERS, SUPERVISOR)
ALL_STAFF = tuple(sorted(STAFF))

RULES: dict[str, Rule] = {
    # ---- 主动公开: public pages
    "catalog:home": Rule(get=public()),
    "favicon": Rule(get=answers(REDIRECT)),  # to the static icon
    "catalog:browse": Rule(get=public()),
    "catalog:category": Rule(kwargs=lambda w: {"slug": "policies"}, get=public()),
    "catalog:document": Rule(kwargs=pk_of("published"), get=public()),
    # An attachment of a draft is for the agency's document staff only.
    "catalog:attachment": Rule(kwargs=lambda w: {"pk": w.draft_attachment.pk},
                               get=staff_only(*DOCUMENT_READERS, denied="404", anonymous="404")),
    "catalog:feeds_index": Rule(get=public()),
    "catalog:feed_rss": Rule(get=public()),
    "catalog:feed_atom": Rule(get=public()),
    "catalog:category_feed_rss": Rule(kwargs=lambda w: {"slug": "policies"}, get=public()),
    "catalog:category_feed_atom": Rule(kwargs=lambda w: {"slug": "policies"}, get=public()),
    "catalog:sitemap": Rule(get=public()),
    "catalog:sitemap_section": Rule(kwargs=lambda w: {"section": "documents"}, get=public()),
    # ---- 主动公开: staff pages
    "catalog:staff_documents": Rule(get=staff_only(*DOCUMENT_READERS, OTHER_STAFF, OTHER_SUPERVISOR)),
    "catalog:staff_document_create": Rule(get=staff_only(PUBLISHER, OTHER_STAFF),
                                          post=refuse(PUBLISHER, OTHER_STAFF)),
    "catalog:staff_review_queue": Rule(get=staff_only(REVIEWER, OTHER_STAFF)),
    "catalog:staff_document": Rule(kwargs=pk_of("draft"), get=staff_only(*DOCUMENT_READERS)),
    "catalog:staff_document_edit": Rule(kwargs=pk_of("draft"), get=staff_only(PUBLISHER),
                                        post=refuse(PUBLISHER)),
    "catalog:staff_document_submit": action(pk_of("draft"), PUBLISHER),
    "catalog:staff_document_approve": action(pk_of("pending"), REVIEWER),
    "catalog:staff_document_return": Rule(kwargs=pk_of("pending"), get=staff_only(REVIEWER),
                                          post=refuse(REVIEWER)),
    "catalog:staff_document_withdraw": Rule(kwargs=pk_of("published"), get=staff_only(REVIEWER),
                                            post=refuse(REVIEWER)),
    "catalog:staff_document_validity": Rule(kwargs=pk_of("published"), get=staff_only(REVIEWER),
                                            post=refuse(REVIEWER)),
    "catalog:staff_attachment_add": action(pk_of("draft"), PUBLISHER),
    "catalog:staff_attachment_remove": action(lambda w: {"pk": w.draft_attachment.pk}, PUBLISHER),
    "search:search": Rule(get=public(), query="q=商务"),
    # ---- 机构
    "agencies:list": Rule(get=public()),
    # Supervisors manage the 机构管理员 and 监督员 of the agencies right below theirs.
    "agencies:manage": Rule(get=staff_only(ADMIN, OTHER_STAFF, SUPERVISOR, OTHER_SUPERVISOR)),
    "agencies:detail": Rule(kwargs=lambda w: {"slug": w.own.slug}, get=public()),
    "agencies:guide": Rule(kwargs=lambda w: {"slug": w.own.slug}, get=public()),
    "agencies:edit": Rule(kwargs=lambda w: {"slug": w.own.slug}, get=staff_only(ADMIN),
                          post=refuse(ADMIN)),
    "agencies:members": Rule(kwargs=lambda w: {"slug": w.own.slug}, get=staff_only(ADMIN),
                             post=refuse(ADMIN)),
    "agencies:member_revoke": action(lambda w: {"slug": w.own.slug, "pk": w.membership.pk}, ADMIN),
    # ---- 账号 (exempt from the two-factor redirect, so staff without it answer too)
    "accounts:login": Rule(get=answers(REDIRECT, **{ANONYMOUS: "200", UNVERIFIED: REDIRECT})),
    # Without a password checked first there is no code to ask for: back to the login page.
    "accounts:login_otp": Rule(get=answers(LOGIN, **{UNVERIFIED: LOGIN})),
    "accounts:logout": Rule(get=answers("405", **{UNVERIFIED: "405"})),
    "accounts:otp_setup": Rule(get=answers("200", **{ANONYMOUS: LOGIN, UNVERIFIED: "200"})),
    "accounts:otp_disable": Rule(get=answers("405", **{ANONYMOUS: LOGIN, UNVERIFIED: "405"}),
                                 post={ANONYMOUS: LOGIN}),
    # Password reset (issue 15): the same pages for everyone, signed in or not; nothing says
    # whether an address has an account. The confirm link here is invalid: the page says so.
    "accounts:password_reset": Rule(get=answers("200", **{UNVERIFIED: "200"})),
    "accounts:password_reset_done": Rule(get=answers("200", **{UNVERIFIED: "200"})),
    "accounts:password_reset_confirm": Rule(kwargs=lambda w: {"uidb64": "MQ", "token": "x-y"},
                                            get=answers("200", **{UNVERIFIED: "200"})),
    "accounts:password_reset_complete": Rule(get=answers("200", **{UNVERIFIED: "200"})),
    "accounts:home": Rule(get=answers("200", **{ANONYMOUS: LOGIN, UNVERIFIED: "200"})),
    # ---- 审计日志: supervisors (their sub-tree) and the superuser; anonymous visitors log in first
    "audit:list": Rule(get=staff_only(SUPERVISOR, OTHER_SUPERVISOR)),
    "audit:export": Rule(get=staff_only(SUPERVISOR, OTHER_SUPERVISOR)),
    # ---- 工作日历: the calculator is public, the schedule is for staff, editing for the superuser
    "workdays:calculator": Rule(get=public()),
    "workdays:year_list": Rule(get=staff_only(*ALL_STAFF)),
    "workdays:year_create": Rule(get=staff_only(), post=refuse()),
    "workdays:year_edit": Rule(kwargs=lambda w: {"year": w.calendar_year.year}, get=staff_only(),
                               post=refuse()),
    "workdays:year_delete": action(lambda w: {"year": w.calendar_year.year}),
    # ---- 依申请公开: applicants
    "applications:apply": Rule(get=public()),
    "applications:submitted": Rule(get=answers(REDIRECT)),
    # The blank paper form and the flow chart are for anyone.
    "applications:paper_form": Rule(kwargs=lambda w: {"fmt": "docx"}, get=public()),
    "applications:flowchart": Rule(get=public()),
    "applications:lookup": Rule(get=public()),
    # The status page is the applicant's (or a session that passed the look-up), nobody else's:
    # anyone else is sent to the look-up form (code filled in) to prove it with the phone number.
    "applications:track": Rule(kwargs=lambda w: {"code": w.application.query_code},
                               get=answers(REDIRECT, **{APPLICANT: "200"})),
    "applications:track_letter": Rule(
        kwargs=lambda w: {"code": w.closed_application.query_code, "fmt": "docx"},
        get=answers(REDIRECT, **{APPLICANT: "200"})),
    "applications:track_event_letter": Rule(
        kwargs=lambda w: {"code": w.closed_application.query_code,
                          "event_id": _letter_event(w).pk, "fmt": "docx"},
        get=answers(REDIRECT, **{APPLICANT: "200"})),
    "applications:track_file": Rule(
        kwargs=lambda w: {"code": w.closed_application.query_code, "pk": w.reply_file.pk},
        get=answers(REDIRECT, **{APPLICANT: "200"})),
    "applications:track_withdraw": Rule(
        kwargs=lambda w: {"code": w.application.query_code}, get=answers("405"),
        post={kind: "403" for kind in KINDS if kind not in (APPLICANT, UNVERIFIED)}
        | {UNVERIFIED: OTP}),
    # 补正 online: only whoever follows the request (a refused POST changes nothing).
    "applications:track_correction": Rule(
        kwargs=lambda w: {"code": w.application.query_code}, get=answers("405"),
        post={kind: "403" for kind in KINDS if kind not in (APPLICANT, UNVERIFIED)}
        | {UNVERIFIED: OTP}),
    "applications:track_correction_file": Rule(
        kwargs=lambda w: {"code": w.application.query_code, "pk": w.correction_file.pk},
        get=answers(REDIRECT, **{APPLICANT: "200"})),
    # The drafted 行政复议申请书 / 投诉书 carry the applicant's name: theirs only (the request
    # is overdue, so they are offered).
    "applications:track_draft": Rule(
        kwargs=lambda w: {"code": w.application.query_code, "kind": "review", "fmt": "docx"},
        get=answers(REDIRECT, **{APPLICANT: "200"})),
    # The disclosure log: public, without the applicant (the walk checks the pages for secrets).
    "applications:published_list": Rule(get=public()),
    "applications:published_detail": Rule(kwargs=pk_of("publication"), get=public()),
    "applications:published_file": Rule(
        kwargs=lambda w: {"pk": w.publication.pk, "file_pk": w.reply_file.pk}, get=public()),
    "applications:published_letter": Rule(
        kwargs=lambda w: {"pk": w.publication.pk, "event_id": _letter_event(w).pk, "fmt": "docx"},
        get=public()),
    "applications:mine": Rule(get=answers("200", **{ANONYMOUS: LOGIN})),
    "applications:signup": Rule(get=answers(REDIRECT, **{ANONYMOUS: "200"})),
    # ---- 依申请公开: staff
    # Every status (not only the open ones), so the closed request is on the list too.
    "applications:queue": Rule(get=staff_only(*REQUEST_READERS, OTHER_STAFF, OTHER_SUPERVISOR),
                               query="status="),
    "applications:register": Rule(get=staff_only(HANDLER, OTHER_STAFF),
                                  post=refuse(HANDLER, OTHER_STAFF)),
    "applications:export": Rule(get=staff_only(*REQUEST_READERS, OTHER_STAFF, OTHER_SUPERVISOR),
                                query="status="),
    "applications:detail": Rule(kwargs=pk_of("application"), get=staff_only(*REQUEST_READERS)),
    "applications:reveal": Rule(kwargs=pk_of("application"), get=answers("405", **{ANONYMOUS: LOGIN}),
                                post=refuse(*REQUEST_READERS)),
    "applications:act": Rule(kwargs=lambda w: {"pk": w.application.pk, "action": "close"},
                             get=staff_only(HANDLER), post=refuse(HANDLER)),
    "applications:letter": Rule(kwargs=lambda w: {"pk": w.closed_application.pk, "fmt": "docx"},
                                get=staff_only(*REQUEST_READERS)),
    "applications:event_letter": Rule(
        kwargs=lambda w: {"pk": w.closed_application.pk, "event_id": _letter_event(w).pk,
                          "fmt": "docx"},
        get=staff_only(*REQUEST_READERS)),
    "applications:file": Rule(kwargs=lambda w: {"pk": w.reply_file.pk},
                              get=staff_only(*REQUEST_READERS)),
    "applications:correction_file": Rule(kwargs=lambda w: {"pk": w.correction_file.pk},
                                         get=staff_only(*REQUEST_READERS)),
    # Publishing in the log is for the request's handlers; already published: to its page.
    "applications:publish": Rule(kwargs=pk_of("closed_application"),
                                 get=staff_only(HANDLER, ok=REDIRECT), post=refuse(HANDLER)),
    "applications:unpublish": action(pk_of("closed_application"), HANDLER),
    # 同一信息 and proposals (《条例》第四十四条): handlers and the 机构管理员 link and dismiss,
    # the 信息发布员 drafts (the catalog's rule), supervisors see counts; a reviewer alone has
    # nothing there.
    "applications:proposals": Rule(get=staff_only(HANDLER, ADMIN, PUBLISHER, SUPERVISOR,
                                                  OTHER_STAFF, OTHER_SUPERVISOR)),
    "applications:same_information_confirm": action(lambda w: {}, HANDLER, ADMIN, OTHER_STAFF),
    "applications:proposal_dismiss": Rule(kwargs=pk_of("proposal"), get=staff_only(HANDLER, ADMIN),
                                          post=refuse(HANDLER, ADMIN)),
    "applications:proposal_draft": Rule(kwargs=pk_of("proposal"), get=staff_only(PUBLISHER),
                                        post=refuse(PUBLISHER)),
    "applications:same_information_link": action(pk_of("closed_application"), HANDLER, ADMIN),
    "applications:same_information_unlink": action(pk_of("closed_application"), HANDLER, ADMIN),
    # 区分处理: the request's handlers mark; a handler or the 机构管理员 approves (the service
    # refuses whoever marked); readers of the request see the marks and pages.
    "applications:redaction_start": action(lambda w: {"pk": w.redaction.reply_file.pk}, HANDLER),
    "applications:redaction": Rule(kwargs=pk_of("redaction"), get=staff_only(*REQUEST_READERS)),
    "applications:redaction_act": action(
        lambda w: {"pk": w.redaction.pk, "action": "mark-text"}, HANDLER),
    "applications:redaction_page": Rule(kwargs=lambda w: {"pk": w.redaction.pk, "page": 1},
                                        get=staff_only(*REQUEST_READERS)),
    "applications:redaction_output": Rule(kwargs=pk_of("redaction"),
                                          get=staff_only(*REQUEST_READERS)),
    # ---- 行政复议、行政诉讼
    "appeals:list": Rule(get=staff_only(*APPEAL_READERS, OTHER_STAFF, OTHER_SUPERVISOR)),
    "appeals:create": Rule(get=staff_only(HANDLER, OTHER_STAFF), post=refuse(HANDLER, OTHER_STAFF)),
    "appeals:detail": Rule(kwargs=pk_of("appeal"),
                           get=staff_only(*APPEAL_READERS, denied="404")),
    # A supervisor sees the case (403 to change it); to anyone else it does not exist.
    "appeals:edit": Rule(kwargs=pk_of("appeal"), get=staff_only(HANDLER, denied="404") | {SUPERVISOR: "403"},
                         post=refuse(HANDLER, denied="404") | {SUPERVISOR: "403"}),
    "appeals:result": Rule(kwargs=pk_of("appeal"), get=staff_only(HANDLER, denied="404") | {SUPERVISOR: "403"},
                           post=refuse(HANDLER, denied="404") | {SUPERVISOR: "403"}),
    # ---- 政务公开工作记录: a supervisor reads (403 to change); to anyone else a record does not exist.
    "worklog:list": Rule(get=staff_only(*WORKLOG_READERS, OTHER_STAFF, OTHER_SUPERVISOR)),
    "worklog:create": Rule(get=staff_only(*WORKLOG_WRITERS, OTHER_STAFF),
                           post=refuse(*WORKLOG_WRITERS, OTHER_STAFF)),
    "worklog:detail": Rule(kwargs=pk_of("activity"), get=staff_only(*WORKLOG_READERS, denied="404")),
    "worklog:edit": Rule(kwargs=pk_of("activity"),
                         get=staff_only(*WORKLOG_WRITERS, denied="404") | {SUPERVISOR: "403"},
                         post=refuse(*WORKLOG_WRITERS, denied="404") | {SUPERVISOR: "403"}),
    "worklog:delete": Rule(kwargs=pk_of("activity"), get=answers("405", **{ANONYMOUS: LOGIN}),
                           post=refuse(*WORKLOG_WRITERS, denied="404") | {SUPERVISOR: "403"}),
    "worklog:material_upload": Rule(kwargs=pk_of("activity"), get=answers("405", **{ANONYMOUS: LOGIN}),
                                    post=refuse(*WORKLOG_WRITERS, denied="404") | {SUPERVISOR: "403"}),
    "worklog:material": Rule(kwargs=pk_of("material"), get=staff_only(*WORKLOG_READERS, denied="404")),
    "worklog:material_delete": Rule(kwargs=pk_of("material"), get=answers("405", **{ANONYMOUS: LOGIN}),
                                    post=refuse(*WORKLOG_WRITERS, denied="404") | {SUPERVISOR: "403"}),
    # ---- 回应关切: the public pages, and the staff queue (a supervisor reads, 403 to act)
    "responses:public_list": Rule(get=public()),
    "responses:public_detail": Rule(kwargs=pk_of("public_question"), get=public()),
    "responses:ask": Rule(get=public()),
    "responses:submitted": Rule(get=answers(REDIRECT)),
    "responses:lookup": Rule(get=public()),
    "responses:queue": Rule(get=staff_only(*QUESTION_ANSWERERS, SUPERVISOR, OTHER_STAFF,
                                             OTHER_SUPERVISOR)),
    "responses:staff_detail": Rule(kwargs=pk_of("question"),
                                   get=staff_only(*QUESTION_ANSWERERS, SUPERVISOR, denied="404")),
    **{f"responses:{act}": Rule(kwargs=pk_of("question"), get=answers("405", **{ANONYMOUS: LOGIN}),
                                post=refuse(*QUESTION_ANSWERERS, denied="404") | {SUPERVISOR: "403"})
       for act in ("answer", "refer", "reject")},
    "responses:period": Rule(kwargs=lambda w: {"slug": w.own.slug}, get=staff_only(ADMIN),
                             post=refuse(ADMIN)),
    # ---- 意见征集
    "participation:public_list": Rule(get=public()),
    "participation:public_detail": Rule(kwargs=pk_of("consultation"), get=public()),
    "participation:staff_list": Rule(get=staff_only(*CONSULTATION_RUNNERS, SUPERVISOR, OTHER_STAFF,
                                                     OTHER_SUPERVISOR)),
    "participation:staff_create": Rule(get=staff_only(*CONSULTATION_RUNNERS, OTHER_STAFF),
                                       post=refuse(*CONSULTATION_RUNNERS, OTHER_STAFF)),
    "participation:staff_detail": Rule(kwargs=pk_of("consultation"),
                                       get=staff_only(*CONSULTATION_RUNNERS, SUPERVISOR, denied="404")),
    "participation:staff_edit": Rule(
        kwargs=pk_of("consultation"),
        get=staff_only(*CONSULTATION_RUNNERS, denied="404") | {SUPERVISOR: "403"},
        post=refuse(*CONSULTATION_RUNNERS, denied="404") | {SUPERVISOR: "403"}),
    "participation:staff_feedback": consultation_act(pk_of("consultation")),
    "participation:staff_act": consultation_act(lambda w: {"pk": w.consultation.pk, "action": "close"}),
    "participation:comment_moderate": consultation_act(pk_of("comment")),
    "participation:comment_adopt": consultation_act(pk_of("comment")),
    # ---- 权责清单: public list, item, chart and exports; staff keep their own agency's
    "powers:public_list": Rule(get=public()),
    "powers:public_detail": Rule(kwargs=pk_of("power"), get=public()),
    "powers:chart": Rule(kwargs=pk_of("power"), get=public(**{k: "404" for k in KINDS if k != UNVERIFIED})),
    "powers:export": Rule(kwargs=lambda w: {"fmt": "json"}, get=public()),
    "powers:staff_list": Rule(get=staff_only(*POWER_KEEPERS, SUPERVISOR, OTHER_STAFF, OTHER_SUPERVISOR)),
    "powers:staff_create": Rule(get=staff_only(*POWER_KEEPERS, OTHER_STAFF),
                                post=refuse(*POWER_KEEPERS, OTHER_STAFF)),
    "powers:staff_import": Rule(get=staff_only(*POWER_KEEPERS, OTHER_STAFF),
                                post=refuse(*POWER_KEEPERS, OTHER_STAFF)),
    "powers:staff_detail": Rule(kwargs=pk_of("power"),
                                get=staff_only(*POWER_KEEPERS, SUPERVISOR, denied="404")),
    "powers:staff_adjust": Rule(kwargs=pk_of("power"),
                                get=staff_only(*POWER_KEEPERS, denied="404") | {SUPERVISOR: "403"},
                                post=refuse(*POWER_KEEPERS, denied="404") | {SUPERVISOR: "403"}),
    **{f"powers:staff_{act}": Rule(kwargs=pk_of("power"), get=answers("405", **{ANONYMOUS: LOGIN}),
                                   post=refuse(*POWER_KEEPERS, denied="404") | {SUPERVISOR: "403"})
       for act in ("abolish", "chart")},
    # ---- 双公示: published decisions and fee items are public; staff keep their own agency's
    "powers:public_decisions": Rule(get=public()),
    "powers:public_fees": Rule(get=public()),
    "powers:decision_list": Rule(get=staff_only(*POWER_KEEPERS, SUPERVISOR, OTHER_STAFF, OTHER_SUPERVISOR)),
    "powers:fee_list": Rule(get=staff_only(*POWER_KEEPERS, SUPERVISOR, OTHER_STAFF, OTHER_SUPERVISOR)),
    "powers:decision_create": Rule(get=staff_only(*POWER_KEEPERS, OTHER_STAFF),
                                   post=refuse(*POWER_KEEPERS, OTHER_STAFF)),
    "powers:fee_create": Rule(get=staff_only(*POWER_KEEPERS, OTHER_STAFF),
                              post=refuse(*POWER_KEEPERS, OTHER_STAFF)),
    "powers:records_import": Rule(kwargs=lambda w: {"what": "decisions"},
                                  get=staff_only(*POWER_KEEPERS, OTHER_STAFF),
                                  post=refuse(*POWER_KEEPERS, OTHER_STAFF)),
    "powers:import_template": Rule(kwargs=lambda w: {"what": "fees"},
                                   get=staff_only(*POWER_KEEPERS, OTHER_STAFF)),
    "powers:decision_detail": Rule(kwargs=pk_of("decision"),
                                   get=staff_only(*POWER_KEEPERS, SUPERVISOR, denied="404")),
    "powers:decision_edit": Rule(kwargs=pk_of("decision"),
                                 get=staff_only(*POWER_KEEPERS, denied="404") | {SUPERVISOR: "403"},
                                 post=refuse(*POWER_KEEPERS, denied="404") | {SUPERVISOR: "403"}),
    "powers:decision_publish": Rule(kwargs=pk_of("decision"), get=answers("405", **{ANONYMOUS: LOGIN}),
                                    post=refuse(*POWER_KEEPERS, denied="404") | {SUPERVISOR: "403"}),
    "powers:fee_edit": Rule(kwargs=pk_of("fee"),
                            get=staff_only(*POWER_KEEPERS, denied="404") | {SUPERVISOR: "403"},
                            post=refuse(*POWER_KEEPERS, denied="404") | {SUPERVISOR: "403"}),
    "powers:publication_setting": Rule(kwargs=lambda w: {"slug": w.own.slug}, get=staff_only(ADMIN),
                                       post=refuse(ADMIN)),
    # ---- 办事指南: the world's guide is a draft, so its public page and blank form are 404
    "guides:public_list": Rule(get=public()),
    "guides:public_detail": Rule(kwargs=pk_of("guide"), get=answers("404")),
    "guides:material_template": Rule(kwargs=pk_of("guide_material"),
                                     get=answers("404", **{k: "200" for k in GUIDE_KEEPERS},
                                                 **{SUPERUSER: "200"})),
    "guides:staff_list": Rule(get=staff_only(*GUIDE_KEEPERS, SUPERVISOR, OTHER_STAFF, OTHER_SUPERVISOR)),
    "guides:staff_create": Rule(get=staff_only(*GUIDE_KEEPERS, OTHER_STAFF),
                                post=refuse(*GUIDE_KEEPERS, OTHER_STAFF)),
    "guides:staff_detail": Rule(kwargs=pk_of("guide"),
                                get=staff_only(*GUIDE_KEEPERS, SUPERVISOR, denied="404")),
    "guides:staff_edit": Rule(kwargs=pk_of("guide"),
                              get=staff_only(*GUIDE_KEEPERS, denied="404") | {SUPERVISOR: "403"},
                              post=refuse(*GUIDE_KEEPERS, denied="404") | {SUPERVISOR: "403"}),
    "guides:staff_material_add": Rule(kwargs=pk_of("guide"), get=answers("405", **{ANONYMOUS: LOGIN}),
                                      post=refuse(*GUIDE_KEEPERS, denied="404") | {SUPERVISOR: "403"}),
    "guides:staff_material_remove": Rule(kwargs=pk_of("guide_material"),
                                         get=answers("405", **{ANONYMOUS: LOGIN}),
                                         post=refuse(*GUIDE_KEEPERS, denied="404") | {SUPERVISOR: "403"}),
    "guides:staff_status": Rule(kwargs=lambda w: {"pk": w.guide.pk, "action": "publish"},
                                get=answers("405", **{ANONYMOUS: LOGIN}),
                                post=refuse(*GUIDE_KEEPERS, denied="404") | {SUPERVISOR: "403"}),
    # ---- 年度报告: public
    "reports:public_list": Rule(get=public()),
    "reports:public_check": Rule(get=public()),
    "reports:open_data_schema": Rule(get=public()),
    # The report is a draft: its open data does not exist for anyone yet.
    "reports:open_data_agency": Rule(kwargs=own_report(), get=answers("404")),
    "reports:open_data_county": Rule(kwargs=lambda w: {"slug": w.county.slug, "year": YEAR},
                                     get=public()),
    "reports:report_css": Rule(get=public()),
    # 依申请公开 statistics: aggregates only, public for every agency and year.
    "reports:statistics": Rule(kwargs=lambda w: {"slug": w.own.slug}, get=public(),
                               query=f"year={YEAR}"),
    "reports:statistics_csv": Rule(kwargs=lambda w: {"slug": w.own.slug, "year": YEAR},
                                   get=public()),
    # ---- 年度报告: staff
    "reports:staff_list": Rule(get=staff_only(*REPORT_READERS, OTHER_STAFF, OTHER_SUPERVISOR)),
    "reports:staff_generate": action(lambda w: {}, PUBLISHER, ADMIN, OTHER_STAFF),
    "reports:staff_detail": Rule(kwargs=own_report(), get=staff_only(*REPORT_READERS)),
    "reports:staff_edit": Rule(kwargs=own_report(), get=staff_only(PUBLISHER, ADMIN),
                               post=refuse(PUBLISHER, ADMIN)),
    "reports:staff_act": action(own_report(action="submit"), PUBLISHER),
    "reports:staff_export": Rule(kwargs=own_report(fmt="html"), get=staff_only(*REPORT_READERS)),
    "reports:staff_cell": Rule(kwargs=own_report(table="table3", row="new", column="total"),
                               get=staff_only(*REPORT_READERS)),
    "reports:staff_rollup": Rule(kwargs=own_report(), get=staff_only(SUPERVISOR)),
    "reports:staff_rollup_export": Rule(kwargs=own_report(fmt="html"), get=staff_only(SUPERVISOR)),
    "reports:figures_list": Rule(get=staff_only(*FIGURE_READERS, OTHER_STAFF, OTHER_SUPERVISOR)),
    "reports:figures_import": Rule(get=staff_only(PUBLISHER, ADMIN, OTHER_STAFF),
                                   post=refuse(PUBLISHER, ADMIN, OTHER_STAFF)),
    "reports:figures_template": Rule(get=staff_only(PUBLISHER, ADMIN, OTHER_STAFF)),
    "reports:figures_edit": Rule(kwargs=own_report(), get=staff_only(*FIGURE_READERS),
                                 post=refuse(PUBLISHER, ADMIN)),
    # ---- 监督
    "supervision:dashboard": Rule(get=staff_only(SUPERVISOR, OTHER_SUPERVISOR)),
    # 栏目审核确认: an agency's 机构管理员 and 信息发布员 confirm their own columns.
    "supervision:columns": Rule(get=staff_only(PUBLISHER, ADMIN, OTHER_STAFF),
                                post=refuse(PUBLISHER, ADMIN, OTHER_STAFF)),
    "supervision:export": Rule(get=staff_only(SUPERVISOR, OTHER_SUPERVISOR)),
    "supervision:check_list": Rule(get=staff_only(SUPERVISOR, OTHER_SUPERVISOR),
                                   post=refuse(SUPERVISOR, OTHER_SUPERVISOR)),
    "supervision:check_detail": Rule(kwargs=lambda w: {"pk": w.upload_check.pk},
                                     get=staff_only(SUPERVISOR, denied="404")),
    # ---- JSON API v1: public data and the applicant's actions, the same for everyone
    "api-v1:api-root": Rule(get=api("404")),
    "api-v1:openapi-json": Rule(get=api()),
    "api-v1:openapi-view": Rule(get=api()),
    "api-v1:agency_list": Rule(get=api()),
    "api-v1:agency_detail": Rule(kwargs=lambda w: {"slug": w.own.slug}, get=api()),
    "api-v1:category_list": Rule(get=api()),
    "api-v1:document_list": Rule(get=api()),
    "api-v1:document_detail": Rule(kwargs=lambda w: {"document_id": w.published.pk}, get=api()),
    "api-v1:search": Rule(get=api(), query="q=商务"),
    "api-v1:request_submit": Rule(get=api("405")),
    "api-v1:request_lookup": Rule(get=api("405")),
    "api-v1:report_check": Rule(get=api("405")),
}

# Further addresses of the same patterns: records that are not public, agencies and actions
# just outside a role's reach. Walked after the pattern's own rule.
VARIANTS: dict[str, tuple[Rule, ...]] = {
    # Drafts are not public anywhere, whoever asks (staff read them on the staff pages).
    "catalog:document": (Rule(kwargs=pk_of("draft"), get=answers("404")),),
    "catalog:attachment": (Rule(kwargs=lambda w: {"pk": w.published_attachment.pk}, get=public()),),
    "api-v1:document_detail": (Rule(kwargs=lambda w: {"document_id": w.draft.pk}, get=api("404")),),
    # Searching for a draft's title finds nothing for anyone (the leak check reads the page).
    "search:search": (Rule(get=public(), query="q=外贸补贴初步名单"),),
    "api-v1:search": (Rule(get=api(), query="q=外贸补贴初步名单"),),
    # Asking for 商务局's rows by filter shows them only to those who may see them.
    "applications:queue": (Rule(get=staff_only(*REQUEST_READERS, OTHER_STAFF, OTHER_SUPERVISOR),
                                query="status=&agency=__own__"),),
    "supervision:dashboard": (Rule(get=staff_only(SUPERVISOR, OTHER_SUPERVISOR),
                                   query="root=__own__"),),
    "appeals:list": (Rule(get=staff_only(*APPEAL_READERS, OTHER_STAFF, OTHER_SUPERVISOR),
                          query="agency=__own__"),),
    "audit:list": (Rule(get=staff_only(SUPERVISOR, OTHER_SUPERVISOR), query="agency=__own__"),),
    "audit:export": (Rule(get=staff_only(SUPERVISOR, OTHER_SUPERVISOR), query="agency=__own__"),),
    "catalog:staff_documents": (Rule(get=staff_only(*DOCUMENT_READERS, OTHER_STAFF, OTHER_SUPERVISOR),
                                     query="agency=__own__"),),
    # An 机构管理员 manages their own agency, not the agencies below it.
    "agencies:edit": (Rule(kwargs=lambda w: {"slug": w.own_child.slug}, get=staff_only(),
                           post=refuse()),),
    # The county's roll-up is for the county's supervisor, not a department's.
    "reports:staff_rollup": (Rule(kwargs=lambda w: {"slug": w.county.slug, "year": YEAR},
                                  get=staff_only()),),
    # Assigning a request is for its handlers and its 机构管理员.
    "applications:act": (Rule(kwargs=lambda w: {"pk": w.application.pk, "action": "assign"},
                              get=staff_only(HANDLER, ADMIN), post=refuse(HANDLER, ADMIN)),),
    "applications:redaction_act": (
        action(lambda w: {"pk": w.redaction.pk, "action": "approve"}, HANDLER, ADMIN),
        action(lambda w: {"pk": w.redaction.pk, "action": "unmark"}, HANDLER),
    ),
    # 退回、审定 belong to the supervisor of the report's sub-tree, 发布 to the agency's 审核员.
    "reports:staff_act": (
        action(own_report(action="approve"), SUPERVISOR),
        action(own_report(action="return"), SUPERVISOR),
        action(own_report(action="publish"), REVIEWER),
    ),
}

# Patterns deliberately not walked one by one, with the reason.
EXCLUDED: dict[str, str] = {}

# ---- Django admin (/admin/): one gate for the whole site (an active user with is_staff; only
# the superuser has it here), so every ModelAdmin pattern follows one rule by its URL-name
# suffix, checked against a real row of that model (`World.admin_objects`). A newly registered
# model is walked automatically and fails until the world holds a row of it.
ADMIN_MODEL_VIEWS = ("changelist", "add", "history", "delete", "change")
# Records the admin must not create or delete even for the superuser (their ModelAdmin says so).
ADMIN_SUPERUSER_EXCEPTIONS: dict[str, str] = {
    # Login attempts are written by django-axes, never by hand.
    "admin:axes_accessattempt_add": "403",
    "admin:axes_accesslog_add": "403",
    "admin:axes_accessfailurelog_add": "403",
    # The audit log is append-only and written by `audit.record()`.
    "admin:audit_auditentry_add": "403",
    "admin:audit_auditentry_delete": "403",
    # Roles are granted and revoked on the agency's members page (checked and audited there).
    "admin:agencies_membership_add": "403",
    "admin:agencies_membership_delete": "403",
    # A catalog column is deactivated, never deleted (its documents would be orphaned).
    "admin:catalog_category_delete": "403",
    # So is an agency (its documents, requests and reports belong to it).
    "admin:agencies_agency_delete": "403",
    # Documents and appeal cases are created and ended by their workflows, on the staff pages.
    "admin:catalog_document_add": "403",
    "admin:catalog_document_delete": "403",
    "admin:appeals_appealcase_add": "403",
    "admin:appeals_appealcase_delete": "403",
    # Work-log records are written on the staff pages, which audit each change.
    "admin:worklog_workactivity_add": "403",
    "admin:worklog_workactivity_delete": "403",
    "admin:responses_publicquestion_add": "403",
    "admin:responses_publicquestion_delete": "403",
    "admin:participation_consultation_add": "403",
    "admin:participation_consultation_delete": "403",
    "admin:powers_poweritem_add": "403",
    "admin:powers_poweritem_delete": "403",
    "admin:guides_serviceguide_add": "403",
    "admin:guides_serviceguide_delete": "403",
}


def _admin(superuser: str, *, anonymous: str = ADMIN_LOGIN, signed_in: str = ADMIN_LOGIN
           ) -> dict[str, str]:
    return answers(signed_in, **{ANONYMOUS: anonymous, SUPERUSER: superuser})


ADMIN_SITE_RULES: dict[str, Rule] = {
    "admin:index": Rule(get=_admin("200")),
    # The admin has no password-only form: visitors go to the two-step login; a signed-in user
    # without the admin right is refused (a redirect to the login would come straight back).
    "admin:login": Rule(get=_admin(REDIRECT, anonymous=LOGIN, signed_in="403")),
    # Logging out is a POST; the admin sends others to its index rather than its login page.
    "admin:logout": Rule(get=_admin("405", anonymous=REDIRECT, signed_in=REDIRECT)),
    "admin:password_change": Rule(get=_admin("200")),
    "admin:password_change_done": Rule(get=_admin("200")),
    "admin:autocomplete": Rule(get=_admin("403")),
    "admin:jsi18n": Rule(get=_admin("200")),
    "admin:view_on_site": Rule(kwargs=lambda w: {"content_type_id": _content_type(w.draft),
                                                 "object_id": w.draft.pk}, get=_admin(REDIRECT)),
    "admin:app_list": Rule(kwargs=lambda w: {"app_label": "catalog"}, get=_admin("200")),
    "admin:auth_user_password_change": Rule(kwargs=lambda w: {"id": w.users[APPLICANT].pk},
                                            get=_admin("200")),
    # The catch-all answers an unknown admin address (404 once signed in as admin staff).
    "admin/(?P<url>.*)$": Rule(path=lambda w: "/admin/no-such-page/", get=_admin("404")),
}


def _content_type(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def admin_rule(name: str | None, route: str) -> Rule | None:
    """The group rule of a ModelAdmin pattern, or None when the pattern is not one."""
    if name is None:
        # admin/<app>/<model>/<path:object_id>/ — the old address, redirected to …/change/.
        parts = route.split("/")
        if len(parts) == 5 and route.startswith("admin/") and parts[3] == "<path:object_id>":
            key = f"{parts[1]}_{parts[2]}"
            return Rule(path=lambda w: f"/admin/{parts[1]}/{parts[2]}/{w.admin_objects[key].pk}/",
                        get=_admin(REDIRECT))
        return None
    if not name.startswith("admin:"):
        return None
    model, _sep, view = name.removeprefix("admin:").rpartition("_")
    if view not in ADMIN_MODEL_VIEWS:
        return None
    kwargs = (lambda w: {}) if view in ("changelist", "add") else (
        lambda w: {"object_id": w.admin_objects[model].pk})
    # Writing through the admin is refused before any form is read to all but the superuser.
    post = {kind: answer for kind, answer in _admin("").items() if kind != SUPERUSER}
    return Rule(kwargs=kwargs, get=_admin(ADMIN_SUPERUSER_EXCEPTIONS.get(name, "200")),
                post=post if view in ("add", "change", "delete") else {})


def rule_for(name: str | None, route: str) -> Rule | None:
    return RULES.get(name or route) or ADMIN_SITE_RULES.get(name or route) or admin_rule(name, route)
