from django.contrib import admin

from .models import AppealCase


@admin.register(AppealCase)
class AppealCaseAdmin(admin.ModelAdmin):
    """Read-only in the admin: cases change through the staff pages, which audit each change."""

    list_display = ("case_number", "kind", "agency", "filed_on", "result", "closed_on")
    list_filter = ("kind", "result")
    search_fields = ("case_number", "applicant_name")
    date_hierarchy = "filed_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
