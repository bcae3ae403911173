"""Store, precedence and map-frame behaviour on a tiny hand-made geography (synthetic test data)."""

from __future__ import annotations

import math

import duckdb
import pandas as pd
import pytest

from kkpham.model.mapdata import map_frame, province_summary
from kkpham.store import Store

PROVINCES = pd.DataFrame({"code": ["74"], "name": ["Sulawesi Tenggara"]})
REGIONS = pd.DataFrame(
    {
        "code": ["74.01", "74.02", "74.15", "74.71"],
        "name": ["Kabupaten Kolaka", "Kabupaten Konawe", "Kabupaten Buton Selatan", "Kota Kendari"],
        "kind": ["Kabupaten", "Kabupaten", "Kabupaten", "Kota"],
        "province_code": ["74"] * 4,
        "formed_year": pd.array([None, None, 2014, None], dtype="Int64"),
        "formed_basis": [None, None, "UU 16/2014", None],
        "previous_code": [None] * 4,
        "area_km2": [1.0, 2.0, 3.0, 4.0],
    }
)
CYCLES = pd.DataFrame(
    {
        "data_year": [2013, 2019, 2020, 2022],
        "award_year": pd.array([2014, 2020, None, 2023], dtype="Int64"),
        "regime": ["A", "B", None, "C"],
        "regulation": ["11/2013", "34/2016", None, "22/2021"],
        "held": [True, True, False, True],
        "decree_number": [None] * 4,
        "decree_date": [None] * 4,
        "award_date": [None] * 4,
        "note": [None] * 4,
        "source_url": ["https://example.org/c"] * 4,
    }
)


def claim(
    code: str,
    year: int,
    status: str,
    url: str,
    kind: str = "berita",
    score: float = math.nan,
    general: bool = False,
) -> dict:
    return {
        "region_code": code,
        "data_year": year,
        "award_year": year + 1,
        "data_year_derived": False,
        "status": status,
        "score": score,
        "source_url": url,
        "source_kind": kind,
        "name_in_source": code,
        "note": "",
        "all_regions_statement": general,
    }


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store.create(tmp_path / "t.duckdb")
    s.load_geography(PROVINCES, REGIONS)
    s.load_cycles(CYCLES)
    yield s
    s.close()


def test_derived_states_are_distinct(store: Store) -> None:
    store.add_batch(
        pd.DataFrame([claim("74.71", 2019, "tidak_melapor", "https://a.id/1")]), origin="test"
    )
    f = map_frame(store, 2013, "74").set_index("code")
    assert f.loc["74.15", "status"] == "belum_terbentuk"  # formed 2014
    assert f.loc["74.01", "status"] == "tidak_diketahui"
    f19 = map_frame(store, 2019, "74").set_index("code")
    assert f19.loc["74.71", "status"] == "tidak_melapor"
    assert f19.loc["74.71", "source_url"] == "https://a.id/1"
    assert f19.loc["74.15", "status"] == "tidak_diketahui"  # formed by then, nothing known
    assert set(map_frame(store, 2020, "74")["status"]) == {"tidak_dilaksanakan"}


def test_precedence_and_dispute(store: Store) -> None:
    store.add_batch(
        pd.DataFrame(
            [
                claim("74.01", 2022, "belum", "https://news.com/omitted"),
                claim("74.01", 2022, "peduli", "https://news.com/named"),
                claim("74.01", 2022, "peduli", "https://other.com/named"),
                claim("74.02", 2022, "peduli", "https://news.com/x"),
                claim(
                    "74.02", 2022, "belum", "https://sultra.kemenkumham.go.id/y", kind="pemerintah"
                ),
                claim("74.71", 2022, "peduli", "https://news.com/all", general=True),
            ]
        ),
        origin="test",
    )
    f = map_frame(store, 2022, "74").set_index("code")
    # more sources support peduli for Kolaka; the government page wins for Konawe
    assert f.loc["74.01", "status"] == "peduli" and f.loc["74.01", "n_claims"] == 3
    assert f.loc["74.02", "status"] == "belum" and f.loc["74.02", "disputed"]
    assert "news.com" in f.loc["74.02", "claims_text"]
    assert not f.loc["74.71", "disputed"]
    # a later batch (a correction) beats an earlier one of the same source kind
    store.add_batch(
        pd.DataFrame([claim("74.71", 2022, "belum", "https://news.com/fix")]), origin="import"
    )
    assert map_frame(store, 2022, "74").set_index("code").loc["74.71", "status"] == "belum"


