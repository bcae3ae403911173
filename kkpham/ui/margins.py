"""The margins a chart's labels need, set in the figure so that plotly.js draws it once.

plotly.js draws a chart with the margins it is given, then measures what the axis labels, the
legend and the colour bar push into them ("automatic margins"), and if a margin has to grow it
draws the whole chart again. Every chart on the compare and profile pages was drawn twice that
way (measured: about 1.4 s of the browser's main thread on the national compare page, the
completeness grid's second draw alone 160-300 ms). ``fit`` sets margins that already hold what
the labels push (1-2 px more than plotly.js would have grown them to: the slack below, and
plotly.js's pad grows with the smallest margin), so where the estimate holds the first draw is
the last. Automatic margins stay on as the backstop: where it falls short (a chart narrower than
900 px whose legend wraps, labels the model cannot know, a font or text shaper missing), plotly.js
grows the margin and draws again, as before; ``fit`` never lowers a margin.

Text is measured in the font the page draws the charts in: Streamlit's Source Sans, from the
file Streamlit itself serves (``FONT_DIR``), shaped by Pillow (HarfBuzz, as Chromium shapes it).
The geometry below is plotly.js's, in the version Streamlit bundles, measured in Chromium per
kind of axis: for each side, label extent + pads agreed with plotly.js's push to within 0.6 px
(tests/test_chart_margins_browser.py draws every chart of the compare and profile pages and
checks that no margin had to grow, and that none is wider than its labels need).
"""

from __future__ import annotations

import html
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import streamlit
from PIL import ImageFont, features

# Streamlit's own copy of the font its theme names "Source Sans" (a variable font)
FONT_DIR = Path(streamlit.__file__).parent / "static" / "static" / "media"
FONT_PATTERN = "SourceSansVF-Upright*.woff2"
SLACK_PX = 1.0  # text measured here vs in Chromium: within 0.9 px over every label of the pages

# plotly.js geometry for 12 px tick labels, measured (see the module doc). "gap": from the axis
# line (or the tick's end) to the label; an axis title adds CAP_SHIFT × its size + its standoff.
AUTOPAD_MAX = 12  # plotly.js pads every push by min(12, the figure's smallest margin)
Y_GAP = {"ticks": 3.4, "none": 1.0}  # beyond the tick length
X_GAP = {"ticks": 2.4, "none": 0.0}
X_LABEL_PX = {"top": 15.4, "bottom": 17.0}  # one line of 12 px labels, above / below the plot
LINE_SPACING = 1.3  # plotly.js: each further line of a label or title
CAP_SHIFT = 0.7
TICKLEN = 5  # plotly.js's default tick length
LEGEND_ROW_PX, LEGEND_PAD_PX = 19, 10  # a horizontal legend of 12 px entries: 29 px for one row
LEGEND_ENTRY_PX = 45  # a legend entry's symbol and gaps, beside its text
# A horizontal legend's rows are counted at the narrowest chart the pages draw at full width
# (906 px in a 1366 px window); a wider window has as many rows or fewer.
NARROW_PX = 900
# a vertical colour bar: its title's width + 0.5 px (plotly.js writes the title at 1.2 × the tick
# size), or its thickness + tick labels + 1.2 px, whichever is wider; plus its xpad on each side
COLORBAR_TITLE_PX, COLORBAR_TICKS_PX = 0.5, 1.2

FITTED = "fitted margins: "  # + the sides ``fit`` raised, as the figure's meta
DEFAULT = {"l": 80.0, "r": 80.0, "t": 100.0, "b": 80.0}  # plotly.js's margins
# plotly.js's "2dMap" traces: their axes draw ticks, and they are off the legend unless asked
MAP_2D = {"heatmap", "contour", "histogram2d", "histogram2dcontour"}
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


@cache
def _font(size: float, bold: bool) -> ImageFont.FreeTypeFont | None:
    """The page font, shaped as Chromium shapes it (raqm/HarfBuzz); None when that is not at
    hand (no font file, a FreeType without woff2 or variable fonts, no raqm): Pillow's basic
    layout measures a few px wider, so the margins are left to plotly.js."""
    found = sorted(FONT_DIR.glob(FONT_PATTERN))
    if not found or not features.check("raqm"):
        return None
    try:
        font = ImageFont.truetype(str(found[0]), size, layout_engine=ImageFont.Layout.RAQM)
        font.set_variation_by_axes([700 if bold else 400])
    except OSError:
        return None
    return font


def text_px(text: str, size: float, bold: bool = False) -> float | None:
    """Width in px of one line of plain text in the page's font (None: font not found)."""
    font = _font(size, bold)
    return None if font is None else font.getlength(text)


def label_px(label: str, size: float) -> float | None:
    """Width of a plotly.js label (lines at ``<br>``, ``<b>`` bold, HTML entities)."""
    bold = "<b>" in label.lower()
    widths = [text_px(html.unescape(_TAG.sub("", line)), size, bold) for line in _BR.split(label)]
    return None if None in widths else max(widths, default=0.0)


