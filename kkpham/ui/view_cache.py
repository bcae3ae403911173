"""What a view draws, built once per data version: figures and display tables keyed on plain values.

Building a Plotly figure (every property set through Plotly's validators) and the display tables
is most of a page run; a warm view of the same page, year and language would build the same
objects again. ``once(key, build)`` runs ``build()`` the first time a (data version, key) pair is
asked for and returns that same object afterwards, shared by every session
(``st.cache_resource``, no copy per rerun): treat it as read-only (``st.plotly_chart`` and
``st.dataframe`` only read what they are given).

The key names everything ``build`` depends on besides the store: what it draws (``kind``), the
view (province, years, region), the language, the year mode, titles, sizes and, for a table with
profile links, the URL parameters the links carry. A write (import, undo, restore, rebuild)
changes the data version (``reads.data_version``), so the next run builds from the new data; old
entries age out of the bounded cache. The figure builders stay pure (``kkpham.figures``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

from kkpham.ui import reads

T = TypeVar("T")
MAX_ENTRIES = 160  # a national map figure is ~1 MB in memory; a province map or a table far less


@st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES)
def _once(version: str, key: tuple[Hashable, ...], _build: Callable[[], T]) -> T:
    """``_build()`` of one (data version, key); the builder itself is not part of the key."""
    return _build()


def once(key: tuple[Hashable, ...], build: Callable[[], T]) -> T:
    """``build()``, run once per data version and ``key`` (plain values: str, int, float, bool,
    None and tuples of them), shared read-only afterwards. Raises ``reads.StoreUnavailable``."""
    return _once(reads.data_version(), key, build)


def clear() -> None:
    """Forget every built object (tests)."""
    _once.clear()
