"""The page list the router uses and the tests parametrise over.

``st.Page`` resolves its file against the running script, so the objects are built by a function
called inside the app run; ``PAGE_SPECS`` is the plain data both the router and the tests read.
Streamlit serves its default page only at ``/``; the map must live at ``/peta``, so the default
page is a hidden landing that forwards to the map with the query parameters intact.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st


@dataclass(frozen=True)
class PageSpec:
    path: str  # relative to dashboard.py
    url_path: str  # its title in the navigation: the text catalogue's ``nav_<url_path>``


PAGE_SPECS: tuple[PageSpec, ...] = (
    PageSpec("pages/peta.py", "peta"),
    PageSpec("pages/bandingkan.py", "bandingkan"),
    PageSpec("pages/wilayah.py", "wilayah"),
    PageSpec("pages/data.py", "data"),
    PageSpec("pages/sumber.py", "sumber"),
)
ROOT = Path(__file__).resolve().parents[2]
HOME = PAGE_SPECS[0]  # where "/" forwards to


def present_specs() -> list[PageSpec]:
    """The specs whose page file exists (pages land in the checkout one by one)."""
    return [s for s in PAGE_SPECS if (ROOT / s.path).exists()]


def build_pages() -> list[st.Page]:
    """The ``st.Page`` objects for ``st.navigation`` (call inside a script run).

    No page icons: Streamlit fetches Material icons for the favicon from a CDN.
    """
    from kkpham.texts import t
    from kkpham.ui.state import url_lang

    specs = present_specs()
    lang = url_lang()
    pages = [
        st.Page(s.path, title=t(f"nav_{s.url_path}", lang), url_path=s.url_path) for s in specs
    ]
    home = pages[specs.index(HOME)]

    def landing() -> None:
        st.switch_page(home, query_params=st.query_params.to_dict())

    return [
        st.Page(
            landing,
            title=t(f"nav_{HOME.url_path}", lang),
            url_path="mulai",
            default=True,
            visibility="hidden",
        ),
        *pages,
    ]
