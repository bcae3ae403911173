"""Screenshot the change map (Kalimantan Tengah, 2019 → 2022 by default) in Chromium and write it
again as seen with deuteranopia, protanopia and tritanopia (colorspacious, severity 100).

    .venv/bin/python -m bench.cvd_screenshot [--province 62] [--years 2019 2022] [--lang id]

Writes tests/artifacts/cvd/change_<PP>_<A>_<B>_<lang>{,_deuteranomaly,...}.png (git-ignored).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from colorspacious import cspace_convert
from PIL import Image
from playwright.sync_api import sync_playwright

from bench.harness import ROOT, launch_chromium, serve

OUT = ROOT / "tests" / "artifacts" / "cvd"
KINDS = ("deuteranomaly", "protanomaly", "tritanomaly")


def simulate_png(src: Path, kind: str) -> Path:
    rgb = np.asarray(Image.open(src).convert("RGB"), dtype=float) / 255
    seen = cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": kind, "severity": 100}, "sRGB1")
    dst = src.with_name(f"{src.stem}_{kind}.png")
    Image.fromarray((np.clip(seen, 0, 1) * 255).round().astype(np.uint8)).save(dst)
    return dst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--province", default="62")
    ap.add_argument("--years", nargs=2, type=int, default=[2019, 2022])
    ap.add_argument("--lang", default="id")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    a, b = args.years
    path = f"/peta?provinsi={args.province}&tampilan=banding&tahun={b}&tahun2={a}"
    path += "&lang=en" if args.lang == "en" else ""
    src = OUT / f"change_{args.province}_{a}_{b}_{args.lang}.png"
    with serve(log=OUT / "app.log") as url, sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(url + path)
        page.wait_for_function(
            "document.querySelectorAll('.js-plotly-plot').length >= 3 && [...document"
            ".querySelectorAll('.js-plotly-plot')].every(g => g.querySelector("
            "'path.choroplethlocation'))",
            timeout=120_000,
        )
        page.wait_for_load_state("networkidle")
        chart = page.locator(".js-plotly-plot").nth(2)
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(src))
        browser.close()
    for kind in KINDS:
        print(simulate_png(src, kind))
    print(src)


if __name__ == "__main__":
    main()
