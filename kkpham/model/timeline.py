"""Statuses over the data years: the kab/kota × year panel, streaks, share-Peduli series.

Everything here is pure pandas over the status panel (``kkpham.model.panel``, the table the map
frame is a filter of), so the grid, the league table and the profile show exactly what the map
shows.

Streak rules: ``kkpham.model.panel`` (each panel row carries its region's runs as of its year).
"""

from __future__ import annotations

import pandas as pd

from kkpham.model import panel as status_table
from kkpham.model.completeness import counts_awards
from kkpham.store import Store

ASSESSED = status_table.ASSESSED  # a published outcome (defined with the streak rules)
NO_OUTCOME = ("tidak_melapor", "tidak_diketahui", "belum_diumumkan", "belum_terbentuk")
YEAR_MODES = ("data", "award")

PANEL_COLUMNS = ["data_year", "award_year", "regime", "held"]


def status_panel(store: Store, province_code: str | None = None) -> pd.DataFrame:
    """One row per (kab/kota, cycle data year): the map frame columns plus the cycle's
    ``data_year, award_year, regime, held`` and the panel's streak fields; sorted by code, year.
    A 2020-style year has every row ``tidak_dilaksanakan``.
    """
    panel = status_table.read(store, province_code=province_code)
    if panel.empty and store.cycles().empty:
        raise ValueError("the store has no cycles: run `python -m kkpham build`")
    return panel


def held_years(cycles: pd.DataFrame) -> list[int]:
    return [int(y) for y in cycles.loc[cycles["held"].astype(bool), "data_year"]]


def previous_held_year(cycles: pd.DataFrame, data_year: int) -> int | None:
    """The held cycle before ``data_year`` (2021 -> 2019, skipping the 2020 gap)."""
    earlier = [y for y in held_years(cycles) if y < data_year]
    return earlier[-1] if earlier else None


def regime_of(cycles: pd.DataFrame, data_year: int) -> str | None:
    row = cycles.loc[cycles["data_year"] == data_year]
    if row.empty:
        raise ValueError(f"tahun data {data_year} tidak ada dalam tabel siklus")
    regime = row["regime"].iloc[0]
    return regime if isinstance(regime, str) else None


def regime_starts(cycles: pd.DataFrame) -> list[tuple[int, str, str]]:
    """(first data year, regime, regulation) of every criteria regime after the first one."""
    held = cycles[cycles["held"].astype(bool)].sort_values("data_year")
    out: list[tuple[int, str, str]] = []
    previous = None
    for row in held.itertuples(index=False):
        if previous is not None and row.regime != previous:
            out.append((int(row.data_year), str(row.regime), str(row.regulation)))
        previous = row.regime
    return out


def year_labels(cycles: pd.DataFrame, mode: str = "data") -> dict[int, str]:
    """data year -> the label shown on an axis: the data year, or its award year ("—" if none)."""
    if mode not in YEAR_MODES:
        raise ValueError(f"year mode {mode!r} is not one of {YEAR_MODES}")
    if mode == "data":
        return {int(y): str(int(y)) for y in cycles["data_year"]}
    return {
        int(r.data_year): "—" if pd.isna(r.award_year) else str(int(r.award_year))
        for r in cycles.itertuples(index=False)
    }


def named_year(labels: dict[int, str], data_year: object) -> str:
    """``data_year`` as ``year_labels`` names it ("—" for none; a year it lacks as itself)."""
    if data_year is None or pd.isna(data_year):
        return "—"
    return labels.get(int(data_year), str(int(data_year)))


def streaks(panel: pd.DataFrame, as_of: int | None = None) -> pd.DataFrame:
    """Per kab/kota (sorted by code): its runs as of ``as_of`` (default: the last held year),
    the panel's STREAK_COLUMNS at that year (the streak rules: ``kkpham.model.panel``). The runs
    are the panel's, over the region's whole history up to ``as_of``, even when ``panel`` is a
    filter of fewer years. Empty (same columns and types) when ``as_of`` is not a year of the
    panel or no year up to it was held."""
    held = panel.loc[panel["held"], "data_year"]
    if as_of is None and len(held):
        as_of = int(held.max())
    columns = ["code", *status_table.STREAK_COLUMNS]
    if as_of is None or not (held <= as_of).any():
        return panel.iloc[:0][columns].reset_index(drop=True)
    at = panel[panel["data_year"] == as_of].sort_values("code")
    return at[columns].reset_index(drop=True)


