"""AppTest of the map page's time controls and the shared URL state, on the synthetic store.

Controls are driven by their keys: the year slider, play/pause (a tick is a rerun after the step
interval of the injected play clock: no test waits on the wall clock), the data/award year
switch, the two-year view, the language, and the shared
parameters surviving a page switch (Streamlit clears the query string on a switch).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kkpham.model import timeline
from kkpham.settings import Settings
from kkpham.store import Store
from kkpham.texts import t
from kkpham.ui import map_view, years

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")


@pytest.fixture(scope="module")
def cycles(synthetic_settings: Settings) -> pd.DataFrame:
    with Store.open(synthetic_settings.db_path, read_only=True) as store:
        return store.cycles()


def ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def title(at: AppTest, i: int = 0) -> str:
    return specs(at)[i]["layout"]["title"]["text"].replace("<br>", " ")  # titles wrap


@pytest.fixture
def clock(monkeypatch) -> dict[str, float]:
    """The play clock, moved by ``tick`` instead of by waiting."""
    now = {"t": 1_000.0}
    monkeypatch.setattr(years, "now", lambda: now["t"])
    return now


def tick(at: AppTest, clock: dict[str, float]) -> AppTest:
    """What the fragment timer does while playing: a rerun once the step interval has passed."""
    clock["t"] += years.STEP_S
    return at.run()


def test_slider_offers_every_year_marks_2020_and_the_regimes(app) -> None:
    at = app(provinsi="74", tahun="2022")
    ok(at)
    slider = at.select_slider(key="peta_tahun")
    assert "2020 · tidak dinilai" in slider.options  # shown, labelled; play skips it
    assert "2021" in slider.options  # one year per option: a search for 2022 finds only 2022
    assert not any("2022" in o for o in slider.options if not o.startswith("2022"))
    track = next(m.value for m in at.markdown if "regime-track" in m.value)
    assert "34/2016" in track and "22/2021" in track and "tidak dinilai" in track
    slider.set_value("2016").run()
    ok(at)
    assert at.query_params["tahun"] == "2016"
    assert "tahun data 2016 (penghargaan 2017)" in title(at)
    assert any("34/2016" in c.value for c in at.caption)


def test_play_steps_through_held_years_skipping_2020_and_stops(app, cycles, clock) -> None:
    held = [int(y) for y in cycles.loc[cycles["held"], "data_year"]]
    at = app(provinsi="74", tahun="2019")
    at.button(key="peta_play").click().run()
    ok(at)
    assert at.button(key="peta_play").label == "■ Jeda"
    assert at.select_slider(key="peta_tahun").disabled  # play owns the slider
    assert at.query_params["tahun"] == "2019"  # the first frame is the year shown
    tick(at, clock)
    ok(at)
    assert at.query_params["tahun"] == "2021"  # 2020 was not assessed: skipped
    assert "tahun data 2021" in title(at)
    last = int(app(provinsi="74").select_slider(key="peta_tahun").value)  # latest with data
    for _ in range(held.index(2021) + 1, held.index(last) + 1):
        tick(at, clock)
    assert at.query_params["tahun"] == str(last)
    tick(at, clock)  # past the last year with data: play stops, the last year stays
    ok(at)
    assert at.button(key="peta_play").label == "▶ Putar"
    assert at.query_params["tahun"] == str(last)
    assert not at.select_slider(key="peta_tahun").disabled


def test_play_from_the_last_year_restarts_and_pause_holds(app, cycles, clock) -> None:
    held = [int(y) for y in cycles.loc[cycles["held"], "data_year"]]
    at = app(provinsi="74", tahun=str(held[-1]))
    at.button(key="peta_play").click().run()
    assert at.query_params["tahun"] == str(held[0])
    at.button(key="peta_play").click().run()  # pause
    ok(at)
    tick(at, clock)
    assert at.query_params["tahun"] == str(held[0])
    assert at.button(key="peta_play").label == "▶ Putar"


def test_award_year_switch_relabels_every_year(app) -> None:
    at = app(provinsi="74", tahun="2019")
    at.selectbox(key="peta_jenis_tahun").set_value("penghargaan").run()
    ok(at)
    assert at.query_params["jenis_tahun"] == "penghargaan"
    assert at.query_params["tahun"] == "2019"  # the URL keeps the data year
    slider = at.select_slider(key="peta_tahun")
    assert slider.label == "Tahun penghargaan"
    assert "2020" in slider.options and "— · tidak dinilai" in slider.options
    assert "tahun penghargaan 2020 (data 2019)" in title(at)


def test_two_year_view_side_by_side_with_change_map_and_regime_note(app) -> None:
    at = app(provinsi="74", tahun="2022", tampilan="banding", tahun2="2019")
    ok(at)
    charts = specs(at)
    assert len(charts) == 3  # two status maps and the change map
    assert "2019" in charts[0]["layout"]["title"]["text"]  # earlier year on the left
    assert "2022" in charts[1]["layout"]["title"]["text"]
    assert charts[2]["data"][0]["name"] == "transition"
    notes = [a.get("name") for a in charts[2]["layout"]["annotations"]]
    assert "regime_note" in notes and "jadi_peduli" in notes
    assert any("lintas aturan" in w.value for w in at.warning)
    at.selectbox(key="peta_tahun_b").set_value("2021").run()  # same rules: no warning
    ok(at)
    assert at.query_params["tahun2"] == "2021" and not at.warning
    at.selectbox(key="peta_tahun_b").set_value("2020").run()
    assert any("2020 tidak dinilai" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 2  # no change map for a year not assessed
    at.selectbox(key="peta_tampilan").set_value("").run()  # back to one year
    ok(at)
    assert "tampilan" not in at.query_params and "tahun2" not in at.query_params


def test_no_change_map_against_a_year_without_results(app, cycles) -> None:
    """2023 → 2024 (results not yet published) read "Tidak ada data lagi" for every region;
    so would a published year without a row for the place (synthetic Sultra 2023)."""
    at = app(provinsi="74", tahun="2023", tampilan="banding", tahun2="2022")
    ok(at)
    no_row = t("pr_slide_change_no_data", "id", year=2023, place="Sulawesi Tenggara")
    assert no_row in [i.value for i in at.info]
    assert len(at.get("plotly_chart")) == 2  # the two status maps, no change map
    unpublished = cycles[cycles["held"] & ~cycles["results_public"].astype(bool)]
    if unpublished.empty:
        return  # every held year's results are published
    year = str(int(unpublished["data_year"].min()))
    at = app(provinsi="74", tahun=year, tampilan="banding", tahun2="2022")
    ok(at)
    assert any(f"tahun data {year} belum diumumkan" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 2


def test_language_switches_the_page_and_the_map(app) -> None:
    at = app(provinsi="74", tahun="2022", lang="en")
    ok(at)
    assert at.title[0].value == "Map of Kabupaten/Kota Peduli HAM"
    assert at.button(key="peta_play").label == "▶ Play"
    spec = specs(at)[0]
    assert "data year 2022 (award 2023)" in spec["layout"]["title"]["text"].replace("<br>", " ")
    legend = [a["text"].replace("<br>", " ") for a in spec["layout"]["annotations"]]
    assert any(x.startswith("Peduli HAM (rights-caring)") for x in legend)
    assert "Regions with data" in "\n".join(m.value for m in at.markdown)
    at_bad = app(lang="xx", provinsi="74")
    assert "lang" not in at_bad.query_params  # unknown language: Indonesian, removed


def test_region_table_links_profiles_with_the_shared_state(app) -> None:
    at = app(provinsi="74", tahun="2019", lang="en")
    table = at.dataframe[-1].value
    link = table.loc[table["Code"] == "74.71", "Profile"].iloc[0]
    assert link.startswith("wilayah?") and "kode=74.71" in link
    assert "provinsi=74" in link and "tahun=2019" in link and "lang=en" in link


def test_shared_state_survives_a_page_switch(app) -> None:
    at = app(provinsi="74", tahun="2019", lang="en", jenis_tahun="penghargaan")
    ok(at)
    build = at.query_params["versi"]
    at.query_params.clear()  # what Streamlit does to the query string on a page switch
    at.switch_page("pages/bandingkan.py").run()
    ok(at)
    assert at.title[0].value == "Compare regions and years"
    assert at.selectbox(key="cmp_provinsi").value == "74"
    assert at.selectbox(key="cmp_tahun").value == "2019"
    assert at.query_params["jenis_tahun"] == "penghargaan" and at.query_params["versi"] == build
    at.selectbox(key="cmp_provinsi").set_value("19").run()
    # a province picked in the dropdown opens on its latest year with data (one rule everywhere)
    latest = at.selectbox(key="cmp_tahun").value
    assert latest == app(provinsi="19").select_slider(key="peta_tahun").value
    at.query_params.clear()
    at.switch_page("pages/peta.py").run()
    ok(at)
    assert at.query_params["provinsi"] == "19" and at.query_params["lang"] == "en"
    assert at.select_slider(key="peta_tahun").value == latest


def test_same_page_url_is_authoritative(app) -> None:
    """On the same page a parameter removed from the URL (back button) is not put back."""
    at = app(provinsi="74", tahun="2019")
    del at.query_params["provinsi"]
    at.run()
    ok(at)
    assert "provinsi" not in at.query_params
    assert at.selectbox(key="peta_provinsi").value == ""


def test_clicked_code_reads_the_status_trace_only() -> None:
    frame = pd.DataFrame({"code": ["74.01", "74.71"]})
    click = SimpleNamespace(
        selection=SimpleNamespace(
            points=[
                {"curve_number": 1, "location": "74"},  # the province outline
                {"curve_number": 0, "location": "74.71", "point_index": 1},
            ]
        )
    )
    assert map_view.clicked_code(click, frame) == "74.71"
    assert (
        map_view.clicked_code(SimpleNamespace(selection=SimpleNamespace(points=[])), frame) is None
    )
    assert map_view.clicked_code(None, frame) is None
    stray = SimpleNamespace(selection=SimpleNamespace(points=[{"location": "99.99"}]))
    assert map_view.clicked_code(stray, frame) is None


def test_play_helpers(cycles) -> None:
    held = [int(y) for y in cycles.loc[cycles["held"], "data_year"]]
    assert years.next_held(cycles, 2019) == 2021 and years.next_held(cycles, held[-1]) is None
    assert years.play_start(cycles, 2020) == held[0]  # a year not held restarts
    assert years.play_start(cycles, 2019) == 2019


def test_the_regime_track_follows_the_year_mode() -> None:
    from kkpham.reference.store_build import read_cycles

    cycles = read_cycles()
    data_track = years.regime_track(cycles, "id", "data")
    award_track = years.regime_track(cycles, "id", "award")
    last = int(cycles["data_year"].max())  # grows with data/cycles.csv (2025: Permen HAM 15/2025)
    assert ">2022<" in data_track and f">{last + 1}<" not in data_track
    # award mode: the last data year is labelled by its award year; 2020 keeps its data year
    assert f">{last + 1}<" in award_track and "(data 2020)<br>tidak dinilai" in award_track
    assert ">2012<" not in award_track  # data year 2012 was awarded in 2013


def test_a_regime_starting_in_the_last_year_has_room_for_its_label() -> None:
    """The label of a regime that starts in the track's last cell spans back over earlier
    years, right-aligned, on the labels' own row; earlier regimes start at their first year."""
    from kkpham.reference.store_build import read_cycles

    cycles = read_cycles()
    track = years.regime_track(cycles, "id", "data")
    n = len(cycles)
    starts = {int(y): i + 1 for i, y in enumerate(sorted(cycles["data_year"].astype(int)))}
    for year, _, regulation in timeline.regime_starts(cycles):
        reg = regulation.replace("Permenkumham ", "")
        label = next(d for d in track.split("<div ") if f"▸ {reg}<" in d)
        column = int(label.split("grid-column:")[1].split("/")[0])
        width = int(label.split("/span ")[1].split(";")[0])
        assert "grid-row:1" in label
        assert column <= starts[year] and column + width - 1 <= n  # never before its start, or...
        if starts[year] >= n - 1:  # ...a regime of the last year or two: ends at the right edge
            assert column + width - 1 == n and width >= years.LABEL_MIN_CELLS - 1
            assert "text-align:right" in label
        else:
            assert column == starts[year]


def test_a_province_picked_in_the_dropdown_opens_on_its_latest_year(app, cycles) -> None:
    """One rule on every route: the dropdown behaves like the link /peta?provinsi=74."""
    latest = app(provinsi="74").select_slider(key="peta_tahun").value
    held = [str(int(y)) for y in cycles.loc[cycles["held"], "data_year"]]
    other = next(y for y in reversed(held) if y != latest)
    at = app(tahun=other)  # the national view on some other year
    at.selectbox(key="peta_provinsi").set_value("74").run()
    ok(at)
    assert at.select_slider(key="peta_tahun").value == latest == at.query_params["tahun"]


def test_a_year_without_data_for_the_place_names_the_year_that_has(app, cycles) -> None:
    latest = app(provinsi="74").select_slider(key="peta_tahun").value
    held = [str(int(y)) for y in cycles.loc[cycles["held"], "data_year"]]
    if held[-1] == latest:
        pytest.skip("the province has data for the last held year")
    at = app(provinsi="74", tahun=held[-1])
    ok(at)
    assert any(f"**{latest}**" in i.value for i in at.info)
