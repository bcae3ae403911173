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
from kkpham.model.league import pembina_text
from kkpham.model.timeline import streaks
from kkpham.model.transitions import regime_note
from kkpham.present.context import View, year_text

MAX_NAMES = 8  # a province; national lists stop at NATIONAL_NAMES
NATIONAL_NAMES = 5


def _names(names: list[str], lang: str, limit: int = MAX_NAMES) -> str:
    if len(names) <= limit:
        return ", ".join(names)
    more = len(names) - limit
    rest = f"and {more} more" if lang == "en" else f"dan {more} lainnya"
    return ", ".join(names[:limit]) + f", {rest}"


def headline(view: View) -> str:
    """The one-sentence summary under the map (also the pack's first narrative line)."""
    return headline_text(view.summary, year_text(view), view.place, view.lang)


def headline_text(s: dict, year: str, place: str, lang: str = "id") -> str:
    """``s`` is ``mapdata.province_summary``; ``year`` e.g. "Tahun data 2022 (penghargaan 2023)".
    When kab/kota have no data the sentence adds the map page's range caveat."""
    en = lang == "en"
    if not s["held"]:
        return (
            f"{year}: no assessment was held, so no kab/kota in {place} has a "
            "predicate for this year."
            if en
            else f"{year}: penilaian tidak dilaksanakan, sehingga tidak ada predikat "
            f"untuk kabupaten/kota di {place} pada tahun ini."
        )
    sentence = (
        f"{year}: {s['peduli']} of {s['total']} regencies/cities in {place} "
        "received the Peduli HAM predicate."
        if en
        else f"{year}: {s['peduli']} dari {s['total']} kabupaten/kota di {place} "
        "meraih predikat Peduli HAM."
    )
    if s["unknown"]:
        low = format_percent(s["peduli_share"], lang, decimals=1)
        high = format_percent((s["peduli"] + s["unknown"]) / s["total"], lang, decimals=1)
        sentence += (
            f" Incomplete data — at least {low}, at most {high}: {s['unknown']} "
            "regencies/cities without data."
            if en
            else f" Data belum lengkap — setidaknya {low}, paling banyak {high}: "
            f"{s['unknown']} kab/kota tanpa data."
        )
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
    en, out = view.lang == "en", []
    if view.trans is None:
        if view.held and view.previous_year is None:
            out.append(
                "No earlier assessed year to compare with."
                if en
                else "Tidak ada tahun penilaian sebelumnya untuk dibandingkan."
            )
        return out
    a = view.previous_year
    t = view.trans
    if bool(t["regimes_differ"].any()):
        out.append(regime_note(view.cycles, a, view.data_year, view.lang) or "")
    gained = t[t["transition"] == "jadi_peduli"]["code"]
    lost = t[t["transition"] == "lepas_peduli"]["code"]
    new = t[(t["transition"] == "baru_melapor") & (t["status_b"] == "peduli")]["code"]
    if len(gained):
        out.append(
            (
                f"Became Peduli HAM since data year {a} ({len(gained)}): "
                if en
                else f"Menjadi Peduli HAM sejak tahun data {a} ({len(gained)}): "
            )
            + _listed(view, gained)
            + "."
        )
    else:
        out.append(
            f"No kab/kota went from a recorded non-Peduli status in {a} to Peduli HAM."
            if en
            else f"Tidak ada kab/kota yang tercatat berpindah dari bukan Peduli "
            f"pada {a} menjadi Peduli HAM."
        )
    if len(lost):
        out.append(
            (
                f"No longer Peduli HAM ({len(lost)}): "
                if en
                else f"Tidak lagi Peduli HAM ({len(lost)}): "
            )
            + _listed(view, lost)
            + "."
        )
    else:
        out.append(
            f"No kab/kota recorded as Peduli HAM in {a} lost the predicate."
            if en
            else f"Tidak ada kab/kota yang tercatat Peduli HAM pada {a} lalu kehilangan predikat."
        )
    if len(new):
        out.append(
            (
                f"Peduli HAM with no record for {a} ({len(new)}): "
                if en
                else f"Peduli HAM tanpa catatan untuk {a} ({len(new)}): "
            )
            + _listed(view, new)
            + "."
        )
    return out


def longest_streaks(view: View, top: int = 3) -> str | None:
    if not view.held:
        return None
    s = streaks(view.panel, as_of=view.data_year)
    s = s[s["streak"] >= 2].sort_values(["streak", "code"], ascending=[False, True]).head(top)
    en = view.lang == "en"
    if s.empty:
        return (
            f"No kab/kota has two or more consecutive Peduli HAM data years up to "
            f"{view.data_year} in our data."
            if en
            else f"Belum ada kab/kota dengan dua tahun data Peduli HAM berturut-turut atau lebih "
            f"sampai {view.data_year} dalam data kami."
        )
    names = _label(view, s["code"])[0]
    unit = "consecutive data years" if en else "tahun data berturut-turut"
    items = [f"{n} ({int(k)} {unit})" for n, k in zip(names, s["streak"], strict=True)]
    lead = (
        f"Longest Peduli HAM streaks up to {view.data_year}: "
        if en
        else f"Rangkaian Peduli HAM terpanjang sampai {view.data_year}: "
    )
    return lead + "; ".join(items) + "."


def pembina(view: View) -> str | None:
    if not view.held or not view.province:
        return None
    s = view.summary
    text = pembina_text(s["peduli"], s["unknown"], s["total"], view.data_year, view.lang)
    lead = "Provincial pembina threshold: " if view.lang == "en" else "Syarat provinsi pembina: "
    return lead + text + "."


def unknowns(view: View) -> list[str]:
    s, en, out = view.summary, view.lang == "en", []
    if not s["held"]:
        return out
    unknown = view.frame[view.frame["status"] == "tidak_diketahui"]["code"]
    if len(unknown):
        out.append(
            (
                f"Still unknown ({len(unknown)} kab/kota without a source for this year): "
                if en
                else f"Belum diketahui ({len(unknown)} kab/kota tanpa sumber untuk tahun ini): "
            )
            + _listed(view, unknown)
            + "."
        )
    else:
        out.append(
            "Every kab/kota has a cited status for this year."
            if en
            else "Setiap kab/kota punya status bersumber untuk tahun ini."
        )
    if s["disputed"]:
        out.append(
            f"Sources disagree for {s['disputed']} kab/kota (see the table)."
            if en
            else f"Sumber berbeda untuk {s['disputed']} kab/kota (lihat tabel)."
        )
    told = sorted(
        {
            (
                int(r["awarded_count"]),
                None if pd.isna(r["total_regions"]) else int(r["total_regions"]),
            )
            for r in s["reported"]
        },
        key=str,
    )
    for n, m in told:
        of = (f" of {m}" if en else f" dari {m}") if m else ""
        out.append(
            f"Sources report {n}{of} kab/kota awarded; our rows: {s['peduli']} Peduli HAM,"
            f" {s['cukup']} Cukup Peduli HAM."
            if en
            else f"Sumber melaporkan {n}{of} kab/kota menerima penghargaan; data kami: "
            f"{s['peduli']} Peduli HAM, {s['cukup']} Cukup Peduli HAM."
        )
    return out


def narrative(view: View) -> list[str]:
    """The narrative slide's paragraphs, in order."""
    parts: list[str | None] = [
        headline(view),
        *changes(view),
        longest_streaks(view),
        pembina(view),
        *unknowns(view),
    ]
    return [p for p in parts if p]
