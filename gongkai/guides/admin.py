from django.contrib import admin

from .models import ServiceGuide


@admin.register(ServiceGuide)
class ServiceGuideAdmin(admin.ModelAdmin):
    """Read-only in the admin: guides change on the staff pages, which audit each change."""

    list_display = ("name", "agency", "status", "promised_days")
    list_filter = ("status",)
    search_fields = ("name", "code")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
