"""The change map: kab/kota coloured by their transition between two data years.

Same technique as the status map (one choropleth trace over geometry fetched by URL, an integer
code per region and a stepped colourscale), with the transition palette of
``kkpham.model.transitions``.
The legend is drawn inside the figure (shapes + annotations) so a PNG export carries it, and a
comparison across criteria regimes carries its warning in the figure too.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from kkpham.figures.legend import FONT_PX, ROW_PX, TITLE_PX, draw, legend_height_px, wrap_title
from kkpham.figures.status_map import NO_BASE_LAYERS, esc, frame_axes, outline_trace
from kkpham.model.transitions import BY_TRANSITION, TRANSITION_CODE, TRANSITIONS
from kkpham.vocab import BY_KEY, outline

HEIGHT_PX = 640
LEGEND_COLUMNS = 3
REQUIRED = ("code", "name", "status_a", "status_b", "transition")


def transition_colorscale() -> list[tuple[float, str]]:
    """One flat band of colour per transition code (legend order)."""
    n = len(TRANSITIONS)
    scale: list[tuple[float, str]] = []
    for i, t in enumerate(TRANSITIONS):
        scale += [(i / n, t.color), ((i + 1) / n, t.color)]
    return scale


def _hover(row: pd.Series, year_a: str, year_b: str, lang: str) -> str:
    return (
        f"<b>{esc(row['name'])}</b><br>"
        f"{esc(year_a)}: {esc(BY_KEY[row['status_a']].label(lang))}<br>"
        f"{esc(year_b)}: {esc(BY_KEY[row['status_b']].label(lang))}<br>"
        f"<b>{esc(BY_TRANSITION[row['transition']].label(lang))}</b>"
    )


def legend_entries(counts: dict[str, int], lang: str) -> list[tuple]:
    """(key, label, fill, line, width, count) for each transition present, legend order."""
    return [
        (t.key, t.label(lang), t.color, outline(t.color), 1.0, int(counts[t.key]))
        for t in TRANSITIONS
        if int(counts.get(t.key, 0))
    ]


def change_map(
    trans: pd.DataFrame,
    geojson_url: str,
    year_a: int,
    year_b: int,
    *,
    title: str,
    lang: str = "id",
    note: str | None = None,
    outline_url: str | None = None,
    height: int = HEIGHT_PX,
    year_labels: tuple[str, str] | None = None,
    title_chars: int = 58,
    bounds: tuple[float, ...] | None = None,
) -> go.Figure:
    """``trans`` is ``transitions.transitions(panel, year_a, year_b, cycles)``; ``note`` is
    ``transitions.regime_note(...)`` (drawn under the title when the regimes differ);
    ``year_labels`` name the two years in the hover text (default: the data years)."""
    label_a, label_b = year_labels or (str(year_a), str(year_b))
    missing = [c for c in REQUIRED if c not in trans.columns]
    if missing:
        raise ValueError(f"change_map: transition frame lacks columns {missing}")
    unknown = sorted(set(trans["transition"]) - set(BY_TRANSITION))
    if unknown:
        raise ValueError(f"change_map: unknown transitions {unknown}")
    n = len(TRANSITIONS)
    data = [
        go.Choropleth(
            geojson=geojson_url,
            featureidkey="properties.code",
            locations=trans["code"].tolist(),
            z=trans["transition"].map(TRANSITION_CODE).astype(int).tolist(),
            zmin=-0.5,
            zmax=n - 0.5,
            colorscale=transition_colorscale(),
            showscale=False,
            name="transition",
            text=[_hover(r, label_a, label_b, lang) for r in trans.to_dict("records")],
            hovertemplate="%{text}<extra></extra>",
            marker={
                "line": {
                    "color": [outline(BY_TRANSITION[k].color) for k in trans["transition"]],
                    "width": 0.6,
                }
            },
        )
    ]
    if outline_url:
        provinces = sorted(trans["province_code"].unique()) if "province_code" in trans else []
        data.append(outline_trace(provinces, outline_url))
    counts = trans["transition"].value_counts().to_dict()
    entries = legend_entries(counts, lang)
    legend_px = legend_height_px(entries, LEGEND_COLUMNS)
    title_text, top_px = wrap_title(title, title_chars)
    plot_px = height - top_px - 8
    shapes, notes = draw(
        entries,
        top=(legend_px - ROW_PX / 2) / plot_px,
        row_height=ROW_PX / plot_px,
        columns=LEGEND_COLUMNS,
    )
    note_px = 0
    if note:
        lines = textwrap.wrap(esc(note), title_chars + 15)
        note_px = len(lines) * (FONT_PX + 5) + 6
        notes.append(
            {
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1,
                "yanchor": "top",
                "xanchor": "left",
                "showarrow": False,
                "align": "left",
                "text": "<br>".join(lines),
                "font": {"size": FONT_PX - 1, "color": "#8a4b00"},
                "name": "regime_note",
            }
        )
    fig = go.Figure(data=data)
    fig.update_layout(
        template="none",
        height=height,
        margin={"l": 8, "r": 8, "t": top_px, "b": 8},
        dragmode=False,
        showlegend=False,
        paper_bgcolor="#ffffff",
        title={"text": title_text, "x": 0.01, "xanchor": "left", "font": {"size": TITLE_PX}},
        shapes=shapes,
        annotations=notes,
        font={"family": "sans-serif", "size": 14},
        hoverlabel={"font": {"size": FONT_PX}},
        geo={
            "domain": {"x": [0, 1], "y": [(legend_px + 8) / plot_px, 1 - note_px / plot_px]},
            **frame_axes(bounds),
            "projection": {"type": "equirectangular"},
            "visible": False,
            "bgcolor": "rgba(0,0,0,0)",
            **NO_BASE_LAYERS,
        },
    )
    return fig
