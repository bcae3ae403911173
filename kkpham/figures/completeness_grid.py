"""The province × data year completeness grid: how many kab/kota have a cited status.

Pure: the frame of ``kkpham.model.completeness.completeness`` in, a plotly Figure out. The colour is
the share of kab/kota with a known status (a sequential single-hue ramp: more data, darker);
each cell says "known/total"; years not assessed are shaded and labelled, and years whose
results are not yet published say so instead of reading as empty.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kkpham.figures.compare import GRID_ROW_PX, runs, time_marks, year_axis
from kkpham.figures.status_map import esc
from kkpham.model.completeness import completeness_line
from kkpham.texts import t

# Sequential blues (ColorBrewer Blues, light to dark): readable for colour-blind viewers.
RAMP = [[0.0, "#f7fbff"], [0.25, "#c6dbef"], [0.5, "#6baed6"], [0.75, "#2171b5"], [1.0, "#08306b"]]


def completeness_grid(
    grid: pd.DataFrame,
    cycles: pd.DataFrame,
    lang: str = "id",
    year_mode: str = "data",
    title: str | None = None,
) -> go.Figure:
    """Rows = provinces (code order, top down), columns = data years of ``cycles``."""
    years, xaxis = year_axis(cycles, year_mode, lang)
    provinces = grid.drop_duplicates("province_code").sort_values("province_code")
    rows = list(provinces["province_code"])
    names = dict(zip(provinces["province_code"], provinces["province_name"], strict=True))
    cell = grid.set_index(["province_code", "data_year"])
    z, text, hover = [], [], []
    for code in rows:
        zr, tr, hr = [], [], []
        for year in years:
            if (code, year) not in cell.index:
                zr.append(None), tr.append(""), hr.append("")
                continue
            r = cell.loc[(code, year)]
            held = bool(r["held"])
            zr.append(float(r["share_known"]) if held else None)
            if not held:
                tr.append("")
            elif not r["public"] and not r["known"]:
                tr.append("…")
            else:
                tr.append(f"{int(r['known'])}/{int(r['total'])}")
            row = {**r.to_dict(), "province_code": code, "data_year": year}
            hr.append(f"<b>{esc(names[code])} · {year}</b><br>{esc(completeness_line(row, lang))}")
        z.append(zr), text.append(tr), hover.append(hr)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=list(range(len(years))),
            y=list(range(len(rows))),
            text=text,
            texttemplate="%{text}",
            textfont={"size": 12},  # the grid's content: read on a projector, not squinted at
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=RAMP,
            zmin=0,
            zmax=1,
            xgap=1,
            ygap=1,
            colorbar={
                "title": {"text": t("cm_grid_share", lang)},
                "tickformat": ".0%",
                # xpad from the plot's edge, not 2 % of the plot's width: its margin is then
                # known before the first draw (kkpham.ui.margins); 15 px keeps the grid as wide as
                # before at 1366 px
                "x": 1,
                "xpad": 15,
            },
            name="completeness",
        )
    )
    shapes, notes = time_marks(cycles, lang)
    unpublished = [
        years.index(int(y))
        for y in cycles.loc[
            cycles["held"].astype(bool) & ~cycles.get("results_public", True).astype(bool),
            "data_year",
        ]
    ]
    for run in runs(unpublished):
        # below the year ticks (the regime labels sit above the plot), one note per run of
        # years: over one column a word per line, over two or more one line across them (two
        # notes side by side ran into each other at 1366 px: "diumumkandiumumkan")
        text = t("cm_grid_unpublished", lang)
        notes.append(
            {
                "xref": "x",
                "yref": "paper",
                "x": (run[0] + run[-1]) / 2,
                "y": 0.0,
                "yanchor": "top",
                "yshift": -26,  # clear of the year labels
                "text": text if len(run) > 1 else text.replace(" ", "<br>"),
                "showarrow": False,
                "font": {"size": 9, "color": "#555555"},
                "name": f"unpublished_{years[run[0]]}"
                + (f"-{years[run[-1]]}" if len(run) > 1 else ""),
            }
        )
    fig.update_layout(
        title={"text": esc(title or t("cm_grid_title", lang))},
        xaxis=xaxis,
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(rows))),
            "ticktext": [esc(names[c]) for c in rows],
            "autorange": "reversed",
            "showgrid": False,
        },
        shapes=shapes,
        annotations=notes,
        height=max(320, GRID_ROW_PX * len(rows) + 160),
        margin={"l": 10, "r": 10, "t": 90, "b": 80},
        plot_bgcolor="#ffffff",
    )
    return fig
