"""What the map, its summary and its table show for one data year: one row per kab/kota.

Every stored status traces to a source row; the derived states (nothing known, cycle not held,
region not yet formed) are computed here and never stored.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd

from kkpham.precedence import choose
from kkpham.store import Store
from kkpham.vocab import BY_KEY

FRAME_COLUMNS = [
    "code", "name", "kind", "province_code", "province_name", "status", "status_code", "score",
    "source_url", "source_label", "n_claims", "disputed", "claims_text", "data_year_derived",
]  # fmt: skip


def source_label(url: str) -> str:
    host = urlparse(url).hostname or url
    return host.removeprefix("www.")


def _claims_text(claims: pd.DataFrame) -> pd.Series:
    """Per region: every claim as 'Label (source)', joined — shown when sources disagree."""
    if claims.empty:
        return pd.Series(dtype=str)
    text = (
        claims["status"].map(lambda k: BY_KEY[k].label_id)
        + " ("
        + claims["source_url"].map(source_label)
        + ")"
    )
    return text.groupby(claims["region_code"]).agg("; ".join)


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
    regions = store.regions(province_code)
    claims = store.claims(data_year=data_year, province_code=province_code)
    winners = choose(claims).set_index("region_code")
    frame = regions[["code", "name", "kind", "province_code", "province_name",
                     "formed_year"]].copy()  # fmt: skip
    w = winners.reindex(frame["code"])
    held = cycle_held(store, data_year)
    not_formed = frame["formed_year"].notna() & (frame["formed_year"] > data_year)
    status = w["status"].to_numpy(dtype=object)
    status = pd.Series(status, index=frame.index).where(w["status"].notna().to_numpy(), None)
    status = status.fillna("tidak_diketahui")
    if held and not cycle_public(store, data_year):
        status[status == "tidak_diketahui"] = "belum_diumumkan"
    status[not_formed.to_numpy()] = "belum_terbentuk"
    if not held:
        status[:] = "tidak_dilaksanakan"
    frame["status"] = status
    frame["status_code"] = frame["status"].map(lambda k: BY_KEY[k].code).astype(int)
    has_claim = frame["status"].isin([k for k, s in BY_KEY.items() if s.stored]).to_numpy()
    frame["score"] = w["score"].to_numpy(dtype=float)
    frame["source_url"] = w["source_url"].fillna("").to_numpy()
    frame["source_label"] = frame["source_url"].map(lambda u: source_label(u) if u else "")
    frame["n_claims"] = w["n_claims"].fillna(0).astype(int).to_numpy()
    frame["disputed"] = w["disputed"].fillna(False).astype(bool).to_numpy() & has_claim
    frame["claims_text"] = _claims_text(claims).reindex(frame["code"]).fillna("").to_numpy()
    frame["data_year_derived"] = (
        w["data_year_derived"].fillna(False).astype(bool).to_numpy() & has_claim
    )
    out = frame[FRAME_COLUMNS].reset_index(drop=True)
    out.attrs["status_labels"] = status_labels(store, data_year)
    return out


def status_labels(store: Store, data_year: int) -> dict[str, dict[str, str]]:
    """{"id": {status: label}, "en": {…}}: the own outcome names of the data year's regime
    (empty when the regime names none or is unknown); the legend and exports use them."""
    from kkpham.regimes import outcome_labels

    cycles = store.cycles().set_index("data_year")
    regime = cycles.loc[data_year, "regime"] if data_year in cycles.index else None
    if not isinstance(regime, str):
        return {"id": {}, "en": {}}
    outcomes = store.regime_outcomes(regime)
    return {lang: outcome_labels(outcomes, regime, lang) for lang in ("id", "en")}


def province_summary(
    store: Store,
    data_year: int,
    province_code: str | None = None,
    frame: pd.DataFrame | None = None,
) -> dict:
    """Counts for the map's side panel (one province, or the country when province_code is None).

    ``peduli_share`` divides by every formed kab/kota, so regions we know nothing about count as
    not Peduli: a lower bound. ``known`` and ``unknown`` say how much of that denominator rests on
    data, and ``held`` whether the year was assessed at all; the panel must show them together.
    """
    if frame is None:
        frame = map_frame(store, data_year, province_code)
    counts = frame["status"].value_counts().to_dict()
    eligible = frame[frame["status"] != "belum_terbentuk"]
    peduli = int((frame["status"] == "peduli").sum())
    known = int(frame["n_claims"].gt(0).sum())
    reported = (
        store.reported_counts(data_year, province_code)
        if province_code
        else store.national_counts(data_year)
    )
    return {
        "held": cycle_held(store, data_year),
        "public": cycle_public(store, data_year),
        "unpublished": int((frame["status"] == "belum_diumumkan").sum()),
        "total": len(eligible),
        "counts": {k: int(v) for k, v in counts.items()},
        "peduli": peduli,
        "cukup": int((frame["status"] == "cukup").sum()),
        "peduli_share": peduli / len(eligible) if len(eligible) else 0.0,
        "known": known,
        "unknown": int((frame["status"] == "tidak_diketahui").sum()),
        "peduli_share_of_known": peduli / known if known else None,
        "disputed": int(frame["disputed"].sum()),
        "reported": reported[
            ["awarded_count", "total_regions", "source_url", "evidence", "data_year_derived"]
        ].to_dict("records"),
    }


def boundary_build_id(store: Store) -> str:
    """The boundary build whose browser geometry matches this store."""
    return store.get_meta("boundary_build_id") or "unbuilt"


def geometry_url(boundary_build: str, province_code: str | None) -> str:
    """Where the browser fetches the view's polygons (served by Streamlit from ./static)."""
    name = f"kab_{province_code}" if province_code else "kab_national"
    return f"/app/static/geo/{boundary_build}/{name}.json"
