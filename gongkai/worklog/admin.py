from django.contrib import admin

from .models import WorkActivity


@admin.register(WorkActivity)
class WorkActivityAdmin(admin.ModelAdmin):
    """Read-only in the admin: records change through the staff pages, which audit each change."""

    list_display = ("held_on", "title", "kind", "agency")
    list_filter = ("kind",)
    search_fields = ("title",)
    date_hierarchy = "held_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
