"""The status legend drawn inside the figure (shapes + annotations), so a PNG export carries it.

Plotly's own legend lists traces, and the map is one trace; a colour bar would show a gradient.
Swatches are sized in pixels and anchored in paper coordinates: same shape at any width.
"""

from __future__ import annotations

from collections.abc import Mapping

from kkpham.vocab import STATUSES

COLUMNS = 3
ROW_PX = 22
SWATCH_PX = 14
DISPUTED_KEY = "disputed"
DISPUTED_LINE = "#1a1a1a"
DISPUTED_WIDTH = 2.5
BORDER = "#8c8c8c"


def legend_rows(n_extra: int = 1, columns: int = COLUMNS) -> int:
    return -(-(len(STATUSES) + n_extra) // columns)


def legend_height_px(columns: int = COLUMNS) -> int:
    return legend_rows(columns=columns) * ROW_PX + 8


def _swatch(x: float, y: float, fill: str, line: str, width: float) -> dict:
    half = SWATCH_PX / 2
    return {
        "type": "rect", "xref": "paper", "yref": "paper", "xsizemode": "pixel",
        "ysizemode": "pixel", "xanchor": x, "yanchor": y, "x0": 0, "x1": SWATCH_PX,
        "y0": -half, "y1": half, "fillcolor": fill, "line": {"color": line, "width": width},
        "layer": "above",
    }  # fmt: skip


def _label(x: float, y: float, text: str, name: str) -> dict:
    return {
        "xref": "paper", "yref": "paper", "x": x, "y": y, "xshift": SWATCH_PX + 6,
        "xanchor": "left", "yanchor": "middle", "showarrow": False, "align": "left",
        "text": text, "font": {"size": 12}, "name": name,
    }  # fmt: skip


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
    """(shapes, annotations): every status in legend order with its count, then the dispute mark.

    ``top`` is the paper y of the first row's centre; ``row_height`` one row in paper units.
    Each annotation's ``name`` is the status key (or ``disputed``), so tests can read the order.
    ``labels``: the regime's own outcome names (status key -> label), where it has them.
    """
    shapes: list[dict] = []
    notes: list[dict] = []
    own = labels or {}
    entries = [(s.key, own.get(s.key) or s.label(lang), s.color, BORDER, 0.8) for s in STATUSES]
    disputed_label = "Sumber berbeda" if lang != "en" else "Sources disagree"
    entries.append((DISPUTED_KEY, disputed_label, "#ffffff", DISPUTED_LINE, DISPUTED_WIDTH))
    for i, (key, label, fill, line, width) in enumerate(entries):
        row, col = divmod(i, columns)
        x, y = col / columns, top - row * row_height
        count = n_disputed if key == DISPUTED_KEY else int(counts.get(key, 0))
        shapes.append(_swatch(x, y, fill, line, width))
        notes.append(_label(x, y, f"{label} ({count})", key))
    return shapes, notes
