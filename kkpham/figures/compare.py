"""Figures of the compare page: kab/kota × year grid, share-Peduli lines, transition matrix.

Every time axis is positional (0..n-1 over the cycle table) with year labels from
``timeline.year_labels``, so the data/award year switch only changes tick text, the not-held 2020
column is shaded and labelled, and each criteria-regime start is a dashed line with its regulation.
Status colours come from the map's stepped colourscale (``kkpham.vocab`` order): no new palette.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from kkpham import texts
from kkpham.figures.legend import wrap_at_spaces
from kkpham.figures.status_map import ZMAX, ZMIN, esc, hover_text, status_colorscale
from kkpham.model.timeline import named_year, regime_starts, year_labels
from kkpham.model.transitions import BY_TRANSITION, TRANSITION_CODE, TRANSITIONS, classify
from kkpham.vocab import BY_KEY, STATUSES, ink

GRID_ROW_PX = 22
ROW_LABEL_CHARS, COLUMN_LABEL_CHARS = 24, 15  # transition matrix labels, characters per line
# the streak heading's row above the year labels: the top margin it adds, its height above the plot
# (32 px clears the year labels as drawn with charts.LOOK's margin pad of 8 and a heatmap's ticks)
STREAK_HEAD_PX, STREAK_HEAD_SHIFT_PX = 20, 32
NOT_HELD_FILL = "rgba(159,179,200,0.25)"
REGIME_LINE = {"color": "#444444", "width": 1.5, "dash": "dash"}

# the catalogue keys this module's figures read (kkpham.texts)
KEYS = {
    "data": "mode_data",
    "award": "mode_award",
    "not_held": "not_held",
    "streak": "fig_streak",
    "share": "fig_share",
    "ours": "fig_ours",
    "max": "fig_max",
    "reported": "fig_reported",
    "source_total": "fig_source_total",
    "from": "fig_status_in",
    "to": "fig_status_in",
    "count": "count",
    "disputed": "fig_disputed",
    "no_reported": "fig_no_reported",
}


def _t(lang: str) -> dict[str, str]:
    return {name: texts.t(key, lang) for name, key in KEYS.items()}


def _reported_hover(r: object, source_total: str) -> str:
    """ "259/514 (259 dari 439 menurut sumber)": the count over the kab/kota the point divides
    by (``timeline.reported_beside_ours``), and the source's own total where it differs
    (participants, not every kab/kota)."""
    n, theirs = r.awarded_count, r.total_regions  # type: ignore[attr-defined]
    ours = getattr(r, "ours_total", float("nan"))
    denominator = ours if pd.notna(ours) else theirs
    text = f"{int(n)}" + (f"/{int(denominator)}" if pd.notna(denominator) else "")
    if pd.notna(theirs) and theirs != denominator:
        text += f" ({source_total.format(n=int(n), m=int(theirs))})"
    return text


def year_axis(cycles: pd.DataFrame, year_mode: str, lang: str) -> tuple[list[int], dict]:
    """(data years in order, the x-axis layout with positional ticks labelled in ``year_mode``)."""
    years = [int(y) for y in cycles.sort_values("data_year")["data_year"]]
    labels = year_labels(cycles, year_mode)
    axis = {
        "tickmode": "array",
        "tickvals": list(range(len(years))),
        "ticktext": [labels[y] for y in years],
        "title": {"text": _t(lang)[year_mode]},
        "range": [-0.5, len(years) - 0.5],
        "showgrid": False,
        "zeroline": False,
    }
    return years, axis


def time_marks(cycles: pd.DataFrame, lang: str, labels_below: bool = False) -> tuple[list, list]:
    """(shapes, annotations): the not-held columns shaded and labelled, regime starts dashed.
    Labels sit above the plot, or below it when the x ticks are on top (``labels_below``)."""
    label_y = {"y": 0.0, "yanchor": "top"} if labels_below else {"y": 1.0, "yanchor": "bottom"}
    shift = -1 if labels_below else 1
    years = [int(y) for y in cycles.sort_values("data_year")["data_year"]]
    pos = {y: i for i, y in enumerate(years)}
    shapes, notes = [], []
    for y in cycles.loc[~cycles["held"].astype(bool), "data_year"]:
        i = pos[int(y)]
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": i - 0.5,
                "x1": i + 0.5,
                "y0": 0,
                "y1": 1,
                "fillcolor": NOT_HELD_FILL,
                "line": {"width": 0},
                "layer": "below",
                "name": f"not_held_{int(y)}",
            }
        )
        notes.append(
            {
                "xref": "x",
                "yref": "paper",
                "x": i,
                **label_y,
                "text": _t(lang)["not_held"],
                "showarrow": False,
                "font": {"size": 10},
                "name": f"not_held_{int(y)}",
            }
        )
    for year, regime, regulation in regime_starts(cycles):
        x = pos[year] - 0.5
        # a regime that starts in the last two years: its label ends at its line, or it would run
        # past the chart's right edge ("Permen HAM 15/2025" was cut off)
        side = "right" if pos[year] >= len(years) - 2 else "left"
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": x,
                "x1": x,
                "y0": 0,
                "y1": 1,
                "line": REGIME_LINE,
                "name": f"regime_{regime}",
            }
        )
        notes.append(
            {
                "xref": "x",
                "yref": "paper",
                "x": x,
                **label_y,
                "xanchor": side,
                "text": esc(regulation.replace("Permenkumham ", "")),
                "showarrow": False,
                "font": {"size": 10, "color": "#444444"},
                "yshift": 12 * shift,
                "name": f"regime_{regime}",
            }
        )
    return shapes, notes


def _status_legend(present: set[str], lang: str) -> list[go.Scatter]:
    """Legend-only square markers for the statuses present (Plotly's legend lists traces)."""
    return [
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=s.label(lang),
            showlegend=True,
            marker={
                "symbol": "square",
                "size": 12,
                "color": s.color,
                "line": {"color": "#8c8c8c", "width": 0.5},
            },
            hoverinfo="skip",
        )
        for s in STATUSES
        if s.key in present
    ]


