"""Static images (PNG, SVG, PDF) of Plotly figures through Kaleido 1.x and Debian's Chromium.

One ``Renderer`` owns one browser for many figures: it runs Kaleido's async API on its own event
loop thread, so every call can be bounded by a timeout (Kaleido's sync server waits forever on a
dead browser). Offline by construction: ``topojson`` is a local ``file:///…/`` folder holding
``world_110m.json`` (plotly.js would otherwise fetch the CDN copy), MathJax is off (a CDN script),
and plotly.js is the copy bundled with plotly.py. Geometry must be inline in the figure (see
``kkpham.present.embedded_shapes``): the app's ``/app/static/…`` URLs mean nothing to a file page.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from kkpham.boundaries.basemap import BASE_NAME, write_base_topojson
from kkpham.texts import Explained, Message, Number

FORMATS = ("png", "svg", "pdf")
START_TIMEOUT_S = 45.0
FIGURE_TIMEOUT_S = 60.0


class RenderError(Explained, RuntimeError):
    """Rendering is impossible or failed; the message says why, in words a user can act on."""


@dataclass
class Job:
    figure: go.Figure
    fmt: str = "png"
    width: int = 1920
    height: int = 1080
    scale: float = 1.0
    extra: dict = field(default_factory=dict)

    def opts(self) -> dict:
        if self.fmt not in FORMATS:
            raise RenderError(Message("rnd_format", fmt=self.fmt, formats=", ".join(FORMATS)))
        return {"format": self.fmt, "width": self.width, "height": self.height, "scale": self.scale}


def browser_path() -> str:
    """Chromium to drive: ``BROWSER_PATH`` when set, else Debian's ``chromium`` on PATH."""
    path = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        raise RenderError(Message("rnd_no_chromium", path=path))
    return path


def topojson_url(static_dir: Path) -> str:
    """The local folder URL plotly.js reads ``world_110m.json`` from (written if missing)."""
    folder = (static_dir / "topojson").resolve()
    if not (folder / BASE_NAME).is_file():
        write_base_topojson(folder)
    return folder.as_uri() + "/"


class Renderer:
    """``with Renderer(static_dir) as r: r.render([Job(fig, "png"), Job(fig, "svg")])``."""

    def __init__(
        self,
        static_dir: Path,
        *,
        start_timeout: float = START_TIMEOUT_S,
        figure_timeout: float = FIGURE_TIMEOUT_S,
    ) -> None:
        self.topojson = topojson_url(static_dir)
        pio.defaults.topojson = self.topojson  # Plotly's own exports use the local copy too
        self.start_timeout = start_timeout
        self.figure_timeout = figure_timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido = None

    # lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> Renderer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, coro, timeout: float, slow: str):
        """``coro``'s result; RenderError ``slow`` (a catalogue key) after ``timeout`` seconds."""
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        try:
            return future.result(timeout=timeout)
        except concurrent.futures.TimeoutError as err:
            future.cancel()
            raise RenderError(Message(slow, seconds=Number(timeout, 0))) from err

    def start(self) -> None:
        path = browser_path()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, daemon=True, name="kkpham-kaleido"
        )
        self._thread.start()
        try:
            self._call(self._open(path), self.start_timeout, "rnd_start_slow")
        except RenderError:
            self.close()
            raise
        except Exception as err:  # noqa: BLE001 (choreographer raises many kinds)
            self.close()
            raise RenderError(Message("rnd_start_failed", error=str(err))) from err

    async def _open(self, path: str) -> None:
        import kaleido

        k = kaleido.Kaleido(n=1, timeout=self.figure_timeout, mathjax=False, path=path)
        await k.open()
        self._kaleido = k

    def close(self) -> None:
        if self._loop is None:
            return
        if self._kaleido is not None:
            # closing is best effort; the loop thread is a daemon
            with contextlib.suppress(Exception):
                self._call(self._kaleido.close(), 20, "Chromium tidak dapat ditutup")
            self._kaleido = None
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._loop = None
        self._thread = None

    # rendering -------------------------------------------------------------------------------
    async def _render(self, jobs: list[Job]) -> list[bytes]:
        out = []
        for job in jobs:
            out.append(
                await self._kaleido.calc_fig(job.figure, opts=job.opts(), topojson=self.topojson)
            )
        return out

    def render(self, jobs: list[Job]) -> list[bytes]:
        """The images of ``jobs``, in order; ``RenderError`` with the reason on any failure."""
        if self._kaleido is None:
            raise RenderError(Message("rnd_not_started"))
        for job in jobs:
            job.opts()
        timeout = self.figure_timeout * max(len(jobs), 1)
        try:
            return self._call(self._render(jobs), timeout, "rnd_images_slow")
        except RenderError:
            raise
        except Exception as err:  # noqa: BLE001 (kaleido/choreographer errors, JS errors)
            raise RenderError(Message("rnd_failed", error=str(err))) from err


def render_once(static_dir: Path, jobs: list[Job]) -> list[bytes]:
    """Start a browser, render ``jobs``, close it."""
    with Renderer(static_dir) as renderer:
        return renderer.render(jobs)
