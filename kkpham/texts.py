"""The one text catalogue: every user-visible string, Indonesian and English side by side.

``t(key, lang, **kw)`` returns the text in ``lang`` ("id", the default, or "en"), formatted with
``kw`` when given. Both languages always have the same keys and the same ``{placeholders}``
(tests/test_texts.py). Numbers, percentages and dates are formatted by ``kkpham.formatting``.
Importable without Streamlit. New keys go in a block at the end marked ``# --- issue N ---``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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
    # URL values are echoed escaped (kkpham.ui.safe_text), never inside a code span, where the
    # escapes would show and a newline could end the span (issue 7).
    "url_unknown": (
        "Nilai {param}=«{value}» di URL tidak dikenal; ditampilkan {shown}.",
        "Value {param}=«{value}» in the URL is not known; showing {shown}.",
    ),
    "version_note": (
        "Tautan ini dibuat dari data versi «{old}». Yang tampil sekarang versi "
        "«{new}»: data sudah dibangun ulang atau ditambah.",
        "This link was made from data build «{old}». You are seeing build «{new}»: "
        "the data was rebuilt or extended since.",
    ),
    # --- map page ---
    "map_title": ("Peta Kabupaten/Kota Peduli HAM", "Map of Kabupaten/Kota Peduli HAM"),
    "view": ("Tampilan", "View"),
    "view_one": ("Satu tahun", "One year"),
    "view_two": ("Dua tahun (perubahan)", "Two years (change)"),
    "play": ("▶ Putar", "▶ Play"),
    "pause": ("■ Jeda", "■ Pause"),
    "play_help": (
        "Menampilkan tahun yang dinilai satu per satu (2020 dilewati).",
        "Steps through the assessed years (2020 is skipped).",
    ),
    "year_help": (
        "Tahun data X dinilai dan diumumkan sekitar 10 Desember X+1.",
        "Data year X is assessed and announced around 10 December of X+1.",
    ),
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
    "per_source": (
        "Menurut sumber {links}: **{told}** {what}{derived}{cukup}.",
        "Per source {links}: **{told}** {what}{derived}{cukup}.",
    ),
    # what a source's count counted ("[counts: …]" of its evidence), after the count
    "rp_awarded": ("kab/kota menerima penghargaan", "regions received the award"),
    "rp_peduli": ("kab/kota menerima predikat Peduli HAM", "regions received Peduli HAM"),
    "rp_cukup": (
        "kab/kota menerima predikat Cukup Peduli HAM",
        "regions received Cukup Peduli HAM",
    ),
    "rp_both": (
        "kab/kota menerima predikat Peduli HAM atau Cukup Peduli HAM",
        "regions received Peduli HAM or Cukup Peduli HAM",
    ),
    "rp_invited": (
        "kab/kota diundang untuk menerima penghargaan",
        "regions invited to receive the award",
    ),
    "ours_counts": (
        "Tercatat di dasbor ini: **{peduli} Peduli HAM**, {cukup} Cukup Peduli HAM.",
        "Recorded in this dashboard: **{peduli} Peduli HAM**, {cukup} Cukup Peduli HAM.",
    ),
    "cukup_awarded": (
        " (Permenkumham 34/2016: Cukup Peduli HAM juga menerima penghargaan)",
        " (Permenkumham 34/2016: Cukup Peduli HAM regions were awarded too)",
    ),
    "share_range": (
        "({low}). {unknown} kab/kota belum ada data.",
        "({low}). {unknown} regions have no data yet.",
    ),
    "summary_not_held": (
        "Tahun data ini **tidak dinilai**. Penilaian 2021 dibatalkan karena "
        "COVID-19, jadi tidak ada predikat untuk tahun data 2020.",
        "This data year was **not assessed**. The 2021 round was cancelled "
        "because of COVID-19, so there is no predicate for data year 2020.",
    ),
    "not_held_why": (
        "penilaian 2021 dibatalkan karena COVID-19",
        "the 2021 round was cancelled because of COVID-19",
    ),
    "no_data_year": (
        "belum ada data untuk tahun ini ({total} kab/kota)",
        "no data for this year yet ({total} regions)",
    ),
    "no_data_here": (
        "Belum ada data {place} untuk tahun data {year}. Tahun terakhir yang ada "
        "datanya: **{latest}**.",
        "No data for {place} in data year {year} yet. The latest year with data: **{latest}**.",
    ),
    "no_data_unpublished": (  # the summary beside the map says "not yet published"
        "Tahun data terakhir dengan hasil untuk {place}: **{latest}**.",
        "The latest data year with results for {place}: **{latest}**.",
    ),
    "no_data_anywhere": ("Belum ada data untuk {place}.", "No data for {place} yet."),
    "not_held_shown": (
        "Tahun data {year} tidak dinilai; ditampilkan {shown}.",
        "Data year {year} was not assessed; showing {shown}.",
    ),
    "note_origin": (
        "Keterangan pada data rujukan adalah ringkasan penyusun dalam bahasa Inggris. "
        "Buka tautan sumber untuk teks aslinya. Keterangan pada data impor ditulis "
        "oleh pengimpor.",
        "Notes on reference rows are the compiler's English summary of the source. "
        "Open the source for the original text. Notes on imported rows are the "
        "importer's.",
    ),
    "change_hint": (
        "Perubahan hanya diisi bila kedua tahun punya data untuk semua kab/kota.",
        "A change is shown only when both years have data for every region.",
    ),
    "derived": (
        " (tahun data diturunkan dari tahun penghargaan)",
        " (data year derived from the award year)",
    ),
    "derived_hover": (
        "Tahun data diturunkan dari tahun penghargaan (tahun penghargaan − 1)",
        "Data year derived from the award year (award year − 1)",
    ),
    "no_source": ("tanpa sumber", "no source"),
    "status": ("Status", "Status"),
    "count": ("Jumlah", "Count"),
    "score": ("Nilai", "Score"),
    "source": ("Sumber", "Source"),
    "decree": ("Keputusan", "Decree"),
    "change_map": ("Peta perubahan", "Change map"),
    "change": ("Perubahan", "Change"),
    "same_year": ("Pilih dua tahun yang berbeda.", "Pick two different years."),
    "not_held_cmp": (
        "Tahun data 2020 tidak dinilai, jadi tidak dapat dibandingkan.",
        "Data year 2020 was not assessed and cannot be compared.",
    ),
    "change_title": ("Perubahan {a} → {b} — {place}", "Change {a} → {b} — {place}"),
    # {programme}: the cycle's programme, a proper name (Indonesian in both languages)
    "map_heading": ("{programme} — {place}, {year}", "{programme} — {place}, {year}"),
    "programme_peduli": ("Kabupaten/Kota Peduli HAM", "Kabupaten/Kota Peduli HAM"),
    "cycle_caption": (
        "Tahun data **{year}** → penghargaan **{award}** · {regulation}{decree}",
        "Data year **{year}** → award **{award}** · {regulation}{decree}",
    ),
    "cycle_not_held": (
        "Tahun data {year}: penilaian **tidak dilaksanakan** ({why}).",
        "Data year {year}: **not assessed** ({why}).",
    ),
    "kabkota": ("kab/kota", "regencies/cities"),
    "seribu_note": (
        "Kepulauan Seribu (di utara Teluk Jakarta) tidak ikut diperbesar; statusnya ada di tabel.",
        "Kepulauan Seribu (north of Jakarta Bay) is left out of the zoom; its status "
        "is in the table.",
    ),
    # --- compare page and profile ---
    "compare_title": ("Bandingkan wilayah dan tahun", "Compare regions and years"),
    "profile_title": ("Profil kabupaten/kota", "Regency/city profile"),
    "league": ("Peringkat provinsi", "Province league table"),
    "share": ("Persentase kab/kota Peduli HAM", "Share of kab/kota Peduli HAM"),
    "grid": ("Kab/kota × tahun", "Kab/kota × year"),
    "trans": ("Perubahan antartahun", "Change between years"),
    "matrix": ("Matriks perubahan kategori", "Transition matrix"),
    "search": (
        "Cari nama kab/kota (ejaan di berita juga bisa)",
        "Search a name (news spellings work)",
    ),
    "not_found": ("Tidak ditemukan", "Not found"),
    "sources": ("Semua sumber per tahun", "Every source per year"),
    "context": ("Kab/kota lain di", "Other kab/kota in"),
    "grid_disputed": (
        "Tanda ! pada sel: sumber berbeda untuk kab/kota dan tahun itu (rinciannya di profil "
        "kab/kota).",
        "A ! in a cell: sources disagree for that regency/city and year (details on its profile).",
    ),
    "streak_note": (
        "Tahun data 2020 tidak dinilai dan tidak memutus hitungan berturut-turut. "
        "Tahun yang belum ada datanya memutus hitungan; bila tahun terpilih sendiri belum ada "
        "hasilnya, hitungannya ditulis —.",
        "Data year 2020 was not assessed and does not break a streak. A year "
        "without data breaks the streak; where the chosen year itself has no result yet, the "
        "streak reads —.",
    ),
    "no_reported": (
        "Sumber tidak memuat jumlah untuk wilayah ini. Garis hanya menunjukkan data "
        "yang tercatat di dasbor ini.",
        "No counts from sources for this area. The line shows only the rows "
        "recorded in this dashboard.",
    ),
    "pick_province": (
        "Pilih provinsi (di atas, atau klik baris peringkat) untuk melihat tabel kab/kota × tahun.",
        "Pick a province (above, or click a league-table row) for the kab/kota × year grid.",
    ),
    "pick_province_above": (
        "Pilih provinsi di atas untuk melihat tabel kab/kota × tahun.",
        "Pick a province above for the kab/kota × year grid.",
    ),
    "reported_note": (
        "Sumber menghitung penerima penghargaan. Menurut Permenkumham 34/2016, "
        'jumlah itu dapat mencakup "Cukup Peduli HAM".',
        "Sources count awards. Under Permenkumham 34/2016 that count may "
        'include "Cukup Peduli HAM".',
    ),
    "lower_bound": (
        "Selama ada kab/kota yang belum ada datanya, persentase ini adalah batas bawah.",
        "While some kab/kota have no data, this share is a lower bound.",
    ),
    "select_hint": ("Klik baris untuk memilih provinsi.", "Click a row to pick a province."),
    # --- compare page tables ---
    "lg_total": ("Kab/kota", "Kab/kota"),
    "lg_total_help": (
        "Jumlah kab/kota provinsi yang sudah terbentuk pada tahun data ini.",
        "Number of the province's kab/kota formed by this data year.",
    ),
    "lg_max": ("% maks.", "max %"),
    "lg_max_help": (
        "% Peduli bila semua kab/kota yang belum ada datanya ternyata Peduli HAM.",
        "% Peduli if every kab/kota without data turned out Peduli HAM.",
    ),
    "lg_change": ("Perubahan", "Change"),
    "lg_change_help": (
        "Perubahan % Peduli sejak tahun data {year}, dalam poin persen; – bila salah satu tahun "
        "belum lengkap datanya (atau provinsi ini belum punya data tahun {year}).",
        "Change in % Peduli since data year {year}, in percentage points; – when either year "
        "lacks data for some kab/kota (or the province has none for {year}).",
    ),
    "lg_change_first": (
        "Tidak ada tahun dinilai sebelum tahun ini, jadi tidak ada perubahan.",
        "No year was assessed before this one, so there is no change.",
    ),
    "lg_since": (
        "Kolom perubahan membandingkan tahun data {shown} dengan {year}, tahun dinilai sebelumnya.",
        "The change column compares data year {shown} with {year}, the assessed year before it.",
    ),
    "lg_unpublished": (
        "Hasil tahun data {year} belum diumumkan, jadi peringkat provinsi belum dapat disusun.",
        "The results of data year {year} are not yet published, so there is no ranking yet.",
    ),
    "lg_none_known": (
        "Dasbor ini belum punya hasil tahun data {year}, jadi peringkat provinsi belum dapat "
        "disusun.",
        "This dashboard has no results of data year {year} yet, so there is no ranking.",
    ),
    "lg_without": (
        "Tanpa hasil tercatat tahun data {year}, tidak diperingkat ({n} provinsi): {names}.",
        "No result recorded for data year {year}, not ranked ({n} provinces): {names}.",
    ),
    "lg_streaks": (
        "Deret berturut-turut hanya menghitung tahun yang sudah terbukti dari hasil tercatat: "
        "semua kab/kota Peduli, atau syarat pembina sudah terpenuhi oleh kab/kota yang "
        "tercatat; tahun lain memutus hitungan. — bila tahun ini masih bergantung pada "
        "kab/kota yang belum ada datanya, atau provinsinya belum terbentuk.",
        "Streaks count only years their recorded results already prove: every kab/kota Peduli, "
        "or the pembina rule met by the recorded kab/kota; any other year breaks the count. — "
        "where this year still depends on kab/kota without data, or the province did not "
        "exist yet.",
    ),
    "lg_not_formed": (
        "Belum terbentuk pada tahun data {year} ({n} provinsi; kab/kotanya dihitung di "
        "provinsinya sekarang): {names}.",
        "Not yet formed in data year {year} ({n} provinces; their kab/kota are counted in "
        "today's province): {names}.",
    ),
    "lg_without_unpublished": (
        "Hasil tahun data {year} belum diumumkan untuk {n} provinsi, tidak diperingkat: {names}.",
        "The results of data year {year} are not yet published for {n} provinces, not ranked: "
        "{names}.",
    ),
    "lg_formed_in": ("dibentuk {year}", "formed {year}"),
    "lg_streak_all": ("Deret semua Peduli", "All-Peduli streak"),
    "lg_streak_all_help": (
        "Tahun dinilai berturut-turut, sampai tahun ini, dengan semua kab/kota Peduli HAM.",
        "Assessed years in a row, up to this one, with every kab/kota Peduli HAM.",
    ),
    "lg_streak_pembina": ("Deret pembina", "Pembina streak"),
    "lg_streak_pembina_help": (
        "Tahun dinilai berturut-turut, sampai tahun ini, dengan syarat pembina terpenuhi.",
        "Assessed years in a row, up to this one, meeting the pembina rule.",
    ),
    "lg_pembina": ("Pembina ({rule})", "Pembina ({rule})"),
    "lg_pembina_help": (
        "Provinsi pembina: {rule} kab/kotanya Peduli HAM. Mungkin: terpenuhi bila cukup banyak "
        "kab/kota yang belum ada datanya ternyata Peduli HAM.",
        "Pembina province: {rule} of its kab/kota Peduli HAM. Possibly: met if enough of the "
        "kab/kota without data turn out Peduli HAM.",
    ),
    "lg_pb_ya": ("Memenuhi", "Eligible"),
    "lg_pb_mungkin": ("Mungkin ({unknown} tanpa data)", "Possibly ({unknown} without data)"),
    "lg_pb_tidak": ("Tidak memenuhi", "Not eligible"),
    "lg_pb_belum_terbentuk": ("Belum terbentuk", "Not yet formed"),
    "lg_pb_tanpa_hasil": ("Belum dapat dinilai", "Cannot be judged"),
    "sh_per_source": ("Menurut sumber", "Per source"),
    "sh_ours_peduli": ("Peduli (tercatat)", "Peduli (recorded)"),
    "sh_ours_awarded": ("Peduli + Cukup (tercatat)", "Peduli + Cukup (recorded)"),
    "sh_unknown": ("Belum ada data", "No data yet"),
    "sh_gap": ("Selisih", "Gap"),
    "st_streak": ("Berturut-turut s.d. {year}", "Streak to {year}"),
    "st_bridged": (
        "Berturut-turut (melewati tahun tanpa data)",
        "Streak across years without data",
    ),
    "st_last_run": ("Deret terakhir", "Last run"),
    "st_run_to": ("{n} (s.d. {year})", "{n} (to {year})"),
    "st_first": ("Pertama Peduli", "First Peduli"),
    "st_years": ("Jumlah tahun Peduli", "Peduli years"),
    # --- profile page ---
    "pf_none": ("Belum ada tahun Peduli HAM yang tercatat.", "No Peduli HAM year recorded yet."),
    "pf_streak": (
        "Peduli HAM berturut-turut sampai tahun data {year}: **{n} tahun** (terkonfirmasi).",
        "Consecutive Peduli HAM data years up to {year}: **{n}** (confirmed).",
    ),
    "pf_streak_unknown": (
        "Belum ada hasil bersumber untuk tahun data {year}, jadi deretnya sampai tahun itu belum "
        "diketahui.",
        "No cited result for data year {year} yet, so the run up to that year is not known.",
    ),
    "pf_last_run": (
        "Deret terakhir: {n} tahun, sampai tahun data {year}.",
        "Last run, in years: {n}, up to data year {year}.",
    ),
    "pf_bridged": (
        "Bila tahun data yang belum ada datanya ({years}) tidak dihitung sebagai putus: {n} tahun.",
        "If the data years without data yet ({years}) are not counted as breaks: {n}.",
    ),
    "pf_first": (
        "Peduli HAM pertama kali: tahun data {year}. Deret terpanjang: {n} tahun.",
        "First Peduli HAM data year: {year}. Longest run, in years: {n}.",
    ),
    "pf_formed": ("dibentuk", "formed"),
    "pf_flags": ("Tanda", "Flags"),
    "pf_flags_help": (
        "Ditampilkan di peta: klaim yang dipakai peta untuk tahun ini (urutan prioritas: lihat "
        "Sumber & metode). Sumber berbeda: klaim tahun ini tidak sama. Tahun data diturunkan: "
        "dari tahun penghargaan.",
        "Shown on map: the claim the map uses for this year (order of precedence: see Sources & "
        "method). Sources disagree: this year's claims differ. Data year derived: from the award "
        "year.",
    ),
    "pf_flag_shown": ("ditampilkan di peta", "shown on map"),
    "pf_flag_disputed": ("sumber berbeda", "sources disagree"),
    "pf_flag_derived": ("tahun data diturunkan", "data year derived"),
    "pf_note": ("Keterangan", "Note"),
    # shown on the English pages only (the notes are in English)
    "compiler_notes": ("Catatan penyusun (bahasa Inggris)", "Compiler's notes"),
    # --- data page (import, log, export) ---
    "dp_title": (
        "Data: impor, log, ekspor",
        "Data: import, log, export",
    ),
    "dp_caption": (
        "Menambah hasil KKP HAM dari lampiran Keputusan atau rekap Kanwil. Tidak ada "
        "yang disimpan sebelum dikonfirmasi. Setiap impor menjadi satu batch yang "
        "dapat dibatalkan. Salinan basis data dibuat sebelum setiap perubahan.",
        "Adds KKP HAM results from a decree annex or a Kanwil summary. Nothing is "
        "saved before you confirm. Each import becomes one batch that can be undone. "
        "A copy of the database is made before every change.",
    ),
    "dp_no_store": (
        "Basis data belum ada: jalankan `make build`. ({err})",
        "The database does not exist yet: run `make build`. ({err})",
    ),
    "dp_bad_config": (
        "Konfigurasi kata sandi tidak sah ({err}). Penulisan dimatikan.",
        "The password configuration is invalid ({err}). Writing is off.",
    ),
    "dp_logged_in": (
        "Masuk sebagai **{who}**: impor dan pembatalan aktif.",
        "Logged in as **{who}**: import and undo are on.",
    ),
    "dp_logout": (
        "Keluar",
        "Log out",
    ),
    # how a server admin enables writing (Markdown: numbered steps and a TOML block)
    "dp_enable_help": (
        (
            "Impor dan pembatalan batch **belum diaktifkan**: belum ada kata sandi "
            "atau login yang diatur.\n"
            "Untuk mengaktifkan (oleh pengelola server):\n"
            "\n"
            "1. Buat hash kata sandi: `.venv/bin/python -m kkpham hash-password` "
            "(kata sandi diketik, tidak\n"
            "   tampil, minimal 10 karakter).\n"
            "2. Simpan hash itu **salah satu** cara berikut, lalu jalankan ulang aplikasi:\n"
            "   - variabel lingkungan `KKPHAM_ADMIN_PASSWORD_HASH='scrypt$…'`, atau\n"
            "   - di `.streamlit/secrets.toml`:\n"
            "     ```toml\n"
            "     [kkpham]\n"
            '     admin_password_hash = "scrypt$…"\n'
            "     ```\n"
            "3. Atau gunakan login OIDC Streamlit: isi bagian `[auth]` di "
            "`secrets.toml` (lihat dokumentasi\n"
            "   `st.login`) dan daftar akun yang boleh menulis di `[kkpham] "
            'admin_emails = ["…"]`.\n'
        ),
        (
            "Importing and undoing batches is **not enabled yet**: no password or "
            "login is set up.\n"
            "To enable it (for whoever runs the server):\n"
            "\n"
            "1. Make a password hash: `.venv/bin/python -m kkpham hash-password` "
            "(the password is typed, not\n"
            "   shown, at least 10 characters).\n"
            "2. Keep that hash in **one** of these ways, then restart the app:\n"
            "   - the environment variable `KKPHAM_ADMIN_PASSWORD_HASH='scrypt$…'`, or\n"
            "   - in `.streamlit/secrets.toml`:\n"
            "     ```toml\n"
            "     [kkpham]\n"
            '     admin_password_hash = "scrypt$…"\n'
            "     ```\n"
            "3. Or use Streamlit's OIDC login: fill the `[auth]` section of "
            "`secrets.toml` (see the `st.login`\n"
            "   documentation) and list the accounts allowed to write in `[kkpham] "
            'admin_emails = ["…"]`.\n'
        ),
    ),
    "dp_login_expander": (
        "Masuk untuk mengimpor atau membatalkan batch",
        "Log in to import or undo a batch",
    ),
    "dp_not_admin": (
        "Akun ini tidak terdaftar sebagai pengelola data.",
        "This account is not registered as a data steward.",
    ),
    "dp_oidc": (
        "Masuk dengan akun instansi",
        "Log in with the agency account",
    ),
    "dp_name": (
        "Nama petugas (dicatat di log)",
        "Your name (written to the log)",
    ),
    "dp_password": (
        "Kata sandi",
        "Password",
    ),
    "dp_login": (
        "Masuk",
        "Log in",
    ),
    "dp_name_missing": (
        "Isi nama petugas.",
        "Enter your name.",
    ),
    "dp_throttled": (
        "Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.",
        "Too many failed attempts. Try again in {seconds} seconds.",
    ),
    "dp_wrong_password": (
        "Masuk gagal: kata sandi salah.",
        "Login failed: wrong password.",
    ),
    "dp_import": (
        "Impor hasil",
        "Import results",
    ),
    "dp_template": (
        "Unduh templat (XLSX, dengan petunjuk)",
        "Download the template (XLSX, with instructions)",
    ),
    "dp_preview_hint": (
        "Pratinjau bisa tanpa masuk. Untuk menyimpan, masuk dulu.",
        "Preview works without logging in. To save, log in first.",
    ),
    "dp_file": (
        "Berkas CSV atau XLSX",
        "CSV or XLSX file",
    ),
    "dp_file_help": (
        "Paling besar {mb} MB dan {rows} baris. Kolom seperti di templat. CSV: simpan"
        " dari Excel sebagai 'CSV UTF-8'.",
        "At most {mb} MB and {rows} rows. Columns as in the template. CSV: save from "
        "Excel as 'CSV UTF-8'.",
    ),
    "dp_ready": (
        "Semua baris siap. Masuk untuk menyimpan.",
        "Every row is ready. Log in to save.",
    ),
    "dp_save": (
        "Simpan {n} baris sebagai satu batch",
        "Save {n} rows as one batch",
    ),
    "dp_changed": (
        "Data tersimpan berubah sejak pratinjau: {err}. Unggah ulang untuk melihat.",
        "The stored data changed since the preview: {err}. Upload again to see it.",
    ),
    "dp_conf_stored": (
        "{n} berbeda dengan data tersimpan",
        "{n} differ from the stored data",
    ),
    "dp_conf_file": (
        "{n} berbeda dengan baris lain di berkas ini",
        "{n} differ from other rows of this file",
    ),
    "dp_conf_none": (
        "tidak ada klaim yang berbeda",
        "no differing claims",
    ),
    "dp_col_row": (
        "Baris",
        "Row",
    ),
    "dp_col_problem": (
        "Masalah / catatan",
        "Problem / note",
    ),
    "dp_col_in_file": (
        "Kab/kota (di berkas)",
        "Kab/kota (in the file)",
    ),
    "dp_col_matched": (
        "Dikenali sebagai",
        "Matched as",
    ),
    "dp_col_predicate": (
        "Predikat",
        "Predicate",
    ),
    "dp_col_link": (
        "Tautan",
        "Link",
    ),
    "dp_open": (
        "buka",
        "open",
    ),
    "dp_err_line": (
        "- Baris {line} ({name}): {error}",
        "- Row {line} ({name}): {error}",
    ),
    "dp_err_more": (
        "- … dan {n} baris lain (lihat tabel atau unduhan)",
        "- … and {n} more rows (see the table or the download)",
    ),
    "dp_err_head": (
        "**{n} baris bermasalah: berkas ini belum dapat disimpan.** Perbaiki baris "
        "berikut di berkas Anda, lalu unggah ulang.",
        "**{n} rows have problems: this file cannot be saved yet.** Fix these rows in"
        " your file, then upload it again.",
    ),
    "dp_err_download": (
        "Unduh baris bermasalah (CSV) untuk diperbaiki",
        "Download the rows with problems (CSV) to fix them",
    ),
    "dp_preview": (
        "Pratinjau **{file}**: **{ok}** baris siap, **{bad}** bermasalah.",
        "Preview of **{file}**: **{ok}** rows ready, **{bad}** with problems.",
    ),
    "dp_conflicts": (
        "**Klaim yang berbeda ({summary}).** Semua klaim disimpan dengan sumbernya. "
        "Peta menampilkan satu: Keputusan Menteri > situs pemerintah > berita, lalu "
        "impor yang lebih baru.",
        "**Differing claims ({summary}).** Every claim is kept with its source. The "
        "map shows one: Ministerial decree > government site > news, then the newer "
        "import.",
    ),
    "dp_saved": (
        "Tersimpan sebagai batch {batch}: {n} baris ({conflicts}). Peta memakai data baru.",
        "Saved as batch {batch}: {n} rows ({conflicts}). The map uses the new data.",
    ),
    "dp_col_time": (
        "Waktu (UTC)",
        "Time (UTC)",
    ),
    "dp_col_origin": (
        "Asal",
        "Origin",
    ),
    "dp_col_file": (
        "Berkas",
        "File",
    ),
    "dp_col_who": (
        "Oleh",
        "By",
    ),
    "dp_col_differ": (
        "Berbeda",
        "Differing",
    ),
    "dp_col_live": (
        "Klaim aktif",
        "Live claims",
    ),
    "dp_col_undone": (
        "Dibatalkan (UTC)",
        "Undone (UTC)",
    ),
    "dp_col_sha": (
        "SHA-256 berkas",
        "File SHA-256",
    ),
    "dp_log": (
        "Log impor (batch)",
        "Import log (batches)",
    ),
    "dp_undone_by": (
        "{when} oleh {who}",
        "{when} by {who}",
    ),
    "dp_batch_line": (
        "Batch {batch}: {file}, {n} klaim, oleh {who}",
        "Batch {batch}: {file}, {n} claims, by {who}",
    ),
    "dp_undo": (
        "Batalkan",
        "Undo",
    ),
    "dp_undo_confirm_text": (
        "Batalkan batch {batch}? Klaimnya dihapus dari peta. Batch tetap di log, dan "
        "salinan basis data disimpan di cadangan.",
        "Undo batch {batch}? Its claims leave the map. The batch stays in the log, "
        "and a copy of the database is kept in the backups.",
    ),
    "dp_undo_no": (
        "Tidak, kembali",
        "No, go back",
    ),
    "dp_undo_yes": (
        "Ya, batalkan batch {batch}",
        "Yes, undo batch {batch}",
    ),
    "dp_undone": (
        "Batch {batch} dibatalkan ({n} klaim).",
        "Batch {batch} undone ({n} claims).",
    ),
    "dp_export": (
        "Ekspor",
        "Export",
    ),
    "dp_all_years": (
        "Semua tahun",
        "All years",
    ),
    "dp_all_provinces": (
        "Semua provinsi",
        "All provinces",
    ),
    "dp_download": (
        "Unduh {fmt}",
        "Download {fmt}",
    ),
    "dp_formula_note": (
        "Sel teks yang diawali = + - @ diberi tanda ' agar tidak dijalankan sebagai rumus.",
        "Text cells starting with = + - @ get a ' so that they are not run as formulas.",
    ),
    "dp_upload_limit": (
        "Paling besar {mb} MB per berkas • {types}",
        "At most {mb} MB per file • {types}",
    ),
    "regime_note": (
        "Perbandingan lintas aturan ({a} → {b}). Kriteria penilaian berubah, jadi "
        "perubahan kategori belum tentu berarti kemajuan atau kemunduran.",
        "Comparison across criteria regimes ({a} → {b}). The assessment rules "
        "changed, so a change of category is not necessarily progress or decline.",
    ),
    "pb_body": (
        "{peduli} dari {total} kab/kota ({share}) Peduli HAM",
        "{peduli} of {total} kab/kota ({share}) Peduli HAM",
    ),
    "pb_unknown": (", {unknown} belum ada data", ", {unknown} without data"),
    "pb_rule": ("{body}; syarat {rule}: {verdict}", "{body}; rule {rule}: {verdict}"),
    "pb_ya": ("Memenuhi", "Eligible"),
    "pb_mungkin": ("Mungkin (data belum lengkap)", "Possibly (data incomplete)"),
    "pb_tidak": ("Tidak memenuhi", "Not eligible"),
    "pb_not_formed": (
        "Provinsi belum terbentuk (dibentuk {year})",
        "Province not yet formed (formed {year})",
    ),
    "pb_tanpa_hasil": (
        "Belum dapat dinilai (tidak ada hasil tercatat)",
        "Cannot be judged (no result recorded)",
    ),
    # --- figures (axis titles, hover) ---
    "fig_streak": ("Berturut-turut s.d. {y} · pertama", "Streak to {y} · first"),
    "fig_share": ("% kab/kota Peduli HAM", "% of kab/kota Peduli HAM"),
    "fig_ours": ("Tercatat di dasbor (terkonfirmasi)", "Recorded here (confirmed)"),
    "fig_max": (
        "Batas atas (bila yang belum ada data semuanya Peduli)",
        "Upper bound (if every region without data were Peduli)",
    ),
    "fig_reported": ("Jumlah menurut sumber", "Reported by sources"),
    "fig_source_total": ("{n} dari {m} menurut sumber", "{n} of {m} per the source"),
    "fig_status_in": ("Kategori tahun {y}", "Category in {y}"),
    "fig_claims": ("klaim", "claims"),
    "fig_disputed": ("sumber berbeda", "sources disagree"),
    "fig_no_reported": (
        "Sumber tidak memuat jumlah untuk cakupan ini",
        "No source-reported counts for this scope",
    ),
    # --- sources & method page ---
    "src_title": ("Sumber & metode", "Sources & method"),
    "src_cycles": ("Siklus penilaian", "Assessment cycles"),
    "src_statuses": ("Kategori di peta", "Categories on the map"),
    "src_precedence": ("Jika sumber berbeda", "When sources disagree"),
    "src_sources": ("Sumber data", "Data sources"),
    "src_licences": ("Lisensi", "Licences"),
    "src_cycles_text": (
        'Keputusan "Penetapan KKP HAM Tahun X" menilai **tahun data X**. '
        "Penghargaannya diserahkan sekitar 10 Desember X+1. Bila sumber hanya "
        "menyebut tahun penghargaan, tahun data = tahun penghargaan − 1, dan "
        "baris itu ditandai *diturunkan*. Tahun data 2020 tidak dinilai.",
        'The decree "Penetapan KKP HAM Tahun X" assesses **data year X**. The '
        "award is handed over around 10 December of X+1. When a source gives "
        "only the award year, data year = award year − 1, and the row is marked "
        "*derived*. Data year 2020 was not assessed.",
    ),
    "src_held": ("Dinilai", "Assessed"),
    "src_regulation": ("Peraturan", "Regulation"),
    "src_decree_date": ("Tgl. keputusan", "Decree date"),
    "src_award_date": ("Tgl. penyerahan", "Award date"),
    "src_colour": ("Warna", "Colour"),
    "src_meaning": ("Arti", "Meaning"),
    "src_from_source": ("Asal", "Origin"),
    "src_stored": ("dari sumber", "from a source"),
    "src_derived": ("diturunkan", "derived"),
    "src_kind": ("Jenis", "Kind"),
    "src_rows": ("Baris hasil", "Result rows"),
    "src_precedence_text": (
        "Jika sumber berbeda, peta menampilkan satu klaim menurut urutan berikut. "
        "(1) Keputusan Menteri > situs pemerintah (.go.id) > berita. "
        "(2) Impor yang lebih baru (koreksi) > yang lebih lama. "
        "(3) Klaim yang menyebut daerah itu > pernyataan 'seluruh kab/kota'. "
        "(4) Klaim dengan nilai > tanpa nilai. "
        "(5) Status yang didukung lebih banyak sumber. "
        "(6) Daerah yang disebut menerima predikat > tidak tercantum dalam daftar. "
        "(7) Bila masih setara: kategori yang lebih tinggi (kesepakatan, bukan bukti). "
        "Semua klaim tetap disimpan dan ditampilkan. Daerah dengan klaim berbeda diberi garis "
        "tepi tebal dan tanda 'sumber berbeda'.",
        "When sources disagree, the map shows one claim, in this order. "
        "(1) Ministerial decree > government site (.go.id) > news. "
        "(2) A newer import (correction) > an older one. "
        "(3) A claim naming the region > an 'all kab/kota' statement. "
        "(4) A claim with a score > one without. "
        "(5) The status backed by more sources. "
        "(6) A region named as receiving the predicate > one not listed. "
        "(7) Any tie left: the higher category (a convention, not evidence). "
        "Every claim is kept and shown. Regions with conflicting claims get a thick border and "
        "the mark 'sources disagree'.",
    ),
    "src_licences_text": (
        "- **Batas wilayah**: turunan dari [cahyadsn/wilayah_boundaries]"
        "(https://github.com/cahyadsn/wilayah_boundaries) (MIT, © Cahya DSN); kode wilayah "
        "Kemendagri. Pemberitahuan lisensi ada di folder `shapefiles/` repositori ini.\n"
        "- **Hasil KKP HAM**: fakta dari halaman publik (keputusan, situs pemerintah, berita). "
        "Setiap baris menyebut sumbernya; tautannya ada di peta, tabel dan daftar di atas.\n"
        "- **Peta dasar**: tidak ada. Peta hanya menggambar poligon kab/kota dari berkas lokal.",
        "- **Boundaries**: derived from [cahyadsn/wilayah_boundaries]"
        "(https://github.com/cahyadsn/wilayah_boundaries) (MIT, © Cahya DSN); Kemendagri region "
        "codes. The licence notices are in this repository's `shapefiles/` folder.\n"
        "- **KKP HAM results**: facts from public pages (decrees, government sites, news). "
        "Every row names its source; the links are on the map, in the tables and in the list "
        "above.\n"
        "- **Base map**: none. The map draws only kab/kota polygons from local files.",
    ),
    "desc_peduli": (
        "Nilai 75–100: ditetapkan sebagai Kabupaten/Kota Peduli HAM.",
        "Score 75–100: designated Kabupaten/Kota Peduli HAM.",
    ),
    "desc_cukup": (
        "Kategori di bawah Peduli HAM (34/2016: nilai 65–<75).",
        "The category below Peduli HAM (34/2016: score 65–<75).",
    ),
    "desc_mulai": (
        "Kategori berikutnya (34/2016: nilai 50–<65).",
        "The next category (34/2016: score 50–<65).",
    ),
    "desc_kurang": (
        "Kategori terendah (34/2016: nilai <50).",
        "The lowest category (34/2016: score <50).",
    ),
    "desc_belum": (
        "Sumber menyebut tidak memperoleh predikat. Kategorinya tidak diketahui.",
        "A source says the predicate was not awarded. The category is unknown.",
    ),
    "desc_bukan_peduli": (
        "Tidak ada dalam daftar lengkap penerima Peduli HAM. Kategorinya "
        "(mis. Cukup menurut 34/2016) tidak diketahui.",
        "Not in a complete list of Peduli HAM recipients. Its category (e.g. "
        "Cukup under 34/2016) is unknown.",
    ),
    "desc_tidak_melapor": (
        "Daerah tidak menyampaikan laporan yang diminta, sehingga tidak memperoleh predikat.",
        "The region did not submit the required report, so it received no predicate.",
    ),
    "desc_tidak_diketahui": (
        "Belum ada sumber yang ditemukan untuk daerah dan tahun ini.",
        "No source found yet for this region and year.",
    ),
    "desc_tidak_dilaksanakan": (
        "Tidak ada penilaian untuk tahun data ini (2020: dibatalkan karena COVID-19).",
        "No assessment for this data year (2020: cancelled because of COVID-19).",
    ),
    "desc_belum_terbentuk": (
        "Daerah otonom ini dibentuk setelah tahun data tersebut.",
        "This autonomous region was formed after that data year.",
    ),
    "desc_belum_diumumkan": (
        "Penilaian tahun data ini dilaksanakan, tetapi daftar hasilnya "
        "belum diumumkan atau belum ditemukan di sumber publik.",
        "This data year was assessed, but its list of results is not yet "
        "published or not yet found in a public source.",
    ),
    "src_kind_keputusan": ("Keputusan Menteri", "Ministerial decree"),
    "src_kind_pemerintah": ("Situs pemerintah", "Government site"),
    "src_kind_berita": ("Berita", "News"),
    # --- navigation (top bar) ---
    "nav_peta": ("Peta", "Map"),
    "nav_bandingkan": ("Bandingkan", "Compare"),
    "nav_wilayah": ("Profil wilayah", "Region profile"),
    "nav_data": ("Impor data", "Import data"),
    "nav_sumber": ("Sumber & metode", "Sources & method"),
    "yes": ("Ya", "Yes"),
    "no": ("Tidak", "No"),
    "cycle_public": ("Daftar hasilnya sudah diumumkan", "Its list of results is published"),
    # the data page's tables of cycles and outcome names: column headings
    "cy_col_regime": ("Rezim", "Regime"),
    "cy_col_public": ("Hasil diumumkan", "Results published"),
    "cy_col_rank": ("Urutan", "Rank"),
    "cy_col_label_id": ("Nama (Indonesia)", "Name (Indonesian)"),
    "cy_col_label_en": ("Nama (Inggris)", "Name (English)"),
    # --- issue 7 ---
    "dp_login_lapsed": (
        "Sesi masuk berakhir karena lama tidak dipakai. Masuk lagi untuk menulis.",
        "The login lapsed after a long idle time. Log in again to write.",
    ),
    "dp_confirm_password": (
        "Kata sandi (konfirmasi penulisan)",
        "Password (to confirm this write)",
    ),
    "dp_not_saved": ("Tidak disimpan: {why}.", "Not saved: {why}."),
    "dp_why_expired": (
        "sesi masuk sudah berakhir; masuk lagi",
        "the login has lapsed; log in again",
    ),
    "dp_why_wrong": ("kata sandi salah", "wrong password"),
    "dp_why_throttled": (
        "terlalu banyak percobaan gagal; coba lagi dalam {seconds} detik",
        "too many failed attempts; try again in {seconds} seconds",
    ),
    # --- issue 10 ---
    "p10_tools": (
        "Bahan rapat",
        "Meeting material",
    ),
    "p10_sentence": (
        "Ringkasan satu kalimat (siap ditempel)",
        "One-sentence summary (ready to paste)",
    ),
    "p10_copy_link": (
        "Salin tautan tampilan ini",
        "Copy this view's link",
    ),
    "copy_button": (
        "Salin",
        "Copy",
    ),
    "copy_done": (
        "Tersalin",
        "Copied",
    ),
    "p10_table": (
        "Tabel kab/kota (status, nilai, beruntun, sumber)",
        "Kab/kota table (status, score, streak, source)",
    ),
    "p10_figure": (
        "Buat gambar peta (PNG + SVG)",
        "Make the map image (PNG + SVG)",
    ),
    "p10_pack": (
        "Buat paket rakor (PPTX + PDF)",
        "Make the rakor pack (PPTX + PDF)",
    ),
    "p10_rendering": (
        "Menggambar di server…",
        "Drawing on the server…",
    ),
    "p10_failed": (
        "Gagal membuat berkas:",
        "Could not make the file:",
    ),
    "p10_present": (
        "▶ Mode presentasi",
        "▶ Presentation mode",
    ),
    "p10_share": (
        "Persentase Peduli HAM",
        "Share Peduli HAM",
    ),
    "p10_not_held": ("Tidak dinilai", "Not assessed"),
    "p10_unpublished": ("Belum diumumkan", "Not yet published"),
    "p10_share_range": (
        "Persentase Peduli HAM (data belum lengkap)",
        "Share Peduli HAM (data incomplete)",
    ),
    "p10_keys": (
        "← → tahun · ↑ ↓ provinsi · Esc keluar dari mode presentasi",
        "← → year · ↑ ↓ province · Esc leaves presentation mode",
    ),
    "p10_lang": (
        "Bahasa / Language",
        "Bahasa / Language",
    ),
    "p10_grid": (
        "Unduh kisi kab/kota × tahun (XLSX berwarna, CSV)",
        "Download the kab/kota × year grid (coloured XLSX, CSV)",
    ),
    "p10_show_tools": (
        "Tampilkan unduhan: tabel, gambar peta, paket rakor, mode presentasi",
        "Show downloads: table, map image, rakor pack, presentation mode",
    ),
    # --- issue 11 ---
    "completeness": (
        "Kelengkapan data",
        "Data completeness",
    ),
    "completeness_title": (
        "Kelengkapan data per provinsi dan tahun: kab/kota dengan status bersumber",
        "Data completeness by province and year: regencies/cities with a cited status",
    ),
    "completeness_caption": (
        'Angka di sel: kab/kota terdata / jumlah kab/kota. "…": hasil tahun itu belum '
        "diumumkan. Arahkan kursor ke sel untuk rincian sumber.",
        'Cell: regencies/cities with data / all regencies/cities. "…": that year\'s '
        "results are not yet published. Hover a cell for the sources.",
    ),
    "unknown_list": (
        "Kab/kota belum terdata ({n})",
        "Regencies/cities without data ({n})",
    ),
    "unknown_none": (
        "Semua kab/kota terdata.",
        "Every regency/city has data.",
    ),
    "unknown_import": (
        "Punya daftarnya (lampiran Keputusan, surat Kanwil, berita)? Tambahkan di halaman Data",
        "Have the list (decree annex, Kanwil letter, news)? Add it on the Data page",
    ),
    "unpublished_summary": (
        'Hasil tahun data {year} **belum diumumkan**{regime}: peta menunjukkan "Hasil '
        'belum diumumkan", bukan "tidak ada data".',
        "The results of data year {year} are **not yet published**{regime}: the map shows "
        '"Results not yet published", not "no data".',
    ),
    "unpublished_regime": (
        " (penilaian menurut {regulation}: {programme})",
        " (assessed under {regulation}: {programme})",
    ),
    "unpublished_short": (
        "hasil belum diumumkan ({total} kab/kota)",
        "results not yet published ({total} regions)",
    ),
    "paste_title": (
        "Tempel daftar",
        "Paste a list",
    ),
    "paste_caption": (
        "Tempel teks seperti yang diterima (lampiran Keputusan, surat Kanwil, berita) atau "
        "unggah PDF yang punya lapisan teks. Setiap kab/kota yang disebut menjadi satu "
        'baris pratinjau, diperiksa seperti berkas impor. Judul seperti "Cukup Peduli '
        'HAM:" di teks mengganti predikat. Tidak ada yang disimpan sebelum "Simpan".',
        "Paste text as received (decree annex, Kanwil letter, news) or upload a PDF with a "
        "text layer. Every regency/city named becomes a preview row, checked like an import "
        'file. Headings such as "Cukup Peduli HAM:" switch the predicate. Nothing is '
        'stored before "Save".',
    ),
    "paste_text": (
        "Teks daftar",
        "List text",
    ),
    "paste_text_help": (
        "Contoh: … yakni Kabupaten Lahat, Muara Enim, Musi Banyuasin, Kota Palembang dan "
        "Lubuk Linggau.",
        "E.g. … yakni Kabupaten Lahat, Muara Enim, Musi Banyuasin, Kota Palembang dan Lubuk "
        "Linggau.",
    ),
    "paste_pdf": (
        "… atau PDF dengan lapisan teks (bukan hasil pindai)",
        "… or a PDF with a text layer (not a scan)",
    ),
    "paste_national": (
        "Nasional (daftar seluruh Indonesia)",
        "National (list for all of Indonesia)",
    ),
    "paste_year_kind": (
        "Jenis tahun",
        "Year type",
    ),
    "paste_predikat": (
        "Predikat (bawaan)",
        "Predicate (default)",
    ),
    "paste_predikat_help": (
        "Untuk nama sebelum judul predikat apa pun di teks.",
        "For names before any predicate heading in the text.",
    ),
    "paste_source": (
        "Sumber (tautan berita/situs atau nomor Keputusan Menteri)",
        "Source (news/site link or ministerial decree number)",
    ),
    "paste_preview": (
        "Pratinjau",
        "Preview",
    ),
    "paste_empty": (
        "Tempel teks atau unggah PDF dulu.",
        "Paste text or upload a PDF first.",
    ),
    "paste_nothing": (
        "Tidak ada nama kab/kota yang dikenali di teks ini.",
        "No regency/city name recognised in this text.",
    ),
    "paste_login": (
        "Semua baris siap. Masuk untuk menyimpan.",
        "Every row is ready. Log in to save.",
    ),
    "paste_save": (
        "Simpan {n} baris sebagai satu batch",
        "Save {n} rows as one batch",
    ),
    "paste_changed": (
        "Data tersimpan berubah sejak pratinjau:",
        "The stored data changed since the preview:",
    ),
    "paste_unplaced": (
        "{n} potongan teks tidak ditempatkan (bukan nama kab/kota; tidak disimpan):",
        "{n} text fragments not placed (not a regency/city name; not stored):",
    ),
    "paste_duplicates": (
        "{n} nama disebut dua kali (disimpan sekali):",
        "{n} names found twice (stored once):",
    ),
    "paste_line": (
        "Baris teks",
        "Text line",
    ),
    "paste_fragment": (
        "Potongan teks",
        "Text fragment",
    ),
    "paste_first_line": (
        "Pertama di baris",
        "First on line",
    ),
    "cycle_title": (
        "Siklus & aturan penilaian",
        "Cycles & assessment rules",
    ),
    "cycle_login": (
        "Menambah siklus, rezim atau nama hasil perlu masuk.",
        "Adding a cycle, a regime or outcome names needs a login.",
    ),
    "cycle_form": (
        "Tambah siklus, rezim baru atau nama hasil",
        "Add a cycle, a new regime or outcome names",
    ),
    "cycle_add_year": (
        "Tambah tahun data ini",
        "Add this data year",
    ),
    "cycle_regime": (
        "Kode rezim (mis. D)",
        "Regime key (e.g. D)",
    ),
    "cycle_held": (
        "Penilaian dilaksanakan",
        "Assessment held",
    ),
    "cycle_regulation": (
        "Peraturan (rezim baru)",
        "Regulation (new regime)",
    ),
    "cycle_programme": (
        "Nama program (rezim baru)",
        "Programme name (new regime)",
    ),
    "cycle_decree": (
        "Nomor Keputusan",
        "Decree number",
    ),
    "cycle_award_date": (
        "Tanggal penyerahan (YYYY-MM-DD)",
        "Award date (YYYY-MM-DD)",
    ),
    "cycle_outcomes": (
        "Nama hasil, satu per baris, tertinggi dulu",
        "Outcome names, one per line, highest first",
    ),
    "cycle_outcomes_help": (
        "kategori=Label|Label Inggris, mis. peduli=Patuh HAM|Compliant (kategori: peduli, cukup, "
        "mulai, kurang)",
        "band=Label|English label, e.g. peduli=Patuh HAM|Compliant (bands: peduli, cukup, "
        "mulai, kurang)",
    ),
    "cycle_save": (
        "Simpan siklus/rezim",
        "Save cycle/regime",
    ),
    "cycle_source": (
        "Sumber siklus/rezim (tautan http(s) yang menyebutnya)",
        "Source of the cycle/regime (http(s) link stating it)",
    ),
    "cycle_saved": (
        "Tersimpan sebagai batch {batch} (dapat dibatalkan di log).",
        "Saved as batch {batch} (undo it in the log).",
    ),
    # --- present / completeness ---
    # Meeting material (kkpham.present: figure captions, pack, narrative, table twins) and the
    # completeness lines and grid (kkpham.model.completeness, kkpham.figures.completeness_grid).
    "pr_project": (
        "kkpham — Peta Kabupaten/Kota Peduli HAM",
        "kkpham — Peta Kabupaten/Kota Peduli HAM",
    ),
    "pr_map_title": ("{programme} — {place}", "{programme} — {place}"),
    "pr_year_held": (
        "Tahun data {year} (penghargaan {award})",
        "Data year {year} (award {award})",
    ),
    "pr_year_award": (
        "Tahun penghargaan {award} (data {year})",
        "Award year {award} (data {year})",
    ),
    "pr_year_not_held": (
        "Tahun data {year} (tidak dinilai)",
        "Data year {year} (not assessed)",
    ),
    "pr_footer": (
        "Dibuat {date} · versi data {version} · {project}",
        "Made {date} · data version {version} · {project}",
    ),
    "pr_source_line": ("Sumber: {parts}.", "Source: {parts}."),
    "pr_source_decree": (
        "Keputusan Menteri No. {no} (Penetapan KKP HAM Tahun {year})",
        "Ministerial decree No. {no} (determination of KKP HAM, data year {year})",
    ),
    "pr_source_rows": ("baris status: {hosts}", "status rows: {hosts}"),
    "pr_source_host": ("{host} ({n} kab/kota)", "{host} ({n} kab/kota)"),
    "pr_source_more": ("{n} sumber lain", "{n} more sources"),
    "pr_source_cycle": ("siklus {host}", "cycle {host}"),
    "pr_source_none": ("tidak ada baris sumber", "no source rows for this view"),
    "pr_legend": ("Keterangan", "Legend"),
    "pr_legend_change": ("Perubahan", "Change"),
    "pr_key_title": ("Nomor pada peta", "Numbers on the map"),
    # the pack's slides
    "pr_kicker": ("Bahan rapat koordinasi", "Coordination meeting material"),
    "pr_slide_map": ("Peta {year}", "Map {year}"),
    "pr_slide_change": ("Perubahan {a} → {b}", "Change {a} → {b}"),
    "pr_slide_regions": ("Kabupaten/kota {year}", "Regencies and cities {year}"),
    "pr_slide_provinces": ("Provinsi {year}", "Provinces {year}"),
    "pr_slide_share": (
        "Persentase kab/kota Peduli HAM dari waktu ke waktu",
        "Share of kab/kota Peduli HAM over time",
    ),
    "pr_slide_summary": ("Ringkasan", "Summary"),
    "pr_slide_sources": ("Sumber", "Sources"),
    "pr_slide_cont": ("{title} (lanjutan)", "{title} (continued)"),
    "pr_slide_no_change": (
        "Tidak ada tahun penilaian sebelumnya yang dapat dibandingkan.",
        "There is no earlier assessed year to compare with.",
    ),
    "pr_slide_not_held": (
        "Tahun data ini tidak dinilai (putaran 2021 dibatalkan karena COVID-19).",
        "This data year was not assessed (the 2021 round was cancelled, COVID-19).",
    ),
    "pr_slide_decree": (
        "Keputusan Menteri No. {no} — Penetapan KKP HAM Tahun {year}",
        "Ministerial decree No. {no} — determination of KKP HAM, data year {year}",
    ),
    "pr_slide_no_decree": (
        "Nomor keputusan untuk tahun data {year} belum ditemukan.",
        "No decree number found for data year {year}.",
    ),
    "pr_slide_decree_unpublished": (
        "Hasil tahun data {year} belum diumumkan; keputusan penetapannya belum ditemukan.",
        "The results of data year {year} are not yet published; no decree found.",
    ),
    "pr_slide_change_first": ("Perubahan", "Change"),
    "pr_slide_change_unpublished": (
        "Hasil tahun data {year} belum diumumkan, jadi perubahannya belum dapat ditunjukkan.",
        "The results of data year {year} are not yet published, so no change can be shown.",
    ),
    "pr_slide_change_no_data": (
        "Dasbor ini belum punya data tahun data {year} untuk {place}, jadi perubahannya belum "
        "dapat ditunjukkan.",
        "This dashboard has no data of data year {year} for {place} yet, so no change can be "
        "shown.",
    ),
    "pr_sources_status": ("Status tahun data {year}:", "Statuses of data year {year}:"),
    "pr_sources_previous": (
        "Status tahun data {year} (pembanding di slide perubahan):",
        "Statuses of data year {year} (compared on the change slide):",
    ),
    "pr_sources_cycle": (
        "Siklus tahun data {year} (status tanpa baris sumber):",
        "The cycle of data year {year} (statuses without a source row):",
    ),
    "pr_sources_counts": (
        "Jumlah yang dilaporkan sumber (grafik persentase; ringkasan tahun data {year}):",
        "Counts the sources report (share chart; summary of data year {year}):",
    ),
    "pr_slide_share_note": (
        "Garis hijau: yang tercatat di dasbor ini (batas bawah); garis titik: batas atas, bila "
        "semua kab/kota tanpa data ternyata Peduli; belah ketupat: penerima penghargaan "
        "menurut sumber, dibagi jumlah kab/kota (34/2016: dapat mencakup Cukup Peduli HAM). "
        "Sumber di slide terakhir.",
        "Green line: our rows (lower bound); dotted: upper bound if kab/kota without data were "
        "Peduli; diamonds: awards reported by sources over all kab/kota (34/2016: may include "
        "Cukup Peduli HAM). Sources on the last slide.",
    ),
    "pr_col_province": ("Provinsi", "Province"),
    "pr_col_peduli": ("Peduli", "Peduli"),
    "pr_col_total": ("Kab/kota", "Kab/kota"),
    "pr_col_unknown": ("Tanpa data", "No data"),
    "pr_col_share": ("Persentase", "Share"),
    "pr_col_pembina": ("Pembina", "Pembina"),
    # the narrative (kkpham.present.narrative); {names}: a list ending in pr_names_more
    "pr_names_more": ("dan {n} lainnya", "and {n} more"),
    "pr_headline": (
        "{year}: {peduli} dari {total} kabupaten/kota di {place} meraih predikat Peduli HAM.",
        "{year}: {peduli} of {total} regencies/cities in {place} received the Peduli HAM "
        "predicate.",
    ),
    "pr_headline_range": (
        "Data belum lengkap — minimal {low}, maksimal {high}: {unknown} kab/kota belum ada data.",
        "Incomplete data — at least {low}, at most {high}: {unknown} regencies/cities without "
        "data.",
    ),
    "pr_headline_unpublished": (
        "{year}: hasil penilaian {total} kabupaten/kota di {place} belum diumumkan.",
        "{year}: the results for the {total} regencies/cities in {place} are not yet published.",
    ),
    "pr_headline_no_data": (
        "{year}: belum ada data untuk {total} kabupaten/kota di {place}.",
        "{year}: no data yet for the {total} regencies/cities in {place}.",
    ),
    "pr_unpublished": (
        "Hasil {n} kab/kota belum diumumkan.",
        "The results of {n} kab/kota are not yet published.",
    ),
    "pr_headline_not_held": (
        "{year}: penilaian tidak dilaksanakan, sehingga tidak ada predikat untuk kabupaten/kota "
        "di {place} pada tahun ini.",
        "{year}: no assessment was held, so no kab/kota in {place} has a predicate for this year.",
    ),
    "pr_no_earlier": (
        "Tidak ada tahun penilaian sebelumnya untuk dibandingkan.",
        "No earlier assessed year to compare with.",
    ),
    "pr_gained": (
        "Menjadi Peduli HAM sejak tahun data {year} ({n}): {names}.",
        "Became Peduli HAM since data year {year} ({n}): {names}.",
    ),
    "pr_gained_none": (
        "Tidak ada kab/kota yang tercatat berpindah dari bukan Peduli pada {year} menjadi "
        "Peduli HAM.",
        "No kab/kota went from a recorded non-Peduli status in {year} to Peduli HAM.",
    ),
    "pr_lost": ("Tidak lagi Peduli HAM ({n}): {names}.", "No longer Peduli HAM ({n}): {names}."),
    "pr_lost_none": (
        "Tidak ada kab/kota yang tercatat Peduli HAM pada {year} lalu kehilangan predikat.",
        "No kab/kota recorded as Peduli HAM in {year} lost the predicate.",
    ),
    "pr_new": (
        "Peduli HAM tanpa catatan untuk {year} ({n}): {names}.",
        "Peduli HAM with no record for {year} ({n}): {names}.",
    ),
    "pr_streaks": (
        "Deret Peduli HAM terpanjang yang masih berlangsung di tahun data {year}: {items}.",
        "Longest Peduli HAM streaks still running in data year {year}: {items}.",
    ),
    "pr_streak_item": (
        "{name} ({n} tahun data berturut-turut)",
        "{name} ({n} consecutive data years)",
    ),
    "pr_streaks_none": (
        "Di dasbor ini tidak tercatat deret Peduli HAM dua tahun data berturut-turut atau lebih "
        "yang masih berlangsung di tahun data {year}.",
        "No run of two or more consecutive Peduli HAM data years is still running in data year "
        "{year} in our data.",
    ),
    "pr_pembina": ("Syarat provinsi pembina: {text}.", "Provincial pembina threshold: {text}."),
    "pr_unknown": (
        "Belum diketahui ({n} kab/kota tanpa sumber untuk tahun ini): {names}.",
        "Still unknown ({n} kab/kota without a source for this year): {names}.",
    ),
    "pr_unknown_none": (
        "Setiap kab/kota punya status bersumber untuk tahun ini.",
        "Every kab/kota has a cited status for this year.",
    ),
    "pr_disputed": (
        "Sumber berbeda untuk {n} kab/kota: {names}.",
        "Sources disagree for {n} kab/kota: {names}.",
    ),
    "pr_reported": (
        "Sumber melaporkan {count} {what}; tercatat di dasbor ini: "
        "{peduli} Peduli HAM, {cukup} Cukup Peduli HAM.",
        "Sources report {count} {what}; our rows: {peduli} Peduli HAM, {cukup} Cukup Peduli HAM.",
    ),
    "n_of_m": ("{n} dari {m}", "{n} of {m}"),
    # table twins (kkpham.present.tables: XLSX/CSV headers, sheet names, file names)
    "tbl_code": ("Kode", "Code"),
    "tbl_region": ("Kabupaten/Kota", "Regency/city"),
    "tbl_status": ("Status", "Status"),
    "tbl_score": ("Nilai", "Score"),
    "tbl_streak": ("Beruntun (tahun data)", "Streak (data years)"),
    "tbl_first": ("Tahun Peduli pertama", "First Peduli year"),
    "tbl_source": ("Sumber", "Source"),
    "tbl_disputed": ("Sumber berbeda", "Sources disagree"),
    "tbl_yes": ("ya", "yes"),
    "tbl_province": ("Provinsi", "Province"),
    "tbl_sheet": ("Daftar", "List"),
    "tbl_grid": ("Kab-kota x tahun", "Kab-kota x year"),
    "tbl_sources": ("Sumber", "Sources"),
    "tbl_number": ("No", "No"),
    "tbl_about": ("Keterangan", "About"),
    "tbl_file_year": ("tahun-data-{year}", "data-year-{year}"),
    # completeness (kkpham.model.completeness lines, kkpham.figures.completeness_grid grid)
    "cm_known": (
        "terdata {known} dari {total} kab/kota",
        "{known} of {total} regencies/cities with data",
    ),
    "cm_sources": ("sumber: {what}", "sources: {what}"),
    "cm_reported": ("dilaporkan sumber: {what}", "reported by sources: {what}"),
    "cm_none": ("belum ada sumber", "no source yet"),
    "cm_not_held": ("tidak dinilai", "not assessed"),
    "cm_unpublished": ("hasil belum diumumkan", "results not yet published"),
    "cm_what_cukup": ("Cukup Peduli HAM", "Cukup Peduli HAM"),
    "cm_what_both": ("Peduli HAM + Cukup", "Peduli HAM + Cukup"),
    "cm_what_invited": ("diundang", "invited"),
    "cm_what_awarded": ("menerima penghargaan", "awarded"),
    "cm_grid_title": (
        "Kelengkapan data: kab/kota dengan status bersumber",
        "Data completeness: regencies/cities with a cited status",
    ),
    "cm_grid_share": ("% terdata", "% with data"),
    "cm_grid_unpublished": ("belum diumumkan", "not yet published"),
    # --- issue 8: the names of the statuses and of the changes between two years (were in
    # kkpham/vocab.py and kkpham/model/transitions.py) ---
    "status_peduli": ("Peduli HAM", "Peduli HAM (rights-caring)"),
    "status_cukup": ("Cukup Peduli HAM", "Fairly caring"),
    "status_mulai": ("Mulai Peduli HAM", "Starting to care"),
    "status_kurang": ("Kurang Peduli HAM", "Insufficient"),
    "status_belum": ("Belum Peduli HAM", "Not achieved (band unknown)"),
    "status_tidak_melapor": ("Tidak melapor", "Did not report"),
    "status_tidak_diketahui": ("Tidak ada data", "Nothing known"),
    "status_tidak_dilaksanakan": ("Penilaian tidak dilaksanakan", "Cycle not held"),
    "status_belum_terbentuk": ("Daerah belum terbentuk", "Region not yet formed"),
    "status_bukan_peduli": (
        "Bukan Peduli HAM, kategori tidak diketahui",
        "Not Peduli HAM, band unknown",
    ),
    "status_belum_diumumkan": ("Hasil belum diumumkan", "Results not yet published"),
    "tr_jadi_peduli": ("▲ Menjadi Peduli HAM", "▲ Became Peduli HAM"),
    "tr_tetap_peduli": ("Tetap Peduli HAM", "Kept Peduli HAM"),
    "tr_lepas_peduli": ("▼ Tidak lagi Peduli HAM", "▼ No longer Peduli HAM"),
    "tr_naik_pita": ("▲ Naik kategori", "▲ Moved up a category"),
    "tr_turun_pita": ("▼ Turun kategori", "▼ Moved down a category"),
    "tr_tetap_belum": ("Tetap belum Peduli HAM", "Still not Peduli HAM"),
    "tr_baru_melapor": ("Ada hasil (sebelumnya tidak ada)", "Result now (none before)"),
    "tr_berhenti_melapor": ("Berhenti melapor", "Stopped reporting"),
    "tr_tidak_diketahui_lagi": ("Tidak ada data lagi", "No data any more"),
    "tr_tetap_kosong": ("Tanpa hasil di kedua tahun", "No result in either year"),
    # --- issue 8: what to do when the store or the map geometry is not there (kkpham.ui.reads) ---
    # (st.error renders Markdown: paths and the driver's error go in code spans)
    "store_missing": (
        "Basis data belum dibangun. Jalankan `make build` (atau `.venv/bin/python -m kkpham "
        "build`) lalu muat ulang halaman ini. (berkas `{path}` tidak ada)",
        "The database has not been built. Run `make build` (or `.venv/bin/python -m kkpham "
        "build`), then reload this page. (file `{path}` is missing)",
    ),
    "store_busy": (
        "Basis data `{path}` sedang ditulis; coba lagi. (`{error}`)",
        "The database `{path}` is being written; try again. (`{error}`)",
    ),
    "geometry_missing": (
        "Geometri peta `{url}` belum dibangun (build `{build}`). Jalankan `make build`.",
        "The map geometry `{url}` has not been built (build `{build}`). Run `make build`.",
    ),
    # --- issue 8: the about sheet of a table's workbook (kkpham.present.tables.ABOUT_FIELDS) ---
    "tbl_about_tampilan": ("tampilan", "view"),
    "tbl_about_tahun_data": ("tahun_data", "data year"),
    "tbl_about_versi_data": ("versi_data", "data version"),
    "tbl_about_dibuat": ("dibuat", "made"),
    # --- issue 8: the write path's messages (kkpham.write, kkpham.model.resolver), made as
    # Message(key, **values) where the check runs and shown in the reader's language. The
    # template's column names (tahun_data, nilai, …) stay as written in the file. ---
    "msg_as_given": ("{text}", "{text}"),
    # reading a file (kkpham.write.importer.read_table)
    "imp_utf16": (
        "berkas CSV ini berenkode UTF-16 ('Unicode Text'); di Excel pilih Simpan Sebagai → "
        "'CSV UTF-8 (dipisah koma)'",
        "this CSV file is encoded as UTF-16 ('Unicode Text'); in Excel choose Save As → "
        "'CSV UTF-8 (Comma delimited)'",
    ),
    "imp_not_utf8": (
        "berkas CSV bukan UTF-8 (byte ke-{byte} tidak sah); di Excel pilih Simpan Sebagai → "
        "'CSV UTF-8 (dipisah koma)'",
        "the CSV file is not UTF-8 (byte {byte} is not valid); in Excel choose Save As → "
        "'CSV UTF-8 (Comma delimited)'",
    ),
    "imp_too_many_columns": (
        "baris {line}: {n} kolom (maksimal {max}); pemisah kolom tercampur?",
        "row {line}: {n} columns (at most {max}); are the column separators mixed?",
    ),
    "imp_too_many_blank": (
        "terlalu banyak baris kosong (lebih dari {max})",
        "too many blank lines (more than {max})",
    ),
    "imp_too_many_rows": (
        "terlalu banyak baris (maksimal {max})",
        "too many rows (at most {max})",
    ),
    "imp_rows_counted": (
        "terlalu banyak baris ({n}; maksimal {max})",
        "too many rows ({n}; at most {max})",
    ),
    "imp_csv_broken": (
        "berkas CSV rusak di baris {line}: {error}",
        "the CSV file is broken at row {line}: {error}",
    ),
    "imp_no_sheet": (
        "tidak ada lembar kerja dengan judul kolom {columns} (lembar: {sheets})",
        "no worksheet has the column headers {columns} (sheets: {sheets})",
    ),
    "imp_too_big": (
        "berkas terlalu besar ({mb} MB; maksimal {max} MB)",
        "the file is too big ({mb} MB; at most {max} MB)",
    ),
    "imp_empty": ("berkas kosong", "the file is empty"),
    "imp_xls": (
        "format Excel lama (.xls) tidak didukung: simpan sebagai .xlsx",
        "the old Excel format (.xls) is not supported: save the file as .xlsx",
    ),
    "imp_fake_xlsx": (
        "berkas bernama .xlsx tetapi isinya bukan berkas Excel",
        "the file is named .xlsx but is not an Excel file",
    ),
    "imp_bad_type": (
        "jenis berkas {suffix!r} tidak didukung: gunakan CSV atau XLSX",
        "file type {suffix!r} is not supported: use CSV or XLSX",
    ),
    "imp_header_missing": (
        "kolom wajib tidak ada: {missing} (judul kolom harus di salah satu dari {rows} baris "
        "pertama; unduh templat untuk contohnya)",
        "required columns missing: {missing} (the column headers must be in one of the first "
        "{rows} rows; download the template for an example)",
    ),
    "imp_header_doubled": ("judul kolom ganda: {columns}", "column headers given twice: {columns}"),
    "imp_columns_missing": (
        "kolom wajib tidak ada: {missing}",
        "required columns missing: {missing}",
    ),
    "imp_year_column_missing": (
        "kolom tahun_data atau tahun_penghargaan tidak ada",
        "no tahun_data or tahun_penghargaan column",
    ),
    "imp_no_rows": (
        "tidak ada baris data di bawah judul kolom",
        "no data rows below the column headers",
    ),
    "imp_cells_beyond": (
        "baris {line}: {n} sel terisi melebihi {width} judul kolom (pemisah kolom tercampur atau "
        "tanda kutip tidak ditutup?)",
        "row {line}: {n} cells, more than the {width} column headers (mixed column separators "
        "or an unclosed quote?)",
    ),
    # one row (kkpham.write.importer.parse_row and check_frame)
    "imp_not_year": (
        "{column} {text!r} bukan tahun (tulis empat angka, mis. 2023)",
        "{column} {text!r} is not a year (write four digits, e.g. 2023)",
    ),
    "imp_score_not_number": (
        "nilai {text!r} bukan angka",
        "nilai (score) {text!r} is not a number",
    ),
    "imp_cell_long": (
        "{column} terlalu panjang ({n} karakter)",
        "{column} is too long ({n} characters)",
    ),
    "imp_cell_control": (
        "{column} berisi karakter kendali yang tidak terlihat",
        "{column} contains invisible control characters",
    ),
    "imp_cell_formula": (
        "{column} diawali {mark!r} (dianggap rumus spreadsheet); hapus tanda itu",
        "{column} starts with {mark!r} (read as a spreadsheet formula); remove that sign",
    ),
    "imp_cell_html": (
        "{column} berisi tag HTML; tulis teks biasa",
        "{column} contains HTML tags; write plain text",
    ),
    "imp_example_row": (
        "baris contoh dari templat: hapus baris ini atau ganti dengan data sebenarnya",
        "an example row from the template: delete it or replace it with real data",
    ),
    "imp_year_missing": (
        "tahun_data atau tahun_penghargaan wajib diisi",
        "fill in tahun_data or tahun_penghargaan",
    ),
    "imp_year_mismatch": (
        "tahun_penghargaan {award} tidak cocok dengan tahun_data {data} (penghargaan diserahkan "
        "setahun setelah tahun data)",
        "tahun_penghargaan {award} does not match tahun_data {data} (the award is handed over "
        "the year after the data year)",
    ),
    "imp_predicate_unknown": (
        "predikat {text!r} tidak dikenal (gunakan mis. Peduli HAM, Cukup Peduli HAM, Belum "
        "Peduli HAM, Tidak melapor)",
        "predikat (predicate) {text!r} is not known (use e.g. Peduli HAM, Cukup Peduli HAM, "
        "Belum Peduli HAM, Tidak melapor)",
    ),
    "imp_source_missing": (
        "sumber wajib diisi (tautan berita/situs atau nomor Keputusan Menteri)",
        "fill in the sumber (source): a link to a news or government page, or the number of "
        "the Minister's decree",
    ),
    "imp_source_kind": (
        "sumber {text!r} bukan tautan http(s) atau nomor Keputusan",
        "sumber (source) {text!r} is neither an http(s) link nor a decree number",
    ),
    "imp_name_missing": ("kabupaten_kota kosong", "kabupaten_kota is empty"),
    "imp_dup_in_file": (
        "baris ganda: daerah, tahun data dan sumber sama dengan baris {line}",
        "duplicate row: the same region, data year and source as row {line}",
    ),
    "imp_already_stored": (
        "klaim ini (daerah, tahun data, sumber) sudah tersimpan",
        "this claim (region, data year, source) is already stored",
    ),
    "imp_refused": (
        "{n} baris bermasalah: tidak ada yang disimpan",
        "rows with problems: {n}; nothing was stored",
    ),
    "imp_nothing": ("tidak ada baris untuk disimpan", "no rows to store"),
    # the preview of a checked file (kkpham.write.importer.preview_frame, conflict_lines)
    "imp_state_error": ("Galat", "Error"),
    "imp_state_ready": ("Siap", "Ready"),
    "imp_state_file": ("Berbeda dengan baris lain", "Differs from other rows"),
    "imp_state_stored": ("Berbeda dengan data tersimpan", "Differs from stored data"),
    "imp_state_both": (
        "Berbeda dengan baris lain dan data tersimpan",
        "Differs from other rows and stored data",
    ),
    "imp_conf_file": ("baris lain di berkas ini: {claims}", "other rows of this file: {claims}"),
    "imp_conf_stored": ("klaim tersimpan: {claims}", "stored claims: {claims}"),
    "imp_conf_row": ("baris {line} {status} ({source})", "row {line} {status} ({source})"),
    "imp_conf_stored_claim": ("tersimpan {status} ({source})", "stored {status} ({source})"),
    "imp_conf_note": (
        "semua klaim tetap disimpan, peta memilih satu menurut aturan sumber",
        "every claim is kept; the map picks one by the source rules",
    ),
    "imp_conf_line": (
        "{code} {name}, tahun data {year}: {said}",
        "{code} {name}, data year {year}: {said}",
    ),
    "imp_derived": (
        "tahun data {year} diturunkan dari tahun penghargaan",
        "data year {year} derived from the award year",
    ),
    # the file of rows to fix: its own columns beside the template's
    "imp_col_line": ("baris", "row"),
    "imp_col_problem": ("masalah", "problem"),
    "imp_col_candidates": ("kandidat", "candidates"),
    # what a stored row may not be (kkpham.write.validate)
    "val_region_unknown": (
        "kode wilayah {code!r} tidak dikenal",
        "region code {code!r} is not known",
    ),
    "val_year_outside": (
        "tahun data {year} di luar siklus KKP HAM yang dikenal ({first}–{last})",
        "data year {year} is outside the known KKP HAM cycles ({first}–{last})",
    ),
    "val_not_held": (
        "tahun data {year}: penilaian tidak dilaksanakan pada siklus ini",
        "data year {year}: no assessment was held in this cycle",
    ),
    "val_not_formed": (
        "{name} baru dibentuk tahun {formed}, sebelum tahun data {year} daerah ini belum ada",
        "{name} was formed in {formed}: it did not exist yet in data year {year}",
    ),
    "val_score_range": (
        "nilai {text!r} harus angka 0–100",
        "nilai (score) {text!r} must be a number 0–100",
    ),
    "val_status_unknown": (
        "predikat {text!r} tidak dikenal",
        "predikat (predicate) {text!r} is not known",
    ),
    "val_outcomes_unpublished": (
        "{regulation}: nama hasil penilaiannya belum diumumkan, jadi predikat {label!r} belum "
        "dapat disimpan untuk tahun data ini",
        "{regulation}: its outcome names are not public yet, so {label!r} cannot be stored for "
        "this data year yet",
    ),
    "val_not_in_regime": (
        "predikat {label!r} tidak ada dalam {regulation} (hasilnya: {named})",
        "{label!r} is not an outcome of {regulation}; its outcomes are {named}",
    ),
    "val_no_peduli": (
        "{regulation} belum mengumumkan predikat Peduli HAM atau penggantinya, jadi {label!r} "
        "belum dapat disimpan untuk tahun data ini",
        "{regulation} has not announced Peduli HAM or what replaces it, so {label!r} cannot be "
        "stored for this data year yet",
    ),
    "val_score_not_reported": (
        "daerah yang tidak melapor tidak dinilai: kolom nilai harus kosong",
        "a region that did not report was not scored: leave nilai (score) empty",
    ),
    "val_score_below_peduli": (
        "nilai {score} di bawah {min} tidak cocok dengan predikat Peduli HAM",
        "a score of {score}, below {min}, does not match Peduli HAM",
    ),
    "val_score_means_peduli": (
        "nilai {score} (≥{min}) berarti Peduli HAM, bukan {label!r}",
        "a score of {score} (≥{min}) means Peduli HAM, not {label!r}",
    ),
    "val_score_outside": (
        "nilai {score} di luar rentang {label!r} dalam {regulation} ({low}–<{high})",
        "a score of {score} is outside the range of {label!r} in {regulation} ({low}–<{high})",
    ),
    "val_decree_no_year": (
        "kutipan keputusan harus menyebut tahunnya (penetapan tahun data {year}: 'Tahun {award}')",
        "a decree citation must name its year (the decree for data year {year}: 'Tahun {award}')",
    ),
    "val_decree_wrong_year": (
        "keputusan penetapan tahun data {year} ditetapkan tahun {award}; kutipan ini menyebut "
        "tahun {years}",
        "the decree for data year {year} was signed in {award}; this citation names {years}",
    ),
    "val_source_public": (
        "sumber wajib berupa tautan http(s) ke situs publik",
        "the sumber (source) must be an http(s) link to a public site",
    ),
    # names that map to no region or to several (kkpham.model.resolver.ResolveError)
    "res_unknown": (
        "nama {name!r} tidak dikenal{where}{hint}",
        "the name {name!r} is not known{where}{hint}",
    ),
    "res_ambiguous": (
        "nama {name!r} ambigu{where}: {listed}",
        "the name {name!r} is ambiguous{where}: {listed}",
    ),
    "res_maybe": ("; mungkin: {listed}", "; perhaps: {listed}"),
    "res_as_province": (" sebagai provinsi", " as a province"),
    "res_kab_or_province": (" (kabupaten/kota atau provinsi?)", " (regency/city or province?)"),
    "res_as_kind": (" sebagai {kind}", " as a {kind}"),
    "res_in_province": (" di provinsi {province}", " in the province of {province}"),
    "res_as_kind_in_province": (
        " sebagai {kind} di provinsi {province}",
        " as a {kind} in the province of {province}",
    ),
    # workbooks beyond a limit (kkpham.write.spreadsheet.SheetLimitError)
    "xls_slow": (
        "berkas Excel butuh lebih dari {seconds} detik untuk dibaca; simpan ulang hanya tabel "
        "hasilnya (atau sebagai CSV UTF-8)",
        "the Excel file takes more than {seconds} seconds to read; save just the results table "
        "to a new file (or as CSV UTF-8)",
    ),
    "xls_busy": (
        "server sedang memeriksa berkas lain; coba lagi sebentar lagi",
        "the server is checking other files; try again in a moment",
    ),
    "xls_bad_zip": (
        "berkas Excel rusak (arsip zip tidak sah)",
        "the Excel file is damaged (not a valid zip archive)",
    ),
    "xls_entries": (
        "berkas Excel berisi {n} bagian (maksimal {max}); simpan ulang hanya tabel hasilnya",
        "the Excel file has {n} parts (at most {max}); save just the results table to a new file",
    ),
    "xls_unpacked": (
        "isi berkas Excel terlalu besar setelah dibuka ({mb} MB; maksimal {max} MB): simpan "
        "ulang hanya tabel hasilnya",
        "the Excel file is too big once unpacked ({mb} MB; at most {max} MB): save just the "
        "results table to a new file",
    ),
    "xls_declared": (
        "lembar {title!r} menyatakan ukuran {rows} baris × {cols} kolom (maksimal {max_rows} "
        "baris data dan {max_cols} kolom): hapus isi dan format di luar tabel, atau salin "
        "tabelnya ke berkas baru",
        "sheet {title!r} declares {rows} rows × {cols} columns (at most {max_rows} data rows "
        "and {max_cols} columns): delete the contents and formats outside the table, or copy "
        "the table to a new file",
    ),
    "xls_row_far": (
        "lembar {title!r} berisi data di baris {row} (maksimal {max} baris data)",
        "sheet {title!r} has data in row {row} (at most {max} data rows)",
    ),
    "xls_col_far": (
        "lembar {title!r} berisi data di sel {cell} (kolom ke-{col}; maksimal {max} kolom)",
        "sheet {title!r} has data in cell {cell} (column {col}; at most {max} columns)",
    ),
    "xls_row_cells": (
        "lembar {title!r}: baris {row} memiliki lebih dari {max} sel; hapus isi dan format di "
        "luar tabel",
        "sheet {title!r}: row {row} has more than {max} cells; delete the contents and formats "
        "outside the table",
    ),
    "xls_sheet_unreadable": (
        "lembar {title!r} tidak dapat dibaca ({problem})",
        "sheet {title!r} cannot be read ({problem})",
    ),
    "xls_unreadable": (
        "berkas Excel tidak dapat dibaca: {problem}",
        "the Excel file cannot be read: {problem}",
    ),
    # pasted text and PDFs (kkpham.write.paste.PasteError)
    "pst_too_long": (
        "teks terlalu panjang ({n} karakter; maksimal {max}): tempel per provinsi atau per halaman",
        "the text is too long ({n} characters; at most {max}): paste one province or one page "
        "at a time",
    ),
    "pst_pdf_too_big": (
        "PDF terlalu besar ({mb} MB; maksimal {max} MB)",
        "the PDF is too big ({mb} MB; at most {max} MB)",
    ),
    "pst_not_pdf": ("berkas ini bukan PDF", "this file is not a PDF"),
    "pst_pdf_slow": (
        "PDF terlalu lama dibaca; tempel teks lampirannya saja",
        "the PDF takes too long to read; paste the text of its annex instead",
    ),
    "pst_pdf_limits": (
        "PDF tidak dapat dibaca dalam batas memori dan waktu; tempel teks lampirannya saja",
        "the PDF cannot be read within the memory and time limits; paste the text of its "
        "annex instead",
    ),
    "pst_pdf_pages": (
        "PDF {n} halaman; maksimal {max}: pisahkan halaman lampirannya",
        "the PDF has {n} pages; at most {max}: split off the annex pages",
    ),
    "pst_pdf_text_long": (
        "teks PDF lebih dari {max} karakter",
        "the PDF's text is longer than {max} characters",
    ),
    "pst_pdf_unreadable": (
        "PDF tidak dapat dibaca: {problem}",
        "the PDF cannot be read: {problem}",
    ),
    "pst_pdf_scan": (
        "PDF ini tidak punya lapisan teks (hasil pindai/foto): tidak ada nama yang bisa dibaca. "
        "Salin daftar dari dokumen aslinya, atau ketik nama-namanya, lalu tempel.",
        "this PDF has no text layer (a scan or photo): no name can be read. Copy the list from "
        "the original document, or type the names, then paste them.",
    ),
    "pst_one_year": (
        "isi salah satu: tahun data atau tahun penghargaan",
        "fill in one of them: the data year or the award year",
    ),
    "pst_fragments": (
        "lebih dari {max} potongan teks: tempel per provinsi",
        "more than {max} pieces of text: paste one province at a time",
    ),
    "pst_too_complex": (
        "teks terlalu rumit untuk dibaca dalam batas waktu",
        "the text is too complex to read within the time limit",
    ),
    "pst_text_over": (
        "teks lebih dari {max} karakter",
        "the text is longer than {max} characters",
    ),
    "pst_file_missing": ("berkas tidak ditemukan: {path}", "file not found: {path}"),
    "pst_not_utf8": ("teks bukan UTF-8 (byte ke-{byte})", "the text is not UTF-8 (byte {byte})"),
    # writes that did not happen (kkpham.write.stewardship, kkpham.store)
    "wr_busy": (
        "penulisan lain ke {file} masih berjalan; coba lagi nanti",
        "another write to {file} is still running; try again later",
    ),
    "wr_disk_full": (
        "penulisan gagal: disk penuh di {folder}; kosongkan ruang (mis. cadangan lama) lalu "
        "ulangi. Tidak ada yang berubah.",
        "the write failed: the disk is full at {folder}; free some space (e.g. old backups) "
        "and try again. Nothing changed.",
    ),
    "wr_disk_error": (
        "penulisan gagal: kesalahan disk ({error}). Tidak ada yang berubah.",
        "the write failed: a disk error ({error}). Nothing changed.",
    ),
    "wr_undo_not_import": (
        "batch {batch} berasal dari {origin}, bukan impor: ubah berkas data/ lalu jalankan build",
        "batch {batch} came from {origin}, not from an import: change the files in data/, then "
        "run the build",
    ),
    "wr_batch_missing": ("batch {batch} tidak ada", "there is no batch {batch}"),
    "wr_batch_undone": (
        "batch {batch} sudah dibatalkan pada {when}",
        "batch {batch} was already undone at {when}",
    ),
    "wr_cycle_in_use": (
        "batch {batch}: tahun data {years} sudah berisi hasil; batalkan dulu impor hasilnya",
        "batch {batch}: data year {years} already has results; undo the import of those "
        "results first",
    ),
    # a new cycle, regime or outcome names (kkpham.write.cycle_admin)
    "cyc_outcome_form": (
        "hasil {text!r}: tulis kategori=Label (mis. peduli=Patuh HAM|Compliant)",
        "outcome {text!r}: write category=Label (e.g. peduli=Patuh HAM|Compliant)",
    ),
    "cyc_text_limits": (
        "teks maksimal {max} karakter, tanpa < > atau karakter kendali",
        "texts of at most {max} characters, without < > or control characters",
    ),
    "cyc_year_exists": ("tahun data {year} sudah ada", "data year {year} already exists"),
    "cyc_year_range": (
        "tahun data {year} di luar 2012–2100",
        "data year {year} is outside 2012–2100",
    ),
    "cyc_award_year": (
        "tahun penghargaan = tahun data + 1 (diserahkan sekitar 10 Desember)",
        "award year = data year + 1 (handed over around 10 December)",
    ),
    "cyc_source": (
        "sumber wajib berupa tautan http(s) yang menyebut siklus ini",
        "the source must be an http(s) link that names this cycle",
    ),
    "cyc_decree_date": (
        "tanggal keputusan {value!r}: tulis YYYY, YYYY-MM atau YYYY-MM-DD",
        "decree date {value!r}: write YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    "cyc_award_date": (
        "tanggal penyerahan {value!r}: tulis YYYY, YYYY-MM atau YYYY-MM-DD",
        "award date {value!r}: write YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    "cyc_needs_regime": (
        "siklus yang dilaksanakan perlu rezim (aturan penilaian)",
        "a cycle that was held needs a regime (assessment rules)",
    ),
    "cyc_regime_code": (
        "kode rezim {code!r}: huruf besar/angka, mis. D atau E",
        "regime code {code!r}: capital letters or digits, e.g. D or E",
    ),
    "cyc_new_regime_regulation": (
        "rezim baru {regime}: isi peraturannya (mis. Permen HAM 15/2025)",
        "new regime {regime}: fill in its regulation (e.g. Permen HAM 15/2025)",
    ),
    "cyc_new_regime_source": (
        "rezim baru: sumber wajib berupa tautan http(s)",
        "new regime: the source must be an http(s) link",
    ),
    "cyc_band_unknown": (
        "kategori {bad} tidak dikenal: gunakan {known}",
        "unknown categories: {bad}; use {known}",
    ),
    "cyc_label_empty": ("label hasil kosong", "an outcome label is empty"),
    "cyc_outcomes_need_regime": (
        "nama hasil perlu kode rezim",
        "outcome names need a regime code",
    ),
    "cyc_outcomes_exist": (
        "rezim {regime} sudah punya nama untuk {again}",
        "regime {regime} already has names for {again}",
    ),
    "cyc_outcomes_source": (
        "nama hasil: sumber wajib berupa tautan http(s)",
        "outcome names: the source must be an http(s) link",
    ),
    "cyc_nothing": ("tidak ada yang ditambahkan", "nothing to add"),
    # a kab/kota's kind (regions.kind), on its profile
    "kind_Kabupaten": ("Kabupaten", "Regency"),
    "kind_Kota": ("Kota", "City"),
    # the audit log's count of a batch's rows (dp_col_row is one row's number)
    "dp_col_rows": ("Baris", "Rows"),
    # a store file that is not there (kkpham.store.StoreMissing)
    "store_file_missing": (
        "basis data {path} tidak ada: jalankan `python -m kkpham build`",
        "the database {path} does not exist: run `python -m kkpham build`",
    ),
    # where an audit-log entry came from (the data page's log; "data/results.csv": the build)
    "origin_import": ("impor", "import"),
    "origin_cycle": ("siklus", "cycle"),
    "origin_restore": ("pemulihan", "restore"),
    # the meeting tools (kkpham.present: RenderError, the view of a year)
    "rnd_format": (
        "format {fmt!r} tidak dikenal; pilih {formats}",
        "format {fmt!r} is not known; choose {formats}",
    ),
    "rnd_no_chromium": (
        "Chromium tidak ditemukan ({path}); pasang paket Debian `chromium` atau setel "
        "BROWSER_PATH. Gambar statis, PDF dan paket rakor memerlukannya.",
        "Chromium was not found ({path}); install the Debian package `chromium` or set "
        "BROWSER_PATH. Static images, PDFs and the meeting pack need it.",
    ),
    "rnd_start_failed": (
        "Chromium tidak dapat dimulai: {error}",
        "Chromium could not be started: {error}",
    ),
    "rnd_start_slow": (
        "Chromium tidak dapat dimulai: tidak selesai dalam {seconds} detik",
        "Chromium could not be started: not done within {seconds} seconds",
    ),
    "rnd_images_slow": (
        "Gambar statis: tidak selesai dalam {seconds} detik",
        "Static images: not done within {seconds} seconds",
    ),
    "rnd_not_started": ("renderer belum dimulai", "the renderer has not been started"),
    "rnd_failed": ("Gambar statis gagal dibuat: {error}", "The static images failed: {error}"),
    "ctx_year_unknown": (
        "tahun data {year} tidak dikenal ({first}–{last})",
        "data year {year} is not known ({first}–{last})",
    ),
    "ctx_shapes_missing": (
        "geometri peta tidak ditemukan: {path} (jalankan `python -m kkpham build`)",
        "the map geometry was not found: {path} (run `python -m kkpham build`)",
    ),
    # the write password's hash in the configuration (kkpham.write.auth.PasswordError)
    "pw_short": ("kata sandi minimal {n} karakter", "the password needs at least {n} characters"),
    "pw_format": (
        "hash kata sandi tidak berformat scrypt$N$r$p$salt$hash",
        "the password hash is not in the form scrypt$N$r$p$salt$hash",
    ),
    "pw_broken": ("hash kata sandi rusak", "the password hash is damaged"),
    "pw_params": (
        "parameter scrypt pada hash di luar batas wajar",
        "the hash's scrypt parameters are outside sensible limits",
    ),
    "pw_memory": (
        "parameter scrypt pada hash memerlukan lebih dari {mib} MiB per pemeriksaan; buat hash "
        "baru dengan `python -m kkpham hash-password`",
        "the hash's scrypt parameters need more than {mib} MiB per check; make a new hash with "
        "`python -m kkpham hash-password`",
    ),
}

LANGS = ("id", "en")
TEXT: dict[str, dict[str, str]] = {
    lang: {key: pair[i] for key, pair in ENTRIES.items()} for i, lang in enumerate(LANGS)
}


def t(key: str, lang: str = "id", **kw: object) -> str:
    """The text for ``key`` in ``lang`` (anything but "en" is Indonesian), formatted with ``kw``."""
    text = TEXT["en" if lang == "en" else "id"][key]
    return text.format(**kw) if kw else text


@dataclass(eq=True, init=False)  # eq without frozen: unhashable (its values may be lists)
class Message:
    """A text to show later, in the reader's language: a catalogue key and its values. The
    write path raises and reports these, so one check serves the Indonesian and the English
    data page (``text(lang)``) and the command line (``str()``: Indonesian). A value that is a
    Message, or a list of them, is shown in the same language."""

    key: str
    values: dict

    def __init__(self, key: str, **values: object) -> None:
        if key not in ENTRIES:  # an unknown key fails where the message is made, not shown
            raise KeyError(key)
        self.key, self.values = key, values

    def text(self, lang: str = "id") -> str:
        return t(self.key, lang, **{k: _shown(v, lang) for k, v in self.values.items()})

    def __str__(self) -> str:
        return self.text("id")


@dataclass(frozen=True)
class Number:
    """A quantity in a message, written with the reader's separators ("1.000" and "5,2" in
    Indonesian, "1,000" and "5.2" in English); a year or a line number stays a plain int."""

    value: float
    decimals: int | None = None
    max_decimals: int = 3


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Number):
        from kkpham.formatting import format_number  # Babel: only when a number is shown

        return format_number(
            value.value, lang, decimals=value.decimals, max_decimals=value.max_decimals
        )
    if isinstance(value, list | tuple) and value and all(isinstance(v, Message) for v in value):
        return ", ".join(v.text(lang) for v in value)  # names in a sentence
    return value


def joined(messages: Iterable[Message], lang: str = "id") -> str:
    """Several messages as one line, in ``lang``."""
    return "; ".join(m.text(lang) for m in messages)


class Explained(Exception):
    """An error told in catalogue messages: ``text(lang)`` in the reader's language, ``str()``
    in Indonesian (logs, the command line). Subclasses add the built-in type callers catch
    (``class ImportFileError(Explained, ValueError)``)."""

    def __init__(self, *messages: Message) -> None:
        if not messages or not all(isinstance(m, Message) for m in messages):
            raise TypeError(f"{type(self).__name__} takes catalogue Messages, not {messages!r}")
        self.messages = messages
        super().__init__(*messages)  # args: what pickle and copy rebuild it from

    def text(self, lang: str = "id") -> str:
        return joined(self.messages, lang)

    def __str__(self) -> str:
        return self.text("id")

    def __reduce__(self) -> tuple:
        # pickle and copy: a subclass's __init__ takes its own arguments (a path, a report), so
        # every one is rebuilt from its messages and its attributes, not by calling it again
        return (_rebuilt, (type(self), self.messages), self.__dict__)


def _rebuilt(cls: type[Explained], messages: tuple[Message, ...]) -> Explained:
    err = cls.__new__(cls)
    Explained.__init__(err, *messages)
    return err


class Refused(Explained, ValueError):
    """A request refused for reasons told in catalogue messages (a ValueError to callers)."""


def explained(err: Exception) -> Explained:
    """``err`` as an Explained error; another error keeps its own words in both languages."""
    return err if isinstance(err, Explained) else Explained(Message("msg_as_given", text=str(err)))
