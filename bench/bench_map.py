"""Benchmark the map in Chromium against the framework floor (run on demand: `make bench`).

Measures, for the national view and one province, next to a one-polygon app on the same stack:
(a) navigation -> every polygon drawn, (b) data-year change (slider, 2019 -> 2020) -> map redrawn,
(c) bytes sent to the browser: HTTP responses (the geometry file separately) and websocket frames
(the figure separately), (d) play-through: the play button from the first held year to the end,
each step's interval and the whole run, (e) the alternative design, Plotly frames in one figure:
one in-browser ``Plotly.animate`` step over the same geometry (no server round trip).
Median of RUNS runs on a warm server; each navigation uses a fresh browser context (cold cache).
Writes bench/results/bench_map_<time>.json and prints a table.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from bench.harness import ROOT, STATUS_PATHS, launch_chromium, serve  # noqa: E402
from kkpham.boundaries.basemap import write_base_topojson  # noqa: E402
from kkpham.settings import get_settings  # noqa: E402
from kkpham.store import Store  # noqa: E402
from kkpham.ui.years import STEP_S  # noqa: E402

RUNS = 5
RESULTS = ROOT / "bench" / "results"
TARGETS = {
    "national_figure_kb": 600,
    "province_figure_kb": 150,
    "national_above_floor_s": 1.0,
    "year_change_s": 0.5,
    "play_step_overhead_s": 0.5,
}
PLOTLY_JS = Path(__import__("plotly").__file__).parent / "package_data" / "plotly.min.js"
# Records, in the page, when the first map is redrawn for another year (its title names the year;
# two years can share every status, so z alone may not change). Polled every animation frame.
WATCH_Z = """() => { window.__zTimes = []; const seen = new Set();
  const poll = () => { const g = document.querySelector('.js-plotly-plot');
    // the title names the year; markup is stripped so one year counts once however it is wrapped
    const t = g && g.layout && g._fullLayout && g._fullLayout._size ? g.layout.title.text : null;
    const z = t === null ? null : t.replace(/<[^>]*>/g, '');
    if (z !== null && !seen.has(z)) { window.__zTimes.push(performance.now()); seen.add(z); }
    requestAnimationFrame(poll); };
  requestAnimationFrame(poll); }"""
# The status values the browser currently plots (null while Streamlit remounts the chart).
Z_OF_FIRST_TRACE = (
    "(() => { const g = document.querySelector('.js-plotly-plot');"
    " return g && g.data ? JSON.stringify(g.data[0].z) : null; })()"
)


RESOURCES = """() => performance.getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource'))
    .map(e => [e.name, e.transferSize, e.decodedBodySize])"""


class Meter:
    """Counts what reaches the page: HTTP (the browser's resource timing) and websocket frames."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.seen: set[str] = set()
        self.frames: list[int] = []
        self.figure_frames: list[int] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._on_frame))

    def _on_frame(self, payload: str | bytes) -> None:
        data = payload.encode() if isinstance(payload, str) else payload
        self.frames.append(len(data))
        if b'"choropleth"' in data:
            self.figure_frames.append(len(data))

    def summary(self) -> dict:
        """Bytes since the last summary (HTTP on the wire, geometry also decoded; WS payload)."""
        entries = [e for e in self.page.evaluate(RESOURCES) if e[0] not in self.seen]
        self.seen |= {e[0] for e in entries}
        geo = [e for e in entries if "/app/static/geo/" in e[0]]
        out = {
            "http_bytes": sum(e[1] for e in entries),
            "geometry_bytes": sum(e[1] for e in geo),
            "geometry_decoded_bytes": sum(e[2] for e in geo),
            "ws_bytes": sum(self.frames),
            "figure_bytes": sum(self.figure_frames),
        }
        self.frames.clear()
        self.figure_frames.clear()
        return out


def wait_drawn(page: Page, expected: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll({STATUS_PATHS!r}).length === {expected}",
        polling="raf",
        timeout=120_000,
    )


def slide_right(page: Page, focused: bool = False) -> None:
    """The map page's year slider one step right (what a person does with the arrow key).
    ``focused``: the slider already has the focus (``focus_slider``), so a timer started just
    before this call times the key press, not Playwright finding and focusing the slider."""
    slider = page.get_by_role("slider")
    if not focused:
        slider.focus()
    page.keyboard.press("ArrowRight")


def focus_slider(page: Page) -> None:
    slider = page.get_by_role("slider")
    slider.focus()
    assert slider.evaluate("e => e === document.activeElement"), "the slider did not take the focus"


