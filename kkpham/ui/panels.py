"""Cached reads for the compare page, the profile and the map comparison (keyed on data version).

Reads go through ``kkpham.ui.data.open_store`` (read-only, opened and closed per read); caches are
keyed on (province, version) so a rebuild or import invalidates them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham import league, timeline
from kkpham.mapdata import source_label
from kkpham.ui import data


@st.cache_data(show_spinner=False, max_entries=48)
def _panel(province: str | None, version: str) -> pd.DataFrame:
    with data.open_store() as store:
        return timeline.status_panel(store, province)


@st.cache_data(show_spinner=False, max_entries=4)
def _series(version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per-province series, national series) from the national panel."""
    panel = _panel(None, version)
    return timeline.share_series(panel), timeline.share_series(panel, per_province=False)


@st.cache_data(show_spinner=False, max_entries=8)
def _reported(version: str) -> pd.DataFrame:
    """Provincial and national counts; national rows get province_code "" like share_series."""
    with data.open_store() as store:
        rep = pd.concat([store.reported_counts(), store.national_counts().assign(province_code="")])
    return rep.assign(source_label=rep["source_url"].map(source_label))


@st.cache_data(show_spinner=False, max_entries=64)
def _claims(code: str, version: str) -> pd.DataFrame:
    with data.open_store() as store:
        return store.claims(region_code=code)


@st.cache_data(show_spinner=False, max_entries=4)
def _regions(version: str) -> pd.DataFrame:
    with data.open_store() as store:
        return store.regions()[["code", "name", "kind", "province_code", "province_name",
                                "formed_year"]]  # fmt: skip


def panel(province: str | None) -> pd.DataFrame:
    return _panel(province, data.data_version())


def series() -> tuple[pd.DataFrame, pd.DataFrame]:
    return _series(data.data_version())


def regions() -> pd.DataFrame:
    return _regions(data.data_version())


def reported_beside(series_rows: pd.DataFrame, province: str | None) -> pd.DataFrame:
    rep = _reported(data.data_version())
    return timeline.reported_beside_ours(series_rows, rep[rep["province_code"] == (province or "")])


def claims(code: str) -> pd.DataFrame:
    return _claims(code, data.data_version())


def held_year_options(cycles: pd.DataFrame) -> list[str]:
    return [str(y) for y in timeline.held_years(cycles)]


def league_table(year: int, cycles: pd.DataFrame, lang: str) -> pd.DataFrame:
    per_province, _ = series()
    return league.league_table(per_province, year, cycles, lang)
