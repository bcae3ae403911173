"""The region table and the name resolver built on it (from the boundary build + data/)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from kkpham.boundaries import load_provinces, load_regions
from kkpham.model.resolver import Resolver, load_aliases
from kkpham.settings import Settings


def resolver_for(settings: Settings) -> Resolver:
    """A resolver over the built region table; raises FileNotFoundError before the first build."""
    return _cached(str(settings.build_dir), settings)


@lru_cache(maxsize=4)
def _cached(_key: str, settings: Settings) -> Resolver:
    return Resolver(load_regions(settings), load_provinces(settings), load_aliases())


def province_resolver(provinces: pd.DataFrame) -> Resolver:
    """Enough of a resolver to turn province names and abbreviations into codes."""
    empty = pd.DataFrame(columns=["code", "name", "kind", "province_code", "province_name"])
    return Resolver(empty, provinces, load_aliases())
