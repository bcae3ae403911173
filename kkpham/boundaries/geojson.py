"""Compact GeoJSON text from shapely geometries, coordinates rounded, ring order preserved."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely


def geometry_dict(geom: shapely.Geometry, decimals: int) -> dict[str, Any]:
    """Polygon/MultiPolygon as a GeoJSON dict; rings keep their orientation (no RFC 7946 rewind)."""
    polygons = shapely.get_parts(geom)
    coords = [
        [
            np.round(shapely.get_coordinates(ring), decimals).tolist()
            for ring in shapely.get_rings(polygon)
        ]
        for polygon in polygons
    ]
    if shapely.get_type_id(geom) == shapely.GeometryType.POLYGON:
        return {"type": "Polygon", "coordinates": coords[0]}
    return {"type": "MultiPolygon", "coordinates": coords}


def feature_collection(
    properties: Sequence[dict[str, str]], geoms: Sequence[shapely.Geometry], decimals: int
) -> bytes:
    features = [
        {"type": "Feature", "properties": props, "geometry": geometry_dict(g, decimals)}
        for props, g in zip(properties, geoms, strict=True)
    ]
    text = json.dumps(
        {"type": "FeatureCollection", "features": features},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return text.encode()
