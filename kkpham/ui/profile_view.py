"""Render blocks of the region profile (`wilayah`): search, header, every claim, status strip."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.figures.profile import status_strip
from kkpham.formatting import format_number
from kkpham.model import region_profile
from kkpham.settings import get_settings
from kkpham.texts import t
from kkpham.ui import charts, panels, table_widths, view_cache
from kkpham.ui.compare_view import CHART_CONFIG
from kkpham.ui.map_view import split_sources
from kkpham.ui.safe_text import SOURCE_DISPLAY, md_escape, md_value
from kkpham.ui.state import link, profile_link, write_param


def search_region(lang: str) -> None:
    """A text box resolved by the name resolver; a match moves the page to that region."""
    from kkpham.model.regions import resolver_for
    from kkpham.model.resolver import ResolveError

    text = st.text_input(t("search", lang), key="wil_cari")
    # act once per search text: later picks in the select box must not be pulled back to it
    if not text or st.session_state.get("_wil_cari_done") == text:
        return
    try:
        match = resolver_for(get_settings()).resolve(text)
    except ResolveError as err:
        # it quotes what was typed
        st.warning(f"{t('not_found', lang)}: {md_value(err.text(lang), 200)}")
        for code, name in err.candidates:
            target = profile_link(code) if "." in code else link("bandingkan", provinsi=code)
            st.markdown(f"- [{md_escape(name)} ({md_escape(code)})]({target})")
        return
    except FileNotFoundError as exc:
        st.error(str(exc))
        return
    st.session_state["_wil_cari_done"] = text
    if st.query_params.get("kode") != match.code:
        write_param("kode", match.code)
        write_param("provinsi", match.province_code)
        st.rerun()


def region_header(region: pd.Series, code: str, lang: str) -> None:
    """Name, kind, province (linked to its compare view), code and formation year."""
    province_link = link("bandingkan", provinsi=str(region["province_code"]))
    formed = region["formed_year"]
    formed_text = f" · {t('pf_formed', lang)} {int(formed)}" if pd.notna(formed) else ""
    st.header(str(region["name"]))
    st.markdown(
        f"{t('kind_' + str(region['kind']), lang)} · "
        f"[{md_escape(region['province_name'])}]({province_link})"
        f" · `{code}`{formed_text}"
    )


def show_claims(code: str, lang: str, rows: pd.DataFrame, view: tuple | None = None) -> None:
    """Every claim about the region; ``rows``: its status panel rows (which claim is shown).
    ``view``: plain values naming ``rows`` (its province): built once per view."""
    build = lambda: _claim_rows(code, lang, rows)  # noqa: E731
    view_frame = build() if view is None else view_cache.once(("claims", view, code, lang), build)
    src = view_frame.columns[4]
    table_widths.show_wrapped(  # a region has a few claims: all in view
        view_frame,
        t("pf_note", lang),
        {
            src: st.column_config.LinkColumn(display_text=SOURCE_DISPLAY),
            t("pf_flags", lang): st.column_config.TextColumn(help=t("pf_flags_help", lang)),
        },
    )
    st.caption(t("note_origin", lang))


def _claim_rows(code: str, lang: str, rows: pd.DataFrame) -> pd.DataFrame:
    table = region_profile.claims_table(panels.claims(code), lang, rows=rows)
    web, decree = split_sources(table["source_url"])
    kinds = ("keputusan", "pemerintah", "berita")
    view = pd.DataFrame(
        {
            t("mode_data", lang): table["data_year"].astype(str),
            t("mode_award", lang): table["award_year"].map(
                lambda y: "—" if pd.isna(y) else str(int(y))
            ),
            t("status", lang): table["status_label"],
            t("score", lang): table["score"].map(lambda v: format_number(v, lang)),
            t("source", lang): web,
            t("decree", lang): decree.fillna("—"),
            t("src_kind", lang): table["source_kind"].map(
                lambda k: t(f"src_kind_{k}", lang) if k in kinds else "—"
            ),
            t("pf_flags", lang): [
                "; ".join(t(f"pf_flag_{k}", lang) for k, on in flags.items() if on) or "—"
                for flags in table[["shown", "disputed", "data_year_derived"]]
                .rename(columns={"data_year_derived": "derived"})
                .astype(bool)
                .to_dict("records")
            ],
            t("pf_note", lang): table["note"].fillna("—").replace("", "—"),
        }
    )
    return view


def show_strip(
    prov_panel: pd.DataFrame,
    code: str,
    cycles,
    title: str,
    lang: str,
    mode: str,
    view: tuple | None = None,
):
    """``view``: plain values naming ``prov_panel`` (the province): built once per view."""

    def build():
        fig = status_strip(
            region_profile.strip(prov_panel, code),
            cycles,
            lang=lang,
            year_mode=mode,
            title=title,
        )
        return charts.drawable(fig)

    fig = (
        build()
        if view is None
        else view_cache.once(("strip", view, code, title, lang, mode), build)
    )
    charts.show(fig, key="wil_strip", config=CHART_CONFIG)
    return fig
