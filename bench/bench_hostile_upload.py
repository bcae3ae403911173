"""Hostile uploads against a running app while another browser loads the national map.

Issue 7's proof, run on demand (`.venv/bin/python bench/bench_hostile_upload.py`): for each
hostile workbook (generated here, never committed), one browser uploads it on the data page while
a second browser context opens the national map; we record how long the map took to draw all 514
regions, how long the uploader waited for its answer, and the server's memory (RSS sampled every
50 ms, and the kernel's peak VmHWM). The same map load with no upload is the baseline, in the
same run. Writes bench/results/bench_hostile_upload_<time>.json and prints a table.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from bench.harness import (  # noqa: E402
    ROOT,
    STATUS_PATHS,
    launch_chromium,
    serve_process,
    spreadsheet_input,
)
from kkpham.settings import get_settings  # noqa: E402
from tests import hostile_xlsx as hx  # noqa: E402

RESULTS = ROOT / "bench" / "results"
RUNS = 3
N_REGIONS = 514


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


class MemorySampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.05)

    def take(self) -> float:
        peak, self.peak = self.peak, rss_mb(self.pid)
        return peak


def national_map_seconds(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url + "/peta")
    page.wait_for_function(
        f"document.querySelectorAll({json.dumps(STATUS_PATHS)}).length >= {N_REGIONS}",
        timeout=300_000,
    )
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def hostile_files() -> dict[str, bytes]:
    return {
        "far cell XFD1048576": hx.far_cell("XFD1048576"),
        "far cell XFD3000": hx.far_cell("XFD3000"),
        "zip bomb 250k rows (~4 MB -> ~90 MB of XML)": hx.bomb(250_000),
        "20 000 good rows (the largest allowed)": hx.workbook(
            {"Data": hx.sheet(hx.table_rows(hx.good_rows(20_000)))}
        ),
    }


def main() -> None:
    settings = get_settings()
    work = Path(tempfile.mkdtemp(prefix="kkpham_hostile_"))
    db = work / "kkpham.duckdb"
    shutil.copyfile(settings.db_path, db)
    env = {"KKPHAM_DB": str(db), "KKPHAM_BACKUP_DIR": str(work / "backups")}
    files = hostile_files()
    results: dict[str, dict] = {}
    with serve_process(env=env) as (url, proc), sync_playwright() as p:
        browser = launch_chromium(p)
        national_map_seconds(browser, url)  # warm the server's caches once
        sampler = MemorySampler(proc.pid)
        sampler.start()
        base = [national_map_seconds(browser, url) for _ in range(RUNS)]
        results["baseline (no upload)"] = {
            "map_s": statistics.median(base),
            "map_runs_s": base,
            "answer_s": None,
            "bytes": 0,
            "rss_peak_mb": sampler.take(),
        }
        for name, data in files.items():
            uploader = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
            uploader.goto(url + "/data")
            expect(uploader.get_by_text("Impor hasil")).to_be_visible(timeout=120_000)
            sampler.take()
            start = time.perf_counter()
            spreadsheet_input(uploader).set_input_files(
                {"name": "serangan.xlsx", "mimeType": "application/octet-stream", "buffer": data}
            )
            map_s = national_map_seconds(browser, url)
            answer = uploader.locator("[data-testid=stAlert], [data-testid=stDataFrame]").first
            expect(answer).to_be_visible(timeout=300_000)
            answer_s = time.perf_counter() - start
            text = answer.inner_text()[:160]
            uploader.context.close()
            results[name] = {
                "map_s": map_s,
                "answer_s": answer_s,
                "bytes": len(data),
                "rss_peak_mb": sampler.take(),
                "answer": text,
            }
        sampler.running = False
        vm_hwm = rss_mb(proc.pid, "VmHWM")
        browser.close()
    out = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "results": results,
        "server_vmhwm_mb": vm_hwm,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench_hostile_upload_{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False))
    print(f"{'upload':42} {'size':>9} {'map (s)':>8} {'answer (s)':>10} {'RSS peak MB':>11}")
    for name, r in results.items():
        answer = "—" if r["answer_s"] is None else f"{r['answer_s']:.1f}"
        print(
            f"{name:42} {r['bytes']:>9} {r['map_s']:>8.2f} {answer:>10} {r['rss_peak_mb']:>11.0f}"
        )
    print(f"server peak RSS (VmHWM) over the whole run: {vm_hwm:.0f} MB -> {path}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
