"""Wilayah: one kab/kota over every data year — status strip, every source, streak, neighbours."""

import streamlit as st

from kkpham.model import region_profile
from kkpham.texts import t
from kkpham.ui import compare_view, panels, reads, state
from kkpham.ui import profile_view as ui
from kkpham.ui.router import use_router

use_router()  # first in every entry script (see kkpham.ui.router)

lang = state.begin_page("wilayah")
state.page_title(t("profile_title", lang), lang)
ref = reads.page_reference(lang)  # after the title: a store error still has the switch
cycles = ref["cycles"]
regions = panels.regions()

ui.search_region(lang)
label = dict(zip(regions["code"], regions["name"] + ", " + regions["province_name"], strict=True))
code = state.url_select(
    t("region", lang),
    [None, *label],
    param="kode",
    key="wil_kode",
    default=None,
    format_func=lambda c: "—" if c is None else f"{label[c]} ({c})",
    lang=lang,
)
if code is None:
    st.stop()
mode = state.year_mode_select(lang, key="wil_jenis_tahun")
region = regions.set_index("code").loc[code]
province = str(region["province_code"])
state.write_param("provinsi", province)  # a switch to another page keeps the province

try:
    prov_panel = panels.panel(province)
except reads.StoreUnavailable as exc:
    st.error(exc.text(lang))
    st.stop()

ui.region_header(region, code, lang)
ui.show_strip(prov_panel, code, cycles, "", lang, mode, view=(province,))
as_of = reads.default_year(code[:2])  # the latest held year with any result in its province
streak = region_profile.region_streak(prov_panel, code, as_of)
st.markdown(region_profile.streak_text(streak, as_of, lang))
st.caption(t("streak_note", lang))

st.subheader(t("sources", lang))
ui.show_claims(code, lang, prov_panel[prov_panel["code"] == code], view=(province,))

st.subheader(f"{t('context', lang)} {region['province_name']}")
streaks = compare_view.show_grid(
    prov_panel, cycles, "", lang, mode, as_of, highlight=code, key="wil_grid", view=(province,)
)
compare_view.streak_table(prov_panel, streaks, as_of, lang, cycles, mode, view=(province,))
