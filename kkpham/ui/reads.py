"""Cached, short-lived read-only access to the store for the pages.

DuckDB allows one writer process XOR read-only readers, and the CLI must be able to import while the
app runs: every read opens the file read-only, reads, and closes. What the pages show is read once
per data version: the status panel (``kkpham.model.panel``, one row per kab/kota × data year) and
the
small reference tables; the map frame, the summary, the compare page's panels and the profile are
filters of them. The version comes from the store, re-read only when the file's stamp (mtime +
size of the db and its WAL) changes: a rebuild or import shows on the next rerun.

The panel and the reference tables are held once per process (``st.cache_resource``: no copy per
rerun) and shared by every session: treat them as read-only; the accessors return filtered copies.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import streamlit as st

from kkpham.model import mapdata
from kkpham.model import panel as status_table
from kkpham.settings import get_settings
from kkpham.store import Readers, Store
from kkpham.texts import Explained, Message
from kkpham.ui import state

OPEN_ATTEMPTS = 20  # ~2 s of retries while a writer holds the file lock


class StoreUnavailable(Explained, RuntimeError):
    """The store is missing, being written or without its map geometry; ``text(lang)`` says what
    to do in the page's language (``str()``: in Indonesian, for logs)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(Message(key, **values))


def _db_path() -> Path:
    return get_settings().db_path


def _stamp(path: Path) -> tuple[int, int, int, int]:
    try:
        db = path.stat()
    except FileNotFoundError:
        raise StoreUnavailable("store_missing", path=path) from None
    wal = Path(str(path) + ".wal")
    w = wal.stat() if wal.exists() else None
    return (db.st_mtime_ns, db.st_size, w.st_mtime_ns if w else 0, w.st_size if w else 0)


@st.cache_resource(show_spinner=False)
def _readers() -> Readers:
    """One in-memory DuckDB instance per server process that every read attaches the file into
    (a new instance per read cost ~40 ms of CPU, most of a cold status-panel read)."""
    return Readers()


@contextmanager
def open_store() -> Iterator[Store]:
    """Open read-only, retrying briefly while the importer or build holds the write lock."""
    path = _db_path()
    _stamp(path)
    last: Exception | None = None
    for _ in range(OPEN_ATTEMPTS):
        try:
            store = _readers().open(path)
            break
        except FileNotFoundError:
            raise StoreUnavailable("store_missing", path=path) from None
        except Exception as exc:  # duckdb's lock error; duckdb is imported by store.py only
            last = exc
            time.sleep(0.1)
    else:
        raise StoreUnavailable("store_busy", path=path, error=str(last))
    try:
        yield store
    finally:
        store.close()


@st.cache_data(show_spinner=False, max_entries=4)
def _version(path: str, stamp: tuple[int, int, int, int]) -> str:
    with open_store() as store:
        return store.data_version()


def data_version() -> str:
    """The cache key for everything read from the store (raises StoreUnavailable)."""
    path = _db_path()
    return _version(str(path), _stamp(path))


@st.cache_resource(show_spinner=False, max_entries=2)
def _panel(version: str) -> pd.DataFrame:
    """The national status panel of one data version (shared; never modified)."""
    with open_store() as store:
        return status_table.read(store)


@st.cache_resource(show_spinner=False, max_entries=2)
def _reference(version: str) -> dict:
    """Small tables every page needs (shared; never modified): cycles, provinces, regions,
    sources, the sources' own counts, the boundary build, the years with any claim."""
    with open_store() as store:
        reported = pd.concat(
            [store.reported_counts(), store.national_counts().assign(province_code="")],
            ignore_index=True,
        )
        ref = {
            "cycles": store.cycles(),
            "outcomes": store.regime_outcomes(),
            "provinces": store.provinces(),
            "regions": store.regions()[
                ["code", "name", "kind", "province_code", "province_name", "formed_year"]
            ],
            "sources": store.sources(),
            "reported": reported.assign(
                source_label=reported["source_url"].map(mapdata.source_label)
            ),
            "boundary_build": mapdata.boundary_build_id(store),
        }
    known = _panel(version)
    known = known.loc[known["n_claims"] > 0, ["province_code", "data_year"]]
    ref["years_with_claims"] = sorted(int(y) for y in known["data_year"].unique())
    ref["years_by_province"] = {
        str(p): sorted(int(y) for y in years.unique())
        for p, years in known["data_year"].groupby(known["province_code"])
    }
    return ref


