"""Two-factor authentication (TOTP) for staff: set-up, confirmation, removal, verification."""

from __future__ import annotations

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai import audit
from gongkai.accounts.audit_actions import (  # noqa: F401  (re-exported for callers)
    OTP_DISABLE,
    OTP_ENABLE,
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
    allowed, _ = device.verify_is_allowed()
    return bool(allowed) and device.verify_token(token)


@transaction.atomic
def otp_confirm(*, user, device: TOTPDevice, token: str) -> bool:
    """Confirm a new authenticator with a first code; replaces any earlier device."""
    if not verify(device, token):
        return False
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(actor=user, action=OTP_ENABLE, target=user)
    return True


@transaction.atomic
def otp_disable(*, user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    audit.record(actor=user, action=OTP_DISABLE, target=user)
