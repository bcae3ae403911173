"""Every page, both languages, in a real browser: no ``None``, ``nan``, ``NaT`` or raw keys in the
visible text, the tables or the chart tooltips; screenshots at 1366×768 and 1920×1080 for people
to look at (tests/artifacts/screens/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from bench.harness import serve
from kkpham.model.transitions import TRANSITIONS
from kkpham.settings import Settings
from kkpham.vocab import STATUSES

pytestmark = pytest.mark.browser

PAGES = [  # (name, path, charts drawn when the page is complete, of which maps)
    ("peta_nasional", "/peta", 1, 1),
    ("peta_62", "/peta?provinsi=62", 1, 1),
    ("peta_31", "/peta?provinsi=31", 1, 1),
    ("peta_62_banding", "/peta?provinsi=62&tampilan=banding&tahun=2022&tahun2=2019", 3, 3),
    ("bandingkan_74", "/bandingkan?provinsi=74&tahun=2022&tahun2=2019", 4, 0),
    ("wilayah_7471", "/wilayah?kode=74.71", 2, 0),
    ("sumber", "/sumber", 0, 0),
    ("data", "/data", 0, 0),
]
# The text does not depend on the window: each language is walked at one size (both sizes of
# every page in both languages: bench/page_screenshots.py, for people to look at).
SIZE_OF = {"id": (1366, 768), "en": (1920, 1080)}
RAW = re.compile(
    r"\b(None|nan|NaN|NaT|<NA>|null|undefined)\b|\{[a-z_]+\}|\b("
    + "|".join(k for k in [*(s.key for s in STATUSES), *(t.key for t in TRANSITIONS)] if "_" in k)
    + r")\b"
)
# Text of the page, of the in-page components (innerText skips their shadow roots: the copy lines,
# kkpham.ui.copy_text), of the data grids (drawn on a canvas; their accessible table holds the
# cells) and of every Plotly chart's hover texts, annotations and titles.
COLLECT = """() => {
  const out = [document.body.innerText];
  document.querySelectorAll('*').forEach(e => e.shadowRoot && out.push(e.shadowRoot.textContent));
  document.querySelectorAll('[data-testid="stDataFrame"]').forEach(t =>
      out.push(t.textContent));
  document.querySelectorAll('.js-plotly-plot').forEach(gd => {
    (gd.data || []).forEach(tr => ['text', 'hovertext', 'customdata'].forEach(k => {
      const v = tr[k]; if (v) out.push(JSON.stringify(v)); }));
    const l = gd.layout || {};
    (l.annotations || []).forEach(a => out.push(a.text || ''));
    if (l.title && l.title.text) out.push(l.title.text);
  });
  return out.join('\\n');
}"""


@pytest.fixture(scope="module")
def app_url(built_settings: Settings, artifacts: Path):
    env = {"KKPHAM_DB": str(built_settings.db_path)}
    with serve(env=env, log=artifacts / "text_scan_app.log") as url:
        yield url


def settle(page: Page, charts: int, maps: int) -> None:
    """Wait until Streamlit has finished the run and the page's ``charts`` (``maps`` of them with
    their polygons, fetched by URL after the figure is drawn) are on screen."""
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=180_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        f"""() => !document.querySelector('[data-testid="stSkeleton"]')
              && document.querySelectorAll('.js-plotly-plot').length >= {charts}
              && [...document.querySelectorAll('.js-plotly-plot')].every(
                   gd => gd.querySelector('.main-svg'))
              && [...document.querySelectorAll('.js-plotly-plot')].filter(
                   gd => gd.querySelector('path.choroplethlocation')).length >= {maps}""",
        timeout=180_000,
    )
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("name", "path", "charts", "maps"), PAGES, ids=[p[0] for p in PAGES])
def test_no_raw_values_on_any_page(
    browser, app_url: str, artifacts: Path, name: str, path: str, charts: int, maps: int, lang: str
) -> None:
    out = artifacts / "screens"
    out.mkdir(exist_ok=True)
    sep = "&" if "?" in path else "?"
    url = app_url + path + (f"{sep}lang=en" if lang == "en" else "")
    found: list[str] = []
    for width, height in [SIZE_OF[lang]]:
        page = browser.new_page(viewport={"width": width, "height": height})
        try:
            page.goto(url)
            settle(page, charts, maps)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"{name}_{lang}_{width}x{height}.png"))
            text = page.evaluate(COLLECT)
            found += sorted({m.group(0) for m in RAW.finditer(text)})
            assert "Traceback" not in text and "encountered an error" not in text
            assert page.locator('[data-testid="stException"]').count() == 0
        finally:
            page.close()
    assert found == [], f"{name} ({lang}): raw values {found}"
