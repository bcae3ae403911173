"""Publication maps: the status map and the change map laid out for a PNG/SVG/PDF or a slide.

Pure builders (frames and GeoJSON dicts in, Plotly figure out). Everything is placed in pixels on
a canvas of known size (margins 0, so paper coordinates are canvas fractions): title, subtitle,
the map (geometry inline, equirectangular with explicit ranges so labels land where computed),
the legend and the numbered key on the right, the "Sumber:" line and the footer at the bottom.
Texts are Plotly annotations/text traces, so an SVG carries them as text.
"""

from __future__ import annotations

import html
import logging
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from PIL import ImageFont

from kkpham.figures.change_map import transition_colorscale
from kkpham.figures.legend import BORDER, DISPUTED_LINE, status_entries
from kkpham.figures.status_map import (
    NO_BASE_LAYERS,
    ZMAX,
    ZMIN,
    esc,
    outline_trace,
    status_colorscale,
)
from kkpham.model.transitions import BY_TRANSITION, TRANSITION_CODE, TRANSITIONS
from kkpham.present.embedded_shapes import ViewGeometry
from kkpham.present.labels import Labels, MapBox, frame_ranges, place_labels, short_name
from kkpham.texts import t
from kkpham.vocab import BY_KEY, outline

log = logging.getLogger(__name__)

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
# the widest of FONT, Debian's fonts-dejavu-core (the PDF pack embeds it too): a text that fits
# measured in it fits in the others
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
INK = "#1f2328"
MUTED = "#57606a"
SIDE = 28  # px outer padding
LEGEND_FONT = 22
LABEL_FONT = 20
KEY_FONT = 20
MIN_KEY_FONT = 14  # the key's smallest type, still read from a meeting room's middle rows
LINE_SPACING = 1.3  # plotly.js's line height for <br> in a text, in font sizes


@dataclass(frozen=True)
class Decor:
    """Texts around a figure. ``title`` None: the slide carries the title (pack)."""

    title: str | None
    subtitle: str
    source_line: str
    footer: str
    note: str | None = None  # e.g. the regime warning of a change map


@dataclass
class Canvas:
    width: int
    height: int

    def x(self, px: float) -> float:
        return px / self.width

    def y(self, px_from_top: float) -> float:
        return 1 - px_from_top / self.height


def _text(
    cv: Canvas,
    x_px: float,
    y_px: float,
    text: str,
    size: float,
    *,
    name: str,
    color: str = INK,
    anchor: str = "left",
    valign: str = "top",
    bold: bool = False,
) -> dict:
    return {
        "xref": "paper",
        "yref": "paper",
        "x": cv.x(x_px),
        "y": cv.y(y_px),
        "xanchor": anchor,
        "yanchor": valign,
        "showarrow": False,
        "align": anchor,
        "text": f"<b>{text}</b>" if bold else text,
        "name": name,
        "font": {"size": size, "color": color, "family": FONT},
    }


def _swatch(
    cv: Canvas, x_px: float, y_px: float, fill: str, line: str, width: float, size: float = 26
) -> dict:
    return {
        "type": "rect",
        "xref": "paper",
        "yref": "paper",
        "x0": cv.x(x_px),
        "x1": cv.x(x_px + size),
        "y0": cv.y(y_px + size / 2),
        "y1": cv.y(y_px - size / 2),
        "fillcolor": fill,
        "line": {"color": line, "width": width},
    }


def _wrap(text: str, size: float, width_px: float) -> str:
    """Wrapped at the characters that fit, at 0.55 font sizes per character (DejaVu Sans, the
    widest font in FONT, averages 0.50-0.56 on these texts)."""
    chars = max(20, int(width_px / (0.55 * size)))
    return "<br>".join(textwrap.wrap(text, chars, break_on_hyphens=False))


@cache
def _measuring_font(size: float) -> ImageFont.FreeTypeFont | None:
    try:
        return ImageFont.truetype(str(FONT_FILE), size)
    except OSError:
        return None


def _text_px(text: str, size: float) -> float:
    """Width of ``text`` (escaped) in FONT_FILE; without that font, a wide 0.6 sizes a character."""
    font, plain = _measuring_font(size), html.unescape(text)
    return len(plain) * 0.6 * size if font is None else font.getlength(plain)


