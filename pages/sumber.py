"""Sumber & metode: where every number comes from, the rules the map follows, the licences."""

import streamlit as st

from kkpham.texts import t
from kkpham.ui import reads, state, sumber_view
from kkpham.ui.router import use_router

use_router()  # first in every entry script (see kkpham.ui.router)

lang = state.begin_page("sumber")
state.page_title(t("src_title", lang), lang)
ref = reads.page_reference(lang)

st.header(t("src_cycles", lang))
st.markdown(t("src_cycles_text", lang))
sumber_view.show_cycles(ref["cycles"], lang)

st.header(t("src_statuses", lang))
sumber_view.show_statuses(lang)

st.header(t("src_precedence", lang))
st.markdown(t("src_precedence_text", lang))

st.header(t("src_sources", lang))
sumber_view.show_sources(ref["sources"], lang)

st.header(t("src_licences", lang))
st.markdown(t("src_licences_text", lang))
