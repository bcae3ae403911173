"""What the map, its summary and its table show for one data year: one row per kab/kota.

A filter of the status panel (``kkpham.model.panel``), where every stored status traces to a source
row
and the derived states (nothing known, cycle not held, region not yet formed) are computed once.
"""

from __future__ import annotations

import pandas as pd

from kkpham.model import panel
from kkpham.model.panel import MAP_COLUMNS as FRAME_COLUMNS
from kkpham.model.panel import source_label
from kkpham.store import Store

__all__ = ["FRAME_COLUMNS", "source_label", "map_frame", "province_summary", "summarise"]


def cycle_held(store: Store, data_year: int) -> bool:
    cycles = store.cycles().set_index("data_year")
    return bool(data_year in cycles.index and cycles.loc[data_year, "held"])


def cycle_public(store: Store, data_year: int) -> bool:
    """False for a held cycle whose results list is not public yet (2024, 2025)."""
    cycles = store.cycles().set_index("data_year")
    if data_year not in cycles.index or "results_public" not in cycles.columns:
        return True
    return bool(cycles.loc[data_year, "results_public"])


def map_frame(store: Store, data_year: int, province_code: str | None = None) -> pd.DataFrame:
    rows = panel.read(store, data_year, province_code)
    if rows.empty:  # a data year without a cycle: nothing was assessed
        rows = _not_a_cycle(store, data_year, province_code)
    out = frame_of(rows)
    out.attrs["status_labels"] = status_labels(store, data_year)
    return out


def frame_of(rows: pd.DataFrame) -> pd.DataFrame:
    """The map frame from the panel rows of one data year."""
    return rows[FRAME_COLUMNS].reset_index(drop=True)


def _not_a_cycle(store: Store, data_year: int, province_code: str | None) -> pd.DataFrame:
    cycle = pd.DataFrame(
        {
            "data_year": [data_year],
            "award_year": pd.array([None], dtype="Int64"),
            "regime": [None],
            "held": [False],
        }
    )
    regions = store.regions(province_code)
    claims = store.claims(data_year=data_year, province_code=province_code)
    return panel.derive(regions, cycle, claims)


def status_labels(store: Store, data_year: int) -> dict[str, dict[str, str]]:
    """``labels_for`` the data year, read from the store."""
    return labels_for(store.cycles(), store.regime_outcomes(), data_year)


def labels_for(
    cycles: pd.DataFrame, outcomes: pd.DataFrame, data_year: int
) -> dict[str, dict[str, str]]:
    """{"id": {status: label}, "en": {…}}: the own outcome names of the data year's regime
    (empty when the regime names none or is unknown); the legend and exports use them."""
    from kkpham.regimes import outcome_labels

    by_year = cycles.set_index("data_year")
    regime = by_year.loc[data_year, "regime"] if data_year in by_year.index else None
    if not isinstance(regime, str):
        return {"id": {}, "en": {}}
    return {lang: outcome_labels(outcomes, regime, lang) for lang in ("id", "en")}


def province_summary(
    store: Store,
    data_year: int,
    province_code: str | None = None,
    frame: pd.DataFrame | None = None,
) -> dict:
    """Counts for the map's side panel (one province, or the country when province_code is None);
    see ``summarise``."""
    if frame is None:
        frame = map_frame(store, data_year, province_code)
    reported = (
        store.reported_counts(data_year, province_code)
        if province_code
        else store.national_counts(data_year)
    )
    return summarise(frame, cycle_held(store, data_year), reported, cycle_public(store, data_year))


def summarise(frame: pd.DataFrame, held: bool, reported: pd.DataFrame, public: bool = True) -> dict:
    """Counts of one map frame, with the sources' own counts (``reported``, the columns of
    ``Store.reported_counts`` for the same year and scope).

    ``peduli_share`` divides by every formed kab/kota, so regions we know nothing about count as
    not Peduli: a lower bound. ``known`` and ``unknown`` say how much of that denominator rests on
    data, and ``held`` whether the year was assessed at all; the panel must show them together.
    ``public``: False for a held cycle whose results list is not public yet.
    """
    status = frame["status"]
    counts = status.value_counts().to_dict()
    eligible = int((status != "belum_terbentuk").sum())
    peduli = int((status == "peduli").sum())
    known = int(frame["n_claims"].gt(0).sum())
    return {
        "held": bool(held),
        "public": bool(public),
        "unpublished": int((status == "belum_diumumkan").sum()),
        "total": eligible,
        "counts": {k: int(v) for k, v in counts.items()},
        "peduli": peduli,
        "cukup": int((status == "cukup").sum()),
        "peduli_share": peduli / eligible if eligible else 0.0,
        "known": known,
        "unknown": int((status == "tidak_diketahui").sum()),
        "peduli_share_of_known": peduli / known if known else None,
        "disputed": int(frame["disputed"].sum()),
        "reported": reported[
            ["awarded_count", "total_regions", "source_url", "evidence", "data_year_derived"]
        ].to_dict("records"),
    }


def share_bounds(summary: dict) -> tuple[float, float]:
    """(lowest, highest) Peduli share of ``summarise``'s counts: the Peduli we know of, and the
    share if every kab/kota without data were Peduli. One place, so the map page, the sentence
    and the slide never state different ranges."""
    total = summary["total"]
    if not total:
        return 0.0, 0.0
    return summary["peduli_share"], (summary["peduli"] + summary["unknown"]) / total


def boundary_build_id(store: Store) -> str:
    """The boundary build whose browser geometry matches this store."""
    return store.get_meta("boundary_build_id") or "unbuilt"


def geometry_url(boundary_build: str, province_code: str | None) -> str:
    """Where the browser fetches the view's polygons (served by Streamlit from ./static)."""
    name = f"kab_{province_code}" if province_code else "kab_national"
    return f"/app/static/geo/{boundary_build}/{name}.json"
