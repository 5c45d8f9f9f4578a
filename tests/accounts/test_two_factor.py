from urllib.parse import urlencode, urlsplit

import pytest
from django.http import QueryDict
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.agencies.models import Role
from tests.factories import PASSWORD


def _token(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def staff_with_device(agency, make_staff):
    user = make_staff(agency, Role.REVIEWER, username="reviewer2fa")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user, device


def test_password_alone_does_not_log_in_a_user_with_an_authenticator(client, staff_with_device):
    user, _ = staff_with_device
    response = client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert reverse("accounts:login_otp") in response["Location"]
    assert "_auth_user_id" not in client.session


def test_a_wrong_code_is_refused_and_the_right_one_logs_in(client, staff_with_device):
    user, device = staff_with_device
    client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    wrong = "000000" if _token(device) != "000000" else "111111"
    response = client.post(reverse("accounts:login_otp"), {"token": wrong})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    device.refresh_from_db()
    device.throttling_failure_timestamp = None
    device.throttling_failure_count = 0
    device.save()
    response = client.post(reverse("accounts:login_otp"), {"token": _token(device)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_setting_up_an_authenticator_needs_a_valid_first_code(client, agency, make_staff):
    user = make_staff(agency, Role.PUBLISHER)
    client.force_login(user)
    assert client.get(reverse("accounts:otp_setup")).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(reverse("accounts:otp_setup"), {"token": "12345"})
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    client.post(reverse("accounts:otp_setup"), {"token": _token(device)})
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1


def test_staff_without_two_factor_are_sent_to_set_it_up_when_required(client, agency, make_staff, settings):
    settings.GONGKAI_REQUIRE_STAFF_OTP = True
    client.force_login(make_staff(agency, Role.PUBLISHER))
    response = client.get(reverse("agencies:manage"))
    assert response.status_code == 302
    assert reverse("accounts:otp_setup") in response["Location"]


def test_pages_carry_a_content_security_policy_without_inline_scripts(client, db):
    response = client.get(reverse("agencies:list"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


NEXT = "/reports/?year=2021&agency=3"


def test_the_page_asked_for_survives_the_code_step_query_string_and_all(client, staff_with_device):
    """The password step passes `next` on to the code step encoded: `&agency=3` is not lost."""
    user, device = staff_with_device
    response = client.post(f"{reverse('accounts:login')}?{urlencode({'next': NEXT})}",
                           {"username": user.username, "password": PASSWORD, "next": NEXT})
    assert response.status_code == 302
    code_step = response["Location"]
    assert QueryDict(urlsplit(code_step).query)["next"] == NEXT
    response = client.post(code_step, {"token": _token(device), "next": NEXT})
    assert response["Location"] == NEXT


def test_staff_sent_to_set_up_two_factor_come_back_to_the_page_with_its_query(
        client, agency, make_staff, settings):
    settings.GONGKAI_REQUIRE_STAFF_OTP = True
    client.force_login(make_staff(agency, Role.PUBLISHER))
    response = client.get(NEXT)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("accounts:otp_setup")
    assert QueryDict(urlsplit(response["Location"]).query)["next"] == NEXT


def test_staff_without_two_factor_get_json_from_the_api_and_a_redirect_elsewhere(
        client, agency, make_staff, settings):
    """The API reads no user, so there is nothing to protect; a JSON client must not be sent
    to an HTML enrolment page."""
    settings.GONGKAI_REQUIRE_STAFF_OTP = True
    client.force_login(make_staff(agency, Role.PUBLISHER))
    response = client.get(reverse("api-v1:category_list"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert client.get(reverse("catalog:home")).status_code == 302
