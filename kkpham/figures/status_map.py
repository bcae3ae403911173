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
    DISPUTED_LINE,
    DISPUTED_WIDTH,
    ROW_PX,
    TITLE_PX,
    draw,
    legend_height_px,
    status_entries,
    wrap_title,
)
from kkpham.formatting import format_number
from kkpham.texts import t
from kkpham.vocab import BY_KEY, STATUSES, outline

HEIGHT_PX = 640  # province views; the wide national view passes ~540
MARGIN = {"l": 8, "r": 8, "t": 48, "b": 8}
ZMIN, ZMAX = -0.5, len(STATUSES) - 0.5
REQUIRED = (
    "code",
    "name",
    "status",
    "status_code",
    "score",
    "source_label",
    "disputed",
    "claims_text",
    "data_year_derived",
)

# Plotly's geo base layers, all off: the map draws only our polygons (and fetches no CDN topojson).
NO_BASE_LAYERS = {
    f"show{layer}": False
    for layer in (
        "land",
        "ocean",
        "lakes",
        "rivers",
        "countries",
        "coastlines",
        "subunits",
        "frame",
    )
}


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


def _present(value: object) -> bool:
    if value is None:
        return False
    try:
        return not math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return bool(str(value).strip())


def hover_text(row: pd.Series, lang: str = "id") -> str:
    lines = [f"<b>{esc(row['name'])}</b>", esc(BY_KEY[row["status"]].label(lang))]
    if _present(row["score"]):
        lines.append(f"{t('score', lang)}: {format_number(float(row['score']), lang)}")
    if BY_KEY[row["status"]].stored:
        source = row["source_label"] if _present(row["source_label"]) else t("no_source", lang)
        lines.append(f"{t('source', lang)}: {esc(source)}")
    if row["data_year_derived"]:
        lines.append(esc(t("derived_hover", lang)))
    if row["disputed"]:
        claims = "<br>  ".join(esc(c) for c in claim_lines(str(row["claims_text"]), lang))
        lines.append(f"<b>{t('disputed', lang)}:</b><br>  {claims}")
    return "<br>".join(lines)


def claim_lines(claims_text: str, lang: str = "id") -> list[str]:
    """The panel's ``claims_text`` ("peduli (site); belum (site)") as one line per claim, each
    status in ``lang``."""
    lines = []
    for claim in claims_text.split("; "):
        key, sep, site = claim.partition(" (")
        if claim:
            lines.append(f"{BY_KEY[key].label(lang)} ({site}" if sep and key in BY_KEY else claim)
    return lines


def _check(frame: pd.DataFrame) -> None:
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise ValueError(f"status_map: map frame lacks columns {missing}")
    unknown = sorted(set(frame["status"]) - set(BY_KEY))
    if unknown:
        raise ValueError(f"status_map: unknown status values {unknown}")


def frame_axes(bounds: tuple[float, ...] | None, pad: float = 0.03) -> dict:
    """Geo axes that fit ``bounds`` (lon_min, lon_max, lat_min, lat_max) edge to edge, so the
    land fills the chart area; without bounds, Plotly fits the drawn locations."""
    if not bounds:
        return {"fitbounds": "locations"}
    lon0, lon1, lat0, lat1 = bounds
    dx, dy = (lon1 - lon0) * pad or 0.05, (lat1 - lat0) * pad or 0.05
    return {
        "fitbounds": False,
        "lonaxis": {"range": [lon0 - dx, lon1 + dx]},
        "lataxis": {"range": [lat0 - dy, lat1 + dy]},
        "center": {"lon": (lon0 + lon1) / 2, "lat": (lat0 + lat1) / 2},
    }


def outline_trace(
    province_codes: list[str], outline: str | dict, width: float = 0.9
) -> go.Choropleth:
    """Province borders over the national map: transparent fill, no hover, no colour.
    ``outline``: the provinces' GeoJSON, as a URL (live map) or inline (publication map)."""
    return go.Choropleth(
        geojson=outline,
        featureidkey="properties.code",
        locations=province_codes,
        z=[0] * len(province_codes),
        zmin=0,
        zmax=1,
        showscale=False,
        hoverinfo="skip",
        colorscale=[(0, "rgba(0,0,0,0)"), (1, "rgba(0,0,0,0)")],
        name="provinsi",
        marker={"line": {"color": "#4d4d4d", "width": width}},
    )


def status_map(
    frame: pd.DataFrame,
    geojson_url: str,
    *,
    title: str,
    lang: str = "id",
    outline_url: str | None = None,
    height: int = HEIGHT_PX,
    legend_columns: int = 3,
    title_chars: int = 58,
    bounds: tuple[float, ...] | None = None,
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
        geojson=geojson_url,
        featureidkey="properties.code",
        locations=rows["code"].tolist(),
        z=rows["status_code"].astype(int).tolist(),
        zmin=ZMIN,
        zmax=ZMAX,
        colorscale=status_colorscale(),
        showscale=False,
        name="status",
        text=[hover_text(r, lang) for r in rows.to_dict("records")],
        hovertemplate="%{text}<extra></extra>",
        marker={
            "line": {
                "color": [
                    DISPUTED_LINE if d else outline(BY_KEY[s].color)
                    for d, s in zip(disputed, rows["status"], strict=True)
                ],
                "width": [DISPUTED_WIDTH if d else 0.6 for d in disputed],
            }
        },
    )
    data = [trace]
    if outline_url:
        data.append(outline_trace(sorted(frame["province_code"].unique()), outline_url))

    counts = frame["status"].value_counts().to_dict()
    own = frame.attrs.get("status_labels", {}).get("en" if lang == "en" else "id")
    entries = status_entries(counts, int(disputed.sum()), lang, own)
    legend_px = legend_height_px(entries, legend_columns)
    title_text, top_px = wrap_title(title, title_chars)
    margin = {**MARGIN, "t": top_px}
    plot_px = height - margin["t"] - margin["b"]
    row = ROW_PX / plot_px
    legend_top = (legend_px - ROW_PX / 2) / plot_px
    shapes, notes = draw(entries, top=legend_top, row_height=row, columns=legend_columns)
    fig = go.Figure(data=data)
    fig.update_layout(
        template="none",
        height=height,
        margin=margin,
        dragmode=False,
        showlegend=False,
        paper_bgcolor="#ffffff",
        font={"family": "sans-serif", "size": 14, "color": "#262730"},
        title={"text": title_text, "x": 0.01, "xanchor": "left", "font": {"size": TITLE_PX}},
        shapes=shapes,
        annotations=notes,
        hoverlabel={"font": {"size": 15}},
        geo={
            "domain": {"x": [0, 1], "y": [(legend_px + 8) / plot_px, 1]},
            **frame_axes(bounds),
            "projection": {"type": "equirectangular"},
            "visible": False,
            "bgcolor": "rgba(0,0,0,0)",
            **NO_BASE_LAYERS,
        },
    )
    return fig
