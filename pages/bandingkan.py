"""Bandingkan: provinces and kab/kota over the data years — league table, share, grid, changes."""

import streamlit as st

from kkpham.model import timeline
from kkpham.texts import t
from kkpham.ui import compare_view as ui
from kkpham.ui import completeness_view, panels, reads, state
from kkpham.ui.router import use_router

use_router()  # first in every entry script (see kkpham.ui.router)

lang = state.begin_page("bandingkan")
state.page_title(t("compare_title", lang), lang)
ref = reads.page_reference(lang)  # after the title: a store error still has the switch
cycles = ref["cycles"]
names = dict(zip(ref["provinces"]["code"], ref["provinces"]["name"], strict=True))

ui.skip_not_held(cycles, lang)
years = panels.held_year_options(cycles)
c1, c2, c3, c4 = st.columns(4)
province = state.province_select(names, lang, key="cmp_provinsi", container=c1)
mode = state.year_mode_select(lang, key="cmp_jenis_tahun", container=c4)
default_year = str(reads.default_year(province))
state.follow_province(province, default_year, keys=("cmp_tahun",), memo="_cmp_provinsi")
label = ui.year_labeller(cycles, mode, lang)  # "2019 (penghargaan 2020)" or the other way round
option = ui.year_chooser(cycles, mode, lang)  # "2019" (or its award year): one year per option
year = int(
    state.url_select(
        t("mode_award" if mode == "award" else "year", lang),
        years,
        param="tahun",
        key="cmp_tahun",
        default=default_year,
        container=c2,
        lang=lang,
        format_func=option,
    )
    or default_year
)
previous = timeline.previous_held_year(cycles, year)
year2 = int(
    state.url_select(
        t("year2", lang),
        years,
        param="tahun2",
        key="cmp_tahun2",
        default=str(previous or years[0]),
        container=c3,
        lang=lang,
        format_func=option,
    )
    or previous
    or years[0]
)
place = names[province] if province else t("all", lang)

try:
    league_rows = panels.league_table(year, cycles, lang)
    per_province, national = panels.series()
    scope_panel = panels.panel(province)
except reads.StoreUnavailable as exc:
    st.error(exc.text(lang))
    st.stop()

st.subheader(f"{t('league', lang)} — {label(year)}")
picked = ui.show_league(league_rows, year, province, lang, cycles, view=())
if picked and picked != province:
    state.write_param("provinsi", picked)
    st.rerun()

st.subheader(f"{t('share', lang)} — {place}")
rows = per_province[per_province["province_code"] == province] if province else national
ui.show_share(
    rows, panels.reported_beside(rows, province), cycles, place, lang, mode, view=(province,)
)

st.subheader(f"{t('grid', lang)} — {place}")
if province:
    streaks = ui.show_grid(scope_panel, cycles, place, lang, mode, as_of=year, view=(province,))
    ui.streak_table(scope_panel, streaks, year, lang, cycles, mode, view=(province,))
else:
    st.info(ui.pick_hint(league_rows, lang))

completeness_view.grid_section(cycles, lang, mode)

first, last = sorted((year2, year))  # a change is read forward in time
st.subheader(f"{t('trans', lang)}: {label(first)} → {label(last)} — {place}")
ui.show_transitions(scope_panel, cycles, first, last, lang, place, view=(province,))
