"""Render helpers for the map page: year labels and caption, the chart (click → profile), summary
panel and region table, in the page's language and year mode (data year or award year first)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from kkpham.figures import status_map
from kkpham.texts import t
from kkpham.ui import data, present_view, state
from kkpham.validate import is_http_url
from kkpham.vocab import BY_KEY, STATUSES

TOPOJSON_URL = "/app/static/topojson/"  # plotly.js reads world_110m.json here, never from a CDN
PLOTLY_CONFIG = {
    "topojsonURL": TOPOJSON_URL,
    "displaylogo": False,
    "scrollZoom": False,
    "toImageButtonOptions": {"format": "png", "filename": "peta-kkpham", "scale": 2},
}
NATIONAL_HEIGHT_PX = 560  # Indonesia is ~2.7 times wider than tall
PROVINCE_HEIGHT_PX = 640
HALF_HEIGHT_PX = {True: 470, False: 600}  # side by side: national (wide) / province
REGIME_NAMES = {"A": "Rezim A", "B": "Rezim B", "C": "Rezim C"}
PROFILE_PAGE = "pages/wilayah.py"


def _cycle(cycles: pd.DataFrame, year: int) -> pd.Series:
    return cycles.set_index("data_year").loc[year]


def year_label(cycles: pd.DataFrame, year: str | int | None, mode: str = "data",
               lang: str = "id") -> str:  # fmt: skip
    """A year as shown to people: the leading year (data or award, per ``mode``) and the other one
    in brackets; a cycle that was not held says so."""
    c = _cycle(cycles, int(year))
    if not c["held"]:
        return f"{year} ({t('not_held', lang)})"
    if mode == "award":
        return f"{c['award_year']} ({t('data', lang)} {year})"
    return f"{year} ({t('award', lang)} {c['award_year']})"


def year_phrase(cycles: pd.DataFrame, year: int, mode: str, lang: str) -> str:
    """ "tahun data 2022 (penghargaan 2023)" / "tahun penghargaan 2023 (data 2022)"."""
    lead = t("mode_award" if mode == "award" and _cycle(cycles, year)["held"] else "mode_data",
             lang)  # fmt: skip
    return f"{lead.lower()} {year_label(cycles, year, mode, lang)}"


def cycle_caption(cycles: pd.DataFrame, year: int, lang: str = "id") -> str:
    c = _cycle(cycles, year)
    en = lang == "en"
    if not c["held"]:
        if en:
            return f"Data year {year}: **not assessed** ({t('not_held_why', lang)})."
        return f"Tahun data {year}: penilaian **tidak dilaksanakan** ({t('not_held_why', lang)})."
    regime = REGIME_NAMES.get(c["regime"], c["regime"])
    decree = f", {c['decree_number']}" if isinstance(c["decree_number"], str) else ""
    return (
        f"{'Data year' if en else 'Tahun data'} **{year}** → {'award' if en else 'penghargaan'} "
        f"**{c['award_year']}** · {regime} ({c['regulation']}){decree}"
    )


def map_title(place: str, year_text: str) -> str:
    return f"Kabupaten/Kota Peduli HAM — {place}, {year_text}"


def chart(fig: go.Figure, key: str, clickable: bool = False):
    """Draw a map; ``clickable``: a click on a region selects it (Streamlit point selection)."""
    if not clickable:
        return st.plotly_chart(fig, config=PLOTLY_CONFIG, width="stretch", key=key)
    return st.plotly_chart(fig, config=PLOTLY_CONFIG, width="stretch", key=key,
                           on_select="rerun", selection_mode="points")  # fmt: skip


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


def show_map(frame: pd.DataFrame, url: str, outline: str | None, title: str, *, lang: str = "id",
             key: str = "peta_map", half: bool = False, clickable: bool = True):  # fmt: skip
    """The status map (``half``: one of two side by side); a clicked region opens its profile."""
    if half:
        height, columns = HALF_HEIGHT_PX[outline is not None], 2
    else:
        height, columns = (NATIONAL_HEIGHT_PX if outline else PROVINCE_HEIGHT_PX), 3
    fig = status_map(frame, url, title=title, outline_url=outline, height=height, lang=lang,
                     legend_columns=columns)  # fmt: skip
    code = clicked_code(chart(fig, key, clickable), frame)
    if code:
        open_profile(code)
    return fig


def profile_picker(frame: pd.DataFrame, lang: str, key: str = "peta_buka_profil") -> None:
    """A selectbox that opens a region's profile (keyboard path, next to the map click)."""
    names = dict(zip(frame["code"], frame["name"], strict=True))
    code = st.selectbox(
        t("open_profile", lang), [None, *sorted(names, key=names.get)], key=key,
        format_func=lambda c: f"— {t('open_profile_hint', lang)} —" if c is None else
        f"{names[c]} ({c})",
    )  # fmt: skip
    if code:
        open_profile(code)


