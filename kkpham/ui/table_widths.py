"""Column widths for ``st.dataframe`` that show every text whole.

Left to itself, Streamlit's grid sizes a column from the rows it first draws and then squeezes the
columns into the page, so at 1366 px a long status further down ("Bukan Peduli HAM, kategori tidak
diketahui") was cut to "Bukan Peduli HAM", and a long heading pushed the last column out of
sight. Here each text column is as wide as its longest text (heading or cell) in the grid's font,
measured on the server (``margins.text_px``: Streamlit's own Source Sans). A table wider than the
page then scrolls sideways with every cell whole, instead of cutting them. (Pinning the naming
column would keep it in view, but Streamlit draws a pinned column in its grey index ink, 3.9:1.)
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import pandas as pd

from kkpham.ui import margins

FONT_PX = 14  # the grid's cell and heading font (Streamlit's theme: fontSizes.sm)
CELL_PAD_PX = 2 * 8 + 6  # the grid's padding on both sides, and room for rounding and the border
HEADING_PAD_PX = CELL_PAD_PX + 18  # and the sort arrow a clicked heading shows
EM_GUESS = 0.6  # per character when the font cannot be measured: wide rather than cut
SHORTLIST = 24  # texts measured per column: its longest by characters
MAX_PX = 500  # the grid's own cap on a column it sizes (maxColumnAutoWidth, 31.25rem)


@lru_cache(maxsize=1 << 16)  # names and statuses repeat on every rerun: measure each once
def text_width(text: str) -> float:
    measured = margins.text_px(text, FONT_PX)
    return len(text) * FONT_PX * EM_GUESS if measured is None else measured


def column_px(heading: str, cells: pd.Series) -> int:
    """The width showing ``heading`` and every cell of a text column whole."""
    texts = cells.dropna().astype(str).drop_duplicates()
    # the longest by characters: a text with fewer characters than SHORTLIST others that is
    # still wider than all of them would need them all narrow and it all wide
    longest = texts.loc[texts.str.len().nlargest(SHORTLIST).index].tolist()
    widest = max(map(text_width, longest), default=0.0)
    return min(MAX_PX, int(max(text_width(heading) + HEADING_PAD_PX, widest + CELL_PAD_PX)) + 1)


# table id -> (the table, weakly; the config asked for; the config returned). The pages' tables
# come from the view cache, the same object on every rerun: their widths are worked out once.
_DONE: dict[int, tuple[weakref.ref, str, dict[str, Any]]] = {}


def whole_columns(table: pd.DataFrame, config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``config`` (column name → column config) with a width for each text column of ``table``
    that has none. Link columns keep the grid's sizing (a long URL would take the page; a
    display text is short), numbers are short and keep it too. Only string-named columns
    are sized (Streamlit sends other names as positions)."""
    asked = repr(sorted((config or {}).items(), key=lambda item: str(item[0])))
    done = _DONE.get(id(table))
    if done is not None and done[0]() is table and done[1] == asked:
        return done[2]
    out = _widths(table, config)
    key = id(table)
    _DONE[key] = (weakref.ref(table, lambda _: _DONE.pop(key, None)), asked, out)
    return out


def _widths(table: pd.DataFrame, config: Mapping[str, Any] | None) -> dict[str, Any]:
    out: dict[Any, Any] = dict(config or {})
    if table.columns.duplicated().any():
        return out  # names Streamlit cannot tell apart: left to the grid
    for name in table.columns:
        entry = out.get(name, {})
        if isinstance(entry, str):  # Streamlit's shorthand for a label
            entry = {"label": entry}
        if not isinstance(name, str) or not isinstance(entry, dict):
            continue  # a position (Streamlit sends other names so), or a hidden (None) column
        kind = (entry.get("type_config") or {}).get("type")
        text = pd.api.types.is_object_dtype(table[name]) or pd.api.types.is_string_dtype(
            table[name]
        )
        if kind != "link" and text and entry.get("width") is None:
            width = column_px(str(entry.get("label") or name), table[name])
            out[name] = {**entry, "width": width}
    return out
