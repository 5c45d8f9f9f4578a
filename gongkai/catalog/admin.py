"""Admin: 公开目录 columns are edited here by administrators, through `category_save()` (audited);
documents are read-only (every change goes through the staff pages and their audited services)."""

from django.contrib import admin

from . import services
from .models import Attachment, Category, Document


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "parent", "article_item", "sort_order", "is_active")
    list_filter = ("is_active", "parent")
    list_editable = ("sort_order", "is_active")
    search_fields = ("name", "slug")
    ordering = ("parent__sort_order", "sort_order", "id")

    def save_model(self, request, obj, form, change):
        services.category_save(category=obj, actor=request.user, changed=form.changed_data)

    def has_delete_permission(self, request, obj=None):
        # Removing a column would orphan its documents; deactivate it instead.
        return False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ("original_name", "file_kind", "size", "sha256", "uploaded_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "agency", "index_no", "status", "kind", "validity", "published_on")
    list_filter = ("status", "kind", "validity", "category")
    search_fields = ("title", "doc_number", "index_no")
    list_select_related = ("agency",)
    date_hierarchy = "published_on"
    inlines = [AttachmentInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
