"""Site identity: the header names the government, the footer carries 主办单位, 网站标识码 and the
two 备案 numbers linked to their registers, all from settings; and there is a favicon."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

XIHUA = {
    "name": "西华县人民政府", "owner": "西华县人民政府办公室", "operator": "西华县大数据中心",
    "code": "4116220001", "icp": "豫ICP备05003325号-1", "police_record": "豫公网安备41162202000123号",
    "contact": "0394-2522113",
}


def _home(client) -> BeautifulSoup:
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_header_and_footer_show_the_configured_identity(client, settings):
    settings.GONGKAI_SITE = XIHUA
    page = _home(client)
    assert page.select_one(".site-header .brand-owner").get_text() == "西华县人民政府"
    assert page.title.get_text().endswith("· 西华县人民政府")
    footer = page.select_one("footer.site-footer").get_text(" ", strip=True)
    for text in ("主办单位：西华县人民政府办公室", "承办单位：西华县大数据中心", "网站标识码：4116220001",
                 "豫ICP备05003325号-1", "豫公网安备41162202000123号", "联系方式：0394-2522113"):
        assert text in footer
    icp = page.find("a", string="豫ICP备05003325号-1")
    assert icp["href"] == "https://beian.miit.gov.cn/"
    police = page.find("a", string="豫公网安备41162202000123号")
    assert police["href"].endswith("code=41162202000123")


def test_an_unconfigured_site_shows_no_empty_labels(client, settings):
    settings.GONGKAI_SITE = {}
    page = _home(client)
    assert page.select_one(".site-header .brand-name").get_text(strip=True) == "政府信息公开平台"
    footer = page.select_one("footer.site-footer").get_text()
    for label in ("主办单位", "网站标识码", "ICP", "公网安备"):
        assert label not in footer


def test_the_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("gongkai/favicon.ico")
    ico = finders.find("gongkai/favicon.ico")
    with open(ico, "rb") as f:
        assert f.read(4) == b"\x00\x00\x01\x00"  # an ICO file
    assert finders.find("gongkai/favicon.svg")
    assert 'rel="icon"' in client.get("/").content.decode()


def test_the_identity_is_read_from_the_environment():
    env = {**os.environ, "SITE_NAME": "西华县人民政府", "SITE_CODE": "4116220001",
           "DJANGO_SETTINGS_MODULE": "gongkai.settings"}
    out = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; s = settings.GONGKAI_SITE; "
                               "print(s['name'], s['code'], repr(s['icp']))"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert out == "西华县人民政府 4116220001 ''"
