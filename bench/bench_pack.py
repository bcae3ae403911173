"""Benchmark the rakor pack (run on demand: `.venv/bin/python bench/bench_pack.py`).

Target: a province pack built in under 30 s on 2 cores. Measures, median of RUNS, each in a fresh
process (cold: imports, store read, Chromium start):
(a) the floor: start Kaleido's Chromium and render one empty figure (the fixed cost of any
static image on this machine), (b) `python -m kkpham pack` for Sulawesi Tenggara 2022 as PPTX,
(c) the same as PDF, (d) the national 2019 pack as PPTX; and in one process with a warm browser
(e) build both files of the province pack again (what a second click costs).
Writes bench/results/bench_pack_<time>.json and prints a table.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RUNS = 3
TARGET_S = 30.0
FLOOR = (
    "from kkpham.settings import get_settings\n"
    "from kkpham.present.render import Renderer, Job\n"
    "import plotly.graph_objects as go\n"
    "with Renderer(get_settings().static_dir) as r:\n"
    "    r.render([Job(go.Figure(), 'png', 1920, 1080)])\n"
)


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        cmd, cwd=ROOT, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    return time.perf_counter() - start


def warm_pack() -> list[float]:
    from kkpham.present.context import load_view
    from kkpham.present.pack import pack_files
    from kkpham.present.render import Renderer
    from kkpham.settings import get_settings
    from kkpham.store import Store

    settings = get_settings()
    out = []
    with Renderer(settings.static_dir) as renderer:
        for _ in range(RUNS):
            start = time.perf_counter()
            with Store.open(settings.db_path) as store:
                view = load_view(store, settings.static_dir, "74", 2022)
            pack_files(view, renderer)
            out.append(time.perf_counter() - start)
    return out


def main() -> None:
    py = sys.executable
    tmp = Path(tempfile.mkdtemp())
    cases = {
        "floor_browser_start_one_figure": [py, "-c", FLOOR],
        "pack_74_2022_pptx": [
            py,
            "-m",
            "kkpham",
            "pack",
            "--province",
            "74",
            "--data-year",
            "2022",
            "--out",
            str(tmp / "p.pptx"),
        ],
        "pack_74_2022_pdf": [
            py,
            "-m",
            "kkpham",
            "pack",
            "--province",
            "74",
            "--data-year",
            "2022",
            "--out",
            str(tmp / "p.pdf"),
        ],
        "pack_national_2019_pptx": [
            py,
            "-m",
            "kkpham",
            "pack",
            "--data-year",
            "2019",
            "--out",
            str(tmp / "n.pptx"),
        ],
    }
    results: dict[str, dict] = {}
    for name, cmd in cases.items():
        runs = [timed(cmd) for _ in range(RUNS)]
        results[name] = {"median_s": statistics.median(runs), "runs_s": runs}
    runs = warm_pack()
    results["pack_74_2022_both_warm_browser"] = {
        "median_s": statistics.median(runs),
        "runs_s": runs,
    }
    results["target_s"] = {"median_s": TARGET_S, "runs_s": []}
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"bench_pack_{time.strftime('%Y%m%dT%H%M%S')}.json"
    path.write_text(json.dumps({"cpus": os.cpu_count(), **results}, indent=2))
    for name, r in results.items():
        print(f"{name:36s} {r['median_s']:7.2f} s  {[round(x, 1) for x in r['runs_s']]}")
    print(path)


if __name__ == "__main__":
    main()
