"""Streamlit glue of the data page: login, upload + preview + commit, audit log + undo, export.

All logic lives in kkpham.write.stewardship / importer / export / auth; this only draws and routes.
Data text is shown through st.dataframe (never rendered as Markdown or HTML) or escaped; only
http(s) sources become links.
"""

from __future__ import annotations

import math
import time

import pandas as pd
import streamlit as st

from kkpham.formatting import format_number
from kkpham.model import export
from kkpham.settings import get_settings
from kkpham.store import Store
from kkpham.texts import ENTRIES, explained, t
from kkpham.ui.safe_text import MISSING, md_escape, web_links
from kkpham.ui.state import url_lang
from kkpham.write.auth import (
    AuthConfig,
    LoginThrottle,
    PasswordError,
    WriterLogin,
    attempt_login,
    auth_config,
    confirm_write,
)
from kkpham.write.importer import (
    MAX_BYTES,
    MAX_ROWS,
    ImportFileError,
    ImportReport,
    conflict_lines,
    error_rows,
    preview_frame,
)
from kkpham.write.stewardship import (
    ImportRefused,
    WriteError,
    audit_log,
    check_upload,
    commit_file,
    undo,
)
from kkpham.write.template import template_xlsx

LOGIN = "kkpham_login"  # session_state key of the WriterLogin
clock = time.monotonic  # tests replace it to step past the idle timeout


def _lang() -> str:
    return url_lang()


def said(err: Exception) -> str:
    """An error's words in the page's language, made inert for Markdown."""
    return md_escape(explained(err).text(_lang()))


def _t(key: str, **kw: object) -> str:
    """``kkpham.texts.t`` in the page's language (the data page's functions take no ``lang``)."""
    return t(key, _lang(), **kw)


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
        st.error(_t("dp_bad_config", err=said(err)))
        return None


def writer(cfg: AuthConfig | None) -> str | None:
    """Who may write in this session (a name for the audit log), or None."""
    if cfg is None or not cfg.writing_enabled:
        return None
    login = _password_login(cfg)
    if login is not None:
        return login.name
    if cfg.oidc and st.user.is_logged_in and cfg.may_write(st.user.get("email")):
        return str(st.user.get("email"))
    return None


def _password_login(cfg: AuthConfig) -> WriterLogin | None:
    """This session's password login while it is active; a lapsed one is dropped (and said)."""
    login = st.session_state.get(LOGIN) if cfg.password_hash else None
    if login is None:
        return None
    if not login.active(clock()):
        st.session_state.pop(LOGIN, None)
        st.info(_t("dp_login_lapsed"))
        return None
    return login


def write_button(cfg: AuthConfig | None, who: str, label: str, key: str) -> str | None:
    """A write's button; the writer's name once the write is confirmed, else None.

    A password login must type the password again with every write (``auth.WriterLogin`` says
    why); an OIDC login is checked by Streamlit itself when a session is resumed.
    """
    login = _password_login(cfg) if cfg else None
    with st.form(key):
        password = (
            st.text_input(_t("dp_confirm_password"), type="password", key=f"{key}_password")
            if login
            else ""
        )
        submitted = st.form_submit_button(label, type="primary")
    if not submitted:
        return None
    if login is None:
        return who
    name, why, wait = confirm_write(login_throttle(), login, password, cfg.password_hash, clock())
    if name is None:
        st.error(_t("dp_not_saved", why=_t(f"dp_why_{why}", seconds=math.ceil(wait))))
    return name


def login_panel(cfg: AuthConfig | None) -> str | None:
    """Login widgets (or how to enable writing); the writer's name once logged in."""
    who = writer(cfg)
    if who:
        col, out = st.columns([4, 1])
        col.success(_t("dp_logged_in", who=md_escape(who)))
        if out.button(_t("dp_logout"), key="logout"):
            st.session_state.pop(LOGIN, None)
            if cfg and cfg.oidc and st.user.is_logged_in:
                st.logout()
            st.rerun()
        return who
    if cfg is None or not cfg.writing_enabled:
        st.info(_t("dp_enable_help"))
        return None
    with st.expander(_t("dp_login_expander"), expanded=False):
        if cfg.oidc and cfg.admin_emails:
            if st.user.is_logged_in:
                st.warning(_t("dp_not_admin"))
            elif st.button(_t("dp_oidc"), key="oidc_login"):
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
        name = st.text_input(_t("dp_name"), key="login_name", max_chars=80)
        password = st.text_input(_t("dp_password"), type="password", key="login_password")
        submitted = st.form_submit_button(_t("dp_login"))
    if not submitted:
        return
    if not name.strip():
        st.error(_t("dp_name_missing"))
        return
    ok, wait = attempt_login(login_throttle(), name.strip(), password, cfg.password_hash)
    if ok:
        st.session_state[LOGIN] = WriterLogin(name.strip(), clock())
        st.rerun()
    if wait:
        st.error(_t("dp_throttled", seconds=math.ceil(wait)))
    else:
        st.error(_t("dp_wrong_password"))


