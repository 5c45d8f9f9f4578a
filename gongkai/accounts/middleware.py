from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from gongkai.agencies.permissions import is_staff_member

from .permissions import second_factor_pending

# The JSON API never reads the user (it answers everyone as a visitor), so staff who have not
# finished two-factor get JSON there, not a redirect to an HTML page.
_ALWAYS_OPEN = ("/static/", "/media/", "/api/")
_EXEMPT_PREFIXES = ("/accounts/", *_ALWAYS_OPEN)


class StaffTwoFactorMiddleware:
    """Two-factor login, whatever door the session came through.

    A user with a confirmed authenticator whose session has not passed a code from it (signed
    in by any password-only login) gets only the code step and logging out. With
    GONGKAI_REQUIRE_STAFF_OTP on, staff without an authenticator are sent to set one up before
    any page outside /accounts/.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith(_ALWAYS_OPEN):
            return self.get_response(request)
        if (
            path not in (reverse("accounts:login_otp"), reverse("accounts:logout"))
            and second_factor_pending(request.user)
        ):
            return _to(reverse("accounts:login_otp"), request)
        if (
            settings.GONGKAI_REQUIRE_STAFF_OTP
            and request.user.is_authenticated
            and not path.startswith(_EXEMPT_PREFIXES)
            and not request.user.is_verified()
            and is_staff_member(request.user)
        ):
            return _to(reverse("accounts:otp_setup"), request)
        return self.get_response(request)


def _to(url: str, request):
    return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
