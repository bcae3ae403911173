"""The map page's two-year view (``tampilan=banding``): the two status maps side by side and the
change map coloured by transition, with the criteria-regime warning when the rules differ."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.figures.change_map import change_map
from kkpham.model import timeline, transitions
from kkpham.present import context
from kkpham.texts import t
from kkpham.ui import charts, map_view, reads, state, table_widths
from kkpham.ui.safe_text import MISSING
from kkpham.vocab import BY_KEY

VIEWS = ("banding",)  # absent = one year


def view_select(lang: str, container: object = st) -> str | None:
    """One year (parameter absent) or two years side by side (``tampilan=banding``)."""
    return state.url_select(
        t("view", lang),
        [None, *VIEWS],
        param="tampilan",
        key="peta_tampilan",
        default=None,
        format_func=lambda v: t("view_two" if v == "banding" else "view_one", lang),
        container=container,
        lang=lang,
    )


def pair_panel(province: str | None, year_a: int, year_b: int) -> pd.DataFrame:
    """The panel rows of the two years (what ``transitions.transitions`` reads)."""
    rows = reads.status_panel(province)
    return rows[rows["data_year"].isin((year_a, year_b))].reset_index(drop=True)


def year_pair(cycles: pd.DataFrame, default_year: str, lang: str, mode: str) -> tuple[int, int]:
    """(tahun, tahun2) from two selectors; tahun2 defaults to the held year before tahun."""
    options = [str(y) for y in cycles["data_year"]]
    labels = map_view.year_options(cycles, mode, lang)
    fmt = lambda y: labels[int(y)]  # noqa: E731
    c1, c2 = st.columns(2)
    label = t("mode_award" if mode == "award" else "mode_data", lang)
    year = int(
        state.url_select(
            label,
            options,
            param="tahun",
            key="peta_tahun_a",
            default=default_year,
            format_func=fmt,
            container=c1,
            lang=lang,
        )
        or default_year
    )
    before = timeline.previous_held_year(cycles, year) or timeline.held_years(cycles)[0]
    year2 = int(
        state.url_select(
            t("year2", lang),
            options,
            param="tahun2",
            key="peta_tahun_b",
            default=str(before),
            format_func=fmt,
            container=c2,
            lang=lang,
        )
        or before
    )
    return year, year2


def show(
    cycles: pd.DataFrame, province: str | None, place: str, default_year: str, lang: str, mode: str
) -> None:
    year, year2 = year_pair(cycles, default_year, lang, mode)
    st.subheader(place)
    first, last = sorted((year, year2))  # a change is read forward in time
    try:
        url, outline = reads.geometry(province)
        frames = {y: reads.map_frame(province, y) for y in (first, last)}
    except reads.StoreUnavailable as exc:
        st.error(exc.text(lang))
        st.stop()
    for col, y, side in zip(st.columns(2), (first, last), "ab", strict=True):
        with col:
            st.caption(map_view.cycle_caption(cycles, y, lang))
            title = map_view.year_phrase(cycles, y, mode, lang)  # the place is in the heading
            map_view.show_map(
                frames[y],
                url,
                outline,
                title[0].upper() + title[1:],
                lang=lang,
                key=f"peta_map_{side}",
                half=True,
                province=province,
            )
    held = set(timeline.held_years(cycles))
    if first == last:
        st.info(t("same_year", lang))
        return
    if not {first, last} <= held:
        st.info(t("not_held_cmp", lang))
        return
    panel = pair_panel(province, first, last)
    # a year without any result would read "no data any more" for all (the pack's rule too)
    gap = transitions.year_without_results(panel, cycles, (first, last))
    if gap:
        st.info(context.no_results_text(*gap, place, lang))
        return
    trans = transitions.transitions(panel, first, last, cycles)
    note = transitions.regime_note(cycles, first, last, lang)
    st.subheader(t("change_map", lang))
    if note:
        st.warning(note)
    a, b = (map_view.year_label(cycles, y, mode, lang) for y in (first, last))
    fig = change_map(
        trans,
        url,
        first,
        last,
        lang=lang,
        note=note,
        outline_url=outline,
        height=map_view.NATIONAL_HEIGHT_PX if outline else map_view.PROVINCE_HEIGHT_PX,
        title=t("change_title", lang).format(a=a, b=b, place=place),
        year_labels=(a, b),
        bounds=map_view.frame_bounds(province),
    )
    map_view.chart(charts.drawable(fig), "peta_change")
    change_table(trans, a, b, lang)


def change_table(trans: pd.DataFrame, label_a: str, label_b: str, lang: str) -> None:
    """Every kab/kota with its two statuses and its transition, legend order, profile links."""
    rows = trans.sort_values(["transition_code", "name"])
    view = pd.DataFrame(
        {
            t("region", lang): rows["name"],
            label_a: rows["status_a"].map(lambda k: BY_KEY[k].label(lang)),
            label_b: rows["status_b"].map(lambda k: BY_KEY[k].label(lang)),
            t("change", lang): rows["transition"].map(
                lambda k: transitions.BY_TRANSITION[k].label(lang)
            ),
            t("profile", lang): state.profile_links(rows["code"]),
        }
    )
    link = st.column_config.LinkColumn(display_text=t("profile", lang))
    config = table_widths.whole_columns(view, {t("profile", lang): link})
    st.dataframe(view, hide_index=True, width="stretch", column_config=config, placeholder=MISSING)
