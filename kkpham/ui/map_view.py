"""Render helpers for the map page: year labels and caption, the chart (click → profile), summary
panel and region table, in the page's language and year mode (data year or award year first)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from kkpham.figures import status_map
from kkpham.formatting import format_number, format_percent
from kkpham.model import completeness
from kkpham.regimes import programme_name
from kkpham.texts import t
from kkpham.ui import (
    charts,
    completeness_view,
    present_view,
    reads,
    state,
    table_widths,
    view_cache,
)
from kkpham.ui.safe_text import MISSING, SOURCE_DISPLAY, citations, md_escape, md_link, web_links
from kkpham.vocab import BY_KEY, STATUSES

TOPOJSON_URL = "/app/static/topojson/"  # plotly.js reads world_110m.json here, never from a CDN
PLOTLY_CONFIG = {
    "topojsonURL": TOPOJSON_URL,
    "displaylogo": False,
    "scrollZoom": False,
    "toImageButtonOptions": {"format": "png", "filename": "peta-kkpham", "scale": 2},
}
NATIONAL_HEIGHT_PX = 500  # Indonesia is ~2.7 times wider than tall: a taller chart only adds blank
PROVINCE_HEIGHT_PX = 640
HALF_HEIGHT_PX = {True: 470, False: 600}  # side by side: national (wide) / province
PROFILE_PAGE = "pages/wilayah.py"
# Regions far off a province's mainland that would shrink its map to a strip: left out of the
# zoom (named under the map, listed in the table). Kepulauan Seribu lies ~100 km off Jakarta.
OFF_FRAME = {"31.01": "seribu_note"}


def _cycle(cycles: pd.DataFrame, year: int) -> pd.Series:
    row = cycles[cycles["data_year"] == int(year)]
    if row.empty:
        raise KeyError(year)
    return row.iloc[0]


def year_label(
    cycles: pd.DataFrame, year: str | int | None, mode: str = "data", lang: str = "id"
) -> str:
    """A year in a title: the leading year (data or award, per ``mode``) and the other one in
    brackets; a cycle that was not held says so. Options use ``year_option`` (one year only)."""
    return _label(_cycle(cycles, int(year)), int(year), mode, lang)


def year_labels(cycles: pd.DataFrame, mode: str = "data", lang: str = "id") -> dict[int, str]:
    """``year_label`` of every cycle, in one pass."""
    return {
        int(c["data_year"]): _label(c, int(c["data_year"]), mode, lang)
        for c in cycles.to_dict("records")
    }


def _label(c, year: int, mode: str, lang: str) -> str:
    if not c["held"]:
        return f"{year} ({t('not_held', lang)})"
    if mode == "award":
        return f"{int(c['award_year'])} ({t('data', lang)} {year})"
    return f"{year} ({t('award', lang)} {int(c['award_year'])})"


def year_option(
    cycles: pd.DataFrame, year: str | int | None, mode: str = "data", lang: str = "id"
) -> str:
    """A year in a selector: only the year of the kind the user chose (data or award year), so a
    search for 2019 never offers "2018 (penghargaan 2019)". The other year is in the caption."""
    return _option(_cycle(cycles, int(year)), int(year), mode, lang)


def year_options(cycles: pd.DataFrame, mode: str = "data", lang: str = "id") -> dict[int, str]:
    """``year_option`` of every cycle, in one pass (a widget labels every option each rerun)."""
    return {
        int(c["data_year"]): _option(c, int(c["data_year"]), mode, lang)
        for c in cycles.to_dict("records")
    }


def _option(c, year: int, mode: str, lang: str) -> str:
    if not c["held"]:
        return f"{year if mode != 'award' else '—'} · {t('not_held', lang)}"
    return str(int(c["award_year"])) if mode == "award" else str(year)


def year_phrase(cycles: pd.DataFrame, year: int, mode: str, lang: str) -> str:
    """ "tahun data 2022 (penghargaan 2023)" / "tahun penghargaan 2023 (data 2022)"."""
    lead = t(
        "mode_award" if mode == "award" and _cycle(cycles, year)["held"] else "mode_data", lang
    )
    return f"{lead.lower()} {year_label(cycles, year, mode, lang)}"


def cycle_caption(cycles: pd.DataFrame, year: int, lang: str = "id") -> str:
    c = _cycle(cycles, year)
    if not c["held"]:
        return t("cycle_not_held", lang, year=year, why=t("not_held_why", lang))
    # cycle text can be entered by an admin (issue 11): shown escaped, never as Markdown
    decree = f", {md_escape(c['decree_number'])}" if isinstance(c["decree_number"], str) else ""
    return t(
        "cycle_caption",
        lang,
        year=year,
        award=int(c["award_year"]),
        regulation=md_escape(c["regulation"]),
        decree=decree,
    )


def map_title(place: str, year_text: str, lang: str, programme: str) -> str:
    """ "Kabupaten/Kota Peduli HAM — Sulawesi Tenggara, tahun data 2022 (…)"; ``programme``: the
    cycle's (``regimes.programme_name``)."""
    return t("map_heading", lang, programme=programme, place=place, year=year_text)


