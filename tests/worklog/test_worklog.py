"""The work log: who records and reads it, its materials, the audit trail, and the counts that
start section 一 of an annual report draft (each number linking to its records)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.reports import annual_services
from gongkai.worklog import selectors, services
from gongkai.worklog.models import ActivityKind, WorkActivity, WorkMaterial

pytestmark = pytest.mark.django_db
D = dt.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def publisher(agency, make_staff):
    return make_staff(agency, Role.PUBLISHER)


@pytest.fixture
def supervisor(county, make_staff):
    return make_staff(county, Role.SUPERVISOR)


def _form(agency, **overrides):
    data = {"agency": agency.pk, "kind": "meeting", "title": "条例专题学习会",
            "held_on": "2025-03-12", "place": "三楼会议室", "participants": "25",
            "summary": "学习《条例》。"}
    data.update(overrides)
    return data


MARCH_12 = D(2025, 3, 12)


def _record(actor, agency, kind=ActivityKind.MEETING, held_on=MARCH_12, title="学习会"):
    return services.activity_create(actor=actor, agency=agency,
                                    data={"kind": kind, "title": title, "held_on": held_on})


def test_publisher_records_a_meeting_through_the_form_and_it_is_audited(client, agency, publisher):
    client.force_login(publisher)
    response = client.post(reverse("worklog:create"), _form(agency))
    activity = WorkActivity.objects.get()
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    assert (activity.agency, activity.kind, activity.participants) == (agency, "meeting", 25)
    entry = AuditEntry.objects.get(action="worklog.activity.create")
    assert entry.actor == publisher and entry.agency_id == agency.pk
    page = client.get(reverse("worklog:list")).content.decode()
    assert "条例专题学习会" in page


def test_a_future_date_is_refused_with_a_message(client, agency, publisher):
    client.force_login(publisher)
    with time_machine.travel(dt.datetime(2025, 6, 1, 10, 0), tick=False):
        response = client.post(reverse("worklog:create"), _form(agency, held_on="2025-07-01"))
    assert response.status_code == 200
    assert "日期不能晚于今天" in response.content.decode()
    assert not WorkActivity.objects.exists()


def test_missing_title_keeps_the_input_and_names_the_field(client, agency, publisher):
    client.force_login(publisher)
    response = client.post(reverse("worklog:create"), _form(agency, title=""))
    body = response.content.decode()
    assert response.status_code == 200 and "三楼会议室" in body and "errorlist" in body
    assert not WorkActivity.objects.exists()


def test_roles(client, agency, other_agency, publisher, supervisor, make_staff):
    mine = _record(publisher, agency, title="本局学习会")
    other_publisher = make_staff(other_agency, Role.PUBLISHER)
    theirs = _record(other_publisher, other_agency, title="他局学习会")
    handler = make_staff(agency, Role.HANDLER)

    client.force_login(handler)  # no work-log role
    assert client.get(reverse("worklog:list")).status_code == 403

    client.force_login(publisher)
    body = client.get(reverse("worklog:list")).content.decode()
    assert "本局学习会" in body and "他局学习会" not in body
    assert client.get(reverse("worklog:detail", args=[theirs.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.activity_create(actor=publisher, agency=other_agency,
                                 data={"kind": "meeting", "title": "x", "held_on": D(2025, 1, 5)})

    client.force_login(supervisor)  # reads the subtree, records nothing
    body = client.get(reverse("worklog:list")).content.decode()
    assert "本局学习会" in body and "他局学习会" in body
    assert client.get(reverse("worklog:edit", args=[mine.pk])).status_code == 403
    assert client.post(reverse("worklog:delete", args=[mine.pk])).status_code == 403
    assert WorkActivity.objects.filter(pk=mine.pk).exists()


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("worklog:list"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_materials_are_checked_by_content_and_downloaded_by_readers_only(
        client, agency, publisher, supervisor, make_staff):
    activity = _record(publisher, agency)
    client.force_login(publisher)
    fake = SimpleUploadedFile("签到表.pdf", b"MZ\x90\x00 not a pdf")
    client.post(reverse("worklog:material_upload", args=[activity.pk]), {"file": fake})
    assert not WorkMaterial.objects.exists()
    client.post(reverse("worklog:material_upload", args=[activity.pk]),
                {"file": SimpleUploadedFile("签到表.pdf", PDF)})
    material = WorkMaterial.objects.get()
    assert material.original_name == "签到表.pdf"
    assert AuditEntry.objects.filter(action="worklog.material.add").count() == 1

    client.force_login(supervisor)
    response = client.get(reverse("worklog:material", args=[material.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "no-cache" in response["Cache-Control"]
    client.force_login(make_staff(agency, Role.HANDLER))
    assert client.get(reverse("worklog:material", args=[material.pk])).status_code == 404


def test_deleting_a_record_removes_its_materials_and_is_audited(
        client, agency, publisher, django_capture_on_commit_callbacks):
    activity = _record(publisher, agency)
    material = services.material_add(actor=publisher, activity=activity,
                                     upload=SimpleUploadedFile("a.pdf", PDF))
    storage, name = material.file.storage, material.file.name
    assert storage.exists(name)
    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("worklog:delete", args=[activity.pk]))
    assert response.status_code == 302
    assert not WorkActivity.objects.exists() and not WorkMaterial.objects.exists()
    assert not storage.exists(name)
    entry = AuditEntry.objects.get(action="worklog.activity.delete")
    assert entry.data["materials"] == 1


def test_edit_records_what_changed(agency, publisher):
    activity = _record(publisher, agency)
    services.activity_update(actor=publisher, activity=activity, data={"participants": 30})
    entry = AuditEntry.objects.get(action="worklog.activity.update")
    assert entry.data["changed"] == {"participants": [None, 30]}
    services.activity_update(actor=publisher, activity=activity, data={"participants": 30})
    assert AuditEntry.objects.filter(action="worklog.activity.update").count() == 1


def test_counts_of_a_year_make_the_sentence_of_section_one(agency, publisher):
    for day in (D(2025, 2, 1), D(2025, 5, 1), D(2025, 9, 1)):
        _record(publisher, agency, ActivityKind.MEETING, day)
    _record(publisher, agency, ActivityKind.TRAINING, D(2025, 6, 1))
    _record(publisher, agency, ActivityKind.TRAINING, D(2024, 6, 1))  # another year
    counts = selectors.activity_counts(agency=agency, year=2025)
    assert [(c.kind, c.count) for c in counts] == [("meeting", 3), ("training", 1)]
    sentence = selectors.overview_sentence(agency=agency, year=2025)
    assert "召开政务公开学习会议3次" in sentence and "开展政务公开业务培训1次" in sentence
    assert sentence.startswith("2025年") and agency.name in sentence
    assert selectors.overview_sentence(agency=agency, year=2023) == ""


def test_a_new_draft_starts_section_one_from_the_work_log_and_links_each_count(
        client, agency, publisher):
    for day in (D(2025, 2, 1), D(2025, 5, 1)):
        _record(publisher, agency, ActivityKind.MEETING, day)
    _record(publisher, agency, ActivityKind.INSPECTION, D(2025, 10, 8))
    with time_machine.travel(dt.datetime(2026, 1, 10, 9, 0), tick=False):
        report = annual_services.report_generate(agency=agency, year=2025, actor=publisher)
    assert "召开政务公开学习会议2次" in report.overview
    assert "开展政务公开监督检查1次" in report.overview

    client.force_login(publisher)
    page = client.get(reverse("reports:staff_detail", args=[agency.slug, 2025])).content.decode()
    link = f"{reverse('worklog:list')}?agency={agency.pk}&amp;year=2025&amp;kind=meeting"
    assert f'<a href="{link}">2</a>' in page
    listed = client.get(f"{reverse('worklog:list')}?agency={agency.pk}&year=2025&kind=meeting")
    assert listed.context["page_obj"].paginator.count == 2


def test_a_draft_without_work_log_keeps_section_one_empty(agency, publisher):
    with time_machine.travel(dt.datetime(2026, 1, 10, 9, 0), tick=False):
        report = annual_services.report_generate(agency=agency, year=2025, actor=publisher)
    assert report.overview == ""


def test_list_paginates_and_filters(client, agency, publisher):
    for i in range(25):
        _record(publisher, agency, ActivityKind.TRAINING, D(2024, 1, 2) + dt.timedelta(days=i),
                title=f"培训{i:02d}")
    client.force_login(publisher)
    first = client.get(reverse("worklog:list"))
    assert len(first.context["activities"]) == 20 and first.context["page_obj"].has_next()
    bad = client.get(reverse("worklog:list") + "?year=abc")
    assert bad.status_code == 200 and not bad.context["activities"]
    empty = client.get(reverse("worklog:list") + "?kind=inspection").content.decode()
    assert "没有符合条件的工作记录" in empty


def test_the_demo_work_log_fills_the_2025_draft_of_section_one():
    from importlib import import_module

    from gongkai import demo
    from gongkai.reports.models import AnnualReport

    wanted = ("agencies", "workdays", "applications", "appeals", "figures", "worklog", "reports")
    for step in demo.STEPS:
        if step.rsplit(".", 1)[-1] in wanted:
            import_module(step).load()
    draft = AnnualReport.objects.get(agency__slug="xihua-commerce", year=2025)
    assert draft.status == AnnualReport.Status.DRAFT
    records = WorkActivity.objects.filter(agency=draft.agency).in_year(2025)
    meetings = records.filter(kind=ActivityKind.MEETING).count()
    assert meetings >= 2
    assert f"召开政务公开学习会议{meetings}次" in draft.overview
    assert AuditEntry.objects.filter(action="worklog.activity.create").count() \
        == WorkActivity.objects.count()
    before = WorkActivity.objects.count()
    import_module("gongkai.demo.worklog").load()  # loading twice adds nothing
    assert WorkActivity.objects.count() == before
