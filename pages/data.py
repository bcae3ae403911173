"""Data page (/data): import with preview, the audit log with undo, export. Writing needs login."""

from __future__ import annotations

import streamlit as st

from kkpham.ui import cycle_view, paste_view, state
from kkpham.ui import stewardship as ui

lang = state.begin_page("data")  # keeps the shared URL state (province, year, language)
st.title("Data: impor, log, ekspor")
st.caption(
    "Menambah hasil KKP HAM dari lampiran Keputusan atau rekap Kanwil. Tidak ada yang disimpan "
    "sebelum dikonfirmasi; setiap impor menjadi satu batch yang dapat dibatalkan, dan salinan "
    "basis data dibuat sebelum setiap perubahan."
)
try:
    cfg = ui.auth()
    who = ui.login_panel(cfg)
    ui.last_commit_notice()
    ui.upload_panel(who)
    paste_view.paste_panel(who, lang)
    ui.audit_panel(who)
    cycle_view.cycle_panel(who, lang)
    ui.export_panel()
except FileNotFoundError as err:
    st.error(f"Basis data belum ada: jalankan `make build`. ({ui.md_escape(err)})")
