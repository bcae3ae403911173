"""Meeting tools under the map: the paste-ready sentence, "Salin tautan", table twins (XLSX/CSV),
the figure (PNG/SVG) and the rakor pack (PPTX + PDF), rendered on the server on demand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from kkpham.present import context as ctx
from kkpham.present.narrative import headline_text
from kkpham.present.tables import file_stem, grid_table, region_table, to_csv, to_xlsx
from kkpham.settings import get_settings
from kkpham.texts import explained, t
from kkpham.ui import reads, state
from kkpham.ui.copy_text import copy_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "pptx": PPTX}


@st.cache_data(show_spinner=False, max_entries=16)
def _view(
    province: str | None, year: int, lang: str, version: str, today: dt.date, mode: str
) -> ctx.View:
    with reads.open_store() as store:
        return ctx.load_view(
            store, get_settings().static_dir, province, year, lang, today, year_mode=mode
        )


def _year_text(cycles: pd.DataFrame, year: int, lang: str) -> str:
    c = cycles.set_index("data_year").loc[year]
    if not c["held"]:
        return t("pr_year_not_held", lang, year=year)
    return t("pr_year_held", lang, year=year, award=int(c["award_year"]))


def sentence(summary: dict, cycles: pd.DataFrame, place: str, year: int, lang: str) -> None:
    """The one-sentence summary, ready to paste, with a copy button."""
    st.caption(t("p10_sentence", lang))
    text = headline_text(summary, _year_text(cycles, year, lang), place, lang)
    copy_text(text, lang, key="copy_sentence")


def copy_link(lang: str) -> None:
    """The current view's link (the state is in the URL) with a copy button."""
    base = str(getattr(st.context, "url", "") or "").split("?")[0]
    query = urlencode({k: st.query_params[k] for k in st.query_params})
    st.caption(t("p10_copy_link", lang))
    copy_text(f"{base}?{query}" if query else base, lang, key="copy_link")


def _downloads(
    files: dict[str, bytes | Callable[[], bytes]], stem: str, key: str, lang: str
) -> None:
    cols = st.columns(len(files))
    for col, (fmt, blob) in zip(cols, files.items(), strict=True):
        col.download_button(
            f"⬇ {fmt.upper()}",
            blob,
            file_name=f"{stem}.{fmt}",
            mime=MIME.get(fmt, XLSX if fmt == "xlsx" else "text/csv"),
            key=f"{key}_{fmt}",
            on_click="ignore",  # a download changes nothing: no rerun
            width="stretch",
        )


def _render(kind: str, view: ctx.View) -> dict[str, bytes]:
    from kkpham.present.pack import pack_files
    from kkpham.present.products import figure_bytes
    from kkpham.present.render import Renderer

    with Renderer(get_settings().static_dir) as renderer:
        if kind == "pack":
            return pack_files(view, renderer)
        return figure_bytes(view, renderer, ["png", "svg"])


def view(province: str | None, year: int, lang: str, mode: str = "data") -> ctx.View | None:
    """The meeting view (cached per data version and day) in the page's year mode (data|award);
    None, with a notice, when it cannot be read (geometry not built, unknown year)."""
    try:
        return _view(province, year, lang, reads.data_version(), dt.date.today(), mode)
    except (ValueError, FileNotFoundError) as err:
        st.info(explained(err).text(lang))
        return None


def meeting_tools(
    province: str | None, place: str, year: int, lang: str, mode: str = "data"
) -> None:
    """Table twin downloads (cheap: cached frame and panel), and the figure and the pack, which
    read the full view and start a browser only when their button is clicked."""
    from kkpham.present.render import RenderError

    st.subheader(t("p10_tools", lang))
    # off by default: the page (and the play button) pays nothing until someone wants files
    if not st.toggle(t("p10_show_tools", lang), key="p10_tools_on"):
        return
    st.link_button(
        t("p10_present", lang), state.link("peta", tampilan="presentasi", tahun=str(year))
    )
    version = reads.data_version()
    frame = reads.map_frame(province, year)
    table = region_table(frame, reads.status_panel(province), year, lang)
    about = {
        "tampilan": place,
        "tahun_data": str(year),
        "versi_data": version,
        "dibuat": dt.date.today().isoformat(),
    }
    sources = list(dict.fromkeys(u for u in frame["source_url"] if u))
    st.markdown(f"**{t('p10_table', lang)}**")
    _downloads(
        {"xlsx": to_xlsx(table, sources, about, lang), "csv": to_csv(table)},
        file_stem(place, year, lang),
        "p10_table",
        lang,
    )
    state_key = f"p10_files_{province}_{year}_{lang}_{mode}_{version}"
    made = st.session_state.setdefault(state_key, {})
    c1, c2 = st.columns(2)
    for col, kind, label in (
        (c1, "figure", t("p10_figure", lang)),
        (c2, "pack", t("p10_pack", lang)),
    ):
        with col:
            if kind not in made and st.button(label, key=f"p10_make_{kind}", width="stretch"):
                with st.spinner(t("p10_rendering", lang)):
                    shown = view(province, year, lang, mode)
                    try:
                        if shown is not None:
                            made[kind] = _render(kind, shown)
                    except (RenderError, ValueError) as err:
                        st.error(f"{t('p10_failed', lang)} {explained(err).text(lang)}")
            if kind in made:
                stem = file_stem(place, year, lang, "paket-rakor" if kind == "pack" else "peta")
                _downloads(made[kind], stem, f"p10_{kind}", lang)


def grid_downloads(panel: pd.DataFrame, lang: str, key: str) -> None:
    """The compare page's kab/kota × year grid as XLSX (status colours) and CSV."""
    if panel.empty:
        return
    place = (
        str(panel["province_name"].iloc[0])
        if panel["province_code"].nunique() == 1
        else "Indonesia"
    )
    about = {
        "tampilan": place,
        "versi_data": reads.data_version(),
        "dibuat": dt.date.today().isoformat(),
    }
    st.caption(t("p10_grid", lang))
    # written when the button is pressed (Streamlit's deferred download), not on every page run
    _downloads(
        {
            "xlsx": lambda: _grid_xlsx(panel, about, lang),
            "csv": lambda: to_csv(grid_table(panel, lang)),
        },
        file_stem(place, None, lang, "kabkota-x-tahun"),
        key,
        lang,
    )


def _grid_xlsx(panel: pd.DataFrame, about: dict, lang: str) -> bytes:
    sources = sorted({u for u in panel["source_url"] if u})
    return to_xlsx(grid_table(panel, lang), sources, about, lang)
