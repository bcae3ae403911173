"""Full-page screenshots of every page of a checkout, and a pixel comparison of two such sets.

On demand, not a test: run it before and after a change that must not change any figure or
behaviour (issue 8's re-layout), then compare the two sets.

    .venv/bin/python bench/page_screenshots.py capture --root CHECKOUT --out DIR [--store PATH]
    .venv/bin/python bench/page_screenshots.py compare DIR_A DIR_B [--out DIFFDIR]

``capture`` serves the app of CHECKOUT (its own code, static files and, unless ``--store`` names
another file, its own store) with headless Streamlit on 127.0.0.1 and a free port, and opens every
view in ``VIEWS`` in Debian Chromium, in Indonesian and English, at each size in ``SIZES``. Each
shot uses a fresh browser context (a new Streamlit session). It waits until the page is fully
drawn (no script running, every chart drawn, every table and image there, nothing changed for
``SETTLE_S``), then grows the window to the page's height (Streamlit scrolls inside its main
element, so a plain full-page screenshot would stop at the fold), waits again and writes
``DIR/<view>_<lang>_<w>x<h>.png``. ``DIR/manifest.json`` records per shot the URL opened, the URL
the app wrote back (its query parameters are behaviour too), the page height, the time to drawn
and any error shown. Animations, transitions, the caret, scrollbars and Streamlit's status widget
are switched off by injected CSS so that two captures of the same code match pixel for pixel.

``compare`` pixel-compares every file name present in both folders (Pillow ImageChops) and prints
one line each: identical, size differs, or the number of differing pixels with their bounding box
and the largest channel difference; it writes a diff image for each non-identical pair (the
second image greyed, changed pixels red, the bounding box outlined), lists files present in only
one folder and, when both folders have a manifest, the views whose written-back URL or errors
differ. It always exits 0: it is a report.
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import sys
import time
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qsl, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageChops, ImageDraw  # noqa: E402
from playwright.sync_api import Browser, Page, WebSocket, sync_playwright  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from bench import harness  # noqa: E402
from bench.harness import launch_chromium, serve  # noqa: E402

# The first page a fresh server serves, a deep link: kkpham.ui.router's case (Streamlit's v1
# multipage mode switched off, then a rerun through the router). Shot once, before the others.
FIRST = ("first_session", "/peta?provinsi=74&tahun=2022", "id", (1366, 768))
# view name -> path and query (Indonesian is the default; English adds lang=en)
VIEWS: dict[str, str] = {
    "home": "/",  # the hidden landing forwards to /peta with the query intact
    "map_latest": "/peta",
    "map_2022": "/peta?tahun=2022",
    "map_74_2022": "/peta?provinsi=74&tahun=2022",
    "map_2016": "/peta?tahun=2016",  # sources' national counts, each saying what it counted
    "map_2025": "/peta?tahun=2025",  # Permen HAM 15/2025: the new programme's name, no results
    "change_62_2019_2022": "/peta?provinsi=62&tampilan=banding&tahun=2022&tahun2=2019",
    "compare_national": "/bandingkan",
    "compare_74": "/bandingkan?provinsi=74&tahun=2022&tahun2=2019",
    "compare_74_award": "/bandingkan?provinsi=74&tahun=2022&tahun2=2019&jenis_tahun=penghargaan",
    "profile_empty": "/wilayah",
    "profile_74.71": "/wilayah?kode=74.71",
    "data": "/data",
    "sources": "/sumber",
    "present_national": "/peta?tampilan=presentasi",
    "present_74_2022": "/peta?tampilan=presentasi&provinsi=74&tahun=2022",
    "present_national_2024": "/peta?tampilan=presentasi&tahun=2024",  # results not published
}
LANGS = ("id", "en")
SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1920, 1080))
SETTLE_S = 1.5  # fully drawn: nothing changed for this long
TIMEOUT_S = 120.0  # per wait; a view that never settles is shot anyway and flagged
MAX_HEIGHT = 16000  # Chromium's largest texture is 16384 px
# One port for every capture: the map page prints the view's full link (host and port) as text.
PORT = 8599
# Same environment for every serve: the checkout's defaults, no login configured (the data page
# then shows the same notice in both runs), loopback only.
BLANK_ENV = (
    "KKPHAM_BUILD_DIR",
    "KKPHAM_CACHE_DIR",
    "KKPHAM_STATIC_DIR",
    "KKPHAM_BACKUP_DIR",
    "KKPHAM_BOUNDARIES_SRC",
    "KKPHAM_ADMIN_PASSWORD_HASH",
)

# Injected before any page script runs (and into component iframes): what could differ between
# two captures of the same code. The status widget is hidden, not removed: the wait reads it.
STILL_CSS = """
*, *::before, *::after { animation-duration: 0s !important; animation-delay: 0s !important;
  transition: none !important; caret-color: transparent !important; }
