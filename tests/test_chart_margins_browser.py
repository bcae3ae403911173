"""Every chart of the compare and profile pages is drawn once: its margins, set before the first
draw (kkpham.ui.margins), are what plotly.js's automatic margins need, so they never grow (a
grown margin is a second full draw) and are not wider than the labels need.

Runs the app on the synthetic store in Debian Chromium, at a laptop's and a full-HD width, in
both languages. A failure here means the measured geometry in kkpham.ui.margins no longer
matches plotly.js (a Streamlit upgrade) or the page font changed: re-measure, do not loosen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.harness import serve
from kkpham.settings import Settings
from kkpham.ui import margins

pytestmark = pytest.mark.browser

VIEWS = [  # (URL, cartesian charts on it): every kind of chart, each language
    ("/bandingkan?tahun=2022", 4),
    ("/bandingkan?provinsi=74&tahun=2022&tahun2=2019&lang=en", 5),
    ("/wilayah?kode=74.71", 2),
]
SIZES = [(1366, 768), (1920, 1080)]
TIGHT_PX = 3  # a fitted margin is at most this much wider than the largest push on its side

# Per chart: the margins asked for, those plotly.js drew with, and each push plotly.js measured,
# with its size when it is set in pixels (at 0 or 1 of the plot: axis labels, colour bars), null
# when it also depends on the plot's size (a legend below the plot); a legend placed in the
# container adds the room plotly.js keeps for it to the pushes on its side.
MARGINS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
  .filter(gd => gd._fullLayout && gd._fullLayout._has('cartesian'))
  .map(gd => {
    const L = gd._fullLayout, pushes = [], kept = {l: 0, r: 0, t: 0, b: 0};
    for (const r of Object.values(L._reservedMargin || {}))
      for (const side in r) kept[side] = Math.max(kept[side], r[side]);
    for (const [id, p] of Object.entries(L._pushmargin || {})) {
      if (id === 'base') continue;
      for (const side of ['l', 'r', 't', 'b']) {
        const v = p[side] && p[side].val;
        const atEdge = (side === 'l' || side === 'b') ? v === 0 : v === 1;
        if (p[side] && p[side].size > 12)
          pushes.push([id, side, atEdge ? p[side].size + kept[side] : null]);
      }
    }
    return {asked: ['l', 'r', 't', 'b'].map(s => L.margin[s]),
            meta: gd.layout.meta || '',
            drawn: ['l', 'r', 't', 'b'].map(s => L._size[s]), pushes}; })"""
# settled: every chart drawn, the script finished, two frames later (plotly.js draws again, if
# it does, in the same task as its first draw)
SETTLED = """n => Array.from(document.querySelectorAll('.js-plotly-plot'))
  .filter(gd => gd._fullLayout && gd._fullLayout._has('cartesian')).length >= n
  && !document.querySelector('[data-testid="stStatusWidget"]')"""


@pytest.fixture(scope="module")
def app_url(synthetic_settings: Settings, artifacts: Path):
    env = {"KKPHAM_DB": str(synthetic_settings.db_path)}
    with serve(env=env, log=artifacts / "margins_app.log") as url:
        yield url


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}px" for w, _ in SIZES])
def test_every_chart_is_drawn_with_the_margins_it_was_given(
    browser, app_url: str, width: int, height: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        for path, charts in VIEWS:
            page.goto(app_url + path)
            page.wait_for_function(SETTLED, arg=charts, timeout=90_000)
            page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
            )
            drawn = page.evaluate(MARGINS)
            assert len(drawn) == charts, path
            for i, chart in enumerate(drawn):
                where = f"{path} at {width}px, chart {i}"
                assert chart["drawn"] == chart["asked"], f"{where}: a margin grew: {chart}"
                assert chart["meta"] == "" or chart["meta"].startswith(margins.FITTED), where
                fitted = chart["meta"].removeprefix(margins.FITTED)
                for side in fitted:  # raised to fit labels: only as far as needed
                    sizes = [size for _, s, size in chart["pushes"] if s == side]
                    assert sizes, f"{where}: {side} raised, but nothing pushes it: {chart}"
                    if None in sizes:
                        continue  # set with the plot's size: no pixel bound to compare with
                    over = chart["asked"]["lrtb".index(side)] - max(sizes)
                    assert 0 <= over <= TIGHT_PX, f"{where}: {side} wide: {chart}"
    finally:
        page.close()
