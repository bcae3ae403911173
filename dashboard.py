"""Router: page config and navigation over the one page list (kkpham.ui.pages)."""

import streamlit as st

from kkpham.ui.pages import build_pages

st.set_page_config(
    page_title="Peta Kabupaten/Kota Peduli HAM",
    layout="wide",
)
st.navigation(build_pages()).run()
