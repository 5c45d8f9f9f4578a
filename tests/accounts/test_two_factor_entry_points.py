"""Two-factor login holds whichever door a session comes in through (issue 14 item 1).

A user with a confirmed authenticator must not reach any page on the password alone: not by the
Django admin's login form, not by any other password-only login, and such a session must not be
able to mint, replace or remove the authenticator.
"""

from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.accounts import services
from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from tests.factories import PASSWORD

STAFF_PAGES = ["/admin/", "/audit/", "/requests/staff/", "/supervision/", "/accounts/"]


def _token(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0 - offset * device.step, digits=device.digits):06d}"


@pytest.fixture
def owner(county, make_staff):
    """A site administrator who is also the county's supervisor, with an authenticator."""
    user = make_staff(county, Role.SUPERVISOR, Role.HANDLER, username="guarded",
                      is_staff=True, is_superuser=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user, device


def _verified(client, user, device):
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _sent_to_code_step(response) -> bool:
    return response.status_code == 302 and urlsplit(response["Location"]).path == reverse("accounts:login_otp")


def test_the_admin_login_form_does_not_sign_in_on_the_password_alone(client, owner):
    user, _ = owner
    client.post(reverse("admin:login"), {"username": user.username, "password": PASSWORD,
                                         "next": "/admin/"})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_the_admin_login_page_sends_visitors_to_the_two_step_login(client, owner):
    response = client.get(reverse("admin:login") + "?next=/admin/auth/")
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("accounts:login")
    user, device = owner
    response = client.post(response["Location"], {"username": user.username, "password": PASSWORD})
    assert _sent_to_code_step(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_a_password_only_session_opens_no_staff_page(client, owner, path):
    """`force_login` is a password-only sign-in through Django's own `login()`, the way the
    admin's form, a password-reset login or any future door would leave the session."""
    user, _ = owner
    client.force_login(user)
    assert _sent_to_code_step(client.get(path))


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_after_the_code_the_same_pages_open(client, owner, path):
    user, device = owner
    client.force_login(user)
    response = client.post(reverse("accounts:login_otp"), {"token": _token(device), "next": path})
    assert response.status_code == 302 and response["Location"] == path
    assert client.get(path).status_code == 200


def test_a_password_only_session_cannot_mint_replace_or_remove_the_authenticator(client, owner, settings):
    settings.GONGKAI_REQUIRE_STAFF_OTP = True
    user, device = owner
    client.force_login(user)
    assert _sent_to_code_step(client.get("/supervision/"))
    assert _sent_to_code_step(client.get(reverse("accounts:otp_setup")))
    assert not TOTPDevice.objects.filter(user=user, confirmed=False).exists()
    attacker = TOTPDevice.objects.create(user=user, name="attacker", confirmed=False)
    client.post(reverse("accounts:otp_setup"), {"token": _token(attacker), "current_token": "000000"})
    client.post(reverse("accounts:otp_disable"), {"current_token": "000000"})
    assert list(TOTPDevice.objects.filter(user=user, confirmed=True)) == [device]


def test_replacing_the_authenticator_takes_a_code_from_the_current_one(client, owner):
    user, device = owner
    _verified(client, user, device)
    client.get(reverse("accounts:otp_setup"))
    new = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("accounts:otp_setup"), {"token": _token(new)})
    assert response.status_code == 200
    assert response.context["form"].has_error("current_token", "required")
    wrong = "000000" if _token(device) != "000000" else "111111"
    response = client.post(reverse("accounts:otp_setup"), {"token": _token(new), "current_token": wrong})
    assert response.context["form"].has_error("current_token", "current_token_invalid")
    assert list(TOTPDevice.objects.filter(user=user, confirmed=True)) == [device]
    device.refresh_from_db()
    device.throttling_failure_count, device.throttling_failure_timestamp = 0, None
    device.save()
    response = client.post(reverse("accounts:otp_setup"),
                           {"token": _token(new), "current_token": _token(device)})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=user, confirmed=True)) == [new]
    entry = AuditEntry.objects.get(action=services.OTP_ENABLE)
    assert entry.data == {"replaced": True}


def test_turning_two_factor_off_takes_a_code_from_the_authenticator(client, owner):
    user, device = owner
    _verified(client, user, device)
    client.post(reverse("accounts:otp_disable"), {"current_token": ""})
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    client.post(reverse("accounts:otp_disable"), {"current_token": _token(device)})
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert AuditEntry.objects.filter(action=services.OTP_DISABLE, target_id=str(user.pk)).exists()


def test_a_first_authenticator_needs_no_earlier_code(client, agency, make_staff):
    user = make_staff(agency, Role.PUBLISHER)
    client.force_login(user)
    client.get(reverse("accounts:otp_setup"))
    device = TOTPDevice.objects.get(user=user)
    assert client.post(reverse("accounts:otp_setup"), {"token": _token(device)}).status_code == 302
    assert TOTPDevice.objects.get(user=user).confirmed is True


def test_a_site_administrator_resets_a_lost_authenticator_with_an_audit_entry(client, owner, agency, make_staff):
    admin_user, admin_device = owner
    staff = make_staff(agency, Role.PUBLISHER, username="lostphone")
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    _verified(client, admin_user, admin_device)
    response = client.post(reverse("admin:accounts_user_changelist"),
                           {"action": "reset_two_factor", "_selected_action": [staff.pk]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()
    entry = AuditEntry.objects.get(action=services.OTP_RESET)
    assert (entry.actor, entry.target_id, entry.data) == (admin_user, str(staff.pk), {"devices_removed": 1})
    assert entry.reason


def test_only_a_site_administrator_may_reset(agency, make_staff):
    staff = make_staff(agency, Role.ADMIN)
    victim = make_staff(agency, Role.PUBLISHER)
    TOTPDevice.objects.create(user=victim, name="phone", confirmed=True)
    with pytest.raises(PermissionDenied):
        services.otp_reset(user=victim, actor=staff, reason="想换成我的手机")
    with pytest.raises(ValidationError):
        services.otp_reset(user=victim, actor=None, reason="  ")
    assert TOTPDevice.objects.filter(user=victim).exists()


def test_the_operator_resets_from_the_command_line(owner):
    user, _ = owner
    call_command("otp_reset", user.username, "--reason", "手机丢失，本人到场核实")
    assert not TOTPDevice.objects.filter(user=user).exists()
    entry = AuditEntry.objects.get(action=services.OTP_RESET)
    assert entry.actor is None and entry.reason == "手机丢失，本人到场核实"


def test_the_device_admin_that_wrote_around_the_audit_is_gone(client, owner):
    user, device = owner
    _verified(client, user, device)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404


def test_a_signed_in_user_without_the_admin_right_gets_403_not_a_redirect_loop(client, agency, make_staff):
    client.force_login(make_staff(agency, Role.PUBLISHER))
    assert client.get(reverse("admin:login") + "?next=/admin/").status_code == 403
