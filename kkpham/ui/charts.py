"""Plotly charts on a page, drawn once by the browser.

Streamlit's own chart theme makes plotly.js draw every chart twice. On mount its Plotly element
applies the theme a second time, which gives the figure a new ``layout.template`` object and new
data arrays; plotly.js compares both by identity, so the second ``Plotly.react`` replots the
whole chart (measured: the national map's 552 shapes drawn twice, each compare chart twice).

So each figure is made ``drawable`` once, when it is built: the theme's look for the app's light
theme (``LOOK``) is filled into the figure itself wherever the figure leaves a value unset, as
the theme's template did; the template is dropped; ``layout.datarevision`` is a digest of the
figure, so plotly.js compares arrays by revision; NumPy arrays become lists (Plotly sends them as
base64 objects, which plotly.js compares by identity even then); a clickable chart names the
click, hover and drag modes Streamlit would set. Then ``show`` draws it with ``theme=None``.
What the viewer sees is
the same figure; the second draw is gone.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterator
from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.utils
import streamlit as st

from kkpham.ui import margins

FONT = '"Source Sans", sans-serif'
TEXT, MUTED, HEADING, GRID = "#262730", "#808495", "#2F2D2B", "#e6eaf1"
# Streamlit 1.67's chart theme for its light theme (frontend PlotlyChart/CustomTheme.ts, the
# template layout it builds), as plotly.js resolved it in the app; keys plotly.js ignores left out,
# and the axes' minor grid colour. A template's value never switches a part on; the same value set
# in the figure does (plotly.js: a grid colour turns the grid on, a tick colour the ticks, a minor
# grid colour the minor grid). So the grid, zero-line and tick colours (``SWITCHES``) are set only
# on an axis that draws that part anyway (``_axes``), and the minor grid colour not at all.
# Pinned with the light theme in .streamlit/config.toml; tests/test_charts.py checks the pin.
LOOK: dict[str, Any] = {
    "font": {"color": MUTED, "family": FONT, "size": 12, "weight": 400},
    "title": {
        "font": {"family": FONT, "size": 16, "color": HEADING},
        "pad": {"l": 4},
        "xanchor": "left",
        "x": 0,
    },
    "legend": {
        "title": {"font": {"size": 12, "color": MUTED}, "side": "top"},
        "valign": "top",
        "bordercolor": "rgba(0,0,0,0)",  # the theme's "transparent"
        "borderwidth": 0,
        "font": {"size": 12, "color": TEXT},
    },
    "paper_bgcolor": "#FFFFFF",
    "plot_bgcolor": "#FFFFFF",
    "margin": {"pad": 8, "r": 0, "l": 0},
    "hoverlabel": {
        "bgcolor": "#FFFFFF",
        "bordercolor": "#DCD8D4",
        "font": {"color": MUTED, "family": FONT, "size": 12},
    },
}
AXIS_LOOK: dict[str, dict[str, Any]] = {
    "xaxis": {
        "showgrid": False,
        "tickfont": {"color": MUTED, "size": 12},
        "title": {"font": {"color": MUTED, "size": 14}, "standoff": 20},
        "zeroline": False,
        "automargin": True,
        "rangeselector": {"bgcolor": "#FFFFFF", "bordercolor": GRID, "borderwidth": 1, "x": 0},
    },
    "yaxis": {
        "ticklabelposition": "outside",
        "title": {"font": {"color": MUTED, "size": 14}, "standoff": 24},
        "tickfont": {"color": MUTED, "size": 12},
        "automargin": True,
    },
}
SWITCHES = {"showgrid": "gridcolor", "zeroline": "zerolinecolor", "ticks": "tickcolor"}
# plotly.js trace categories that change an axis' defaults: a heatmap's axes draw ticks
# (margins.MAP_2D), the category axis of a bar chart has no grid ("oriented")
ORIENTED = {"bar", "box", "histogram", "violin", "funnel", "waterfall"}
# What Streamlit sets for a chart with point selection (selection_mode="points")
CLICKABLE = {"clickmode": "event+select", "hovermode": "closest", "dragmode": "pan"}
# string properties: numbers in them are shown as plotly.js writes them
TEXTS = {"text", "hovertext"}
_AXIS = re.compile(r"^([xy])axis\d*$")


def _fill(obj: Any, look: dict[str, Any]) -> None:
    """Set each value of ``look`` that ``obj`` leaves unset, as a template does."""
    for key, value in look.items():
        if isinstance(value, dict):
            _fill(obj[key], value)
        elif obj[key] is None:
            obj[key] = value


def _axes(fig: go.Figure) -> dict[str, dict[str, bool]]:
    """The cartesian axes the figure has (named in its layout or used by a trace), each with which
    of ``SWITCHES`` plotly.js turns on when the figure leaves it unset."""
    plain = {"showgrid": True, "zeroline": True, "ticks": False}  # a linear axis, no 2D trace
    axes = {k: dict(plain) for k in fig.layout.to_plotly_json() if _AXIS.match(k)}
    for trace in fig.data:
        if "xaxis" not in trace:
            continue
        names = {c: f"{c}axis{(trace[f'{c}axis'] or c)[1:]}" for c in "xy"}
        for name in names.values():
            axes.setdefault(name, dict(plain))
        if trace.type in margins.MAP_2D:
            for name in names.values():
                axes[name]["ticks"] = True
        if trace.type in ORIENTED:
            side = axes[names["y" if trace.orientation == "h" else "x"]]
            side["showgrid"] = side["zeroline"] = False
    return axes


# what else, set in the figure, switches a part on (plotly.js line_grid/tick_mark defaults)
ALSO_SWITCH = {
    "showgrid": ("gridwidth", "griddash"),
    "zeroline": ("zerolinewidth",),
    "ticks": ("ticklen", "tickwidth"),
}


def _switched_on(axis: Any, part: str, default: bool) -> bool:
    value = axis[part]
    explicit = any(axis[other] is not None for other in ALSO_SWITCH[part])
    if part == "ticks":
        return value in ("outside", "inside") or (value is None and (default or explicit))
    return value is True or (value is None and (default or explicit))


def _arrays(props: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, np.ndarray]]:
    """(dotted path, array) of each NumPy array in a trace's properties."""
    for name, value in props.items():
        if isinstance(value, np.ndarray):
            yield prefix + name, value
        elif isinstance(value, dict):
            yield from _arrays(value, f"{prefix}{name}.")