def chart(fig: go.Figure, key: str):
    """Draw a map (``charts.drawable``; made clickable, a click on a region selects it)."""
    return charts.show(fig, key=key, config=PLOTLY_CONFIG)


def clicked_code(event: object, frame: pd.DataFrame) -> str | None:
    """The kab/kota code of a clicked region (first trace only), or None."""
    points = getattr(getattr(event, "selection", None), "points", None) or []
    codes = set(frame["code"])
    for point in points:
        if point.get("curve_number", point.get("curveNumber", 0)) != 0:
            continue  # the province-outline trace
        code = point.get("location")
        if code in codes:
            return str(code)
    return None


def open_profile(code: str) -> None:
    """Switch to the region's profile, keeping the shared parameters."""
    params = state.shared_params(kode=code, provinsi=code.split(".")[0])
    state.write_param("kode", code)
    st.switch_page(PROFILE_PAGE, query_params=params)


def frame_bounds(province: str | None) -> tuple[float, ...] | None:
    """The mainland frame of the view (far islands such as Kepulauan Seribu left out)."""
    try:
        return reads.bounds(province, tuple(c for c in OFF_FRAME if c[:2] == province))
    except (OSError, ValueError, KeyError):
        return None  # Plotly then fits the drawn regions itself


def show_map(
    frame: pd.DataFrame,
    url: str,
    outline: str | None,
    title: str,
    *,
    lang: str = "id",
    key: str = "peta_map",
    half: bool = False,
    clickable: bool = True,
    province: str | None = None,
    view: tuple | None = None,
):
    """The status map (``half``: one of two side by side); a clicked region opens its profile.
    ``view``: plain values naming ``frame`` (e.g. ("one", province, year)): the figure is then
    built once per view and data version (``view_cache``)."""
    if half:
        height, columns = HALF_HEIGHT_PX[outline is not None], 2
    else:
        height, columns = (NATIONAL_HEIGHT_PX if outline else PROVINCE_HEIGHT_PX), 3
    bounds = frame_bounds(province)

    def build():
        fig = status_map(
            frame,
            url,
            title=title,
            outline_url=outline,
            height=height,
            lang=lang,
            legend_columns=columns,
            title_chars=40 if half else 58,
            bounds=bounds,
        )
        return charts.drawable(fig, clickable=clickable)

    fig = (
        build()
        if view is None
        else view_cache.once(
            (
                "status_map",
                view,
                url,
                outline,
                title,
                lang,
                height,
                columns,
                half,
                bounds,
                clickable,
            ),
            build,
        )
    )
    code = clicked_code(chart(fig, key), frame)
    if code:
        open_profile(code)
    return fig


