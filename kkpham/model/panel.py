"""The status panel: what every view shows, derived once for every kab/kota × data year.

One row per (kab/kota, cycle data year), computed in one pass over the store (``claims()`` once,
the precedence rule once, for all years) and written into the store as the ``status_panel`` table
by the build and by every ``kkpham.write.stewardship.write_store`` commit (import, undo, restore).
The
map frame, the summary, the timeline (grid, league table, streaks), the profile and the exports
read filters of it, so a status rule changes in one place.

Every stored status traces to a source row (``result_id`` is the claim the map shows); the derived
states (nothing known, cycle not held, region not yet formed) are computed here and never stored
in ``results``. The table is tagged with the data version it was derived from (meta
``panel_version``); a store whose results changed outside ``write_store`` (tests, an old file)
gets the panel derived in memory instead, never a stale one.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd

from kkpham.model.precedence import choose
from kkpham.store import STATUS_PANEL_COLUMNS, Store
from kkpham.vocab import BY_KEY

# Bump when the derivation changes: the build then rebuilds stores derived by an older rule.
PANEL_RULES = "2"  # 2: belum_diumumkan for held cycles without a public list
PANEL_VERSION_KEY = "panel_version"

CYCLE_COLUMNS = ["data_year", "award_year", "regime", "held"]
# streak: confirmed Peduli held years in a row ending at this data year (2020, not held, neither
# counts nor breaks), 0 on a row that is not Peduli; what the pages show "as of" a year is
# timeline.streaks, which is NA where that row has no cited status (NOT NULL in the store);
# first_peduli: the first Peduli data year up to this one, in our rows.
STREAK_COLUMNS = ["streak", "first_peduli"]
# The table's columns are the store's (its DDL); the map frame is the panel without the cycle,
# claim and streak fields.
PANEL_COLUMNS = list(STATUS_PANEL_COLUMNS)
MAP_COLUMNS = [c for c in PANEL_COLUMNS if c not in {*CYCLE_COLUMNS, "result_id", *STREAK_COLUMNS}]
_TEXT = [
    "code",
    "name",
    "kind",
    "province_code",
    "province_name",
    "status",
    "source_url",
    "source_label",
    "claims_text",
]

_STORED = frozenset(k for k, s in BY_KEY.items() if s.stored)
_CODE = {k: s.code for k, s in BY_KEY.items()}
_LABEL_ID = {k: s.label("id") for k, s in BY_KEY.items()}


def source_label(url: str) -> str:
    host = urlparse(url).hostname or url
    return host.removeprefix("www.")


def _labels(urls: pd.Series) -> pd.Series:
    """``source_label`` of each URL ("" for none), parsed once per distinct URL."""
    unique = {u: source_label(u) if u else "" for u in urls.unique()}
    return urls.map(unique)


def derive(regions: pd.DataFrame, cycles: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The panel from ``Store.regions()``, ``Store.cycles()`` and ``Store.claims()`` (pure)."""
    regs = regions[["code", "name", "kind", "province_code", "province_name", "formed_year"]]
    public = cycles["results_public"].astype(bool) if "results_public" in cycles.columns else True
    cyc = cycles[CYCLE_COLUMNS].assign(held=cycles["held"].astype(bool), public=public)
    frame = regs.merge(cyc, how="cross")
    winners = choose(claims)
    keys = ["code", "data_year"]
    if len(winners):
        w = winners.rename(columns={"region_code": "code"})[
            [
                "code",
                "data_year",
                "status",
                "score",
                "source_url",
                "n_claims",
                "disputed",
                "data_year_derived",
                "result_id",
            ]
        ].rename(columns={"status": "claimed"})
        text = claims["status"].map(_LABEL_ID) + " (" + _labels(claims["source_url"]) + ")"
        texts = (
            text.groupby([claims["region_code"], claims["data_year"]])
            .agg("; ".join)
            .rename("claims_text")
            .rename_axis(keys)
            .reset_index()
        )
        frame = frame.merge(w, on=keys, how="left").merge(texts, on=keys, how="left")
    else:
        frame = frame.assign(
            claimed=None,
            score=float("nan"),
            source_url=None,
            n_claims=0,
            disputed=False,
            data_year_derived=False,
            result_id=pd.NA,
            claims_text="",
        )
    not_formed = frame["formed_year"].notna() & (
        frame["formed_year"].astype("Float64") > frame["data_year"]
    ).fillna(False)
    status = frame["claimed"].astype(object).where(frame["claimed"].notna(), "tidak_diketahui")
    # a held cycle whose list is not public yet (2024, 2025): not "nothing known", "not published"
    unpublished = (frame["held"] & ~frame["public"]).to_numpy(dtype=bool)
    status = status.where(
        ~(unpublished & (status == "tidak_diketahui").to_numpy()), "belum_diumumkan"
    )
    status = status.where(~not_formed.to_numpy(dtype=bool), "belum_terbentuk")
    status = status.where(frame["held"], "tidak_dilaksanakan")
    frame["status"] = status
    frame["status_code"] = frame["status"].map(_CODE).astype(int)
    has_claim = frame["status"].isin(_STORED)
    frame["score"] = frame["score"].astype(float)
    frame["source_url"] = frame["source_url"].fillna("").astype(object)
    frame["source_label"] = _labels(frame["source_url"])
    frame["n_claims"] = frame["n_claims"].fillna(0).astype(int)
    frame["disputed"] = frame["disputed"].fillna(False).astype(bool) & has_claim
    frame["claims_text"] = frame["claims_text"].fillna("").astype(object)
    frame["data_year_derived"] = frame["data_year_derived"].fillna(False).astype(bool) & has_claim
    frame["result_id"] = frame["result_id"].astype("Int64")
    frame = frame.sort_values(keys, ignore_index=True)
    frame = _with_streaks(frame)
    return conform(frame[PANEL_COLUMNS])


