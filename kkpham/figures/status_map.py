"""The kab/kota status map: one choropleth trace, integer-coded status, a fixed stepped colourscale.

The polygons are not in the figure: ``geojson`` is a URL that plotly.js fetches once, so a rerun
only sends codes, status integers and hover text. Categorical colour (one trace per status) would
copy the geometry per category; a colour bar would suggest a continuum — neither is used.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from kkpham.figures.legend import (
    BORDER,
    DISPUTED_LINE,
    DISPUTED_WIDTH,
    ROW_PX,
    legend_height_px,
    legend_items,
)
from kkpham.vocab import BY_KEY, STATUSES

HEIGHT_PX = 640  # province views; the wide national view passes ~540
MARGIN = {"l": 8, "r": 8, "t": 48, "b": 8}
ZMIN, ZMAX = -0.5, len(STATUSES) - 0.5
REQUIRED = ("code", "name", "status", "status_code", "score", "source_label", "disputed",
            "claims_text", "data_year_derived")  # fmt: skip

TEXT = {
    "id": {"score": "Nilai", "source": "Sumber", "derived": "Tahun data diturunkan dari tahun "
           "penghargaan (tahun penghargaan − 1)", "disputed": "Sumber berbeda",
           "none": "tanpa sumber"},
    "en": {"score": "Score", "source": "Source", "derived": "Data year derived from the award "
           "year (award year − 1)", "disputed": "Sources disagree", "none": "no source"},
}  # fmt: skip


def status_colorscale() -> list[tuple[float, str]]:
    """Each integer code gets one flat band of colour between zmin and zmax (legend order)."""
    n = len(STATUSES)
    scale: list[tuple[float, str]] = []
    for s in STATUSES:
        scale += [(s.code / n, s.color), ((s.code + 1) / n, s.color)]
    return scale


def esc(value: object) -> str:
    """Text from data, made inert for Plotly's HTML-like label markup."""
    return html.escape(str(value), quote=False)


def _score_text(score: float, lang: str) -> str:
    text = f"{score:g}"
    return text.replace(".", ",") if lang == "id" else text


def hover_text(row: pd.Series, lang: str = "id") -> str:
    t = TEXT["en" if lang == "en" else "id"]
    lines = [f"<b>{esc(row['name'])}</b>", esc(BY_KEY[row["status"]].label(lang))]
    score = row["score"]
    if score is not None and not (isinstance(score, float) and math.isnan(score)):
        lines.append(f"{t['score']}: {_score_text(float(score), lang)}")
    if BY_KEY[row["status"]].stored:
        lines.append(f"{t['source']}: {esc(row['source_label'] or t['none'])}")
    if row["data_year_derived"]:
        lines.append(esc(t["derived"]))
    if row["disputed"]:
        claims = "<br>  ".join(esc(c) for c in str(row["claims_text"]).split("; ") if c)
        lines.append(f"<b>{t['disputed']}:</b><br>  {claims}")
    return "<br>".join(lines)


def _check(frame: pd.DataFrame) -> None:
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise ValueError(f"status_map: map frame lacks columns {missing}")
    unknown = sorted(set(frame["status"]) - set(BY_KEY))
    if unknown:
        raise ValueError(f"status_map: unknown status values {unknown}")


def outline_trace(province_codes: list[str], outline_url: str) -> go.Choropleth:
    """Province borders over the national map: transparent fill, no hover, no colour."""
    return go.Choropleth(
        geojson=outline_url, featureidkey="properties.code", locations=province_codes,
        z=[0] * len(province_codes), zmin=0, zmax=1, showscale=False, hoverinfo="skip",
        colorscale=[(0, "rgba(0,0,0,0)"), (1, "rgba(0,0,0,0)")], name="provinsi",
        marker={"line": {"color": "#4d4d4d", "width": 0.9}},
    )  # fmt: skip


def status_map(
    frame: pd.DataFrame,
    geojson_url: str,
    *,
    title: str,
    lang: str = "id",
    outline_url: str | None = None,
    height: int = HEIGHT_PX,
    legend_columns: int = 3,
) -> go.Figure:
    """The choropleth of ``frame`` (a ``mapdata.map_frame``) over the polygons at ``geojson_url``.

    Disputed regions are drawn last with a thick dark border, so neighbours never paint over it.
    ``outline_url`` (national view) adds a second, hover-less trace of province borders.
    ``legend_columns``: 2 for a half-width map (two years side by side).
    """
    _check(frame)
    rows = frame.sort_values("disputed", kind="stable")
    disputed = rows["disputed"].to_numpy(dtype=bool)
    trace = go.Choropleth(
        geojson=geojson_url, featureidkey="properties.code", locations=rows["code"].tolist(),
        z=rows["status_code"].astype(int).tolist(), zmin=ZMIN, zmax=ZMAX,
        colorscale=status_colorscale(), showscale=False, name="status",
        text=[hover_text(r, lang) for _, r in rows.iterrows()],
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"color": [DISPUTED_LINE if d else BORDER for d in disputed],
                         "width": [DISPUTED_WIDTH if d else 0.4 for d in disputed]}},
    )  # fmt: skip
    data = [trace]
    if outline_url:
        data.append(outline_trace(sorted(frame["province_code"].unique()), outline_url))

    legend_px = legend_height_px(legend_columns)
    plot_px = height - MARGIN["t"] - MARGIN["b"]
    row = ROW_PX / plot_px
    legend_top = (legend_px - ROW_PX / 2) / plot_px
    counts = frame["status"].value_counts().to_dict()
    shapes, notes = legend_items(
        counts,
        int(disputed.sum()),
        lang=lang,
        top=legend_top,
        row_height=row,
        columns=legend_columns,
        labels=frame.attrs.get("status_labels", {}).get("en" if lang == "en" else "id"),
    )
    fig = go.Figure(data=data)
    fig.update_layout(
        template="none", height=height, margin=MARGIN, dragmode=False, showlegend=False,
        paper_bgcolor="#ffffff", font={"family": "sans-serif", "size": 12, "color": "#262730"},
        title={"text": esc(title), "x": 0.01, "xanchor": "left", "font": {"size": 16}},
        shapes=shapes, annotations=notes,
        geo={
            "domain": {"x": [0, 1], "y": [(legend_px + 8) / plot_px, 1]},
            "fitbounds": "locations", "projection": {"type": "equirectangular"},
            "visible": False, "bgcolor": "rgba(0,0,0,0)",
            **{f"show{layer}": False for layer in ("land", "ocean", "lakes", "rivers",
               "countries", "coastlines", "subunits", "frame")},
        },
    )  # fmt: skip
    return fig