def status_grid(
    panel: pd.DataFrame,
    cycles: pd.DataFrame,
    *,
    streaks: pd.DataFrame | None = None,
    lang: str = "id",
    year_mode: str = "data",
    highlight: str | None = None,
    title: str = "",
    streak_as_of: int | None = None,
) -> go.Figure:
    """Kab/kota (rows, in code order) × data year (columns), coloured by status. Disputed cells
    carry a "!"; ``streaks`` (``timeline.streaks``) adds a column "streak · first Peduli year";
    ``highlight`` (a code) is drawn bold."""
    t = _t(lang)
    years, xaxis = year_axis(cycles, year_mode, lang)
    year_names = year_labels(cycles, year_mode)
    pos = {y: i for i, y in enumerate(years)}
    regions = panel[["code", "name"]].drop_duplicates("code").sort_values("code")
    row_of = {c: i for i, c in enumerate(regions["code"])}
    cells = panel[panel["data_year"].isin(years)]
    z = [[None] * len(years) for _ in row_of]
    text = [[""] * len(years) for _ in row_of]
    for r in cells.to_dict("records"):
        i, j = row_of[r["code"]], pos[int(r["data_year"])]
        z[i][j] = int(r["status_code"])
        text[i][j] = f"{hover_text(r, lang)}<br>{t['data']} {int(r['data_year'])}"
    ticktext = [
        f"<b>{esc(n)}</b>" if c == highlight else esc(n)
        for c, n in zip(regions["code"], regions["name"], strict=True)
    ]
    heat = go.Heatmap(
        x=list(range(len(years))),
        y=list(range(len(row_of))),
        z=z,
        zmin=ZMIN,
        zmax=ZMAX,
        colorscale=status_colorscale(),
        showscale=False,
        xgap=1,
        ygap=1,
        text=text,
        hovertemplate="%{text}<extra></extra>",
        name="status",
    )
    data: list = [heat]
    disputed = cells[cells["disputed"]]
    if len(disputed):
        data.append(
            go.Scatter(
                x=[pos[int(y)] for y in disputed["data_year"]],
                y=[row_of[c] for c in disputed["code"]],
                mode="text",
                text=["!"] * len(disputed),
                # white on a dark cell (black on Peduli's dark green could not be seen)
                textfont={
                    "size": 13,
                    "color": [ink(BY_KEY[k].color) for k in disputed["status"]],
                },
                hoverinfo="skip",
                showlegend=False,
                name=t["disputed"],
            )
        )
    if streaks is not None:
        s = streaks.set_index("code").reindex(regions["code"])
        # the first Peduli year named as the axis names years (its award year in award mode)
        first = [named_year(year_names, f) for f in s["first_peduli"]]
        # "—": no cited status in the streak's year (not yet published, nothing known)
        labels = [
            f"{'—' if pd.isna(k) else f'{int(k)}×'} · {f}"
            for k, f in zip(s["streak"], first, strict=True)
        ]
        data.append(
            go.Scatter(
                x=[len(years)] * len(labels),
                y=list(range(len(labels))),
                mode="text",
                text=labels,
                textfont={"size": 11},
                hoverinfo="skip",
                showlegend=False,
                name="streak",
            )
        )
        xaxis = {**xaxis, "range": [-0.5, len(years) + 1.0]}
    head = (
        # Its heading sits above the year labels, ending at the column's right edge: as a tick
        # label, centred on the narrow column, it ran past the chart's edge and plotly.js hid it
        # (1366 px) or tilted every year label (1920 px).
        [
            {
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "y": 1,
                "xanchor": "right",
                "yanchor": "bottom",
                "yshift": STREAK_HEAD_SHIFT_PX,
                "text": esc(
                    t["streak"].format(
                        y="" if streak_as_of is None else named_year(year_names, streak_as_of)
                    )
                ),
                "showarrow": False,
                "font": {"size": 11},
                "name": "streak_head",
            }
        ]
        if streaks is not None
        else []
    )
    data += _status_legend(set(cells["status"]), lang)
    shapes, notes = time_marks(cycles, lang, labels_below=True)
    legend_rows = -(-len(set(cells["status"])) // 3)
    bottom = 40 + 22 * legend_rows
    fig = go.Figure(data=data)
    fig.update_layout(
        template="none",
        height=110 + bottom + GRID_ROW_PX * len(row_of),
        margin={
            "l": 8,
            "r": 8,
            "t": (70 if title else 40) + (STREAK_HEAD_PX if head else 0),
            "b": bottom,
        },
        dragmode=False,
        title={"text": esc(title), "x": 0.01, "xanchor": "left"} if title else None,
        xaxis={**xaxis, "side": "top", "title": None, "fixedrange": True},
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(row_of))),
            "ticktext": ticktext,
            "autorange": "reversed",
            "automargin": True,
            "showgrid": False,
            "zeroline": False,  # rows are positions: a zero line crossed the streak column at row 0
            "fixedrange": True,
        },
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        shapes=shapes,
        annotations=notes + head,
        font={"size": 12},
    )
    return fig


