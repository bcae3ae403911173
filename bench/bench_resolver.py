"""Region-name resolver: time to build it and per-name resolution time (on demand; never asserted).

Run: .venv/bin/python -m bench.bench_resolver  (needs `make build` for the region tables)
"""

from __future__ import annotations

import statistics
import time

from kkpham.boundaries import load_provinces, load_regions
from kkpham.model.resolver import Resolver, load_aliases
from kkpham.settings import get_settings

NAMES = [("Kab. Buton Selatan", "Sultra"), ("Kota Bau-Bau", None), ("Mimika", "Papua")]


def main(rounds: int = 5, calls: int = 1000) -> None:
    settings = get_settings()
    builds, per_name = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        resolver = Resolver(load_regions(settings), load_provinces(settings), load_aliases())
        builds.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _ in range(calls):
            for name, province in NAMES:
                resolver.resolve(name, province=province)
        per_name.append((time.perf_counter() - start) / (calls * len(NAMES)))
    print(f"build: median {statistics.median(builds) * 1e3:.1f} ms (min {min(builds) * 1e3:.1f})")
    print(f"resolve: median {statistics.median(per_name) * 1e6:.1f} µs per name")


if __name__ == "__main__":
    main()
