"""Streamlit glue of the data page: login, upload + preview + commit, audit log + undo, export.

All logic lives in kkpham.stewardship / importer / export / auth; this only draws and routes.
Data text is shown through st.dataframe (never rendered as Markdown or HTML) or escaped; only
http(s) sources become links.
"""

from __future__ import annotations

import html
import math
import re

import pandas as pd
import streamlit as st

from kkpham import export
from kkpham.auth import (
    ENABLE_HELP_ID,
    AuthConfig,
    LoginThrottle,
    PasswordError,
    attempt_login,
    auth_config,
)
from kkpham.importer import (
    MAX_BYTES,
    MAX_ROWS,
    ImportFileError,
    ImportReport,
    conflict_lines,
    error_rows,
    preview_frame,
)
from kkpham.settings import get_settings
from kkpham.stewardship import ImportRefused, WriteBusy, audit_log, check_upload, commit_file, undo
from kkpham.store import Store
from kkpham.template import template_xlsx
from kkpham.validate import is_http_url

# ":" too: unescaped, GFM auto-links the raw "https://a\.b" and shows the backslashes in it;
# with "https\://" the URL shows clean (auto-linking only ever makes http(s)/www/mail links).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:])")


def md_escape(text: object) -> str:
    """Data text made inert inside st.markdown: < > & escaped, Markdown syntax backslashed.

    Quotes stay: an entity such as &#x27; would have its # backslashed and show literally.
    """
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml at all is the normal, read-only case
        return {}


def auth() -> AuthConfig | None:
    """The write-access configuration; None (and an error shown) when it is malformed."""
    try:
        return auth_config(get_settings().admin_password_hash, _secrets())
    except PasswordError as err:
        st.error(f"Konfigurasi kata sandi tidak sah ({err}); penulisan dimatikan.")
        return None


def writer(cfg: AuthConfig | None) -> str | None:
    """Who may write in this session (a name for the audit log), or None."""
    if cfg is None or not cfg.writing_enabled:
        return None
    if cfg.password_hash and st.session_state.get("kkpham_writer"):
        return st.session_state["kkpham_writer"]
    if cfg.oidc and st.user.is_logged_in and cfg.may_write(st.user.get("email")):
        return str(st.user.get("email"))
    return None


def login_panel(cfg: AuthConfig | None) -> str | None:
    """Login widgets (or how to enable writing); the writer's name once logged in."""
    who = writer(cfg)
    if who:
        col, out = st.columns([4, 1])
        col.success(f"Masuk sebagai **{md_escape(who)}**: impor dan pembatalan aktif.")
        if out.button("Keluar", key="logout"):
            st.session_state.pop("kkpham_writer", None)
            if cfg and cfg.oidc and st.user.is_logged_in:
                st.logout()
            st.rerun()
        return who
    if cfg is None or not cfg.writing_enabled:
        st.info(ENABLE_HELP_ID)
        return None
    with st.expander("Masuk untuk mengimpor atau membatalkan batch", expanded=False):
        if cfg.oidc and cfg.admin_emails:
            if st.user.is_logged_in:
                st.warning("Akun ini tidak terdaftar sebagai pengelola data.")
            elif st.button("Masuk dengan akun instansi", key="oidc_login"):
                st.login()
        if cfg.password_hash:
            _password_form(cfg)
    return None


@st.cache_resource(show_spinner=False)
def login_throttle() -> LoginThrottle:
    """One failure counter for every session of this server process."""
    return LoginThrottle()


def _password_form(cfg: AuthConfig) -> None:
    with st.form("login"):
        name = st.text_input("Nama petugas (dicatat di log)", key="login_name", max_chars=80)
        password = st.text_input("Kata sandi", type="password", key="login_password")
        submitted = st.form_submit_button("Masuk")
    if not submitted:
        return
    if not name.strip():
        st.error("Isi nama petugas.")
        return
    ok, wait = attempt_login(login_throttle(), name.strip(), password, cfg.password_hash)
    if ok:
        st.session_state["kkpham_writer"] = name.strip()
        st.rerun()
    if wait:
        st.error(f"Terlalu banyak percobaan gagal. Coba lagi dalam {math.ceil(wait)} detik.")
    else:
        st.error("Masuk gagal: kata sandi salah.")


@st.cache_resource(show_spinner=False)
def _resolver(build_dir: str):
    from kkpham.regions import resolver_for

    return resolver_for(get_settings())


