"""Figures and tables built once per view (``kkpham.ui.view_cache``): a warm rerun reuses them, a
write (undo, import) makes the next run build them from the new data, and the key separates
what differs between views (language, year)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from synthetic import DISPUTED, IMPORT_CSV

from kkpham.model.regions import resolver_for
from kkpham.store import Store
from kkpham.texts import t
from kkpham.ui import view_cache
from kkpham.write.stewardship import commit_file, undo

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
CODE, YEAR = DISPUTED  # Kota Kendari 2022: Peduli (build) against Belum (the synthetic import)


@pytest.fixture
def store_copy(synthetic_settings, tmp_path, monkeypatch):
    """Settings of a copy of the synthetic store the app reads (writes stay in ``tmp_path``)."""
    db = tmp_path / "salinan.duckdb"
    shutil.copy(synthetic_settings.db_path, db)
    monkeypatch.setenv("KKPHAM_DB", str(db))
    return replace(synthetic_settings, db_path=db, backup_dir=tmp_path / "backups")


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def map_hover(at: AppTest, code: str) -> str:
    trace = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    return trace["text"][trace["locations"].index(code)]


def title(at: AppTest) -> str:
    return json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["title"]["text"]


def table_row(at: AppTest, code: str) -> dict:
    """The region's row of the table under the map, but its profile link (it names the data
    version, which every write changes)."""
    frame = at.dataframe[-1].value
    return frame[frame.iloc[:, 0] == code].iloc[0].drop(t("profile", "id")).to_dict()


def import_batch(db: Path) -> int:
    with Store.open(db) as store:
        batches = store.batches()
    return int(batches.loc[batches["origin"] != "build", "batch_id"].max())


def test_a_write_rebuilds_the_cached_map_figure_and_table(store_copy) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    at.query_params.update({"provinsi": CODE[:2], "tahun": str(YEAR)})
    run(at)
    disputed_hover = map_hover(at, CODE)
    assert f"<b>{t('disputed', 'id')}:</b>" in disputed_hover
    disputed_row = table_row(at, CODE)
    assert map_hover(run(at), CODE) == disputed_hover  # warm rerun: the same figure

    undo(import_batch(store_copy.db_path), store_copy, who="uji")  # the dispute is gone
    run(at)
    assert f"<b>{t('disputed', 'id')}:</b>" not in map_hover(at, CODE)
    assert table_row(at, CODE) != disputed_row

    commit_file(IMPORT_CSV.encode(), "lagi.csv", resolver_for(store_copy), store_copy, who="uji")
    run(at)  # the same claims again: the same figure and table as before the undo
    assert map_hover(at, CODE) == disputed_hover
    assert table_row(at, CODE) == disputed_row


def test_a_write_rebuilds_the_compare_page_grid(store_copy) -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "bandingkan.py"), default_timeout=120)
    at.query_params.update({"provinsi": CODE[:2], "tahun": str(YEAR)})
    run(at)

    def marks(at: AppTest) -> int:  # the grid's "!" marks (disputed cells)
        grid = next(
            json.loads(c.proto.spec)
            for c in at.get("plotly_chart")
            if any(
                t.get("name") == "status" and t["type"] == "heatmap"
                for t in json.loads(c.proto.spec)["data"]
            )
        )
        return sum(
            len(t["x"])
            for t in grid["data"]
            if t["type"] == "scatter" and t.get("mode") == "text" and t.get("text", [""])[0] == "!"
        )

    before = marks(at)
    assert before >= 1
    undo(import_batch(store_copy.db_path), store_copy, who="uji")
    assert marks(run(at)) == before - 1


def test_the_key_separates_languages_and_years(store_copy) -> None:
    view_cache.clear()
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    at.query_params.update({"provinsi": CODE[:2], "tahun": str(YEAR)})
    hover_id = map_hover(run(at), CODE)
    at.query_params["lang"] = "en"
    hover_en = map_hover(run(at), CODE)
    assert hover_en != hover_id
    title_en = title(at)
    at.query_params["tahun"] = str(YEAR - 3)
    assert str(YEAR - 3) in title(run(at)) and title(at) != title_en
    at.query_params.pop("lang")
    at.query_params["tahun"] = str(YEAR)
    assert map_hover(run(at), CODE) == hover_id
