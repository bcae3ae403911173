"""Server CPU per page view and time to fully drawn, against the floor app, in one run (on demand).

For each view (map national and Sultra, compare national and Sultra, a profile) a fresh browser
context opens the page; "fully drawn" is the moment the last chart, table or map polygon appeared
(the page then stays unchanged for SETTLE_S with no script running). The server's CPU (user +
system, /proc) is read before the navigation and after it settled: the CPU one page view costs.
Also: a year change on the national map (slider one step -> every polygon recoloured) and the
national status panel read from a cold store connection, in-process.

``--before DIR``: also serve the code in DIR (e.g. ``git archive <commit> | tar -x -C DIR``, with
a copy of ``static/``) on the same store, so a change is measured against what it replaced in
the same run. Writes bench/results/bench_pages_<time>.json and prints a table. Targets are
reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from bench.bench_map import Z_OF_FIRST_TRACE, floor_dir, slide_right, wait_drawn  # noqa: E402
from bench.harness import (  # noqa: E402
    ROOT,
    STATUS_PATHS,
    cpu_seconds,
    launch_chromium,
    serve_process,  # noqa: E402
)
from kkpham.settings import get_settings  # noqa: E402

RUNS = 5
SETTLE_S = 1.5
RESULTS = ROOT / "bench" / "results"
TARGETS = {
    "cpu_above_floor_s": 0.1,
    "compare_drawn_above_floor_s": 0.8,
    "panel_cold_s": 0.05,
    "year_change_s": 0.3,
}
VIEWS = {  # name -> (path, how many charts the view draws)
    "map_national": ("/peta?tahun=2022", 1),
    "map_74": ("/peta?provinsi=74&tahun=2022", 1),
    "compare_national": ("/bandingkan?tahun=2022", 3),
    "compare_74": ("/bandingkan?provinsi=74&tahun=2022&tahun2=2019", 4),
    "profile_74.71": ("/wilayah?kode=74.71", 2),
}
# What is on the page: charts drawn, tables drawn, map polygons, and whether a script runs.
STATE = f"""() => [document.querySelectorAll('.js-plotly-plot .main-svg').length,
  document.querySelectorAll('[data-testid="stDataFrame"] canvas').length,
  document.querySelectorAll({STATUS_PATHS!r}).length,
  document.querySelectorAll('[data-testid="stStatusWidget"]').length]"""


def view_once(browser, url: str, pid: int, charts: int) -> dict:
    """One page view in a fresh context: seconds to fully drawn, server CPU seconds. Fully drawn:
    at least ``charts`` charts, then nothing changed for SETTLE_S with no script running."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    cpu0 = cpu_seconds(pid)
    t0 = time.perf_counter()
    page.goto(url)
    last, changed = None, t0
    while True:
        state = page.evaluate(STATE)
        now = time.perf_counter()
        if state != last:
            last, changed = state, now
        elif state[3] == 0 and state[0] >= charts and now - changed >= SETTLE_S:
            break
        if now - t0 > 120:
            raise TimeoutError(f"{url} did not settle: {state}")
        page.wait_for_timeout(25)
    cpu = cpu_seconds(pid) - cpu0
    context.close()
    return {"drawn_s": changed - t0, "cpu_s": cpu, "state": last}


def year_change_once(browser, url: str, expected: int) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page: Page = context.new_page()
    page.goto(url)
    wait_drawn(page, expected)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    before = page.evaluate(Z_OF_FIRST_TRACE)
    t1 = time.perf_counter()
    slide_right(page)
    changed = f"(z => z !== null && z !== {json.dumps(before)})({Z_OF_FIRST_TRACE})"
    page.wait_for_function(changed, polling="raf", timeout=60_000)
    wait_drawn(page, expected)
    took = time.perf_counter() - t1
    context.close()
    return took


