"""The Django admin behind the site's own two-step login.

The admin's stock login form asks for a password only, so a user with an authenticator could
open /admin/ (and with that session every staff page) without it. Here the admin has no login
form of its own: /admin/login/ sends the visitor to `accounts:login` (password, then the code
when the user has an authenticator), and the admin opens only for a session that has passed the
second factor its user requires (django-otp's OTPAdminSite asks `is_verified()` of everyone;
users without an authenticator keep password-only access unless REQUIRE_STAFF_OTP is on, where
the middleware sends them to set one up first).
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from .permissions import second_factor_pending


class GongkaiAdminSite(admin.AdminSite):
    def has_permission(self, request) -> bool:
        return super().has_permission(request) and not second_factor_pending(request.user)

    def login(self, request, extra_context=None):
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            next_url = reverse("admin:index", current_app=self.name)
        if second_factor_pending(request.user):
            return redirect(f"{reverse('accounts:login_otp')}?{urlencode({'next': next_url})}")
        if request.user.is_authenticated:
            if self.has_permission(request):
                return redirect(next_url)
            # Sending a signed-in user on to the login page would bounce straight back here.
            raise PermissionDenied
        return redirect_to_login(next_url, reverse("accounts:login"))

