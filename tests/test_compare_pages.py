"""AppTest of the compare page (`bandingkan`) and the region profile (`wilayah`).

Controls are driven by their keys on the tiny store of ``test_timeline``; the later tests run both
pages on the synthetic store of ``tests/synthetic.py`` (real geography and cycles, invented
statuses), and a smoke test runs them on the real built store, asserting only invariants.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_timeline import PROVINCES, REGIONS, make_store

import kkpham.model.regions
from kkpham.model import timeline
from kkpham.model.league import pembina_rule
from kkpham.model.region_facts import province_formed_years
from kkpham.model.resolver import Resolver, load_aliases
from kkpham.store import Store
from kkpham.texts import t
from kkpham.ui import panels
from kkpham.ui.safe_text import md_escape
from kkpham.vocab import STORED_KEYS

ROOT = Path(__file__).resolve().parent.parent
COMPARE = str(ROOT / "pages" / "bandingkan.py")
PROFILE = str(ROOT / "pages" / "wilayah.py")


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "p.duckdb"
    make_store(path).close()
    return path


@pytest.fixture
def app(synthetic_db: Path, monkeypatch):
    monkeypatch.setenv("KKPHAM_DB", str(synthetic_db))
    regions = REGIONS.merge(
        PROVINCES.rename(columns={"code": "province_code", "name": "province_name"})
    )
    resolver = Resolver(regions, PROVINCES, load_aliases())
    monkeypatch.setattr(kkpham.model.regions, "resolver_for", lambda settings: resolver)

    def make(page: str, **params: str) -> AppTest:
        at = AppTest.from_file(page, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        return at.run()

    return make


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _charts(at: AppTest) -> list:
    return at.get("plotly_chart")


def test_compare_defaults_to_national(app) -> None:
    at = app(COMPARE)
    _ok(at)
    assert "provinsi" not in at.query_params
    assert at.query_params["tahun"] == "2022" and at.query_params["tahun2"] == "2021"
    assert any("Pilih provinsi" in i.value for i in at.info)  # no grid without a province
    assert len(at.dataframe) >= 2  # league table + transition list
    assert len(_charts(at)) == 4  # share line, completeness grid, transition bars, matrix


def test_compare_province_from_url_and_regime_warning(app) -> None:
    at = app(COMPARE, provinsi="74", tahun="2022", tahun2="2019")
    _ok(at)
    assert at.selectbox(key="cmp_provinsi").value == "74"
    assert len(_charts(at)) == 5  # + the kab/kota × year grid
    assert any("lintas aturan" in w.value for w in at.warning)
    assert "Prov Satu" in at.subheader[1].value


def test_province_select_writes_url(app) -> None:
    at = app(COMPARE)
    at.selectbox(key="cmp_provinsi").select("74").run()
    _ok(at)
    assert at.query_params["provinsi"] == "74"
    assert len(_charts(at)) == 5


def test_year_selects_write_url_and_same_year_is_refused(app) -> None:
    at = app(COMPARE, provinsi="74")
    at.selectbox(key="cmp_tahun").select("2021").run()
    assert at.query_params["tahun"] == "2021"
    at.selectbox(key="cmp_tahun2").select("2021").run()
    _ok(at)
    assert at.query_params["tahun2"] == "2021"
    assert any("dua tahun yang berbeda" in i.value for i in at.info)
    assert "2020" not in at.selectbox(key="cmp_tahun").options  # not held: not selectable


def test_year_mode_switch(app) -> None:
    at = app(COMPARE, provinsi="74")
    assert not any("Tahun penghargaan" in c.proto.spec for c in _charts(at))
    at.selectbox(key="cmp_jenis_tahun").select("penghargaan").run()
    _ok(at)
    assert at.query_params["jenis_tahun"] == "penghargaan"
    specs = [c.proto.spec for c in _charts(at)]
    assert any("Tahun penghargaan" in spec for spec in specs)


def test_invalid_url_values_fall_back_with_notice(app) -> None:
    at = app(COMPARE, provinsi="99", tahun="1999")
    _ok(at)
    assert "provinsi" not in at.query_params
    assert at.selectbox(key="cmp_tahun").value == "2022"
    assert len(at.warning) >= 2


def test_language_in_url(app) -> None:
    at = app(COMPARE, lang="en", provinsi="74")
    _ok(at)
    assert at.title[0].value == "Compare regions and years"
    assert at.query_params["lang"] == "en"


def test_link_records_the_data_build(app) -> None:
    at = app(COMPARE, provinsi="74")
    current = at.query_params["versi"]
    assert current.startswith("synthetic.")  # build id . last batch . rows
    assert not any("versi" in i.value for i in at.info)
    old = app(COMPARE, provinsi="74", versi="oldbuild.1.9")
    _ok(old)
    assert any("oldbuild\\.1\\.9" in i.value for i in old.info)  # shown escaped (issue 7)
    assert old.query_params["versi"] == current


def test_profile_from_url(app) -> None:
    at = app(PROFILE, kode="74.71")
    _ok(at)
    assert at.header[0].value == "Kota D"
    assert at.query_params["provinsi"] == "74"  # carried to the other pages
    claims = at.dataframe[0].value
    assert len(claims) == 4 and claims["Tanda"].str.contains("sumber berbeda").sum() == 2
    assert len(_charts(at)) == 2  # status strip + province grid


def test_profile_select_and_search(app) -> None:
    at = app(PROFILE)
    _ok(at)
    assert not at.header  # nothing chosen yet
    at.selectbox(key="wil_kode").select("74.02").run()
    assert at.query_params["kode"] == "74.02" and at.header[0].value == "Kab B"
    at.text_input(key="wil_cari").input("Kota D").run()
    _ok(at)
    assert at.query_params["kode"] == "74.71" and at.header[0].value == "Kota D"
    # a later pick in the select box stays, though the search text is still in its box
    at.selectbox(key="wil_kode").select("74.02").run()
    at.selectbox(key="wil_jenis_tahun").select("award").run()
    assert at.query_params["kode"] == "74.02" and at.header[0].value == "Kab B"
    at.text_input(key="wil_cari").input("Gotham").run()
    assert any("Tidak ditemukan" in w.value for w in at.warning)


@pytest.fixture
def real_store(built_settings, monkeypatch) -> Path:
    """The real store, built (or found up to date) by the shared session fixture."""
    monkeypatch.setenv("KKPHAM_DB", str(built_settings.db_path))
    return built_settings.db_path


@pytest.fixture
def synthetic_store(synthetic_settings, monkeypatch) -> Path:
    """The synthetic store on the real geography (``tests/synthetic.py``)."""
    monkeypatch.setenv("KKPHAM_DB", str(synthetic_settings.db_path))
    return synthetic_settings.db_path


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"provinsi": "74", "tahun": "2022", "tahun2": "2019"},
        {"tahun": "2016", "tahun2": "2015"},  # provinces not yet formed, some with a result
    ],
)
def test_compare_on_real_store(real_store: Path, params: dict) -> None:
    at = AppTest.from_file(COMPARE, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    _ok(at)
    league = at.dataframe[0].value
    with Store.open(real_store) as store:
        provinces, regions = store.provinces(), store.regions()
        year = int(at.query_params["tahun"])
        panel = store.status_panel()
    # ranked: exactly the provinces with any cited status that year; the others named below it
    now = panel[panel["data_year"] == year]
    with_result = set(now.loc[now["status"].isin(STORED_KEYS), "province_code"])
    assert set(league["Kode"]) == with_result and league["Kode"].is_unique
    formed = province_formed_years(regions)
    young = provinces["code"].map(lambda p: formed.get(p, 0) > year)  # ranked or not
    others = ~provinces["code"].isin(with_result)
    unranked = provinces.loc[others & ~young, "name"].sort_values()
    if len(unranked):  # named below the table, escaped as Markdown (province names are data)
        text = t("lg_without", "id", year=year, n=len(unranked), names=", ".join(unranked))
        assert any(md_escape(text) in c.value for c in at.caption)
    if young.any():
        head = t("lg_not_formed", "id", year=year, n=int(young.sum()), names="").rstrip(" .")
        assert any(md_escape(head) in c.value for c in at.caption)
    # every kab/kota formed by then counted once, in its province
    formed = regions["formed_year"].isna() | (regions["formed_year"] <= year)
    in_ranked = regions["code"].str[:2].isin(with_result)
    assert league["Kab/kota"].sum() == (formed & in_ranked).sum()
    # a change is shown only where both years are complete (never a lower bound's difference)
    change_col = t("lg_change", "id")
    with Store.open(real_store) as store:
        cycles = store.cycles()
    model = panels.league_table(year, cycles, "id").set_index("province_code")
    before = timeline.previous_held_year(cycles, year)
    earlier = panels.league_table(before, cycles, "id").set_index("province_code")
    # measurable: no kab/kota without data in either year
    none_unknown = lambda table: league["Kode"].map(table["unknown"]).eq(0)  # noqa: E731
    complete = none_unknown(model) & none_unknown(earlier)
    assert league.loc[~complete, change_col].eq("–").all()
    assert league.loc[complete, change_col].ne("–").all()
    # "Mungkin" hangs on the kab/kota without data: the cell says how many
    unknown = league["Kode"].map(model["unknown"])
    verdicts = league[t("lg_pembina", "id", rule=pembina_rule(year))]
    maybe = league["Kode"].map(model["pembina"]).eq("mungkin")
    for cell, n in zip(verdicts[maybe], unknown[maybe], strict=True):
        assert cell == t("lg_pb_mungkin", "id", unknown=n) and n > 0
    if "provinsi" in params:  # the grid's "!" marks are explained where the grid has any
        with Store.open(real_store) as store:
            disputed = store.status_panel(province_code=params["provinsi"])["disputed"].any()
        explained = any(c.value == t("grid_disputed", "id") for c in at.caption)
        assert explained == bool(disputed)


def test_profile_on_real_store(real_store: Path) -> None:
    at = AppTest.from_file(PROFILE, default_timeout=120)
    at.query_params["kode"] = "74.71"
    at.run()
    _ok(at)
    assert at.header[0].value == "Kota Kendari"
    assert isinstance(at.dataframe[0].value, pd.DataFrame)


@pytest.mark.browser
def test_browser_shared_links_league_click_and_search(synthetic_store, tmp_path, artifacts) -> None:
    """Chromium opens a shared compare link and a profile link, picks a province by clicking a
    league-table row, and finds a region through the search box (screenshots in artifacts)."""
    from playwright.sync_api import sync_playwright

    from bench.harness import launch_chromium, serve
    from bench.page_screenshots import ScriptRuns, wait_drawn

    env = {"KKPHAM_DB": str(synthetic_store)}
    with serve("dashboard.py", env=env, log=tmp_path / "st.log") as url, sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1400, "height": 2400})
        runs = ScriptRuns(page)  # the app's websocket: is a script run going on?
        # 1. a shared link reproduces the view: province, both years, language
        page.goto(f"{url}/bandingkan?provinsi=74&tahun=2022&tahun2=2019&lang=en")
        page.get_by_text("Comparison across criteria regimes").first.wait_for(timeout=60_000)
        heading = "Share of kab/kota Peduli HAM — Sulawesi Tenggara"
        page.get_by_role("heading", name=heading).wait_for(timeout=60_000)
        assert wait_drawn(page, runs)[0]  # drawn and settled, for the screenshot
        page.screenshot(path=str(artifacts / "bandingkan_74_en.png"))
        assert "provinsi=74" in page.url and "tahun2=2019" in page.url and "lang=en" in page.url

        # 2. national view: clicking the first league-table row (canvas grid) picks its province
        page.goto(f"{url}/bandingkan?tahun=2022")
        page.get_by_text("Pilih provinsi").first.wait_for(timeout=60_000)
        box = page.locator("[data-testid='stDataFrame']").first.bounding_box()
        page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)
        page.wait_for_url("**provinsi=**", timeout=30_000)
        assert wait_drawn(page, runs)[0]  # drawn and settled, for the screenshot
        page.screenshot(path=str(artifacts / "bandingkan_league_click.png"))

        # 3. a profile link, then the search box with a news spelling ("Kolut")
        page.goto(f"{url}/wilayah?kode=74.71")
        page.get_by_role("heading", name="Kota Kendari").wait_for(timeout=60_000)
        assert wait_drawn(page, runs)[0]  # drawn and settled, for the screenshot
        page.screenshot(path=str(artifacts / "wilayah_74.71.png"))
        assert "provinsi=74" in page.url
        search = page.get_by_label(t("search", "id"))
        search.fill("Kolut")
        search.press("Enter")
        page.wait_for_url("**kode=74.08**", timeout=60_000)
        page.get_by_role("heading", name="Kolaka Utara").first.wait_for(timeout=60_000)
        browser.close()


def test_league_change_across_regimes_says_so(synthetic_store: Path) -> None:
    at = AppTest.from_file(COMPARE, default_timeout=120)
    at.query_params["tahun"], at.query_params["tahun2"] = "2021", "2022"  # both under 22/2021
    at.run()
    _ok(at)
    # the league's change compares 2021 with 2019 (34/2016 -> 22/2021): that warning alone
    warnings = [w.value for w in at.warning if w.value.startswith("Perbandingan lintas aturan")]
    assert len(warnings) == 1 and "34/2016" in warnings[0] and "22/2021" in warnings[0]


def test_2020_from_the_map_is_shown_as_not_assessed(synthetic_store: Path) -> None:
    at = AppTest.from_file(COMPARE, default_timeout=120)
    at.query_params["tahun"] = "2020"
    at.run()
    _ok(at)
    assert any("Tahun data 2020 tidak dinilai; ditampilkan 2019" in i.value for i in at.info)
    assert at.query_params["tahun"] == "2019" and not at.warning  # not "unknown value"


def test_award_year_mode_labels_the_years_on_the_compare_page(synthetic_store: Path) -> None:
    at = AppTest.from_file(COMPARE, default_timeout=120)
    at.query_params.update({"tahun": "2022", "jenis_tahun": "penghargaan", "provinsi": "74"})
    at.run()
    _ok(at)
    assert at.selectbox(key="cmp_tahun").label == "Tahun penghargaan"
    headings = [h.value for h in at.subheader]
    assert headings[0] == "Peringkat provinsi — 2023 (data 2022)"
    assert any("2022 (data 2021) → 2023 (data 2022)" in h for h in headings)
    # the grid's streak column and the streak table name award years like the grid's axis
    import json

    grid = next(
        json.loads(c.proto.spec)
        for c in at.get("plotly_chart")
        if any(tr.get("name") == "streak" for tr in json.loads(c.proto.spec)["data"])
    )
    head = next(a["text"] for a in grid["layout"]["annotations"] if a.get("name") == "streak_head")
    assert "s.d. 2023" in head  # as of data year 2022: award 2023
    with Store.open(synthetic_store) as store:
        cycles = store.cycles().set_index("data_year")["award_year"]
        panel = store.status_panel(province_code="74")
    awards = {str(int(a)) for a in cycles.dropna()}
    labels = next(tr["text"] for tr in grid["data"] if tr.get("name") == "streak")
    firsts = {label.split(" · ")[1] for label in labels} - {"—"}
    peduli_years = panel.loc[panel["status"] == "peduli", "data_year"]
    assert firsts and firsts <= awards
    assert firsts == {str(int(cycles[y])) for y in peduli_years.groupby(panel["code"]).min()}
    table = next(d.value for d in at.dataframe if "Pertama Peduli" in d.value.columns)
    assert "Berturut-turut s.d. 2023" in table.columns
    assert set(table["Pertama Peduli"]) - {"—"} == firsts


def test_a_province_without_a_result_is_named_not_ranked(app) -> None:
    """Prov Dua has no row in 2022: a league row of "0" and "None" read as a ranking."""
    at = app(COMPARE, tahun="2022", tahun2="2021")
    _ok(at)
    league = at.dataframe[0].value
    assert list(league["Provinsi"]) == ["Prov Satu"]
    unranked = t("lg_without", "id", year=2022, n=1, names="Prov Dua")
    assert any(md_escape(unranked) in c.value for c in at.caption)
    # its own page: no change 2021 -> 2022 (every kab/kota would read "no longer known")
    at = app(COMPARE, provinsi="75", tahun="2022", tahun2="2021")
    _ok(at)
    assert any(
        t("pr_slide_change_no_data", "id", year=2022, place="Prov Dua") == i.value for i in at.info
    )
    assert not any("2021" in d.value.columns for d in at.dataframe)  # no transition table
    grid = next(
        json.loads(c.proto.spec)
        for c in _charts(at)
        if any(tr.get("name") == "streak" for tr in json.loads(c.proto.spec)["data"])
    )
    labels = next(tr["text"] for tr in grid["data"] if tr.get("name") == "streak")
    assert labels and all(label.startswith("— · ") for label in labels)  # no "0×" as of 2022


def test_a_year_not_yet_published_has_no_ranking_and_no_change(synthetic_store: Path) -> None:
    """2024 (held, results not public): no league of 38 zeros, no change map of "no data any
    more", no streak of 0 for every kab/kota."""
    at = AppTest.from_file(COMPARE, default_timeout=120)
    at.query_params.update({"provinsi": "74", "tahun": "2024", "tahun2": "2023"})
    at.run()
    _ok(at)
    infos = [i.value for i in at.info]
    assert t("lg_unpublished", "id", year=2024) in infos
    # the change 2023 -> 2024: the year asked about is named (2023 has no Sultra row either)
    assert t("pr_slide_change_unpublished", "id", year=2024) in infos
    assert not any({"Provinsi", "% Peduli"} <= set(d.value.columns) for d in at.dataframe)
    assert t("pick_province_above", "id") not in [i.value for i in at.info]  # a province is set
    streak_col = t("st_streak", "id", year="2024")
    table = next(d.value for d in at.dataframe if streak_col in d.value.columns)
    assert table[streak_col].isna().all()  # shown as "—" (MISSING), never 0
    national = AppTest.from_file(COMPARE, default_timeout=120)
    national.query_params.update({"tahun": "2024", "tahun2": "2023"})
    national.run()
    _ok(national)  # no league row to click: the hint says "above" only
    assert t("pick_province_above", "id") in [i.value for i in national.info]
    # 2022 -> 2023: 2023 is published, but holds no Sultra row
    at.query_params.update({"provinsi": "74", "tahun": "2023", "tahun2": "2022"})
    at.run()
    assert t("pr_slide_change_no_data", "id", year=2023, place="Sulawesi Tenggara") in [
        i.value for i in at.info
    ]