def _js_number(value: Any) -> Any:
    """A value as plotly.js writes it as text: 29.0 -> "29", NaN -> "" (no text), True -> "true"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return repr(value) if isinstance(value, int | float) else value


def _as_text(values: np.ndarray) -> list:
    """Numbers shown as text: Plotly would turn a list's numbers into Python strings ("29.0")."""
    return [_js_number(v) for v in values.tolist()]


def drawable(fig: go.Figure, *, clickable: bool = False) -> go.Figure:
    """``fig``, changed in place to be drawn once with ``show`` (see the module doc). Call it on a
    figure just built, before it is cached or shown; a drawable figure is returned as it is."""
    if fig.layout.datarevision is not None:
        return fig
    _fill(fig.layout, LOOK)
    axes = _axes(fig)
    for name, defaults in axes.items():
        axis = fig.layout[name]
        _fill(axis, AXIS_LOOK[name[0] + "axis"])
        for part, colour in SWITCHES.items():
            if axis[colour] is None and _switched_on(axis, part, defaults[part]):
                axis[colour] = GRID
    if fig.layout.title.text:
        fig.layout.title.text = f"<b>{fig.layout.title.text}</b>"  # as the theme shows titles
    margins.fit(fig, axes, FONT)  # the margins its labels need: one draw, not two
    if clickable:
        _fill(fig.layout, CLICKABLE)
    fig.layout.template = None
    for trace in fig.data:
        for path, values in list(_arrays(trace.to_plotly_json())):
            trace[path] = None  # else Plotly keeps a list given for a NumPy array as NumPy
            trace[path] = _as_text(values) if path in TEXTS else values.tolist()
    # the whole figure: plotly.js then also compares the layout's arrays (tick values) by revision
    spec = json.dumps(fig.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder)
    fig.layout.datarevision = hashlib.blake2b(spec.encode(), digest_size=8).hexdigest()
    return fig


def show(fig: go.Figure, *, key: str, config: dict[str, Any], width: str = "stretch") -> Any:
    """Draw a ``drawable`` figure; one made ``clickable`` selects a point on a click (the page
    reruns)."""
    if fig.layout.datarevision is None:
        raise ValueError(
            f"chart {key!r}: make the figure drawable (charts.drawable) when building it"
        )
    clickable = fig.layout.clickmode == CLICKABLE["clickmode"]
    select = {"on_select": "rerun", "selection_mode": "points"} if clickable else {}
    return st.plotly_chart(fig, config=config, width=width, key=key, theme=None, **select)
