from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from gongkai.agencies.permissions import is_staff_member

# The JSON API never reads the user (it answers everyone as a visitor), so staff who have not
# finished two-factor get JSON there, not a redirect to an HTML page.
_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/media/", "/api/")


class StaffTwoFactorMiddleware:
    """With GONGKAI_REQUIRE_STAFF_OTP on, staff who have not passed a TOTP check are sent to
    set up (or enter) their authenticator code before any other page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.GONGKAI_REQUIRE_STAFF_OTP
            and request.user.is_authenticated
            and not request.path.startswith(_EXEMPT_PREFIXES)
            and not request.user.is_verified()
            and is_staff_member(request.user)
        ):
            next_url = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:otp_setup')}?{next_url}")
        return self.get_response(request)
