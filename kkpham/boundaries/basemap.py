"""A minimal local base map for Plotly's geo subplot, so plotly.js never asks a CDN for one.

plotly.js fetches ``<topojsonURL><scope>_<resolution>m.json`` whenever a geo trace has a
``locationmode`` (a choropleth with a GeoJSON always has ``geojson-id``), even if every base
layer is hidden. Its geo code reads ``topology.objects[layer]`` only for the layers it draws
(``land``, ``ocean``, ``lakes``, ``subunits``, ``countries``, ``coastlines``, ``rivers``). Our map
hides all of them and draws the kab/kota polygons from our own GeoJSON, so a valid topology with
those objects as empty geometry collections is all it needs: a few hundred bytes, no third-party
data, no licence.
"""

from __future__ import annotations

import json
from pathlib import Path

BASE_NAME = "world_110m.json"  # scope "world", resolution 110 (plotly.js defaults)
LAYERS = ("land", "ocean", "lakes", "subunits", "countries", "coastlines", "rivers")


def base_topology() -> dict:
    """A valid TopoJSON topology with every object plotly.js may read, each empty."""
    return {
        "type": "Topology",
        "objects": {name: {"type": "GeometryCollection", "geometries": []} for name in LAYERS},
        "arcs": [],
    }


def write_base_topojson(dest_dir: Path) -> Path:
    """Write ``dest_dir/world_110m.json`` (idempotent); return its path."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    path = dest_dir / BASE_NAME
    text = json.dumps(base_topology(), separators=(",", ":"))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path
