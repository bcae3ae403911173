"""Reads for the compare page, the profile and the map comparison: filters of the status panel
(``kkpham.ui.reads``, read once per data version) and the per-province series derived from it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.model import league, timeline
from kkpham.model.region_facts import province_formed_years
from kkpham.ui import reads, view_cache


@st.cache_resource(show_spinner=False, max_entries=2)
def _series(version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per-province series, national series) from the national panel (shared; read-only)."""
    panel = reads.status_panel()
    return timeline.share_series(panel), timeline.share_series(panel, per_province=False)


@st.cache_data(show_spinner=False, max_entries=64)
def _claims(code: str, version: str) -> pd.DataFrame:
    with reads.open_store() as store:
        return store.claims(region_code=code)


@st.cache_resource(show_spinner=False, max_entries=16)
def _league(year: int, lang: str, version: str) -> pd.DataFrame:
    per_province, _ = _series(version)
    ref = reads.reference()
    formed = province_formed_years(ref["regions"])
    return league.league_table(per_province, year, ref["cycles"], lang, formed=formed)


def panel(province: str | None) -> pd.DataFrame:
    return reads.status_panel(province)


def series() -> tuple[pd.DataFrame, pd.DataFrame]:
    return _series(reads.data_version())


def regions() -> pd.DataFrame:
    return reads.reference()["regions"]


def reported_beside(series_rows: pd.DataFrame, province: str | None) -> pd.DataFrame:
    """What the sources report beside our counts, for ``series_rows`` (the page's share series of
    ``province``, or the national one): built once per province and data version."""

    def build() -> pd.DataFrame:
        rep = reads.reference()["reported"]
        return timeline.reported_beside_ours(
            series_rows, rep[rep["province_code"] == (province or "")]
        )

    return view_cache.once(("reported_beside", province), build)


def claims(code: str) -> pd.DataFrame:
    return _claims(code, reads.data_version())


def held_year_options(cycles: pd.DataFrame) -> list[str]:
    return [str(y) for y in timeline.held_years(cycles)]


def league_table(year: int, cycles: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The league table of the data year (``cycles``: the store's, as in ``reads.reference``)."""
    return _league(year, lang, reads.data_version()).copy()
