"""`python -m kkpham build`: boundaries, then a validated store, swapped in atomically.

The new store is written next to the old one and swapped in (flushed, old store backed up, renamed)
only when complete, through ``stewardship.swap_in`` like every other write, so a failed build never
leaves a half-written file; batches imported into the old store are carried over.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from kkpham.boundaries import build_boundaries, load_provinces, load_regions
from kkpham.boundaries.basemap import write_base_topojson
from kkpham.model import panel
from kkpham.model.region_facts import formation_table
from kkpham.regimes import outcome_problems, read_outcomes, read_regimes
from kkpham.settings import ROOT, Settings
from kkpham.store import BATCH_COLUMNS, SCHEMA_VERSION, Store
from kkpham.write.stewardship import swap_in, write_lock
from kkpham.write.validate import DataError, validate_results

log = logging.getLogger(__name__)

DATA = ROOT / "data"
RESULTS_FILE = DATA / "results.csv"
COUNTS_FILE = DATA / "reported_counts.csv"
CYCLES_FILE = DATA / "cycles.csv"
REFERENCE_ORIGIN = "data/results.csv"


def read_cycles(path: Path = CYCLES_FILE) -> pd.DataFrame:
    cycles = pd.read_csv(path, dtype={"decree_number": str, "decree_date": str, "award_date": str})
    cycles["award_year"] = cycles["award_year"].astype("Int64")
    cycles["held"] = cycles["held"].astype(bool)
    if "results_public" in cycles.columns:
        cycles["results_public"] = cycles["results_public"].astype(bool)
    return cycles


def read_results(path: Path = RESULTS_FILE) -> pd.DataFrame:
    frame = pd.read_csv(
        path,
        dtype={"region_code": str, "note": str},
        keep_default_na=False,
        na_values={"score": [""], "award_year": [""]},
    )
    frame["award_year"] = frame["award_year"].astype("Int64")
    frame["score"] = frame["score"].astype(float)
    frame["line"] = range(2, len(frame) + 2)
    return frame


def read_counts(path: Path = COUNTS_FILE) -> pd.DataFrame:
    """ "N of M" statements with a count, national or about today's province: what the store's
    reported_counts holds. Rows without a count and counts about a province before its split
    stay in the file (cited) but are not loaded."""
    frame = pd.read_csv(path, dtype={"province_code": str})
    for col in ("award_year", "awarded_count", "total_regions"):
        frame[col] = frame[col].astype("Int64")
    national = frame["scope"] == "nasional"
    comparable = national | ~frame["province_before_split"].astype(bool)
    return frame[comparable & frame["awarded_count"].notna()]


def region_table(settings: Settings) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(provinces, regions) from the boundary build, with formation years and old codes."""
    provinces = load_provinces(settings)
    regions = load_regions(settings).merge(formation_table(), on="code", how="left")
    for col in ("formed_year",):
        regions[col] = regions[col].astype("Int64")
    return provinces, regions


def _inputs_hash(boundary_build_id: str) -> str:
    rules = f"schema {SCHEMA_VERSION}; panel {panel.PANEL_RULES}; boundaries {boundary_build_id}"
    h = hashlib.sha256(rules.encode())
    for path in sorted(DATA.glob("*.csv")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:16]


