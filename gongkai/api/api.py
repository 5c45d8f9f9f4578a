"""The JSON API, version 1 (django-ninja): catalog, search, agencies, requests, report check.

Public and anonymous: nothing here acts for a signed-in user, so no endpoint relies on the
session cookie (and none needs CSRF). Rate-limited per client address; lists are paginated
with limit/offset (at most NINJA_PAGINATION_MAX_LIMIT). Errors are JSON with a stable `code`
and a Chinese `message`. The OpenAPI schema is at /api/v1/openapi.json, the docs at
/api/v1/docs (Swagger UI served from this site's static files, no CDN).
"""


import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser
from ninja.throttling import AnonRateThrottle

from gongkai.client_address import client_address

from . import catalog, reports, requests


class ClientRateThrottle(AnonRateThrottle):
    """Per client address as the trusted proxies report it (ninja's own reading takes a
    client-written X-Forwarded-For as the address, so a new header per call escaped the limit)."""

    def get_ident(self, request) -> str:
        return client_address(request)


class TextSafeParser(Parser):
    """JSON bodies whose strings hold a lone surrogate ("\\ud800" escapes are valid JSON but no
    valid text) are refused: neither database nor the field encryption can store them."""

    def parse_body(self, request):
        data = super().parse_body(request)
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError("请求内容含有无效的字符（不成对的代理项），请检查编码后重试。",
                                  code="invalid_text") from None
        return data


api = NinjaAPI(
    parser=TextSafeParser(),
    title="公开 Gongkai API",
    version="1",
    description="政府信息公开平台的公开数据接口 / the public JSON API of Gongkai.",
    urls_namespace="api-v1",
    throttle=[ClientRateThrottle("120/m")],
)
api.add_router("", catalog.router)
api.add_router("/requests", requests.router)
api.add_router("/reports", reports.router)


def _error(request, status: int, code: str, message: str, fields=None):
    return api.create_response(
        request, {"code": code, "message": message, "fields": fields or {}}, status=status
    )


@api.exception_handler(Throttled)
def throttled(request, exc):
    response = _error(request, 429, "rate_limited", "请求过于频繁，请稍后再试。")
    if exc.wait:
        response["Retry-After"] = str(int(exc.wait))
    return response


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, 404, "not_found", "没有找到请求的内容。")


@api.exception_handler(NinjaValidationError)
def invalid_input(request, exc):
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        name = ".".join(str(p) for p in error.get("loc", [])[1:]) or "request"
        fields.setdefault(name, []).append(str(error.get("msg", "")))
    return _error(request, 422, "invalid", "请求参数不正确。", fields)


@api.exception_handler(ValidationError)
def refused(request, exc):
    code = getattr(exc, "code", None) or "invalid"
    status = 429 if code == "rate_limited" else 400
    fields = exc.message_dict if hasattr(exc, "error_dict") else {}
    message = "；".join(exc.messages) if not fields else "请检查填写的内容。"
    return _error(request, status, code, message, fields)


@api.exception_handler(RequestDataTooBig)
@api.exception_handler(TooManyFieldsSent)
def too_large(request, exc):
    # Without this, Django's 400 HTML page would answer a JSON client.
    return _error(request, 413, "too_large", "请求内容过大或字段过多，请精简后重试。")


@api.exception_handler(HttpError)
def http_error(request, exc):
    # Ninja wraps whatever the body parser raised in HttpError(400, "Cannot parse request body").
    if isinstance(exc.__cause__, ValidationError):
        return refused(request, exc.__cause__)
    if exc.__cause__ is not None and exc.status_code == 400:
        return _error(request, 400, "invalid_json", "请求内容不是有效的 JSON（UTF-8 编码）。")
    return _error(request, exc.status_code, "error", str(exc))


def max_limit() -> int:
    return getattr(settings, "NINJA_PAGINATION_MAX_LIMIT", 100)
