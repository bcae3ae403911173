"""Streamlit glue for the compare page (`bandingkan`) and the region profile (`wilayah`).

Reads go through ``kkpham.ui.data.open_store`` (read-only, opened and closed per read); caches are
keyed on (province, version) so a rebuild or import invalidates them. Domain work is done by
``kkpham.timeline`` / ``transitions`` / ``league`` / ``region_profile``; this module only caches,
binds widgets to the URL and renders.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from kkpham import league, region_profile, timeline, transitions
from kkpham.figures.compare import share_chart, status_grid, transition_bars
from kkpham.figures.compare import transition_matrix_figure as matrix_figure
from kkpham.figures.profile import status_strip
from kkpham.mapdata import source_label
from kkpham.settings import get_settings
from kkpham.ui import data
from kkpham.ui.state import read_param, url_select, write_param
from kkpham.vocab import BY_KEY

LANGS = ("id", "en")
YEAR_MODES = {"data": "data", "penghargaan": "award"}  # URL value -> timeline year mode
CHART_CONFIG = {"displaylogo": False, "scrollZoom": False,
                "toImageButtonOptions": {"format": "png", "scale": 2}}  # fmt: skip

TEXT = {
    "id": {
        "province": "Provinsi", "all": "Seluruh Indonesia", "year": "Tahun data",
        "year2": "Dibandingkan dengan tahun", "year_mode": "Tahun pada sumbu",
        "mode_data": "Tahun data", "mode_award": "Tahun penghargaan",
        "league": "Peringkat provinsi", "share": "Persentase kab/kota Peduli HAM",
        "grid": "Kab/kota × tahun", "trans": "Perubahan antar tahun",
        "matrix": "Matriks transisi", "region": "Kabupaten/kota",
        "search": "Cari nama (ejaan berita pun boleh)", "not_found": "Tidak ditemukan",
        "profile": "Profil", "sources": "Semua sumber per tahun", "context": "Kab/kota lain di",
        "streak_note": "Tahun data 2020 tidak dinilai dan tidak memutus rangkaian; tahun tanpa "
        "data memutus rangkaian terkonfirmasi.",
        "no_reported": "Tidak ada hitungan nasional dari sumber di basis data; garis menunjukkan "
        "data kami saja.",
        "pick_province": "Pilih provinsi (di atas atau klik baris peringkat) untuk kisi kab/kota "
        "× tahun.",
        "reported_note": "Sumber menghitung penghargaan; di bawah Permenkumham 34/2016 "
        "hitungan itu dapat termasuk \"Cukup Peduli HAM\".",
        "lower_bound": "Persentase dari baris kami adalah batas bawah selama ada kab/kota tanpa "
        "data.",
        "same_year": "Pilih dua tahun yang berbeda.", "select_hint": "Klik baris untuk memilih "
        "provinsi.",
    },
    "en": {
        "province": "Province", "all": "All of Indonesia", "year": "Data year",
        "year2": "Compared with year", "year_mode": "Year on the axis",
        "mode_data": "Data year", "mode_award": "Award year",
        "league": "Province league table", "share": "Share of kab/kota Peduli HAM",
        "grid": "Kab/kota × year", "trans": "Change between years",
        "matrix": "Transition matrix", "region": "Regency/city",
        "search": "Search a name (news spellings work)", "not_found": "Not found",
        "profile": "Profile", "sources": "Every source per year", "context": "Other kab/kota in",
        "streak_note": "Data year 2020 was not assessed and does not break a streak; a year "
        "without data breaks the confirmed streak.",
        "no_reported": "No national counts from sources in the store; the line shows our rows "
        "only.",
        "pick_province": "Pick a province (above, or click a league-table row) for the kab/kota "
        "× year grid.",
        "reported_note": "Sources count awards; under Permenkumham 34/2016 that count may "
        "include \"Cukup Peduli HAM\".",
        "lower_bound": "Shares from our rows are a lower bound while some kab/kota have no data.",
        "same_year": "Pick two different years.", "select_hint": "Click a row to pick a province.",
    },
}  # fmt: skip


def t(key: str, lang: str) -> str:
    return TEXT["en" if lang == "en" else "id"][key]


# -- cached reads -----------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=48)
def _panel(province: str | None, version: str) -> pd.DataFrame:
    with data.open_store() as store:
        return timeline.status_panel(store, province)


@st.cache_data(show_spinner=False, max_entries=4)
def _series(version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per-province series, national series) from the national panel."""
    panel = _panel(None, version)
    return timeline.share_series(panel), timeline.share_series(panel, per_province=False)


