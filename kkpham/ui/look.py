"""Page-wide look: less empty space above the title, so the map starts above the fold on a
1366×768 laptop."""

from __future__ import annotations

import streamlit as st

# Our own constant CSS (never data): Streamlit leaves ~6rem above the first element; the top
# navigation bar (stHeader) is 60 px high: the title starts right below it.
CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 60px; }
[data-testid="stMain"] h1 { font-size: 2rem; padding: 0.25rem 0 0.5rem 0; }
</style>"""


def compact() -> None:
    st.markdown(CSS, unsafe_allow_html=True)