html, body, [data-testid="stMain"] { scrollbar-width: none !important; }
[data-testid="stStatusWidget"] { visibility: hidden !important; }
"""
INJECT = f"""(() => {{
  const add = () => {{
    const s = document.createElement('style');
    s.textContent = {json.dumps(STILL_CSS)};
    (document.head || document.documentElement).appendChild(s);
  }};
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', add);
  else add();
}})()"""

# The page's state: [ready, signature]. Ready: something drawn in the main area, no element
# stale from a rerun, every visible Plotly chart drawn (its SVG, its map polygons once the
# geometry is fetched, its WebGL canvas), every visible table's canvas, no skeleton, images and
# fonts loaded. The signature changes whenever anything on the page does (elements, sizes,
# polygons), so "unchanged for SETTLE_S" means drawn. Whether the script runs is read from the
# websocket (ScriptRuns): the status widget is not shown in every layout (presentation mode hides
# the header).
STATE = """() => {
  const q = (s, r = document) => Array.from(r.querySelectorAll(s));
  // what a collapsed expander or an unselected tab holds is not drawn until it is opened
  const shown = s => q(s).filter(e => e.getClientRects().length > 0
    && !e.closest('details:not([open])'));
  const main = document.querySelector('[data-testid="stMain"]');
  const running = q('[data-stale="true"]').length > 0;
  const charts = shown('[data-testid="stPlotlyChart"]');
  const plots = shown('.js-plotly-plot');
  const drawn = plots.filter(g => {
    if (!g._fullLayout || !g.querySelector('.main-svg')) return false;
    const types = (g._fullData || []).map(t => t.type);
    if (types.some(t => t === 'choropleth' || t === 'scattergeo')
        && !g.querySelector('.geo .bg, .geo path')) return false;
    if (types.includes('choropleth') && !g.querySelector('path.choroplethlocation')) return false;
    if (types.some(t => t.endsWith('gl') || t === 'scattermapbox' || t === 'choroplethmap')
        && !g.querySelector('canvas')) return false;
    return true;
  });
  const tables = shown('[data-testid="stDataFrame"]');
  const tablesDrawn = tables.filter(t => t.querySelector('canvas'));
  const skeletons = q('[data-testid="stSkeleton"]').length;
  const images = q('img');
  const loaded = images.filter(i => i.complete).length;
  const ready = !running && charts.length === plots.length && drawn.length === plots.length
    && tablesDrawn.length === tables.length && skeletons === 0 && loaded === images.length
    && document.fonts.status === 'loaded' && main !== null && main.innerText.trim() !== '';
  const polys = q('path.choroplethlocation').length;
  const sig = [running, charts.length, plots.length, drawn.length, tables.length,
    tablesDrawn.length, skeletons, loaded, polys, main ? main.scrollHeight : -1,
    main ? main.querySelectorAll('*').length : -1, document.body.innerText.length,
    location.href].join('|');
  return [ready, sig];
}"""
HEIGHT = """() => { const m = document.querySelector('[data-testid="stMain"]');
  return Math.max(m ? m.scrollHeight : 0, document.documentElement.scrollHeight); }"""
ERRORS = """() => Array.from(document.querySelectorAll(
  '[data-testid="stException"], [data-testid="stAlertContentError"]'))
  .map(e => e.innerText.slice(0, 300))"""


def view_url(path: str, lang: str) -> str:
    """``path`` in ``lang`` (Indonesian is the default: no parameter)."""
    if lang == "id":
        return path
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


class ScriptRuns:
    """Follows the app's websocket (Streamlit's ForwardMsg protobufs): is a script run going on,
    has one finished, when did the server last send anything."""

    def __init__(self, page: Page) -> None:
        self.running = False
        self.finished = False
        self.last_frame = time.monotonic()
        page.on("websocket", self._socket)

    def _socket(self, ws: WebSocket) -> None:
        if ws.url.endswith("/_stcore/stream"):
            ws.on("framereceived", self._frame)

    def _frame(self, payload: bytes | str) -> None:
        self.last_frame = time.monotonic()
        if isinstance(payload, str):
            return
        msg = ForwardMsg.FromString(payload)
        kind = msg.WhichOneof("type")
        if kind == "session_status_changed":
            self.running = msg.session_status_changed.script_is_running
        elif kind == "new_session":
            self.running = True
        elif kind == "script_finished":
            early = msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN
            self.finished = self.finished or not early

    def idle(self) -> bool:
        return self.finished and not self.running


def wait_drawn(page: Page, runs: ScriptRuns, timeout: float = TIMEOUT_S) -> tuple[bool, float]:
    """Poll the page until no script runs and it is ready and unchanged for SETTLE_S:
    (settled, seconds until the last change)."""
    t0 = time.monotonic()
    last, changed = None, t0
    while True:
        ready, sig = page.evaluate(STATE)
        ready = ready and runs.idle()
        now = time.monotonic()
        changed = max(changed, runs.last_frame)
        if sig != last or not ready:
            last, changed = sig, now
        elif now - changed >= SETTLE_S:
            return True, changed - t0
        if now - t0 > timeout:
            return False, now - t0
        page.wait_for_timeout(50)


def shoot(browser: Browser, url: str, size: tuple[int, int], out: Path) -> dict:
    """One full-page screenshot of ``url`` in a fresh context, once drawn; what happened."""
    width, height = size
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=1,
        locale="id-ID",
        timezone_id="Asia/Jakarta",
        reduced_motion="reduce",
    )
    context.add_init_script(INJECT)
    page = context.new_page()
    runs = ScriptRuns(page)
    t0 = time.monotonic()
    page.goto(url)
    loaded_s = time.monotonic() - t0
    settled, drawn_s = wait_drawn(page, runs)
    drawn_s += loaded_s  # from the navigation to the last change
    # Streamlit scrolls inside stMain: grow the window to the page until its height holds.
    # Presentation mode fits itself to the window and does not scroll: shoot the window.
    tall = height
    for _ in range(0 if "tampilan=presentasi" in url else 4):
        want = min(MAX_HEIGHT, max(height, page.evaluate(HEIGHT)))
        if want == tall:
            break
        tall = want
        page.set_viewport_size({"width": width, "height": tall})
        settled, _ = wait_drawn(page, runs)
    page.mouse.move(0, 0)  # nothing hovered
    page.screenshot(path=str(out), full_page=True, animations="disabled", caret="hide")
    record = {
        "url": url,
        "final_url": page.url,
        "settled": settled,
        "drawn_s": round(drawn_s, 2),
        "page_height": tall,
        "errors": page.evaluate(ERRORS),
    }
    context.close()
    return record


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server: TIME_WAIT is fine
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def capture(root: Path, out: Path, store: Path | None, views: list[str], port: int) -> None:
    root = root.resolve()
    store = (store or root / "data" / "kkpham.duckdb").resolve()
    for need, what in (
        (root / "dashboard.py", "an app checkout"),
        (store, "a built store"),
        (root / "static" / "geo", "built geometry (make build)"),
    ):
        if not need.exists():
            raise SystemExit(f"{need} is missing: --root must be {what}")
    if not _port_free(port):
        raise SystemExit(f"port {port} is taken: give another with --port (the same for both runs)")
    out.mkdir(parents=True, exist_ok=True)
    env = {name: "" for name in BLANK_ENV}
    env |= {
        "KKPHAM_DB": str(store),
        "PYTHONPATH": str(root),
        "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
    }
    manifest: dict[str, dict] = {}
    fixed_port = mock.patch.object(harness, "free_port", lambda: port)
    with (
        fixed_port,
        serve(env=env, cwd=root, log=out / "server.log") as base,
        sync_playwright() as p,
    ):
        browser = launch_chromium(p)
        first = FIRST[0], view_url(FIRST[1], FIRST[2]), FIRST[2], FIRST[3]
        shots = [
            (v, view_url(VIEWS[v], lang), lang, size)
            for v in views
            for lang in LANGS
            for size in SIZES
        ]
        for view, path, lang, size in [first, *shots]:
            name = f"{view}_{lang}_{size[0]}x{size[1]}.png"
            record = shoot(browser, base + path, size, out / name)
            record["url"] = path
            record["final_url"] = record["final_url"].removeprefix(base)
            manifest[name] = record
            flag = "" if record["settled"] else "  NOT SETTLED"
            flag += f"  ERRORS {record['errors']}" if record["errors"] else ""
            print(
                f"{name:44} {record['drawn_s']:6.1f} s  {record['page_height']:5} px{flag}",
                flush=True,
            )
        browser.close()
    meta = {
        "root": str(root),
        "store": str(store),
        "port": port,
        "sizes": SIZES,
        "settle_s": SETTLE_S,
        "shots": manifest,
    }
    (out / "manifest.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False))
    print(f"{len(manifest)} screenshots in {out}")


def _changed_mask(a: Image.Image, b: Image.Image) -> tuple[Image.Image, int, int]:
    """(mask of differing pixels, how many, largest channel difference); same-size RGB images."""
    diff = ImageChops.difference(a, b)
    r, g, bl = diff.split()
    most = ImageChops.lighter(ImageChops.lighter(r, g), bl)
    mask = most.point(lambda v: 255 if v else 0)
    count = mask.histogram()[255]
    return mask, count, most.getextrema()[1]


def _on_canvas(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``img`` top-left on a magenta canvas of ``size`` (so a size change shows as a change)."""
    canvas = Image.new("RGB", size, (255, 0, 255))
    canvas.paste(img, (0, 0))
    return canvas


