"""Whether a session has passed the second factor its user requires.

A user with a confirmed authenticator (TOTP device) is signed in only after a code from it. A
session that holds the user but no verified device came through a password-only door (the
Django admin's own login form, a future password-reset login, anything calling
`django.contrib.auth.login`): it opens nothing but the code step and logging out.
"""

from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_pending(user) -> bool:
    """A signed-in user who owns an authenticator but whose session has not used it."""
    if user is None or not user.is_authenticated:
        return False
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return False
    return has_confirmed_device(user)
