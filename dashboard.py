"""Router: page config and navigation over the one page list (kkpham.ui.pages)."""

import streamlit as st

from kkpham.texts import t
from kkpham.ui.pages import build_pages
from kkpham.ui.router import use_router
from kkpham.ui.state import url_lang

use_router()  # first: fails loudly if the Streamlit internals it needs have changed

st.set_page_config(
    page_title=t("map_title", url_lang()),
    layout="wide",
)
st.navigation(build_pages(), position="top").run()
