"""The league table of provinces and the provincial "pembina" eligibility rule.

Pembina rule (`../shared/reference/criteria.md` §0 and §3, "Pemerintah Provinsi pembina KKP HAM"):
a province whose kab/kota are "sebagian besar atau seluruh" Peduli HAM — stated as 50% in 2020 and
≥ 60% from the 2022 award (data year 2021) on. We apply: data year ≥ 2021: at least 60% of its
kab/kota Peduli; before: more than half. Integer arithmetic, so exactly 60% qualifies and exactly
50% does not.

Our rows do not cover every kab/kota every year, so eligibility computed on them is a lower bound:
``pembina`` is "ya" when the confirmed Peduli count already meets the rule (the text says how
many regions are unknown), "mungkin" when it would be met only if unknown regions were Peduli,
"tidak" when it cannot be met even then; "tanpa_hasil" when no kab/kota of the province has a
result that year (not yet published, or nothing found): no verdict.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kkpham.model.timeline import previous_held_year

PEMBINA_60_FROM = 2021  # first data year of the ≥ 60% rule (award 2022)


def pembina_rule(data_year: int) -> str:
    return "≥ 60%" if data_year >= PEMBINA_60_FROM else "> 50%"


def meets_pembina(peduli: int, total: int, data_year: int) -> bool:
    """``peduli`` of ``total`` kab/kota meet the pembina rule of ``data_year``."""
    if total <= 0:
        return False
    if data_year >= PEMBINA_60_FROM:
        return 5 * peduli >= 3 * total  # peduli / total >= 0.6
    return 2 * peduli > total  # peduli / total > 0.5


def pembina_status(
    peduli: int, unknown: int, total: int, data_year: int, formed: int | None = None
) -> str:
    """ya / mungkin / tidak; no verdict: "belum_terbentuk" before the province was ``formed``
    (there was no provincial government to be pembina), "tanpa_hasil" when nothing is known."""
    if formed is not None and data_year < formed:
        return "belum_terbentuk"
    if total and unknown >= total:
        return "tanpa_hasil"  # nothing known (e.g. results not yet published): no verdict at all
    if meets_pembina(peduli, total, data_year):
        return "ya"
    if meets_pembina(peduli + unknown, total, data_year):
        return "mungkin"
    return "tidak"


def pembina_text(
    peduli: int,
    unknown: int,
    total: int,
    data_year: int,
    lang: str = "id",
    formed: int | None = None,
) -> str:
    """A sentence like "12 dari 17 kab/kota (71%) Peduli HAM; syarat ≥ 60%: memenuhi"; with
    regions lacking data it says how many, instead of a vague "at least". Before the province
    was ``formed``: only that."""
    from kkpham.formatting import format_percent
    from kkpham.texts import t

    status = pembina_status(peduli, unknown, total, data_year, formed)
    if status == "belum_terbentuk":
        return t("pb_not_formed", lang, year=formed)
    share = format_percent(peduli / total if total else 0.0, lang, decimals=0)
    body = t("pb_body", lang, peduli=peduli, total=total, share=share)
    if unknown:
        body += t("pb_unknown", lang, unknown=unknown)
    return t(
        "pb_rule",
        lang,
        body=body,
        rule=pembina_rule(data_year),
        verdict=t(f"pb_{status}", lang).lower(),
    )


UNDETERMINED = ("mungkin", "tanpa_hasil", "belum_terbentuk")  # no pembina streak to count


def split_ranked(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(the provinces of ``league_table`` with any cited result that year, ranked; the others
    that existed, by name; every province not yet formed, or without any kab/kota, by name,
    ranked or not). A row of 0 Peduli where nothing is known reads as a ranking (the compare
    page, the national pack); a province not yet formed is not one "without a result"."""
    unranked = (table["total"] <= 0) | (table["unknown"] >= table["total"])
    not_formed = (table["pembina"] == "belum_terbentuk") | (table["total"] <= 0)
    by_name = lambda rows: rows.sort_values("province_name", ignore_index=True)  # noqa: E731
    return (
        table[~unranked].reset_index(drop=True),
        by_name(table[unranked & ~not_formed]),
        by_name(table[not_formed]),
    )


