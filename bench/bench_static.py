"""How much of a fresh page view's server CPU is serving files, and which (on demand).

``bench_pages`` measures the server CPU of a whole page view. With a fresh browser cache, the
browser also fetches Streamlit's code for every kind of element the page shows (a data grid, a
slider, a select box ...: one file each, loaded on first use) and the page's map geometry. The
floor app shows one chart, so it fetches fewer files. This script opens each view of
``bench_pages.VIEWS`` and the floor in a fresh browser context, lists the files each fetched
(``/static/...``: Streamlit's own, served uncompressed and cached "immutable" for a year;
``/app/static/...``: ours, gzipped by Streamlit on every request), and then times the server
serving the view's files that the floor did not fetch, as the browser asked for them (gzip
accepted, over six kept-alive connections), by reading the server's CPU before and
after. The floor's own files cost the server CPU too (its page view costs ~0.1 s more with a fresh
browser than with a warm one, ``bench_pages``); they are not counted here. Nothing is asserted.
Writes bench/results/bench_static_<time>.json and prints a table.
"""

from __future__ import annotations

import http.client
import json
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.bench_map import floor_dir  # noqa: E402
from bench.bench_pages import VIEWS, view_once  # noqa: E402
from bench.harness import ROOT, cpu_seconds, launch_chromium, serve_process  # noqa: E402
from kkpham.settings import get_settings  # noqa: E402

ROUNDS = 5
REPEAT = 20  # each round serves the files this many times: /proc counts CPU in 10 ms ticks
CONNECTIONS = 6  # a browser fetches over up to six kept-alive connections per host
ENCODING = "gzip, deflate"  # what Chromium asks for over plain http (br and zstd only over https)


def fetched(browser, url: str, path: str, pid: int, charts: int) -> dict[str, int]:
    """Path -> bytes (decoded) of every file a fresh browser fetched for one view."""
    got: dict[str, int] = {}
    context = browser.new_context(viewport={"width": 1400, "height": 1000})

    def record(response) -> None:
        try:
            size = len(response.body())
        except Exception:  # a redirect, or the page already closed: no body to count
            size = 0
        got[response.url.removeprefix(url).split("?")[0]] = size

    context.on("response", record)
    view_once(browser, url + path, pid, charts, context=context)
    context.close()
    return got


def serving_cpu(url: str, pid: int, paths: list[str]) -> float:
    """Median server CPU seconds to serve ``paths`` once each, over ``CONNECTIONS`` kept-alive
    connections in turn, asking for gzip as the browser does (after one unmeasured round)."""
    host = urllib.parse.urlsplit(url)
    rounds = []
    for i in range(ROUNDS + 1):
        connections = [
            http.client.HTTPConnection(host.hostname, host.port) for _ in range(CONNECTIONS)
        ]
        cpu0 = cpu_seconds(pid)
        for n, path in enumerate(paths * REPEAT):
            connection = connections[n % CONNECTIONS]
            connection.request("GET", path, headers={"Accept-Encoding": ENCODING})
            connection.getresponse().read()
        if i:
            rounds.append((cpu_seconds(pid) - cpu0) / REPEAT)
        for connection in connections:
            connection.close()
        time.sleep(0.3)  # the event loop settles between rounds
    return statistics.median(rounds)


def main() -> None:
    env = {"KKPHAM_DB": str(get_settings().db_path)}
    floor = floor_dir()
    results: dict = {"rounds": ROUNDS, "views": {}}
    with (
        sync_playwright() as p,
        serve_process("floor_app.py", cwd=floor) as (floor_url, floor_proc),
        serve_process("dashboard.py", env=env) as (url, proc),
    ):
        browser = launch_chromium(p)
        view_once(browser, floor_url + "/", floor_proc.pid, 1)  # warm both servers
        floor_files = fetched(browser, floor_url, "/", floor_proc.pid, 1)
        results["floor"] = {"files": len(floor_files), "bytes": sum(floor_files.values())}
        for name, (path, charts) in VIEWS.items():
            view_once(browser, url + path, proc.pid, charts)
            files = fetched(browser, url, path, proc.pid, charts)
            extra = sorted(
                p for p in files if p not in floor_files and p.startswith(("/static/", "/app/"))
            )
            ours = [p for p in extra if p.startswith("/app/static/")]
            results["views"][name] = {
                "files": len(files),
                "bytes": sum(files.values()),
                "extra_files": len(extra),
                "extra_bytes": sum(files[p] for p in extra),
                "extra_cpu_s": serving_cpu(url, proc.pid, extra),
                "geometry_files": ours,
                "geometry_cpu_s": serving_cpu(url, proc.pid, ours) if ours else 0.0,
            }
        browser.close()
    out = ROOT / "bench" / "results" / f"bench_static_{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    f = results["floor"]
    print(f"floor: {f['files']} files, {f['bytes'] / 1e6:.2f} MB (fresh browser)")
    print(
        "MB: decoded; extra: the files the floor did not fetch and the server CPU to serve them"
        " (geo s: of which our geometry)"
    )
    print(f"{'view':18} {'files':>5} {'MB':>6} {'extra':>5} {'MB':>6} {'CPU s':>6} {'geo s':>6}")
    for name, r in results["views"].items():
        print(
            f"{name:18} {r['files']:5d} {r['bytes'] / 1e6:6.2f} {r['extra_files']:5d} "
            f"{r['extra_bytes'] / 1e6:6.2f} {r['extra_cpu_s']:6.3f} {r['geometry_cpu_s']:6.3f}"
        )
    print(f"written {out}")


if __name__ == "__main__":
    main()
