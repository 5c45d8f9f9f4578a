"""Two-factor authentication (TOTP) for staff: set-up, confirmation, removal, verification."""

from __future__ import annotations

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai import audit
from gongkai.accounts.audit_actions import (  # noqa: F401  (re-exported for callers)
    OTP_DISABLE,
    OTP_ENABLE,
    OTP_RESET,
)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The user's unconfirmed device, created on first call (a new secret each set-up)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def device_qr_data_uri(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def device_secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def verify(device: TOTPDevice, token: str) -> bool:
    allowed, _extra = device.verify_is_allowed()
    return bool(allowed) and device.verify_token(token)


def _require_current_factor(user, current_token: str | None) -> None:
    """Changing or removing an authenticator takes a code from the one in use: a session that
    got hold of the password (or a signed-in browser left open) cannot swap it for its own."""
    existing = confirmed_device(user)
    if existing is None:
        return
    if not current_token:
        raise ValidationError(_("请输入当前身份验证器上显示的6位验证码。"), code="current_token_required")
    if not verify(existing, current_token):
        raise ValidationError(_("当前身份验证器的验证码不正确或已过期。多次错误后需等待一段时间再试。"),
                              code="current_token_invalid")


@transaction.atomic
def otp_confirm(*, user, device: TOTPDevice, token: str, current_token: str | None = None) -> None:
    """Confirm a new authenticator with a first code from it; replaces any earlier device, which
    takes a code from that earlier device too. Raises ValidationError (with a code) if refused."""
    _require_current_factor(user, current_token)
    if not verify(device, token):
        raise ValidationError(_("验证码不正确，请确认手机时间准确后重新输入。"), code="invalid_token")
    replaced = TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk)
    had_device = replaced.exists()
    replaced.delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(actor=user, action=OTP_ENABLE, target=user, data={"replaced": had_device})


@transaction.atomic
def otp_disable(*, user, current_token: str | None) -> None:
    """Turn two-factor login off; takes a code from the authenticator being removed."""
    _require_current_factor(user, current_token)
    TOTPDevice.objects.filter(user=user).delete()
    audit.record(actor=user, action=OTP_DISABLE, target=user)


@transaction.atomic
def otp_reset(*, user, actor, reason: str) -> None:
    """A site administrator removes the authenticators of a user who lost theirs, so the user
    can sign in with the password and set up a new one. `actor` None: the server's operator
    (`gongkai otp_reset` on the command line)."""
    if actor is not None and not (actor.is_active and actor.is_superuser):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("请填写重置的理由。"), code="reason_required")
    removed, _by_model = TOTPDevice.objects.filter(user=user).delete()
    audit.record(actor=actor, action=OTP_RESET, target=user, reason=reason.strip(),
                 data={"devices_removed": removed})
