"""The status legend drawn inside the figure (shapes + annotations), so a PNG export carries it.

Plotly's own legend lists traces, and the map is one trace; a colour bar would show a gradient.
Swatches are sized in pixels and anchored in paper coordinates: same shape at any width. Only the
categories present in the figure are listed, each with its count, in ``vocab.LEGEND_ORDER``.
Type is sized for a projector: legend 15 px, titles 18 px (wrapped, never cut).
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence

from kkpham.texts import t
from kkpham.vocab import BY_KEY, LEGEND_ORDER, outline

COLUMNS = 3
ROW_PX = 26
LINE_PX = 18  # each further line of a wrapped label
# A label longer than this wraps (the count stays with its last word): a column is a third of the
# map, about 215 px for the page's map on a 1366 px screen, where "Bukan Peduli HAM, kategori
# tidak diketahui (8)" on one line ran over the next column's entry.
LABEL_CHARS = 26
SWATCH_PX = 16
FONT_PX = 15
TITLE_PX = 18
TITLE_LINE_PX = 24
DISPUTED_KEY = "disputed"
DISPUTED_LINE = "#1a1a1a"
DISPUTED_WIDTH = 2.5
BORDER = "#4d4d4d"  # the legend swatch frame (regions get ``vocab.outline`` of their fill)


def legend_rows(n_entries: int, columns: int = COLUMNS) -> int:
    return max(1, -(-n_entries // columns))


def wrap_at_spaces(text: str, chars: int) -> list[str]:
    """``text`` in lines of about ``chars`` characters, broken at (ASCII) spaces only: a word is
    never cut, "(rights-caring)" stays whole, and a no-break space glues two words."""
    lines = textwrap.wrap(text, chars, break_on_hyphens=False, break_long_words=False)
    return [line.replace("\u00a0", " ") for line in lines]


def entry_lines(entry: tuple) -> list[str]:
    """An entry's label and count, "Name (12)", in lines of at most ``LABEL_CHARS`` characters
    (the count never stands alone on a line)."""
    _, text, *_, count = entry
    return wrap_at_spaces(f"{text}\u00a0({count})", LABEL_CHARS)


def _row_extra_px(lines: Sequence[list[str]], columns: int) -> list[int]:
    """Per legend row: the px its entries' wrapped ``lines`` need beyond ``ROW_PX``."""
    extra = [0] * legend_rows(len(lines), columns)
    for i, entry in enumerate(lines):
        extra[i // columns] = max(extra[i // columns], (len(entry) - 1) * LINE_PX)
    return extra


def legend_height_px(entries: Sequence[tuple], columns: int = COLUMNS) -> int:
    extra = _row_extra_px([entry_lines(e) for e in entries], columns)
    return legend_rows(len(entries), columns) * ROW_PX + sum(extra) + 8


def wrap_title(title: str, chars: int) -> tuple[str, int]:
    """(title with ``<br>`` breaks at about ``chars`` characters, top margin in px that fits it)."""
    lines = textwrap.wrap(title, chars) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines), 20 + TITLE_LINE_PX * len(
        lines
    )


def swatch(x: float, y: float, fill: str, line: str, width: float) -> dict:
    half = SWATCH_PX / 2
    return {
        "type": "rect",
        "xref": "paper",
        "yref": "paper",
        "xsizemode": "pixel",
        "ysizemode": "pixel",
        "xanchor": x,
        "yanchor": y,
        "x0": 0,
        "x1": SWATCH_PX,
        "y0": -half,
        "y1": half,
        "fillcolor": fill,
        "line": {"color": line, "width": width},
        "layer": "above",
    }


def label(x: float, y: float, text: str, name: str) -> dict:
    return {
        "xref": "paper",
        "yref": "paper",
        "x": x,
        "y": y,
        "xshift": SWATCH_PX + 6,
        "xanchor": "left",
        "yanchor": "middle",
        "showarrow": False,
        "align": "left",
        "text": text,
        "font": {"size": FONT_PX, "color": "#262730"},
        "name": name,
    }


def status_entries(
    counts: Mapping[str, int], n_disputed: int, lang: str, labels: Mapping[str, str] | None = None
) -> list[tuple]:
    """(key, label, fill, line, width, count) for every status present, then the dispute mark.
    ``labels``: the regime's own outcome names (status key -> label), where it has them."""
    own = labels or {}
    entries = [
        (
            k,
            own.get(k) or BY_KEY[k].label(lang),
            BY_KEY[k].color,
            outline(BY_KEY[k].color),
            1.0,
            int(counts[k]),
        )
        for k in LEGEND_ORDER
        if int(counts.get(k, 0))
    ]
    if n_disputed:
        entries.append(
            (
                DISPUTED_KEY,
                t("disputed", lang),
                "#ffffff",
                DISPUTED_LINE,
                DISPUTED_WIDTH,
                n_disputed,
            )
        )
    return entries


def draw(
    entries: Sequence[tuple], *, top: float, row_height: float, columns: int = COLUMNS
) -> tuple[list[dict], list[dict]]:
    """(shapes, annotations) for ``entries`` laid out in ``columns`` columns from ``top`` (the
    paper y of the first row's centre) down, ``row_height`` per row in paper units. Each
    annotation's ``name`` is the entry key, so tests can read the order."""
    shapes: list[dict] = []
    notes: list[dict] = []
    per_px = row_height / ROW_PX
    wrapped = [entry_lines(e) for e in entries]
    extra = _row_extra_px(wrapped, columns)
    for i, ((key, _, fill, line, width, _), lines) in enumerate(zip(entries, wrapped, strict=True)):
        row, col = divmod(i, columns)
        # a row's entries share its top line; the rows below it move down by its wrapped lines
        y = top - (row * ROW_PX + sum(extra[:row])) * per_px
        centre = y - (len(lines) - 1) * LINE_PX / 2 * per_px
        x = col / columns
        shapes.append(swatch(x, y, fill, line, width))
        text = "<br>".join(html.escape(part, quote=False) for part in lines)
        notes.append(label(x, centre, text, key))
    return shapes, notes


def legend_items(
    counts: Mapping[str, int],
    n_disputed: int,
    *,
    lang: str,
    top: float,
    row_height: float,
    columns: int = COLUMNS,
    labels: Mapping[str, str] | None = None,
) -> tuple[list[dict], list[dict]]:
    """The status legend: statuses present with their counts, then the dispute mark if any.
    ``labels``: the regime's own outcome names (status key -> label), where it has them."""
    entries = status_entries(counts, n_disputed, lang, labels)
    return draw(entries, top=top, row_height=row_height, columns=columns)