def share_series(panel: pd.DataFrame, per_province: bool = True) -> pd.DataFrame:
    """Per (province or the country, data year): counts by outcome and the share Peduli.

    ``total`` excludes regions not yet formed. ``share`` = Peduli / total is what our rows confirm
    (a lower bound while regions are unknown); ``share_max`` counts every unknown region as if it
    were Peduli (the upper bound). Both are NaN for a year not held, and when no kab/kota has any
    row that year. The national rows have
    ``province_code`` "" and ``province_name`` "Indonesia".
    """
    p = panel.assign(
        formed=panel["status"] != "belum_terbentuk",
        peduli=panel["status"] == "peduli",
        cukup=panel["status"] == "cukup",
        assessed=panel["status"].isin(ASSESSED),
        no_report=panel["status"] == "tidak_melapor",
        unknown=panel["status"].isin(("tidak_diketahui", "belum_diumumkan")),
    )
    if not per_province:
        p = p.assign(province_code="", province_name="Indonesia")
    keys = ["province_code", "province_name", "data_year", "award_year", "regime", "held"]
    g = p.groupby(keys, dropna=False, sort=True)[
        ["formed", "peduli", "cukup", "assessed", "no_report", "unknown"]
    ].sum()
    g = g.rename(columns={"formed": "total"}).reset_index()
    g["award_year"] = g["award_year"].astype("Int64")
    held = g["held"].astype(bool)
    total = g["total"].where(g["total"] > 0)
    # no row at all for the year: no confirmed share (a 0% would read as "all lost")
    known = (g["assessed"] + g["no_report"]) > 0
    g["share"] = (g["peduli"] / total).where(held & known)
    # and no upper bound either: "up to 100%" of a year without results (not yet published,
    # or under rules whose outcomes are not public) says nothing but reads like a result
    g["share_max"] = ((g["peduli"] + g["unknown"]) / total).where(held & known)
    return g


def reported_beside_ours(series: pd.DataFrame, reported: pd.DataFrame) -> pd.DataFrame:
    """Each source's "N of M kab/kota received it" row next to the counts our rows support, for
    ONE scope (a province, or the country: ``series`` and ``reported`` of that scope).

    ``reported`` has the columns of ``Store.reported_counts``. Sources count awards, which under
    Permenkumham 34/2016 included "Cukup Peduli HAM"; so ``ours_awarded`` (Peduli + Cukup) is
    shown as well as ``ours_peduli``. ``gap`` = reported − ours_peduli: regions our rows miss (or,
    when negative, a source that undercounts). ``reported_share`` is the count over the scope's
    kab/kota (``ours_total``; a source's own total may count participants, 259 of 439), and
    ``on_share_chart`` says whether the count belongs beside a Peduli share at all (awards or
    Peduli; not Cukup alone, not regions invited).
    """
    if series["province_code"].nunique() > 1:
        raise ValueError("reported_beside_ours compares one scope at a time")
    ours = series[["data_year", "peduli", "cukup", "total", "unknown"]]
    out = reported.merge(ours, on="data_year", how="left")
    out = out.rename(
        columns={"peduli": "ours_peduli", "total": "ours_total", "unknown": "ours_unknown"}
    )
    out["ours_awarded"] = out["ours_peduli"] + out.pop("cukup")
    denominator = out["ours_total"].astype("Float64").fillna(out["total_regions"])
    out["reported_share"] = (out["awarded_count"] / denominator).astype(float)
    out["gap"] = out["awarded_count"] - out["ours_peduli"]
    out["on_share_chart"] = out["evidence"].map(counts_awards).astype(bool)
    return out
