"""The map in a real browser: every polygon drawn, no console errors, nothing fetched off-machine;
the year slider and play button redraw the map, a click opens a profile, a shared link reproduces
the view and survives page switches.

Runs the app (`streamlit run dashboard.py`) on the synthetic store (`tests/synthetic.py`) and
drives Debian Chromium.
If Chromium cannot start, the tests fail with the reason; they are never skipped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from bench.harness import STATUS_PATHS, is_local, serve
from kkpham.model.mapdata import map_frame
from kkpham.settings import Settings
from kkpham.store import Store
from kkpham.vocab import STATUSES

pytestmark = pytest.mark.browser

VIEWS = [  # (URL, province or None, screenshot name)
    ("/peta?tahun=2022", None, "peta_nasional_2022"),
    ("/peta?provinsi=74&tahun=2022", "74", "peta_74_2022"),
    ("/peta?provinsi=62&tahun=2022", "62", "peta_62_2022"),
    ("/peta?provinsi=19&tahun=2022", "19", "peta_19_2022"),
]
# Streamlit's frontend, opened on a deep link such as /peta, first probes /peta/_stcore/* to
# find its base path and falls back to /. Those two 404s are the framework's, not the app's.
BASE_PATH_PROBE = re.compile(r"/[a-z]+/_stcore/(health|host-config)$")
VOCAB_FILLS = {
    "rgb({}, {}, {})".format(*(int(s.color[i : i + 2], 16) for i in (1, 3, 5))) for s in STATUSES
}


@pytest.fixture(scope="module")
def app_url(synthetic_settings: Settings, artifacts: Path):
    env = {"KKPHAM_DB": str(synthetic_settings.db_path)}
    with serve(env=env, log=artifacts / "browser_app.log") as url:
        yield url


@pytest.fixture(scope="module")
def region_counts(synthetic_settings: Settings) -> dict[str | None, int]:
    with Store.open(synthetic_settings.db_path) as store:
        regions = store.regions()
    counts: dict[str | None, int] = regions["province_code"].value_counts().to_dict()
    counts[None] = len(regions)
    return counts


def open_view(page: Page, url: str, expected: int) -> tuple[list[str], list[str]]:
    """Open ``url``, wait for every polygon; return (all request URLs, console errors)."""
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))

    def on_console(msg) -> None:
        if msg.type == "error" and not BASE_PATH_PROBE.search(msg.location.get("url", "")):
            errors.append(f"console: {msg.text} ({msg.location.get('url')})")

    page.on("console", on_console)
    page.goto(url)
    page.wait_for_function(
        f"document.querySelectorAll({STATUS_PATHS!r}).length === {expected}", timeout=90_000
    )
    page.wait_for_load_state("networkidle")
    return requests, errors


@pytest.mark.parametrize(("path", "province", "name"), VIEWS, ids=[v[2] for v in VIEWS])
def test_map_draws_every_region_offline(
    browser, app_url: str, region_counts: dict, artifacts: Path, path: str, province, name: str
) -> None:
    expected = region_counts[province]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        requests, errors = open_view(page, app_url + path, expected)
        page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
        paths = page.locator(STATUS_PATHS)
        assert paths.count() == expected
        fills = set(paths.evaluate_all("els => els.map(e => getComputedStyle(e).fill)"))
        assert fills <= VOCAB_FILLS, f"colours outside the vocabulary: {fills - VOCAB_FILLS}"
        # A ring wound the wrong way fills the whole globe: no region may cover most of the map.
        boxes = paths.evaluate_all(
            "els => els.map(e => { const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; })"
        )
        x0 = min(b[0] for b in boxes)
        x1 = max(b[0] + b[2] for b in boxes)
        y0 = min(b[1] for b in boxes)
        y1 = max(b[1] + b[3] for b in boxes)
        biggest = max(b[2] * b[3] for b in boxes) / ((x1 - x0) * (y1 - y0))
        assert biggest < 0.6, f"one region covers {biggest:.0%} of the map (ring orientation?)"
        outside = [u for u in requests if not is_local(u)]
        assert not outside, f"requests left localhost: {outside[:5]}"
        assert not errors, errors
        assert any("/app/static/geo/" in u for u in requests)
        assert any(u.endswith("/app/static/topojson/world_110m.json") for u in requests)
    finally:
        page.close()


def hover_a_region(page: Page) -> tuple[dict, str]:
    """Hover the largest regions' centres until one shows its hover label: (box, label text).

    The largest first: a small or island region's box centre can fall outside the polygon, or
    outside the frame that fits the mainland (issue 9)."""
    paths = page.locator(STATUS_PATHS)
    boxes = [b for b in (paths.nth(i).bounding_box() for i in range(paths.count())) if b]
    for box in sorted(boxes, key=lambda b: -b["width"] * b["height"])[:6]:
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        label = page.locator(".hoverlayer .hovertext").first
        try:
            label.wait_for(timeout=5_000)
        except Exception:  # playwright's TimeoutError: try the next region
            continue
        return box, label.text_content() or ""
    raise AssertionError("no region showed a hover label")


def test_hover_names_the_region_and_its_status(browser, app_url: str, region_counts) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        open_view(page, app_url + "/peta?provinsi=74&tahun=2022", region_counts["74"])
        _, text = hover_a_region(page)
        assert any(s.label("id") in text for s in STATUSES), text
    finally:
        page.close()


# -- time controls, map click and shared links (issue 3) ---------------------------------------
Z_BY_LOCATION = """() => { const g = document.querySelector('.js-plotly-plot');
    if (!g || !g.data) return null; const t = g.data[0];
    return Object.fromEntries(t.locations.map((c, i) => [c, t.z[i]]).sort()); }"""


def expected_z(settings: Settings, year: int, province: str) -> dict[str, int]:
    with Store.open(settings.db_path, read_only=True) as store:
        frame = map_frame(store, year, province)
    # sorted by code, as Z_BY_LOCATION reports them (the figure draws disputed regions last)
    return dict(sorted(zip(frame["code"], frame["status_code"].astype(int), strict=True)))


def wait_colours(page: Page, z: dict[str, int], timeout: int = 30_000) -> None:
    """Wait until the first map plots exactly these status codes (the map was redrawn)."""
    page.wait_for_function(
        f"(want => {{ const got = ({Z_BY_LOCATION})(); return got !== null &&"
        f" JSON.stringify(got) === JSON.stringify(want); }})({json.dumps(z)})",
        timeout=timeout,
    )


def test_slider_and_play_redraw_the_map_with_the_next_held_year(
    browser, app_url: str, synthetic_settings: Settings, artifacts: Path, region_counts
) -> None:
    z2019, z2021, z2022 = (expected_z(synthetic_settings, y, "74") for y in (2019, 2021, 2022))
    assert z2019 != z2021 != z2022  # else the test could not see a redraw
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    try:
        open_view(page, app_url + "/peta?provinsi=74&tahun=2019", region_counts["74"])
        wait_colours(page, z2019)
        slider = page.get_by_role("slider")
        slider.focus()
        slider.press("ArrowRight")  # 2020: not assessed, every region in the not-held colour
        page.wait_for_url("**tahun=2020**", timeout=30_000)
        wait_colours(page, {c: 7 for c in z2019})
        slider.press("ArrowRight")
        page.wait_for_url("**tahun=2021**", timeout=30_000)
        wait_colours(page, z2021)
        page.screenshot(path=str(artifacts / "peta_74_slider_2021.png"), full_page=True)
        page.get_by_role("button", name="▶ Putar").click()  # from 2021 the next held is 2022
        page.get_by_role("button", name="■ Jeda").wait_for(timeout=30_000)
        wait_colours(page, z2022, timeout=30_000)
        assert "tahun=2022" in page.url
        # the same step's sentence (drawn after the summary, beside the table) has landed
        page.get_by_text("Tahun data 2022 (penghargaan 2023):").first.wait_for(timeout=30_000)
        page.screenshot(path=str(artifacts / "peta_74_playing.png"), full_page=True)
        # play ends by itself on the province's latest year with data
        page.get_by_role("button", name="▶ Putar").wait_for(timeout=60_000)
    finally:
        page.close()


def test_click_on_a_region_opens_its_profile(browser, app_url: str, region_counts) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        open_view(page, app_url + "/peta?provinsi=74&tahun=2022&lang=en", region_counts["74"])
        box, hovered = hover_a_region(page)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url("**/wilayah?**kode=74.**", timeout=30_000)
        heading = page.locator("h2").first
        heading.wait_for(timeout=30_000)
        name = (heading.text_content() or "").strip()
        assert name and hovered.startswith(name), (name, hovered)  # the region clicked
        assert "lang=en" in page.url and "tahun=2022" in page.url and "provinsi=74" in page.url
    finally:
        page.close()


SHARED = "provinsi=74&tahun=2022&tahun2=2019&tampilan=banding&jenis_tahun=penghargaan&lang=en"


def test_a_shared_link_reproduces_the_view_and_survives_page_switches(
    browser, app_url: str, artifacts: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    try:
        page.goto(f"{app_url}/peta?{SHARED}&versi=oldbuild.1.1")
        page.get_by_text("Comparison across criteria regimes").first.wait_for(timeout=60_000)
        page.wait_for_function(
            "document.querySelectorAll('.js-plotly-plot').length === 3", timeout=60_000
        )
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(artifacts / "peta_74_banding_en.png"), full_page=True)
        titles = page.locator(".js-plotly-plot .gtitle").all_text_contents()
        assert titles[0].startswith("Award year 2020 (data 2019)"), titles
        assert titles[1].startswith("Award year 2023 (data 2022)"), titles
        assert page.get_by_text("This link was made from data build").count() == 1
        for param in SHARED.split("&"):
            assert param in page.url, (param, page.url)
        # switching page in the top bar keeps every shared parameter
        page.get_by_role("link", name="Compare").click()  # lang=en: the navigation is English
        page.get_by_role("heading", name="Compare regions and years").wait_for(timeout=60_000)
        page.wait_for_url("**/bandingkan?**", timeout=30_000)
        for param in ("provinsi=74", "tahun=2022", "tahun2=2019", "lang=en"):
            assert param in page.url, (param, page.url)
        page.get_by_role("link", name="Peta").click()
        page.get_by_text("Comparison across criteria regimes").first.wait_for(timeout=60_000)
        assert "tampilan=banding" in page.url and "jenis_tahun=penghargaan" in page.url
    finally:
        page.close()
