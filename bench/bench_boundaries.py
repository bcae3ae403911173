"""Cold boundary build into a temporary folder: wall time and output sizes.

Run (offline, from the mirror):
    KKPHAM_BOUNDARIES_SRC=../shared/boundaries/upstream .venv/bin/python bench/bench_boundaries.py
"""

from __future__ import annotations

import dataclasses
import json
import logging
import tempfile
import time
from pathlib import Path

from kkpham.boundaries import build_boundaries
from kkpham.settings import get_settings


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = dataclasses.replace(
            get_settings(),
            build_dir=root / "build",
            cache_dir=root / "cache",
            static_dir=root / "static",
        )
        started = time.perf_counter()
        info = build_boundaries(settings)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        build_boundaries(settings)
        noop = time.perf_counter() - started
        geo = settings.static_dir / "geo" / info["build_id"]
        sizes = {p.name: p.stat().st_size for p in sorted(geo.iterdir())}
        per_province = {k: v for k, v in sizes.items() if k[4:6].isdigit()}
        largest = max(per_province, key=per_province.__getitem__)
        print(
            json.dumps(
                {
                    "build_id": info["build_id"],
                    "cold_s": round(cold, 2),
                    "noop_s": round(noop, 4),
                    "kab_national_bytes": sizes["kab_national.json"],
                    "prov_national_bytes": sizes["prov_national.json"],
                    "largest_province_file": [largest, per_province[largest]],
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    main()
