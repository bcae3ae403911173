"""Structure of the compare and profile figures, built from the synthetic timeline store."""

from __future__ import annotations

import pandas as pd
import pytest
from test_timeline import CYCLES, YEARS, make_store

from kkpham.figures.change_map import change_map, transition_colorscale
from kkpham.figures.compare import (
    share_chart,
    status_grid,
    time_marks,
    transition_bars,
    transition_matrix_figure,
)
from kkpham.figures.profile import status_strip
from kkpham.figures.status_map import status_colorscale
from kkpham.model.region_profile import strip
from kkpham.model.timeline import reported_beside_ours, share_series, status_panel, streaks
from kkpham.model.transitions import (
    TRANSITION_CODE,
    TRANSITIONS,
    transition_counts,
    transition_matrix,
    transitions,
)
from kkpham.vocab import BY_CODE, BY_KEY, outline


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    with make_store(tmp_path_factory.mktemp("fig") / "f.duckdb") as store:
        panel = status_panel(store, "74")
        reported = store.reported_counts(province_code="74")
    reported = reported.assign(source_label="news.example")
    series = share_series(panel)
    return {"panel": panel, "series": series, "reported": reported_beside_ours(series, reported)}


def test_grid_cells_follow_vocab_codes(built: dict) -> None:
    panel = built["panel"]
    fig = status_grid(panel, CYCLES, streaks=streaks(panel), highlight="74.02", streak_as_of=2022)
    heat = fig.data[0]
    assert heat.type == "heatmap"
    assert [tuple(c) for c in heat.colorscale] == [tuple(c) for c in status_colorscale()]
    assert (heat.zmin, heat.zmax) == (-0.5, len(BY_KEY) - 0.5)  # one flat band per status code
    z = heat.z
    codes = sorted(panel["code"].unique())
    assert len(z) == len(codes) and len(z[0]) == len(YEARS)
    row, col = codes.index("74.01"), YEARS.index(2022)
    assert z[row][col] == BY_KEY["peduli"].code
    assert all(z[i][YEARS.index(2020)] == BY_KEY["tidak_dilaksanakan"].code for i in range(len(z)))
    assert fig.layout.yaxis.ticktext[codes.index("74.02")] == "<b>Kab B</b>"
    # the disputed cell (Kota D 2021) carries a "!" and the streak column says "4× · 2016"
    marks = [t for t in fig.data if t.type == "scatter" and t.mode == "text"]
    disputed = next(t for t in marks if t.name != "streak")
    assert (disputed.x[0], disputed.y[0]) == (YEARS.index(2021), codes.index("74.71"))
    status = z[codes.index("74.71")][YEARS.index(2021)]
    dark = outline(BY_CODE[status].color) == "#ffffff"
    assert disputed.textfont.color[0] == ("#ffffff" if dark else "#000000")  # seen on its cell
    streak = next(t for t in marks if t.name == "streak")
    assert streak.text[codes.index("74.01")] == "4× · 2016"
    head = next(a for a in fig.layout.annotations if a.name == "streak_head")
    assert head.text == "Berturut-turut s.d. 2022 · pertama"
    assert (head.xref, head.x, head.xanchor) == ("paper", 1, "right")  # never past the edge
    assert len(fig.layout.xaxis.ticktext) == len(YEARS)  # the heading is not a tick label


def test_time_marks_shade_2020_and_mark_regimes() -> None:
    shapes, notes = time_marks(CYCLES, "id")
    names = [s["name"] for s in shapes]
    assert "not_held_2020" in names and names.count("regime_B") == 1 and "regime_C" in names
    regime_c = next(s for s in shapes if s["name"] == "regime_C")
    # a label near the right edge ends at its line; the others start there
    for note in (n for n in notes if n["name"].startswith("regime_")):
        last_two = note["x"] + 0.5 >= len(YEARS) - 2
        assert note["xanchor"] == ("right" if last_two else "left"), note
    assert regime_c["x0"] == YEARS.index(2021) - 0.5
    assert any("22/2021" in n["text"] for n in notes)


def test_award_year_mode_relabels_axis(built: dict) -> None:
    fig = status_grid(built["panel"], CYCLES, year_mode="award")
    assert list(fig.layout.xaxis.ticktext) == ["2016", "2017", "2020", "—", "2022", "2023"]
    strip_fig = status_strip(strip(built["panel"], "74.01"), CYCLES, year_mode="award", lang="en")
    assert strip_fig.layout.xaxis.title.text == "Award year"


def test_share_chart_lines_and_reported_markers(built: dict) -> None:
    fig = share_chart(built["series"], built["reported"], CYCLES)
    by_name = {trace.name: trace for trace in fig.data}
    upper, ours = (
        by_name["Batas atas (bila yang belum ada data semuanya Peduli)"],
        by_name["Tercatat di dasbor (terkonfirmasi)"],
    )
    reported = by_name["Jumlah menurut sumber"]
    bands = [trace for trace in fig.data if trace.name == "band"]
    assert [list(b.x) for b in bands] == [[0, 1, 2], [4, 5]]  # no fill across 2020
    assert ours.y[YEARS.index(2022)] == pytest.approx(60.0)
    assert upper.y[YEARS.index(2022)] == pytest.approx(80.0)
    assert pd.isna(ours.y[YEARS.index(2020)]) and not ours.connectgaps
    assert list(reported.x) == [YEARS.index(2022)] and reported.y[0] == pytest.approx(80.0)
    assert "4/5" in reported.text[0]
    with pytest.raises(ValueError, match="one province"):
        share_chart(
            pd.concat([built["series"], built["series"].assign(province_code="75")]),
            built["reported"],
            CYCLES,
        )


