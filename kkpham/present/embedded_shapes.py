"""The view's polygons as GeoJSON dicts, for figures rendered away from the app's static server.

The live map references ``/app/static/geo/<build>/…json`` by URL; a static render (Kaleido's file
page) cannot fetch that, so the same files are read here and embedded in the figure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kkpham.texts import Explained, Message


@dataclass(frozen=True)
class ViewGeometry:
    regions: dict  # kab/kota FeatureCollection (province file, or the coarse national file)
    provinces: dict | None  # province outlines (national view only)


class ShapesMissing(Explained, FileNotFoundError):
    """The view's map geometry is not built."""


@lru_cache(maxsize=48)
def _load(path: Path, mtime: float) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _read(path: Path) -> dict:
    if not path.is_file():
        raise ShapesMissing(Message("ctx_shapes_missing", path=str(path)))
    return _load(path, path.stat().st_mtime)


def view_geometry(static_dir: Path, boundary_build: str, province_code: str | None) -> ViewGeometry:
    folder = static_dir / "geo" / boundary_build
    if province_code:
        return ViewGeometry(_read(folder / f"kab_{province_code}.json"), None)
    return ViewGeometry(_read(folder / "kab_national.json"), _read(folder / "prov_national.json"))