def profile_picker(frame: pd.DataFrame, lang: str, key: str = "peta_buka_profil") -> None:
    """A selectbox that opens a region's profile (keyboard path, next to the map click)."""
    names = dict(zip(frame["code"], frame["name"], strict=True))
    code = st.selectbox(
        t("open_profile", lang),
        [None, *sorted(names, key=names.get)],
        key=key,
        format_func=lambda c: (
            f"— {t('open_profile_hint', lang)} —" if c is None else f"{names[c]} ({c})"
        ),
    )
    if code:
        open_profile(code)


def _bounds(summary: dict, lang: str) -> str:
    """The Peduli share, and how many kab/kota it does not yet cover."""
    low = format_percent(summary["peduli_share"], lang)
    if not summary["unknown"]:
        return f"({low})"
    return t("share_range", lang, low=low, unknown=summary["unknown"])


def _reported_lines(summary: dict, regime: str | None, lang: str) -> list[str]:
    """What the sources say, one line per distinct count and what it counted (several sources
    may say the same)."""
    lines: list[str] = []
    reported = summary["reported"]
    items = completeness.reported_items(reported)
    said: dict[tuple, list[str]] = {}
    derived: dict[tuple, bool] = {}
    for item, row in zip(items, reported, strict=True):
        said.setdefault(item, []).append(row["source_url"])
        derived[item] = derived.get(item, True) and bool(row["data_year_derived"])
    for (n, m, tag), urls in said.items():
        links = ", ".join(md_link(k, url) for k, url in enumerate(urls, start=1))
        told = t("n_of_m", lang, n=n, m=m) if m is not None else str(n)
        lines.append(
            t(
                "per_source",
                lang,
                links=links,
                told=told,
                what=completeness.counted_phrase(tag, lang),
                derived=t("derived", lang) if derived[(n, m, tag)] else "",
                cukup=completeness.awards_note(tag, regime, lang),
            )
        )
    if reported:
        lines.append(t("ours_counts", lang, peduli=summary["peduli"], cukup=summary["cukup"]))
    return lines


def show_summary(summary: dict, place: str, lang: str = "id", regime: str | None = None) -> None:
    """Counts beside the map: what our rows show (with how much rests on missing data), next to
    what the sources themselves report."""
    if not summary["held"]:
        st.markdown(f"#### {place}\n\n{t('summary_not_held', lang)}")
        return
    total, of = summary["total"], t("of", lang)
    empty = "no_data_year" if summary.get("public", True) else "unpublished_short"
    share = (
        t(empty, lang).format(total=total)
        if not summary["known"]
        else f"{summary['peduli']} {of} {total} kab/kota {_bounds(summary, lang)}"
    )
    lines = [
        f"**{t('peduli', lang)}:** {share}",
        f"**{t('known', lang)}:** {summary['known']} {of} {total}",
        f"**{t('disputed', lang)}:** {summary['disputed']} {t('areas', lang)}",
    ]
    st.markdown(f"#### {place}\n\n" + "  \n".join(lines))
    for line in _reported_lines(summary, regime, lang):
        st.markdown(line)
    counts = summary["counts"]
    rows = [(s.label(lang), counts.get(s.key, 0)) for s in STATUSES if counts.get(s.key, 0)]
    # A static table wraps its cells: in the grid, the side column of a 1366 px screen showed
    # the longest status and pushed the counts out of sight.
    st.table(
        pd.DataFrame(rows, columns=[t("status", lang), t("count", lang)]),
        hide_index=True,
        width="stretch",
    )