def _wrap_measured(text: str, size: float, width_px: float) -> str:
    """``text`` (escaped) wrapped between words where a line would be wider than ``width_px``
    (``_text_px``)."""
    lines: list[str] = []
    for word in text.split(" "):  # not at a no-break space
        wider = f"{lines[-1]} {word}" if lines else word
        if lines and _text_px(wider, size) <= width_px:
            lines[-1] = wider
        else:
            lines.append(word)
    return "<br>".join(lines)


def _bands(cv: Canvas, decor: Decor) -> tuple[float, float, list[dict]]:
    """(top band px, bottom band px, annotations) for title, subtitle, source and footer."""
    notes, y = [], 18.0
    if decor.title:
        notes.append(_text(cv, SIDE, y, esc(decor.title), 34, name="title", bold=True))
        y += 50
    if decor.subtitle:
        notes.append(_text(cv, SIDE, y, esc(decor.subtitle), 22, name="subtitle", color=MUTED))
        y += 36
    if decor.note:
        wrapped = _wrap(esc(decor.note), 17, cv.width - 2 * SIDE)
        notes.append(_text(cv, SIDE, y, wrapped, 17, name="note", color="#8a4b00"))
        y += 24 * (wrapped.count("<br>") + 1) + 6
    source = _wrap(esc(decor.source_line), 16, cv.width - 2 * SIDE)
    n_lines = source.count("<br>") + 1
    bottom = 20 + 22 * n_lines + (26 if decor.footer else 0)
    notes.append(_text(cv, SIDE, cv.height - bottom + 8, source, 16, name="source"))
    if decor.footer:
        notes.append(
            _text(cv, SIDE, cv.height - 30, esc(decor.footer), 15, name="footer", color=MUTED)
        )
    return y + 6, bottom, notes


def _geo_layout(cv: Canvas, mapbox: MapBox, top: float, left: float) -> dict:
    return {
        "domain": {
            "x": [cv.x(left), cv.x(left + mapbox.width_px)],
            "y": [cv.y(top + mapbox.height_px), cv.y(top)],
        },
        "fitbounds": False,
        "projection": {"type": "equirectangular"},
        "lonaxis": {"range": list(mapbox.lon)},
        "lataxis": {"range": list(mapbox.lat)},
        "visible": False,
        "bgcolor": "rgba(0,0,0,0)",
        **NO_BASE_LAYERS,
    }


def _label_traces(labels: Labels, font_px: float) -> list:
    halo = "0px 0px 3px #ffffff, 0px 0px 3px #ffffff, 0px 0px 2px #ffffff"
    traces: list = []
    if labels.leaders:
        lon, lat = [], []
        for a_lon, a_lat, b_lon, b_lat in labels.leaders:
            lon += [a_lon, b_lon, None]
            lat += [a_lat, b_lat, None]
        traces.append(
            go.Scattergeo(
                lon=lon,
                lat=lat,
                mode="lines",
                hoverinfo="skip",
                line={"color": INK, "width": 1.2},
                name="leaders",
            )
        )
    if labels.names:
        traces.append(
            go.Scattergeo(
                lon=[n[0] for n in labels.names],
                lat=[n[1] for n in labels.names],
                text=[esc(n[2]).replace("&lt;br&gt;", "<br>") for n in labels.names],
                mode="text",
                hoverinfo="skip",
                name="labels",
                textfont={"size": font_px, "color": INK, "family": FONT, "shadow": halo},
            )
        )
    if labels.numbers:
        traces.append(
            go.Scattergeo(
                lon=[n[0] for n in labels.numbers],
                lat=[n[1] for n in labels.numbers],
                text=[str(n[2]) for n in labels.numbers],
                mode="markers+text",
                hoverinfo="skip",
                marker={"size": 34, "color": "#ffffff", "line": {"color": INK, "width": 1.5}},
                textfont={"size": LABEL_FONT, "color": INK, "family": FONT},
                name="numbers",
            )
        )
    return traces


