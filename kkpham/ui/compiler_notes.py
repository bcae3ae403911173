"""The compiler's notes (English summaries of a source, in the reference data) under the table they
explain, on the English pages only: as a column of that table they made it wider than a 1366 px
page, or, wrapped, its rows five lines tall."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.texts import t
from kkpham.ui import table_widths
from kkpham.ui.safe_text import COMPILER_NOTE, SOURCE_DISPLAY


def frame(keys: dict[str, pd.Series], notes: pd.Series) -> pd.DataFrame:
    """The rows of ``keys`` (columns naming each row: year, source) that have a note, and it."""
    table = pd.DataFrame({**keys, COMPILER_NOTE: notes.fillna("").astype(str).str.strip()})
    return table[table[COMPILER_NOTE].ne("")].reset_index(drop=True)


def show(table: pd.DataFrame, lang: str, *, expanded: bool) -> None:
    """``table`` from ``frame`` in an expander, the notes wrapped to the page's width; nothing
    when it is empty. A column named as the page's "source" is a link showing its site."""
    if table.empty:
        return
    source = t("source", lang)
    link = {source: st.column_config.LinkColumn(display_text=SOURCE_DISPLAY)}
    with st.expander(t("compiler_notes", lang), expanded=expanded):
        table_widths.show_wrapped(
            table,
            COMPILER_NOTE,
            link if source in table.columns else None,
            lines=1,
            page_px=table_widths.EXPANDER_PX,
        )
