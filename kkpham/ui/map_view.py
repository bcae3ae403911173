"""Render helpers for the map page: year caption, summary panel, region table, the chart itself."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from kkpham.figures import status_map
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
REGIME_NAMES = {"A": "Rezim A", "B": "Rezim B", "C": "Rezim C"}


def _cycle(cycles: pd.DataFrame, year: int) -> pd.Series:
    return cycles.set_index("data_year").loc[year]


def year_label(cycles: pd.DataFrame, year: str | None) -> str:
    """Selector label: the data year with its award year (or why there was none)."""
    c = _cycle(cycles, int(year))
    if not c["held"]:
        return f"{year} (tidak dilaksanakan)"
    return f"{year} (penghargaan {c['award_year']})"


def cycle_caption(cycles: pd.DataFrame, year: int) -> str:
    c = _cycle(cycles, year)
    if not c["held"]:
        return f"Tahun data {year}: penilaian **tidak dilaksanakan**. {c['note'] or ''}"
    regime = REGIME_NAMES.get(c["regime"], c["regime"])
    decree = f", {c['decree_number']}" if isinstance(c["decree_number"], str) else ""
    return (
        f"Tahun data **{year}** → penghargaan **{c['award_year']}** · {regime} "
        f"({c['regulation']}){decree}"
    )


def map_title(place: str, year: int) -> str:
    return f"Kabupaten/Kota Peduli HAM — {place}, tahun data {year}"


def show_map(frame: pd.DataFrame, url: str, outline: str | None, title: str) -> go.Figure:
    height = NATIONAL_HEIGHT_PX if outline else PROVINCE_HEIGHT_PX
    fig = status_map(frame, url, title=title, outline_url=outline, height=height)
    st.plotly_chart(fig, config=PLOTLY_CONFIG, width="stretch", key="peta_map")
    return fig


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%".replace(".", ",")


def show_summary(summary: dict, place: str) -> None:
    """Counts beside the map: what our rows show, next to what the sources themselves report."""
    total = summary["total"]
    lines = [
        f"**Peduli HAM:** {summary['peduli']} dari {total} ({_pct(summary['peduli_share'])})",
        f"**Daerah dengan data:** {summary['known']} dari {total}",
        f"**Sumber berbeda:** {summary['disputed']} daerah",
    ]
    st.markdown(f"#### {place}\n\n" + "  \n".join(lines))
    for rep in summary["reported"]:
        told = rep["awarded_count"]
        if pd.notna(rep["total_regions"]):
            told = f"{told} dari {rep['total_regions']}"
        derived = (
            " (tahun data diturunkan dari tahun penghargaan)" if rep["data_year_derived"] else ""
        )
        st.markdown(
            f"Menurut [sumber]({rep['source_url']}): **{told}** Peduli HAM{derived}; "
            f"baris kami: **{summary['peduli']} dari {total}**."
        )
    counts = summary["counts"]
    rows = [(s.label_id, counts.get(s.key, 0)) for s in STATUSES if counts.get(s.key, 0)]
    st.dataframe(pd.DataFrame(rows, columns=["Status", "Jumlah"]), hide_index=True, width="stretch")


def region_table(frame: pd.DataFrame) -> None:
    table = pd.DataFrame({
        "Kode": frame["code"],
        "Kabupaten/Kota": frame["name"],
        "Status": frame["status"].map(lambda k: BY_KEY[k].label_id),
        "Nilai": frame["score"],
        "Sumber": frame["source_url"].where(frame["source_url"] != "", None),
        "Sumber berbeda": frame["disputed"],
    })  # fmt: skip
    st.dataframe(
        table, hide_index=True, width="stretch",
        column_config={"Sumber": st.column_config.LinkColumn("Sumber"),
                       "Nilai": st.column_config.NumberColumn("Nilai", format="%.2f")},
    )  # fmt: skip
