"""Presentation mode and the language switch in a real browser (Debian Chromium): keys step the
year (←/→, PageUp/PageDown) and the province (↑/↓), Esc leaves; the state is in the URL; legend
and labels are at least 20 px at 1920 × 1080; the whole slide is on the screen at 1920 × 1080 and
at a laptop's 1366 × 768 (the slide is scaled to fit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from bench.harness import serve
from kkpham.model import mapdata
from kkpham.settings import Settings
from kkpham.store import Store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(built_settings: Settings, artifacts: Path):
    env = {"KKPHAM_DB": str(built_settings.db_path)}
    with serve(env=env, log=artifacts / "present_browser_app.log") as url:
        yield url


def ready(page: Page, **state: str) -> None:
    """The map is drawn and the key handler holds this view's state."""
    page.wait_for_function(
        "document.querySelectorAll('path.choroplethlocation').length > 5", timeout=180_000
    )
    checks = " && ".join(f"window.__kkphamPres.{k} === '{v}'" for k, v in state.items())
    page.wait_for_function(f"window.__kkphamPres && {checks}", timeout=60_000)


# every text of the slide, as (what, its box on the screen)
SLIDE_TEXTS = """() => [
  ...[...document.querySelectorAll('.annotation-text, .textpoint text')]
    .map(e => [e.textContent, e]),
  ...[...document.querySelectorAll('[data-testid=stMetric], .kkpham-keys')]
    .map(e => [e.innerText, e]),
].map(([t, e]) => { const r = e.getBoundingClientRect();
  return [t.slice(0, 40), r.left, r.top, r.right, r.bottom]; })"""


def assert_on_screen(page: Page) -> None:
    """Nothing of the slide is cut by the screen's edges, and there is nothing to scroll to."""
    page.wait_for_function(
        "parseFloat(document.documentElement.style.getPropertyValue('--kkpham-fit')) > 0"
    )
    # two animation frames: the fit's style is applied and laid out
    page.wait_for_function(
        "() => (window.__kkphamFrames = (window.__kkphamFrames || 0) + 1) > 2", polling="raf"
    )
    width, height = page.evaluate("[innerWidth, innerHeight]")
    texts = page.evaluate(SLIDE_TEXTS)
    assert len(texts) > 5, texts
    off = [t for t in texts if t[1] < 0 or t[2] < 0 or t[3] > width or t[4] > height]
    assert not off, (width, height, off)


def test_presentation_mode_steps_with_the_keyboard(
    browser, app_url: str, artifacts, built_settings: Settings
) -> None:
    with Store.open(
        built_settings.db_path
    ) as store:  # the count the real store gives, whatever it is
        frame = mapdata.map_frame(store, 2022, "74")
    formed = frame[frame["status"] != "belum_terbentuk"]  # the summary's denominator
    peduli = f"{(formed['status'] == 'peduli').sum()} dari {len(formed)}"
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{app_url}/peta?provinsi=74&tahun=2022&tampilan=presentasi")
    ready(page, year="2022", province="74")
    assert page.get_by_text(peduli).first.is_visible()
    # no page navigation on the projector (it sits in the header), no language switch
    assert page.locator("[data-testid='stHeader']").is_hidden()
    assert page.get_by_role("link", name="Bandingkan").count() == 0
    assert page.get_by_text("Bahasa Indonesia").count() == 0
    sizes = page.evaluate(
        "Array.from(document.querySelectorAll('.annotation-text, .textpoint text'))"
        ".filter(e => !e.closest('.annotation') || e.textContent.length < 60)"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    legend = page.evaluate(
        "Array.from(document.querySelectorAll('.annotation-text'))"
        ".filter(e => /\\(\\d+\\)$/.test(e.textContent))"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert legend and min(legend) >= 20, legend
    assert sizes and min(s for s in sizes if s) >= 16, sizes  # only the source line is < 20
    assert_on_screen(page)
    page.screenshot(path=str(artifacts / "presentasi_74_2022.png"))

    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**tahun=2021**")
    ready(page, year="2021")
    page.keyboard.press("PageDown")
    page.wait_for_url("**tahun=2022**")
    ready(page, year="2022")
    page.keyboard.press("ArrowDown")  # next province: 74 -> 75
    page.wait_for_url("**provinsi=75**")
    ready(page, province="75")
    page.keyboard.press("Escape")
    page.wait_for_function("!location.search.includes('presentasi')")
    assert "provinsi=75" in page.url and "tahun=2022" in page.url
    page.close()


def test_national_presentation_steps_through_provinces(browser, app_url: str, artifacts) -> None:
    """At 1366 × 768, a laptop mirrored to a projector: the slide laid out for 1920 × 1080 is
    scaled down whole (it was cut at the right: the legend and the source line)."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{app_url}/peta?tahun=2023&tampilan=presentasi&lang=en")
    ready(page, year="2023", province="")
    assert page.get_by_text("of 514").first.is_visible()
    assert_on_screen(page)
    page.screenshot(path=str(artifacts / "presentation_national_1366.png"))
    page.keyboard.press("ArrowDown")
    page.wait_for_url("**provinsi=11**")
    assert "lang=en" in page.url
    page.close()


def test_language_switch_is_on_the_page_and_writes_the_url(browser, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{app_url}/bandingkan")
    page.get_by_text("English").first.click()
    page.wait_for_url("**lang=en**")
    page.get_by_text("Compare regions and years").wait_for(timeout=60_000)
    page.close()
