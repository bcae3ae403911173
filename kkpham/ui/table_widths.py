"""Column widths for ``st.dataframe`` that show every text whole.

Left to itself, Streamlit's grid sizes a column from the rows it first draws and then squeezes the
columns into the page, so at 1366 px a long status further down ("Bukan Peduli HAM, kategori tidak
diketahui") was cut to "Bukan Peduli HAM", and a long heading pushed the last column out of
sight. Here each text column is as wide as its longest text (heading or cell) in the grid's font,
measured on the server (``margins.text_px``: Streamlit's own Source Sans). A table wider than the
page then scrolls sideways with every cell whole, instead of cutting them. (Pinning the naming
column would keep it in view, but Streamlit draws a pinned column in its grey index ink, 3.9:1.)

A free-text column (a compiler's note of up to ~210 characters) cannot be one line whole in a
table that fits a page, so ``wrapped`` gives it what a 1366 px page leaves and makes the rows as
tall as its longest text needs: the grid wraps text once its rows are taller than 4rem.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import pandas as pd
import streamlit as st

from kkpham.ui import margins
from kkpham.ui.safe_text import MISSING

FONT_PX = 14  # the grid's cell and heading font (Streamlit's theme: fontSizes.sm)
CELL_PAD_PX = 2 * 8 + 6  # the grid's padding on both sides, and room for rounding and the border
HEADING_PAD_PX = CELL_PAD_PX + 18  # and the sort arrow a clicked heading shows
EM_GUESS = 0.6  # per character when the font cannot be measured: wide rather than cut
SHORTLIST = 24  # texts measured per column: its longest by characters
MAX_PX = 500  # the grid's own cap on a column it sizes (maxColumnAutoWidth, 31.25rem)
# The table's width on a 1366 px window: the page's content (the navigation is in the top bar;
# 5rem padding each side) less the page's scrollbar (10 px in Chromium, room for others') and
# the grid's border.
PAGE_PX = 1366 - 2 * 80 - 16 - 2
EXPANDER_PX = PAGE_PX - 2 * 17  # inside an expander (its padding and border; measured)
MIN_WRAP_PX = 240  # a wrapped column narrower than this reads as a word list
SLACK_PX = 8  # the grid's sizing of the columns left to it (numbers) is estimated
NAMED_PX = {"small": 75, "medium": 200, "large": 400}  # Streamlit's named column widths
ROW_PX = 35  # the grid's own row height
WRAP_ROW_MIN_PX = 65  # the grid wraps a cell's text only in rows taller than 4rem (64 px)
LINE_PX = 18.5  # one wrapped line of the 14 px font, measured in Chromium
ROW_PAD_PX = 12  # above and below a cell's wrapped lines


@lru_cache(maxsize=1 << 16)  # names and statuses repeat on every rerun: measure each once
def text_width(text: str) -> float:
    """Width of ``text`` in the grid's font; of its widest line when it has line breaks."""
    if "\n" in text:
        return max(map(text_width, text.split("\n")))
    measured = margins.text_px(text, FONT_PX) if text else 0.0
    return len(text) * FONT_PX * EM_GUESS if measured is None else measured


def column_px(heading: str, cells: pd.Series) -> int:
    """The width showing ``heading`` and every cell of a text column whole (up to MAX_PX)."""
    return min(MAX_PX, line_px(heading, cells))


def line_px(heading: str, cells: pd.Series) -> int:
    """The width showing ``heading`` and every cell on one line, however wide."""
    texts = cells.dropna().astype(str).drop_duplicates()
    # the longest by characters: a text with fewer characters than SHORTLIST others that is
    # still wider than all of them would need them all narrow and it all wide
    longest = texts.loc[texts.str.len().nlargest(SHORTLIST).index].tolist()
    widest = max(map(text_width, longest), default=0.0)
    return int(max(text_width(heading) + HEADING_PAD_PX, widest + CELL_PAD_PX)) + 1


def lines_needed(text: str, px: float) -> int:
    """Lines ``text`` takes in ``px`` as the grid wraps it: a new line at each line break, and
    at spaces (never at a no-break space) where the next word would not fit."""
    return sum(_paragraph_lines(paragraph, px) for paragraph in text.split("\n"))


