"""Sumber & metode: where every number comes from, the rules the map follows, the licences."""

import streamlit as st

from kkpham.ui import data, state, sumber_view
from kkpham.ui.router import use_router

use_router()  # first in every entry script (see kkpham.ui.router)

lang = state.begin_page("sumber")
text = sumber_view.TEXT["en" if lang == "en" else "id"]
st.title(text["title"])
ref = data.page_reference(lang)

st.header(text["cycles"])
st.markdown(text["cycles_text"])
sumber_view.show_cycles(ref["cycles"], lang)

st.header(text["statuses"])
sumber_view.show_statuses(lang)

st.header(text["precedence"])
st.markdown(text["precedence_text"])

st.header(text["sources"])
sumber_view.show_sources(ref["sources"], lang)

st.header(text["licences"])
st.markdown(sumber_view.LICENCES[lang if lang == "en" else "id"])
