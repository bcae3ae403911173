"""Render blocks of the compare page (`bandingkan`): league table, share, grid, transitions.

Domain work is done by ``kkpham.model.timeline`` / ``transitions`` / ``league``; reads by
``kkpham.ui.panels``; this module only renders.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.figures.compare import share_chart, status_grid, transition_bars
from kkpham.figures.compare import transition_matrix_figure as matrix_figure
from kkpham.formatting import format_number
from kkpham.model import league, timeline, transitions
from kkpham.present import context
from kkpham.texts import t
from kkpham.ui import charts, compiler_notes, present_view, table_widths, view_cache
from kkpham.ui.map_view import year_labels, year_options
from kkpham.ui.safe_text import MISSING, SOURCE_DISPLAY, md_escape, web_links
from kkpham.ui.state import profile_links, shared_params, write_param
from kkpham.vocab import BY_KEY

CHART_CONFIG = {
    "displaylogo": False,
    "scrollZoom": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def year_labeller(cycles: pd.DataFrame, mode: str, lang: str):
    """A year as the page's year mode shows it: data year first, or award year first."""
    labels = year_labels(cycles, mode, lang)
    return lambda year: labels[int(year)]


def year_chooser(cycles: pd.DataFrame, mode: str, lang: str):
    """A year as a selector option: one year only, of the kind the page's year mode leads with."""
    options = year_options(cycles, mode, lang)
    return lambda year: options[int(year)]


def skip_not_held(cycles: pd.DataFrame, lang: str, params: tuple[str, ...] = ("tahun", "tahun2")):
    """A year that was not assessed (2020, e.g. carried over from the map) cannot be compared:
    say so and use the held year before it, instead of calling the value unknown."""
    not_held = set(cycles.loc[~cycles["held"].astype(bool), "data_year"].astype(int))
    for param in params:
        value = st.query_params.get(param, "")
        if value.isascii() and value.isdigit() and int(value) in not_held:
            earlier = timeline.previous_held_year(cycles, int(value))
            write_param(param, str(earlier) if earlier else None)
            st.info(t("not_held_shown", lang).format(year=value, shown=earlier))


def _league_view(
    table: pd.DataFrame, year: int, lang: str
) -> tuple[int | None, pd.DataFrame, dict]:
    """(the change's base year, the league table as shown, its column config). Short headings,
    each explained on hover, and the pembina verdict alone (its counts are columns of their
    own), so that the table fits a 1366 px page."""
    prev = table["previous_year"].dropna()
    since = int(prev.iloc[0]) if len(prev) else None
    change_col = t("lg_change", lang)  # since when: on hover and in the caption
    change_help = t("lg_change_help", lang, year=since) if since else t("lg_change_first", lang)
    rule = league.pembina_rule(year)
    pembina_col = t("lg_pembina", lang, rule=rule)
    all_col, pembina_streak_col = t("lg_streak_all", lang), t("lg_streak_pembina", lang)
    pct = st.column_config.NumberColumn(format="%.0f%%")
    config = {
        t("lg_total", lang): st.column_config.NumberColumn(help=t("lg_total_help", lang)),
        "% Peduli": pct,
        t("lg_max", lang): st.column_config.NumberColumn(
            format="%.0f%%", help=t("lg_max_help", lang)
        ),
        change_col: st.column_config.TextColumn(help=change_help),
        # numbers, so that they sort as numbers; an open verdict is empty (MISSING)
        all_col: st.column_config.NumberColumn(format="%d", help=t("lg_streak_all_help", lang)),
        pembina_streak_col: st.column_config.NumberColumn(
            format="%d", help=t("lg_streak_pembina_help", lang)
        ),
        pembina_col: st.column_config.TextColumn(help=t("lg_pembina_help", lang, rule=rule)),
    }
    shown = pd.DataFrame(
        {
            t("code", lang): table["province_code"],
            t("province", lang): table["province_name"],
            "Peduli HAM": table["peduli"],
            t("lg_total", lang): table["total"],
            "% Peduli": table["share"] * 100,
            t("lg_max", lang): table["share_max"] * 100,
            # a change between two lower bounds is no measured change: shown only on complete data
            change_col: [
                f"{v:+.0f}" if ok and pd.notna(v) else "–"
                for v, ok in zip(table["change"], table["change_complete"], strict=True)
            ],
            # empty ("—"): that year's verdict is still open (unknown kab/kota), not "lost"
            all_col: table["all_peduli_streak"].astype("Int64"),
            pembina_streak_col: table["pembina_streak"].astype("Int64"),
            # "Mungkin" hangs on the kab/kota without data: how many
            pembina_col: [
                t(f"lg_pb_{status}", lang, unknown=unknown)
                for status, unknown in zip(table["pembina"], table["unknown"], strict=True)
            ],
        }
    )
    return since, shown, table_widths.whole_columns(shown, config)