@st.cache_resource(show_spinner=False)
def _resolver(build_dir: str):
    from kkpham.model.regions import resolver_for

    return resolver_for(get_settings())


def _linked(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Add a ``tautan`` column holding the source only when it is an http(s) URL."""
    return frame.assign(tautan=web_links(frame[column]))


# Our own constant CSS (the limit and types are our words, never data): the uploader's English
# words ("… per file", "Upload") hidden and drawn again in Indonesian. Scoped to one uploader by
# its key's class (unscoped, the PDF uploader beside it said "CSV, XLSX"), and to the upload
# button by its kind: once a file is chosen, the dropzone also holds the file's remove button and
# an add button, which must keep their icons.
UPLOADER_CSS_ID = """<style>
[class*="st-key-{key}"] [data-testid="stFileUploaderDropzoneInstructions"] span,
[class*="st-key-{key}"] [data-testid="stFileUploaderDropzone"] {button},
[class*="st-key-{key}"] [data-testid="stFileUploaderDropzone"] {button} * {{
  font-size: 0 !important; }}
[class*="st-key-{key}"] [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{limit}"; font-size: 0.875rem; }}
[class*="st-key-{key}"] [data-testid="stFileUploaderDropzone"] {button}::after {{
  content: "Pilih berkas"; font-size: 0.875rem; }}
</style>"""
UPLOAD_BUTTON = 'button[data-testid="stBaseButton-secondary"]'  # not the chips' remove or add


def indonesian_uploader(key: str, mb: int, types: str) -> None:
    """Streamlit's uploader speaks English only: its words for the uploader whose key starts
    with ``key``, replaced by CSS, on the Indonesian page."""
    if _lang() == "id":
        limit = _t("dp_upload_limit", mb=str(mb), types=types)
        css = UPLOADER_CSS_ID.format(key=key, limit=limit, button=UPLOAD_BUTTON)
        st.markdown(css, unsafe_allow_html=True)


def upload_panel(who: str | None, cfg: AuthConfig | None = None) -> None:
    st.subheader(_t("dp_import"))
    st.download_button(
        _t("dp_template"),
        template_xlsx(),
        file_name="templat_kkpham.xlsx",
        mime=export.MIME["xlsx"],
        key="template",
        on_click="ignore",  # a download changes nothing: no rerun
    )
    if not who:
        st.caption(_t("dp_preview_hint"))
    epoch = st.session_state.get("kkpham_upload_epoch", 0)
    rows = format_number(MAX_ROWS, _lang())
    indonesian_uploader("upload", math.ceil(MAX_BYTES / 1e6), "CSV, XLSX")
    upload = st.file_uploader(
        _t("dp_file"),
        type=["csv", "xlsx"],
        key=f"upload{epoch}",
        max_upload_size=math.ceil(MAX_BYTES / 1e6),  # the importer's own limit, not 200 MB
        help=_t("dp_file_help", mb=f"{MAX_BYTES / 1e6:.0f}", rows=rows),
    )
    if upload is None:
        return
    data, name = upload.getvalue(), upload.name
    settings = get_settings()
    try:
        report = check_upload(data, name, _resolver(str(settings.build_dir)), settings.db_path)
    except ImportFileError as err:
        st.error(f"{md_escape(name)}: {said(err)}")
        return
    if report.errors:
        _show_errors(report)
    _show_report(report)
    if report.errors:
        return
    if not who:
        st.info(_t("dp_ready"))
        return
    confirmed = write_button(cfg, who, _t("dp_save", n=report.ok), "commit")
    if confirmed:
        try:
            batch, final = commit_file(
                data, name, _resolver(str(settings.build_dir)), settings, confirmed
            )
        except ImportRefused as err:
            st.error(_t("dp_changed", err=said(err)))
            return
        except WriteError as err:  # busy, or the disk refused: nothing changed
            st.warning(said(err))
            return
        st.session_state["kkpham_upload_epoch"] = epoch + 1
        st.session_state["kkpham_last_batch"] = (batch, final.ok, conflict_summary(final))
        st.rerun()


def conflict_summary(report: ImportReport) -> str:
    """How many good rows disagree with stored claims or with other rows of the file."""
    parts = [
        _t("dp_conf_stored", n=report.conflicts_stored) if report.conflicts_stored else "",
        _t("dp_conf_file", n=report.conflicts_in_file) if report.conflicts_in_file else "",
    ]
    return ", ".join(p for p in parts if p) or _t("dp_conf_none")


MAX_LISTED = 10  # errors spelled out above the table; all are in the table and the download


def preview_columns() -> dict:
    """preview_frame column -> header a Kanwil official reads (in the page's language)."""
    return {
        "baris": st.column_config.NumberColumn(_t("dp_col_row"), format="%d"),
        "status": "Status",
        "masalah_atau_catatan": st.column_config.TextColumn(_t("dp_col_problem"), width="large"),
        "kabupaten_kota": _t("dp_col_in_file"),
        "wilayah": _t("dp_col_matched"),
        "tahun_data": _t("mode_data"),
        "predikat": _t("dp_col_predicate"),
        "nilai": _t("score"),
        "sumber": _t("source"),
        "tautan": st.column_config.LinkColumn(_t("dp_col_link"), display_text=_t("dp_open")),
    }


def _show_errors(report: ImportReport, key: str = "") -> None:
    """The problems first, in words, with the file of rows to fix: nothing can be saved yet."""
    bad = [r for r in report.rows if "error" in r]
    lines = [
        _t(
            "dp_err_line",
            line=r["line"],
            name=md_escape(r["raw"].get("kabupaten_kota", "") or "—"),
            error=md_escape(r["error"].text(_lang())),
        )
        for r in bad[:MAX_LISTED]
    ]
    if len(bad) > MAX_LISTED:
        lines.append(_t("dp_err_more", n=len(bad) - MAX_LISTED))
    st.error(_t("dp_err_head", n=len(bad)) + "\n\n" + "\n".join(lines))
    st.download_button(
        _t("dp_err_download"),
        export.to_bytes(error_rows(report, _lang()), "csv"),
        mime="text/csv",
        file_name=f"bermasalah_{report.file_name}.csv",
        key=f"{key}errors_csv",
        on_click="ignore",  # a download changes nothing: no rerun
    )


def _show_report(report: ImportReport, key: str = "") -> None:
    st.markdown(_t("dp_preview", file=md_escape(report.file_name), ok=report.ok, bad=report.errors))
    if report.conflicts:
        conflicts = conflict_lines(report, _lang())
        lines = [f"- {md_escape(line)}" for line in conflicts[:MAX_LISTED]]
        st.warning(_t("dp_conflicts", summary=conflict_summary(report)) + "\n\n" + "\n".join(lines))
    preview = _linked(preview_frame(report, _lang()), "sumber")
    st.dataframe(
        preview,
        placeholder=MISSING,
        hide_index=True,
        column_config=preview_columns(),
        column_order=list(preview_columns()),
        key=f"{key}preview",
    )


def last_commit_notice() -> None:
    done = st.session_state.pop("kkpham_last_batch", None)
    if done:
        batch, ok, conflicts = done
        st.success(_t("dp_saved", batch=batch, n=ok, conflicts=conflicts))


def audit_columns() -> dict:
    """batches column -> header (in the page's language)."""
    return {
        "batch_id": st.column_config.NumberColumn("Batch", format="%d"),
        "created_at": st.column_config.DatetimeColumn(_t("dp_col_time"), format="YYYY-MM-DD HH:mm"),
        "origin": _t("dp_col_origin"),
        "file_name": _t("dp_col_file"),
        "who": _t("dp_col_who"),
        "n_rows": _t("dp_col_rows"),
        "n_conflicts": _t("dp_col_differ"),
        "n_live": _t("dp_col_live"),
        "dibatalkan": _t("dp_col_undone"),
        "file_sha256": _t("dp_col_sha"),
    }


def audit_panel(who: str | None, cfg: AuthConfig | None = None) -> None:
    st.subheader(_t("dp_log"))
    rows = audit_log(get_settings().db_path)
    table = pd.DataFrame(rows)
    table["origin"] = [  # the build's entries name their file (data/results.csv)
        _t(f"origin_{r['origin']}") if f"origin_{r['origin']}" in ENTRIES else r["origin"]
        for r in rows
    ]
    table["dibatalkan"] = [  # one readable cell instead of two mostly empty ones
        _t("dp_undone_by", when=f"{r['undone_at']:%Y-%m-%d %H:%M}", who=r["undone_by"] or "?")
        if r["undone_at"]
        else ""
        for r in rows
    ]
    st.dataframe(
        table,
        placeholder=MISSING,
        hide_index=True,
        key="batches",
        column_config=audit_columns(),
        column_order=list(audit_columns()),
    )
    undoable = [r for r in rows if r["undoable"]]
    if not who or not undoable:
        return
    pending = st.session_state.get("kkpham_pending_undo")
    for r in undoable:
        col, button = st.columns([4, 1])
        col.write(
            _t(
                "dp_batch_line",
                batch=r["batch_id"],
                file=md_escape(r["file_name"] or ""),
                n=r["n_live"],
                who=md_escape(r["who"] or "?"),
            )
        )
        if button.button(_t("dp_undo"), key=f"undo{r['batch_id']}"):
            st.session_state["kkpham_pending_undo"] = r["batch_id"]
            st.rerun()
    if pending in {r["batch_id"] for r in undoable}:
        st.warning(_t("dp_undo_confirm_text", batch=pending))
        if st.button(_t("dp_undo_no"), key="undo_cancel"):
            st.session_state.pop("kkpham_pending_undo", None)
            st.rerun()
        confirmed = write_button(cfg, who, _t("dp_undo_yes", batch=pending), "undo_confirm")
        if confirmed:
            st.session_state.pop("kkpham_pending_undo", None)
            try:  # another session may have undone it, or a write may hold the lock
                n = undo(int(pending), get_settings(), who=confirmed)
            except (ValueError, WriteError) as err:
                st.error(said(err))
                return
            st.toast(_t("dp_undone", batch=pending, n=n))
            st.rerun()


def export_panel() -> None:
    st.subheader(_t("dp_export"))
    settings = get_settings()
    with Store.open(settings.db_path) as store:
        years = [int(y) for y in store.cycles()["data_year"]]
        provinces = store.provinces()
    labels = dict(zip(provinces["code"], provinces["name"], strict=True))
    # the current selection (province and year carried in the URL from the other pages) first
    url_year, url_province = st.query_params.get("tahun", ""), st.query_params.get("provinsi")
    year_options, province_options = [None, *years], [None, *labels]
    in_url = (
        int(url_year)
        if url_year.isascii() and url_year.isdigit() and int(url_year) in years
        else None
    )
    year_at = year_options.index(in_url)
    province_at = province_options.index(url_province) if url_province in labels else 0
    c1, c2, c3 = st.columns(3)
    year = c1.selectbox(
        _t("mode_data"),
        year_options,
        index=year_at,
        key="export_year",
        format_func=lambda y: str(y) if y else _t("dp_all_years"),
    )
    province = c2.selectbox(
        _t("province"),
        province_options,
        index=province_at,
        key="export_province",
        format_func=lambda c: labels[c] if c else _t("dp_all_provinces"),
    )
    fmt = c3.selectbox("Format", export.FORMATS, key="export_format")

    def data() -> bytes:  # made when the button is pressed, not on every run of the page
        with Store.open(settings.db_path) as store:
            return export.export_bytes(store, fmt, year, province)

    name = export.file_name(fmt, year, province)
    st.download_button(
        _t("dp_download", fmt=fmt.upper()),
        data,
        file_name=name,
        mime=export.MIME[fmt],
        key="export_download",
        on_click="ignore",  # a download changes nothing: no rerun
    )
    st.caption(_t("dp_formula_note"))