def test_transition_figures(built: dict) -> None:
    tr = transitions(built["panel"], 2019, 2022, CYCLES)
    m = transition_matrix(tr)
    fig = transition_matrix_figure(m, 2019, 2022, note="lintas aturan")
    heat = fig.data[0]
    unwrapped = [y.replace("<br>", " ") for y in heat.y]
    assert unwrapped == [BY_KEY[k].label("id") for k in m.index]
    # every heading shown whatever the width (plotly.js thins category labels otherwise)
    assert fig.layout.xaxis.tickmode == fig.layout.yaxis.tickmode == "array"
    assert list(fig.layout.xaxis.ticktext) == list(heat.x)
    assert list(fig.layout.yaxis.ticktext) == list(heat.y)
    i, j = list(m.index).index("peduli"), list(m.columns).index("peduli")
    # hover names the statuses on one line each
    assert tuple(heat.customdata[i][j][:2]) == (BY_KEY["peduli"].label("id"),) * 2
    assert "%{customdata[0]} → %{customdata[1]}" in heat.hovertemplate
    assert heat.z[i][j] == TRANSITION_CODE["tetap_peduli"]  # a cell wears its change's colour
    counts = {(a.y, a.x): a.text for a in fig.layout.annotations if a.name == "count"}
    assert counts[(heat.y[i], heat.x[j])] == "2"
    notes = [a for a in fig.layout.annotations if a.name == "regime_note"]
    assert notes[0].text == "lintas aturan"  # the regime note travels with a PNG
    bars = transition_bars(transition_counts(tr), lang="en")
    assert list(bars.data[0].y) == [t.label("en") for t in TRANSITIONS]


def test_transition_matrix_labels_wrap_at_spaces() -> None:
    keys = [k for k in BY_KEY if k != "tidak_dilaksanakan"]  # a cycle not held is never compared
    every = pd.DataFrame(0, index=keys, columns=keys)
    for lang, chars in (("id", 24), ("en", 24)):
        fig = transition_matrix_figure(every, 2019, 2022, lang=lang)
        heat = fig.data[0]
        for labels, width in ((heat.y, chars), (heat.x, 15)):
            for label, key in zip(labels, every.index, strict=True):
                lines = label.split("<br>")
                assert " ".join(lines) == BY_KEY[key].label(lang)  # nothing lost or cut
                assert not any(line.endswith("-") for line in lines), label  # "(rights-caring)"
                assert all(len(line) <= width or " " not in line for line in lines), label
        assert len(heat.y) == len(keys)  # ten rows, each with its label


def test_strip_marks_score_and_dispute(built: dict) -> None:
    fig = status_strip(strip(built["panel"], "74.01"), CYCLES)
    heat = fig.data[0]
    assert heat.z[0][YEARS.index(2022)] == BY_KEY["peduli"].code
    assert heat.text[0][YEARS.index(2022)] == "81,5"  # Indonesian decimal comma
    disputed = status_strip(strip(built["panel"], "74.71"), CYCLES).data[0]
    assert disputed.text[0][YEARS.index(2021)].endswith("!")
    with pytest.raises(ValueError, match="2019"):
        status_strip(strip(built["panel"], "74.01").query("data_year != 2019"), CYCLES)


def test_change_map_one_trace_coded_by_transition(built: dict) -> None:
    tr = transitions(built["panel"], 2019, 2022, CYCLES)
    fig = change_map(
        tr,
        "/app/static/geo/x/kab_74.json",
        2019,
        2022,
        title="t",
        note="Perbandingan lintas aturan",
    )
    trace = fig.data[0]
    assert trace.type == "choropleth" and len(fig.data) == 1
    z = dict(zip(trace.locations, trace.z, strict=True))
    assert (
        z["74.03"] == TRANSITION_CODE["jadi_peduli"]
        and z["74.71"] == TRANSITION_CODE["lepas_peduli"]
    )
    assert len(transition_colorscale()) == 2 * len(TRANSITIONS)
    legend = [a for a in fig.layout.annotations if a.name in TRANSITION_CODE]
    present = set(tr["transition"])
    assert [a.name for a in legend] == [t.key for t in TRANSITIONS if t.key in present]
    kept = next(a for a in legend if a.name == "tetap_peduli")
    assert kept.text.endswith("(2)")  # two regions kept Peduli
    assert any(a.name == "regime_note" for a in fig.layout.annotations)
    with pytest.raises(ValueError, match="transition"):
        change_map(tr.drop(columns=["transition"]), "u", 2019, 2022, title="t")


def test_transition_bars_keep_every_count_readable() -> None:
    from kkpham.figures.compare import transition_bars

    counts = pd.DataFrame({"transition": ["tetap_kosong", "tetap_peduli"], "count": [286, 3]})
    bar = transition_bars(counts).data[0]
    layout = transition_bars(counts).layout
    assert bar.cliponaxis is False and layout.xaxis.range[1] > 286  # "286" is not cut to "28"
