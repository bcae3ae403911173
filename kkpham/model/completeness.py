"""How complete each province × data year is: kab/kota with a known status, the total, what our
sources say, and what sources themselves report ("terdata 10 dari 17; sumber: 10 Peduli HAM").

Pure pandas over ``timeline.status_panel`` and ``Store.reported_counts``: the grid on the compare
page, the line beside the map summary, the export's "Tentang" sheet and the list of regions
still unknown all come from here, so they never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from kkpham.texts import t
from kkpham.vocab import BY_KEY, STATUSES

UNKNOWN = ("tidak_diketahui", "belum_diumumkan")  # no claim in a held cycle
COLUMNS = [
    "province_code",
    "province_name",
    "data_year",
    "held",
    "public",
    "total",
    "known",
    "unknown",
    "share_known",
    "by_status",
    "reported",
]
# the "[counts: …]" tag of a reported count's evidence -> its words (catalogue keys)
_REPORTED_WHAT = {
    "cukup_peduli_ham": "cm_what_cukup",
    "peduli_ham+cukup_peduli_ham": "cm_what_both",
}
# the same tags in a sentence ("3 dari 14 kab/kota menerima predikat Cukup Peduli HAM")
_REPORTED_PHRASE = {
    "cukup_peduli_ham": "rp_cukup",
    "peduli_ham": "rp_peduli",
    "peduli_ham+cukup_peduli_ham": "rp_both",
}


def completeness(
    panel: pd.DataFrame, reported: pd.DataFrame | None = None, public: dict[int, bool] | None = None
) -> pd.DataFrame:
    """One row per (province, data year) of ``panel`` (``timeline.status_panel``):
    ``total`` formed kab/kota, ``known`` those with at least one cited claim, ``unknown`` the
    rest (nothing known or results not yet published), ``share_known``, ``by_status`` (status
    key -> count among the known, legend order) and ``reported`` (the "N of M" statements of
    ``reported`` for that province and year, as (count, total, what) tuples). ``public``: data
    year -> whether its results list is public (default True)."""
    formed = panel[panel["status"] != "belum_terbentuk"]
    public = public or {}
    keys = ["province_code", "province_name", "data_year"]
    base = (
        formed.assign(known=formed["n_claims"] > 0, unknown=formed["status"].isin(UNKNOWN), total=1)
        .groupby(keys, sort=True)
        .agg(
            held=("held", "first"),
            total=("total", "sum"),
            known=("known", "sum"),
            unknown=("unknown", "sum"),
        )
    )
    known = formed[formed["n_claims"] > 0]
    counts = known.groupby(keys + ["status"]).size()
    order = {s.key: i for i, s in enumerate(STATUSES)}
    by_status: dict[tuple, dict[str, int]] = {}
    for (code, name, year, status), n in sorted(
        counts.items(), key=lambda kv: (kv[0][:3], order[kv[0][3]])
    ):
        by_status.setdefault((code, name, year), {})[status] = int(n)
    out = base.reset_index()
    out["held"] = out["held"].astype(bool)
    out["data_year"] = out["data_year"].astype(int)
    out["public"] = [bool(public.get(int(y), True)) for y in out["data_year"]]
    out["share_known"] = (out["known"] / out["total"]).where(out["held"])
    out["by_status"] = [by_status.get(k, {}) for k in zip(*(out[c] for c in keys), strict=True)]
    told = _reported_by_key(reported)
    out["reported"] = [
        told.get((c, int(y)), [])
        for c, y in zip(out["province_code"], out["data_year"], strict=True)
    ]
    for col in ("total", "known", "unknown"):
        out[col] = out[col].astype(int)
    return out[COLUMNS]


def _reported_by_key(reported: pd.DataFrame | None) -> dict[tuple, list[tuple]]:
    """(province, year) -> distinct (count, total or None, what) statements."""
    out: dict[tuple, list[tuple]] = {}
    if reported is None or reported.empty:
        return out
    for code, year, n, m, evidence in zip(
        reported["province_code"],
        reported["data_year"],
        reported["awarded_count"],
        reported["total_regions"],
        reported["evidence"],
        strict=True,
    ):
        item = (int(n), None if pd.isna(m) else int(m), counted(evidence))
        items = out.setdefault((code, int(year)), [])
        if item not in items:
            items.append(item)
    return out


def completeness_line(row: dict | pd.Series, lang: str = "id") -> str:
    """One plain line: "terdata 10 dari 17 kab/kota; sumber: 10 Peduli HAM, 7 Bukan Peduli HAM …;
    dilaporkan sumber: 10 dari 17 Peduli HAM". Not Markdown: safe to show as text anywhere."""
    if not row["held"]:
        return t("cm_not_held", lang)
    parts = [t("cm_known", lang, known=row["known"], total=row["total"])]
    said = " · ".join(f"{n} {BY_KEY[k].label(lang)}" for k, n in row["by_status"].items())
    parts.append(t("cm_sources", lang, what=said) if said else t("cm_none", lang))
    if row["reported"]:
        told = "; ".join(
            f"{t('n_of_m', lang, n=n, m=m) if m else n} {_what(w, lang)}"
            for n, m, w in row["reported"]
        )
        parts.append(t("cm_reported", lang, what=told))
    if not row.get("public", True):
        parts.append(t("cm_unpublished", lang))
    return "; ".join(parts)