def _linked(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Add a ``tautan`` column holding the source only when it is an http(s) URL."""
    return frame.assign(tautan=frame[column].map(lambda u: u if is_http_url(u) else None))


def upload_panel(who: str | None) -> None:
    st.subheader("Impor hasil")
    st.download_button("Unduh templat (XLSX, dengan petunjuk)", template_xlsx(),
                       file_name="templat_kkpham.xlsx", mime=export.MIME["xlsx"],
                       key="template")  # fmt: skip
    if not who:
        st.caption("Pratinjau boleh tanpa masuk; menyimpan perlu masuk.")
    epoch = st.session_state.get("kkpham_upload_epoch", 0)
    rows = f"{MAX_ROWS:,}".replace(",", ".")  # Indonesian thousands separator
    upload = st.file_uploader(
        "Berkas CSV atau XLSX", type=["csv", "xlsx"], key=f"upload{epoch}",
        max_upload_size=math.ceil(MAX_BYTES / 1e6),  # the importer's own limit, not 200 MB
        help=f"Paling besar {MAX_BYTES / 1e6:.0f} MB dan {rows} baris; kolom seperti di "
        "templat. CSV: simpan dari Excel sebagai 'CSV UTF-8'.",
    )  # fmt: skip
    if upload is None:
        return
    data, name = upload.getvalue(), upload.name
    settings = get_settings()
    try:
        report = check_upload(data, name, _resolver(str(settings.build_dir)), settings.db_path)
    except ImportFileError as err:
        st.error(f"{md_escape(name)}: {md_escape(err)}")
        return
    if report.errors:
        _show_errors(report)
    _show_report(report)
    if report.errors:
        return
    if not who:
        st.info("Semua baris siap. Masuk untuk menyimpan.")
        return
    if st.button(f"Simpan {report.ok} baris sebagai satu batch", type="primary", key="commit"):
        try:
            batch, final = commit_file(
                data, name, _resolver(str(settings.build_dir)), settings, who
            )
        except ImportRefused as err:
            st.error(f"Data tersimpan berubah sejak pratinjau: {err}. Unggah ulang untuk melihat.")
            return
        except WriteBusy as err:
            st.warning(str(err))
            return
        st.session_state["kkpham_upload_epoch"] = epoch + 1
        st.session_state["kkpham_last_batch"] = (batch, final.ok, conflict_summary(final))
        st.rerun()


def conflict_summary(report: ImportReport) -> str:
    """How many good rows disagree with stored claims or with other rows of the file."""
    parts = [f"{report.conflicts_stored} berbeda dengan data tersimpan"
             if report.conflicts_stored else "",
             f"{report.conflicts_in_file} berbeda dengan baris lain di berkas ini"
             if report.conflicts_in_file else ""]  # fmt: skip
    return ", ".join(p for p in parts if p) or "tidak ada klaim yang berbeda"


MAX_LISTED = 10  # errors spelled out above the table; all are in the table and the download
PREVIEW_COLUMNS = {  # preview_frame column -> header a Kanwil official reads
    "baris": st.column_config.NumberColumn("Baris", format="%d"),
    "status": "Status",
    "masalah_atau_catatan": st.column_config.TextColumn("Masalah / catatan", width="large"),
    "kabupaten_kota": "Kab/kota (di berkas)",
    "wilayah": "Dikenali sebagai",
    "tahun_data": "Tahun data",
    "predikat": "Predikat",
    "nilai": "Nilai",
    "sumber": "Sumber",
    "tautan": st.column_config.LinkColumn("Tautan", display_text="buka"),
}


def _show_errors(report: ImportReport, key: str = "") -> None:
    """The problems first, in words, with the file of rows to fix: nothing can be saved yet."""
    bad = [r for r in report.rows if "error" in r]
    lines = [f"- Baris {r['line']} ({md_escape(r['raw'].get('kabupaten_kota', '') or '—')}): "
             f"{md_escape(r['error'])}" for r in bad[:MAX_LISTED]]  # fmt: skip
    if len(bad) > MAX_LISTED:
        lines.append(f"- … dan {len(bad) - MAX_LISTED} baris lain (lihat tabel atau unduhan)")
    st.error(f"**{len(bad)} baris bermasalah: berkas ini belum dapat disimpan.** Perbaiki baris "
             "berikut di berkas Anda, lalu unggah ulang.\n\n" + "\n".join(lines))  # fmt: skip
    st.download_button("Unduh baris bermasalah (CSV) untuk diperbaiki",
                       export.to_bytes(error_rows(report), "csv"), mime="text/csv",
                       file_name=f"bermasalah_{report.file_name}.csv",
                       key=f"{key}errors_csv")  # fmt: skip


def _show_report(report: ImportReport, key: str = "") -> None:
    st.markdown(f"Pratinjau **{md_escape(report.file_name)}**: **{report.ok}** baris siap, "
                f"**{report.errors}** bermasalah.")  # fmt: skip
    if report.conflicts:
        lines = [f"- {md_escape(line)}" for line in conflict_lines(report)[:MAX_LISTED]]
        st.warning(f"**Klaim yang berbeda ({conflict_summary(report)}).** Semua klaim disimpan "
                   "dengan sumbernya; peta menampilkan satu: Keputusan Menteri > situs "
                   "pemerintah > berita, lalu impor yang lebih baru.\n\n"
                   + "\n".join(lines))  # fmt: skip
    preview = _linked(preview_frame(report), "sumber")
    st.dataframe(preview, hide_index=True, column_config=PREVIEW_COLUMNS,
                 column_order=list(PREVIEW_COLUMNS), key=f"{key}preview")  # fmt: skip


def last_commit_notice() -> None:
    done = st.session_state.pop("kkpham_last_batch", None)
    if done:
        batch, ok, conflicts = done
        st.success(f"Tersimpan sebagai batch {batch}: {ok} baris ({conflicts}). Peta memakai "
                   "data baru.")  # fmt: skip


AUDIT_COLUMNS = {  # batches column -> header
    "batch_id": st.column_config.NumberColumn("Batch", format="%d"),
    "created_at": st.column_config.DatetimeColumn("Waktu (UTC)", format="YYYY-MM-DD HH:mm"),
    "origin": "Asal",
    "file_name": "Berkas",
    "who": "Oleh",
    "n_rows": "Baris",
    "n_conflicts": "Berbeda",
    "n_live": "Klaim aktif",
    "dibatalkan": "Dibatalkan (UTC)",
    "file_sha256": "SHA-256 berkas",
}


def audit_panel(who: str | None) -> None:
    st.subheader("Log impor (batch)")
    rows = audit_log(get_settings().db_path)
    table = pd.DataFrame(rows)
    table["dibatalkan"] = [  # one readable cell instead of two mostly empty ones
        f"{r['undone_at']:%Y-%m-%d %H:%M} oleh {r['undone_by'] or '?'}" if r["undone_at"] else ""
        for r in rows
    ]
    st.dataframe(table, hide_index=True, key="batches", column_config=AUDIT_COLUMNS,
                 column_order=list(AUDIT_COLUMNS))  # fmt: skip
    undoable = [r for r in rows if r["undoable"]]
    if not who or not undoable:
        return
    pending = st.session_state.get("kkpham_pending_undo")
    for r in undoable:
        col, button = st.columns([4, 1])
        col.write(f"Batch {r['batch_id']}: {md_escape(r['file_name'] or '')}, "
                  f"{r['n_live']} klaim, oleh {md_escape(r['who'] or '?')}")  # fmt: skip
        if button.button("Batalkan", key=f"undo{r['batch_id']}"):
            st.session_state["kkpham_pending_undo"] = r["batch_id"]
            st.rerun()
    if pending in {r["batch_id"] for r in undoable}:
        st.warning(f"Batalkan batch {pending}? Klaimnya dihapus dari peta; batch tetap di log "
                   "dan salinan basis data disimpan di cadangan.")  # fmt: skip
        yes, no = st.columns([1, 4])
        if no.button("Tidak, kembali", key="undo_cancel"):
            st.session_state.pop("kkpham_pending_undo", None)
            st.rerun()
        if yes.button(f"Ya, batalkan batch {pending}", key="undo_confirm"):
            st.session_state.pop("kkpham_pending_undo", None)
            try:  # another session may have undone it, or a write may hold the lock
                n = undo(int(pending), get_settings(), who=who)
            except (ValueError, WriteBusy) as err:
                st.error(md_escape(err))
                return
            st.toast(f"Batch {pending} dibatalkan ({n} klaim).")
            st.rerun()


def export_panel() -> None:
    st.subheader("Ekspor")
    settings = get_settings()
    with Store.open(settings.db_path) as store:
        years = [int(y) for y in store.cycles()["data_year"]]
        provinces = store.provinces()
    labels = dict(zip(provinces["code"], provinces["name"], strict=True))
    # the current selection (province and year carried in the URL from the other pages) first
    url_year, url_province = st.query_params.get("tahun", ""), st.query_params.get("provinsi")
    year_options, province_options = [None, *years], [None, *labels]
    in_url = int(url_year) if url_year.isdigit() and int(url_year) in years else None
    year_at = year_options.index(in_url)
    province_at = province_options.index(url_province) if url_province in labels else 0
    c1, c2, c3 = st.columns(3)
    year = c1.selectbox("Tahun data", year_options, index=year_at, key="export_year",
                        format_func=lambda y: str(y) if y else "Semua tahun")  # fmt: skip
    province = c2.selectbox("Provinsi", province_options, index=province_at,
                            key="export_province",
                            format_func=lambda c: labels[c] if c else "Semua provinsi")  # fmt: skip
    fmt = c3.selectbox("Format", export.FORMATS, key="export_format")
    with Store.open(settings.db_path) as store:
        data = export.export_bytes(store, fmt, year, province)
    name = export.file_name(fmt, year, province)
    st.download_button(f"Unduh {fmt.upper()}", data, file_name=name, mime=export.MIME[fmt],
                       key="export_download")  # fmt: skip
    st.caption("Sel teks yang diawali = + - @ diberi tanda ' agar tidak dijalankan sebagai rumus.")
