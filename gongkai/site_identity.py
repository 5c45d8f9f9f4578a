"""Who runs this site, as a Chinese government website shows it (《政府网站发展指引》): the
government's name in the header, and in the footer 主办单位, 承办单位, 网站标识码, the ICP 备案号
(linked to the MIIT register) and the 公安机关备案号 (linked to the public-security register),
plus the favicon.

The values are settings (`GONGKAI_SITE`, read from the environment in settings.py, documented
in the README); this module only shapes them for the templates. Imports nothing of the apps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static

ICP_REGISTER_URL = "https://beian.miit.gov.cn/"
POLICE_REGISTER_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class SiteIdentity:
    name: str = ""            # 西华县人民政府
    owner: str = ""           # 主办单位
    operator: str = ""        # 承办单位
    code: str = ""            # 网站标识码
    icp: str = ""             # ICP 备案号, e.g. 豫ICP备05003325号-1
    police_record: str = ""   # 公安机关备案号, e.g. 豫公网安备41162202000123号
    contact: str = ""         # 联系方式 shown in the footer

    @property
    def police_record_code(self) -> str:
        """The digits of the 公安备案号, which the register's search link takes."""
        return "".join(_DIGITS.findall(self.police_record))

    @property
    def police_register_url(self) -> str:
        return POLICE_REGISTER_URL.format(code=self.police_record_code) if self.police_record_code else ""

    @property
    def icp_register_url(self) -> str:
        return ICP_REGISTER_URL if self.icp else ""


def site_identity() -> SiteIdentity:
    values = getattr(settings, "GONGKAI_SITE", {}) or {}
    return SiteIdentity(**{key: (values.get(key) or "").strip() for key in SiteIdentity.__dataclass_fields__})


def context(request: HttpRequest) -> dict:
    """Template context processor: `site` in every page (header, footer, title)."""
    return {"site": site_identity()}


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """/favicon.ico, which browsers ask for whatever the page links: the shipped icon."""
    response = HttpResponseRedirect(static("gongkai/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
