from django.contrib import admin

from .models import PublicQuestion


@admin.register(PublicQuestion)
class PublicQuestionAdmin(admin.ModelAdmin):
    """Read-only in the admin: questions are answered on the staff pages, which audit each act.
    The asker's name and contact are not listed."""

    list_display = ("pk", "subject", "agency", "status", "received_on", "due_on", "published")
    list_filter = ("status", "published")
    search_fields = ("subject",)
    fields = ("agency", "subject", "public_body", "status", "received_on", "due_on", "answer",
              "note", "published", "answered_on")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
