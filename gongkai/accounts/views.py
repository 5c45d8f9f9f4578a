from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from gongkai.agencies.models import Membership
from gongkai.agencies.permissions import is_staff_member

from .workbench import workbench_links


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


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
        },
    )