def runs(positions: Iterable[int]) -> list[list[int]]:
    """Consecutive positions grouped, in order: [3, 4, 7] -> [[3, 4], [7]]."""
    out: list[list[int]] = []
    for i in sorted(positions):
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _bands(x: list[int], low: list[float], high: list[float]) -> list[go.Scatter]:
    """The shaded band between the bounds, one pair of traces per run of held years, so the fill
    never bridges a year that was not assessed."""
    out = []
    for run in runs(i for i in x if not (pd.isna(low[i]) or pd.isna(high[i]))):
        common = {"mode": "lines", "line": {"width": 0}, "hoverinfo": "skip", "showlegend": False}
        out.append(go.Scatter(x=run, y=[high[i] for i in run], name="band_top", **common))
        out.append(
            go.Scatter(
                x=run,
                y=[low[i] for i in run],
                name="band",
                fill="tonexty",
                fillcolor="rgba(27,120,55,0.10)",
                **common,
            )
        )
    return out


def share_chart(
    series: pd.DataFrame,
    reported: pd.DataFrame,
    cycles: pd.DataFrame,
    *,
    lang: str = "id",
    year_mode: str = "data",
    title: str = "",
) -> go.Figure:
    """Share Peduli per year for ONE scope (a province, or the national rows): our confirmed share
    as a line, the upper bound as a dashed line with the band between shaded, and each source's
    reported count (``timeline.reported_beside_ours``) as a marker with its evidence on hover.
    The line breaks at a year not held."""
    if series["province_code"].nunique() > 1:
        raise ValueError("share_chart draws one province (or the country) at a time")
    t = _t(lang)
    years, xaxis = year_axis(cycles, year_mode, lang)
    pos = {y: i for i, y in enumerate(years)}
    s = series.set_index("data_year").reindex(years)
    x = list(range(len(years)))
    ours = (s["share"] * 100).round(1).tolist()
    upper = (s["share_max"] * 100).round(1).tolist()
    counts = [
        f"{int(p)}/{int(n)}" if pd.notna(n) and pd.notna(sh) else ""
        for p, n, sh in zip(s["peduli"], s["total"], s["share"], strict=True)
    ]
    data: list = _bands(x, ours, upper)
    data += [
        go.Scatter(
            x=x,
            y=upper,
            mode="lines",
            name=t["max"],
            connectgaps=False,
            line={"color": "#1b7837", "width": 1, "dash": "dot"},
            hovertemplate="%{y:.0f}%<extra>" + esc(t["max"]) + "</extra>",
        ),
        go.Scatter(
            x=x,
            y=ours,
            mode="lines+markers",
            name=t["ours"],
            connectgaps=False,
            customdata=counts,
            line={"color": "#1b7837", "width": 2.5},
            hovertemplate="%{y:.0f}% (%{customdata})<extra>" + esc(t["ours"]) + "</extra>",
        ),
    ]
    rep = reported[reported["data_year"].isin(pos)] if len(reported) else reported
    if "on_share_chart" in rep:  # a count of Cukup alone, or of regions invited, is no share
        rep = rep[rep["on_share_chart"].astype(bool)]
    if len(rep):
        # the compiler's evidence notes are English: only on the English chart (as on the pages)
        hover = [
            _reported_hover(r, t["source_total"])
            + f" · {esc(r.source_label)}"
            + (f"<br>{esc(str(r.evidence)[:160])}" if lang == "en" else "")
            for r in rep.itertuples(index=False)
        ]
        data.append(
            go.Scatter(
                x=[pos[int(y)] for y in rep["data_year"]],
                y=(rep["reported_share"] * 100).round(1),
                mode="markers",
                name=t["reported"],
                text=hover,
                marker={
                    "symbol": "diamond-open",
                    "size": 11,
                    "color": "#8e3c00",
                    "line": {"width": 2},
                },
                hovertemplate="%{y:.0f}%: %{text}<extra>" + esc(t["reported"]) + "</extra>",
            )
        )
    shapes, notes = time_marks(cycles, lang)
    fig = go.Figure(data=data)
    fig.update_layout(
        template="none",
        height=360,
        margin={"l": 50, "r": 10, "t": 70 if title else 40, "b": 50},
        title={"text": esc(title), "x": 0.01, "xanchor": "left"} if title else None,
        xaxis={**xaxis, "fixedrange": True},
        yaxis={
            "title": {"text": t["share"]},
            "range": [0, 102],
            "ticksuffix": "%",
            "fixedrange": True,
        },
        legend={"orientation": "h", "y": -0.2, "x": 0},
        shapes=shapes,
        annotations=notes,
        font={"size": 12},
        hovermode="closest",
    )
    return fig


