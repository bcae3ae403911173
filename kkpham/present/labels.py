"""Region labels that never hide a region: names where they fit, a numbered key where they don't.

Pure geometry on the view's GeoJSON and the map's pixel box. The map uses an equirectangular
projection with explicit axis ranges (``frame_ranges``) padded to the box's aspect ratio, so a
longitude/latitude maps to a known pixel and label boxes can be tested for fit and collision.
Largest regions are labelled first. A name is written inside its region only when its box lies
(mostly) inside the region and clear of every label already placed; otherwise the region gets a
number (in a white disc) on the map and a line in the key. A number that would collide is moved
outward and joined to its region by a leader line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import shapely
from shapely.geometry import box, shape
from shapely.ops import polylabel

CHAR_W = 0.56  # average glyph width / font size (sans-serif), a safe overestimate for Latin text
LINE_H = 1.25
PAD_DEG = 0.04  # share of the extent left around the regions


def short_name(name: str) -> str:
    """'Kabupaten Konawe Selatan' -> 'Konawe Selatan'; cities keep 'Kota' (Kota Kendari)."""
    return name.removeprefix("Kabupaten ").removeprefix("Kab. ")


def _wrap(text: str, limit: int = 12) -> list[str]:
    words, lines = text.split(), [""]
    for w in words:
        if lines[-1] and len(lines[-1]) + 1 + len(w) > limit:
            lines.append(w)
        else:
            lines[-1] = f"{lines[-1]} {w}".strip()
    return lines


@dataclass
class MapBox:
    """The map's pixel box and the lon/lat ranges that fill it exactly."""

    width_px: float
    height_px: float
    lon: tuple[float, float]
    lat: tuple[float, float]

    @property
    def k(self) -> float:  # pixels per degree
        return self.width_px / (self.lon[1] - self.lon[0])

    def to_px(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon[0]) * self.k, (self.lat[1] - lat) * self.k

    def to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        return self.lon[0] + x / self.k, self.lat[1] - y / self.k


def frame_ranges(geojson: dict, width_px: float, height_px: float) -> MapBox:
    """Lon/lat ranges around every feature, widened on one axis to the box's aspect ratio."""
    bounds = shapely.bounds(
        shapely.union_all([shape(f["geometry"]) for f in geojson["features"]])
    ).tolist()
    x0, y0, x1, y1 = bounds
    dx, dy = (x1 - x0) * (1 + 2 * PAD_DEG), (y1 - y0) * (1 + 2 * PAD_DEG)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    aspect = width_px / height_px
    if dx / dy < aspect:
        dx = dy * aspect
    else:
        dy = dx / aspect
    return MapBox(width_px, height_px, (cx - dx / 2, cx + dx / 2), (cy - dy / 2, cy + dy / 2))


@dataclass
class Labels:
    names: list[tuple[float, float, str, str]] = field(default_factory=list)  # lon, lat, text, code
    numbers: list[tuple[float, float, int, str]] = field(default_factory=list)
    leaders: list[tuple[float, float, float, float]] = field(default_factory=list)
    key: list[tuple[int, str, str]] = field(default_factory=list)  # number, name, code

    def codes(self) -> set[str]:
        return {c for *_, c in self.names} | {c for *_, c in self.numbers}


def _anchor(geom) -> shapely.Point:
    """The most inland point of the region's largest part (polylabel), for a label inside."""
    parts = sorted(shapely.get_parts(geom), key=lambda p: p.area, reverse=True)
    try:
        return polylabel(parts[0], tolerance=0.005)
    except Exception:  # noqa: BLE001 (degenerate ring)
        return parts[0].representative_point()


def place_labels(
    geojson: dict,
    names: dict[str, str],
    mapbox: MapBox,
    *,
    font_px: float = 20,
    min_inside: float = 0.7,
    number_px: float = 34,
    numbered: bool = True,
) -> Labels:
    """Labels for every feature whose code is in ``names`` (code -> label text)."""
    feats = []
    for f in geojson["features"]:
        code = f["properties"]["code"]
        if code not in names:
            continue
        geom = shape(f["geometry"])
        px = shapely.transform(geom, lambda c: _to_px_array(c, mapbox))
        feats.append((code, geom, px))
    feats.sort(key=lambda t: t[2].area, reverse=True)
    taken: list = []
    out = Labels()
    pending: list[tuple[str, shapely.Point, object]] = []
    for code, _geom, px in feats:
        anchor = _anchor(px)
        lines = _wrap(names[code])
        w = max(len(s) for s in lines) * CHAR_W * font_px
        h = len(lines) * LINE_H * font_px
        rect = box(anchor.x - w / 2, anchor.y - h / 2, anchor.x + w / 2, anchor.y + h / 2)
        inside = px.intersection(rect).area / rect.area if px.area else 0.0
        if inside >= min_inside and not any(rect.intersects(t) for t in taken):
            taken.append(rect)
            lon, lat = mapbox.to_lonlat(anchor.x, anchor.y)
            out.names.append((lon, lat, "<br>".join(lines), code))
        else:
            pending.append((code, anchor, px))
    if not numbered:
        return out
    pending.sort(key=lambda t: (t[1].y, t[1].x))  # numbers read top to bottom
    r = number_px / 2
    for i, (code, anchor, _px) in enumerate(pending, start=1):
        spot = None
        for dist in (0, 1.6 * number_px, 2.6 * number_px, 3.6 * number_px):
            for angle in range(0, 360, 45) if dist else (0,):
                x = anchor.x + dist * math.cos(math.radians(angle))
                y = anchor.y - dist * math.sin(math.radians(angle))
                disc = box(x - r, y - r, x + r, y + r)
                inside_map = (
                    x - r >= 0
                    and x + r <= mapbox.width_px
                    and y - r >= 0
                    and y + r <= mapbox.height_px
                )
                if inside_map and not any(disc.intersects(t) for t in taken):
                    spot = (x, y, disc, dist)
                    break
            if spot:
                break
        if spot is None:  # crowded beyond reason: keep it on its region, still keyed
            spot = (
                anchor.x,
                anchor.y,
                box(anchor.x - r, anchor.y - r, anchor.x + r, anchor.y + r),
                0,
            )
        x, y, disc, dist = spot
        taken.append(disc)
        lon, lat = mapbox.to_lonlat(x, y)
        out.numbers.append((lon, lat, i, code))
        if dist:
            a_lon, a_lat = mapbox.to_lonlat(anchor.x, anchor.y)
            out.leaders.append((a_lon, a_lat, lon, lat))
        out.key.append((i, names[code], code))
    return out


def _to_px_array(coords, mapbox: MapBox):
    import numpy as np

    x = (coords[:, 0] - mapbox.lon[0]) * mapbox.k
    y = (mapbox.lat[1] - coords[:, 1]) * mapbox.k
    return np.column_stack([x, y])
