"""The pages' texts in Indonesian (the default) and English, looked up by ``t(key, lang)``."""

from __future__ import annotations

TEXT = {
    "id": {
        # shared controls
        "province": "Provinsi", "all": "Seluruh Indonesia", "year": "Tahun data",
        "year2": "Dibandingkan dengan tahun", "year_mode": "Jenis tahun",
        "mode_data": "Tahun data", "mode_award": "Tahun penghargaan",
        "region": "Kabupaten/kota", "profile": "Profil",
        # map page
        "map_title": "Peta Kabupaten/Kota Peduli HAM", "view": "Tampilan",
        "view_one": "Satu tahun", "view_two": "Dua tahun (perubahan)",
        "play": "▶ Putar", "pause": "■ Jeda",
        "play_help": "Melangkah melalui tahun yang dinilai (2020 dilewati).",
        "year_help": "Tahun data X dinilai dan diumumkan sekitar 10 Desember X+1.",
        "not_held": "tidak dinilai", "award": "penghargaan", "data": "data",
        "track": "Aturan penilaian", "regions": "Daftar kabupaten/kota",
        "open_profile": "Buka profil", "open_profile_hint": "atau klik wilayah di peta",
        "peduli": "Peduli HAM", "known": "Daerah dengan data", "disputed": "Sumber berbeda",
        "of": "dari", "areas": "daerah", "per_source": "Menurut sumber {links}: **{told}** "
        "menerima predikat{derived}{cukup}; data kami: {ours}.",
        "ours_counts": "**{peduli} Peduli HAM**, {cukup} Cukup Peduli HAM",
        "cukup_awarded": " (Permenkumham 34/2016: penghargaan juga untuk Cukup Peduli HAM)",
        "share_range": "— setidaknya {low}, paling banyak {high}: {unknown} kab/kota tanpa data",
        "summary_not_held": "Tahun data ini **tidak dinilai**: putaran penilaian 2021 dibatalkan "
        "karena COVID-19, sehingga tidak ada predikat untuk tahun data 2020.",
        "not_held_why": "putaran 2021 dibatalkan karena COVID-19",
        "no_data_year": "belum ada data untuk tahun ini ({total} kab/kota)",
        "not_held_shown": "Tahun data {year} tidak dinilai; ditampilkan {shown}.",
        "note_origin": "Keterangan baris dari data rujukan adalah ringkasan penyusun (bahasa "
        "Inggris) atas isi sumber; buka tautan sumber untuk teks aslinya. Keterangan baris impor "
        "ditulis oleh pengimpor.",
        "change_hint": "Perubahan hanya diisi bila kedua tahun punya data untuk semua kab/kota.",
        "derived": " (tahun data diturunkan dari "
        "tahun penghargaan)", "status": "Status", "count": "Jumlah", "score": "Nilai",
        "source": "Sumber", "decree": "Keputusan",
        "change_map": "Peta perubahan", "same_year": "Pilih dua tahun yang "
        "berbeda.", "not_held_cmp": "Tahun data 2020 tidak dinilai dan tidak dapat dibandingkan.",
        "change_title": "Perubahan {a} → {b} — {place}",
        # compare page and profile
        "compare_title": "Bandingkan wilayah dan tahun", "profile_title": "Profil kabupaten/kota",
        "league": "Peringkat provinsi", "share": "Persentase kab/kota Peduli HAM",
        "grid": "Kab/kota × tahun", "trans": "Perubahan antar tahun",
        "matrix": "Matriks transisi",
        "search": "Cari nama (ejaan berita pun boleh)", "not_found": "Tidak ditemukan",
        "sources": "Semua sumber per tahun", "context": "Kab/kota lain di",
        "streak_note": "Tahun data 2020 tidak dinilai dan tidak memutus rangkaian; tahun tanpa "
        "data memutus rangkaian terkonfirmasi.",
        "no_reported": "Tidak ada hitungan dari sumber untuk wilayah ini di basis data; garis "
        "menunjukkan data kami saja.",
        "pick_province": "Pilih provinsi (di atas atau klik baris peringkat) untuk kisi kab/kota "
        "× tahun.",
        "reported_note": "Sumber menghitung penghargaan; di bawah Permenkumham 34/2016 "
        "hitungan itu dapat termasuk \"Cukup Peduli HAM\".",
        "lower_bound": "Persentase dari baris kami adalah batas bawah selama ada kab/kota tanpa "
        "data.",
        "select_hint": "Klik baris untuk memilih provinsi.",
        # --- issue 10 ---
        "p10_tools": "Bahan rapat", "p10_sentence": "Ringkasan satu kalimat (siap ditempel)",
        "p10_copy_link": "Salin tautan tampilan ini",
        "p10_table": "Tabel kab/kota (status, nilai, beruntun, sumber)",
        "p10_figure": "Buat gambar peta (PNG + SVG)",
        "p10_pack": "Buat paket rakor (PPTX + PDF)",
        "p10_rendering": "Menggambar di server…", "p10_failed": "Gagal membuat berkas:",
        "p10_present": "▶ Mode presentasi", "p10_share": "Persentase Peduli HAM",
        "p10_share_range": "Persentase Peduli HAM (data belum lengkap)",
        "p10_keys": "← → tahun · ↑ ↓ provinsi · Esc keluar dari mode presentasi",
        "p10_lang": "Bahasa / Language",
        "p10_grid": "Unduh kisi kab/kota × tahun (XLSX berwarna, CSV)",
        "p10_show_tools": "Tampilkan unduhan: tabel, gambar peta, paket rakor, mode presentasi",
    },
    "en": {
        "province": "Province", "all": "All of Indonesia", "year": "Data year",
        "year2": "Compared with year", "year_mode": "Year shown",
        "mode_data": "Data year", "mode_award": "Award year",
        "region": "Regency/city", "profile": "Profile",
        "map_title": "Map of Kabupaten/Kota Peduli HAM", "view": "View",
        "view_one": "One year", "view_two": "Two years (change)",
        "play": "▶ Play", "pause": "■ Pause",
        "play_help": "Steps through the assessed years (2020 is skipped).",
        "year_help": "Data year X is assessed and announced around 10 December of X+1.",
        "not_held": "not assessed", "award": "award", "data": "data",
        "track": "Assessment rules", "regions": "Regencies and cities",
        "open_profile": "Open profile", "open_profile_hint": "or click a region on the map",
        "peduli": "Peduli HAM", "known": "Regions with data", "disputed": "Sources disagree",
        "of": "of", "areas": "regions", "per_source": "Per source {links}: **{told}** "
        "received the predicate{derived}{cukup}; our rows: {ours}.",
        "ours_counts": "**{peduli} Peduli HAM**, {cukup} Cukup Peduli HAM",
        "cukup_awarded": " (Permenkumham 34/2016: Cukup Peduli HAM regions were awarded too)",
        "share_range": "— at least {low}, at most {high}: {unknown} regions without data",
        "summary_not_held": "This data year was **not assessed**: the 2021 round was cancelled "
        "because of COVID-19, so there is no predicate for data year 2020.",
        "not_held_why": "the 2021 round was cancelled because of COVID-19",
        "no_data_year": "no data for this year yet ({total} regions)",
        "not_held_shown": "Data year {year} was not assessed; showing {shown}.",
        "note_origin": "Notes on reference rows are the compiler's English summary of the source; "
        "open the source for the original text. Notes on imported rows are the importer's.",
        "change_hint": "A change is shown only when both years have data for every region.",
        "derived": " (data year derived from the "
        "award year)", "status": "Status", "count": "Count", "score": "Score",
        "source": "Source", "decree": "Decree",
        "change_map": "Change map", "same_year": "Pick two different years.",
        "not_held_cmp": "Data year 2020 was not assessed and cannot be compared.",
        "change_title": "Change {a} → {b} — {place}",
        "compare_title": "Compare regions and years", "profile_title": "Regency/city profile",
        "league": "Province league table", "share": "Share of kab/kota Peduli HAM",
        "grid": "Kab/kota × year", "trans": "Change between years",
        "matrix": "Transition matrix",
        "search": "Search a name (news spellings work)", "not_found": "Not found",
        "sources": "Every source per year", "context": "Other kab/kota in",
        "streak_note": "Data year 2020 was not assessed and does not break a streak; a year "
        "without data breaks the confirmed streak.",
        "no_reported": "No counts from sources for this area in the store; the line shows our "
        "rows only.",
        "pick_province": "Pick a province (above, or click a league-table row) for the kab/kota "
        "× year grid.",
        "reported_note": "Sources count awards; under Permenkumham 34/2016 that count may "
        "include \"Cukup Peduli HAM\".",
        "lower_bound": "Shares from our rows are a lower bound while some kab/kota have no data.",
        "select_hint": "Click a row to pick a province.",
        # --- issue 10 ---
        "p10_tools": "Meeting material", "p10_sentence": "One-sentence summary (ready to paste)",
        "p10_copy_link": "Copy this view's link",
        "p10_table": "Kab/kota table (status, score, streak, source)",
        "p10_figure": "Make the map image (PNG + SVG)",
        "p10_pack": "Make the rakor pack (PPTX + PDF)",
        "p10_rendering": "Drawing on the server…", "p10_failed": "Could not make the file:",
        "p10_present": "▶ Presentation mode", "p10_share": "Share Peduli HAM",
        "p10_share_range": "Share Peduli HAM (data incomplete)",
        "p10_keys": "← → year · ↑ ↓ province · Esc leaves presentation mode",
        "p10_lang": "Bahasa / Language",
        "p10_grid": "Download the kab/kota × year grid (coloured XLSX, CSV)",
        "p10_show_tools": "Show downloads: table, map image, rakor pack, presentation mode",
    },
}  # fmt: skip


def t(key: str, lang: str) -> str:
    return TEXT["en" if lang == "en" else "id"][key]
