"""Server CPU per page view and time to fully drawn, against the floor app, in one run (on demand).

For each view (map national and Sultra, compare national and Sultra, a profile) a fresh browser
context opens the page; "fully drawn" is the moment the last chart, table or map polygon appeared
(the page then stays unchanged for SETTLE_S with no script running). The server's CPU (user +
system, /proc) is read before the navigation and after it settled: the CPU one page view costs.
``--warm``: each app's views are tabs of one browser context instead, so Streamlit's hashed
bundles come from the browser's cache, as for an official who has opened the dashboard before
(a fresh context also measures the server sending ~5 MB of JavaScript). Each view also reports
the page's main-thread task time (CDP ``Performance.getMetrics`` ``TaskDuration``), which the
machine's load disturbs less than the wall clock.
Also: a year change on the national map (slider one step -> every polygon recoloured) and the
national status panel read from a cold store connection, in-process.

``--views NAME ...`` measures only those views; ``--no-year-change`` skips the year change (a
quick A/B of one view against ``--before``).

``--before DIR``: also serve the code in DIR (e.g. ``git archive <commit> | tar -x -C DIR``, with
a copy of ``static/``) on the same store, so a change is measured against what it replaced in
the same run. All servers (floor, this checkout, before) run at once and are measured in turn,
view by view and round by round, so a drift in the machine's load hits them alike; each app's
"above floor" is also given as the median of its per-round differences to the floor's view of
the same round (``*_paired``). Writes bench/results/bench_pages_<time>.json and prints a table.
Targets are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from bench.bench_map import (  # noqa: E402
    Z_OF_FIRST_TRACE,
    floor_dir,
    focus_slider,
    slide_right,
    wait_drawn,
)
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


def view_once(browser, url: str, pid: int, charts: int, context=None) -> dict:
    """One page view: seconds to fully drawn, server CPU seconds, the page's main-thread task
    seconds (CDP ``TaskDuration``). Fully drawn: at least ``charts`` charts, then nothing changed
    for SETTLE_S with no script running. A fresh browser context per view, unless ``context`` is
    given: a new tab in it, with Streamlit's bundles already in its HTTP cache (``--warm``)."""
    own = context is None
    context = context or browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
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
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    page.close()
    if own:
        context.close()
    return {
        "drawn_s": changed - t0,
        "cpu_s": cpu,
        "browser_task_s": metrics.get("TaskDuration", float("nan")),
        "state": last,
    }


def year_change_once(browser, url: str, expected: int) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page: Page = context.new_page()
    page.goto(url)
    wait_drawn(page, expected)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    before = page.evaluate(Z_OF_FIRST_TRACE)
    focus_slider(page)
    t1 = time.perf_counter()
    slide_right(page, focused=True)
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
from kkpham import store as store_module
from kkpham.store import Store
{imports}
path = __import__('pathlib').Path({db!r})
# the app's path when the code has one: every open attaches into one instance (store.Readers)
opener = store_module.Readers().open if hasattr(store_module, "Readers") else Store.open
times, cpu = [], []
for _ in range(9):
    t, c = time.perf_counter(), time.process_time()
    with opener(path) as store:
        rows = {call}
    times.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
