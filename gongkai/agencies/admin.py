from django.contrib import admin

from . import services
from .models import Agency, Membership


class _ReadOnlyMemberships:
    """Roles are granted and revoked on the agency's 人员与角色 page, through
    `services.membership_grant` / `membership_revoke`, which check who may grant which role and
    write the audit entry. The admin shows them only: its forms would write around both."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class MembershipInline(_ReadOnlyMemberships, admin.TabularInline):
    model = Membership
    extra = 0
    fields = readonly_fields = ("user", "role", "created_at")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "level", "parent", "is_active")
    list_filter = ("level", "is_active")
    search_fields = ("name", "code")
    prepopulated_fields = {"slug": ("short_name",)}
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        """Through the services: they check the permission, move the subtree and audit."""
        if change:
            data = {name: form.cleaned_data[name] for name in form.changed_data}
            obj.path = services.agency_change(agency=obj, actor=request.user, data=data).path
        else:
            services.agency_create(agency=obj, actor=request.user)

    def has_delete_permission(self, request, obj=None):
        # Documents, requests and reports belong to an agency: deactivate it instead.
        return False


@admin.register(Membership)
class MembershipAdmin(_ReadOnlyMemberships, admin.ModelAdmin):
    list_display = ("user", "agency", "role", "created_at")
    list_filter = ("role",)
    search_fields = ("user__username", "agency__name")