def measure_app(
    browser, url: str, pid: int, views: dict[str, tuple[str, int]], n_regions: int
) -> dict:
    out = {}
    for name, (path, charts) in views.items():
        view_once(browser, url + path, pid, charts)  # warms the server's caches; dropped
        runs = [view_once(browser, url + path, pid, charts) for _ in range(RUNS)]
        out[name] = {
            "drawn_s": statistics.median(r["drawn_s"] for r in runs),
            "cpu_s": statistics.median(r["cpu_s"] for r in runs),
            "cpu_runs": [round(r["cpu_s"], 3) for r in runs],
            "drawn_runs": [round(r["drawn_s"], 3) for r in runs],
            "state": runs[-1]["state"],
        }
    if n_regions:
        year_change_once(browser, url + "/peta?tahun=2019", n_regions)
        changes = [
            year_change_once(browser, url + "/peta?tahun=2019", n_regions) for _ in range(RUNS)
        ]
        out["year_change_national"] = {"s": statistics.median(changes), "runs": changes}
    return out


PANEL_TIMER = """
import statistics, sys, time
sys.path.insert(0, {root!r})
from kkpham.store import Store
{imports}
times = []
for _ in range(9):
    t = time.perf_counter()
    with Store.open(__import__('pathlib').Path({db!r})) as store:
        rows = {call}
    times.append(time.perf_counter() - t)
print(statistics.median(times[1:]), min(times), len(rows))
"""


def panel_cold(root: Path, db: Path, new: bool) -> dict:
    """The national status panel read on a fresh store connection (median of 8, after one)."""
    if new:
        imports, call = "from kkpham import panel", "panel.read(store)"
    else:
        imports, call = "from kkpham import timeline", "timeline.status_panel(store)"
    code = PANEL_TIMER.format(root=str(root), db=str(db), imports=imports, call=call)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    return {"median_s": float(out[0]), "min_s": float(out[1]), "rows": int(out[2])}


def main() -> None:
    global RUNS
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare against")
    parser.add_argument("--runs", type=int, default=RUNS, help="measured views per page")
    args = parser.parse_args()
    RUNS = args.runs
    settings = get_settings()
    env = {"KKPHAM_DB": str(settings.db_path)}
    from kkpham.store import Store

    with Store.open(settings.db_path) as store:
        n_regions = len(store.regions())
    apps = {"after": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    results: dict = {"runs": RUNS, "targets": TARGETS, "panel_cold": {}}
    for name, root in apps.items():
        results["panel_cold"][name] = panel_cold(root, settings.db_path, new=name == "after")
    floor = floor_dir()
    with sync_playwright() as p:
        browser = launch_chromium(p)
        with serve_process("floor_app.py", cwd=floor) as (url, proc):
            floor_view = {"floor": ("/", 1)}
            results["floor"] = measure_app(browser, url, proc.pid, floor_view, 0)["floor"]
        for name, root in apps.items():
            with serve_process("dashboard.py", env=env, cwd=root) as (url, proc):
                results[name] = measure_app(browser, url, proc.pid, VIEWS, n_regions)
        browser.close()
    report(results)


def report(results: dict) -> None:
    floor = results["floor"]
    print(
        f"floor: CPU {floor['cpu_s']:.3f} s, drawn {floor['drawn_s']:.2f} s "
        f"(median of {results['runs']})"
    )
    head = f"{'app':7} {'view':18} {'CPU s':>6} {'>floor':>7} {'drawn s':>8} {'>floor':>7}"
    print(head)
    for app in ("before", "after"):
        for view, r in results.get(app, {}).items():
            if view.startswith("year_change"):
                print(f"{app:7} {view:18} year change {r['s']:.2f} s")
                continue
            print(
                f"{app:7} {view:18} {r['cpu_s']:6.3f} {r['cpu_s'] - floor['cpu_s']:+7.3f} "
                f"{r['drawn_s']:8.2f} {r['drawn_s'] - floor['drawn_s']:+7.2f}"
            )
    for app, r in results["panel_cold"].items():
        print(
            f"{app:7} national status panel, cold connection: {1000 * r['median_s']:.0f} ms "
            f"(min {1000 * r['min_s']:.0f} ms, {r['rows']} rows)"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench_pages_{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=1, default=str))
    print(f"written {out}")


if __name__ == "__main__":
    main()
