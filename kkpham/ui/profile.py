"""Render blocks of the region profile (`wilayah`): search, header, every claim, status strip."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham import region_profile
from kkpham.figures.profile import status_strip
from kkpham.settings import get_settings
from kkpham.texts import t
from kkpham.ui import panels
from kkpham.ui.compare import CHART_CONFIG
from kkpham.ui.map_view import split_sources
from kkpham.ui.safe_text import md_escape, md_value
from kkpham.ui.state import link, profile_link, write_param


def search_region(lang: str) -> None:
    """A text box resolved by the name resolver; a match moves the page to that region."""
    from kkpham.regions import resolver_for
    from kkpham.resolver import ResolveError

    text = st.text_input(t("search", lang), key="wil_cari")
    # act once per search text: later picks in the select box must not be pulled back to it
    if not text or st.session_state.get("_wil_cari_done") == text:
        return
    try:
        match = resolver_for(get_settings()).resolve(text)
    except ResolveError as err:
        st.warning(f"{t('not_found', lang)}: {md_value(err, 200)}")  # it quotes what was typed
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
    formed_text = (
        f" · {'formed' if lang == 'en' else 'dibentuk'} {int(formed)}" if pd.notna(formed) else ""
    )
    st.header(str(region["name"]))
    st.markdown(
        f"{md_escape(region['kind'])} · [{md_escape(region['province_name'])}]({province_link})"
        f" · `{code}`{formed_text}"
    )


def show_claims(code: str, lang: str, rows: pd.DataFrame | None = None) -> None:
    """Every claim about the region; ``rows``: its status panel rows (which claim is shown)."""
    table = region_profile.claims_table(panels.claims(code), lang, rows)
    en = lang == "en"
    view = pd.DataFrame({
        ("Tahun data" if not en else "Data year"): table["data_year"],
        ("Tahun penghargaan" if not en else "Award year"): table["award_year"],
        "Status": table["status_label"],
        ("Nilai" if not en else "Score"): table["score"],
        ("Sumber" if not en else "Source"): split_sources(table["source_url"])[0],
        ("Keputusan" if not en else "Decree"): split_sources(table["source_url"])[1],
        ("Jenis" if not en else "Kind"): table["source_kind"],
        ("Ditampilkan di peta" if not en else "Shown on map"): table["shown"],
        ("Sumber berbeda" if not en else "Sources disagree"): table["disputed"],
        ("Tahun diturunkan" if not en else "Year derived"): table["data_year_derived"],
        ("Keterangan" if not en else "Note"): table["note"],
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
    st.caption(t("note_origin", lang))


def show_strip(prov_panel: pd.DataFrame, code: str, cycles, title: str, lang: str, mode: str):
    fig = status_strip(region_profile.strip(prov_panel, code), cycles, lang=lang, year_mode=mode,
                       title=title)  # fmt: skip
    st.plotly_chart(fig, config=CHART_CONFIG, width="stretch", key="wil_strip")
    return fig
