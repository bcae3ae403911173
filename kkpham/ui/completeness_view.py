"""Completeness where people look: the line beside the map summary, the regions still unknown
(with the way to the import), the "not yet published" notice, and the grid on the compare page.

Domain work is ``kkpham.model.completeness``; the figure ``kkpham.figures.completeness_grid``;
this only draws.
Region names come from our own boundary table, and every line is shown as plain text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.figures.completeness_grid import completeness_grid
from kkpham.model import completeness
from kkpham.texts import t
from kkpham.ui import charts, panels, reads, state, view_cache
from kkpham.ui.safe_text import MISSING, md_escape

CHART_CONFIG = {"displaylogo": False, "scrollZoom": False}


@st.cache_data(show_spinner=False, max_entries=4)
def _grid(version: str) -> pd.DataFrame:
    panel = panels.panel(None)
    with reads.open_store() as store:
        reported = store.reported_counts()
        cycles = store.cycles()
    public = dict(zip(cycles["data_year"].astype(int), cycles["results_public"], strict=True))
    return completeness.completeness(panel, reported, public)


def grid() -> pd.DataFrame:
    return _grid(reads.data_version())


@st.cache_data(show_spinner=False, max_entries=4)
def _regimes(version: str) -> pd.DataFrame:
    with reads.open_store() as store:
        return store.regimes()


def unpublished_notice(summary: dict, year: int, cycles: pd.DataFrame, lang: str) -> None:
    """A held cycle without a public list says so (2025: Penilaian Kepatuhan HAM)."""
    if not summary["held"] or summary.get("public", True):
        return
    cycle = cycles.set_index("data_year").loc[year]
    regimes = _regimes(reads.data_version()).set_index("regime")
    regime = ""
    if isinstance(cycle["regime"], str) and cycle["regime"] in regimes.index:
        r = regimes.loc[cycle["regime"]]
        programme = r["programme_en"] if lang == "en" else r["programme_id"]
        regime = t("unpublished_regime", lang).format(  # admin-entered text: escaped
            regulation=md_escape(r["regulation"]), programme=md_escape(programme)
        )
    st.info(t("unpublished_summary", lang).format(year=year, regime=regime))


def beside_summary(
    frame: pd.DataFrame,
    summary: dict,
    province: str | None,
    year: int,
    cycles: pd.DataFrame,
    lang: str,
) -> None:
    """The one-line completeness note and the regions still unknown, under the map summary."""
    if not summary["held"]:
        return
    unpublished_notice(summary, year, cycles, lang)
    line = completeness.completeness_line(completeness.summary_row(summary), lang)
    st.text(f"{t('completeness', lang)}: {line}")
    unknown = frame[frame["status"].isin(completeness.UNKNOWN)]
    with st.expander(t("unknown_list", lang).format(n=len(unknown)), expanded=False):
        if unknown.empty:
            st.write(t("unknown_none", lang))
        else:
            st.dataframe(
                unknown[["code", "name"]].rename(
                    columns={"code": t("code", lang), "name": t("region", lang)}
                ),
                hide_index=True,
                key=f"unknown_{year}",
                placeholder=MISSING,
            )
        st.markdown(f"[{t('unknown_import', lang)}]({state.link('data', tahun=str(year))})")


def grid_section(cycles: pd.DataFrame, lang: str, mode: str) -> None:
    """The province × year completeness grid (compare page)."""
    st.subheader(t("completeness", lang))
    fig = view_cache.once(
        ("completeness_grid", lang, mode),
        lambda: charts.drawable(
            completeness_grid(
                grid(), cycles, lang=lang, year_mode=mode, title=t("completeness_title", lang)
            )
        ),
    )
    charts.show(fig, key="cmp_completeness", config=CHART_CONFIG)
    st.caption(t("completeness_caption", lang))