def measure_view(browser, url: str, expected: int, act) -> dict:
    """Navigate to ``url`` (fresh context), then ``act(page)`` (a year change, timed from the key
    press: the slider has the focus before the timer starts)."""
    nav, change, sizes = [], [], []
    for run in range(RUNS + 1):  # the first run warms the server's caches and is dropped
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        meter = Meter(page)
        t0 = time.perf_counter()
        page.goto(url)
        wait_drawn(page, expected)
        t_nav = time.perf_counter() - t0
        page.wait_for_load_state("networkidle")
        loaded = meter.summary()
        before = page.evaluate(Z_OF_FIRST_TRACE)
        focus_slider(page)
        t1 = time.perf_counter()
        act(page)
        changed_z = f"(z => z !== null && z !== {json.dumps(before)})({Z_OF_FIRST_TRACE})"
        page.wait_for_function(changed_z, polling="raf", timeout=60_000)
        wait_drawn(page, expected)
        t_change = time.perf_counter() - t1
        page.wait_for_timeout(300)
        changed = meter.summary()
        context.close()
        if run:
            nav.append(t_nav)
            change.append(t_change)
            sizes.append({"load": loaded, "year_change": changed})
    return {
        "navigation_s": statistics.median(nav),
        "year_change_s": statistics.median(change),
        "navigation_runs": nav,
        "year_change_runs": change,
        "bytes": sizes[-1],
    }


def play_steps(held: list[int], panel) -> int:
    """Steps play takes from the first held year: it ends at the latest year with a result for
    the place (``years.next_held`` with ``last``), not at the last held year."""
    last = int(panel.loc[panel["n_claims"] > 0, "data_year"].max())
    return sum(1 for y in held if held[0] < y <= last)


def measure_play(browser, url: str, expected: int, steps: int) -> dict:
    """Press play on ``url`` (the first held year) and time every redraw until play ends."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url)
    wait_drawn(page, expected)
    page.wait_for_load_state("networkidle")
    page.evaluate(WATCH_Z)
    page.wait_for_timeout(200)
    t0 = page.evaluate("performance.now()")
    page.get_by_role("button", name="▶ Putar").click()
    page.wait_for_function(f"window.__zTimes.length >= {1 + steps}", timeout=120_000)
    page.get_by_role("button", name="▶ Putar").wait_for(timeout=30_000)  # play has ended
    times = page.evaluate("window.__zTimes")
    context.close()
    redraws = [(t - t0) / 1000 for t in times[1:]]  # times[0] is the first year, already drawn
    intervals = [b - a for a, b in zip([0.0, *redraws], redraws, strict=False)]
    return {
        "steps": len(redraws),
        "expected_steps": steps,
        "step_s": STEP_S,
        "first_step_s": intervals[0],
        "median_step_s": statistics.median(intervals[1:] or intervals),
        "max_step_s": max(intervals),
        "play_through_s": redraws[-1],
        "step_overhead_s": statistics.median(intervals[1:] or intervals) - STEP_S,
    }


FRAMES_PAGE = """<html><head><script>{js}</script></head><body>
<div id="g" style="width:1100px;height:560px"></div></body></html>"""
FRAMES_STEP = """async ([geo, codes, zs]) => {
  const gd = document.getElementById('g');
  const trace = {type: 'choropleth', geojson: geo, featureidkey: 'properties.code',
    locations: codes, z: zs[0], zmin: -0.5, zmax: 8.5, showscale: false};
  await Plotly.newPlot(gd, [trace], {geo: {fitbounds: 'locations', visible: false}},
    {topojsonURL: '/app/static/topojson/'});
  await Plotly.addFrames(gd, zs.map((z, i) => ({name: String(i), data: [{z: z}]})));
  const out = [];
  for (let i = 1; i < zs.length; i++) {
    const t = performance.now();
    await Plotly.animate(gd, [String(i)], {frame: {duration: 0, redraw: true},
      transition: {duration: 0}, mode: 'immediate'});
    out.push(performance.now() - t);
  }
  return out; }"""


def measure_frames(browser, url: str, geojson: Path, codes: list[str], zs: list[list[int]]) -> dict:
    """The alternative: every year as a Plotly frame of ONE figure; time one animate step.
    The page is written on the app's origin so plotly.js reads the local base topojson."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/app/static/topojson/world_110m.json")
    page.set_content(FRAMES_PAGE.format(js=PLOTLY_JS.read_text()))
    steps = page.evaluate(FRAMES_STEP, [json.loads(geojson.read_text()), codes, zs])
    page.close()
    return {"median_step_s": statistics.median(steps) / 1000, "steps": len(steps)}


def floor_dir() -> Path:
    """A throwaway app folder: the floor script, its static topojson, and the app's own Streamlit
    config (static serving, no file watcher, no gc after each run), so the floor differs from the
    app only in the page it serves."""
    d = Path(tempfile.mkdtemp(prefix="kkpham-floor-"))
    shutil.copy(ROOT / "bench" / "floor_app.py", d / "floor_app.py")
    write_base_topojson(d / "static" / "topojson")
    (d / ".streamlit").mkdir()
    shutil.copy(ROOT / ".streamlit" / "config.toml", d / ".streamlit" / "config.toml")
    return d