print(statistics.median(times[1:]), min(times), len(rows), statistics.median(cpu[1:]))
"""


def panel_cold(root: Path, db: Path, new: bool) -> dict:
    """The national status panel read from a cold cache: open, read, close, as the app does
    (median of 8, after one). ``new``: the code has the stored panel (``kkpham.model.panel``)."""
    if (root / "kkpham" / "model" / "panel.py").exists():  # the layout since issue 8's re-layout
        imports, call = "from kkpham.model import panel", "panel.read(store)"
    elif new:
        imports, call = "from kkpham import panel", "panel.read(store)"
    else:
        imports, call = "from kkpham import timeline", "timeline.status_panel(store)"
    code = PANEL_TIMER.format(root=str(root), db=str(db), imports=imports, call=call)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    return {
        "median_s": float(out[0]),
        "min_s": float(out[1]),
        "rows": int(out[2]),
        "cpu_median_s": float(out[3]),
    }


def main() -> None:
    global RUNS
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare against")
    parser.add_argument("--runs", type=int, default=RUNS, help="measured views per page")
    parser.add_argument(
        "--warm",
        action="store_true",
        help="each app's views in one browser context (its bundles cached), not a fresh one each",
    )
    parser.add_argument(
        "--views", nargs="+", choices=list(VIEWS), default=list(VIEWS), help="views to measure"
    )
    parser.add_argument("--no-year-change", action="store_true", help="skip the year change")
    args = parser.parse_args()
    RUNS = args.runs
    views = {name: VIEWS[name] for name in args.views}
    settings = get_settings()
    env = {"KKPHAM_DB": str(settings.db_path)}
    from kkpham.store import Store

    with Store.open(settings.db_path) as store:
        n_regions = len(store.regions())
    apps = {"after": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    results: dict = {
        "runs": RUNS,
        "browser_cache": "warm" if args.warm else "fresh",
        "views": list(views),
        "year_change": not args.no_year_change,
        "targets": TARGETS,
        "panel_cold": {},
    }
    for name, root in apps.items():
        new = (root / "kkpham" / "panel.py").exists()
        results["panel_cold"][name] = panel_cold(root, settings.db_path, new=new)
    floor = floor_dir()
    with sync_playwright() as p, ExitStack() as stack:
        browser = launch_chromium(p)
        servers = {"floor": stack.enter_context(serve_process("floor_app.py", cwd=floor))}
        for name, root in apps.items():
            servers[name] = stack.enter_context(serve_process("dashboard.py", env=env, cwd=root))
        changes = 0 if args.no_year_change else n_regions
        results.update(measure_interleaved(browser, servers, views, changes, args.warm))
        browser.close()
    report(results)


def measure_interleaved(
    browser, servers: dict, views: dict[str, tuple[str, int]], n_regions: int, warm: bool = False
) -> dict:
    """Every view of every app (``servers``: name -> (url, process); "floor" is the floor app),
    round by round: in each round, each view is opened on the floor and on each app in turn
    (the order rotates per round). The first round warms the caches and is dropped. ``warm``:
    each app's views are tabs of one browser context (bundles cached), else a fresh context each."""
    apps = [a for a in servers if a != "floor"]
    contexts = {
        a: browser.new_context(viewport={"width": 1400, "height": 1000}) if warm else None
        for a in servers
    }
    raw: dict = {a: {v: [] for v in views} for a in apps}
    floor_raw: dict = {v: [] for v in views}
    changes: dict = {a: [] for a in apps}
    for round_ in range(RUNS + 1):
        order = ["floor", *apps]
        order = order[round_ % len(order) :] + order[: round_ % len(order)]
        for view, (path, charts) in views.items():
            for app in order:
                url, proc = servers[app]
                r = (
                    view_once(browser, url + "/", proc.pid, 1, contexts[app])
                    if app == "floor"
                    else view_once(browser, url + path, proc.pid, charts, contexts[app])
                )
                if round_:
                    (floor_raw[view] if app == "floor" else raw[app][view]).append(r)
        if n_regions:
            for app in apps:
                url, _ = servers[app]
                took = year_change_once(browser, url + "/peta?tahun=2019", n_regions)
                if round_:
                    changes[app].append(took)
    for context in contexts.values():
        if context is not None:
            context.close()
    floor_all = [r for runs in floor_raw.values() for r in runs]
    out: dict = {
        "floor": {
            "drawn_s": statistics.median(r["drawn_s"] for r in floor_all),
            "cpu_s": statistics.median(r["cpu_s"] for r in floor_all),
            "browser_task_s": statistics.median(r["browser_task_s"] for r in floor_all),
            "cpu_runs": [round(r["cpu_s"], 3) for r in floor_all],
            "drawn_runs": [round(r["drawn_s"], 3) for r in floor_all],
            "state": floor_all[-1]["state"],
        }
    }
    for app in apps:
        out[app] = {}
        for view, runs in raw[app].items():
            floors = floor_raw[view]
            out[app][view] = {
                "drawn_s": statistics.median(r["drawn_s"] for r in runs),
                "cpu_s": statistics.median(r["cpu_s"] for r in runs),
                "browser_task_s": statistics.median(r["browser_task_s"] for r in runs),
                "cpu_above_floor_paired_s": statistics.median(
                    r["cpu_s"] - f["cpu_s"] for r, f in zip(runs, floors, strict=True)
                ),
                "drawn_above_floor_paired_s": statistics.median(
                    r["drawn_s"] - f["drawn_s"] for r, f in zip(runs, floors, strict=True)
                ),
                "cpu_runs": [round(r["cpu_s"], 3) for r in runs],
                "drawn_runs": [round(r["drawn_s"], 3) for r in runs],
                "floor_cpu_runs": [round(f["cpu_s"], 3) for f in floors],
                "floor_drawn_runs": [round(f["drawn_s"], 3) for f in floors],
                "state": runs[-1]["state"],
            }
        if n_regions:
            out[app]["year_change_national"] = {
                "s": statistics.median(changes[app]),
                "runs": changes[app],
            }
    return out


def report(results: dict) -> None:
    floor = results["floor"]
    print(
        f"floor: CPU {floor['cpu_s']:.3f} s, drawn {floor['drawn_s']:.2f} s, browser main "
        f"thread {floor['browser_task_s']:.2f} s (median of {results['runs']}, "
        f"{results['browser_cache']} browser cache)"
    )
    head = (
        f"{'app':7} {'view':18} {'CPU s':>6} {'>floor':>7} {'paired':>7} {'drawn s':>8} "
        f"{'>floor':>7} {'paired':>7} {'browser':>8} {'>floor':>7}"
    )
    print(head)
    for app in ("before", "after"):
        for view, r in results.get(app, {}).items():
            if view.startswith("year_change"):
                print(f"{app:7} {view:18} year change {r['s']:.2f} s")
                continue
            pc, pd_ = r.get("cpu_above_floor_paired_s"), r.get("drawn_above_floor_paired_s")
            print(
                f"{app:7} {view:18} {r['cpu_s']:6.3f} {r['cpu_s'] - floor['cpu_s']:+7.3f} "
                f"{pc if pc is not None else float('nan'):+7.3f} {r['drawn_s']:8.2f} "
                f"{r['drawn_s'] - floor['drawn_s']:+7.2f} "
                f"{pd_ if pd_ is not None else float('nan'):+7.2f} "
                f"{r['browser_task_s']:8.2f} {r['browser_task_s'] - floor['browser_task_s']:+7.2f}"
            )
    for app, r in results["panel_cold"].items():
        print(
            f"{app:7} national status panel, cold cache: {1000 * r['median_s']:.0f} ms "
            f"(min {1000 * r['min_s']:.0f} ms, CPU {1000 * r.get('cpu_median_s', 0):.0f} ms, "
            f"{r['rows']} rows)"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench_pages_{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=1, default=str))
    print(f"written {out}")


if __name__ == "__main__":
    main()