def _lines(label: str) -> int:
    return len(_BR.split(label)) if label else 0


def _title(axis: Any) -> float:
    """What an axis title adds to its side."""
    text = axis.title.text
    if not text:
        return 0.0
    size = axis.title.font.size
    return size * (CAP_SHIFT + LINE_SPACING * (_lines(text) - 1)) + (axis.title.standoff or 0)


def _tick_labels(fig: go.Figure, letter: str) -> list[str] | None:
    """The labels plotly.js will write on the axis, or a superset (None: cannot tell)."""
    axis = fig.layout[f"{letter}axis"]
    if axis.tickmode == "array" and axis.ticktext is not None:
        return [str(t) for t in axis.ticktext]
    values = [v for tr in fig.data if tr[letter] is not None for v in tr[letter]]
    if values and all(isinstance(v, str) for v in values):  # a category axis
        return list(dict.fromkeys(values))
    if axis.range is not None and all(isinstance(v, int | float) for v in axis.range):
        low, high = sorted(axis.range)
        suffix, prefix = axis.ticksuffix or "", axis.tickprefix or ""
        # whole-number ticks (a share in %): none is wider than the largest in range; if plotly
        # writes wider ones, the margin falls short and plotly.js draws again
        top = math.floor(high)
        return [f"{prefix}{v}{suffix}" for v in {math.ceil(low), top} if low <= v <= high]
    return None


def _depth(axis: Any, letter: str, labels: list[str], ticks: bool, side: str) -> float | None:
    """How far the axis' labels and title reach from the plot's edge (before plotly's pad)."""
    size = axis.tickfont.size or 12
    if size != 12:
        return None  # the geometry was measured for 12 px labels
    tick = ((axis.ticklen if axis.ticklen is not None else TICKLEN) if ticks else 0) + (
        (Y_GAP if letter == "y" else X_GAP)["ticks" if ticks else "none"]
    )
    if letter == "y":
        widths = [label_px(t, size) for t in labels]
        if None in widths:
            return None
        extent = max(widths, default=0.0)  # type: ignore[type-var]
    else:
        lines = max(1, *(_lines(t) for t in labels))
        extent = X_LABEL_PX[side] + LINE_SPACING * size * (lines - 1)
    return tick + extent + _title(axis)


def _solve(pushes: list[tuple[float, float, float, float]], total: float) -> tuple[float, float]:
    """plotly.js's margin solver along one direction: ``pushes`` are (low val, low size, high
    val, high size) with vals as fractions of the plot; returns (low, high) margins."""
    low, high = pushes[0][1], pushes[0][3]  # the figure's own margins
    for fl, pl, _, _ in pushes:
        for _, _, fh, ph in pushes:
            if fh > fl:
                new_low = (pl * fh + (ph - total) * fl) / (fh - fl)
                new_high = (ph * (1 - fl) + (pl - total) * (1 - fh)) / (fh - fl)
                if new_low + new_high > low + high:
                    low, high = new_low, new_high
    return low, high


def fit(fig: go.Figure, axes: dict[str, dict[str, bool]], font: str) -> None:
    """Raise the figure's margins to what its labels need (see the module doc). ``axes``: the
    figure's cartesian axes with whether plotly.js draws their ticks (``charts._axes``). A
    figure in another font than the page's ``font``, or with a part not modelled here, keeps
    its margins (plotly.js's automatic margins then do the work, with their second draw)."""
    layout = fig.layout
    if not axes or set(axes) - {"xaxis", "yaxis"}:
        return  # a map, or more than one pair of axes
    if layout.font.family != font or not layout.height:
        return
    given = {
        s: float(layout.margin[s]) if layout.margin[s] is not None else d
        for s, d in DEFAULT.items()
    }
    margin = dict(given)
    # plotly.js pads each push by min(12, smallest margin): raising a margin can raise the pad,
    # which raises the pushes; margins only grow, so this settles in a step or two
    for _ in range(4):
        pad = min(AUTOPAD_MAX, *margin.values())
        found = _need(fig, axes, given, pad)
        if found is None:
            return
        need, measured = found
        fitted = {
            s: float(math.ceil(need[s] + SLACK_PX)) if need[s] > given[s] + 0.01 else given[s]
            for s in "lrtb"
        }
        if min(AUTOPAD_MAX, *fitted.values()) == pad:
            raised = "".join(s for s in "lrtb" if fitted[s] != given[s])
            layout.margin.update({s: fitted[s] for s in raised})
            if raised and layout.meta is None:  # for the browser test; text (an object replots)
                layout.meta = FITTED + raised
            # The measured axes' labels now fit inside the chart, so plotly.js's check for labels
            # past its edge ("hide past div", measuring each label's box: 0.3 s of the national
            # compare page) can only find none; "allow" skips it.
            for name in measured:
                if layout[name].ticklabeloverflow is None:
                    layout[name].ticklabeloverflow = "allow"
            return
        margin = fitted