def diff_image(b: Image.Image, mask: Image.Image, bbox: tuple[int, int, int, int]) -> Image.Image:
    """The second image faded to grey, changed pixels red, the changed area outlined."""
    faded = Image.blend(b.convert("L").convert("RGB"), Image.new("RGB", b.size, "white"), 0.6)
    faded.paste(Image.new("RGB", b.size, (230, 0, 0)), (0, 0), mask)
    x0, y0, x1, y1 = bbox
    ImageDraw.Draw(faded).rectangle((x0 - 3, y0 - 3, x1 + 2, y1 + 2), outline=(230, 0, 0), width=2)
    return faded


def compare(dir_a: Path, dir_b: Path, diff_dir: Path | None) -> int:
    """Print the comparison table; write diff images; always 0 (a report)."""
    names_a = {p.name for p in dir_a.glob("*.png")}
    names_b = {p.name for p in dir_b.glob("*.png")}
    diff_dir = diff_dir or dir_b.parent / f"diff_{dir_a.name}_{dir_b.name}"
    both = sorted(names_a & names_b)
    width = max([len(n) for n in both] + [4])
    print(f"{'file':{width}}  result")
    same = 0
    for name in both:
        a = Image.open(dir_a / name).convert("RGB")
        b = Image.open(dir_b / name).convert("RGB")
        note = ""
        if a.size != b.size:
            note = f"size differs {a.size[0]}x{a.size[1]} -> {b.size[0]}x{b.size[1]}; "
            size = (max(a.width, b.width), max(a.height, b.height))
            a, b = _on_canvas(a, size), _on_canvas(b, size)
        mask, count, most = _changed_mask(a, b)
        if count == 0:
            same += 1
            print(f"{name:{width}}  identical")
            continue
        bbox = mask.getbbox() or (0, 0, a.width, a.height)
        x0, y0, x1, y1 = bbox
        print(
            f"{name:{width}}  {note}{count} px differ in ({x0},{y0})-({x1},{y1}) "
            f"[{x1 - x0}x{y1 - y0}], max channel diff {most}"
        )
        diff_dir.mkdir(parents=True, exist_ok=True)
        diff_image(b, mask, bbox).save(diff_dir / name)
    print(
        f"{same} of {len(both)} identical"
        + (f"; diff images in {diff_dir}" if same < len(both) else "")
    )
    for label, only in ((dir_a, names_a - names_b), (dir_b, names_b - names_a)):
        for name in sorted(only):
            print(f"only in {label}: {name}")
    _compare_manifests(dir_a, dir_b)
    return 0


