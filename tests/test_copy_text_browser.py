"""The copy buttons under the map (the paste-ready sentence, "Salin tautan") in a real browser, on
the synthetic store: the Clipboard API where the page has it, the select-and-copy fallback where it
has not (plain http on a meeting-room LAN), and a crafted query string shown as text, never HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.harness import serve
from kkpham.settings import Settings

pytestmark = pytest.mark.browser
CRAFTED = "x=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E"  # x=<img src=x onerror=...>


@pytest.fixture(scope="module")
def app_url(synthetic_settings: Settings, artifacts: Path):
    env = {"KKPHAM_DB": str(synthetic_settings.db_path)}
    with serve(env=env, log=artifacts / "copy_text_app.log") as url:
        yield url


def test_sentence_copies_through_the_clipboard_api(browser, app_url: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    page.goto(f"{app_url}/peta?tahun=2022")
    line = page.locator(".copy", has_text="Tahun data 2022")  # CSS locators enter shadow roots
    button = line.get_by_role("button")
    expect(button).to_have_accessible_name("Salin", timeout=120_000)
    expect(button).to_have_accessible_description(re.compile("^Tahun data 2022"))
    button.click()
    expect(button).to_have_text("Tersalin")
    expect(line.get_by_role("status")).to_have_text("Tersalin")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Tahun data 2022 (penghargaan 2023): "), copied
    context.close()


def test_link_copies_without_the_clipboard_api_and_stays_text(browser, app_url: str) -> None:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    # what a page served over plain http from another machine sees: no navigator.clipboard (the
    # test keeps a handle to read back what the page's fallback, execCommand("copy"), copied)
    context.add_init_script(
        "window.__clipboard = navigator.clipboard; delete Navigator.prototype.clipboard;"
    )
    page = context.new_page()
    page.goto(f"{app_url}/peta?tahun=2022&lang=en&{CRAFTED}")
    button = page.locator(".copy", has_text="http").get_by_role("button")
    expect(button).to_have_accessible_name("Copy", timeout=120_000)
    assert page.evaluate("navigator.clipboard") is None
    button.click()
    expect(button).to_have_text("Copied")
    copied = page.evaluate("window.__clipboard.readText()")
    assert copied.startswith(f"{app_url}/peta?") and "x=%3Cimg" in copied, copied
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    context.close()