def split_sources(urls: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(http(s) links, other citations such as a decree number): only the first is clickable."""
    return web_links(urls), citations(urls)


def region_table(frame: pd.DataFrame, lang: str = "id", view: tuple | None = None) -> None:
    """Every kab/kota with its status, score, source and a link to its profile. ``view``: plain
    values naming ``frame``: the table is then built once per view, data version and link."""
    if view is None:
        table = _region_rows(frame, lang)
    else:
        links = tuple(sorted(state.shared_params().items()))  # what the profile links carry
        table = view_cache.once(
            ("region_table", view, lang, links), lambda: _region_rows(frame, lang)
        )
    st.dataframe(
        table,
        placeholder=MISSING,
        hide_index=True,
        width="stretch",
        column_config=table_widths.whole_columns(
            table,
            {
                t("source", lang): st.column_config.LinkColumn(display_text=SOURCE_DISPLAY),
                t("profile", lang): st.column_config.LinkColumn(display_text=t("profile", lang)),
            },
        ),
    )


def _region_rows(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    web, decree = split_sources(frame["source_url"])
    table = pd.DataFrame(
        {
            t("code", lang): frame["code"],
            t("region", lang): frame["name"],
            t("status", lang): frame["status"].map(lambda k: BY_KEY[k].label(lang)),
            # text, so a missing value reads "–" and never "None" (Streamlit's placeholder)
            t("score", lang): frame["score"].map(lambda v: format_number(v, lang)),
            t("source", lang): web.fillna(""),
            t("decree", lang): decree.fillna("–"),
            t("disputed", lang): frame["disputed"].map(lambda d: t("yes" if d else "no", lang)),
            t("profile", lang): state.profile_links(frame["code"]),
        }
    )
    return table


def in_frame(frame: pd.DataFrame, province: str | None) -> tuple[pd.DataFrame, list[str]]:
    """(the regions the province map zooms to, notes naming the ones left out of the zoom)."""
    if not province:
        return frame, []
    off = frame["code"].isin(OFF_FRAME)
    return frame[~off], [OFF_FRAME[c] for c in frame.loc[off, "code"]]


def no_data_note(summary: dict, place: str, year: int, latest: int | None, lang: str) -> None:
    """A held year with no data for the place says which year has data."""
    if summary["held"] and not summary["known"]:
        # not yet published is not "no data yet": the summary beside the map says which
        key = "no_data_here" if summary.get("public", True) else "no_data_unpublished"
        if latest is not None and latest != year:
            st.info(t(key, lang, place=place, year=year, latest=latest))
        elif latest is None:
            st.info(t("no_data_anywhere", lang, place=place))


def _frame_and_summary(province: str | None, year: int) -> tuple[pd.DataFrame, dict]:
    frame = reads.map_frame(province, year)
    return frame, reads.summary(province, year, frame)


def show_year(
    province: str | None,
    place: str,
    year: int,
    cycles: pd.DataFrame,
    lang: str,
    mode: str,
    latest: int | None = None,
) -> None:
    """One year: caption, map (click → profile), summary, profile picker, region table.
    ``latest``: the place's latest year with data, named when ``year`` has none."""
    try:
        frame, summary = view_cache.once(
            ("map_frame", province, year), lambda: _frame_and_summary(province, year)
        )
        url, outline = reads.geometry(province)
    except reads.StoreUnavailable as exc:
        st.error(exc.text(lang))
        st.stop()
    st.caption(cycle_caption(cycles, year, lang))
    no_data_note(summary, place, year, latest, lang)
    col_map, col_summary = st.columns([3, 1])
    with col_map:
        shown, notes = in_frame(frame, province)
        show_map(
            shown,
            url,
            outline,
            map_title(
                place,
                year_phrase(cycles, year, mode, lang),
                lang,
                programme_name(_cycle(cycles, year), lang),
            ),
            lang=lang,
            province=province,
            view=("one", province, year),
        )
        for note in notes:
            st.caption(t(note, lang))
        profile_picker(frame, lang)
    with col_summary:
        show_summary(summary, place, lang, _cycle(cycles, year)["regime"])
        completeness_view.beside_summary(frame, summary, province, year, cycles, lang)
    with col_map:
        present_view.sentence(summary, cycles, place, year, lang)
    st.subheader(t("regions", lang))
    region_table(frame, lang, view=(province, year))
    present_view.meeting_tools(province, place, year, lang, mode)
    present_view.copy_link(lang)
