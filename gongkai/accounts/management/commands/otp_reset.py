"""`gongkai otp_reset USERNAME --reason …`: remove a user's authenticators from the server.

For the administrator who lost the phone that guards the admin itself; anyone else is reset by
a site administrator in the admin (用户 → 重置双因素登录). Audited as the system's act.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gongkai.accounts.services import otp_reset


class Command(BaseCommand):
    help = "重置一个用户的双因素登录（删除其身份验证器），用于丢失手机等情况；写入审计日志。"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reason", required=True, help="重置的理由（写入审计日志）")

    def handle(self, *args, username: str, reason: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"没有用户名为 {username} 的用户。")
        try:
            otp_reset(user=user, actor=None, reason=reason)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        self.stdout.write(f"已重置 {username} 的双因素登录；该用户下次登录后可重新设置身份验证器。")
