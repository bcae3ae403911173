"""Wilayah: one kab/kota over every data year — status strip, every source, streak, neighbours."""

import streamlit as st

from kkpham import region_profile
from kkpham.ui import compare as ui
from kkpham.ui import data
from kkpham.ui.state import url_select

lang = ui.lang_param()
try:
    ref = data.reference()
    cycles = ref["cycles"]
    regions = ui.regions()
except data.StoreUnavailable as exc:
    st.error(str(exc))
    st.stop()
ui.version_param(lang)

st.title("Profil kabupaten/kota" if lang != "en" else "Regency/city profile")
ui.search_region(lang)
label = dict(zip(regions["code"], regions["name"] + ", " + regions["province_name"], strict=True))
code = url_select(
    ui.t("region", lang), [None, *label], param="kode", key="wil_kode", default=None,
    format_func=lambda c: "—" if c is None else f"{label[c]} ({c})",
)  # fmt: skip
if code is None:
    st.stop()
mode = ui.year_mode_select(lang)
region = regions.set_index("code").loc[code]
province = str(region["province_code"])
st.query_params["provinsi"] = province  # a switch to another page keeps the province

try:
    prov_panel = ui.panel(province)
except data.StoreUnavailable as exc:
    st.error(str(exc))
    st.stop()

ui.region_header(region, code, lang)
ui.show_strip(prov_panel, code, cycles, "", lang, mode)
as_of = data.default_year()  # the latest held year with any result
streak = region_profile.region_streak(prov_panel, code, as_of)
st.markdown(region_profile.streak_text(streak, as_of, lang))
st.caption(ui.t("streak_note", lang))

st.subheader(ui.t("sources", lang))
ui.show_claims(code, lang)

st.subheader(f"{ui.t('context', lang)} {region['province_name']}")
streaks = ui.show_grid(prov_panel, cycles, "", lang, mode, as_of, highlight=code, key="wil_grid")
ui.streak_table(prov_panel, streaks, as_of, lang)