@st.cache_data(show_spinner=False, max_entries=8)
def _reported(version: str) -> pd.DataFrame:
    with data.open_store() as store:
        rep = store.reported_counts()
    return rep.assign(source_label=rep["source_url"].map(source_label))


@st.cache_data(show_spinner=False, max_entries=64)
def _claims(code: str, version: str) -> pd.DataFrame:
    with data.open_store() as store:
        return store.claims(region_code=code)


@st.cache_data(show_spinner=False, max_entries=4)
def _regions(version: str) -> pd.DataFrame:
    with data.open_store() as store:
        return store.regions()[["code", "name", "kind", "province_code", "province_name",
                                "formed_year"]]  # fmt: skip


def panel(province: str | None) -> pd.DataFrame:
    return _panel(province, data.data_version())


def series() -> tuple[pd.DataFrame, pd.DataFrame]:
    return _series(data.data_version())


def regions() -> pd.DataFrame:
    return _regions(data.data_version())


def reported_beside(series_rows: pd.DataFrame, province: str | None) -> pd.DataFrame:
    rep = _reported(data.data_version())
    if province is None:  # the store holds province statements only
        return rep.iloc[0:0].assign(reported_share=pd.Series(dtype=float))
    return timeline.reported_beside_ours(series_rows, rep[rep["province_code"] == province])


# -- URL-bound controls -----------------------------------------------------------------------
def lang_param() -> str:
    """The language from ``lang`` (kept in the URL so it survives page switches)."""
    lang, _ = read_param("lang", LANGS, "id")
    write_param("lang", None if lang == "id" else lang)
    return lang or "id"


VERSION_NOTE = {
    "id": "Tautan ini dibuat dari data versi `{old}`; yang ditampilkan sekarang versi `{new}` "
    "(data telah dibangun ulang atau ditambah sejak tautan dibuat).",
    "en": "This link was made from data build `{old}`; you are seeing build `{new}` (the data "
    "was rebuilt or extended since).",
}


def version_param(lang: str) -> None:
    """Record the data build in the URL (``versi``); say so when a shared link's build differs."""
    current = data.data_version()
    linked = st.query_params.get("versi")
    if linked and linked != current:
        st.session_state["_versi_link"] = linked
    old = st.session_state.get("_versi_link")
    if old and old != current:
        st.info(VERSION_NOTE["en" if lang == "en" else "id"].format(old=old, new=current))
    write_param("versi", current)


def held_year_options(cycles: pd.DataFrame) -> list[str]:
    return [str(y) for y in timeline.held_years(cycles)]


def year_mode_select(lang: str, container: object = st) -> str:
    mode = url_select(
        t("year_mode", lang), list(YEAR_MODES), param="jenis_tahun", key="cmp_jenis_tahun",
        default="data", container=container,
        format_func=lambda m: t("mode_award" if m == "penghargaan" else "mode_data", lang),
    )  # fmt: skip
    return YEAR_MODES[mode or "data"]


def province_select(names: dict[str, str], lang: str, key: str, container: object = st):
    return url_select(
        t("province", lang), [None, *names], param="provinsi", key=key, default=None,
        format_func=lambda c: t("all", lang) if c is None else f"{names[c]} ({c})",
        container=container,
    )  # fmt: skip


def profile_link(code: str, lang: str) -> str:
    """Relative link to a region's profile, keeping the province and the language."""
    params = {"kode": code, "provinsi": code.split(".")[0]}
    if lang != "id":
        params["lang"] = lang
    return "wilayah?" + urlencode(params)


