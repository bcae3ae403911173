"""The boundary build: manifest -> verified cache -> parsed rows -> cleaned coverage -> outputs.

Everything is computed in memory, then written to staging folders and moved into place, with
``build_info.json`` last, so a failed build leaves the previous outputs as they were.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import shapely

from kkpham.boundaries import geometry as geo
from kkpham.boundaries.errors import BoundaryError
from kkpham.boundaries.fetch import fetch_all
from kkpham.boundaries.geojson import feature_collection
from kkpham.boundaries.manifest import MANIFEST, ManifestEntry, manifest_sha256, read_manifest
from kkpham.boundaries.sqlparse import Row, parse_rows, province_of
from kkpham.settings import Settings

log = logging.getLogger(__name__)

CODE_VERSION = "1"  # bump when the output changes for the same manifest and parameters
EXPECTED_KABKOTA = 514
EXPECTED_PROVINCES = 38
# Indonesia with margin: catches a lat/lng swap or a stray point.
LON_RANGE, LAT_RANGE = (94.0, 142.0), (-12.0, 7.0)
GAP_WIDTH_DEG = 0.3  # widest interior gap merged into a neighbour (Papua's largest are ~0.2°)
MERGE_STRATEGY = "longest_border"
FULL_DECIMALS = 6  # ~0.1 m
FINE = geo.Level(min_island_km2=0.1, keep_area_fraction=0.9, tolerance_deg=0.003, decimals=4)
COARSE = geo.Level(min_island_km2=2.0, keep_area_fraction=0.9, tolerance_deg=0.025, decimals=3)
PARAMS: dict[str, Any] = {
    "make_valid": "structure",
    "gap_width_deg": GAP_WIDTH_DEG,
    "merge_strategy": MERGE_STRATEGY,
    "full_decimals": FULL_DECIMALS,
    "fine": vars(FINE),
    "coarse": vars(COARSE),
    "area_crs": geo.AREA_CRS,
    "expected": [EXPECTED_KABKOTA, EXPECTED_PROVINCES],
}

BUILD_INFO = "build_info.json"
BUILD_FILES = (
    "kabkota.geojson",
    "kabkota_national.geojson",
    "provinsi.geojson",
    "regions.csv",
    "provinces.csv",
)
REGION_COLUMNS = ["code", "name", "kind", "province_code", "province_name", "area_km2"]
MISSING_BUILD = "boundary build missing ({}): run `python -m kkpham build`"
_BUILD_ID = re.compile(r"^[0-9a-f]{12}$")


def expected_build_id(manifest_hash: str) -> str:
    blob = json.dumps(
        {"manifest": manifest_hash, "params": PARAMS, "code": CODE_VERSION}, sort_keys=True
    )
    return hashlib.sha256(blob.encode()).hexdigest()[:12]


def geo_dir(settings: Settings, build_id: str) -> Path:
    return settings.static_dir / "geo" / build_id


def build_boundaries(settings: Settings, manifest: Path = MANIFEST) -> dict:
    """Build (or reuse) every boundary output; returns build_info. Raises BoundaryError."""
    settings.build_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(settings.build_dir / ".lock"):
        manifest_hash = manifest_sha256(manifest) if manifest.exists() else ""
        current = _current_info(settings, manifest_hash)
        if current is not None:
            log.info("boundaries up to date (build %s)", current["build_id"])
            return current
        return _build(settings, manifest, manifest_hash)


def load_regions(settings: Settings) -> pd.DataFrame:
    """The 514 kab/kota: code, name, kind, province_code, province_name, area_km2."""
    path = _built_file(settings, "regions.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["area_km2"] = frame["area_km2"].astype(float)
    return frame[REGION_COLUMNS]


def load_provinces(settings: Settings) -> pd.DataFrame:
    """The 38 provinces: code, name."""
    return pd.read_csv(_built_file(settings, "provinces.csv"), dtype=str, keep_default_na=False)


def _built_file(settings: Settings, name: str) -> Path:
    path = settings.build_dir / name
    if not path.exists():
        raise FileNotFoundError(MISSING_BUILD.format(path))
    return path


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """One boundary build at a time per build dir (parallel test workers, CLI, app start-up)."""
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _current_info(settings: Settings, manifest_hash: str) -> dict | None:
    """The existing build_info when it matches the inputs and every output is intact."""
    path = settings.build_dir / BUILD_INFO
    try:
        info = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if (
        not info.get("sha256")
        or info.get("source_manifest_sha256") != manifest_hash
        or info.get("build_id") != expected_build_id(manifest_hash)
    ):
        return None
    for name, digest in info.get("sha256", {}).items():
        target = _output_path(settings, name)
        if not target.is_file() or _sha256(target) != digest:
            log.info("boundary output %s missing or changed: rebuilding", target)
            return None
    return info


def _output_path(settings: Settings, name: str) -> Path:
    """build_info keys: build-dir file names, or ``geo/<build_id>/<file>`` under static_dir."""
    return settings.static_dir / name if name.startswith("geo/") else settings.build_dir / name


def _build(settings: Settings, manifest: Path, manifest_hash: str) -> dict:
    started = time.perf_counter()
    entries = read_manifest(manifest)
    paths = fetch_all(entries, settings)
    log.info("%d upstream files verified (%.1fs)", len(paths), time.perf_counter() - started)
    rows, provinces = _read_sources(entries, paths)
    codes = np.array([r.code for r in rows])
    full = _full_coverage(np.array([r.geometry for r in rows], dtype=object), codes)
    log.info("cleaned coverage (%.1fs)", time.perf_counter() - started)
    fine = geo.simplify_level(full, codes, FINE, "fine level")
    coarse = geo.simplify_level(full, codes, COARSE, "coarse level")
    prov_codes, prov_geoms = geo.dissolve(coarse, np.array([c[:2] for c in codes]))
    geo.checked(prov_geoms, prov_codes, "provinces")
    log.info("simplified both levels (%.1fs)", time.perf_counter() - started)

    regions = _region_table(rows, provinces, geo.areas_km2(full))
    province_table = pd.DataFrame({"code": prov_codes, "name": [provinces[c] for c in prov_codes]})
    build_id = expected_build_id(manifest_hash)
    build_files, static_files = _render(regions, province_table, fine, coarse, prov_geoms)
    counts = {"kabkota": len(regions), "provinsi": len(province_table)}
    info = _write(settings, build_id, manifest_hash, counts, build_files, static_files)
    log.info("boundary build %s written (%.1fs)", build_id, time.perf_counter() - started)
    return info


def _read_sources(entries: list[ManifestEntry], paths: list[Path]) -> tuple[list[Row], dict]:
    """Rows by code (restricted files replace the codes they supply) and province names."""
    by_code: dict[str, tuple[Row, str]] = {}
    overrides: list[tuple[Row, str]] = []
    provinces: dict[str, str] = {}
    for entry, path in zip(entries, paths, strict=True):
        text = path.read_text(encoding="utf-8")
        rows = parse_rows(text, entry.label)
        if entry.only_codes:
            wanted = {r.code: r for r in rows}
            for code in entry.only_codes:
                if code not in wanted:
                    raise BoundaryError(f"{entry.label}: role {entry.role} but no row {code}")
                overrides.append((wanted[code], entry.label))
            continue
        prov_code, prov_name = province_of(text, entry.label)
        provinces[prov_code] = prov_name
        for row in rows:
            _check_row(row, prov_code, entry.label)
            if row.code in by_code:
                raise BoundaryError(f"{entry.label}: {row.code} also in {by_code[row.code][1]}")
            by_code[row.code] = (row, entry.label)
    for row, label in overrides:
        if row.code not in by_code:
            raise BoundaryError(f"{label}: replaces {row.code}, which no kabkota file supplies")
        _check_row(row, row.code[:2], label)
        by_code[row.code] = (row, label)
    if len(by_code) != EXPECTED_KABKOTA or len(provinces) != EXPECTED_PROVINCES:
        raise BoundaryError(
            f"expected {EXPECTED_KABKOTA} kab/kota in {EXPECTED_PROVINCES} "
            f"provinces, got {len(by_code)} in {len(provinces)}"
        )
    return [by_code[c][0] for c in sorted(by_code)], provinces


def _check_row(row: Row, province_code: str, label: str) -> None:
    if not re.fullmatch(rf"{province_code}\.\d\d", row.code):
        raise BoundaryError(f"{label}: code {row.code!r} is not NN.NN in province {province_code}")
    if not re.fullmatch(r"(Kabupaten|Kota) \S.*", row.name):
        raise BoundaryError(f"{label}: {row.code} name {row.name!r} lacks Kabupaten/Kota")
    xmin, ymin, xmax, ymax = shapely.bounds(row.geometry)
    if not (
        LON_RANGE[0] <= xmin <= xmax <= LON_RANGE[1]
        and LAT_RANGE[0] <= ymin <= ymax <= LAT_RANGE[1]
    ):
        raise BoundaryError(
            f"{label}: {row.code} lies outside Indonesia "
            f"(bounds {xmin:.2f},{ymin:.2f},{xmax:.2f},{ymax:.2f})"
        )


def _full_coverage(geoms: np.ndarray, codes: np.ndarray) -> np.ndarray:
    repaired = geo.repair(geoms, codes)
    cleaned = geo.clean(repaired, codes, GAP_WIDTH_DEG, MERGE_STRATEGY)
    return geo.checked(geo.snap(cleaned, codes, FULL_DECIMALS, "full level"), codes, "full level")


def _region_table(rows: list[Row], provinces: dict[str, str], area: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": [r.code for r in rows],
            "name": [r.name for r in rows],
            "kind": [r.name.split(" ", 1)[0] for r in rows],
            "province_code": [r.code[:2] for r in rows],
            "province_name": [provinces[r.code[:2]] for r in rows],
            "area_km2": np.round(area, 3),
        }
    )


def _render(
    regions: pd.DataFrame,
    provinces: pd.DataFrame,
    fine: np.ndarray,
    coarse: np.ndarray,
    prov_geoms: np.ndarray,
) -> tuple[dict, dict]:
    """(build-dir files, static geo files) as bytes."""
    kab_props = regions[["code", "name", "province_code"]].to_dict("records")
    prov_props = provinces[["code", "name"]].to_dict("records")
    prov_json = feature_collection(prov_props, prov_geoms, COARSE.decimals)
    kab_national = feature_collection(kab_props, coarse, COARSE.decimals)
    build_files = {
        "kabkota.geojson": feature_collection(kab_props, fine, FINE.decimals),
        "kabkota_national.geojson": kab_national,
        "provinsi.geojson": prov_json,
        "regions.csv": regions.to_csv(index=False, lineterminator="\n").encode(),
        "provinces.csv": provinces.to_csv(index=False, lineterminator="\n").encode(),
    }
    static_files = {"kab_national.json": kab_national, "prov_national.json": prov_json}
    in_province = regions["province_code"].to_numpy()
    for code in provinces["code"]:
        mask = in_province == code
        props = [p for p, m in zip(kab_props, mask, strict=True) if m]
        static_files[f"kab_{code}.json"] = feature_collection(props, fine[mask], FINE.decimals)
    return build_files, static_files


def _write(
    settings: Settings,
    build_id: str,
    manifest_hash: str,
    counts: dict[str, int],
    build_files: dict,
    static_files: dict,
) -> dict:
    """Stage everything, move it into place (build_info last), then drop stale geo folders."""
    geo_root = settings.static_dir / "geo"
    geo_root.mkdir(parents=True, exist_ok=True)
    stage_geo = geo_root / f".staging-{build_id}-{os.getpid()}"
    stage_build = settings.build_dir / f".staging-{os.getpid()}"
    info = {
        "build_id": build_id,
        "feature_counts": counts,
        "sha256": {name: hashlib.sha256(data).hexdigest() for name, data in build_files.items()}
        | {
            f"geo/{build_id}/{name}": hashlib.sha256(data).hexdigest()
            for name, data in sorted(static_files.items())
        },
        "source_manifest_sha256": manifest_hash,
    }
    try:
        for folder, files in ((stage_geo, static_files), (stage_build, build_files)):
            folder.mkdir()
            for name, data in files.items():
                (folder / name).write_bytes(data)
        (stage_build / BUILD_INFO).write_text(json.dumps(info, indent=1) + "\n")
        target = geo_dir(settings, build_id)
        if target.exists():
            shutil.rmtree(target)
        os.replace(stage_geo, target)
        for name in [*build_files, BUILD_INFO]:
            os.replace(stage_build / name, settings.build_dir / name)
    finally:
        shutil.rmtree(stage_geo, ignore_errors=True)
        shutil.rmtree(stage_build, ignore_errors=True)
    for old in geo_root.iterdir():
        if (
            old.is_dir()
            and old.name != build_id
            and (_BUILD_ID.match(old.name) or old.name.startswith(".staging-"))
        ):
            shutil.rmtree(old, ignore_errors=True)
    return info
