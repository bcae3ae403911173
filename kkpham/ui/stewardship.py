"""Streamlit glue of the data page: login, upload + preview + commit, audit log + undo, export.

All logic lives in kkpham.stewardship / importer / export / auth; this only draws and routes.
Data text is shown through st.dataframe (never rendered as Markdown or HTML) or escaped; only
http(s) sources become links.
"""

from __future__ import annotations

import html
import re
import time

import pandas as pd
import streamlit as st

from kkpham import export
from kkpham.auth import ENABLE_HELP_ID, AuthConfig, PasswordError, auth_config, verify_password
from kkpham.importer import ImportFileError, ImportReport, error_rows, preview_frame
from kkpham.settings import get_settings
from kkpham.stewardship import ImportRefused, WriteBusy, audit_log, check_upload, commit_file, undo
from kkpham.store import Store
from kkpham.template import template_xlsx
from kkpham.validate import is_http_url

MAX_FAILURES = 5  # password attempts per session before a pause
LOCKOUT_SECONDS = 60
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md_escape(text: object) -> str:
    """Data text made inert inside st.markdown: HTML escaped, Markdown syntax backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=True))


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


def _password_form(cfg: AuthConfig) -> None:
    locked_until = st.session_state.get("kkpham_locked_until", 0.0)
    if time.time() < locked_until:
        st.error("Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.")
        return
    with st.form("login"):
        name = st.text_input("Nama petugas (dicatat di log)", key="login_name", max_chars=80)
        password = st.text_input("Kata sandi", type="password", key="login_password")
        submitted = st.form_submit_button("Masuk")
    if not submitted:
        return
    if name.strip() and verify_password(password, cfg.password_hash):
        st.session_state["kkpham_writer"] = name.strip()
        st.session_state.pop("kkpham_failures", None)
        st.rerun()
    failures = st.session_state.get("kkpham_failures", 0) + 1
    st.session_state["kkpham_failures"] = failures
    if failures >= MAX_FAILURES:
        st.session_state["kkpham_locked_until"] = time.time() + LOCKOUT_SECONDS
        st.session_state["kkpham_failures"] = 0
    st.error(
        "Nama wajib diisi dan kata sandi harus benar." if name.strip() else "Isi nama petugas."
    )


@st.cache_resource(show_spinner=False)
def _resolver(build_dir: str):
    from kkpham.regions import resolver_for

    return resolver_for(get_settings())


def _linked(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Add a ``tautan`` column holding the source only when it is an http(s) URL."""
    return frame.assign(tautan=frame[column].map(lambda u: u if is_http_url(u) else None))


LINK = st.column_config.LinkColumn("tautan", display_text="buka")


def upload_panel(who: str | None) -> None:
    st.subheader("Impor hasil")
    st.download_button("Unduh templat (XLSX, dengan petunjuk)", template_xlsx(),
                       file_name="templat_kkpham.xlsx", mime=export.MIME["xlsx"],
                       key="template")  # fmt: skip
    if not who:
        st.caption("Pratinjau boleh tanpa masuk; menyimpan perlu masuk.")
    epoch = st.session_state.get("kkpham_upload_epoch", 0)
    upload = st.file_uploader("Berkas CSV atau XLSX", type=["csv", "xlsx"], key=f"upload{epoch}")
    if upload is None:
        return
    data, name = upload.getvalue(), upload.name
    settings = get_settings()
    try:
        report = check_upload(data, name, _resolver(str(settings.build_dir)), settings.db_path)
    except ImportFileError as err:
        st.error(f"{md_escape(name)}: {md_escape(err)}")
        return
    _show_report(report)
    if report.errors:
        bad = export.to_bytes(error_rows(report), "csv")
        st.download_button("Unduh baris bermasalah (CSV)", bad, mime="text/csv",
                           file_name=f"bermasalah_{report.file_name}.csv",
                           key="errors_csv")  # fmt: skip
        st.error("Perbaiki baris bermasalah lalu unggah ulang: berkas dengan galat tidak disimpan.")
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
        st.session_state["kkpham_last_batch"] = (batch, final.ok, final.conflicts)
        st.rerun()


def _show_report(report: ImportReport) -> None:
    st.write(f"**{report.ok}** baris siap ({report.conflicts} berbeda dengan data tersimpan — "
             f"keduanya disimpan), **{report.errors}** bermasalah.")  # fmt: skip
    preview = _linked(preview_frame(report), "sumber")
    st.dataframe(preview, hide_index=True, column_config={"tautan": LINK}, key="preview")


def last_commit_notice() -> None:
    done = st.session_state.pop("kkpham_last_batch", None)
    if done:
        batch, ok, conflicts = done
        st.success(f"Tersimpan sebagai batch {batch}: {ok} baris ({conflicts} berbeda dengan data "
                   "lama; keduanya tetap disimpan). Peta memakai data baru.")  # fmt: skip


def audit_panel(who: str | None) -> None:
    st.subheader("Log impor (batch)")
    rows = audit_log(get_settings().db_path)
    table = pd.DataFrame(rows)
    shown = table[["batch_id", "created_at", "origin", "file_name", "who", "n_rows",
                   "n_conflicts", "n_live", "undone_at", "undone_by", "file_sha256"]]  # fmt: skip
    st.dataframe(shown, hide_index=True, key="batches")
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
        if st.button(f"Ya, batalkan batch {pending}", key="undo_confirm"):
            n = undo(int(pending), get_settings(), who=who)
            st.session_state.pop("kkpham_pending_undo", None)
            st.toast(f"Batch {pending} dibatalkan ({n} klaim).")
            st.rerun()


def export_panel() -> None:
    st.subheader("Ekspor")
    settings = get_settings()
    with Store.open(settings.db_path) as store:
        years = [int(y) for y in store.cycles()["data_year"]]
        provinces = store.provinces()
    labels = dict(zip(provinces["code"], provinces["name"], strict=True))
    c1, c2, c3 = st.columns(3)
    year = c1.selectbox("Tahun data", [None, *years], key="export_year",
                        format_func=lambda y: str(y) if y else "Semua tahun")  # fmt: skip
    province = c2.selectbox("Provinsi", [None, *labels], key="export_province",
                            format_func=lambda c: labels[c] if c else "Semua provinsi")  # fmt: skip
    fmt = c3.selectbox("Format", export.FORMATS, key="export_format")
    with Store.open(settings.db_path) as store:
        data = export.export_bytes(store, fmt, year, province)
    name = export.file_name(fmt, year, province)
    st.download_button(f"Unduh {fmt.upper()}", data, file_name=name, mime=export.MIME[fmt],
                       key="export_download")  # fmt: skip
    st.caption("Sel teks yang diawali = + - @ diberi tanda ' agar tidak dijalankan sebagai rumus.")
