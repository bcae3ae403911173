"""Charts drawn once (kkpham.ui.charts): the figure carries the theme's look, no template, a data
revision and plain lists; every chart a page sends is such a figure, drawn with theme=None."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
import streamlit
from streamlit.testing.v1 import AppTest

from kkpham.ui import charts

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")


def bars(values=(3, 1, 2)) -> go.Figure:
    fig = go.Figure(go.Bar(x=np.array(values), y=["a", "b", "c"], marker={"color": np.ones(3)}))
    fig.update_layout(template="none", title="Judul", font={"size": 15}, yaxis={"ticks": "outside"})
    return fig


def test_the_look_fills_only_what_the_figure_leaves_unset() -> None:
    fig = charts.drawable(bars())
    assert fig.layout.font.size == 15  # the figure's own value stays
    assert fig.layout.font.family == charts.FONT and fig.layout.font.color == charts.MUTED
    assert fig.layout.hoverlabel.bgcolor == "#FFFFFF" and fig.layout.margin.pad == 8
    assert fig.layout.title.text == "<b>Judul</b>"  # as Streamlit's theme shows a title
    assert fig.layout.yaxis.tickcolor == charts.GRID  # ticks drawn: the theme's colour
    assert fig.layout.xaxis.tickcolor is None  # no ticks: left unset, so none are drawn
    assert fig.layout.xaxis.minor.gridcolor is None


def test_a_drawable_figure_has_no_template_a_revision_and_no_binary_arrays() -> None:
    fig = charts.drawable(bars())
    spec = json.loads(fig.to_json())
    assert "template" not in spec["layout"]
    assert spec["layout"]["datarevision"]
    assert "bdata" not in fig.to_json()
    assert spec["data"][0]["x"] == [3, 1, 2] and spec["data"][0]["marker"]["color"] == [1, 1, 1]


def test_the_revision_follows_the_data_and_a_second_call_changes_nothing() -> None:
    one, same, other = (charts.drawable(bars(v)) for v in ((3, 1, 2), (3, 1, 2), (3, 1, 1)))
    assert one.layout.datarevision == same.layout.datarevision != other.layout.datarevision
    before = one.to_json()
    assert charts.drawable(one) is one and one.to_json() == before  # title not bolded twice


def test_a_map_gets_no_cartesian_axes_and_a_clickable_one_names_its_modes() -> None:
    fig = go.Figure(go.Choropleth(locations=["74.71"], z=[1], geojson="/app/static/x.geojson"))
    spec = json.loads(charts.drawable(fig, clickable=True).to_json())
    assert not {"xaxis", "yaxis"} & set(spec["layout"])
    assert {k: spec["layout"][k] for k in charts.CLICKABLE} == charts.CLICKABLE


def test_show_refuses_a_figure_that_is_not_drawable() -> None:
    with pytest.raises(ValueError, match="drawable"):
        charts.show(bars(), key="x", config={})


def test_the_look_is_the_pinned_streamlit_versions() -> None:
    pinned = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert f"streamlit=={streamlit.__version__}" in pinned
    assert streamlit.__version__ == "1.67.0", (
        "LOOK copies Streamlit 1.67's chart theme: read it again"
    )


def test_the_app_pins_the_light_theme_the_look_is_taken_from() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["theme"]["base"] == "light"


VIEWS = {
    "map": ("pages/peta.py", {}),
    "map_province": ("pages/peta.py", {"provinsi": "74"}),
    "change": ("pages/peta.py", {"provinsi": "74", "tampilan": "banding"}),
    "present": ("pages/peta.py", {"tampilan": "presentasi"}),
    "compare": ("pages/bandingkan.py", {"provinsi": "74"}),
    "profile": ("pages/wilayah.py", {"kode": "74.71"}),
}


@pytest.mark.parametrize("view", VIEWS)
def test_every_chart_a_page_sends_is_drawable(view, synthetic_settings, monkeypatch) -> None:
    monkeypatch.setenv("KKPHAM_DB", str(synthetic_settings.db_path))
    page, params = VIEWS[view]
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    sent = at.get("plotly_chart")
    assert sent, f"{view}: no chart"
    for chart in sent:
        spec = json.loads(chart.proto.spec)
        assert chart.proto.theme == "", view  # theme=None: the look is in the figure
        assert "template" not in spec["layout"] and spec["layout"]["datarevision"], view
        assert "bdata" not in chart.proto.spec, view
        # compared by identity in plotly.js: inline they would replot on mount
        assert not any(isinstance(tr.get("geojson"), dict) for tr in spec["data"]), view
        assert isinstance(spec["layout"].get("meta", ""), str), view  # an object: by identity


def test_colours_that_switch_a_part_on_are_set_only_where_plotly_draws_that_part() -> None:
    heat = charts.drawable(go.Figure(go.Heatmap(z=[[1, 2]], x=[0, 1], y=["a"])))
    assert heat.layout.xaxis.tickcolor == heat.layout.yaxis.tickcolor == charts.GRID  # 2D: ticks
    assert heat.layout.xaxis.showgrid is False and heat.layout.xaxis.gridcolor is None  # theme: x
    assert heat.layout.yaxis.gridcolor == charts.GRID  # a y grid is drawn by default
    bar = charts.drawable(go.Figure(go.Bar(x=[1, 2], y=["a", "b"], orientation="h")))
    assert bar.layout.yaxis.gridcolor is None and bar.layout.yaxis.zerolinecolor is None
    assert bar.layout.yaxis.showgrid is None  # the category side of a bar chart: no grid


def test_numbers_shown_as_text_read_as_plotly_wrote_them() -> None:
    text = np.array([0.0, 29.0, 1.5, np.nan])
    fig = go.Figure(go.Bar(x=[1, 2, 3, 4], y=["a", "b", "c", "d"], text=text))
    assert list(charts.drawable(fig).data[0].text) == ["0", "29", "1.5", ""]


def test_a_change_in_the_layout_alone_changes_the_revision() -> None:
    plain, ticked = bars(), bars()
    ticked.update_layout(xaxis={"tickvals": [1, 2], "ticktext": ["2019", "2022"]})
    # plotly.js compares the layout's arrays (tick values) by revision too: they must not hide
    assert charts.drawable(plain).layout.datarevision != charts.drawable(ticked).layout.datarevision
