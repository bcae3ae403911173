"""Peta: the kab/kota status map of Indonesia or one province — one year with a play button, or
two years side by side with the change between them."""

import streamlit as st

from kkpham.texts import t
from kkpham.ui import change_view, map_view, presentation, reads, state, years
from kkpham.ui.router import use_router

use_router()  # first in every entry script (see kkpham.ui.router)

lang = state.begin_page("peta")
if not presentation.active():  # the slide has no title; a store error still has the switch
    state.page_title(t("map_title", lang), lang)
ref = reads.page_reference(lang)
cycles = ref["cycles"]
names = dict(zip(ref["provinces"]["code"], ref["provinces"]["name"], strict=True))

if presentation.active():  # ?tampilan=presentasi: map and three numbers, keys step the view
    presentation.show(
        state.read_param("provinsi", list(names), None)[0],
        cycles,
        names,
        reads.default_year(st.query_params.get("provinsi")),
        lang,
    )
    st.stop()

c1, c2, c3 = st.columns([2, 1, 1])
province = state.province_select(names, lang, key="peta_provinsi", container=c1)
mode = state.year_mode_select(lang, key="peta_jenis_tahun", container=c2)
view = change_view.view_select(lang, container=c3)
place = names[province] if province else "Indonesia"
default_year = str(reads.default_year(province))
# one rule on every route: a province chosen here opens on its latest year with data
state.follow_province(
    province, default_year, keys=(years.SLIDER_KEY, "peta_tahun_a"), memo="_peta_provinsi"
)

if view == "banding":
    change_view.show(cycles, province, place, default_year, lang, mode)
else:
    state.write_param("tahun2", None)  # one year: a second year would mislead a copied link
    years.player(
        lambda year: map_view.show_year(
            province, place, year, cycles, lang, mode, latest=reads.latest_year(province)
        ),
        cycles,
        default_year,
        lang,
        mode,
    )