def status_panel(province: str | None = None, year: int | None = None) -> pd.DataFrame:
    """Rows of the status panel (a copy): the country or one province, every year or one."""
    return status_table.select(_panel(data_version()), year, province)


def map_frame(province: str | None, year: int) -> pd.DataFrame:
    ref = reference()
    frame = mapdata.frame_of(status_panel(province, year))
    frame.attrs["status_labels"] = mapdata.labels_for(ref["cycles"], ref["outcomes"], year)
    return frame


def summary(province: str | None, year: int, frame: pd.DataFrame | None = None) -> dict:
    """The map's side panel for the view (``frame``: its map frame, when already read)."""
    ref = reference()
    if frame is None:
        frame = map_frame(province, year)
    cycles = ref["cycles"].set_index("data_year")
    held = bool(year in cycles.index and cycles.loc[year, "held"])
    public = bool(
        year not in cycles.index
        or "results_public" not in cycles.columns
        or cycles.loc[year, "results_public"]
    )
    rep = ref["reported"]
    rep = rep[(rep["province_code"] == (province or "")) & (rep["data_year"] == year)]
    return mapdata.summarise(frame, held, rep, public)


def reference() -> dict:
    return _reference(data_version())


def page_reference(lang: str) -> dict:
    """What every page starts from: the reference tables, with the data build recorded in the
    URL (``versi``). A missing store stops the page with how to build it, never a traceback."""
    try:
        ref = reference()
        state.version_param(data_version(), lang)
    except StoreUnavailable as exc:
        st.error(exc.text(lang))
        st.stop()
    return ref


def default_year(province: str | None = None) -> int:
    """The latest held data year with any result in the view (the country or one province), else
    the latest held one: a province should not open on a year nobody has reported for it."""
    ref = reference()
    held = ref["cycles"].loc[ref["cycles"]["held"], "data_year"].astype(int).tolist()
    known = ref["years_by_province"].get(province, []) if province else ref["years_with_claims"]
    with_data = [y for y in held if y in set(known)]
    return max(with_data or held)


def latest_year(province: str | None = None) -> int | None:
    """The latest held data year with any result for the place, or None when it has none."""
    ref = reference()
    held = ref["cycles"].loc[ref["cycles"]["held"], "data_year"].astype(int).tolist()
    known = ref["years_by_province"].get(province, []) if province else ref["years_with_claims"]
    with_data = [y for y in held if y in set(known)]
    return max(with_data) if with_data else None


def geometry(province: str | None) -> tuple[str, str | None]:
    """(kab/kota GeoJSON URL, province-outline URL or None) for the view; checks they exist."""
    build = reference()["boundary_build"]
    url = mapdata.geometry_url(build, province)
    outline = None if province else f"/app/static/geo/{build}/prov_national.json"
    static = get_settings().static_dir
    for u in (url, outline):
        if u and not (static / u.removeprefix("/app/static/")).exists():
            raise StoreUnavailable("geometry_missing", url=u, build=build)
    return url, outline


@st.cache_data(max_entries=64, show_spinner=False)
def _bounds(path: str, skip: tuple[str, ...]) -> tuple[float, float, float, float] | None:
    """(lon_min, lon_max, lat_min, lat_max) over the features of a GeoJSON file, but ``skip``."""
    import json

    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    lons: list[float] = []
    lats: list[float] = []

    def walk(coords: object) -> None:
        if isinstance(coords, list) and coords and isinstance(coords[0], (int, float)):
            lons.append(float(coords[0]))
            lats.append(float(coords[1]))
        elif isinstance(coords, list):
            for c in coords:
                walk(c)

    for feature in features:
        if feature.get("properties", {}).get("code") not in skip:
            walk(feature["geometry"]["coordinates"])
    return (min(lons), max(lons), min(lats), max(lats)) if lons else None


def bounds(province: str | None, skip: tuple[str, ...] = ()) -> tuple[float, ...] | None:
    """The frame a map of the view should fit: its kab/kota without ``skip`` (far islands)."""
    url, _ = geometry(province)
    path = get_settings().static_dir / url.removeprefix("/app/static/")
    return _bounds(str(path), tuple(sorted(skip)))