def _same_url(a: str, b: str) -> bool:
    """Same path and the same query parameters, in any order."""
    pa, pb = urlsplit(a), urlsplit(b)
    return pa.path == pb.path and sorted(parse_qsl(pa.query)) == sorted(parse_qsl(pb.query))


def _compare_manifests(dir_a: Path, dir_b: Path) -> None:
    """Views whose written-back URL (path and parameters, any order), errors or settling differ
    between the two captures."""
    paths = [d / "manifest.json" for d in (dir_a, dir_b)]
    if not all(p.exists() for p in paths):
        return
    shots_a, shots_b = (json.loads(p.read_text())["shots"] for p in paths)
    for name in sorted(set(shots_a) & set(shots_b)):
        a, b = shots_a[name], shots_b[name]
        if not _same_url(a.get("final_url", ""), b.get("final_url", "")):
            print(f"{name}: written-back URL {a.get('final_url')} -> {b.get('final_url')}")
        for field in ("errors", "settled"):
            if a.get(field) != b.get(field):
                print(f"{name}: {field} {a.get(field)!r} -> {b.get(field)!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    cap = sub.add_parser("capture", help="screenshot every view of a checkout")
    cap.add_argument("--root", type=Path, required=True, help="the checkout whose app is served")
    cap.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    cap.add_argument("--store", type=Path, help="store file (default: the checkout's own)")
    cap.add_argument(
        "--port",
        type=int,
        default=PORT,
        help=f"loopback port (default {PORT}; the map page shows it)",
    )
    cap.add_argument(
        "--views",
        nargs="+",
        choices=list(VIEWS),
        default=list(VIEWS),
        help="only these views (default: all)",
    )
    cmp = sub.add_parser("compare", help="pixel-compare two capture folders")
    cmp.add_argument("dir_a", type=Path)
    cmp.add_argument("dir_b", type=Path)
    cmp.add_argument("--out", type=Path, help="folder for diff images")
    args = parser.parse_args(argv)
    if args.command == "capture":
        # a SIGTERM unwinds like Ctrl-C, so the served app is stopped too
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        capture(args.root, args.out, args.store, args.views, args.port)
        return 0
    return compare(args.dir_a, args.dir_b, args.out)


if __name__ == "__main__":
    sys.exit(main())
