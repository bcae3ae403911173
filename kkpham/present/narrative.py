"""The narrative slide, written from the numbers: who gained, who lost, the longest streaks,
whether the province reaches the pembina threshold, and what is still unknown.

Every figure comes from a domain function (``mapdata.province_summary``,
``transitions.transitions``, ``timeline.streaks``, ``league.pembina_text``); nothing is guessed.
Shares are lower bounds while kab/kota have no data, and the text says so with the map page's
caveat wording.
"""

from __future__ import annotations

import pandas as pd

from kkpham.formatting import format_percent
from kkpham.model.completeness import awards_note, counted_phrase, reported_items
from kkpham.model.league import pembina_text
from kkpham.model.mapdata import share_bounds
from kkpham.model.region_facts import province_formed_years
from kkpham.model.timeline import streaks
from kkpham.model.transitions import regime_note
from kkpham.present.context import View, year_text
from kkpham.texts import t

MAX_NAMES = 8  # a province; national lists stop at NATIONAL_NAMES
NATIONAL_NAMES = 5


def _names(names: list[str], lang: str, limit: int = MAX_NAMES) -> str:
    if len(names) <= limit:
        return ", ".join(names)
    rest = t("pr_names_more", lang, n=len(names) - limit)
    return ", ".join(names[:limit]) + f", {rest}"


def headline(view: View) -> str:
    """The one-sentence summary under the map (also the pack's first narrative line)."""
    return headline_text(view.summary, year_text(view), view.place, view.lang)


def headline_text(s: dict, year: str, place: str, lang: str = "id") -> str:
    """``s`` is ``mapdata.province_summary``; ``year`` e.g. "Tahun data 2022 (penghargaan 2023)".
    When kab/kota have no data the sentence adds the map page's range caveat."""
    if not s["held"]:
        return t("pr_headline_not_held", lang, year=year, place=place)
    if not s["known"]:  # "0 dari 514 … meraih predikat" would read as a result
        why = "pr_headline_no_data" if s.get("public", True) else "pr_headline_unpublished"
        return t(why, lang, year=year, total=s["total"], place=place)
    sentence = t("pr_headline", lang, year=year, peduli=s["peduli"], total=s["total"], place=place)
    if s["unknown"]:
        low, high = (format_percent(x, lang, decimals=1) for x in share_bounds(s))
        sentence += " " + t("pr_headline_range", lang, low=low, high=high, unknown=s["unknown"])
    return sentence


def _label(view: View, codes: pd.Series) -> tuple[list[str], int]:
    """(names, how many to list): with the province, and fewer, when the view is national."""
    rows = view.frame.set_index("code").loc[list(codes)]
    if view.province:
        return list(rows["name"]), MAX_NAMES
    return [
        f"{n} ({p})" for n, p in zip(rows["name"], rows["province_name"], strict=True)
    ], NATIONAL_NAMES


def _listed(view: View, codes: pd.Series) -> str:
    names, limit = _label(view, codes)
    return _names(names, view.lang, limit)


def changes(view: View) -> list[str]:
    lang, out = view.lang, []
    if view.trans is None:
        if view.held and view.previous_year is None:
            out.append(t("pr_no_earlier", lang))
        return out
    a = view.previous_year
    trans = view.trans
    if bool(trans["regimes_differ"].any()):
        out.append(regime_note(view.cycles, a, view.data_year, lang) or "")
    gained = trans[trans["transition"] == "jadi_peduli"]["code"]
    lost = trans[trans["transition"] == "lepas_peduli"]["code"]
    new = trans[(trans["transition"] == "baru_melapor") & (trans["status_b"] == "peduli")]["code"]
    if len(gained):
        out.append(t("pr_gained", lang, year=a, n=len(gained), names=_listed(view, gained)))
    else:
        out.append(t("pr_gained_none", lang, year=a))
    if len(lost):
        out.append(t("pr_lost", lang, n=len(lost), names=_listed(view, lost)))
    else:
        out.append(t("pr_lost_none", lang, year=a))
    if len(new):
        out.append(t("pr_new", lang, year=a, n=len(new), names=_listed(view, new)))
    return out


def longest_streaks(view: View, top: int = 3) -> str | None:
    if not view.held:
        return None
    s = streaks(view.panel, as_of=view.data_year)
    s = (
        s[s["streak"].fillna(0) >= 2]
        .sort_values(["streak", "code"], ascending=[False, True])
        .head(top)
    )
    lang = view.lang
    if s.empty:
        return t("pr_streaks_none", lang, year=view.data_year)
    names = _label(view, s["code"])[0]
    items = [
        t("pr_streak_item", lang, name=n, n=int(k)) for n, k in zip(names, s["streak"], strict=True)
    ]
    return t("pr_streaks", lang, year=view.data_year, items="; ".join(items))


def pembina(view: View) -> str | None:
    if not view.held or not view.province:
        return None
    s = view.summary
    formed = province_formed_years(view.panel[["code", "province_code"]].drop_duplicates())
    text = pembina_text(
        s["peduli"], s["unknown"], s["total"], view.data_year, view.lang, formed.get(view.province)
    )
    return t("pr_pembina", view.lang, text=text)


def unknowns(view: View) -> list[str]:
    s, lang, out = view.summary, view.lang, []
    if not s["held"]:
        return out
    unknown = view.frame[view.frame["status"] == "tidak_diketahui"]["code"]
    if len(unknown):
        out.append(t("pr_unknown", lang, n=len(unknown), names=_listed(view, unknown)))
    if s.get("unpublished"):  # held, results not public yet: not "every status is cited"
        out.append(t("pr_unpublished", lang, n=s["unpublished"]))
    if not len(unknown) and not s.get("unpublished"):
        out.append(t("pr_unknown_none", lang))
    if s["disputed"]:  # named: the national pack's province table has no column for it
        disputed = view.frame.loc[view.frame["disputed"].astype(bool), "code"]
        out.append(t("pr_disputed", lang, n=s["disputed"], names=_listed(view, disputed)))
    regime = view.cycle["regime"]
    for n, m, tag in sorted(set(reported_items(s["reported"])), key=str):
        count = t("n_of_m", lang, n=n, m=m) if m else str(n)
        out.append(
            t(
                "pr_reported",
                lang,
                count=count,
                what=counted_phrase(tag, lang) + awards_note(tag, regime, lang),
                peduli=s["peduli"],
                cukup=s["cukup"],
            )
        )
    return out


def narrative(view: View) -> list[str]:
    """The narrative slide's paragraphs, in order. A held year without any result (not yet
    published, or no data) has nothing to compare or rank: "0 of 17 Peduli, not eligible for
    pembina" would read as a verdict, so only what is (not) known is said."""
    if view.held and not view.summary["known"]:
        return [headline(view), *unknowns(view)]
    parts: list[str | None] = [
        headline(view),
        *changes(view),
        longest_streaks(view),
        pembina(view),
        *unknowns(view),
    ]
    return [p for p in parts if p]
