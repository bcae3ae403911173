"""Peta: the kab/kota status map of Indonesia or one province, for one data year."""

import streamlit as st

from kkpham.ui import data, map_view
from kkpham.ui.state import url_select

try:
    ref = data.reference()
    cycles = ref["cycles"]
    names = dict(zip(ref["provinces"]["code"], ref["provinces"]["name"], strict=True))
    default_year = str(data.default_year())
except data.StoreUnavailable as exc:
    st.error(str(exc))
    st.stop()

st.title("Peta Kabupaten/Kota Peduli HAM")
left, right = st.columns(2)
province = url_select(
    "Provinsi", [None, *names], param="provinsi", key="peta_provinsi", default=None,
    format_func=lambda c: "Seluruh Indonesia" if c is None else f"{names[c]} ({c})",
    container=left,
)  # fmt: skip
year_text = url_select(
    "Tahun data", [str(y) for y in cycles["data_year"]], param="tahun", key="peta_tahun",
    default=default_year, format_func=lambda y: map_view.year_label(cycles, y),
    container=right, help="Tahun data X dinilai dan diumumkan sekitar 10 Desember X+1.",
)  # fmt: skip
year = int(year_text or default_year)
right.caption(map_view.cycle_caption(cycles, year))

place = names[province] if province else "Indonesia"
try:
    frame = data.map_frame(province, year)
    summary = data.summary(province, year)
    url, outline = data.geometry(province)
except data.StoreUnavailable as exc:
    st.error(str(exc))
    st.stop()

col_map, col_summary = st.columns([3, 1])
with col_map:
    map_view.show_map(frame, url, outline, map_view.map_title(place, year))
with col_summary:
    map_view.show_summary(summary, place)

st.subheader("Daftar kabupaten/kota")
map_view.region_table(frame)