def _need(
    fig: go.Figure, axes: dict[str, dict[str, bool]], margin: dict[str, float], pad: float
) -> tuple[dict[str, float], list[str]] | None:
    """(the margins plotly.js's solver reaches with the figure's ``margin`` and pad ``pad``,
    the axes whose labels were measured); None: a part not modelled here."""
    layout = fig.layout
    shift = layout.margin.pad or 0
    # pushes as (low val, low size, high val, high size), left/right and bottom/top
    across: list[tuple[float, float, float, float]] = [(0, margin["l"], 1, margin["r"])]
    down: list[tuple[float, float, float, float]] = [(0, margin["b"], 1, margin["t"])]
    measured = []
    for name, parts in axes.items():
        axis, letter = layout[name], name[0]
        if axis.visible is False or axis.automargin is False or axis.automargin is None:
            continue
        if axis.automargin is not True or "inside" in (axis.ticklabelposition or ""):
            return None  # automargin on some sides only, labels inside the plot
        if axis.tickangle not in (None, 0) or (letter == "y" and axis.tickangle is not None):
            return None  # turned labels
        measured.append(name)
        labels = _tick_labels(fig, letter)
        if labels is None and letter == "y":
            return None  # their width is what matters, and it is not known
        labels = labels or [""]  # x: only the number of lines matters, one for plotly's own
        ticks = (axis.ticks or "") in ("outside", "inside") or (
            axis.ticks is None and parts["ticks"]
        )
        side = axis.side or ("bottom" if letter == "x" else "left")
        depth = _depth(axis, letter, labels, ticks, side)
        if depth is None or side not in ("left", "bottom", "top"):
            return None
        size = depth + shift + pad
        if side == "left":
            across.append((0, size, 1, pad))
        elif side == "bottom":
            down.append((0, size, 1, pad))
        else:
            down.append((0, pad, 1, size))
    for trace in fig.data:
        if trace.type == "heatmap" and trace.showscale is not False:
            bar = _colorbar(trace, layout.font.size or 12)
            if bar is None:
                return None
            across.append((0, pad, 1, bar + pad))
    left, right = _solve(across, 0.0)
    legend = _legend(fig, NARROW_PX - max(left, margin["l"]) - max(right, margin["r"]))
    if legend is False:
        return None
    reserved = 0.0  # plotly.js reserves a legend placed in the container below the margins
    if legend is not None:
        kind, height = legend
        if kind == "container":
            reserved = height
            down[0] = (0, max(margin["b"] - reserved, 0), 1, margin["t"])
        else:
            down.append((float(layout.legend.y), height + pad, 1, pad))
    bottom, top = _solve(down, float(layout.height) - reserved)
    return {"l": left, "r": right, "t": top, "b": bottom + reserved}, measured


def _legend(fig: go.Figure, width: float) -> tuple[str, float] | None | bool:
    """(reference, height) of a horizontal legend below a plot ``width`` px wide; None: no
    legend; False: a legend not modelled here."""
    shown = [
        t
        for t in fig.data
        if t.name and (t.showlegend or (t.showlegend is None and t.type not in MAP_2D))
    ]
    if fig.layout.showlegend is False or not shown:
        return None
    # plotly.js shows a legend of one entry only when asked (in the layout or on that trace)
    if fig.layout.showlegend is None and len(shown) == 1 and shown[0].showlegend is not True:
        return None
    legend = fig.layout.legend
    size = legend.font.size or 12
    widths = [label_px(str(t.name), size) for t in shown]
    if legend.orientation != "h" or size != 12 or None in widths or width <= 0:
        return False
    entries = [w + LEGEND_ENTRY_PX for w in widths]  # type: ignore[operator]
    if sum(entries) <= width:
        rows = 1
    else:  # plotly.js then lines the entries up in columns as wide as the widest
        rows = math.ceil(len(entries) / max(1, int(width // max(entries))))
    height = LEGEND_PAD_PX + LEGEND_ROW_PX * rows
    if legend.yref == "container":
        return ("container", height) if (legend.y or 0) == 0 else False
    if legend.y is None or legend.y >= 0:
        return False
    return "paper", height


def _colorbar(trace: Any, font_size: float) -> float | None:
    """Width of a heatmap's vertical colour bar at the plot's right edge (x = 1), with its
    title on top and percentages for ticks; None for any other."""
    bar = trace.colorbar
    if bar.x != 1 or bar.xref == "container" or bar.tickformat != ".0%":
        return None
    tick_size = bar.tickfont.size or font_size
    title_size = bar.title.font.size or round(1.2 * tick_size)
    title = label_px(bar.title.text or "", title_size)
    ticks = text_px("100%", tick_size)
    if title is None or ticks is None:
        return None
    thickness = bar.thickness if bar.thickness is not None else 30
    inner = max(title + COLORBAR_TITLE_PX, thickness + ticks + COLORBAR_TICKS_PX)
    return inner + 2 * (bar.xpad if bar.xpad is not None else 10)