def _paragraph_lines(text: str, px: float) -> int:
    lines, line = 1, ""
    for word in _words(text):
        longer = f"{line} {word}" if line else word
        if line and text_width(longer) > px:
            lines, line = lines + 1, word
        else:
            line = longer
    return lines


def _words(text: str) -> list[str]:
    """The pieces the grid may break a line between (it breaks only at spaces)."""
    return [word for line in text.split("\n") for word in line.split(" ") if word]


def wrap_row_px(lines: int) -> int:
    """The row height showing ``lines`` wrapped lines (the grid's own when one line will do)."""
    if lines <= 1:
        return ROW_PX
    return max(WRAP_ROW_MIN_PX, math.ceil(lines * LINE_PX + ROW_PAD_PX))


# (table id, what was asked) -> (the table, weakly; the answer). The pages' tables come from the
# view cache, the same object on every rerun: their widths are worked out once.
_DONE: dict[tuple[int, str], tuple[weakref.ref, Any]] = {}


def _once(table: pd.DataFrame, asked: str, work: Callable[[], Any]) -> Any:
    key = (id(table), asked)
    done = _DONE.get(key)
    if done is not None and done[0]() is table:
        return done[1]
    out = work()
    _DONE[key] = (weakref.ref(table, lambda _: _DONE.pop(key, None)), out)
    return out


def _asked(config: Mapping[str, Any] | None, *more: object) -> str:
    return repr((sorted((config or {}).items(), key=lambda item: str(item[0])), *more))


