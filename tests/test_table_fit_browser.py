"""On a 1366 × 768 laptop no table of the pages scrolls sideways, with the page's scrollbar
drawn: the navigation sits in the top bar (the page has the window's width), headings are short
(explained on hover), and a free-text column wraps in taller rows (table_widths.wrapped).

Runs the app on the real store in Debian Chromium, in both languages: the long texts (compiler's
notes, decree numbers, regulations) are the real data's, and new data may bring longer ones. A
failure names the page and the table; its overflow in pixels says how much is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from bench.harness import launch_chromium, serve
from bench.page_screenshots import ScriptRuns
from kkpham.settings import Settings
from kkpham.texts import t

pytestmark = pytest.mark.browser

VIEWS = [  # every read page, and the data page's stored tables
    "/peta?tahun=2016",  # national: the sources' counts
    "/peta?provinsi=74&tahun=2022",  # a province: the kab/kota table
    "/peta?provinsi=62&tampilan=banding&tahun=2022&tahun2=2019",
    "/bandingkan",  # the league
    "/bandingkan?provinsi=74&tahun=2022&tahun2=2019",  # share table (English: its notes), grid
    "/wilayah?kode=74.71",  # every claim of a region, with notes
    "/sumber",  # cycles (English: notes)
    "/data",  # cycles and outcomes as stored
]
# The tables on view (one in a closed expander is not drawn), as a JS expression
SHOWN = """Array.from(document.querySelectorAll('[data-testid="stDataFrame"]'))
  .filter(el => { const d = el.closest('details'); return !d || d.open; })"""
# Per table on view: how far its grid scrolls sideways
OVERFLOW = f"""() => {SHOWN}.map((el, i) => {{ const s = el.querySelector('.dvn-scroller');
    return {{i, over: s ? s.scrollWidth - s.clientWidth : null}}; }})"""
# the finished script's tables are on view (every page here has one), each with its grid
MOUNTED = f"""() => {SHOWN}.length > 0 && {SHOWN}.every(el => el.querySelector('.dvn-scroller'))"""
FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@pytest.fixture(scope="module")
def browser():
    """Chromium drawing its scrollbars, as officials' browsers do: the page's takes 10 px."""
    with sync_playwright() as p:
        b = launch_chromium(p, scrollbars=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app_url(built_settings: Settings, artifacts: Path):
    env = {"KKPHAM_DB": str(built_settings.db_path)}
    with serve(env=env, log=artifacts / "table_fit_app.log") as url:
        yield url


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_table_scrolls_sideways_at_1366(browser, app_url: str, lang: str) -> None:
    for path in VIEWS:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        try:
            runs = ScriptRuns(page)  # the app's websocket: has the script run finished?
            page.goto(app_url + path + ("&" if "?" in path else "?") + f"lang={lang}")
            for _ in range(1800):  # up to 90 s
                if runs.idle():
                    break
                page.wait_for_timeout(50)
            assert runs.idle(), path
            page.wait_for_function(MOUNTED, timeout=30_000)
            notes = page.locator("summary").filter(has_text=t("compiler_notes", lang))
            for summary in notes.all():  # the compiler's notes, closed by default on some pages
                if summary.locator("xpath=..").get_attribute("open") is None:
                    summary.click()
            page.wait_for_function(MOUNTED, timeout=30_000)
            page.evaluate(FRAMES)  # the grids size their columns once mounted
            assert page.locator("[data-testid='stSidebar']").count() == 0, path
            for table in page.evaluate(OVERFLOW):
                assert table["over"] is not None and table["over"] <= 1, (path, lang, table)
        finally:
            page.close()