def unranked_text(
    unranked: pd.DataFrame, not_formed: pd.DataFrame, year: int, public: bool, lang: str
) -> str:
    """The sentences under a ranking (``split_ranked``): the provinces without a result that
    year (or, while the year's results are not ``public``, whose results are not published),
    and every province not yet formed, with the year each was formed."""
    from kkpham.texts import t

    parts = []
    if len(unranked):
        names = ", ".join(unranked["province_name"])
        key = "lg_without" if public else "lg_without_unpublished"
        parts.append(t(key, lang, year=year, n=len(unranked), names=names))
    if len(not_formed):
        groups = [
            ", ".join(rows["province_name"])
            + ("" if pd.isna(formed) else f" ({t('lg_formed_in', lang, year=int(formed))})")
            for formed, rows in not_formed.groupby("formed_year", sort=True, dropna=False)
        ]
        parts.append(
            t("lg_not_formed", lang, year=year, n=len(not_formed), names="; ".join(groups))
        )
    return " ".join(parts)


def _run_ending(flags: list[bool]) -> int:
    run = 0
    for flag in reversed(flags):
        if not flag:
            break
        run += 1
    return run


def league_table(
    series: pd.DataFrame,
    data_year: int,
    cycles: pd.DataFrame,
    lang: str = "id",
    *,
    formed: Mapping[str, int],
) -> pd.DataFrame:
    """One row per province for ``data_year`` from ``timeline.share_series(panel)``:
    counts, ``share`` (confirmed), ``share_max``, ``share_prev`` / ``change`` since the previous
    held cycle (percentage points, NaN when there is none; ``change_complete`` only when neither
    year has unknown kab/kota), ``all_peduli_streak`` and
    ``pembina_streak`` (consecutive held years up to ``data_year``, on confirmed rows; NA when
    ``data_year``'s own verdict is undetermined: unknown kab/kota could still decide it),
    ``pembina`` and ``pembina_text``. ``formed``: province -> year formed
    (``region_facts.province_formed_years``); a province formed after ``data_year`` gets no
    verdict ("belum_terbentuk"): its kab/kota are counted where they are today, but there was no
    provincial government to be pembina.
    Sorted by share, best first."""
    held = series[series["held"].astype(bool) & (series["data_year"] <= data_year)]
    now = held[held["data_year"] == data_year]
    if now.empty:
        raise ValueError(f"tahun data {data_year} tidak dinilai atau tidak ada datanya")
    prev_year = previous_held_year(cycles, data_year)
    prev_rows = held[held["data_year"] == prev_year].set_index("province_code")
    prev, prev_unknown = prev_rows["share"], prev_rows["unknown"]
    rows = []
    for r in now.itertuples(index=False):
        history = held[held["province_code"] == r.province_code].sort_values("data_year")
        all_peduli = [
            p == t and t > 0 for p, t in zip(history["peduli"], history["total"], strict=True)
        ]
        triples = zip(history["peduli"], history["total"], history["data_year"], strict=True)
        since = formed.get(r.province_code, 0)  # no pembina before the province existed
        eligible = [
            int(y) >= since and meets_pembina(int(p), int(t), int(y)) for p, t, y in triples
        ]
        share_prev = prev.get(r.province_code, float("nan"))
        counts = int(r.peduli), int(r.unknown), int(r.total)
        pembina = pembina_status(*counts, data_year, since or None)
        # as of a year whose verdict is undetermined the streak is unknown, not 0 ("lost")
        all_open = int(r.unknown) > 0 and int(r.peduli) + int(r.unknown) == int(r.total)
        rows.append(
            {
                "province_code": r.province_code,
                "province_name": r.province_name,
                "formed_year": since or None,
                "total": int(r.total),
                "peduli": int(r.peduli),
                "unknown": int(r.unknown),
                "share": float(r.share),
                "share_max": float(r.share_max),
                "previous_year": prev_year,
                "share_prev": float(share_prev),
                "change": (float(r.share) - float(share_prev)) * 100,
                # a change between two lower bounds is only a measured change when both are complete
                "change_complete": int(r.unknown) == 0
                and int(prev_unknown.get(r.province_code, 1)) == 0,
                "all_peduli_streak": None if all_open else _run_ending(all_peduli),
                "pembina_streak": None if pembina in UNDETERMINED else _run_ending(eligible),
                "pembina": pembina,
                "pembina_text": pembina_text(*counts, data_year, lang, since or None),
            }
        )
    out = pd.DataFrame(rows)
    for col in ("previous_year", "formed_year", "all_peduli_streak", "pembina_streak"):
        out[col] = out[col].astype("Int64")
    return out.sort_values(
        ["share", "peduli", "province_code"], ascending=[False, False, True], ignore_index=True
    )
