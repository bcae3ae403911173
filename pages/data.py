"""Data page (/data): import with preview, the audit log with undo, export. Writing needs login."""

from __future__ import annotations

import streamlit as st

from kkpham.ui import state
from kkpham.ui import stewardship as ui
from kkpham.ui.router import use_router

use_router()  # first in every entry script (see kkpham.ui.router)

state.begin_page("data")  # keeps the shared URL state (province, year, language) across pages
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
    ui.upload_panel(who, cfg)
    ui.audit_panel(who, cfg)
    ui.export_panel()
except FileNotFoundError as err:
    st.error(f"Basis data belum ada: jalankan `make build`. ({ui.md_escape(err)})")
