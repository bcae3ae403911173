"""Sumber & metode: where every number comes from, the rules the map follows, the licences."""

import streamlit as st

from kkpham.precedence import PRECEDENCE_TEXT_ID
from kkpham.ui import data, sumber_view

st.title("Sumber & metode")
try:
    ref = data.reference()
except data.StoreUnavailable as exc:
    st.error(str(exc))
    st.stop()

st.header("Siklus penilaian")
st.markdown(
    'Keputusan "Penetapan KKP HAM Tahun X" menilai **tahun data X** dan diserahkan sekitar '
    "10 Desember X+1. Bila sumber hanya menyebut tahun penghargaan, tahun data = tahun "
    "penghargaan − 1 dan baris itu ditandai *diturunkan*. Tahun data 2020 tidak dinilai."
)
sumber_view.show_cycles(ref["cycles"])

st.header("Status di peta")
sumber_view.show_statuses()

st.header("Jika sumber berbeda")
st.markdown(PRECEDENCE_TEXT_ID)

st.header("Sumber data")
sumber_view.show_sources(ref["sources"])

st.header("Lisensi")
st.markdown(sumber_view.LICENCES)