def _with_streaks(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``streak`` and ``first_peduli`` (frame sorted by code, data year)."""
    peduli = frame["status"].eq("peduli")
    held = frame["held"]
    code = frame["code"]
    # runs over held years only: a year not held is skipped (carries the run of the year before)
    h = frame[held]
    hp = peduli[held]
    breaks = (~hp).astype(int).groupby(h["code"]).cumsum()
    run = hp.astype(int).groupby([h["code"], breaks]).cumsum()
    streak = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    streak[held] = run.astype("Int64")
    frame["streak"] = streak.groupby(code).ffill().fillna(0).astype(int)
    peduli_years = frame["data_year"].where(peduli).astype("Float64")
    first = peduli_years.groupby(code).transform("min")
    frame["first_peduli"] = first.where(first <= frame["data_year"]).astype("Int64")
    return frame


def conform(panel: pd.DataFrame) -> pd.DataFrame:
    """The panel's dtypes, whatever it was read from (DuckDB gives int32 and NULL as NaN)."""
    out = panel[PANEL_COLUMNS].copy()
    for col in ("status_code", "n_claims", "streak", "data_year"):
        out[col] = out[col].astype("int64")
    for col in ("award_year", "result_id", "first_peduli"):
        if out[col].dtype != "Int64":
            # through NumPy floats (NULL -> NaN -> <NA>), not "Float64": a masked cast also casts
            # whatever bytes sit under the mask, which now and then warned "invalid value in cast"
            out[col] = out[col].astype("float64").astype("Int64")
    for col in ("disputed", "data_year_derived", "held"):
        out[col] = out[col].astype(bool)
    out["score"] = out["score"].astype(float)
    out["regime"] = out["regime"].astype(object).where(out["regime"].notna(), None)
    for col in _TEXT:
        out[col] = out[col].astype("str")
    return out


def derive_from(store: Store) -> pd.DataFrame:
    """The panel of the store's current rows (every region, every cycle; one claims read)."""
    cycles = store.cycles()
    if cycles.empty:
        raise ValueError("the store has no cycles: run `python -m kkpham build`")
    return derive(store.regions(), cycles, store.claims())


def refresh(store: Store) -> pd.DataFrame:
    """Derive the panel and write it into the (writable) store, tagged with its data version.

    Call after every change to results, cycles or regions and after ``write_id`` is set."""
    panel = derive_from(store)
    store.write_status_panel(panel)
    store.set_meta(PANEL_VERSION_KEY, _tag(store))
    return panel


def _tag(store: Store) -> str:
    return f"{PANEL_RULES}:{store.data_version()}"


def is_current(store: Store) -> bool:
    """True when the stored panel was derived from the store's rows as they are now."""
    return store.get_meta(PANEL_VERSION_KEY) == _tag(store)


def read(
    store: Store,
    data_year: int | None = None,
    province_code: str | None = None,
    region_code: str | None = None,
) -> pd.DataFrame:
    """The panel (filtered), sorted by code then data year: the stored table when it is current,
    else derived in memory from the store's rows."""
    if is_current(store):
        return conform(store.status_panel(data_year, province_code, region_code))
    return select(derive_from(store), data_year, province_code, region_code)


def select(
    panel: pd.DataFrame,
    data_year: int | None = None,
    province_code: str | None = None,
    region_code: str | None = None,
) -> pd.DataFrame:
    """A filter of a panel already in memory (a copy, sorted by code then data year)."""
    mask = pd.Series(True, index=panel.index)
    if data_year is not None:
        mask &= panel["data_year"] == data_year
    if province_code is not None:
        mask &= panel["province_code"] == province_code
    if region_code is not None:
        mask &= panel["code"] == region_code
    return panel[mask].reset_index(drop=True)
