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
        # --- issue 11 ---
        "completeness": "Kelengkapan data", "completeness_title": "Kelengkapan data per "
        "provinsi dan tahun: kab/kota dengan status bersumber",
        "completeness_caption": "Angka di sel: kab/kota terdata / jumlah kab/kota. \"…\": hasil "
        "tahun itu belum diumumkan. Arahkan kursor ke sel untuk rincian sumber.",
        "unknown_list": "Kab/kota belum terdata ({n})", "unknown_none": "Semua kab/kota terdata.",
        "unknown_import": "Punya daftarnya (lampiran Keputusan, surat Kanwil, berita)? "
        "Tambahkan di halaman Data",
        "unpublished_summary": "Hasil tahun data {year} **belum diumumkan**{regime}: peta "
        "menunjukkan \"Hasil belum diumumkan\", bukan \"tidak ada data\".",
        "unpublished_regime": " (penilaian menurut {regulation}: {programme})",
        "unpublished_short": "hasil belum diumumkan ({total} kab/kota)",
        "paste_title": "Tempel daftar",
        "paste_caption": "Tempel teks seperti yang diterima (lampiran Keputusan, surat Kanwil, "
        "berita) atau unggah PDF yang punya lapisan teks. Setiap kab/kota yang disebut menjadi "
        "satu baris pratinjau, diperiksa seperti berkas impor. Judul seperti \"Cukup Peduli "
        "HAM:\" di teks mengganti predikat. Tidak ada yang disimpan sebelum \"Simpan\".",
        "paste_text": "Teks daftar", "paste_text_help": "Contoh: … yakni Kabupaten Lahat, "
        "Muara Enim, Musi Banyuasin, Kota Palembang dan Lubuk Linggau.",
        "paste_pdf": "… atau PDF dengan lapisan teks (bukan hasil pindai)",
        "paste_national": "Nasional (daftar seluruh Indonesia)",
        "paste_year_kind": "Jenis tahun", "paste_predikat": "Predikat (bawaan)",
        "paste_predikat_help": "Untuk nama sebelum judul predikat apa pun di teks.",
        "paste_source": "Sumber (tautan berita/situs atau nomor Keputusan Menteri)",
        "paste_preview": "Pratinjau", "paste_empty": "Tempel teks atau unggah PDF dulu.",
        "paste_nothing": "Tidak ada nama kab/kota yang dikenali di teks ini.",
        "paste_login": "Semua baris siap. Masuk untuk menyimpan.",
        "paste_save": "Simpan {n} baris sebagai satu batch",
        "paste_changed": "Data tersimpan berubah sejak pratinjau:",
        "paste_unplaced": "{n} potongan teks tidak ditempatkan (bukan nama kab/kota; tidak "
        "disimpan):", "paste_duplicates": "{n} nama disebut dua kali (disimpan sekali):",
        "paste_line": "Baris teks", "paste_fragment": "Potongan teks",
        "paste_first_line": "Pertama di baris",
        "cycle_title": "Siklus & aturan penilaian",
        "cycle_login": "Menambah siklus, rezim atau nama hasil perlu masuk.",
        "cycle_form": "Tambah siklus, rezim baru atau nama hasil",
        "cycle_add_year": "Tambah tahun data ini", "cycle_regime": "Kode rezim (mis. D)",
        "cycle_held": "Penilaian dilaksanakan", "cycle_regulation": "Peraturan (rezim baru)",
        "cycle_programme": "Nama program (rezim baru)", "cycle_decree": "Nomor Keputusan",
        "cycle_award_date": "Tanggal penyerahan (YYYY-MM-DD)",
        "cycle_outcomes": "Nama hasil, satu per baris, tertinggi dulu",
        "cycle_outcomes_help": "pita=Label|Label Inggris, mis. peduli=Patuh HAM|Compliant "
        "(pita: peduli, cukup, mulai, kurang)",
        "cycle_save": "Simpan siklus/rezim",
        "cycle_source": "Sumber siklus/rezim (tautan http(s) yang menyebutnya)",
        "cycle_saved": "Tersimpan sebagai batch {batch} (dapat dibatalkan di log).",
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
        # --- issue 11 ---
        "completeness": "Data completeness", "completeness_title": "Data completeness by "
        "province and year: regencies/cities with a cited status",
        "completeness_caption": "Cell: regencies/cities with data / all regencies/cities. "
        "\"…\": that year's results are not yet published. Hover a cell for the sources.",
        "unknown_list": "Regencies/cities without data ({n})",
        "unknown_none": "Every regency/city has data.",
        "unknown_import": "Have the list (decree annex, Kanwil letter, news)? Add it on the "
        "Data page",
        "unpublished_summary": "The results of data year {year} are **not yet published**"
        "{regime}: the map shows \"Results not yet published\", not \"no data\".",
        "unpublished_regime": " (assessed under {regulation}: {programme})",
        "unpublished_short": "results not yet published ({total} regions)",
        "paste_title": "Paste a list",
        "paste_caption": "Paste text as received (decree annex, Kanwil letter, news) or upload "
        "a PDF with a text layer. Every regency/city named becomes a preview row, checked like an "
        "import file. Headings such as \"Cukup Peduli HAM:\" switch the predicate. Nothing is "
        "stored before \"Save\".",
        "paste_text": "List text", "paste_text_help": "E.g. … yakni Kabupaten Lahat, Muara "
        "Enim, Musi Banyuasin, Kota Palembang dan Lubuk Linggau.",
        "paste_pdf": "… or a PDF with a text layer (not a scan)",
        "paste_national": "National (list for all of Indonesia)",
        "paste_year_kind": "Year type", "paste_predikat": "Predicate (default)",
        "paste_predikat_help": "For names before any predicate heading in the text.",
        "paste_source": "Source (news/site link or ministerial decree number)",
        "paste_preview": "Preview", "paste_empty": "Paste text or upload a PDF first.",
        "paste_nothing": "No regency/city name recognised in this text.",
        "paste_login": "Every row is ready. Log in to save.",
        "paste_save": "Save {n} rows as one batch",
        "paste_changed": "The stored data changed since the preview:",
        "paste_unplaced": "{n} text fragments not placed (not a regency/city name; not stored):",
        "paste_duplicates": "{n} names found twice (stored once):",
        "paste_line": "Text line", "paste_fragment": "Text fragment",
        "paste_first_line": "First on line",
        "cycle_title": "Cycles & assessment rules",
        "cycle_login": "Adding a cycle, a regime or outcome names needs a login.",
        "cycle_form": "Add a cycle, a new regime or outcome names",
        "cycle_add_year": "Add this data year", "cycle_regime": "Regime key (e.g. D)",
        "cycle_held": "Assessment held", "cycle_regulation": "Regulation (new regime)",
        "cycle_programme": "Programme name (new regime)", "cycle_decree": "Decree number",
        "cycle_award_date": "Award date (YYYY-MM-DD)",
        "cycle_outcomes": "Outcome names, one per line, highest first",
        "cycle_outcomes_help": "band=Label|English label, e.g. peduli=Patuh HAM|Compliant "
        "(bands: peduli, cukup, mulai, kurang)",
        "cycle_save": "Save cycle/regime",
        "cycle_source": "Source of the cycle/regime (http(s) link stating it)",
        "cycle_saved": "Saved as batch {batch} (undo it in the log).",
    },
}  # fmt: skip


def t(key: str, lang: str) -> str:
    return TEXT["en" if lang == "en" else "id"][key]