def _pct(x: float, lang: str) -> str:
    text = f"{100 * x:.1f}%"
    return text if lang == "en" else text.replace(".", ",")


def _bounds(summary: dict, lang: str) -> str:
    """The Peduli share as what it is: exact when every kab/kota has data, else a range."""
    total, unknown = summary["total"], summary["unknown"]
    low = _pct(summary["peduli_share"], lang)
    if not unknown:
        return f"({low})"
    high = _pct((summary["peduli"] + unknown) / total, lang)
    return t("share_range", lang).format(low=low, high=high, unknown=unknown)


def _reported_lines(summary: dict, regime: str | None, lang: str) -> list[str]:
    """What the sources say, one line per distinct count (several sources may say the same)."""
    of, lines = t("of", lang), []
    reported = pd.DataFrame(summary["reported"])
    if reported.empty:
        return lines
    reported["told"] = [
        f"{n} {of} {m}" if pd.notna(m) else str(n)
        for n, m in zip(reported["awarded_count"], reported["total_regions"], strict=True)
    ]
    ours = t("ours_counts", lang).format(peduli=summary["peduli"], cukup=summary["cukup"])
    cukup_note = t("cukup_awarded", lang) if regime == "B" else ""
    for told, group in reported.groupby("told", sort=False):
        links = ", ".join(f"[{k}]({url})" for k, url in enumerate(group["source_url"], start=1))
        derived = t("derived", lang) if group["data_year_derived"].all() else ""
        lines.append(t("per_source", lang).format(
            links=links, told=told, derived=derived, cukup=cukup_note, ours=ours))  # fmt: skip
    return lines


def show_summary(summary: dict, place: str, lang: str = "id", regime: str | None = None) -> None:
    """Counts beside the map: what our rows show (with how much rests on missing data), next to
    what the sources themselves report."""
    if not summary["held"]:
        st.markdown(f"#### {place}\n\n{t('summary_not_held', lang)}")
        return
    total, of = summary["total"], t("of", lang)
    share = (
        t("no_data_year", lang).format(total=total)
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
    st.dataframe(pd.DataFrame(rows, columns=[t("status", lang), t("count", lang)]),
                 hide_index=True, width="stretch")  # fmt: skip


def split_sources(urls: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(http(s) links, other citations such as a decree number): only the first is clickable."""
    web = urls.map(is_http_url)
    return urls.where(web, None), urls.where(~web & urls.fillna("").ne(""), None)


def region_table(frame: pd.DataFrame, lang: str = "id") -> None:
    """Every kab/kota with its status, score, source and a link to its profile."""
    table = pd.DataFrame({
        "Kode" if lang != "en" else "Code": frame["code"],
        t("region", lang): frame["name"],
        t("status", lang): frame["status"].map(lambda k: BY_KEY[k].label(lang)),
        t("score", lang): frame["score"],
        t("source", lang): split_sources(frame["source_url"])[0],
        t("decree", lang): split_sources(frame["source_url"])[1],
        t("disputed", lang): frame["disputed"],
        t("profile", lang): frame["code"].map(state.profile_link),
    })  # fmt: skip
    st.dataframe(
        table, hide_index=True, width="stretch",
        column_config={
            t("source", lang): st.column_config.LinkColumn(),
            t("score", lang): st.column_config.NumberColumn(format="%.2f"),
            t("profile", lang): st.column_config.LinkColumn(display_text=t("profile", lang)),
        },
    )  # fmt: skip


def show_year(province: str | None, place: str, year: int, cycles: pd.DataFrame, lang: str,
              mode: str) -> None:  # fmt: skip
    """One year: caption, map (click → profile), summary, profile picker, region table."""
    try:
        frame = data.map_frame(province, year)
        summary = data.summary(province, year)
        url, outline = data.geometry(province)
    except data.StoreUnavailable as exc:
        st.error(str(exc))
        st.stop()
    st.caption(cycle_caption(cycles, year, lang))
    col_map, col_summary = st.columns([3, 1])
    with col_map:
        show_map(frame, url, outline, map_title(place, year_phrase(cycles, year, mode, lang)),
                 lang=lang)  # fmt: skip
        profile_picker(frame, lang)
    with col_summary:
        show_summary(summary, place, lang, _cycle(cycles, year)["regime"])
    with col_map:
        present_view.sentence(summary, cycles, place, year, lang)
    st.subheader(t("regions", lang))
    region_table(frame, lang)
    present_view.meeting_tools(province, place, year, lang)
    present_view.copy_link(lang)
