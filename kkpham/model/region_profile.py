"""One kab/kota over time: its status strip, every claim of every source, its streak.

Pure pandas over ``timeline.status_panel`` (of the region's province) and ``Store.claims``.
"""

from __future__ import annotations

import pandas as pd

from kkpham.model.mapdata import source_label
from kkpham.model.timeline import streaks
from kkpham.vocab import BY_KEY

STRIP_COLUMNS = [
    "data_year",
    "award_year",
    "regime",
    "held",
    "status",
    "status_code",
    "score",
    "source_url",
    "source_label",
    "n_claims",
    "disputed",
    "data_year_derived",
]


def strip(panel: pd.DataFrame, code: str) -> pd.DataFrame:
    """The region's row for every data year, including the years with no outcome."""
    rows = panel[panel["code"] == code]
    if rows.empty:
        raise KeyError(f"kab/kota {code!r} tidak ada dalam panel provinsinya")
    return rows.sort_values("data_year")[STRIP_COLUMNS].reset_index(drop=True)


def claims_table(claims: pd.DataFrame, lang: str = "id", *, rows: pd.DataFrame) -> pd.DataFrame:
    """Every claim, newest data year first; ``shown`` marks the claim the map uses and
    ``disputed`` the years whose claims disagree, so conflicts sit side by side. ``rows``: the
    region's status panel rows, which name both (the precedence rule ran once, in the panel)."""
    if claims.empty:
        return pd.DataFrame(
            columns=[
                "data_year",
                "award_year",
                "status",
                "status_label",
                "score",
                "source_url",
                "source_label",
                "source_kind",
                "shown",
                "disputed",
                "data_year_derived",
                "name_in_source",
                "note",
            ]
        )
    winners = rows[rows["result_id"].notna()]
    shown_ids = set(winners["result_id"])
    disputed_years = set(winners.loc[winners["disputed"], "data_year"])
    out = claims.assign(
        status_label=claims["status"].map(lambda k: BY_KEY[k].label(lang)),
        source_label=claims["source_url"].map(source_label),
        shown=claims["result_id"].isin(shown_ids),
        disputed=claims["data_year"].isin(disputed_years),
    )
    out = out.sort_values(["data_year", "shown"], ascending=[False, False], ignore_index=True)
    return out[
        [
            "data_year",
            "award_year",
            "status",
            "status_label",
            "score",
            "source_url",
            "source_label",
            "source_kind",
            "shown",
            "disputed",
            "data_year_derived",
            "name_in_source",
            "note",
        ]
    ]


def region_streak(panel: pd.DataFrame, code: str, as_of: int | None = None) -> dict:
    """The ``timeline.streaks`` row of one region, as a dict."""
    table = streaks(panel[panel["code"] == code], as_of)
    if table.empty:
        raise KeyError(f"kab/kota {code!r} tidak ada dalam panel")
    return table.iloc[0].to_dict()


def streak_text(s: dict, as_of: int, lang: str = "id") -> str:
    """Short sentences on the streak that never fill a gap silently."""
    from kkpham.texts import t

    if s["n_peduli"] == 0:
        return t("pf_none", lang)
    if pd.isna(s["streak"]):  # no cited status that year: the streak there is unknown
        parts = [t("pf_streak_unknown", lang, year=as_of)]
    else:
        parts = [t("pf_streak", lang, year=as_of, n=s["streak"])]
    if pd.isna(s["streak"]) or s["streak"] == 0:
        parts.append(t("pf_last_run", lang, n=s["last_run"], year=s["last_peduli"]))
    gaps = s["streak_gap_years"]
    if gaps:
        years = ", ".join(str(g) for g in gaps)
        parts.append(t("pf_bridged", lang, n=s["streak_bridged"], years=years))
    parts.append(t("pf_first", lang, year=s["first_peduli"], n=s["longest_streak"]))
    return " ".join(parts)