def counted(evidence: object) -> str:
    """What a reported count counted: the "[counts: …]" tag of its evidence ("" untagged: the
    source counts awards, which may include Cukup under 34/2016)."""
    text = "" if evidence is None or evidence is pd.NA else str(evidence)
    return text.rsplit("[counts: ", 1)[1].split("]", 1)[0].strip() if "[counts: " in text else ""


def reported_items(rows: Iterable[Mapping]) -> list[tuple[int, int | None, str]]:
    """(count, total or None, what it counted) of reported-count rows (dicts with
    ``awarded_count``, ``total_regions``, ``evidence``), in their order."""
    out = []
    for r in rows:
        m = r.get("total_regions")
        total = None if m is None or pd.isna(m) else int(m)
        out.append((int(r["awarded_count"]), total, counted(r.get("evidence"))))
    return out


def counts_awards(evidence: object) -> bool:
    """A reported count of awards or of Peduli HAM (untagged, "peduli_ham", Peduli + Cukup): one
    that may stand beside a Peduli share. Cukup alone or regions invited may not."""
    return counted(evidence) in ("", "peduli_ham", "peduli_ham+cukup_peduli_ham")


def counted_phrase(tag: str, lang: str) -> str:
    """``tag`` (``counted``) as the words after a count in a sentence: "kab/kota menerima
    predikat", "kab/kota menerima predikat Cukup Peduli HAM", "kab/kota diundang" …"""
    key = "rp_invited" if tag.startswith("invited") else _REPORTED_PHRASE.get(tag, "rp_awarded")
    return t(key, lang)


def awards_note(tag: str, regime: str | None, lang: str) -> str:
    """The 34/2016 note for a count of all awards (untagged or invited): under that regime
    Cukup regions were awarded too, so the count is not one of Peduli regions."""
    awards = tag == "" or tag.startswith("invited")
    return t("cukup_awarded", lang) if regime == "B" and awards else ""


def _what(tag: str, lang: str) -> str:
    if tag in _REPORTED_WHAT:
        return t(_REPORTED_WHAT[tag], lang)
    if tag.startswith("invited"):
        return t("cm_what_invited", lang)
    if tag == "peduli_ham":
        return BY_KEY["peduli"].label(lang)
    return t("cm_what_awarded", lang)


def national_row(grid: pd.DataFrame, data_year: int) -> dict:
    """The country for one data year, summed from the province rows (no reported counts)."""
    rows = grid[grid["data_year"] == data_year]
    by_status: dict[str, int] = {}
    for d in rows["by_status"]:
        for k, n in d.items():
            by_status[k] = by_status.get(k, 0) + n
    order = [s.key for s in STATUSES]
    return {
        "province_code": None,
        "province_name": "Indonesia",
        "data_year": data_year,
        "held": bool(rows["held"].any()),
        "public": bool(rows["public"].all()) if len(rows) else True,
        "total": int(rows["total"].sum()),
        "known": int(rows["known"].sum()),
        "unknown": int(rows["unknown"].sum()),
        "by_status": dict(sorted(by_status.items(), key=lambda kv: order.index(kv[0]))),
        "reported": [],
    }


def unknown_regions(panel: pd.DataFrame, data_year: int, province_code: str | None = None):
    """The kab/kota of a held year still without any cited claim (code, name, province)."""
    rows = panel[(panel["data_year"] == data_year) & panel["held"] & panel["status"].isin(UNKNOWN)]
    if province_code:
        rows = rows[rows["province_code"] == province_code]
    return rows[["code", "name", "province_code", "province_name"]].reset_index(drop=True)


def summary_row(summary: dict) -> dict:
    """The completeness row of one map view from ``mapdata.province_summary`` (what the map
    shows), so the line beside the map and the grid count the same way."""
    stored = [s.key for s in STATUSES if s.stored]
    counts = summary["counts"]
    told: list[tuple] = []
    for item in reported_items(summary["reported"]):
        if item not in told:
            told.append(item)
    return {
        "held": summary["held"],
        "public": summary.get("public", True),
        "total": summary["total"],
        "known": summary["known"],
        "unknown": summary["unknown"] + summary.get("unpublished", 0),
        "by_status": {k: int(counts[k]) for k in stored if counts.get(k)},
        "reported": told,
    }
