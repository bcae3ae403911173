"""Timeline, streaks, transitions, league table and pembina rule on a tiny synthetic store."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kkpham.model.league import league_table, meets_pembina, pembina_status, pembina_text
from kkpham.model.region_profile import claims_table, region_streak, streak_text, strip
from kkpham.model.timeline import (
    previous_held_year,
    regime_starts,
    reported_beside_ours,
    share_series,
    status_panel,
    streaks,
    year_labels,
)
from kkpham.model.transitions import (
    TRANSITIONS,
    classify,
    regime_note,
    transition_counts,
    transition_matrix,
    transitions,
    year_without_results,
)
from kkpham.store import Store
from kkpham.texts import t

PROVINCES = pd.DataFrame({"code": ["74", "75"], "name": ["Prov Satu", "Prov Dua"]})
REGIONS = pd.DataFrame(
    {
        "code": ["74.01", "74.02", "74.03", "74.04", "74.71", "75.01", "75.02"],
        "name": ["Kab A", "Kab B", "Kab C", "Kab Baru", "Kota D", "Kab E", "Kab F"],
        "kind": ["Kabupaten"] * 4 + ["Kota"] + ["Kabupaten"] * 2,
        "province_code": ["74"] * 5 + ["75"] * 2,
        "formed_year": pd.array([None, None, None, 2017, None, None, None], dtype="Int64"),
        "formed_basis": [None] * 7,
        "previous_code": [None] * 7,
        "area_km2": [1.0] * 7,
    }
)
YEARS = [2015, 2016, 2019, 2020, 2021, 2022]
CYCLES = pd.DataFrame(
    {
        "data_year": YEARS,
        "award_year": pd.array([2016, 2017, 2020, None, 2022, 2023], dtype="Int64"),
        "regime": ["A", "B", "B", None, "C", "C"],
        "regulation": [
            "Permenkumham 11/2013 jo. 25/2013",
            "Permenkumham 34/2016",
            "Permenkumham 34/2016",
            None,
            "Permenkumham 22/2021",
            "Permenkumham 22/2021",
        ],
        "held": [True, True, True, False, True, True],
        "decree_number": [None] * 6,
        "decree_date": [None] * 6,
        "award_date": [None] * 6,
        "note": [None] * 6,
        "source_url": ["https://example.org/c"] * 6,
    }
)


def claim(
    code: str,
    year: int,
    status: str,
    url: str = "https://news.example/1",
    kind: str = "berita",
    score: float = math.nan,
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
        "all_regions_statement": False,
    }


# 74.01: Peduli 2016, 2019, (2020 not held), 2021, 2022 -> streak 4 across 2020
# 74.02: Peduli 2015, unknown 2016, Peduli 2019, 2021, unknown... -> gaps
# 74.03: cukup 2019 -> mulai 2021 -> peduli 2022 ; 74.71 peduli 2019 -> belum 2021 -> no report 2022
CLAIMS = [
    claim("74.01", 2016, "peduli"),
    claim("74.01", 2019, "peduli"),
    claim("74.01", 2021, "peduli"),
    claim("74.01", 2022, "peduli", score=81.5),
    claim("74.02", 2015, "peduli"),
    claim("74.02", 2019, "peduli"),
    claim("74.02", 2022, "peduli"),
    claim("74.03", 2019, "cukup"),
    claim("74.03", 2021, "mulai"),
    claim("74.03", 2022, "peduli"),
    claim("74.71", 2019, "peduli"),
    claim("74.71", 2021, "belum"),
    claim("74.71", 2022, "tidak_melapor"),
    claim("74.71", 2021, "peduli", url="https://other.example/2"),  # a conflicting claim
    claim("75.01", 2021, "peduli"),
    claim("75.02", 2021, "kurang"),
    claim("75.01", 2019, "peduli"),
    claim("75.02", 2019, "cukup"),
]
COUNTS = pd.DataFrame(
    [
        {
            "province_code": "74",
            "data_year": 2022,
            "award_year": 2023,
            "data_year_derived": False,
            "awarded_count": 4,
            "total_regions": 5,
            "source_url": "https://news.example/count",
            "source_kind": "berita",
            "evidence": "4 of 5 kab/kota",
        }
    ]
)


def make_store(path) -> Store:
    """The synthetic store of these tests (also used by the page tests)."""
    s = Store.create(path)
    s.load_geography(PROVINCES, REGIONS)
    s.load_cycles(CYCLES)
    s.add_batch(pd.DataFrame(CLAIMS), origin="test", reported_counts=COUNTS)
    s.set_meta("build_id", "synthetic")
    return s


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    s = make_store(tmp_path_factory.mktemp("tl") / "t.duckdb")
    yield s
    s.close()


@pytest.fixture(scope="module")
def panel(store: Store) -> pd.DataFrame:
    return status_panel(store, "74")


def test_panel_has_every_region_and_cycle(panel: pd.DataFrame) -> None:
    assert len(panel) == 5 * len(YEARS)
    assert set(panel.loc[panel["data_year"] == 2020, "status"]) == {"tidak_dilaksanakan"}
    p = panel.set_index(["code", "data_year"])
    assert p.loc[("74.04", 2016), "status"] == "belum_terbentuk"
    assert p.loc[("74.04", 2019), "status"] == "tidak_diketahui"
    assert p.loc[("74.01", 2022), "score"] == 81.5
    assert p.loc[("74.71", 2021), "disputed"]
    assert p.loc[("74.01", 2021), "regime"] == "C" and p.loc[("74.01", 2021), "award_year"] == 2022


def test_streak_is_not_broken_by_2020(panel: pd.DataFrame) -> None:
    s = streaks(panel).set_index("code")
    assert s.loc["74.01", "streak"] == 4  # 2016, 2019, 2021, 2022: 2020 was not held
    assert s.loc["74.01", "first_peduli"] == 2016
    assert s.loc["74.01", "longest_streak"] == 4


def test_unknown_year_breaks_confirmed_streak_but_is_reported(panel: pd.DataFrame) -> None:
    s = streaks(panel).set_index("code")
    # 74.02: Peduli 2015, unknown 2016, Peduli 2019, unknown 2021, Peduli 2022
    assert s.loc["74.02", "streak"] == 1
    assert s.loc["74.02", "streak_bridged"] == 3
    assert s.loc["74.02", "streak_gap_years"] == (2016, 2021)
    assert s.loc["74.02", "first_peduli"] == 2015 and s.loc["74.02", "n_peduli"] == 3
    # a region that was never Peduli (and has no result in 2022: its streak there is unknown)
    assert pd.isna(s.loc["74.04", "streak"]) and pd.isna(s.loc["74.04", "first_peduli"])
    # as_of cuts the series: up to 2019 the first region has 2 years
    assert streaks(panel, as_of=2019).set_index("code").loc["74.01", "streak"] == 2
    # 74.71: Peduli 2019, Peduli 2021 (disputed, precedence), then did not report in 2022
    assert s.loc["74.71", "streak"] == 0 and s.loc["74.71", "last_run"] == 2
    assert s.loc["74.71", "last_peduli"] == 2021


def test_streak_text_names_gaps(panel: pd.DataFrame) -> None:
    text = streak_text(region_streak(panel, "74.02"), 2022)
    assert "**1 tahun** (terkonfirmasi)" in text and "2016, 2021" in text and "2015" in text
    assert "Belum ada" in streak_text(region_streak(panel, "74.04"), 2022)
    assert "Deret terakhir: 2 tahun, sampai tahun data 2021" in streak_text(
        region_streak(panel, "74.71"), 2022
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("peduli", "peduli", "tetap_peduli"),
        ("cukup", "peduli", "jadi_peduli"),
        ("tidak_melapor", "peduli", "jadi_peduli"),
        ("peduli", "belum", "lepas_peduli"),
        ("peduli", "tidak_melapor", "lepas_peduli"),
        ("mulai", "cukup", "naik_pita"),
        ("cukup", "kurang", "turun_pita"),
        ("belum", "cukup", "naik_pita"),
        ("cukup", "belum", "turun_pita"),
        ("mulai", "belum", "tetap_belum"),
        ("mulai", "mulai", "tetap_belum"),
        ("tidak_diketahui", "mulai", "baru_melapor"),
        ("tidak_diketahui", "peduli", "baru_melapor"),
        ("belum_terbentuk", "belum", "baru_melapor"),
        ("tidak_melapor", "kurang", "baru_melapor"),
        ("kurang", "tidak_melapor", "berhenti_melapor"),
        ("peduli", "tidak_diketahui", "tidak_diketahui_lagi"),
        ("tidak_diketahui", "tidak_melapor", "tetap_kosong"),
        ("belum_terbentuk", "tidak_diketahui", "tetap_kosong"),
    ],
)
def test_classify_every_category(a: str, b: str, expected: str) -> None:
    assert classify(a, b) == expected


def test_classify_rejects_not_held_and_unknown() -> None:
    with pytest.raises(ValueError, match="not held"):
        classify("tidak_dilaksanakan", "peduli")
    with pytest.raises(ValueError, match="unknown status"):
        classify("peduli", "gold")


def test_every_category_reachable() -> None:
    statuses = [
        "peduli",
        "cukup",
        "mulai",
        "kurang",
        "belum",
        "tidak_melapor",
        "tidak_diketahui",
        "belum_terbentuk",
    ]
    seen = {classify(a, b) for a in statuses for b in statuses}
    assert seen == {t.key for t in TRANSITIONS}


def test_transitions_between_years_and_regime_flag(panel: pd.DataFrame) -> None:
    tr = transitions(panel, 2019, 2022, CYCLES).set_index("code")
    assert tr.loc["74.01", "transition"] == "tetap_peduli"
    assert tr.loc["74.03", "transition"] == "jadi_peduli"
    assert tr.loc["74.71", "transition"] == "lepas_peduli"
    assert tr.loc["74.04", "transition"] == "tetap_kosong"
    assert tr["regimes_differ"].all() and tr["regime_a"].iloc[0] == "B"
    same = transitions(panel, 2021, 2022, CYCLES)
    assert not same["regimes_differ"].any()
    assert regime_note(CYCLES, 2021, 2022) is None
    assert "34/2016" in regime_note(CYCLES, 2019, 2022) and "22/2021" in regime_note(
        CYCLES, 2019, 2022
    )
    with pytest.raises(ValueError, match="2020"):
        transitions(panel, 2019, 2020, CYCLES)


def test_transition_matrix_and_counts(panel: pd.DataFrame) -> None:
    tr = transitions(panel, 2019, 2022, CYCLES)
    m = transition_matrix(tr)
    assert m.loc["peduli", "peduli"] == 2  # 74.01 and 74.02
    assert m.loc["cukup", "peduli"] == 1 and m.loc["peduli", "tidak_melapor"] == 1
    assert int(m.to_numpy().sum()) == 5
    assert list(m.index) == list(m.columns)  # same vocabulary order on both axes
    counts = transition_counts(tr).set_index("transition")["count"]
    assert len(counts) == len(TRANSITIONS) and counts["tetap_peduli"] == 2
    assert counts.sum() == 5


def test_share_series_bounds_and_not_held(panel: pd.DataFrame) -> None:
    s = share_series(panel).set_index("data_year")
    assert s.loc[2016, "total"] == 4  # 74.04 not formed yet
    assert s.loc[2022, "peduli"] == 3 and s.loc[2022, "total"] == 5
    assert s.loc[2022, "share"] == pytest.approx(0.6)
    assert s.loc[2022, "share_max"] == pytest.approx(0.8)  # 74.04 unknown
    assert math.isnan(s.loc[2020, "share"])
    national = share_series(panel, per_province=False)
    assert set(national["province_name"]) == {"Indonesia"}


def test_reported_counts_sit_beside_ours(store: Store, panel: pd.DataFrame) -> None:
    side = reported_beside_ours(share_series(panel), store.reported_counts(province_code="74"))
    row = side.iloc[0]
    assert row["awarded_count"] == 4 and row["ours_peduli"] == 3 and row["gap"] == 1
    assert row["reported_share"] == pytest.approx(0.8) and row["ours_unknown"] == 1


@pytest.mark.parametrize(
    ("peduli", "total", "year", "ok"),
    [
        (3, 5, 2021, True),  # exactly 60% from 2021
        (5, 9, 2021, False),  # 55.6%
        (3, 5, 2019, True),  # 60% > 50%
        (2, 4, 2019, False),  # exactly 50% is not "more than half"
        (3, 5, 2020, True),
        (3, 4, 2019, True),
        (6, 10, 2022, True),
        (59, 100, 2022, False),
        (0, 0, 2022, False),
    ],
)
def test_pembina_threshold(peduli: int, total: int, year: int, ok: bool) -> None:
    assert meets_pembina(peduli, total, year) is ok


def test_pembina_lower_bound_wording() -> None:
    assert pembina_status(2, 2, 5, 2022) == "mungkin"
    assert pembina_status(1, 1, 5, 2022) == "tidak"
    assert pembina_text(3, 1, 5, 2022).startswith("3 dari 5 kab/kota (60%) Peduli HAM, 1 belum")
    assert "belum ada data" not in pembina_text(3, 0, 5, 2022)
    assert "1 without data" in pembina_text(3, 1, 5, 2022, lang="en")


def test_league_table(store: Store) -> None:
    series = share_series(status_panel(store))
    table = league_table(series, 2021, CYCLES, formed={}).set_index("province_code")
    assert table.loc["74", "peduli"] == 2  # 74.01 and 74.71 (disputed: precedence picks peduli)
    assert table.loc["74", "previous_year"] == 2019  # 2020 skipped
    assert table.loc["74", "share_prev"] == pytest.approx(3 / 5)
    assert table.loc["74", "change"] == pytest.approx((2 / 5 - 3 / 5) * 100)
    assert not table.loc["74", "change_complete"]  # 2021 and 2019 both have unknown kab/kota
    assert table.loc["75", "share"] == pytest.approx(0.5)
    assert table.loc["75", "change_complete"] and table.loc["75", "change"] == pytest.approx(0)
    assert table.loc["75", "pembina"] == "tidak"  # 50% < 60% in 2021
    assert table.loc["75", "all_peduli_streak"] == 0
    # 74 in 2021: 2 of 5 Peduli, 2 unknown: pembina still possible, so its streak is unknown
    assert table.loc["74", "pembina"] == "mungkin" and pd.isna(table.loc["74", "pembina_streak"])
    assert table.loc["74", "all_peduli_streak"] == 0  # a Mulai: not every kab/kota Peduli
    t22 = league_table(series, 2022, CYCLES, formed={}).set_index("province_code")
    assert t22.loc["74", "pembina"] == "ya" and t22.loc["74", "pembina_streak"] == 1
    assert t22.index[0] == "74"  # sorted by share
    with pytest.raises(ValueError, match="2020"):
        league_table(series, 2020, CYCLES, formed={})


def test_cycle_helpers() -> None:
    assert previous_held_year(CYCLES, 2021) == 2019
    assert previous_held_year(CYCLES, 2015) is None
    assert [y for y, _, _ in regime_starts(CYCLES)] == [2016, 2021]
    assert year_labels(CYCLES, "award")[2020] == "—" and year_labels(CYCLES)[2019] == "2019"
    with pytest.raises(ValueError, match="year mode"):
        year_labels(CYCLES, "fiscal")


def test_profile_strip_and_claims(store: Store, panel: pd.DataFrame) -> None:
    s = strip(panel, "74.71")
    assert list(s["data_year"]) == YEARS
    table = claims_table(store.claims(region_code="74.71"), rows=panel[panel["code"] == "74.71"])
    y21 = table[table["data_year"] == 2021]
    assert len(y21) == 2 and y21["disputed"].all() and y21["shown"].sum() == 1
    assert table["data_year"].iloc[0] == 2022  # newest first
    with pytest.raises(KeyError, match="99.99"):
        strip(panel, "99.99")


def test_a_year_without_any_row_has_no_confirmed_share(panel: pd.DataFrame) -> None:
    blank = panel.copy()
    in_2021 = (blank["data_year"] == 2021) & (blank["status"] != "belum_terbentuk")
    blank.loc[in_2021, "status"] = "tidak_diketahui"
    s = share_series(blank).set_index("data_year")
    assert math.isnan(s.loc[2021, "share"])  # not 0%: that would read as "all lost"
    # nor "up to 100%": a year without results says nothing about the share
    assert math.isnan(s.loc[2021, "share_max"]) and s.loc[2022, "share"] == pytest.approx(0.6)


def test_streak_as_of_a_year_without_a_result_is_unknown_not_zero(panel: pd.DataFrame) -> None:
    """0 read as "lost" for every kab/kota of a year not yet published (the grid said "0×")."""
    s21 = streaks(panel, as_of=2021).set_index("code")
    # 74.02: Peduli 2019, nothing known in 2021: the streak as of 2021 is unknown; the last run is
    # still told
    assert pd.isna(s21.loc["74.02", "streak"]) and pd.isna(s21.loc["74.02", "streak_bridged"])
    assert s21.loc["74.02", "last_run"] == 1 and s21.loc["74.02", "last_peduli"] == 2019
    text = streak_text(region_streak(panel, "74.02", 2021), 2021)
    assert text.startswith(t("pf_streak_unknown", "id", year=2021))
    assert "Deret terakhir: 1 tahun, sampai tahun data 2019" in text
    # a cited status that is not Peduli still ends the streak: 0, not unknown
    assert s21.loc["74.03", "streak"] == 0  # Mulai in 2021


def test_a_change_needs_results_in_both_years(store: Store) -> None:
    """Province 75 has no row in 2022: 2021 -> 2022 would read "no longer known" for all."""
    cycles = store.cycles()
    p75 = status_panel(store, "75")
    assert year_without_results(p75, cycles, (2021, 2022)) == (2022, True)
    assert year_without_results(p75, cycles, (2016, 2021)) == (2016, True)  # the earlier year too
    assert year_without_results(p75, cycles, (2019, 2021)) is None
    unpublished = cycles.assign(results_public=cycles["data_year"] != 2022)
    assert year_without_results(p75, unpublished, (2021, 2022)) == (2022, False)
    assert year_without_results(status_panel(store, "74"), cycles, (2021, 2022)) is None


def test_provinces_left_out_of_a_ranking_are_named_by_why() -> None:
    """Not yet formed (or without a kab/kota), no result, results not yet published: three
    sentences, never one look."""
    from kkpham.model.league import split_ranked, unranked_text

    def row(code, name, total, peduli, unknown, pembina, formed=None):
        return {"province_code": code, "province_name": name, "total": total, "peduli": peduli,
                "unknown": unknown, "pembina": pembina, "formed_year": formed}  # fmt: skip

    table = pd.DataFrame(
        [
            row("11", "Aceh", 23, 2, 21, "mungkin"),
            row("12", "Sumut", 33, 0, 33, "tanpa_hasil"),
            row("94", "Papua Tengah", 8, 1, 7, "belum_terbentuk", 2022),  # ranked, not formed
            row("95", "Papua Pegunungan", 8, 0, 8, "belum_terbentuk", 2022),
            row("99", "Tanpa kab/kota", 0, 0, 0, "tidak"),
        ]
    ).astype({"formed_year": "Int64"})
    ranked, without, not_formed = split_ranked(table)
    assert list(ranked["province_code"]) == ["11", "94"]
    assert list(without["province_code"]) == ["12"]
    assert list(not_formed["province_code"]) == ["95", "94", "99"]  # by name
    text = unranked_text(without, not_formed, 2016, True, "id")
    assert t("lg_without", "id", year=2016, n=1, names="Sumut") in text
    formed = t("lg_formed_in", "id", year=2022)
    names = f"Papua Pegunungan, Papua Tengah ({formed}); Tanpa kab/kota"
    assert t("lg_not_formed", "id", year=2016, n=3, names=names) in text
    unpublished = unranked_text(without, not_formed.head(0), 2024, False, "en")
    assert unpublished == t("lg_without_unpublished", "en", year=2024, n=1, names="Sumut")
