"""Start the app (or the floor app) on a free port and drive Debian Chromium against it.

Shared by the browser test and the benchmark, so both measure the same thing the same way.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from kkpham.texts import LANGS, t

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1"}
# The geo choropleth draws one <path class="choroplethlocation"> per region, per trace.
STATUS_PATHS = ".js-plotly-plot .choroplethlayer .trace:first-child path.choroplethlocation"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode} before serving {url}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer {url}/_stcore/health within {timeout:.0f} s")


@contextmanager
def serve(
    script: str = "dashboard.py",
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    log: Path | None = None,
) -> Iterator[str]:
    """Run ``streamlit run script`` on a free port; yield its base URL; stop that process."""
    with serve_process(script, env, cwd, log) as (url, _):
        yield url


@contextmanager
def serve_process(
    script: str = "dashboard.py",
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    log: Path | None = None,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """As ``serve``, yielding (base URL, the server process) (the benchmarks read its CPU)."""
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    out = log.open("w") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, timeout=60)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log:
            out.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def launch_chromium(playwright: object, scrollbars: bool = False) -> object:
    """Debian Chromium through Playwright; a clear error when it cannot start. ``scrollbars``:
    draw them as a desktop browser does (Playwright hides them by default), taking page width."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium (`make chromium`)")
    try:
        return playwright.chromium.launch(  # type: ignore[attr-defined]
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            ignore_default_args=["--hide-scrollbars"] if scrollbars else None,
        )
    except Exception as exc:  # playwright raises its own Error type
        raise RuntimeError(f"Chromium ({CHROMIUM}) could not start: {exc}") from exc


def spreadsheet_input(page: object) -> object:
    """The data page's CSV/XLSX file input, found by its uploader's label (either language)."""
    labels = "|".join(re.escape(t("dp_file", lang)) for lang in LANGS)
    uploader = page.get_by_test_id("stFileUploader").filter(  # type: ignore[attr-defined]
        has=page.get_by_text(re.compile(labels))  # type: ignore[attr-defined]
    )
    return uploader.locator("input[type=file]")


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in {"data", "blob", "about"}:
        return True
    return parsed.hostname in LOCAL_HOSTS
