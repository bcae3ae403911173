"""Render blocks of the compare page (`bandingkan`): league table, share, grid, transitions.

Domain work is done by ``kkpham.timeline`` / ``transitions`` / ``league``; reads by
``kkpham.ui.panels``; this module only renders.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham import timeline, transitions
from kkpham.figures.compare import share_chart, status_grid, transition_bars
from kkpham.figures.compare import transition_matrix_figure as matrix_figure
from kkpham.texts import t
from kkpham.ui import present_view
from kkpham.ui.map_view import year_label
from kkpham.ui.state import profile_link, write_param
from kkpham.vocab import BY_KEY

CHART_CONFIG = {"displaylogo": False, "scrollZoom": False,
                "toImageButtonOptions": {"format": "png", "scale": 2}}  # fmt: skip


def year_labeller(cycles: pd.DataFrame, mode: str, lang: str):
    """A year as the page's year mode shows it: data year first, or award year first."""
    return lambda year: year_label(cycles, year, mode, lang)


def skip_not_held(cycles: pd.DataFrame, lang: str, params: tuple[str, ...] = ("tahun", "tahun2")):
    """A year that was not assessed (2020, e.g. carried over from the map) cannot be compared:
    say so and use the held year before it, instead of calling the value unknown."""
    not_held = set(cycles.loc[~cycles["held"].astype(bool), "data_year"].astype(int))
    for param in params:
        value = st.query_params.get(param, "")
        if value.isdigit() and int(value) in not_held:
            earlier = timeline.previous_held_year(cycles, int(value))
            write_param(param, str(earlier) if earlier else None)
            st.info(t("not_held_shown", lang).format(year=value, shown=earlier))


def show_league(table: pd.DataFrame, year: int, current: str | None, lang: str,
                cycles: pd.DataFrame | None = None) -> str | None:  # fmt: skip
    """The sortable league table; a clicked row returns its province code (else None)."""
    en = lang == "en"
    view = pd.DataFrame({
        "Kode": table["province_code"],
        t("province", lang): table["province_name"],
        "Peduli HAM": table["peduli"],
        "Total": table["total"],
        "% Peduli": table["share"] * 100,
        "% maks." if not en else "max %": table["share_max"] * 100,
        # a change between two lower bounds is no measured change: shown only on complete data
        ("Perubahan (poin persen)" if not en else "Change (pct. points)"): table["change"].where(
            table["change_complete"]
        ),
        ("Perubahan terukur" if not en else "Change measurable"): table["change_complete"],
        ("Rangkaian semua Peduli" if not en else "All-Peduli streak"): table["all_peduli_streak"],
        ("Rangkaian pembina" if not en else "Pembina streak"): table["pembina_streak"],
        "Pembina": table["pembina_text"],
    })  # fmt: skip
    pct = st.column_config.NumberColumn(format="%.0f%%")
    event = st.dataframe(
        view, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
        key=f"cmp_league_{year}_{current}",
        column_config={"% Peduli": pct, "% maks.": pct, "max %": pct,
                       view.columns[6]: st.column_config.NumberColumn(format="%+.0f")},
    )  # fmt: skip
    prev = table["previous_year"].dropna()
    since = f" ({'vs' if en else 'dibanding'} {int(prev.iloc[0])})" if len(prev) else ""
    st.caption(f"{t('select_hint', lang)} {t('lower_bound', lang)}{since} {t('change_hint', lang)}")
    if cycles is not None and len(prev):
        note = transitions.regime_note(cycles, int(prev.iloc[0]), year, lang)
        if note:
            st.warning(note)
    rows = event.selection.rows if event is not None else []
    return str(table["province_code"].iloc[rows[0]]) if rows else None


def show_share(rows: pd.DataFrame, rep: pd.DataFrame, cycles, title: str, lang: str, mode: str):
    fig = share_chart(rows, rep, cycles, lang=lang, year_mode=mode, title=title)
    st.plotly_chart(fig, config=CHART_CONFIG, width="stretch", key="cmp_share")
    st.caption(t("reported_note", lang) if len(rep) else t("no_reported", lang))
    if len(rep):
        en = lang == "en"
        view = pd.DataFrame({
            ("Tahun data" if not en else "Data year"): rep["data_year"],
            ("Menurut sumber" if not en else "Per source"): rep["awarded_count"].astype(str)
            + rep["total_regions"].map(lambda n: "" if pd.isna(n) else f" / {int(n)}"),
            ("Peduli (data kami)" if not en else "Peduli (our rows)"): rep["ours_peduli"],
            ("Peduli + Cukup (data kami)" if not en else "Peduli + Cukup (ours)"):
                rep["ours_awarded"],
            ("Tanpa data" if not en else "No data"): rep["ours_unknown"],
            ("Selisih" if not en else "Gap"): rep["gap"],
            ("Sumber" if not en else "Source"): rep["source_url"],
            ("Catatan penyusun (EN)" if not en else "Compiler's note"): rep["evidence"],
        })  # fmt: skip
        st.dataframe(view, hide_index=True, width="stretch", column_config={
            view.columns[6]: st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)")
        })  # fmt: skip
    return fig


