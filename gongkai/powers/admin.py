from django.contrib import admin

from .models import PowerItem


@admin.register(PowerItem)
class PowerItemAdmin(admin.ModelAdmin):
    """Read-only in the admin: every adjustment goes through the staff pages, which record the
    decision and audit it."""

    list_display = ("code", "name", "category", "agency", "status")
    list_filter = ("category", "status")
    search_fields = ("code", "name")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
