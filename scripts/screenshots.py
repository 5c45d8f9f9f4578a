"""Screenshots of the public pages for the README (docs/screenshots/), at desktop and phone
widths, with Debian's headless chromium, from a running demo site (`make demo`).

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000

The document and report pages are the newest published notice and annual report of the demo;
the editor is the drafting form of the demo account `commerce_publisher`.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}
MAX_HEIGHT = {"desktop": 1800, "phone": 2400}


def _first_link(base: str, path: str, pattern: str) -> str:
    html = urlopen(base + path).read().decode()  # noqa: S310 - the demo site given on the command line
    match = re.search(pattern, html)
    if not match:
        raise SystemExit(f"no link matching {pattern!r} on {path}")
    return match.group(1)


def main(base: str) -> None:
    pages = {
        "home": "/",
        "document": _first_link(base, "/catalog/policies/", r'href="(/documents/\d+/)"'),
        "report": _first_link(base, "/reports/", r'href="(/documents/\d+/)"'),
        "apply": "/requests/apply/",
    }
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for device, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
            for name, path in pages.items():
                page.goto(base + path)
                full = page.evaluate("document.documentElement.scrollHeight")
                clip = {"x": 0, "y": 0, "width": width, "height": min(full, MAX_HEIGHT[device])}
                target = OUT / f"{name}-{device}.png"
                page.screenshot(path=str(target), clip=clip, full_page=True)
                print(target.relative_to(OUT.parents[1]), os.path.getsize(target))
            page.close()
        _editor(browser, base)
        browser.close()


def _editor(browser, base: str) -> None:
    from gongkai.demo import DEMO_PASSWORD

    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
    page.goto(base + "/accounts/login/")
    page.fill("input[name=username]", "commerce_publisher")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    page.goto(base + "/staff/documents/new/")
    editor = page.locator(".rich-editor .ql-editor")
    editor.click()
    page.keyboard.type("各乡镇人民政府，县直各单位：")
    page.keyboard.press("Enter")
    page.keyboard.type("现将有关事项通知如下。")
    page.locator(".rich-editor").scroll_into_view_if_needed()
    target = OUT / "editor-desktop.png"
    page.screenshot(path=str(target))
    print(target.relative_to(OUT.parents[1]), os.path.getsize(target))
    page.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