def test_batch_is_all_or_nothing(store: Store) -> None:
    before = store.counts()
    bad = pd.DataFrame(
        [
            claim("74.01", 2022, "peduli", "https://a.id/1"),
            claim("99.99", 2022, "peduli", "https://a.id/2"),
        ]
    )
    with pytest.raises(duckdb.Error):
        store.add_batch(bad, origin="test")
    assert store.counts() == before


def test_undo_batch_restores_previous_view(store: Store) -> None:
    first = store.add_batch(
        pd.DataFrame([claim("74.01", 2022, "peduli", "https://a.id/1")]), origin="test"
    )
    version = store.data_version()
    second = store.add_batch(
        pd.DataFrame([claim("74.01", 2022, "belum", "https://b.id/1")]), origin="import"
    )
    assert store.data_version() != version
    assert store.undo_batch(second) == 1
    assert first != second
    assert map_frame(store, 2022, "74").set_index("code").loc["74.01", "status"] == "peduli"


def test_summary_counts_exclude_unformed(store: Store) -> None:
    store.add_batch(pd.DataFrame([claim("74.01", 2013, "peduli", "https://a.id/1")]), origin="test")
    s = province_summary(store, 2013, "74")
    assert s["total"] == 3 and s["peduli"] == 1
    assert s["counts"] == {"tidak_diketahui": 2, "peduli": 1, "belum_terbentuk": 1}
    # the share over all formed regions is a lower bound; the panel needs what it rests on
    assert s["known"] == 1 and s["unknown"] == 2 and s["peduli_share_of_known"] == 1.0
    assert s["held"] and not province_summary(store, 2020, "74")["held"]


def test_read_only_store_refuses_writes(store: Store, tmp_path) -> None:
    store.close()
    with Store.open(tmp_path / "t.duckdb", read_only=True) as ro, pytest.raises(duckdb.Error):
        ro.set_meta("x", "y")


def test_national_counts_are_kept_apart_from_provincial_ones(store: Store) -> None:
    def count(province: str | None, n: int, url: str) -> dict:
        return {
            "province_code": province,
            "data_year": 2019,
            "award_year": 2020,
            "data_year_derived": True,
            "awarded_count": n,
            "total_regions": 514,
            "source_url": url,
            "source_kind": "berita",
            "evidence": "e",
        }

    counts = pd.DataFrame([count(None, 259, "https://n.id/1"), count("74", 14, "https://p.id/1")])
    store.add_batch(
        pd.DataFrame([claim("74.01", 2019, "peduli", "https://a.id/1")]),
        origin="test",
        reported_counts=counts,
    )
    assert list(store.reported_counts()["awarded_count"]) == [14]
    national = store.national_counts(2019)
    assert list(national["awarded_count"]) == [259] and national["province_code"].isna().all()
    assert [r["awarded_count"] for r in province_summary(store, 2019, None)["reported"]] == [259]
    assert [r["awarded_count"] for r in province_summary(store, 2019, "74")["reported"]] == [14]


def test_a_second_batch_may_cite_a_source_already_stored(store: Store) -> None:
    store.add_batch(
        pd.DataFrame([claim("74.01", 2022, "peduli", "https://a.id/decree")]), origin="test"
    )
    store.add_batch(
        pd.DataFrame([claim("74.02", 2022, "peduli", "https://a.id/decree")]), origin="import"
    )
    assert store.counts()["sources"] == 1 and store.counts()["results"] == 2
    assert set(store.claims(data_year=2022)["source_url"]) == {"https://a.id/decree"}
