"""Indonesia's kab/kota and province boundaries: upstream manifest -> verified cache -> outputs."""

from kkpham.boundaries.errors import BoundaryError
from kkpham.boundaries.pipeline import build_boundaries, load_provinces, load_regions

__all__ = ["BoundaryError", "build_boundaries", "load_provinces", "load_regions"]