def main() -> None:
    settings = get_settings()
    with Store.open(settings.db_path) as store:
        regions = store.regions()
        years = store.cycles()
        panel = store.status_panel()
    held = [int(y) for y in years.loc[years["held"], "data_year"]]
    year_a = 2019  # the slider's next year is 2020 (not held): the change recolours every region
    province = "74"
    n_province = int((regions["province_code"] == province).sum())
    floor = floor_dir()
    results: dict = {"runs": RUNS, "targets": TARGETS}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        with serve("floor_app.py", cwd=floor) as url:
            results["floor"] = measure_view(
                browser, url + "/", 1, partial(slide_right, focused=True)
            )
        with serve() as url:
            results["national"] = measure_view(
                browser,
                f"{url}/peta?tahun={year_a}",
                len(regions),
                partial(slide_right, focused=True),
            )
            results["province_74"] = measure_view(
                browser,
                f"{url}/peta?provinsi={province}&tahun={year_a}",
                n_province,
                partial(slide_right, focused=True),
            )
            results["play_national"] = measure_play(
                browser, f"{url}/peta?tahun={held[0]}", len(regions), play_steps(held, panel)
            )
            results["play_province_74"] = measure_play(
                browser,
                f"{url}/peta?provinsi={province}&tahun={held[0]}",
                n_province,
                play_steps(held, panel[panel["province_code"] == province]),
            )
            results["frames_national"] = frames_alternative(browser, url, settings, held)
        browser.close()
    shutil.rmtree(floor, ignore_errors=True)
    report(results)


def frames_alternative(browser, url: str, settings, held: list[int]) -> dict:
    """The national map's held years as Plotly frames (same geometry file, same z codes)."""
    from kkpham.model.mapdata import boundary_build_id, map_frame

    with Store.open(settings.db_path, read_only=True) as store:
        build = boundary_build_id(store)
        frames = [map_frame(store, y, None) for y in held]
    codes = frames[0]["code"].tolist()
    zs = [f.set_index("code").loc[codes, "status_code"].astype(int).tolist() for f in frames]
    return measure_frames(
        browser, url, settings.static_dir / "geo" / build / "kab_national.json", codes, zs
    )


def report(results: dict) -> None:
    floor = results["floor"]["navigation_s"]
    rows = []
    for name in ("floor", "national", "province_74"):
        r = results[name]
        b = r["bytes"]
        kb = [
            b["load"][k] / 1024
            for k in (
                "figure_bytes",
                "geometry_bytes",
                "geometry_decoded_bytes",
                "http_bytes",
                "ws_bytes",
            )
        ]
        rows.append(
            (
                name,
                r["navigation_s"],
                r["navigation_s"] - floor,
                r["year_change_s"],
                *kb,
                b["year_change"]["ws_bytes"] / 1024,
            )
        )
    results["checks"] = {
        "national_figure_kb": rows[1][4] < TARGETS["national_figure_kb"],
        "province_figure_kb": rows[2][4] < TARGETS["province_figure_kb"],
        "national_above_floor_s": rows[1][2] <= TARGETS["national_above_floor_s"],
        "year_change_s": max(rows[1][3], rows[2][3]) <= TARGETS["year_change_s"],
        "play_step_overhead_s": max(
            results[k]["step_overhead_s"] for k in ("play_national", "play_province_74")
        )
        <= TARGETS["play_step_overhead_s"],
        # a redraw counted twice (or missed) makes the step figures meaningless
        "play_steps_counted": all(
            results[k]["steps"] == results[k]["expected_steps"]
            for k in ("play_national", "play_province_74")
        ),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench_map_{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2))
    head = (
        "view",
        "nav s",
        ">floor s",
        "year chg s",
        "figure KB",
        "geo gz KB",
        "geo raw KB",
        "HTTP KB",
        "WS KB",
        "WS KB/chg",
    )
    print(" | ".join(f"{h:>11}" for h in head))
    for row in rows:
        print(" | ".join([f"{row[0]:>11}"] + [f"{v:>11.2f}" for v in row[1:]]))
    print(
        "figure = websocket frames carrying the Plotly spec (uncompressed payload); geo gz = "
        "geometry files on the wire, geo raw = decoded; HTTP includes the JS bundles"
    )
    for name in ("play_national", "play_province_74"):
        r = results[name]
        print(
            f"{name}: {r['steps']} steps at {r['step_s']} s; first step {r['first_step_s']:.2f} s,"
            f" median step {r['median_step_s']:.2f} s (overhead {r['step_overhead_s']:+.2f} s),"
            f" max {r['max_step_s']:.2f} s; whole play-through {r['play_through_s']:.2f} s"
        )
    fr = results["frames_national"]
    print(
        f"alternative, Plotly frames in one figure (national, in-browser only): median "
        f"animate step {fr['median_step_s']:.3f} s over {fr['steps']} steps"
    )
    print(f"medians of {RUNS} runs; checks: {results['checks']}; written {out}")


if __name__ == "__main__":
    main()