def show_league(
    table: pd.DataFrame,
    year: int,
    current: str | None,
    lang: str,
    cycles: pd.DataFrame,
    view: tuple | None = None,
) -> str | None:
    """The sortable league table of the provinces with any result in ``year``; those without
    one are named below it (a row of "0" and "None" read as a ranking). A clicked row returns
    its province code (else None). ``view``: plain values naming ``table`` besides ``year`` and
    ``lang`` (the page's league of every province: ``()``): the shown table is then built once
    per view and data version."""
    ranked, unranked, not_formed = league.split_ranked(table)
    public = bool(cycles.set_index("data_year").loc[year, "results_public"])
    if ranked.empty:  # not yet published, or no row of ours at all: no ranking
        st.info(t("lg_none_known" if public else "lg_unpublished", lang, year=year))
        return None
    build = lambda: _league_view(ranked, year, lang)  # noqa: E731
    since, shown, config = (
        build() if view is None else view_cache.once(("league", view, year, lang), build)
    )
    event = st.dataframe(
        shown,
        placeholder=MISSING,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key=f"cmp_league_{year}_{current}",
        column_config=config,
    )
    st.caption(
        " ".join(
            [
                t("select_hint", lang),
                t("lower_bound", lang),
                t("lg_since", lang, year=since, shown=year) if since else "",
                t("change_hint", lang),
                t("lg_streaks", lang),
                # store text (province names) made inert: the whole sentence escaped
                md_escape(league.unranked_text(unranked, not_formed, year, public, lang)),
            ]
        )
    )
    if since:
        note = transitions.regime_note(cycles, since, year, lang)
        if note:
            st.warning(note)
    rows = event.selection.rows if event is not None else []
    return str(ranked["province_code"].iloc[rows[0]]) if rows else None


def pick_hint(table: pd.DataFrame, lang: str) -> str:
    """What to do for the grid: pick a province above, or click a league row when there is one."""
    ranked, _, _ = league.split_ranked(table)
    return t("pick_province" if len(ranked) else "pick_province_above", lang)


def show_share(
    rows: pd.DataFrame,
    rep: pd.DataFrame,
    cycles,
    title: str,
    lang: str,
    mode: str,
    view: tuple | None = None,
):
    """``view``: plain values naming ``rows`` and ``rep`` (the province): the figure and the
    table are then built once per view and data version (``view_cache``)."""
    build = lambda: _share_parts(rows, rep, cycles, title, lang, mode)  # noqa: E731
    fig, table, notes = (
        build() if view is None else view_cache.once(("share", view, title, lang, mode), build)
    )
    charts.show(fig, key="cmp_share", config=CHART_CONFIG)
    st.caption(t("reported_note", lang) if len(rep) else t("no_reported", lang))
    if table is not None:
        st.dataframe(
            table,
            placeholder=MISSING,
            hide_index=True,
            width="stretch",
            column_config=table_widths.whole_columns(
                table,
                {t("source", lang): st.column_config.LinkColumn(display_text=SOURCE_DISPLAY)},
            ),
        )
    if notes is not None:
        compiler_notes.show(notes, lang, expanded=False)
    return fig