def _key(
    cv: Canvas,
    labels: Labels,
    x_px: float,
    y_px: float,
    width_px: float,
    bottom_px: float,
    lang: str,
) -> list[dict]:
    """The numbered key under the legend, in one or two columns. Every number on the map is in
    it: when the rows or the widest name do not fit at KEY_FONT, the key's type gets smaller, down
    to MIN_KEY_FONT (a province with many small kab/kota, Jawa Timur 2019, lost its last five).
    Past that the rows run on below ``bottom_px`` rather than leave a number unexplained."""
    if not labels.key:
        return []
    entries = [(f"{n}  {esc(name)}", code) for n, name, code in labels.key]
    widest = lambda size: max(_text_px(text, size) for text, _ in entries)  # noqa: E731
    columns = 1
    for size in range(KEY_FONT, MIN_KEY_FONT - 1, -1):
        rows = _key_rows(size, y_px, bottom_px)
        columns = 1 if len(entries) <= rows else 2
        if columns * rows >= len(entries) and widest(size) <= width_px / columns - 12:
            break
    else:
        log.warning("map key: %d entries do not fit at %d px", len(entries), MIN_KEY_FONT)
    row = size * 1.45
    per_col = max(rows, -(-len(entries) // columns))  # the first column full, as before
    notes = [_text(cv, x_px, y_px, t("pr_key_title", lang), size, name="key_title", bold=True)]
    y0 = y_px + row * 1.3
    for i, (text, code) in enumerate(entries):
        c, r = divmod(i, per_col)
        notes.append(
            _text(cv, x_px + c * width_px / columns, y0 + r * row, text, size, name=f"key_{code}")
        )
    return notes


def _key_rows(size: float, y_px: float, bottom_px: float) -> int:
    """Rows of the key per column at ``size``: from under its title to ``bottom_px``."""
    row = size * 1.45
    return max(0, int((bottom_px - (y_px + row * 1.3)) // row))


def _legend(
    cv: Canvas,
    entries: list[tuple[str, str, str, str, float, int]],
    x_px: float,
    y_px: float,
    title: str,
) -> tuple[list[dict], list[dict], float]:
    """entries: (key, label, fill, line, line width, count). Returns shapes, notes, bottom px.
    A label longer than the room to the canvas edge wraps (it was cut at the edge: "Not achieved
    (band unknown) (1" on the national slide); the swatch stays by its first line."""
    shapes, notes = (
        [],
        [_text(cv, x_px, y_px, esc(title), LEGEND_FONT, name="legend_title", bold=True)],
    )
    row, line_px = LEGEND_FONT * 1.75, LEGEND_FONT * LINE_SPACING
    room = cv.width - SIDE - (x_px + 38)
    y = y_px + row * 1.2
    for key, label, fill, line, width, count in entries:
        shapes.append(_swatch(cv, x_px, y + LEGEND_FONT * 0.6, fill, line, width))
        # the count stays with the label's last word
        text = _wrap_measured(f"{esc(label)}\u00a0({count})", LEGEND_FONT, room)
        notes.append(_text(cv, x_px + 38, y, text, LEGEND_FONT, name=f"legend_{key}"))
        y += row + line_px * text.count("<br>")
    return shapes, notes, y


def _map_figure(
    cv: Canvas,
    decor: Decor,
    geometry: ViewGeometry,
    choropleth: go.Choropleth,
    legend_entries: list,
    legend_title: str,
    lang: str,
    label_regions: bool,
) -> go.Figure:
    top, bottom, notes = _bands(cv, decor)
    national = geometry.provinces is not None
    side_w = int(cv.width * (0.22 if national else 0.30))  # Indonesia is wide: give it room
    map_w = cv.width - side_w - 3 * SIDE
    map_h = cv.height - top - bottom
    mapbox = frame_ranges(geometry.regions, map_w, map_h)
    data = [choropleth]
    if national:
        provinces = [f["properties"]["code"] for f in geometry.provinces["features"]]
        data.append(outline_trace(provinces, geometry.provinces, width=1.0))
    labels = Labels()
    if label_regions and national:
        names = {
            f["properties"]["code"]: f["properties"]["name"] for f in geometry.provinces["features"]
        }
        labels = place_labels(
            geometry.provinces, names, mapbox, font_px=LABEL_FONT, min_inside=0.55, numbered=False
        )
        data += _label_traces(labels, LABEL_FONT)
    elif label_regions:
        codes = set(choropleth.locations)
        names = {
            f["properties"]["code"]: short_name(f["properties"]["name"])
            for f in geometry.regions["features"]
            if f["properties"]["code"] in codes
        }
        labels = place_labels(geometry.regions, names, mapbox, font_px=LABEL_FONT)
        data += _label_traces(labels, LABEL_FONT)
    side_x = SIDE + map_w + 2 * SIDE
    shapes, legend_notes, y_end = _legend(cv, legend_entries, side_x, top + 4, legend_title)
    notes += legend_notes
    notes += _key(cv, labels, side_x, y_end + 16, side_w, cv.height - bottom - 8, lang)
    fig = go.Figure(data=data)
    fig.update_layout(
        template="none",
        width=cv.width,
        height=cv.height,
        showlegend=False,
        dragmode=False,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="#ffffff",
        font={"family": FONT, "size": 16, "color": INK},
        annotations=notes,
        shapes=shapes,
        geo=_geo_layout(cv, mapbox, top, SIDE),
        meta={"labels": sorted(labels.codes()), "numbered": [c for *_, c in labels.key]},
    )
    return fig


def status_map_figure(
    frame: pd.DataFrame,
    geometry: ViewGeometry,
    decor: Decor,
    *,
    lang: str = "id",
    width: int = 1920,
    height: int = 1080,
    labels: bool = True,
) -> go.Figure:
    """``frame`` is a ``mapdata.map_frame``; every status present appears in the legend with its
    count; disputed regions get the thick dark border (and a legend line)."""
    rows = frame.sort_values("disputed", kind="stable")
    disputed = rows["disputed"].to_numpy(dtype=bool)
    trace = go.Choropleth(
        geojson=geometry.regions,
        featureidkey="properties.code",
        locations=rows["code"].tolist(),
        z=rows["status_code"].astype(int).tolist(),
        zmin=ZMIN,
        zmax=ZMAX,
        colorscale=status_colorscale(),
        showscale=False,
        name="status",
        hoverinfo="skip",
        marker={
            "line": {
                "color": [
                    DISPUTED_LINE if d else outline(BY_KEY[k].color)
                    for d, k in zip(disputed, rows["status"], strict=True)
                ],
                "width": [3 if d else 0.8 for d in disputed],
            }
        },
    )
    # the live map's legend rules: statuses present in legend order, the regime's own names
    own = frame.attrs.get("status_labels", {}).get("en" if lang == "en" else "id")
    entries = status_entries(
        frame["status"].value_counts().to_dict(), int(disputed.sum()), lang, own
    )
    title = t("pr_legend", lang)
    return _map_figure(Canvas(width, height), decor, geometry, trace, entries, title, lang, labels)


def change_map_figure(
    trans: pd.DataFrame,
    geometry: ViewGeometry,
    decor: Decor,
    *,
    lang: str = "id",
    width: int = 1920,
    height: int = 1080,
    labels: bool = True,
) -> go.Figure:
    """``trans`` is ``transitions.transitions(...)`` (one row per kab/kota)."""
    n = len(TRANSITIONS)
    trace = go.Choropleth(
        geojson=geometry.regions,
        featureidkey="properties.code",
        locations=trans["code"].tolist(),
        z=trans["transition"].map(TRANSITION_CODE).astype(int).tolist(),
        zmin=-0.5,
        zmax=n - 0.5,
        colorscale=transition_colorscale(),
        showscale=False,
        name="transition",
        hoverinfo="skip",
        marker={"line": {"color": "#ffffff", "width": 0.8}},
    )
    counts = trans["transition"].value_counts()
    entries = [
        (tr.key, tr.label(lang), tr.color, BORDER, 1, int(counts[tr.key]))
        for tr in TRANSITIONS
        if counts.get(tr.key, 0)
    ]
    title = t("pr_legend_change", lang)
    return _map_figure(Canvas(width, height), decor, geometry, trace, entries, title, lang, labels)


def status_label(key: str, lang: str) -> str:
    return BY_KEY[key].label(lang)


def transition_label(key: str, lang: str) -> str:
    return BY_TRANSITION[key].label(lang)
