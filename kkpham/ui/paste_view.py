"""Streamlit glue of "Tempel daftar" on the data page: paste text (or a PDF with a text layer),
see the same row-by-row preview as a file import, then "Simpan" (login needed).

Logic lives in ``kkpham.write.paste``; the preview reuses the import panel's rendering. Pasted text
and
names are shown through st.dataframe or escaped, never rendered as Markdown or HTML.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.model.resolver import ResolveError
from kkpham.settings import get_settings
from kkpham.store import Store
from kkpham.texts import t
from kkpham.ui import import_view as ui
from kkpham.ui import reads
from kkpham.ui.safe_text import MISSING
from kkpham.vocab import BY_KEY, PREDIKAT_ALIASES
from kkpham.write.auth import AuthConfig
from kkpham.write.importer import ImportFileError
from kkpham.write.paste import (
    MAX_CHARS,
    MAX_PDF_BYTES,
    PasteError,
    check_text,
    commit_text,
    pdf_text,
)
from kkpham.write.stewardship import ImportRefused, WriteError

# the predicate as the importer reads it (PREDIKAT_ALIASES); shown by its name in the page's
# language
PREDICATES = (
    "Peduli HAM",
    "Cukup Peduli HAM",
    "Mulai Peduli HAM",
    "Kurang Peduli HAM",
    "Belum Peduli HAM",
    "Bukan Peduli HAM",
    "Tidak melapor",
)
STATE = "kkpham_paste"  # the inputs of the last "Pratinjau": preview and save use the same


def _provinces() -> dict[str, str]:
    frame = reads.reference()["provinces"]  # cached per data version
    return dict(zip(frame["code"], frame["name"], strict=True))


def _inputs(lang: str) -> dict | None:
    """The form; the inputs when "Pratinjau" was pressed (else None)."""
    names = _provinces()
    url_province = st.query_params.get("provinsi")
    url_year = st.query_params.get("tahun", "")
    epoch = st.session_state.get("kkpham_paste_epoch", 0)
    text = st.text_area(
        t("paste_text", lang),
        height=180,
        max_chars=MAX_CHARS,
        key=f"paste_text{epoch}",
        help=t("paste_text_help", lang),
    )
    pdf_mb = max(1, MAX_PDF_BYTES // 1_000_000)
    ui.indonesian_uploader("paste_pdf", pdf_mb, "PDF")
    pdf = st.file_uploader(
        t("paste_pdf", lang),
        type=["pdf"],
        key=f"paste_pdf{epoch}",
        max_upload_size=pdf_mb,
    )
    c1, c2, c3, c4 = st.columns([2, 1, 1, 2])
    options = [None, *names]
    province = c1.selectbox(
        t("province", lang),
        options,
        key="paste_province",
        index=options.index(url_province) if url_province in names else 0,
        format_func=lambda c: names[c] if c else t("paste_national", lang),
    )
    kind = c2.radio(
        t("paste_year_kind", lang),
        ("data", "award"),
        key="paste_year_kind",
        format_func=lambda k: t("mode_data" if k == "data" else "mode_award", lang),
        horizontal=True,
    )
    # a URL value only preselects a year within the widget's range (an ill one never crashes)
    wanted = int(url_year) if url_year.isascii() and url_year.isdigit() else 0
    year = c3.number_input(
        t("year", lang),
        min_value=2012,
        max_value=2100,
        step=1,
        value=wanted if 2012 <= wanted <= 2100 else 2023,
        key="paste_year",
    )
    predikat = c4.selectbox(
        t("paste_predikat", lang),
        PREDICATES,
        format_func=lambda p: BY_KEY[PREDIKAT_ALIASES[p.lower()]].label(lang),
        key="paste_predikat",
        help=t("paste_predikat_help", lang),
    )
    sumber = st.text_input(t("paste_source", lang), key="paste_source", max_chars=1000)
    if not st.button(t("paste_preview", lang), key="paste_preview_button"):
        return None
    if pdf is not None:
        try:
            text = pdf_text(pdf.getvalue())
        except PasteError as err:
            st.error(ui.said(err))
            return None
    return {
        "text": text,
        "source_name": pdf.name if pdf is not None else "tempel-teks",
        "province": province,
        "predikat": predikat,
        "sumber": sumber,
        "data_year": int(year) if kind == "data" else None,
        "award_year": int(year) if kind == "award" else None,
    }


def paste_panel(who: str | None, cfg: AuthConfig | None = None, lang: str = "id") -> None:
    st.subheader(t("paste_title", lang))
    st.caption(t("paste_caption", lang))
    fresh = _inputs(lang)
    if fresh is not None:
        st.session_state[STATE] = fresh
    inputs = st.session_state.get(STATE)
    if not inputs:
        return
    if not inputs["text"].strip():
        st.info(t("paste_empty", lang))
        return
    args = {k: v for k, v in inputs.items() if k != "text"}
    settings = get_settings()
    resolver = ui._resolver(str(settings.build_dir))
    try:
        with Store.open(settings.db_path) as store:
            pasted = check_text(inputs["text"], resolver, store, **args)
    except (PasteError, ResolveError, ImportFileError) as err:
        st.error(ui.said(err))
        return
    report = pasted.report
    if report.errors:
        ui._show_errors(report, key="paste")
    if report.rows:
        ui._show_report(report, key="paste")
    else:
        st.warning(t("paste_nothing", lang))
    _side_lists(pasted, lang)
    if report.errors or not report.rows:
        return
    if not who:
        st.info(t("paste_login", lang))
        return
    confirmed = ui.write_button(cfg, who, t("paste_save", lang, n=report.ok), "paste_commit")
    if confirmed:
        try:
            batch, final = commit_text(inputs["text"], resolver, settings, confirmed, **args)
        except ImportRefused as err:
            st.error(f"{t('paste_changed', lang)} {ui.said(err)}")
            return
        except WriteError as err:  # busy, or the disk refused: nothing changed
            st.warning(ui.said(err))
            return
        st.session_state.pop(STATE, None)
        st.session_state["kkpham_paste_epoch"] = st.session_state.get("kkpham_paste_epoch", 0) + 1
        st.session_state["kkpham_last_batch"] = (
            batch,
            final.report.ok,
            ui.conflict_summary(final.report),
        )
        st.rerun()


def _side_lists(pasted, lang: str) -> None:
    """Fragments not placed and names found twice, as tables (plain text cells)."""
    if pasted.unplaced:
        st.caption(t("paste_unplaced", lang).format(n=len(pasted.unplaced)))
        st.dataframe(
            pd.DataFrame(pasted.unplaced).rename(
                columns={"line": t("paste_line", lang), "text": t("paste_fragment", lang)},
            ),
            placeholder=MISSING,
            hide_index=True,
            key="paste_unplaced",
        )
    if pasted.duplicates:
        st.caption(t("paste_duplicates", lang).format(n=len(pasted.duplicates)))
        st.dataframe(
            pd.DataFrame(pasted.duplicates).rename(
                columns={
                    "line": t("paste_line", lang),
                    "name": t("paste_fragment", lang),
                    "first_line": t("paste_first_line", lang),
                },
            ),
            placeholder=MISSING,
            hide_index=True,
            key="paste_duplicates",
        )