def show_grid(prov_panel: pd.DataFrame, cycles, title: str, lang: str, mode: str, as_of: int,
              highlight: str | None = None, key: str = "cmp_grid"):  # fmt: skip
    """The kab/kota × year grid with each region's streak up to ``as_of``; the streaks."""
    streaks = timeline.streaks(prov_panel, as_of)
    fig = status_grid(prov_panel, cycles, streaks=streaks, lang=lang, year_mode=mode,
                      highlight=highlight, title=title, streak_as_of=as_of)  # fmt: skip
    st.plotly_chart(fig, config=CHART_CONFIG, width="stretch", key=key)
    st.caption(t("streak_note", lang))
    present_view.grid_downloads(prov_panel, lang, f"{key}_unduh")
    return streaks


def streak_table(prov_panel: pd.DataFrame, streaks: pd.DataFrame, as_of: int, lang: str) -> None:
    """Kab/kota with streaks and a link to each profile."""
    names = prov_panel.drop_duplicates("code").set_index("code")["name"]
    en = lang == "en"
    view = pd.DataFrame({
        t("region", lang): streaks["code"].map(names),
        t("profile", lang): streaks["code"].map(lambda c: profile_link(c)),
        (f"Beruntun s.d. {as_of}" if not en else f"Streak to {as_of}"): streaks["streak"],
        ("Beruntun (melewati tahun tanpa data)" if not en else "Streak across gaps"):
            streaks["streak_bridged"],
        ("Rangkaian terakhir" if not en else "Last run"): [
            "—" if pd.isna(y) else f"{n} ({'s.d.' if not en else 'to'} {int(y)})"
            for n, y in zip(streaks["last_run"], streaks["last_peduli"], strict=True)],
        ("Peduli pertama" if not en else "First Peduli"):
            streaks["first_peduli"].map(lambda y: "—" if pd.isna(y) else str(int(y))),
        ("Tahun Peduli" if not en else "Peduli years"): streaks["n_peduli"],
    })  # fmt: skip
    table_with_profile_links(view, lang)


def table_with_profile_links(view: pd.DataFrame, lang: str) -> None:
    """A table whose profile column is a link (the column named ``t("profile")``)."""
    st.dataframe(view, hide_index=True, width="stretch", column_config={
        t("profile", lang): st.column_config.LinkColumn(display_text=t("profile", lang))
    })  # fmt: skip


def show_transitions(scope_panel: pd.DataFrame, cycles, year_a: int, year_b: int, lang: str):
    """Regime warning, transition counts and the matrix, then the regions with their change."""
    if year_a == year_b:
        st.info(t("same_year", lang))
        return None
    trans = transitions.transitions(scope_panel, year_a, year_b, cycles)
    note = transitions.regime_note(cycles, year_a, year_b, lang)
    if note:
        st.warning(note)
    left, right = st.columns(2)
    with left:
        st.plotly_chart(transition_bars(transitions.transition_counts(trans), lang=lang),
                        config=CHART_CONFIG, width="stretch", key="cmp_trans_bars")  # fmt: skip
    with right:
        fig = matrix_figure(transitions.transition_matrix(trans), year_a, year_b, lang=lang,
                            note=note)  # fmt: skip
        st.plotly_chart(fig, config=CHART_CONFIG, width="stretch", key="cmp_matrix")
    view = pd.DataFrame({
        t("region", lang): trans["name"],
        t("province", lang): trans["province_name"],
        str(year_a): trans["status_a"].map(lambda k: BY_KEY[k].label(lang)),
        str(year_b): trans["status_b"].map(lambda k: BY_KEY[k].label(lang)),
        "→": trans["transition"].map(lambda k: transitions.BY_TRANSITION[k].label(lang)),
        t("profile", lang): trans["code"].map(lambda c: profile_link(c)),
    })  # fmt: skip
    table_with_profile_links(view, lang)
    return trans
