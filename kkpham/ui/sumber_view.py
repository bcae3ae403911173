"""Tables for the "Sumber & metode" page: cycles, status vocabulary, sources, licences."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.precedence import PRECEDENCE_TEXT_ID
from kkpham.ui.safe_text import citations, web_links
from kkpham.vocab import STATUSES

TEXT = {
    "id": {
        "title": "Sumber & metode", "cycles": "Siklus penilaian", "statuses": "Status di peta",
        "precedence": "Jika sumber berbeda", "sources": "Sumber data", "licences": "Lisensi",
        "cycles_text": 'Keputusan "Penetapan KKP HAM Tahun X" menilai **tahun data X** dan '
        "diserahkan sekitar 10 Desember X+1. Bila sumber hanya menyebut tahun penghargaan, tahun "
        "data = tahun penghargaan − 1 dan baris itu ditandai *diturunkan*. Tahun data 2020 tidak "
        "dinilai.",
        "precedence_text": PRECEDENCE_TEXT_ID,
    },
    "en": {
        "title": "Sources & method", "cycles": "Assessment cycles",
        "statuses": "Statuses on the map",
        "precedence": "When sources disagree", "sources": "Data sources", "licences": "Licences",
        "cycles_text": 'The decree "Penetapan KKP HAM Tahun X" assesses **data year X** and is '
        "handed over around 10 December of X+1. When a source gives only the award year, data "
        "year = award year − 1 and the row is marked *derived*. Data year 2020 was not assessed.",
        # A translation of kkpham.precedence.PRECEDENCE_TEXT_ID (the rule itself lives there).
        "precedence_text": "When sources disagree, the map shows one claim in this order: (1) "
        "Ministerial decree > government site (.go.id) > news; (2) a newer import (correction) > "
        "an older one; (3) a claim naming the region > an 'all kab/kota' statement; (4) a claim "
        "with a score > without; (5) the status backed by more sources; (6) a region named as "
        "receiving the predicate > not listed. Every claim is kept and shown; regions with "
        "conflicting claims get a thick border.",
    },
}  # fmt: skip
HEADERS = {
    "en": {"Tahun data": "Data year", "Tahun penghargaan": "Award year", "Dilaksanakan": "Held",
           "Rezim": "Regime", "Peraturan": "Regulation", "Keputusan": "Decree",
           "Tanggal keputusan": "Decree date", "Penyerahan": "Award date", "Catatan": "Note",
           "Sumber": "Source", "Kode": "Key", "Arti": "Meaning", "Dari sumber": "From a source",
           "Warna": "Colour", "Jenis": "Kind", "Baris hasil": "Result rows"},
}  # fmt: skip


def _headers(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return table.rename(columns=HEADERS.get(lang, {}))


LICENCES_ID = (
    "- **Batas wilayah**: turunan dari [cahyadsn/wilayah_boundaries]"
    "(https://github.com/cahyadsn/wilayah_boundaries) (MIT, © Cahya DSN); kode wilayah "
    "Kemendagri. Pemberitahuan lisensi ada di folder `shapefiles/` repositori ini.\n"
    "- **Hasil KKP HAM**: fakta dari halaman publik (keputusan, situs pemerintah, berita) yang "
    "dikutip di setiap baris; tautan sumber ada di peta, tabel dan daftar di bawah.\n"
    "- **Peta dasar**: tidak ada; peta hanya menggambar poligon kab/kota dari berkas lokal."
)
LICENCES = {
    "id": LICENCES_ID,
    "en": (
        "- **Boundaries**: derived from [cahyadsn/wilayah_boundaries]"
        "(https://github.com/cahyadsn/wilayah_boundaries) (MIT, © Cahya DSN); Kemendagri region "
        "codes. The licence notices are in this repository's `shapefiles/` folder.\n"
        "- **KKP HAM results**: facts from the public pages (decrees, government sites, news) "
        "cited in each row; source links are on the map, in the tables and in the list above.\n"
        "- **Base map**: none; the map draws only kab/kota polygons from local files."
    ),
}
ROW_PX = 35  # st.dataframe row height: show every cycle without scrolling
KIND_LABELS = {"keputusan": "Keputusan Menteri", "pemerintah": "Situs pemerintah",
               "berita": "Berita"}  # fmt: skip


def show_cycles(cycles: pd.DataFrame, lang: str = "id") -> None:
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
        "Sumber": web_links(cycles["source_url"]),
    })  # fmt: skip
    table = _headers(table, lang)
    st.dataframe(table, hide_index=True, width="stretch", height=ROW_PX * (len(table) + 1) + 3,
                 column_config={table.columns[-1]: st.column_config.LinkColumn()})  # fmt: skip


def show_statuses(lang: str = "id") -> None:
    table = pd.DataFrame({
        "Kode": [s.key for s in STATUSES],
        "Status": [s.label(lang) for s in STATUSES],
        "Arti": [s.description_id for s in STATUSES],
        "Dari sumber": ["ya" if s.stored else "diturunkan" for s in STATUSES],
        "Warna": [s.color for s in STATUSES],
    })  # fmt: skip
    colours = {s.color: s.color for s in STATUSES}
    table = _headers(table, lang)
    styled = table.style.map(lambda c: f"background-color: {colours[c]}",
                             subset=[table.columns[-1]])  # fmt: skip
    st.dataframe(styled, hide_index=True, width="stretch")


def show_sources(sources: pd.DataFrame, lang: str = "id") -> None:
    table = pd.DataFrame({  # only an http(s) source is a link; a decree number stays text
        "Sumber": web_links(sources["url"]),
        "Keputusan": citations(sources["url"]),
        "Jenis": sources["kind"].map(KIND_LABELS).fillna(sources["kind"]),
        "Baris hasil": sources["n_results"],
    })  # fmt: skip
    table = _headers(table, lang)
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={table.columns[0]: st.column_config.LinkColumn()})  # fmt: skip
