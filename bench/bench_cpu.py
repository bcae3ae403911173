"""Server-side CPU of one page run, without a browser (on demand; a quick proxy for bench_pages).

Each page is run with Streamlit's AppTest in a fresh process per app (the floor app, this checkout,
and optionally ``--before DIR``), caches warm (two runs dropped), and the process CPU time
(user + system) of each further run is recorded: the script run, its protobuf messages and AppTest's
reading of them (the same for the floor). What is not in it: the websocket and the browser. Writes
bench/results/bench_cpu_<time>.json and prints medians and the difference to the floor. Targets are
reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
VIEWS = {  # name -> (script, query parameters)
    "map_national": ("dashboard.py", {"tahun": "2022"}),
    "map_74": ("dashboard.py", {"tahun": "2022", "provinsi": "74"}),
    "compare_national": ("pages/bandingkan.py", {"tahun": "2022"}),
    "compare_74": ("pages/bandingkan.py", {"tahun": "2022", "provinsi": "74", "tahun2": "2019"}),
    "profile_74.71": ("pages/wilayah.py", {"kode": "74.71"}),
}
CHILD = """
import json, os, statistics, sys, time
sys.path.insert(0, {root!r})
os.chdir({root!r})
from streamlit.testing.v1 import AppTest
views, runs, out = json.loads({views!r}), {runs}, {{}}
for name, (script, params) in views.items():
    cpu = []
    for i in range(runs + 2):
        at = AppTest.from_file(os.path.join({root!r}, script), default_timeout=300)
        for k, v in params.items():
            at.query_params[k] = v
        t = time.process_time()
        at.run()
        if i >= 2:
            cpu.append(time.process_time() - t)
        assert not at.exception, (name, [e.value for e in at.exception])
    out[name] = {{"cpu_s": statistics.median(cpu), "runs": cpu}}
print(json.dumps(out))
"""


def measure(root: Path, views: dict, runs: int, env: dict | None = None) -> dict:
    code = CHILD.format(root=str(root), views=json.dumps(views), runs=runs)
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, env=env, check=False
    )
    if proc.returncode:
        raise RuntimeError(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    import os

    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.bench_map import floor_dir
    from kkpham.settings import get_settings

    env = {**os.environ, "KKPHAM_DB": str(get_settings().db_path)}
    floor = floor_dir()
    results = {
        "runs": args.runs,
        "floor": measure(floor, {"floor": ["floor_app.py", {}]}, args.runs)["floor"],
    }
    results["after"] = measure(ROOT, VIEWS, args.runs, env)
    if args.before:
        results["before"] = measure(args.before.resolve(), VIEWS, args.runs, env)
    f = results["floor"]["cpu_s"]
    print(f"floor app run: {f:.3f} s CPU (median of {args.runs})")
    for app in ("before", "after"):
        for view, r in results.get(app, {}).items():
            print(f"{app:7} {view:18} {r['cpu_s']:.3f} s  ({r['cpu_s'] - f:+.3f} vs floor)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench_cpu_{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"written {out}")


if __name__ == "__main__":
    main()
