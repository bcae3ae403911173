"""The derived status panel, checked as a table: on the real store (invariants, not today's
totals), against the per-year derivation it replaced, and kept current by every write."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_importer import csv_bytes, make_resolver, make_settings, row

from kkpham.model import panel
from kkpham.model.mapdata import map_frame, source_label
from kkpham.model.precedence import choose
from kkpham.model.timeline import streaks
from kkpham.settings import Settings
from kkpham.store import Store
from kkpham.vocab import BY_KEY, STORED_KEYS
from kkpham.write.stewardship import backups, commit_file, restore, undo


@pytest.fixture(scope="module")
def real(built_settings: Settings):
    with Store.open(built_settings.db_path) as store:
        yield store, panel.read(store), store.claims(), store.cycles()


def legacy_map_frame(store: Store, data_year: int, province_code: str | None) -> pd.DataFrame:
    """The map frame as it was derived before the panel: one year at a time (the oracle)."""
    regions = store.regions(province_code)
    claims = store.claims(data_year=data_year, province_code=province_code)
    w = choose(claims).set_index("region_code").reindex(regions["code"])
    cycles = store.cycles().set_index("data_year")
    held = bool(data_year in cycles.index and cycles.loc[data_year, "held"])
    frame = regions[["code", "name", "kind", "province_code", "province_name"]].copy()
    status = pd.Series(w["status"].to_numpy(dtype=object), index=frame.index)
    status = status.where(w["status"].notna().to_numpy(), "tidak_diketahui")
    formed = regions["formed_year"]
    status[(formed.notna() & (formed > data_year)).fillna(False).to_numpy(dtype=bool)] = (
        "belum_terbentuk"
    )
    public = bool(cycles.loc[data_year, "results_public"]) if held else True
    if not public:  # issue 11: a held cycle without a public list is "not yet published"
        status[status == "tidak_diketahui"] = "belum_diumumkan"
    if not held:
        status[:] = "tidak_dilaksanakan"
    frame["status"] = status
    frame["status_code"] = frame["status"].map(lambda k: BY_KEY[k].code).astype(int)
    stored = frame["status"].map(lambda k: BY_KEY[k].stored).to_numpy()
    frame["score"] = w["score"].to_numpy(dtype=float)
    frame["source_url"] = w["source_url"].fillna("").to_numpy()
    frame["source_label"] = frame["source_url"].map(lambda u: source_label(u) if u else "")
    frame["n_claims"] = w["n_claims"].fillna(0).astype(int).to_numpy()
    frame["disputed"] = w["disputed"].fillna(False).astype(bool).to_numpy() & stored
    text = claims["status"] + " (" + claims["source_url"].map(source_label) + ")"
    joined = text.groupby(claims["region_code"]).agg("; ".join) if len(claims) else pd.Series()
    frame["claims_text"] = joined.reindex(frame["code"]).fillna("").to_numpy()
    frame["data_year_derived"] = (
        w["data_year_derived"].fillna(False).astype(bool).to_numpy() & stored
    )
    return frame.reset_index(drop=True)


# -- the table on the real store: invariants that hold for any data drop ----------------------
def test_the_stored_panel_is_current_and_equals_a_fresh_derivation(real) -> None:
    store, p, _, _ = real
    assert panel.is_current(store)
    pd.testing.assert_frame_equal(p, panel.derive_from(store))


def test_each_kab_kota_and_cycle_exactly_once(real) -> None:
    store, p, _, cycles = real
    assert not p.duplicated(["code", "data_year"]).any()
    assert len(p) == len(store.regions()) * len(cycles)
    assert set(p["data_year"]) == set(cycles["data_year"])


def test_statuses_and_codes_come_from_the_vocabulary(real) -> None:
    _, p, _, _ = real
    assert set(p["status"]) <= set(BY_KEY)
    assert (p["status_code"] == p["status"].map(lambda k: BY_KEY[k].code)).all()


def test_every_stored_status_is_cited_by_a_claim_of_a_held_cycle(real) -> None:
    _, p, claims, _ = real
    stored = p[p["status"].map(lambda k: BY_KEY[k].stored)]
    assert stored["held"].all() and (stored["n_claims"] > 0).all()
    assert stored["result_id"].notna().all() and (stored["source_url"] != "").all()
    by_id = claims.set_index("result_id")
    shown = by_id.loc[stored["result_id"].astype(int)]
    assert (shown["status"].to_numpy() == stored["status"].to_numpy()).all()
    assert (shown["region_code"].to_numpy() == stored["code"].to_numpy()).all()
    assert (shown["data_year"].to_numpy() == stored["data_year"].to_numpy()).all()
    assert (shown["source_url"].to_numpy() == stored["source_url"].to_numpy()).all()
    derived = p[~p["status"].map(lambda k: BY_KEY[k].stored)]
    assert not derived["disputed"].any() and not derived["data_year_derived"].any()
    assert (p.loc[~p["held"], "status"] == "tidak_dilaksanakan").all()


def test_disputed_exactly_when_the_claims_disagree(real) -> None:
    _, p, claims, _ = real
    kinds = claims.groupby(["region_code", "data_year"])["status"].nunique()
    disagree = {key for key, n in kinds.items() if n > 1}
    held = p[p["held"] & p["status"].map(lambda k: BY_KEY[k].stored)]
    flagged = set(
        zip(
            held.loc[held["disputed"], "code"], held.loc[held["disputed"], "data_year"], strict=True
        )
    )
    assert flagged == {
        key for key in disagree if key in set(zip(held["code"], held["data_year"], strict=True))
    }


def test_counts_of_claims_add_up(real) -> None:
    _, p, claims, _ = real
    assert int(p["n_claims"].sum()) == len(claims)
    n = claims.groupby(["region_code", "data_year"]).size()
    got = p[p["n_claims"] > 0].set_index(["code", "data_year"])["n_claims"]
    assert got.sort_index().to_dict() == n.sort_index().to_dict()


def test_map_frame_is_what_the_old_per_year_derivation_gave(real) -> None:
    store, _, _, cycles = real
    for year in cycles["data_year"].astype(int):
        for province in (None, "74"):
            pd.testing.assert_frame_equal(
                map_frame(store, year, province),
                legacy_map_frame(store, year, province),
                check_dtype=False,
                obj=f"map frame {year} {province}",
            )


def test_run_fields_follow_the_streak_rules(real) -> None:
    """Each row's runs as of its year, checked year over year against the rules in
    kkpham.model.panel (the pages' streaks are the panel at one year: timeline.streaks)."""
    _, p, _, _ = real
    for code, rows in p.groupby("code"):
        before = None  # the previous held year's row
        for r in rows.sort_values("data_year").itertuples(index=False):
            peduli_so_far = rows[(rows["data_year"] <= r.data_year) & (rows["status"] == "peduli")]
            assert r.n_peduli == len(peduli_so_far), (code, r.data_year)
            first = peduli_so_far["data_year"].min() if len(peduli_so_far) else pd.NA
            assert (pd.isna(r.first_peduli) and pd.isna(first)) or r.first_peduli == first
            assert r.last_run <= r.longest_streak and r.n_peduli <= r.n_known
            if not r.held:  # neither counts nor breaks: the year before's runs, streak unknown
                assert pd.isna(r.streak) and pd.isna(r.streak_bridged), (code, r.data_year)
                if before is not None:
                    assert (r.last_run, r.n_peduli) == (before.last_run, before.n_peduli)
                continue
            if r.status not in STORED_KEYS:  # no cited status: the streak is unknown
                assert pd.isna(r.streak), (code, r.data_year)
            elif r.status == "peduli":
                run_before = (
                    before.streak if before is not None and before.status == "peduli" else 0
                )
                assert r.streak == run_before + 1, (code, r.data_year)
                assert r.streak_bridged >= r.streak
                assert all(y < r.data_year for y in r.streak_gap_years)
            else:
                assert r.streak == 0 and r.streak_gap_years == (), (code, r.data_year)
            before = r


def test_each_years_runs_are_those_of_the_held_years_up_to_it(real) -> None:
    """The streaks the pages read (the panel at one year) against the run rule applied to the
    region's held years up to that year, for every year, in one province."""
    _, p, _, cycles = real
    sultra = p[p["province_code"] == "74"]
    for year in cycles["data_year"].astype(int):
        got = streaks(sultra, as_of=year).set_index("code")
        for code, rows in sultra.groupby("code"):
            held = rows[rows["held"] & (rows["data_year"] <= year)].sort_values("data_year")
            want = panel.runs_as_of(list(held["data_year"]), list(held["status"]))
            if year not in set(held["data_year"]):  # a year not held: the streak is unknown
                want["streak"] = want["streak_bridged"] = None
            have = got.loc[code].to_dict()
            assert {
                k: None if pd.isna(v) else v for k, v in have.items() if k != "streak_gap_years"
            } == {k: v for k, v in want.items() if k != "streak_gap_years"}, (code, year)
            assert have["streak_gap_years"] == want["streak_gap_years"], (code, year)


def test_runs_land_on_their_rows_in_any_order() -> None:
    years = [2019, 2020, 2021, 2022]
    hand = pd.DataFrame(
        {
            "code": ["A"] * 4 + ["B"] * 4,
            "data_year": years * 2,
            "status": ["peduli", "tidak_dilaksanakan", "peduli", "peduli"]
            + ["peduli", "tidak_dilaksanakan", "belum", "peduli"],
            "held": [True, False, True, True] * 2,
        }
    )
    ordered = panel.with_runs(hand)
    streak = [None if pd.isna(x) else x for x in ordered["streak"]]
    assert streak == [1, None, 2, 3, 1, None, 0, 1]  # 2020 not held: neither counts nor breaks
    shuffled = panel.with_runs(hand.sample(frac=1, random_state=7))
    pd.testing.assert_frame_equal(shuffled.sort_index(), ordered)
    assert "streak" not in hand.columns  # the caller's frame is left as it was


def test_a_panel_with_one_gap_year_is_stored_and_read_back(real, tmp_path: Path) -> None:
    """DuckDB guessed a list column's type from a sample of rows: when no sampled row had a gap
    year, storing the panel failed. One row with gap years, anywhere, must round-trip."""
    store, p, _, _ = real
    copy = tmp_path / "one_gap.duckdb"
    copy.write_bytes(store.path.read_bytes())
    lone = p.assign(streak_gap_years=[()] * len(p))
    lone.at[len(lone) - 1, "streak_gap_years"] = (2016, 2021)
    with Store.open(copy, read_only=False) as writable:
        writable.write_status_panel(lone)
        back = panel.conform(writable.status_panel(None, None, None))
    assert back["streak_gap_years"].tolist() == lone["streak_gap_years"].tolist()


def test_the_pages_streaks_are_the_panel_at_one_year(real) -> None:
    _, p, _, cycles = real
    year = int(cycles.loc[cycles["held"], "data_year"].max())
    got = streaks(p, as_of=year)
    assert list(got["code"]) == sorted(p["code"].unique())
    at = p[p["data_year"] == year].set_index("code")
    assert got.set_index("code")["n_known"].equals(at.loc[got["code"], "n_known"])
    assert streaks(p).equals(got)  # as of the last held year by default


def test_a_year_without_a_cycle_is_not_held(real) -> None:
    store, _, _, cycles = real
    year = int(cycles["data_year"].max()) + 5
    frame = map_frame(store, year, "74")
    assert len(frame) == len(store.regions("74"))
    assert set(frame["status"]) == {"tidak_dilaksanakan"}


# -- every write keeps it current --------------------------------------------------------------
def _stored_status(db: Path, code: str, year: int) -> tuple[str, bool]:
    with Store.open(db) as store:
        current = panel.is_current(store)
        rows = store.status_panel(year, region_code=code)
    return str(rows["status"].iloc[0]), current


def test_import_undo_and_restore_rewrite_the_panel(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    db = settings.db_path
    with Store.open(db, read_only=False) as store:
        panel.refresh(store)
    before, current = _stored_status(db, "74.71", 2022)
    assert current
    data = csv_bytes([row("Kota Kendari", predikat="Tidak melapor", sumber="https://x.go.id/1")])
    batch, _ = commit_file(data, "b.csv", make_resolver(), settings, who="t")
    assert _stored_status(db, "74.71", 2022) == ("tidak_melapor", True)
    undo(batch, settings, who="t")
    assert _stored_status(db, "74.71", 2022) == (before, True)
    newest_import = next(b for b in backups(settings) if b["reason"] == f"undo-{batch}")
    restore(newest_import["path"], settings, who="t")  # the store as it was before the undo
    assert _stored_status(db, "74.71", 2022) == ("tidak_melapor", True)


def test_a_store_changed_outside_the_write_path_is_derived_not_stale(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    with Store.open(settings.db_path, read_only=False) as store:
        panel.refresh(store)
        store.add_batch(
            pd.DataFrame(
                [
                    {
                        "region_code": "74.71",
                        "data_year": 2022,
                        "award_year": 2023,
                        "data_year_derived": False,
                        "status": "belum",
                        "score": float("nan"),
                        "source_url": "https://later.go.id/1",
                        "source_kind": "pemerintah",
                        "name_in_source": "Kendari",
                        "note": "",
                        "all_regions_statement": False,
                    }
                ]
            ),
            origin="test",
        )
        assert not panel.is_current(store)
        assert map_frame(store, 2022, "74").set_index("code").loc["74.71", "status"] == "belum"