def _carried_batches(db_path: Path) -> tuple[pd.DataFrame, pd.DataFrame, tuple]:
    """(audit entries, their live results, admin-added (cycles, regimes, outcomes)) of the
    existing store, to be carried over unchanged: imports, undone imports, restores and cycles
    added on the data page keep their ids, who/when and counts."""
    empty = (pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    if not db_path.exists():
        return pd.DataFrame(columns=BATCH_COLUMNS), pd.DataFrame(), empty
    with Store.open(db_path, read_only=True) as old:
        admin = old.admin_entries() if int(old.get_meta("schema_version") or 0) >= 4 else empty
        return old.audit_batches(REFERENCE_ORIGIN), old.batch_results(REFERENCE_ORIGIN), admin


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """One build at a time per build dir (parallel test workers, a user and CI)."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def build_store(settings: Settings, force: bool = False) -> dict:
    with _exclusive(settings.build_dir.parent / ".build.lock"):
        return _build_store(settings, force)


def _build_store(settings: Settings, force: bool) -> dict:
    info = build_boundaries(settings)
    write_base_topojson(settings.static_dir / "topojson")  # plotly.js asks for it; no CDN
    provinces, regions = region_table(settings)
    inputs = _inputs_hash(info["build_id"])
    db = settings.db_path
    if db.exists() and not force:
        with Store.open(db, read_only=True) as current:
            if current.get_meta("inputs_hash") == inputs:
                log.info("store %s is up to date (%s)", db, inputs)
                return {"db": str(db), "build_id": current.get_meta("build_id"), "skipped": True}

    return write_built_store(settings, info["build_id"], inputs, provinces, regions)


def write_built_store(
    settings: Settings,
    boundary_build_id: str,
    inputs: str,
    provinces: pd.DataFrame,
    regions: pd.DataFrame,
    cycles_file: Path = CYCLES_FILE,
    results_file: Path = RESULTS_FILE,
    counts_file: Path = COUNTS_FILE,
) -> dict:
    """Read and validate the data files, write a new store with them (and the batches imported
    into the current one) and swap it in. The build's store step; tests build their synthetic
    store through it too."""
    cycles = read_cycles(cycles_file)
    results = read_results(results_file)
    counts = read_counts(counts_file)
    regimes, outcomes = read_regimes(), read_outcomes()
    problems = validate_results(results, regions, cycles, outcomes)
    problems += outcome_problems(outcomes, regimes)
    unknown = set(cycles["regime"].dropna()) - set(regimes["regime"])
    if unknown:
        problems.append(f"{cycles_file.name}: rezim {sorted(unknown)} tidak ada di regimes.csv")
    if problems:
        raise DataError([f"{results_file.name} {p}" for p in problems])
    # The importer's lock: an import committed while we rebuild must be carried over, not lost.
    with write_lock(settings.db_path):
        return _write_store(
            settings,
            boundary_build_id,
            inputs,
            provinces,
            regions,
            cycles,
            results,
            counts,
            results_file,
            (regimes, outcomes),
        )


def _write_store(
    settings: Settings,
    boundary_build_id: str,
    inputs: str,
    provinces: pd.DataFrame,
    regions: pd.DataFrame,
    cycles: pd.DataFrame,
    results: pd.DataFrame,
    counts: pd.DataFrame,
    results_file: Path,
    regime_tables: tuple[pd.DataFrame, pd.DataFrame],
) -> dict:
    db = settings.db_path
    carried_batches, carried_results, admin = _carried_batches(db)
    cycles, regime_tables = _with_admin_entries(cycles, regime_tables, admin)

    db.parent.mkdir(parents=True, exist_ok=True)
    tmp = db.with_name(db.name + ".building")
    tmp.unlink(missing_ok=True)
    try:
        with Store.create(tmp) as store:
            store.load_geography(provinces, regions)
            store.load_regimes(*regime_tables)
            store.load_cycles(cycles)
            store.add_batch(
                results,
                origin=REFERENCE_ORIGIN,
                file_name=results_file.name,
                file_sha256=hashlib.sha256(results_file.read_bytes()).hexdigest(),
                who="build",
                reported_counts=counts,
            )
            store.carry_over(carried_batches, carried_results)
            build_id = hashlib.sha256(
                (inputs + json.dumps([len(carried_batches), len(carried_results)])).encode()
            ).hexdigest()[:12]
            store.set_meta("build_id", build_id)
            store.set_meta("inputs_hash", inputs)
            store.set_meta("boundary_build_id", boundary_build_id)
            panel.refresh(store)  # the derived status panel, versioned with the rows
            counts_now = store.counts()
            store.checkpoint()
        # the one fsynced swap every write uses (a rebuild backs up the old store first)
        swap_in(tmp, settings, "build")
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
    log.info("built %s: %s", db, counts_now)
    return {
        "db": str(db),
        "build_id": build_id,
        "skipped": False,
        "counts": counts_now,
        "carried_batches": len(carried_batches),
    }


def _with_admin_entries(
    cycles: pd.DataFrame, regime_tables: tuple[pd.DataFrame, pd.DataFrame], admin: tuple
) -> tuple[pd.DataFrame, tuple[pd.DataFrame, pd.DataFrame]]:
    """The data/ tables plus what admins added on the data page (kept with their batch ids).
    A year or regime that data/ now defines itself comes from data/: the maintainer's row wins."""
    admin_cycles, admin_regimes, admin_outcomes = admin
    regimes, outcomes = regime_tables
    if len(admin_regimes):
        new = admin_regimes[~admin_regimes["regime"].isin(regimes["regime"])]
        regimes = pd.concat([regimes, new], ignore_index=True)
    if len(admin_outcomes):  # names an admin entered, for a regime data/ names none for
        named = set(outcomes["regime"])
        keep = admin_outcomes["regime"].isin(regimes["regime"]) & ~admin_outcomes["regime"].isin(
            named
        )
        outcomes = pd.concat([outcomes, admin_outcomes[keep]], ignore_index=True)
    if len(admin_cycles):
        new = admin_cycles[~admin_cycles["data_year"].isin(cycles["data_year"])]
        cycles = pd.concat([cycles, new], ignore_index=True)
    return cycles, (regimes, outcomes)
