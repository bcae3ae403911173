"""Vectorised shapely steps: repair, clean the coverage, snap to a grid, thin, simplify, orient.

Every function takes and returns a numpy array of geometries aligned with ``codes`` (kab/kota or
province codes) so a failure can name the region.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import Transformer

from kkpham.boundaries.errors import BoundaryError

AREA_CRS = "EPSG:6933"  # WGS 84 / EASE-Grid 2.0 global cylindrical equal-area, metres
_TO_EQUAL_AREA = Transformer.from_crs("EPSG:4326", AREA_CRS, always_xy=True)
_POLYGONAL = {shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON}


@dataclass(frozen=True)
class Level:
    """One output level: isolated islets dropped, topology-preserving simplification, a grid."""

    min_island_km2: float  # isolated parts smaller than this are dropped ...
    keep_area_fraction: float  # ... unless among the largest parts making up this share of area
    tolerance_deg: float
    decimals: int


def areas_km2(geoms: np.ndarray) -> np.ndarray:
    projected = shapely.transform(geoms, lambda c: np.column_stack(_TO_EQUAL_AREA.transform(*c.T)))
    return shapely.area(projected) / 1e6


def polygonal(geoms: np.ndarray, codes: np.ndarray, step: str) -> np.ndarray:
    """Keep only the polygon parts; a region left with none is an error."""
    out = geoms.copy()
    for i in np.nonzero(~np.isin(shapely.get_type_id(geoms), list(_POLYGONAL)))[0]:
        parts = shapely.get_parts(geoms[i])
        parts = parts[np.isin(shapely.get_type_id(parts), list(_POLYGONAL))]
        out[i] = shapely.union_all(parts) if len(parts) else shapely.Polygon()
    empty = shapely.is_empty(out)
    if empty.any():
        raise BoundaryError(f"{step}: no polygon left for {', '.join(codes[empty])}")
    return out


def repair(geoms: np.ndarray, codes: np.ndarray) -> np.ndarray:
    fixed = shapely.make_valid(geoms, method="structure", keep_collapsed=False)
    return polygonal(fixed, codes, "make_valid")


def clean(geoms: np.ndarray, codes: np.ndarray, gap_width: float, merge: str) -> np.ndarray:
    """Remove overlaps; merge gaps narrower than ``gap_width`` into a neighbour."""
    cleaned = shapely.coverage_clean(geoms, gap_width=gap_width, merge_strategy=merge)
    return polygonal(np.asarray(cleaned), codes, "coverage_clean")


def snap(geoms: np.ndarray, codes: np.ndarray, decimals: int, step: str) -> np.ndarray:
    """Round to a ``10**-decimals`` grid and keep the coverage valid.

    Rounding one polygon at a time can open a sliver between neighbours; a gap-free
    ``coverage_clean`` mends it but adds noding points off the grid, so round again. GEOS skips
    ``set_precision`` when the geometry already carries that grid, hence the reset to 0 first.
    """
    grid = 10.0**-decimals
    for _ in range(4):
        geoms = shapely.set_precision(shapely.set_precision(geoms, 0), grid)
        geoms = polygonal(np.asarray(geoms), codes, f"{step}: rounding")
        if on_grid(geoms, decimals) and coverage_problems(geoms, codes) == []:
            return geoms
        geoms = polygonal(np.asarray(shapely.coverage_clean(geoms)), codes, step)
    raise BoundaryError(
        f"{step}: coverage still invalid after rounding to {grid:g}°: "
        + "; ".join(coverage_problems(geoms, codes))
    )


def on_grid(geoms: np.ndarray, decimals: int) -> bool:
    coords = shapely.get_coordinates(geoms)
    return bool(np.all(np.abs(np.round(coords, decimals) - coords) < 10.0 ** -(decimals + 3)))


def coverage_problems(geoms: np.ndarray, codes: np.ndarray) -> list[str]:
    """Why ``geoms`` is not a valid polygonal coverage (empty list: it is)."""
    problems = [
        f"{c} is invalid ({shapely.is_valid_reason(g)})"
        for c, g in zip(codes, geoms, strict=True)
        if not shapely.is_valid(g)
    ]
    if problems:
        return problems
    if not shapely.coverage_is_valid(geoms):
        bad = ~shapely.is_empty(shapely.coverage_invalid_edges(geoms))
        problems.append(f"overlapping or mismatched edges at {', '.join(codes[bad])}")
    return problems


def drop_islands(geoms: np.ndarray, level: Level) -> np.ndarray:
    """Drop small parts that touch no other region, keeping each region's largest parts."""
    parts, owners = shapely.get_parts(geoms, return_index=True)
    area = areas_km2(parts)
    total = np.bincount(owners, weights=area, minlength=len(geoms))
    # Sort by owner, then largest first; a part is protected while the larger parts of its owner
    # before it cover less than keep_area_fraction of the region.
    order = np.lexsort((-area, owners))
    sorted_area, sorted_owner = area[order], owners[order]
    before = np.cumsum(sorted_area) - sorted_area  # area of all earlier parts, any owner
    first = np.searchsorted(sorted_owner, sorted_owner)  # each owner's first sorted position
    before_in_owner = before - before[first]
    protected = np.empty(len(parts), bool)
    protected[order] = before_in_owner < level.keep_area_fraction * total[sorted_owner]
    candidates = np.nonzero(~protected & (area < level.min_island_km2))[0]
    tree = shapely.STRtree(geoms)
    part_idx, geom_idx = tree.query(parts[candidates], predicate="intersects")
    touching = np.zeros(len(candidates), bool)
    touching[part_idx[geom_idx != owners[candidates[part_idx]]]] = True
    keep = np.ones(len(parts), bool)
    keep[candidates[~touching]] = False
    out = np.empty(len(geoms), dtype=object)
    for i in range(len(geoms)):
        kept = parts[(owners == i) & keep]
        out[i] = kept[0] if len(kept) == 1 else shapely.multipolygons(kept)
    return out


def simplify_level(full: np.ndarray, codes: np.ndarray, level: Level, name: str) -> np.ndarray:
    """Islets dropped, snapped, then coverage-simplified (keeps vertices, so stays on the grid)."""
    thinned = drop_islands(full, level)
    snapped = snap(thinned, codes, level.decimals, name)
    simple = polygonal(
        np.asarray(shapely.coverage_simplify(snapped, level.tolerance_deg)),
        codes,
        f"{name}: coverage_simplify",
    )
    return checked(orient(simple), codes, name)


def dissolve(geoms: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(group keys, union of each group's geometries); the inputs form a valid coverage."""
    keys = np.unique(groups)
    unions = [shapely.coverage_union_all(geoms[groups == k]) for k in keys]
    return keys, orient(polygonal(np.asarray(unions), keys, "coverage_union"))


def orient(geoms: np.ndarray) -> np.ndarray:
    """Exterior rings clockwise: d3/Plotly geo fills the whole globe otherwise."""
    return np.asarray(shapely.orient_polygons(geoms, exterior_cw=True))


def checked(geoms: np.ndarray, codes: np.ndarray, step: str) -> np.ndarray:
    problems = coverage_problems(geoms, codes)
    if problems:
        raise BoundaryError(f"{step}: not a valid coverage: " + "; ".join(problems))
    return geoms
