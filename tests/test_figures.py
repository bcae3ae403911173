"""The status map figure, built from synthetic map frames without Streamlit."""

from __future__ import annotations

import html
import json
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkpham.boundaries.basemap import LAYERS, base_topology, write_base_topojson
from kkpham.figures import status_map
from kkpham.figures.legend import (
    DISPUTED_KEY,
    LABEL_CHARS,
    draw,
    legend_height_px,
    status_entries,
)
from kkpham.vocab import BY_KEY, LEGEND_ORDER, STATUSES

URL = "/app/static/geo/abc123/kab_74.json"


def frame(rows: list[dict]) -> pd.DataFrame:
    base = {
        "name": "Kabupaten X",
        "province_code": "74",
        "score": math.nan,
        "source_label": "",
        "disputed": False,
        "claims_text": "",
        "data_year_derived": False,
    }
    out = pd.DataFrame([{**base, **r} for r in rows])
    out["status_code"] = out["status"].map(lambda k: BY_KEY[k].code)
    return out


SAMPLE = frame(
    [
        {"code": "74.01", "status": "peduli", "score": 81.25, "source_label": "kemenkumham.go.id"},
        {
            "code": "74.02",
            "status": "belum",
            "disputed": True,
            "source_label": "sultra.go.id",
            "claims_text": "belum (sultra.go.id); peduli (news.com)",
        },
        {
            "code": "74.03",
            "status": "tidak_melapor",
            "source_label": "a.id",
            "data_year_derived": True,
        },
        {"code": "74.04", "status": "tidak_diketahui"},
        {"code": "74.15", "status": "belum_terbentuk"},
    ]
)


def status_trace(fig):
    return fig.data[0]


def test_one_choropleth_trace_with_integer_status() -> None:
    fig = status_map(SAMPLE, URL, title="Sulawesi Tenggara")
    assert [t.type for t in fig.data] == ["choropleth"]
    t = status_trace(fig)
    by_code = dict(zip(t.locations, t.z, strict=True))
    assert by_code == dict(zip(SAMPLE["code"], SAMPLE["status_code"], strict=True))
    assert (t.zmin, t.zmax) == (-0.5, len(STATUSES) - 0.5)
    assert t.showscale is False
    assert t.geojson == URL and t.featureidkey == "properties.code"
    assert "coordinates" not in fig.to_json()  # the polygons stay in the URL's file


def test_colourscale_gives_each_status_its_vocabulary_colour() -> None:
    t = status_trace(status_map(SAMPLE, URL, title="x"))
    scale = [(float(v), c) for v, c in t.colorscale]
    for s in STATUSES:
        at = (s.code - t.zmin) / (t.zmax - t.zmin)
        colours = {c for (v0, c), (v1, _) in zip(scale, scale[1:], strict=False) if v0 <= at <= v1}
        assert colours == {s.color}, s.key


def test_legend_inside_figure_lists_the_statuses_present_in_order_with_counts() -> None:
    fig = status_map(SAMPLE, URL, title="x")
    notes = fig.layout.annotations
    present = set(SAMPLE["status"])
    assert [a.name for a in notes] == [k for k in LEGEND_ORDER if k in present] + [DISPUTED_KEY]
    texts = {a.name: a.text for a in notes}
    assert texts["peduli"] == "Peduli HAM (1)" and "kurang" not in texts  # absent: not listed
    assert texts[DISPUTED_KEY].endswith("(1)")
    assert all(a.font.size > 12 for a in notes)  # readable from the back of the room
    swatches = [s.fillcolor for s in fig.layout.shapes]
    assert swatches[: len(present)] == [BY_KEY[a.name].color for a in notes[: len(present)]]
    assert all(a.yref == "paper" and 0 <= a.y <= 1 for a in notes)  # inside the figure
    geo_bottom = fig.layout.geo.domain.y[0]
    assert max(a.y for a in notes) < geo_bottom  # legend below the map, not over it


def test_english_legend_labels() -> None:
    fig = status_map(SAMPLE, URL, title="x", lang="en")
    assert fig.layout.annotations[0].text == "Peduli HAM<br>(rights-caring) (1)"


def test_long_legend_labels_wrap_within_their_column() -> None:
    """A label longer than a column is wrapped (at spaces, the count kept with its last word)
    and the rows below move down, so no entry runs into its neighbour or the one below."""
    every = {k: 1234 for k in LEGEND_ORDER}
    for lang in ("id", "en"):
        entries = status_entries(every, 5, lang)
        shapes, notes = draw(entries, top=0.3, row_height=0.05)
        for entry, note in zip(entries, notes, strict=True):
            lines = note["text"].split("<br>")
            assert all(len(line) <= LABEL_CHARS for line in lines), lines
            assert " ".join(lines) == html.escape(f"{entry[1]} ({entry[-1]})", quote=False)
            assert lines[-1] != f"({entry[-1]})", lines  # the count never alone on its line
        # rows go down by at least their own wrapped lines
        tops = sorted({round(s["yanchor"], 6) for s in shapes}, reverse=True)
        gaps = [a - b for a, b in zip(tops, tops[1:], strict=False)]
        assert all(g >= 0.05 - 1e-9 for g in gaps)
        wrapped = max(len(n["text"].split("<br>")) for n in notes)
        one_line = [("k", "x", "#fff", "#000", 1.0, 1)] * len(entries)
        assert legend_height_px(entries) > legend_height_px(one_line)
        assert wrapped >= 2  # "Bukan Peduli HAM, kategori tidak diketahui" does not fit