def transition_matrix_figure(
    matrix: pd.DataFrame, year_a: int, year_b: int, *, lang: str = "id", note: str | None = None
) -> go.Figure:
    """Counts of status in ``year_a`` (rows) × status in ``year_b`` (columns); zero cells blank.

    Each non-empty cell takes the colour of its change category (the change map's palette), so
    a gain reads blue and a loss orange here as on the map; hover names the category."""
    t = _t(lang)
    # Labels wrapped so that every column heading fits over its column: the longest status name
    # unwrapped overlapped its neighbours, and plotly.js's automatic margins then oscillated
    # (hiding every other heading made room, which brought them all back) until it gave up.
    rows = [_wrap(BY_KEY[k].label(lang), ROW_LABEL_CHARS) for k in matrix.index]
    cols = [_wrap(BY_KEY[k].label(lang), COLUMN_LABEL_CHARS) for k in matrix.columns]
    values = matrix.to_numpy()
    n = len(TRANSITIONS)
    kinds = [[classify(a, b) for b in matrix.columns] for a in matrix.index]
    z = [
        [TRANSITION_CODE[k] if v else n for k, v in zip(kr, vr, strict=True)]
        for kr, vr in zip(kinds, values, strict=True)
    ]
    scale: list[tuple[float, str]] = []
    for i, colour in enumerate([tr.color for tr in TRANSITIONS] + ["#ffffff"]):
        scale += [(i / (n + 1), colour), ((i + 1) / (n + 1), colour)]
    # hover names the statuses unwrapped: (from, to, "change: count")
    hover = [
        [
            (BY_KEY[a].label(lang), BY_KEY[b].label(lang), f"{BY_TRANSITION[k].label(lang)}: {v}")
            for b, k, v in zip(matrix.columns, kr, vr, strict=True)
        ]
        for a, kr, vr in zip(matrix.index, kinds, values, strict=True)
    ]
    heat = go.Heatmap(
        z=z,
        x=cols,
        y=rows,
        colorscale=scale,
        showscale=False,
        customdata=hover,
        xgap=2,
        ygap=2,
        zmin=-0.5,
        zmax=n + 0.5,
        hovertemplate="%{customdata[0]} → %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
    )
    counts = [
        {
            "x": cols[j],
            "y": rows[i],
            "text": str(v),
            "showarrow": False,
            "font": {
                "size": 15,
                "color": ink(BY_TRANSITION[kinds[i][j]].color),
            },
            "name": "count",
        }
        for i, row in enumerate(values)
        for j, v in enumerate(row)
        if v
    ]
    fig = go.Figure(data=[heat])
    fig.update_layout(
        template="none",
        height=170 + 34 * len(rows) + (90 if note else 0),
        margin={"l": 8, "r": 8, "t": 80, "b": 100 if note else 8},
        xaxis={
            "title": {"text": t["to"].format(y=year_b)},
            "side": "top",
            "fixedrange": True,
            "tickangle": 0,
            # every heading, always: no automatic thinning that changes with the width
            "tickmode": "array",
            "tickvals": cols,
            "ticktext": cols,
        },
        yaxis={
            "title": {"text": t["from"].format(y=year_a)},
            "autorange": "reversed",
            "automargin": True,
            "fixedrange": True,
            "tickmode": "array",
            "tickvals": rows,
            "ticktext": rows,
        },
        annotations=counts
        + (
            [
                {
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0,
                    "y": 0,
                    "yanchor": "top",
                    "yshift": -8,
                    "text": "<br>".join(textwrap.wrap(esc(note), 48)),
                    "showarrow": False,
                    "font": {"size": 13},
                    "align": "left",
                    "xanchor": "left",
                    "name": "regime_note",
                }
            ]
            if note
            else []
        ),
        font={"size": 14},
    )
    return fig


def _wrap(label: str, chars: int) -> str:
    return "<br>".join(wrap_at_spaces(label, chars)) or label


def transition_bars(counts: pd.DataFrame, *, lang: str = "id") -> go.Figure:
    """Horizontal bars of ``transitions.transition_counts``, in the transition colours."""
    keys = list(counts["transition"])
    fig = go.Figure(
        go.Bar(
            x=counts["count"],
            y=[BY_TRANSITION[k].label(lang) for k in keys],
            orientation="h",
            marker={"color": [BY_TRANSITION[k].color for k in keys]},
            text=counts["count"],
            textposition="outside",
            hovertemplate="%{y}: %{x}<extra></extra>",
            cliponaxis=False,  # a long bar's count must not be cut to "28" for 286
        )
    )
    top = max(int(counts["count"].max()) if len(counts) else 0, 1)
    fig.update_layout(
        template="none",
        height=60 + 26 * len(TRANSITIONS),
        margin={"l": 8, "r": 40, "t": 10, "b": 20},
        yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True},
        xaxis={"title": {"text": _t(lang)["count"]}, "fixedrange": True, "range": [0, top * 1.18]},
        font={"size": 12},
    )
    return fig
