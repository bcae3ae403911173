"""Tables for the "Sumber & metode" page: cycles, status vocabulary, sources, licences."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.vocab import STATUSES

LICENCES = (
    "- **Batas wilayah**: turunan dari [cahyadsn/wilayah_boundaries]"
    "(https://github.com/cahyadsn/wilayah_boundaries) (MIT, © Cahya DSN); kode wilayah "
    "Kemendagri. Pemberitahuan lisensi ada di folder `shapefiles/` repositori ini.\n"
    "- **Hasil KKP HAM**: fakta dari halaman publik (keputusan, situs pemerintah, berita) yang "
    "dikutip di setiap baris; tautan sumber ada di peta, tabel dan daftar di bawah.\n"
    "- **Peta dasar**: tidak ada; peta hanya menggambar poligon kab/kota dari berkas lokal."
)
ROW_PX = 35  # st.dataframe row height: show every cycle without scrolling
KIND_LABELS = {"keputusan": "Keputusan Menteri", "pemerintah": "Situs pemerintah",
               "berita": "Berita"}  # fmt: skip


def show_cycles(cycles: pd.DataFrame) -> None:
    table = pd.DataFrame({
        "Tahun data": cycles["data_year"],
        "Tahun penghargaan": cycles["award_year"],
        "Dilaksanakan": cycles["held"],
        "Rezim": cycles["regime"],
        "Peraturan": cycles["regulation"],
        "Keputusan": cycles["decree_number"],
        "Tanggal keputusan": cycles["decree_date"],
        "Penyerahan": cycles["award_date"],
        "Catatan": cycles["note"],
        "Sumber": cycles["source_url"],
    })  # fmt: skip
    st.dataframe(table, hide_index=True, width="stretch", height=ROW_PX * (len(table) + 1) + 3,
                 column_config={"Sumber": st.column_config.LinkColumn("Sumber")})  # fmt: skip


def show_statuses() -> None:
    table = pd.DataFrame({
        "Kode": [s.key for s in STATUSES],
        "Status": [s.label_id for s in STATUSES],
        "Arti": [s.description_id for s in STATUSES],
        "Dari sumber": ["ya" if s.stored else "diturunkan" for s in STATUSES],
        "Warna": [s.color for s in STATUSES],
    })  # fmt: skip
    colours = {s.color: s.color for s in STATUSES}
    styled = table.style.map(lambda c: f"background-color: {colours[c]}", subset=["Warna"])
    st.dataframe(styled, hide_index=True, width="stretch")


def show_sources(sources: pd.DataFrame) -> None:
    table = pd.DataFrame({
        "Sumber": sources["url"],
        "Jenis": sources["kind"].map(KIND_LABELS).fillna(sources["kind"]),
        "Baris hasil": sources["n_results"],
    })  # fmt: skip
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={"Sumber": st.column_config.LinkColumn("Sumber")})  # fmt: skip
