"""The one text catalogue: every user-visible string, Indonesian and English side by side.

``t(key, lang, **kw)`` returns the text in ``lang`` ("id", the default, or "en"), formatted with
``kw`` when given. Both languages always have the same keys and the same ``{placeholders}``
(tests/test_texts.py). Numbers, percentages and dates are formatted by ``kkpham.formatting``.
Importable without Streamlit. New keys go in a block at the end marked ``# --- issue N ---``.
"""

from __future__ import annotations

# key: (Indonesian, English)
ENTRIES: dict[str, tuple[str, str]] = {
    # --- shared controls ---
    "province": ("Provinsi", "Province"),
    "all": ("Seluruh Indonesia", "All of Indonesia"),
    "year": ("Tahun data", "Data year"),
    "year2": ("Dibandingkan dengan", "Compared with"),
    "year_mode": ("Jenis tahun", "Year shown"),
    "mode_data": ("Tahun data", "Data year"),
    "mode_award": ("Tahun penghargaan", "Award year"),
    "region": ("Kabupaten/kota", "Regency/city"),
    "profile": ("Profil", "Profile"),
    "code": ("Kode", "Code"),
    "url_unknown": ("Nilai `{param}={value}` di URL tidak dikenal; ditampilkan {shown}.",
                    "Value `{param}={value}` in the URL is not known; showing {shown}."),
    "version_note": ("Tautan ini dibuat dari data versi `{old}`. Yang tampil sekarang versi "
                     "`{new}`: data sudah dibangun ulang atau ditambah.",
                     "This link was made from data build `{old}`. You are seeing build `{new}`: "
                     "the data was rebuilt or extended since."),
    # --- map page ---
    "map_title": ("Peta Kabupaten/Kota Peduli HAM", "Map of Kabupaten/Kota Peduli HAM"),
    "view": ("Tampilan", "View"),
    "view_one": ("Satu tahun", "One year"),
    "view_two": ("Dua tahun (perubahan)", "Two years (change)"),
    "play": ("▶ Putar", "▶ Play"),
    "pause": ("■ Jeda", "■ Pause"),
    "play_help": ("Menampilkan tahun yang dinilai satu per satu (2020 dilewati).",
                  "Steps through the assessed years (2020 is skipped)."),
    "year_help": ("Tahun data X dinilai dan diumumkan sekitar 10 Desember X+1.",
                  "Data year X is assessed and announced around 10 December of X+1."),
    "not_held": ("tidak dinilai", "not assessed"),
    "award": ("penghargaan", "award"),
    "data": ("data", "data"),
    "track": ("Aturan penilaian", "Assessment rules"),
    "regions": ("Daftar kabupaten/kota", "Regencies and cities"),
    "open_profile": ("Buka profil", "Open profile"),
    "open_profile_hint": ("atau klik wilayah di peta", "or click a region on the map"),
    "peduli": ("Peduli HAM", "Peduli HAM"),
    "known": ("Daerah dengan data", "Regions with data"),
    "disputed": ("Sumber berbeda", "Sources disagree"),
    "of": ("dari", "of"),
    "areas": ("daerah", "regions"),
    "per_source": ("Menurut sumber {links}: **{told}** kab/kota menerima predikat{derived}"
                   "{cukup}.",
                   "Per source {links}: **{told}** regions received the predicate{derived}"
                   "{cukup}."),
    "ours_counts": ("Tercatat di dasbor ini: **{peduli} Peduli HAM**, {cukup} Cukup Peduli HAM.",
                    "Recorded in this dashboard: **{peduli} Peduli HAM**, {cukup} Cukup "
                    "Peduli HAM."),
    "cukup_awarded": (" (Permenkumham 34/2016: Cukup Peduli HAM juga menerima penghargaan)",
                      " (Permenkumham 34/2016: Cukup Peduli HAM regions were awarded too)"),
    "share_range": ("({low}). {unknown} kab/kota belum ada data.",
                    "({low}). {unknown} regions have no data yet."),
    "summary_not_held": ("Tahun data ini **tidak dinilai**. Penilaian 2021 dibatalkan karena "
                         "COVID-19, jadi tidak ada predikat untuk tahun data 2020.",
                         "This data year was **not assessed**. The 2021 round was cancelled "
                         "because of COVID-19, so there is no predicate for data year 2020."),
    "not_held_why": ("penilaian 2021 dibatalkan karena COVID-19",
                     "the 2021 round was cancelled because of COVID-19"),
    "no_data_year": ("belum ada data untuk tahun ini ({total} kab/kota)",
                     "no data for this year yet ({total} regions)"),
    "no_data_here": ("Belum ada data {place} untuk tahun data {year}. Tahun terakhir yang ada "
                     "datanya: **{latest}**.",
                     "No data for {place} in data year {year} yet. The latest year with data: "
                     "**{latest}**."),
    "no_data_anywhere": ("Belum ada data untuk {place}.", "No data for {place} yet."),
    "not_held_shown": ("Tahun data {year} tidak dinilai; ditampilkan {shown}.",
                       "Data year {year} was not assessed; showing {shown}."),
    "note_origin": ("Keterangan pada data rujukan adalah ringkasan penyusun dalam bahasa Inggris. "
                    "Buka tautan sumber untuk teks aslinya. Keterangan pada data impor ditulis "
                    "oleh pengimpor.",
                    "Notes on reference rows are the compiler's English summary of the source. "
                    "Open the source for the original text. Notes on imported rows are the "
                    "importer's."),
    "change_hint": ("Perubahan hanya diisi bila kedua tahun punya data untuk semua kab/kota.",
                    "A change is shown only when both years have data for every region."),
    "derived": (" (tahun data diturunkan dari tahun penghargaan)",
                " (data year derived from the award year)"),
    "derived_hover": ("Tahun data diturunkan dari tahun penghargaan (tahun penghargaan − 1)",
                      "Data year derived from the award year (award year − 1)"),
    "no_source": ("tanpa sumber", "no source"),
    "status": ("Status", "Status"),
    "count": ("Jumlah", "Count"),
    "score": ("Nilai", "Score"),
    "source": ("Sumber", "Source"),
    "decree": ("Keputusan", "Decree"),
    "change_map": ("Peta perubahan", "Change map"),
    "change": ("Perubahan", "Change"),
    "same_year": ("Pilih dua tahun yang berbeda.", "Pick two different years."),
    "not_held_cmp": ("Tahun data 2020 tidak dinilai, jadi tidak dapat dibandingkan.",
                     "Data year 2020 was not assessed and cannot be compared."),
    "change_title": ("Perubahan {a} → {b} — {place}", "Change {a} → {b} — {place}"),
    "map_heading": ("Kabupaten/Kota Peduli HAM — {place}, {year}",
                    "Kabupaten/Kota Peduli HAM — {place}, {year}"),
    "cycle_caption": ("Tahun data **{year}** → penghargaan **{award}** · {regulation}{decree}",
                      "Data year **{year}** → award **{award}** · {regulation}{decree}"),
    "cycle_not_held": ("Tahun data {year}: penilaian **tidak dilaksanakan** ({why}).",
                       "Data year {year}: **not assessed** ({why})."),
    "kabkota": ("kab/kota", "regencies/cities"),
    "seribu_note": ("Kepulauan Seribu (di utara Teluk Jakarta) tidak ikut diperbesar; statusnya "
                    "ada di tabel.",
                    "Kepulauan Seribu (north of Jakarta Bay) is left out of the zoom; its status "
                    "is in the table."),
    # --- compare page and profile ---
    "compare_title": ("Bandingkan wilayah dan tahun", "Compare regions and years"),
    "profile_title": ("Profil kabupaten/kota", "Regency/city profile"),
    "league": ("Peringkat provinsi", "Province league table"),
    "share": ("Persentase kab/kota Peduli HAM", "Share of kab/kota Peduli HAM"),
    "grid": ("Kab/kota × tahun", "Kab/kota × year"),
    "trans": ("Perubahan antartahun", "Change between years"),
    "matrix": ("Matriks perubahan kategori", "Transition matrix"),
    "search": ("Cari nama kab/kota (ejaan di berita juga bisa)",
               "Search a name (news spellings work)"),
    "not_found": ("Tidak ditemukan", "Not found"),
    "sources": ("Semua sumber per tahun", "Every source per year"),
    "context": ("Kab/kota lain di", "Other kab/kota in"),
    "streak_note": ("Tahun data 2020 tidak dinilai dan tidak memutus hitungan berturut-turut. "
                    "Tahun yang belum ada datanya memutus hitungan.",
                    "Data year 2020 was not assessed and does not break a streak. A year "
                    "without data breaks the streak."),
    "no_reported": ("Sumber tidak memuat jumlah untuk wilayah ini. Garis hanya menunjukkan data "
                    "yang tercatat di dasbor ini.",
                    "No counts from sources for this area. The line shows only the rows "
                    "recorded in this dashboard."),
    "pick_province": ("Pilih provinsi (di atas, atau klik baris peringkat) untuk melihat tabel "
                      "kab/kota × tahun.",
                      "Pick a province (above, or click a league-table row) for the kab/kota "
                      "× year grid."),
    "reported_note": ("Sumber menghitung penerima penghargaan. Menurut Permenkumham 34/2016, "
                      "jumlah itu dapat mencakup \"Cukup Peduli HAM\".",
                      "Sources count awards. Under Permenkumham 34/2016 that count may "
                      "include \"Cukup Peduli HAM\"."),
    "lower_bound": ("Selama ada kab/kota yang belum ada datanya, persentase ini adalah batas "
                    "bawah.",
                    "While some kab/kota have no data, this share is a lower bound."),
    "select_hint": ("Klik baris untuk memilih provinsi.", "Click a row to pick a province."),
    # --- figures (axis titles, hover) ---
    "fig_streak": ("Berturut-turut s.d. {y} · pertama", "Streak to {y} · first"),
    "fig_share": ("% kab/kota Peduli HAM", "% of kab/kota Peduli HAM"),
    "fig_ours": ("Tercatat di dasbor (terkonfirmasi)", "Recorded here (confirmed)"),
    "fig_max": ("Batas atas (bila yang belum ada data semuanya Peduli)",
                "Upper bound (if every region without data were Peduli)"),
    "fig_reported": ("Jumlah menurut sumber", "Reported by sources"),
    "fig_status_in": ("Kategori tahun {y}", "Category in {y}"),
    "fig_claims": ("klaim", "claims"),
    "fig_disputed": ("sumber berbeda", "sources disagree"),
    "fig_no_reported": ("Sumber tidak memuat jumlah untuk cakupan ini",
                        "No source-reported counts for this scope"),
    # --- sources & method page ---
    "src_title": ("Sumber & metode", "Sources & method"),
    "src_cycles": ("Siklus penilaian", "Assessment cycles"),
    "src_statuses": ("Kategori di peta", "Categories on the map"),
    "src_precedence": ("Jika sumber berbeda", "When sources disagree"),
    "src_sources": ("Sumber data", "Data sources"),
    "src_licences": ("Lisensi", "Licences"),
    "src_cycles_text": ('Keputusan "Penetapan KKP HAM Tahun X" menilai **tahun data X**. '
                        "Penghargaannya diserahkan sekitar 10 Desember X+1. Bila sumber hanya "
                        "menyebut tahun penghargaan, tahun data = tahun penghargaan − 1, dan "
                        "baris itu ditandai *diturunkan*. Tahun data 2020 tidak dinilai.",
                        'The decree "Penetapan KKP HAM Tahun X" assesses **data year X**. The '
                        "award is handed over around 10 December of X+1. When a source gives "
                        "only the award year, data year = award year − 1, and the row is marked "
                        "*derived*. Data year 2020 was not assessed."),
    "src_kind_keputusan": ("Keputusan Menteri", "Ministerial decree"),
    "src_kind_pemerintah": ("Situs pemerintah", "Government site"),
    "src_kind_berita": ("Berita", "News"),
    "yes": ("Ya", "Yes"),
    "no": ("Tidak", "No"),
}  # fmt: skip

LANGS = ("id", "en")
TEXT: dict[str, dict[str, str]] = {
    lang: {key: pair[i] for key, pair in ENTRIES.items()} for i, lang in enumerate(LANGS)
}


def t(key: str, lang: str = "id", **kw: object) -> str:
    """The text for ``key`` in ``lang`` (anything but "en" is Indonesian), formatted with ``kw``."""
    text = TEXT["en" if lang == "en" else "id"][key]
    return text.format(**kw) if kw else text
