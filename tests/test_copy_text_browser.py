"""The copy buttons under the map (the paste-ready sentence, "Salin tautan") in a real browser, on
the synthetic store: the Clipboard API where the page has it, the select-and-copy fallback where it
has not (plain http on a meeting-room LAN), and a crafted query string shown as text, never HTML."""

from __future__ import annotations

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
    button = page.get_by_role("button", name="Salin: Tahun data 2022").first
    expect(button).to_be_visible(timeout=120_000)
    button.click()
    expect(button).to_have_text("Tersalin")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Tahun data 2022 (penghargaan 2023): "), copied
    context.close()


def test_link_copies_without_the_clipboard_api_and_stays_text(browser, app_url: str) -> None:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    # what a page served over plain http from another machine sees: no navigator.clipboard
    context.add_init_script(
        "delete Navigator.prototype.clipboard;"
        "window.__copied = [];"
        "document.execCommand = (c) => { window.__copied.push([c, String(getSelection())]); "
        "return true; };"
    )
    page = context.new_page()
    page.goto(f"{app_url}/peta?tahun=2022&lang=en&{CRAFTED}")
    button = page.get_by_role("button", name="Copy: http").first
    expect(button).to_be_visible(timeout=120_000)
    button.click()
    expect(button).to_have_text("Copied")
    [[command, selected]] = page.evaluate("window.__copied")
    assert command == "copy"
    assert selected.startswith(f"{app_url}/peta?") and "x=%3Cimg" in selected, selected
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    context.close()
