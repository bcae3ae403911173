"""Margins fitted before the first draw (kkpham.ui.margins): text measured in the page's font,
margins only ever raised, and a figure the model does not cover left to plotly.js. That the
fitted margins are the ones plotly.js needs is checked in Chromium
(tests/test_chart_margins_browser.py)."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from kkpham.ui import charts, margins


def heat(labels: list[str], **layout) -> go.Figure:
    fig = go.Figure(go.Heatmap(z=[[1] * 3] * len(labels), showscale=False))
    fig.update_layout(
        template="none",
        height=400,
        margin=layout.pop("margin", {"l": 8, "r": 8, "t": 20, "b": 8}),
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(labels))),
            "ticktext": labels,
            **layout.pop("yaxis", {}),
        },
        xaxis={"side": "top"},
        **layout,
    )
    return fig


def test_text_is_measured_in_the_font_streamlit_serves() -> None:
    assert sorted(margins.FONT_DIR.glob(margins.FONT_PATTERN)), "Streamlit's Source Sans is gone"
    short, long = margins.text_px("Kota", 12), margins.text_px("Kota Kendari", 12)
    assert short is not None and long is not None and 20 < short < long < 90
    assert margins.text_px("Kota Kendari", 24) > 1.9 * long  # scales with the size


def test_a_label_is_as_wide_as_its_widest_line_bold_and_entities_as_drawn() -> None:
    one, two = margins.label_px("Kab. A", 12), margins.label_px("Kab. A<br>Kabupaten B", 12)
    assert two == margins.text_px("Kabupaten B", 12) > one
    assert margins.label_px("<b>Kab. A</b>", 12) > one
    assert margins.label_px("A &amp; B", 12) == margins.text_px("A & B", 12)


def test_margins_are_raised_to_fit_the_labels_and_never_lowered() -> None:
    fig = charts.drawable(heat(["Kabupaten Konawe Kepulauan", "Kota Kendari"]))
    widest = margins.label_px("Kabupaten Konawe Kepulauan", 12)
    assert fig.layout.margin.l > widest  # the longest name fits on the left
    assert fig.layout.margin.r == 8 and fig.layout.margin.b == 8  # nothing pushes these
    # the x labels on top (plotly.js's own numbers: one line), padded as plotly.js pads them
    top = 8 + 8 + margins.TICKLEN + margins.X_GAP["ticks"] + margins.X_LABEL_PX["top"]
    assert fig.layout.margin.t == math.ceil(top + margins.SLACK_PX)
    assert fig.layout.meta == margins.FITTED + "lt"
    assert {fig.layout.xaxis.ticklabeloverflow, fig.layout.yaxis.ticklabeloverflow} == {"allow"}
    roomy = charts.drawable(heat(["A"], margin={"l": 300, "r": 8, "t": 200, "b": 8}))
    assert (roomy.layout.margin.l, roomy.layout.margin.t) == (300, 200)


def test_longer_labels_get_a_wider_margin() -> None:
    short = charts.drawable(heat(["Kota Baubau"]))
    long = charts.drawable(heat(["Kabupaten Kepulauan Tanimbar Selatan"]))
    assert long.layout.margin.l > short.layout.margin.l


def test_a_figure_the_model_does_not_cover_is_left_to_plotly() -> None:
    other_font = heat(["Kota Kendari"], font={"family": "serif"})
    two_axes = heat(["Kota Kendari"])
    two_axes.add_trace(go.Scatter(x=[1], y=[1], yaxis="y2"))
    two_axes.update_layout(yaxis2={"overlaying": "y", "side": "right"})
    for fig in (other_font, two_axes):
        drawn = charts.drawable(fig)
        assert drawn.layout.margin.l == 8 and drawn.layout.meta is None
        assert drawn.layout.yaxis.ticklabeloverflow is None  # plotly.js still hides overflow


def test_the_pad_follows_the_smallest_margin_after_fitting() -> None:
    # plotly.js pads each push by min(12, smallest margin): fitting r from 8 up raises the pad
    fig = go.Figure(go.Heatmap(z=[[0.5]], colorbar={"x": 1, "title": {"text": "% terdata"}}))
    fig.update_traces(colorbar_tickformat=".0%")
    fig.update_layout(
        template="none",
        height=300,
        margin={"l": 20, "r": 8, "t": 20, "b": 40},
        yaxis={"tickmode": "array", "tickvals": [0], "ticktext": ["Kota Kendari"]},
    )
    given = dict(fig.layout.margin.to_plotly_json())
    drawn = charts.drawable(fig)
    bar = margins._colorbar(drawn.data[0], 12)
    assert bar is not None and bar > 2 * 10 + margins.label_px("% terdata", 14)
    # the pad is 12 once r is raised above it (it was 8 with r = 8), so the push is bar + 12
    assert drawn.layout.margin.r == math.ceil(bar + 12 + margins.SLACK_PX)
    assert drawn.layout.margin.b >= given["b"]


def test_a_legend_of_one_entry_is_not_drawn_unless_asked() -> None:
    fig = heat(["Kota Kendari"], legend={"orientation": "h", "yref": "container", "y": 0})
    fig.add_trace(go.Scatter(x=[None], y=[None], name="Peduli HAM"))
    assert margins._legend(fig, 700) is None  # plotly.js shows no legend for one entry
    fig.data[1].showlegend = True
    assert margins._legend(fig, 700) == ("container", 29)  # asked: one row
    fig.add_trace(go.Scatter(x=[None], y=[None], name="x" * 80))
    kind, height = margins._legend(fig, 400)
    assert height == 10 + 19 * 2  # two entries too wide for one row: a column each


def test_turned_or_inside_labels_are_left_to_plotly() -> None:
    for axis in ({"tickangle": 45}, {"ticklabelposition": "inside"}):
        fig = charts.drawable(heat(["Kota Kendari"], yaxis=axis))
        assert fig.layout.margin.l == 8 and fig.layout.meta is None
