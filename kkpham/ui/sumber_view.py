"""Tables for the "Sumber & metode" page: cycles, status vocabulary, sources, licences."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.texts import t
from kkpham.ui import compiler_notes, table_widths
from kkpham.ui.safe_text import MISSING, SOURCE_DISPLAY, citations, dashed, web_links
from kkpham.vocab import BY_KEY, LEGEND_ORDER, ink

KINDS = ("keputusan", "pemerintah", "berita")


def _yes_no(flag: object, lang: str) -> str:
    return t("yes" if bool(flag) else "no", lang)


def show_cycles(cycles: pd.DataFrame, lang: str = "id") -> None:
    award = cycles["award_year"].map(lambda y: "—" if pd.isna(y) else str(int(y)))
    columns = {
        t("mode_data", lang): cycles["data_year"].astype(int).astype(str),
        t("mode_award", lang): award,
        t("src_held", lang): cycles["held"].map(lambda h: _yes_no(h, lang)),
        t("src_regulation", lang): dashed(cycles["regulation"]),
        t("decree", lang): dashed(cycles["decree_number"]),
        t("src_decree_date", lang): dashed(cycles["decree_date"]),
        t("src_award_date", lang): dashed(cycles["award_date"]),
    }
    columns[t("source", lang)] = web_links(cycles["source_url"])  # only http(s) is a link
    table = pd.DataFrame(columns)
    # every text whole (a decree number is the row's citation: it was cut to "M.HH-02.HA" at
    # 1366 px); the regulation wraps where the page is too narrow
    link = {table.columns[-1]: st.column_config.LinkColumn(display_text=SOURCE_DISPLAY)}
    table_widths.show_wrapped(table, t("src_regulation", lang), link, min_px=0)  # every cycle
    if lang == "en":  # the compiler's notes are in English: not in the Indonesian UI
        keys = {t("mode_data", lang): columns[t("mode_data", lang)]}
        compiler_notes.show(compiler_notes.frame(keys, cycles["note"]), lang, expanded=True)


def show_statuses(lang: str = "id") -> None:
    statuses = [BY_KEY[k] for k in LEGEND_ORDER]
    table = pd.DataFrame(
        {
            t("src_colour", lang): [s.color for s in statuses],
            t("status", lang): [s.label(lang) for s in statuses],
            t("src_meaning", lang): [t(f"desc_{s.key}", lang) for s in statuses],
            t("src_from_source", lang): [
                t("src_stored" if s.stored else "src_derived", lang) for s in statuses
            ],
        }
    )
    # the code written on its own colour, in the text colour that reads on it (black on the dark
    # fills could not be read)
    styled = table.style.map(
        lambda c: f"background-color: {c}; color: {ink(c)}", subset=[table.columns[0]]
    )
    # a static table wraps its cells: in a grid, the meanings were cut at 1366 px
    st.table(styled, hide_index=True, width="stretch")


def show_sources(sources: pd.DataFrame, lang: str = "id") -> None:
    table = pd.DataFrame(
        {  # only an http(s) source is a link; a decree number stays text
            t("source", lang): web_links(sources["url"]),
            t("decree", lang): dashed(citations(sources["url"])),
            t("src_kind", lang): sources["kind"].map(
                lambda k: t(f"src_kind_{k}", lang) if k in KINDS else str(k)
            ),
            t("src_rows", lang): sources["n_results"],
        }
    )
    st.dataframe(
        table,
        placeholder=MISSING,
        hide_index=True,
        width="stretch",
        column_config={table.columns[0]: st.column_config.LinkColumn()},
    )