# -- compare page blocks ----------------------------------------------------------------------
def show_league(table: pd.DataFrame, year: int, current: str | None, lang: str) -> str | None:
    """The sortable league table; a clicked row returns its province code (else None)."""
    en = lang == "en"
    view = pd.DataFrame({
        "Kode": table["province_code"],
        t("province", lang): table["province_name"],
        "Peduli HAM": table["peduli"],
        "Total": table["total"],
        "% Peduli": table["share"] * 100,
        "% maks." if not en else "max %": table["share_max"] * 100,
        ("Perubahan (poin)" if not en else "Change (pts)"): table["change"],
        ("Data lengkap" if not en else "Complete data"): table["change_complete"],
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
    st.caption(f"{t('select_hint', lang)} {t('lower_bound', lang)}{since}")
    rows = event.selection.rows if event is not None else []
    return str(table["province_code"].iloc[rows[0]]) if rows else None


def show_share(rows: pd.DataFrame, rep: pd.DataFrame, cycles, title: str, lang: str, mode: str):
    fig = share_chart(rows, rep, cycles, lang=lang, year_mode=mode, title=title)
    st.plotly_chart(fig, config=CHART_CONFIG, width="stretch", key="cmp_share")
    st.caption(t("no_reported", lang) if rows["province_code"].iloc[0] == ""
               else t("reported_note", lang))  # fmt: skip
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
            ("Keterangan" if not en else "Evidence"): rep["evidence"],
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
    return streaks


def streak_table(prov_panel: pd.DataFrame, streaks: pd.DataFrame, as_of: int, lang: str) -> None:
    """Kab/kota with streaks and a link to each profile."""
    names = prov_panel.drop_duplicates("code").set_index("code")["name"]
    en = lang == "en"
    view = pd.DataFrame({
        t("region", lang): streaks["code"].map(names),
        t("profile", lang): streaks["code"].map(lambda c: profile_link(c, lang)),
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
    st.dataframe(
        view,
        hide_index=True,
        width="stretch",
        column_config={
            t("profile", lang): st.column_config.LinkColumn(display_text=t("profile", lang))
        },
    )


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
        t("profile", lang): trans["code"].map(lambda c: profile_link(c, lang)),
    })  # fmt: skip
    st.dataframe(
        view,
        hide_index=True,
        width="stretch",
        column_config={
            t("profile", lang): st.column_config.LinkColumn(display_text=t("profile", lang))
        },
    )
    return trans


def league_table(year: int, cycles: pd.DataFrame, lang: str) -> pd.DataFrame:
    per_province, _ = series()
    return league.league_table(per_province, year, cycles, lang)


# -- region profile ---------------------------------------------------------------------------
def search_region(lang: str) -> None:
    """A text box resolved by the name resolver; a match moves the page to that region."""
    from kkpham.regions import resolver_for
    from kkpham.resolver import ResolveError

    text = st.text_input(t("search", lang), key="wil_cari")
    if not text:
        return
    try:
        match = resolver_for(get_settings()).resolve(text)
    except ResolveError as err:
        st.warning(f"{t('not_found', lang)}: {err}")
        for code, name in err.candidates:
            target = profile_link(code, lang) if "." in code else f"bandingkan?provinsi={code}"
            st.markdown(f"- [{name} ({code})]({target})")
        return
    except FileNotFoundError as exc:
        st.error(str(exc))
        return
    if st.query_params.get("kode") != match.code:
        st.query_params["kode"] = match.code
        st.query_params["provinsi"] = match.province_code
        st.rerun()


def region_header(region: pd.Series, code: str, lang: str) -> None:
    """Name, kind, province (linked to its compare view), code and formation year."""
    province = str(region["province_code"])
    formed = region["formed_year"]
    formed_text = (
        f" · {'formed' if lang == 'en' else 'dibentuk'} {int(formed)}" if pd.notna(formed) else ""
    )
    st.header(str(region["name"]))
    st.markdown(
        f"{region['kind']} · [{region['province_name']}](bandingkan?provinsi={province}) · "
        f"`{code}`{formed_text}"
    )


def show_claims(code: str, lang: str) -> None:
    table = region_profile.claims_table(_claims(code, data.data_version()), lang)
    en = lang == "en"
    view = pd.DataFrame({
        ("Tahun data" if not en else "Data year"): table["data_year"],
        ("Tahun penghargaan" if not en else "Award year"): table["award_year"],
        "Status": table["status_label"],
        ("Nilai" if not en else "Score"): table["score"],
        ("Sumber" if not en else "Source"): table["source_url"],
        ("Jenis" if not en else "Kind"): table["source_kind"],
        ("Ditampilkan di peta" if not en else "Shown on map"): table["shown"],
        ("Sumber berbeda" if not en else "Sources disagree"): table["disputed"],
        ("Tahun diturunkan" if not en else "Year derived"): table["data_year_derived"],
        ("Catatan" if not en else "Note"): table["note"],
    })  # fmt: skip
    src = view.columns[4]
    st.dataframe(
        view,
        hide_index=True,
        width="stretch",
        column_config={
            src: st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)")
        },
    )


def show_strip(prov_panel: pd.DataFrame, code: str, cycles, title: str, lang: str, mode: str):
    fig = status_strip(region_profile.strip(prov_panel, code), cycles, lang=lang, year_mode=mode,
                       title=title)  # fmt: skip
    st.plotly_chart(fig, config=CHART_CONFIG, width="stretch", key="wil_strip")
    return fig
