"""The status panel: what every view shows, derived once for every kab/kota × data year.

One row per (kab/kota, cycle data year), computed in one pass over the store (``claims()`` once,
the precedence rule once, for all years) and written into the store as the ``status_panel`` table
by the build and by every ``kkpham.write.stewardship.write_store`` commit (import, undo, restore).
The map frame, the summary, the timeline (grid, league table, streaks), the profile and the exports
read filters of it, so a status rule changes in one place.

Every stored status traces to a source row (``result_id`` is the claim the map shows); the derived
states (nothing known, cycle not held, region not yet formed) are computed here and never stored
in ``results``. The table is tagged with the data version it was derived from (meta
``panel_version``); a store whose results changed outside ``write_store`` (tests, an old file)
gets the panel derived in memory instead, never a stale one.

Streak rules (documented once; every row carries its region's runs *as of* its data year, and
``kkpham.model.timeline.streaks`` is the panel at one year):
- A streak counts consecutive *held* data years with a confirmed Peduli HAM status. Data year 2020
  was never assessed (no cycle held), so it is skipped: Peduli in 2019 and 2021 is a streak of two.
- "Nothing known" (``tidak_diketahui``) is not a confirmed Peduli year, so it ends the *confirmed*
  streak. Because it may hide a Peduli year, the bridged streak also reports the Peduli years
  reached across such gaps and the gap years themselves; the UI shows both and never fills a
  gap silently.
- Not achieved, did not report and "region not yet formed" end a streak.
- A streak *as of* a year without a cited status for the region (not yet published, nothing
  known, not yet formed, or a year not held) is unknown (NA), not 0: the last run is still
  reported.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd

from kkpham.model.precedence import choose
from kkpham.store import STATUS_PANEL_COLUMNS, STREAK_COLUMNS, Store
from kkpham.vocab import BY_KEY

# Bump when the derivation changes: the build then rebuilds stores derived by an older rule.
PANEL_RULES = "4"  # 2: belum_diumumkan for held cycles without a public list; 3: every run
# field; 4: claims_text names each claim's status by its key, not its Indonesian label
PANEL_VERSION_KEY = "panel_version"

CYCLE_COLUMNS = ["data_year", "award_year", "regime", "held"]
# A region's runs as of each row's data year (the streak rules above; held years up to it):
# streak, the confirmed Peduli held years in a row ending there (NA where that year has no cited
# status); last_run, the confirmed run ending at the last Peduli year; streak_bridged and
# streak_gap_years, that run reached across "nothing known" years, and those years;
# longest_streak; first_peduli and last_peduli (in our rows: an earlier, unrecorded Peduli year
# may exist); n_peduli; n_known (years with a published outcome or "did not report"). The store
# owns the list (STREAK_COLUMNS, the table's last columns).
ASSESSED = ("peduli", "cukup", "mulai", "kurang", "belum", "bukan_peduli")  # a published outcome
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
        # "status key (site)": the hover names the status in the reader's language (claim_lines)
        text = claims["status"] + " (" + _labels(claims["source_url"]) + ")"
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
    frame = with_runs(frame)
    return conform(frame[PANEL_COLUMNS])


def with_runs(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (a region's every data year: code, data_year, status, held) with
    STREAK_COLUMNS added: each row's region's runs as of its data year, whatever the row order."""
    ordered = frame.sort_values(["code", "data_year"], kind="stable")
    rows, labels = [], []
    for _, group in ordered.groupby("code", sort=False):
        years: list[int] = []
        statuses: list[str] = []
        cells = zip(group.index, group["data_year"], group["status"], group["held"], strict=True)
        for label, year, status, held in cells:
            if held:  # a year not held neither counts nor breaks a run
                years.append(int(year))
                statuses.append(status)
            runs = runs_as_of(years, statuses)
            if not held:  # no region has a cited status in a year not held
                runs["streak"] = runs["streak_bridged"] = None
            rows.append(runs)
            labels.append(label)
    fields = pd.DataFrame(rows, index=labels, columns=STREAK_COLUMNS).reindex(frame.index)
    return frame.assign(**{col: fields[col] for col in STREAK_COLUMNS})


def _runs(statuses: list[str], ok: set[str]) -> list[int]:
    """Length of the run of ``ok`` statuses ending at each position."""
    out, run = [], 0
    for status in statuses:
        run = run + 1 if status in ok else 0
        out.append(run)
    return out


def runs_as_of(years: list[int], statuses: list[str]) -> dict:
    """STREAK_COLUMNS of one region from its held years up to a year and their statuses."""
    peduli_years = [y for y, s in zip(years, statuses, strict=True) if s == "peduli"]
    runs = _runs(statuses, {"peduli"})
    streak = runs[-1] if runs else 0
    # Bridged: walk back from the last year across Peduli and "nothing known" years; unknown
    # years before the run's earliest Peduli year bridge nothing.
    bridged, gaps = 0, ()
    if statuses and statuses[-1] == "peduli":
        run: list[tuple[int, str]] = []
        for year, status in zip(reversed(years), reversed(statuses), strict=True):
            if status not in ("peduli", "tidak_diketahui"):
                break
            run.append((year, status))
        earliest = min(y for y, s in run if s == "peduli")
        bridged = sum(s == "peduli" for _, s in run)
        gaps = tuple(sorted(y for y, s in run if s == "tidak_diketahui" and y > earliest))
    last = max((i for i, s in enumerate(statuses) if s == "peduli"), default=None)
    # no cited status in the last year (not yet published, nothing known, not yet formed): the
    # streak there is unknown, not 0 (0 read as "lost" for every region of an unpublished year)
    known_now = bool(statuses) and BY_KEY[statuses[-1]].stored
    return {
        "streak": streak if known_now else None,
        "last_run": runs[last] if last is not None else 0,
        "streak_bridged": bridged if known_now else None,
        "streak_gap_years": gaps,
        "longest_streak": max(runs, default=0),
        "first_peduli": peduli_years[0] if peduli_years else None,
        "last_peduli": peduli_years[-1] if peduli_years else None,
        "n_peduli": len(peduli_years),
        "n_known": sum(s in ASSESSED or s == "tidak_melapor" for s in statuses),
    }


def conform(panel: pd.DataFrame) -> pd.DataFrame:
    """The panel's dtypes, whatever it was read from (DuckDB gives int32 and NULL as NaN)."""
    out = panel[PANEL_COLUMNS].copy()
    ints = ("status_code", "n_claims", "data_year", "last_run", "longest_streak", "n_peduli")
    for col in (*ints, "n_known"):
        out[col] = out[col].astype("int64")
    for col in (
        "award_year",
        "result_id",
        "streak",
        "streak_bridged",
        "first_peduli",
        "last_peduli",
    ):
        if out[col].dtype != "Int64":
            # through NumPy floats (NULL -> NaN -> <NA>), not "Float64": a masked cast also casts
            # whatever bytes sit under the mask, which now and then warned "invalid value in cast"
            out[col] = out[col].astype("float64").astype("Int64")
    for col in ("disputed", "data_year_derived", "held"):
        out[col] = out[col].astype(bool)
    out["score"] = out["score"].astype(float)
    out["regime"] = out["regime"].astype(object).where(out["regime"].notna(), None)
    # years as a tuple (hashable, and false when empty), whether a list or an array came in
    gaps = out["streak_gap_years"].to_numpy()  # tuples when derived, arrays when read
    out["streak_gap_years"] = [
        g if isinstance(g, tuple) else tuple(int(y) for y in g) for g in gaps
    ]
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