def _share_parts(
    rows: pd.DataFrame, rep: pd.DataFrame, cycles, title: str, lang: str, mode: str
) -> tuple:
    """(share figure, table of the sources' counts or None, their compiler's notes or None)."""
    fig = charts.drawable(share_chart(rows, rep, cycles, lang=lang, year_mode=mode, title=title))
    view = notes = None
    if len(rep):
        columns = {
            t("year", lang): rep["data_year"],
            t("sh_per_source", lang): rep["awarded_count"].astype(str)
            + rep["total_regions"].map(lambda n: "" if pd.isna(n) else f" / {int(n)}"),
            t("sh_ours_peduli", lang): rep["ours_peduli"].map(lambda v: format_number(v, lang)),
            t("sh_ours_awarded", lang): rep["ours_awarded"].map(lambda v: format_number(v, lang)),
            t("sh_unknown", lang): rep["ours_unknown"].map(lambda v: format_number(v, lang)),
            t("sh_gap", lang): rep["gap"].map(lambda v: format_number(v, lang)),
            t("source", lang): web_links(rep["source_url"]).fillna(""),
        }
        view = pd.DataFrame(columns)
        if lang == "en":  # the compiler's notes are written in English: not in the Indonesian UI
            keys = {
                t("year", lang): rep["data_year"],
                t("source", lang): columns[t("source", lang)],
            }
            notes = compiler_notes.frame(keys, rep["evidence"])
    return fig, view, notes


def show_grid(
    prov_panel: pd.DataFrame,
    cycles,
    title: str,
    lang: str,
    mode: str,
    as_of: int,
    highlight: str | None = None,
    key: str = "cmp_grid",
    view: tuple | None = None,
):
    """The kab/kota × year grid with each region's streak up to ``as_of``; the streaks.
    ``view``: plain values naming ``prov_panel`` (the province): built once per view."""

    def build() -> tuple:
        streaks = timeline.streaks(prov_panel, as_of)
        fig = status_grid(
            prov_panel,
            cycles,
            streaks=streaks,
            lang=lang,
            year_mode=mode,
            highlight=highlight,
            title=title,
            streak_as_of=as_of,
        )
        return streaks, charts.drawable(fig)

    streaks, fig = (
        build()
        if view is None
        else view_cache.once(("grid", view, title, lang, mode, as_of, highlight), build)
    )
    charts.show(fig, key=key, config=CHART_CONFIG)
    st.caption(t("streak_note", lang))
    if prov_panel["disputed"].any():  # the grid marks those cells "!" (no hover on the mark)
        st.caption(t("grid_disputed", lang))
    present_view.grid_downloads(prov_panel, lang, f"{key}_unduh")
    return streaks


def streak_table(
    prov_panel: pd.DataFrame,
    streaks: pd.DataFrame,
    as_of: int,
    lang: str,
    cycles: pd.DataFrame,
    mode: str,
    view: tuple | None = None,
) -> None:
    """Kab/kota with streaks and a link to each profile; years named as the grid above names
    them (``mode`` "award": award years). ``view``: plain values naming ``prov_panel`` (the
    province), ``streaks`` being its streaks up to ``as_of``."""
    named = timeline.year_labels(cycles, mode)
    if view is None:
        table = _streak_rows(prov_panel, streaks, as_of, lang, named)
    else:
        links = tuple(sorted(shared_params().items()))  # what the profile links carry
        table = view_cache.once(
            ("streak_table", view, as_of, lang, mode, links),
            lambda: _streak_rows(prov_panel, streaks, as_of, lang, named),
        )
    table_with_profile_links(table, lang)


