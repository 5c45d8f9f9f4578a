from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .models import User

# django-otp's device admin would let an administrator enrol, replace or read the secret of
# anyone's authenticator without an audit entry; the reset action below is the audited way.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (_("姓名"), {"fields": ("full_name",)}))
    list_display = ("username", "full_name", "email", "is_staff", "is_active")
    search_fields = ("username", "full_name", "email")
    actions = ["reset_two_factor"]

    @admin.action(description=_("重置双因素登录（用户丢失身份验证器时）"))
    def reset_two_factor(self, request, queryset):
        if not request.user.is_superuser:
            self.message_user(request, _("只有系统管理员可以重置双因素登录。"), messages.ERROR)
            return
        users = list(queryset)
        for user in users:
            services.otp_reset(user=user, actor=request.user,
                               reason=str(_("系统管理员在管理后台重置：用户无法使用原身份验证器")))
        self.message_user(request, ngettext(
            "已重置 %(count)d 个用户的双因素登录，他们下次登录后可重新设置身份验证器。",
            "已重置 %(count)d 个用户的双因素登录，他们下次登录后可重新设置身份验证器。",
            len(users)) % {"count": len(users)}, messages.SUCCESS)