def test_hover_text_is_escaped_and_complete() -> None:
    evil = frame(
        [
            {
                "code": "74.01",
                "status": "peduli",
                "name": "Kota <script>&",
                "score": 80.5,
                "source_label": "a<b>.id",
                "disputed": True,
                "claims_text": "peduli (x.id); belum (<i>y.id)",
            }
        ]
    )
    fig = status_map(evil, URL, title="<b>Judul</b> & co")
    text = status_trace(fig).text[0]
    assert "<script>" not in text and "Kota &lt;script&gt;&amp;" in text
    assert "a&lt;b&gt;.id" in text and "&lt;i&gt;y.id" in text
    assert "Nilai: 80,5" in text and "Peduli HAM (x.id)" in text
    assert fig.layout.title.text == "&lt;b&gt;Judul&lt;/b&gt; &amp; co"


def test_hover_mentions_source_and_derived_year() -> None:
    t = status_trace(status_map(SAMPLE, URL, title="x"))
    texts = dict(zip(t.locations, t.text, strict=True))
    assert "Sumber: kemenkumham.go.id" in texts["74.01"]
    assert "diturunkan" in texts["74.03"] and "diturunkan" not in texts["74.01"]
    assert "Sumber:" not in texts["74.04"]  # derived statuses have no source
    assert texts["74.15"].endswith("Daerah belum terbentuk")


def test_disputed_regions_get_a_thick_dark_border_drawn_last() -> None:
    t = status_trace(status_map(SAMPLE, URL, title="x"))
    widths = dict(zip(t.locations, t.marker.line.width, strict=True))
    colours = dict(zip(t.locations, t.marker.line.color, strict=True))
    assert widths["74.02"] > 2 * max(w for c, w in widths.items() if c != "74.02")
    assert colours["74.02"] != colours["74.01"]
    assert t.locations[-1] == "74.02"  # no neighbour paints over its border
    assert "Sumber berbeda" in t.text[-1] and "Peduli HAM (news.com)" in t.text[-1]
    # the claims in the reader's language: on the English map, no Indonesian status name
    english = status_trace(status_map(SAMPLE, URL, title="x", lang="en")).text[-1]
    belum = BY_KEY["belum"]
    assert f"{belum.label('en')} (sultra.go.id)" in english
    assert belum.label("id") not in english


def test_outline_trace_for_the_national_view_has_no_hover() -> None:
    fig = status_map(
        SAMPLE,
        "/app/static/geo/b/kab_national.json",
        title="x",
        outline_url="/app/static/geo/b/prov_national.json",
    )
    assert [t.type for t in fig.data] == ["choropleth", "choropleth"]
    assert fig.data[1].hoverinfo == "skip" and list(fig.data[1].locations) == ["74"]
    assert fig.data[1].geojson.endswith("prov_national.json")


def test_base_layers_are_hidden_and_projection_fits_locations() -> None:
    geo = status_map(SAMPLE, URL, title="x").layout.geo
    assert geo.fitbounds == "locations"
    assert not any(geo[f"show{k}"] for k in ("land", "ocean", "countries", "coastlines"))


def test_bad_frames_are_refused_with_the_problem_named() -> None:
    with pytest.raises(ValueError, match="score"):
        status_map(SAMPLE.drop(columns=["score"]), URL, title="x")
    bad = SAMPLE.assign(status=["peduli", "gold", "belum", "belum", "belum"])
    with pytest.raises(ValueError, match="gold"):
        status_map(bad, URL, title="x")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([s.key for s in STATUSES]), st.booleans()),
        min_size=1,
        max_size=40,
    )
)
def test_any_frame_keeps_codes_in_range_and_counts_add_up(rows: list) -> None:
    f = frame(
        [{"code": f"74.{i:02d}", "status": s, "disputed": d} for i, (s, d) in enumerate(rows)]
    )
    fig = status_map(f, URL, title="x")
    t = status_trace(fig)
    assert sorted(t.locations) == sorted(f["code"])
    assert all(-0.5 < z < len(STATUSES) - 0.5 for z in t.z)
    counts = {a.name: int(a.text.rsplit("(", 1)[1].rstrip(")")) for a in fig.layout.annotations}
    assert all(counts.values())  # zero categories are not listed
    assert sum(v for k, v in counts.items() if k != DISPUTED_KEY) == len(f)
    assert counts.get(DISPUTED_KEY, 0) == int(f["disputed"].sum())


def test_base_topojson_has_every_layer_plotly_reads(tmp_path) -> None:
    path = write_base_topojson(tmp_path / "topojson")
    topo = json.loads(path.read_text())
    assert path.name == "world_110m.json" and topo == base_topology()
    assert topo["type"] == "Topology" and set(topo["objects"]) == set(LAYERS)
    assert all(o["type"] == "GeometryCollection" for o in topo["objects"].values())
    assert write_base_topojson(tmp_path / "topojson") == path  # idempotent
