from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the admin can list and inspect entries, never add, change or delete them."""

    list_display = ("created_at", "actor_name", "action", "agency", "target_repr", "reason")
    list_filter = ("action",)
    search_fields = ("actor_name", "target_repr", "reason")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
