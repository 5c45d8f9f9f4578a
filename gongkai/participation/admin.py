from django.contrib import admin

from .models import Consultation


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    """Read-only in the admin: consultations change on the staff pages, which audit each act."""

    list_display = ("title", "agency", "status", "opens_on", "closes_on", "feedback_due_on")
    list_filter = ("status",)
    search_fields = ("title",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
