import pytest

from gongkai import audit
from gongkai.audit.models import AuditEntry, AuditLogImmutable


@pytest.fixture
def entry(agency, make_staff):
    actor = make_staff(agency, "admin")
    return audit.record(actor=actor, action="agencies.agency.update", target=agency, reason="测试")


def test_record_writes_actor_action_target_and_reason(entry, agency):
    assert entry.actor_name
    assert entry.action_label == "修改机构信息"
    assert entry.agency == agency
    assert entry.target_id == str(agency.pk)
    assert entry.reason == "测试"


def test_an_entry_cannot_be_saved_again(entry):
    entry.reason = "改过"
    with pytest.raises(AuditLogImmutable):
        entry.save()


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AuditLogImmutable):
        entry.delete()
    with pytest.raises(AuditLogImmutable):
        AuditEntry.objects.all().delete()
    with pytest.raises(AuditLogImmutable):
        AuditEntry.objects.update(reason="x")
    assert AuditEntry.objects.get(pk=entry.pk).reason == "测试"


def test_unregistered_actions_are_refused(agency):
    with pytest.raises(ValueError):
        audit.record(actor=None, action="nobody.knows", target=agency)
