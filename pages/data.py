"""Data page (/data): import with preview, the audit log with undo, export. Writing needs login."""

from __future__ import annotations

import streamlit as st

from kkpham.texts import t
from kkpham.ui import cycle_view, paste_view, state
from kkpham.ui import import_view as ui
from kkpham.ui.router import use_router

use_router()  # first in every entry script (see kkpham.ui.router)

lang = state.begin_page("data")  # keeps the shared URL state (province, year, language)
state.page_title(t("dp_title", lang), lang)
st.caption(t("dp_caption", lang))
try:
    cfg = ui.auth()
    who = ui.login_panel(cfg)
    ui.last_commit_notice()
    ui.upload_panel(who, cfg)
    paste_view.paste_panel(who, cfg, lang)
    ui.audit_panel(who, cfg)
    cycle_view.cycle_panel(who, cfg, lang)
    ui.export_panel()
except FileNotFoundError as err:
    st.error(t("dp_no_store", lang, err=ui.said(err)))
