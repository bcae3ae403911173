"""The region profile's status strip: one cell per data year, in the map's status colours."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from kkpham import texts
from kkpham.figures.compare import time_marks, year_axis
from kkpham.figures.status_map import ZMAX, ZMIN, esc, status_colorscale
from kkpham.formatting import format_number
from kkpham.vocab import BY_KEY

KEYS = {
    "score": "score",
    "source": "source",
    "claims": "fig_claims",
    "disputed": "fig_disputed",
    "none": "no_source",
}  # catalogue keys (kkpham.texts)


def _cell_text(row: pd.Series, lang: str) -> tuple[str, str]:
    """(short text inside the cell, hover text)."""
    t = {name: texts.t(key, lang) for name, key in KEYS.items()}
    status = BY_KEY[row["status"]]
    score = row["score"]
    has_score = score is not None and not (isinstance(score, float) and math.isnan(score))
    inside = format_number(float(score), lang) if has_score else ""
    if row["disputed"]:
        inside = (inside + " !").strip()
    hover = [f"<b>{int(row['data_year'])}</b>", esc(status.label(lang))]
    if has_score:
        hover.append(f"{t['score']}: {inside.rstrip(' !')}")
    if status.stored:
        hover.append(f"{t['source']}: {esc(row['source_label'] or t['none'])}")
        hover.append(f"{int(row['n_claims'])} {t['claims']}")
    if row["disputed"]:
        hover.append(f"<b>{t['disputed']}</b>")
    return inside, "<br>".join(hover)


def status_strip(
    strip: pd.DataFrame,
    cycles: pd.DataFrame,
    *,
    lang: str = "id",
    year_mode: str = "data",
    title: str = "",
) -> go.Figure:
    """``region_profile.strip`` as a one-row heatmap: status colour, the score (where known) and
    "!" for a disputed year inside the cell, regime starts and the not-held year marked."""
    years, xaxis = year_axis(cycles, year_mode, lang)
    by_year = strip.set_index("data_year")
    z, inside, hover = [], [], []
    for year in years:
        if year not in by_year.index:
            raise ValueError(f"status_strip: the strip has no row for data year {year}")
        row = by_year.loc[year].copy()
        row["data_year"] = year
        z.append(int(row["status_code"]))
        cell, tip = _cell_text(row, lang)
        inside.append(cell)
        hover.append(tip)
    heat = go.Heatmap(
        x=list(range(len(years))),
        y=[0],
        z=[z],
        zmin=ZMIN,
        zmax=ZMAX,
        colorscale=status_colorscale(),
        showscale=False,
        xgap=2,
        text=[inside],
        texttemplate="%{text}",
        customdata=[hover],
        hovertemplate="%{customdata}<extra></extra>",
        name="status",
    )
    present = [BY_KEY[k] for k in dict.fromkeys(strip["status"])]
    legend = [
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=s.label(lang),
            hoverinfo="skip",
            marker={
                "symbol": "square",
                "size": 12,
                "color": s.color,
                "line": {"color": "#8c8c8c", "width": 0.5},
            },
        )
        for s in sorted(present, key=lambda s: s.code)
    ]
    shapes, notes = time_marks(cycles, lang)
    fig = go.Figure(data=[heat, *legend])
    fig.update_layout(
        template="none",
        height=230,
        margin={"l": 8, "r": 8, "t": 60 if title else 36, "b": 90},
        title={"text": esc(title), "x": 0.01, "xanchor": "left"} if title else None,
        xaxis={**xaxis, "fixedrange": True},
        yaxis={"visible": False, "fixedrange": True},
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        shapes=shapes,
        annotations=notes,
        font={"size": 12},
        dragmode=False,
    )
    return fig
