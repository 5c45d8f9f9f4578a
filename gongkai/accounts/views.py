from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from gongkai.agencies.models import Membership
from gongkai.agencies.permissions import is_staff_member
from gongkai.applications import ratelimit

from . import services
from .forms import TokenForm
from .workbench import workbench_links

_PENDING = "gongkai_otp_pending"
RESET_SCOPE = "password_reset"


def _safe_next(request, fallback: str = "accounts:home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return redirect(fallback).url


class LoginView(auth_views.LoginView):
    """Password first; users with a confirmed authenticator then enter a TOTP code."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        self.landing_user = user
        if services.confirmed_device(user) is None:
            return super().form_valid(form)
        self.request.session[_PENDING] = {"user": user.pk, "backend": user.backend}
        next_url = urlencode({"next": self.get_success_url()})
        return redirect(f"{redirect('accounts:login_otp').url}?{next_url}")

    def get_default_redirect_url(self) -> str:
        return landing_url(getattr(self, "landing_user", self.request.user))


def landing_url(user) -> str:
    """Where a sign-in without `next` lands: staff on the 工作台, applicants on 我的申请."""
    return reverse("accounts:home" if is_staff_member(user) else "applications:mine")


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset by e-mail: the same answer whether or not the address has an account
    (no enumeration), limited per client address and per address typed."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        keys = [ratelimit.client_ip(self.request), form.cleaned_data["email"].strip().lower()]
        if ratelimit.exceeded(RESET_SCOPE, keys):
            form.add_error(None, ValidationError(
                _("找回密码的请求过于频繁，请稍后再试。"), code="rate_limited"))
            return self.form_invalid(form)
        ratelimit.hit(RESET_SCOPE, keys)
        # The link points at the configured site, never at the Host header of this request.
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


def login_otp(request):
    pending = request.session.get(_PENDING)
    if not pending:
        return redirect("accounts:login")
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    device = services.confirmed_device(user) if user else None
    if device is None:
        request.session.pop(_PENDING, None)
        return redirect("accounts:login")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify(device, form.cleaned_data["token"]):
            request.session.pop(_PENDING, None)
            login(request, user, backend=pending["backend"])
            otp_login(request, device)
            return HttpResponseRedirect(_safe_next(request))
        form.add_error("token", _("验证码不正确或已过期，请重新输入。多次错误后需等待一段时间再试。"))
    return render(request, "accounts/login_otp.html", {"form": form, "next": request.GET.get("next", "")})


@login_required
def otp_setup(request):
    """Set up (or replace) the user's authenticator app."""
    device = services.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.otp_confirm(user=request.user, device=device, token=form.cleaned_data["token"]):
            otp_login(request, device)
            messages.success(request, _("双因素登录已启用。今后登录时需要输入身份验证器上的验证码。"))
            return HttpResponseRedirect(_safe_next(request))
        form.add_error("token", _("验证码不正确，请确认手机时间准确后重新输入。"))
    return render(
        request,
        "accounts/otp_setup.html",
        {
            "form": form,
            "qr": services.device_qr_data_uri(device),
            "secret": services.device_secret(device),
            "has_device": services.confirmed_device(request.user) is not None,
        },
    )


@login_required
@require_POST
def otp_disable(request):
    services.otp_disable(user=request.user)
    messages.success(request, _("双因素登录已停用。"))
    return redirect("accounts:home")


@login_required
def home(request):
    """The signed-in user's start page: their roles and the pages those roles open."""
    memberships = Membership.objects.for_user(request.user).select_related("agency")
    return render(
        request,
        "accounts/home.html",
        {
            "memberships": memberships,
            "links": workbench_links(request.user),
            "is_staff": is_staff_member(request.user),
            "has_otp": services.confirmed_device(request.user) is not None,
        },
    )