def whole_columns(table: pd.DataFrame, config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``config`` (column name → column config) with a width for each text column of ``table``
    that has none. Link columns keep the grid's sizing (a long URL would take the page; a
    display text is short), numbers are short and keep it too. Only string-named columns
    are sized (Streamlit sends other names as positions)."""
    return _once(table, _asked(config), lambda: _widths(table, config))


def wrapped(
    table: pd.DataFrame,
    column: str,
    config: Mapping[str, Any] | None = None,
    lines: int = 3,
    min_px: int = MIN_WRAP_PX,
    page_px: int = PAGE_PX,
) -> tuple[dict[str, Any], int]:
    """(config, row height) for a table whose ``column`` may wrap: rows tall enough for
    ``lines`` lines, every other text column as narrow as shows its cells whole in them (never
    narrower than its heading or a word), and ``column`` given what they leave of ``page_px``
    (a 1366 px page; EXPANDER_PX in an expander), at least ``min_px`` or its longest word, at most
    its one line; the rows grow when its longest text needs more lines there."""
    asked = _asked(config, "wrap", column, lines, min_px, page_px)
    return _once(table, asked, lambda: _fewest_lines(table, column, config, lines, min_px, page_px))


def show_wrapped(
    table: pd.DataFrame,
    column: str,
    config: Mapping[str, Any] | None = None,
    *,
    lines: int = 3,
    min_px: int = MIN_WRAP_PX,
    page_px: int = PAGE_PX,
    key: str | None = None,
) -> None:
    """``st.dataframe`` of ``table`` sized by ``wrapped``, every row in view (a table of a few
    dozen rows at most: a region's claims, the cycles, notes)."""
    sized, row_px = wrapped(table, column, config, lines, min_px, page_px)
    st.dataframe(
        table,
        placeholder=MISSING,
        hide_index=True,
        width="stretch",
        height=table_px(len(table), row_px),
        column_config=sized,
        row_height=row_px,
        key=key,
    )


def _fewest_lines(
    table: pd.DataFrame,
    column: str,
    config: Mapping[str, Any] | None,
    lines: int,
    min_px: int,
    page_px: int,
) -> tuple[dict[str, Any], int]:
    """``_wrapped`` in the lowest rows that hold every text within the page: one line where the
    page allows it, up to ``lines`` (then as many as the wrapped column needs)."""
    if table.columns.duplicated().any():
        return dict(config or {}), ROW_PX  # names Streamlit cannot tell apart: left to the grid
    for fewer in range(1, lines):
        out, row_px = _wrapped(table, column, config, fewer, min_px, page_px)
        wide = sum(_shown_px(table, name, out) for name in table.columns)
        if row_px <= wrap_row_px(fewer) and wide <= page_px - SLACK_PX:
            return out, row_px
    return _wrapped(table, column, config, lines, min_px, page_px)


def _wrapped(
    table: pd.DataFrame,
    column: str,
    config: Mapping[str, Any] | None,
    lines: int,
    min_px: int,
    page_px: int,
) -> tuple[dict[str, Any], int]:
    out = _widths(table, config)
    for name in _sized(table, config, out):
        if name != column:
            heading = str(out[name].get("label") or name)
            out[name] = {**out[name], "width": fit_px(heading, table[name], lines)}
    for name in table.columns:  # a link's display text sized here too: the budget below holds
        entry = out.get(name)
        if name != column and isinstance(entry, dict) and entry.get("width") is None:
            out[name] = {**entry, "width": _shown_px(table, name, out)}
    others = sum(_shown_px(table, name, out) for name in table.columns if name != column)
    entry = out.get(column, {})
    heading = str(entry.get("label") or column)
    floor = _floor_px(heading, table[column])  # its heading or longest word
    natural = line_px(heading, table[column])  # one line
    budget = page_px - SLACK_PX - others
    width = int(max(floor, min(natural, max(budget, min_px))))
    out[column] = {**entry, "width": width}
    # the rows hold every text of every sized column (one that needs more lines than asked even
    # at MAX_PX too), the wrapped column's first
    needed = max(
        (
            lines_needed(x, out[name]["width"] - CELL_PAD_PX)
            for name in [column, *_sized(table, config, out)]
            if (out[name].get("type_config") or {}).get("type") != "link"  # shows its site
            for x in table[name].dropna().astype(str).drop_duplicates()
        ),
        default=1,
    )
    return out, wrap_row_px(max(needed, lines))


def _sized(
    table: pd.DataFrame, config: Mapping[str, Any] | None, out: Mapping[str, Any]
) -> list[str]:
    """The text columns whose width ``_widths`` chose (none was asked for)."""
    asked = config or {}
    return [
        name
        for name in table.columns
        if isinstance(out.get(name), dict)
        and out[name].get("width") is not None
        and not (isinstance(asked.get(name), dict) and asked[name].get("width") is not None)
    ]


def table_px(rows: int, row_px: int) -> int:
    """The height showing a heading and ``rows`` rows of ``row_px`` without scrolling."""
    return ROW_PX + rows * row_px + 3


def fit_px(heading: str, cells: pd.Series, lines: int) -> int:
    """The narrowest width showing ``heading`` on one line and every cell whole in ``lines``
    wrapped lines (never narrower than the longest word)."""
    texts = cells.dropna().astype(str).drop_duplicates().tolist()
    low = _floor_px(heading, cells)
    high = max(low, column_px(heading, cells))
    while low < high:  # the narrowest width at which every cell fits
        mid = (low + high) // 2
        if all(lines_needed(x, mid - CELL_PAD_PX) <= lines for x in texts):
            high = mid
        else:
            low = mid + 1
    return low


def _floor_px(heading: str, cells: pd.Series) -> int:
    """The narrowest a column can be: its heading on one line, its longest word."""
    texts = cells.dropna().astype(str).drop_duplicates()
    words = max((text_width(w) for x in texts for w in _words(x)), default=0.0)
    return int(max(text_width(heading) + HEADING_PAD_PX, words + CELL_PAD_PX)) + 1


def _shown_px(table: pd.DataFrame, name: Any, config: Mapping[str, Any]) -> int:
    """A column's width as ``config`` sets it, or as the grid will size it (its widest text)."""
    if name not in config:
        return column_px(str(name), table[name])
    entry = config[name]
    if isinstance(entry, str):  # Streamlit's shorthand for a label
        entry = {"label": entry}
    if not isinstance(entry, dict):
        return 0  # hidden
    if entry.get("width") in NAMED_PX:
        return NAMED_PX[entry["width"]]
    if isinstance(entry.get("width"), int):
        return entry["width"]
    shown = table[name]
    if (entry.get("type_config") or {}).get("type") == "link":
        display = (entry.get("type_config") or {}).get("display_text")
        if display:  # the grid shows the pattern's group, or the whole address where none
            shown = shown.astype(str).str.extract(display, expand=False).fillna(shown)
    return column_px(str(entry.get("label") or name), shown)


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
