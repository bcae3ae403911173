"""Every routed page via the router with AppTest on the synthetic store (``tests/synthetic.py``,
whose facts hold by construction); the map's URL state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kkpham.model.mapdata import boundary_build_id, geometry_url, province_summary
from kkpham.store import Store
from kkpham.texts import t
from kkpham.ui import table_widths
from kkpham.ui.pages import PAGE_SPECS, present_specs

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")


def ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def text_of(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_router_knows_the_map_and_sources_pages() -> None:
    paths = [s.path for s in present_specs()]
    assert paths[0] == "pages/peta.py" and "pages/sumber.py" in paths
    assert len({s.url_path for s in PAGE_SPECS}) == len(PAGE_SPECS)


@pytest.mark.parametrize("spec", present_specs(), ids=lambda s: s.url_path)
def test_every_routed_page_runs(spec, app) -> None:
    at = app()
    at.switch_page(spec.path).run()
    ok(at)
    assert at.title, f"{spec.path} shows no title"
    # the language switch beside the title (the page has no sidebar since the navigation
    # moved to the top bar)
    switch = [r for r in at.radio if r.key == "lang_switch_id"]
    assert switch and switch[0].value == "id", f"{spec.path} has no language switch"
    assert not at.sidebar.children, f"{spec.path} draws a sidebar"


def test_root_forwards_to_the_map_keeping_the_query(app) -> None:
    at = app(tahun="2022", provinsi="74")
    ok(at)
    assert at.title[0].value == "Peta Kabupaten/Kota Peduli HAM"
    assert at.query_params["tahun"] == "2022" and at.query_params["provinsi"] == "74"
    assert at.query_params["versi"]  # the data build the view was made from


def test_map_chart_references_geometry_by_url_and_local_topojson(app, synthetic_settings) -> None:
    at = app(tahun="2022", provinsi="74")
    chart = at.get("plotly_chart")[0].proto
    spec, config = json.loads(chart.spec), json.loads(chart.config)
    with Store.open(synthetic_settings.db_path) as store:
        build = boundary_build_id(store)
        n_regions = len(store.regions("74"))
    assert spec["data"][0]["geojson"] == geometry_url(build, "74")
    assert len(spec["data"]) == 1 and len(spec["data"][0]["locations"]) == n_regions
    assert config["topojsonURL"] == "/app/static/topojson/"  # Streamlit passes it through


def test_province_and_year_widgets_write_the_url_and_the_summary_matches(
    app, synthetic_settings
) -> None:
    at = app(tahun="2022")
    ok(at)
    assert "provinsi" not in at.query_params
    at.selectbox(key="peta_provinsi").set_value("74").run()
    assert at.query_params["provinsi"] == "74" and at.query_params["tahun"] == "2022"
    at.select_slider(key="peta_tahun").set_value("2019").run()
    ok(at)
    assert at.query_params["provinsi"] == "74" and at.query_params["tahun"] == "2019"
    with Store.open(synthetic_settings.db_path) as store:
        expected = province_summary(store, 2019, "74")
    shown = text_of(at)
    assert f"**Peduli HAM:** {expected['peduli']} dari {expected['total']}" in shown
    assert f"**Daerah dengan data:** {expected['known']} dari {expected['total']}" in shown
    assert f"**Sumber berbeda:** {expected['disputed']} daerah" in shown
    at.selectbox(key="peta_provinsi").set_value("").run()  # back to the whole country
    assert "provinsi" not in at.query_params


def test_2020_is_shown_as_not_held(app) -> None:
    at = app(tahun="2020", provinsi="19")
    ok(at)
    assert any("tidak dilaksanakan" in c.value for c in at.caption)
    notes = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["annotations"]
    legend = [a["text"].replace("<br>", " ") for a in notes]  # long labels wrap
    assert any(x.startswith("Penilaian tidak dilaksanakan (") and "(0)" not in x for x in legend)


def test_invalid_url_values_fall_back_with_a_notice(app) -> None:
    at = app(tahun="1999", provinsi="<b>99</b>")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    # the rejected value is echoed as text: escaped, never as markup (issue 7)
    assert "tahun=«1999»" in warnings and "provinsi=«&lt;b&gt;99&lt;/b&gt;»" in warnings
    assert "provinsi" not in at.query_params and at.query_params["tahun"] != "1999"


@pytest.mark.parametrize(
    "spec",
    [s for s in present_specs() if s.url_path in {"peta", "sumber"}],
    ids=lambda s: s.url_path,
)
def test_missing_store_says_how_to_build_it(spec, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("KKPHAM_DB", str(tmp_path / "absent.duckdb"))
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    at.switch_page(spec.path).run()
    assert not at.exception
    assert at.error and "make build" in at.error[0].value


def test_summary_gives_a_range_when_data_is_missing_and_groups_sources(app, synthetic_settings):
    with Store.open(synthetic_settings.db_path) as store:
        national = province_summary(store, 2022, None)
        sultra = province_summary(store, 2019, "74")
    at = app(tahun="2022")
    ok(at)
    shown = text_of(at)

    def pct(x: float) -> str:
        return f"{100 * x:.1f}%".replace(".", ",")

    low = pct(national["peduli_share"])
    assert national["unknown"] > 0  # the synthetic data is sparse: say how much is not covered
    assert f"({low}). {national['unknown']} kab/kota belum ada data." in shown

    at = app(tahun="2019", provinsi="74")
    ok(at)
    shown = text_of(at)
    # two (synthetic) sources say "14 of 17" (9 Peduli + 5 Cukup, regime B awarded both): one
    # line, two links
    assert shown.count("**14 dari 17**") == 1 and "[1](" in shown and "[2](" in shown
    assert f"**{sultra['peduli']} Peduli HAM**, {sultra['cukup']} Cukup Peduli HAM" in shown
    assert "Cukup Peduli HAM juga menerima penghargaan" in shown


def test_a_year_not_held_shows_no_shares(app):
    at = app(tahun="2020", provinsi="74")
    ok(at)
    shown = text_of(at)
    assert "tidak dinilai" in shown and "COVID-19" in shown
    assert "Peduli HAM:**" not in shown and "%" not in shown


def test_a_year_without_any_data_says_so_instead_of_a_share(app, synthetic_settings):
    with Store.open(synthetic_settings.db_path) as store:
        kalteng = province_summary(store, 2023, "62")
    assert kalteng["known"] == 0  # the synthetic store has no Kalteng 2023 row
    at = app(tahun="2023", provinsi="62")
    ok(at)
    shown = text_of(at)
    assert f"belum ada data untuk tahun ini ({kalteng['total']} kab/kota)" in shown
    assert "%" not in shown


def test_a_province_opens_on_its_latest_year_with_data(app, synthetic_settings):
    with Store.open(synthetic_settings.db_path) as store:
        claims = store.claims()
    latest = int(claims.loc[claims["region_code"].str.startswith("74."), "data_year"].max())
    national = int(claims["data_year"].max())
    assert latest < national  # synthetic Sultra has no 2023 row: it must not open on it
    at = app(provinsi="74")
    ok(at)
    assert at.query_params["tahun"] == str(latest)
    assert app().query_params["tahun"] == str(national)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sources_page_shows_each_decree_number_whole(lang, synthetic_settings, monkeypatch):
    monkeypatch.setenv("KKPHAM_DB", str(synthetic_settings.db_path))
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["lang"] = lang
    at.run().switch_page("pages/sumber.py").run()
    assert not at.exception
    cycles = next(d for d in at.dataframe if t("decree", lang) in d.value.columns)
    config = json.loads(cycles.proto.columns)[t("decree", lang)]
    # auto-sized, the grid cut "M.HH-02.HA.02.01.01 Tahun 2022"; sized, each is whole in the
    # lines its row has (one, or more where the English compiler's note wraps)
    row_px = cycles.proto.row_height or table_widths.ROW_PX
    lines = max(1, int((row_px - table_widths.ROW_PAD_PX) / table_widths.LINE_PX))
    for decree in cycles.value[t("decree", lang)].dropna():
        assert (
            table_widths.lines_needed(decree, config["width"] - table_widths.CELL_PAD_PX) <= lines
        )


def test_source_links_in_tables_show_their_site(app) -> None:
    """The map's kab/kota table showed each source's whole address, which pushed the decree,
    disputed and profile columns out of a 1366 px page; every table shows the site."""
    from kkpham.ui.safe_text import SOURCE_DISPLAY

    at = app(tahun="2022", provinsi="74")
    ok(at)
    configs = [json.loads(d.proto.columns) for d in at.dataframe]
    links = [
        c
        for columns in configs
        for c in columns.values()
        if c.get("type_config", {}).get("type") == "link"
        and c.get("label") in (t("source", "id"), None)
    ]
    shown = [c["type_config"].get("display_text") for c in links]
    assert shown and SOURCE_DISPLAY in shown
    assert None not in shown  # no link column shows a bare URL


def test_missing_store_is_explained_in_the_page_language(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("KKPHAM_DB", str(tmp_path / "absent.duckdb"))
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.error and at.error[0].value.startswith("The database has not been built")
