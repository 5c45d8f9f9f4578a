"""System checks for the field-encryption keys (ids gongkai_privacy.*)."""

from __future__ import annotations

from cryptography.fernet import Fernet
from django.conf import settings
from django.core import checks

from . import crypto


@checks.register(checks.Tags.security, deploy=True)
def check_encryption_keys_set(app_configs=None, **kwargs):
    if crypto.using_development_key():
        return [
            checks.Warning(
                "FIELD_ENCRYPTION_KEYS 未设置：申请人的证件号码、电话和地址正用公开的开发密钥加密。",
                hint="用 python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())' 生成密钥，写入环境变量 FIELD_ENCRYPTION_KEYS"
                "（多个密钥用逗号分隔，第一个用于加密）。",
                id="gongkai_privacy.W001",
            )
        ]
    return []


@checks.register(checks.Tags.security)
def check_encryption_keys_valid(app_configs=None, **kwargs):
    errors = []
    for position, key in enumerate(crypto.configured_keys(), start=1):
        try:
            Fernet(key.encode())
        except (ValueError, TypeError):
            errors.append(
                checks.Error(
                    f"FIELD_ENCRYPTION_KEYS 中第 {position} 个密钥不是有效的 Fernet 密钥。",
                    hint="Fernet 密钥是 32 字节的 url-safe base64 字符串（44 个字符）。",
                    id="gongkai_privacy.E001",
                )
            )
    return errors


# 《行政诉讼法》第四十六条: six months to sue from learning of the reply; erasing sooner would
# leave the agency unable to tell who the plaintiff of a pending case is.
MIN_RETENTION_DAYS = 183


@checks.register(checks.Tags.security)
def check_retention_period(app_configs=None, **kwargs):
    days = settings.PERSONAL_DATA_RETENTION_DAYS
    if days < MIN_RETENTION_DAYS:
        return [
            checks.Warning(
                f"PERSONAL_DATA_RETENTION_DAYS 为 {days} 天，短于起诉期限（六个月）：申请人仍可能起诉时，"
                "其个人信息已被删除。",
                hint="默认 1827 天（五年）；不应少于 183 天。",
                id="gongkai_privacy.W002",
            )
        ]
    return []
