"""Indonesia's kab/kota and province boundaries: upstream manifest -> verified cache -> outputs."""

from kkpham.boundaries.build import build_boundaries, load_provinces, load_regions
from kkpham.boundaries.errors import BoundaryError

__all__ = ["BoundaryError", "build_boundaries", "load_provinces", "load_regions"]
