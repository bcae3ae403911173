"""Benchmark the map in Chromium against the framework floor (run on demand: `make bench`).

Measures, for the national view and one province, next to a one-polygon app on the same stack:
(a) navigation -> every polygon drawn, (b) data-year change -> map redrawn, (c) bytes sent to the
browser: HTTP responses (the geometry file separately) and websocket frames (the figure separately).
Median of RUNS runs on a warm server; each navigation uses a fresh browser context (cold cache).
Writes bench/results/bench_map_<time>.json and prints a table.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from bench.harness import ROOT, STATUS_PATHS, launch_chromium, serve  # noqa: E402
from kkpham.boundaries.basemap import write_base_topojson  # noqa: E402
from kkpham.settings import get_settings  # noqa: E402
from kkpham.store import Store  # noqa: E402

RUNS = 5
RESULTS = ROOT / "bench" / "results"
TARGETS = {"national_figure_kb": 600, "province_figure_kb": 150, "national_above_floor_s": 1.0,
           "year_change_s": 0.5}  # fmt: skip
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
        out = {"http_bytes": sum(e[1] for e in entries),
               "geometry_bytes": sum(e[1] for e in geo),
               "geometry_decoded_bytes": sum(e[2] for e in geo),
               "ws_bytes": sum(self.frames), "figure_bytes": sum(self.figure_frames)}  # fmt: skip
        self.frames.clear()
        self.figure_frames.clear()
        return out


def wait_drawn(page: Page, expected: int) -> None:
    page.wait_for_function(f"document.querySelectorAll({STATUS_PATHS!r}).length === {expected}",
                           polling="raf", timeout=120_000)  # fmt: skip


def choose(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    # Match the label's start: "2020" must not pick "2019 (penghargaan 2020)".
    page.get_by_role("option").filter(has_text=re.compile("^" + re.escape(option))).first.click()


def measure_view(browser, url: str, expected: int, label: str, option: str) -> dict:
    """Navigate to ``url`` (fresh context), then pick ``option`` in the selectbox ``label``."""
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
        t1 = time.perf_counter()
        choose(page, label, option)
        changed_z = f"(z => z !== null && z !== {json.dumps(before)})({Z_OF_FIRST_TRACE})"
        page.wait_for_function(changed_z, polling="raf",
                               timeout=60_000)  # fmt: skip
        wait_drawn(page, expected)
        t_change = time.perf_counter() - t1
        page.wait_for_timeout(300)
        changed = meter.summary()
        context.close()
        if run:
            nav.append(t_nav)
            change.append(t_change)
            sizes.append({"load": loaded, "year_change": changed})
    return {"navigation_s": statistics.median(nav), "year_change_s": statistics.median(change),
            "navigation_runs": nav, "year_change_runs": change, "bytes": sizes[-1]}  # fmt: skip


def floor_dir() -> Path:
    """A throwaway app folder: the floor script, its static topojson, static serving on."""
    d = Path(tempfile.mkdtemp(prefix="kkpham-floor-"))
    shutil.copy(ROOT / "bench" / "floor_app.py", d / "floor_app.py")
    write_base_topojson(d / "static" / "topojson")
    (d / ".streamlit").mkdir()
    (d / ".streamlit" / "config.toml").write_text("[server]\nenableStaticServing = true\n")
    return d


def main() -> None:
    settings = get_settings()
    with Store.open(settings.db_path) as store:
        regions = store.regions()
        years = store.cycles()
    held = [int(y) for y in years.loc[years["held"], "data_year"]]
    year_a, year_b = held[-2], 2020 if 2020 in set(years["data_year"]) else held[-3]
    other = str(year_b)  # 2020 (not held): the change recolours every region
    province = "74"
    floor = floor_dir()
    results: dict = {"runs": RUNS, "targets": TARGETS}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        with serve("floor_app.py", cwd=floor) as url:
            results["floor"] = measure_view(browser, url + "/", 1, "Nilai", "1")
        with serve() as url:
            results["national"] = measure_view(
                browser, f"{url}/peta?tahun={year_a}", len(regions), "Tahun data", other
            )
            results["province_74"] = measure_view(
                browser, f"{url}/peta?provinsi={province}&tahun={year_a}",
                int((regions["province_code"] == province).sum()), "Tahun data", other)  # fmt: skip
        browser.close()
    shutil.rmtree(floor, ignore_errors=True)
    report(results)


def report(results: dict) -> None:
    floor = results["floor"]["navigation_s"]
    rows = []
    for name in ("floor", "national", "province_74"):
        r = results[name]
        b = r["bytes"]
        kb = [b["load"][k] / 1024 for k in ("figure_bytes", "geometry_bytes",
              "geometry_decoded_bytes", "http_bytes", "ws_bytes")]  # fmt: skip
        rows.append((name, r["navigation_s"], r["navigation_s"] - floor, r["year_change_s"],
                     *kb, b["year_change"]["ws_bytes"] / 1024))  # fmt: skip
    results["checks"] = {
        "national_figure_kb": rows[1][4] < TARGETS["national_figure_kb"],
        "province_figure_kb": rows[2][4] < TARGETS["province_figure_kb"],
        "national_above_floor_s": rows[1][2] <= TARGETS["national_above_floor_s"],
        "year_change_s": max(rows[1][3], rows[2][3]) <= TARGETS["year_change_s"],
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench_map_{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2))
    head = ("view", "nav s", ">floor s", "year chg s", "figure KB", "geo gz KB", "geo raw KB",
            "HTTP KB", "WS KB", "WS KB/chg")  # fmt: skip
    print(" | ".join(f"{h:>11}" for h in head))
    for row in rows:
        print(" | ".join([f"{row[0]:>11}"] + [f"{v:>11.2f}" for v in row[1:]]))
    print(
        "figure = websocket frames carrying the Plotly spec (uncompressed payload); geo gz = "
        "geometry files on the wire, geo raw = decoded; HTTP includes the JS bundles"
    )
    print(f"medians of {RUNS} runs; checks: {results['checks']}; written {out}")


if __name__ == "__main__":
    main()