def _streak_rows(
    prov_panel: pd.DataFrame,
    streaks: pd.DataFrame,
    as_of: int,
    lang: str,
    named: dict[int, str],
) -> pd.DataFrame:
    names = prov_panel.drop_duplicates("code").set_index("code")["name"]

    def year(y: object) -> str:
        return timeline.named_year(named, y)

    view = pd.DataFrame(
        {
            t("region", lang): streaks["code"].map(names),
            t("profile", lang): profile_links(streaks["code"]),
            # empty ("—"): no cited status that year (timeline.streaks), where 0 read as "lost";
            # numbers, so that they sort as numbers
            t("st_streak", lang, year=year(as_of)): streaks["streak"].astype("Int64"),
            t("st_bridged", lang): streaks["streak_bridged"].astype("Int64"),
            t("st_last_run", lang): [
                "—" if pd.isna(y) else t("st_run_to", lang, n=n, year=year(y))
                for n, y in zip(streaks["last_run"], streaks["last_peduli"], strict=True)
            ],
            t("st_first", lang): streaks["first_peduli"].map(year),
            t("st_years", lang): streaks["n_peduli"],
        }
    )
    return view


def table_with_profile_links(view: pd.DataFrame, lang: str) -> None:
    """A table whose profile column is a link (the column named ``t("profile")``)."""
    st.dataframe(
        view,
        placeholder=MISSING,
        hide_index=True,
        width="stretch",
        column_config=table_widths.whole_columns(
            view,
            {t("profile", lang): st.column_config.LinkColumn(display_text=t("profile", lang))},
        ),
    )


def show_transitions(
    scope_panel: pd.DataFrame,
    cycles,
    year_a: int,
    year_b: int,
    lang: str,
    place: str,
    view: tuple | None = None,
):
    """Regime warning, transition counts and the matrix, then the regions with their change.
    ``view``: plain values naming ``scope_panel`` (the province): built once per view."""
    if year_a == year_b:
        st.info(t("same_year", lang))
        return None
    gap = transitions.year_without_results(scope_panel, cycles, (year_a, year_b))
    if gap:  # every region would read "no longer known" or "no result in either year"
        st.info(context.no_results_text(*gap, place, lang))
        return None
    build = lambda: _transition_parts(scope_panel, cycles, year_a, year_b, lang)  # noqa: E731
    links = tuple(sorted(shared_params().items()))  # what the profile links carry
    trans, note, bars, fig, table = (
        build()
        if view is None
        else view_cache.once(("transitions", view, year_a, year_b, lang, links), build)
    )
    if note:
        st.warning(note)
    # One below the other: beside the counts, at half the page, the matrix's six columns had
    # about 8 px each on a 1366 px laptop screen.
    charts.show(bars, key="cmp_trans_bars", config=CHART_CONFIG)
    charts.show(fig, key="cmp_matrix", config=CHART_CONFIG)
    table_with_profile_links(table, lang)
    return trans


def _transition_parts(
    scope_panel: pd.DataFrame, cycles, year_a: int, year_b: int, lang: str
) -> tuple:
    """(transitions, regime note, counts figure, matrix figure, region table)."""
    trans = transitions.transitions(scope_panel, year_a, year_b, cycles)
    note = transitions.regime_note(cycles, year_a, year_b, lang)
    bars = charts.drawable(transition_bars(transitions.transition_counts(trans), lang=lang))
    matrix = transitions.transition_matrix(trans)
    fig = charts.drawable(matrix_figure(matrix, year_a, year_b, lang=lang, note=note))
    view = pd.DataFrame(
        {
            t("region", lang): trans["name"],
            t("province", lang): trans["province_name"],
            str(year_a): trans["status_a"].map(lambda k: BY_KEY[k].label(lang)),
            str(year_b): trans["status_b"].map(lambda k: BY_KEY[k].label(lang)),
            t("change", lang): trans["transition"].map(
                lambda k: transitions.BY_TRANSITION[k].label(lang)
            ),
            t("profile", lang): profile_links(trans["code"]),
        }
    )
    return trans, note, bars, fig, view
