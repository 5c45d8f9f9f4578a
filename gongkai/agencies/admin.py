from django.contrib import admin

from .models import Agency, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "level", "parent", "is_active")
    list_filter = ("level", "is_active")
    search_fields = ("name", "code")
    prepopulated_fields = {"slug": ("short_name",)}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role", "created_at")
    list_filter = ("role",)
    search_fields = ("user__username", "agency__name")
