"""Every data file is cited and pinned by its sidecar; the tidy files are exactly what the code
makes from the shared reference (when ../shared is beside the checkout)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from kkpham.model.region_facts import formation_table
from kkpham.model.resolver import Resolver, load_aliases
from kkpham.reference.provenance import (
    COLUMN_DOCS,
    read_sidecar,
    sidecar_path,
    verify_sidecar,
    write_sidecar,
)
from kkpham.reference.sync import tidy_frames
from kkpham.reference.tidy import (
    read_reference_set,
    reference_files,
    tidy_counts,
)
from kkpham.settings import ROOT
from kkpham.write.validate import is_http_url, validate_results

DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared")
CSV_FILES = sorted(DATA.glob("*.csv"))


def test_the_data_files_are_there():
    names = {p.name for p in CSV_FILES}
    assert set(COLUMN_DOCS) <= names


@pytest.mark.parametrize("path", CSV_FILES, ids=lambda p: p.name)
def test_every_data_file_has_a_sidecar_that_verifies(path: Path):
    assert verify_sidecar(path) == []
    meta = read_sidecar(path)
    assert meta["sources"] and all(str(s).strip() for s in meta["sources"])
    assert all(text.strip() for text in meta["columns"].values())


def test_cycles_sidecar_cites_criteria_and_every_row_url():
    cycles = pd.read_csv(DATA / "cycles.csv", dtype=str)
    sources = read_sidecar(DATA / "cycles.csv")["sources"]
    assert "criteria.md" in sources[0] and "§2.3" in sources[0]
    assert set(cycles["source_url"]) <= set(sources)


def test_sidecar_notices_edits(tmp_path: Path):
    path = tmp_path / "x.csv"
    path.write_text('a,b\n1,"two\nlines"\n3,4\n')
    write_sidecar(path, "test file", ["made here"], "CC0", {"a": "first", "b": "second"})
    meta = json.loads(sidecar_path(path).read_text())
    assert meta["rows"] == 2 and meta["bytes"] == path.stat().st_size
    assert verify_sidecar(path) == []
    path.write_text('a,b\n1,"two\nlines"\n3,4\n5,6\n')
    problems = verify_sidecar(path)
    assert any("sha256" in p for p in problems) and any("3 rows" in p for p in problems)
    sidecar_path(path).unlink()
    assert verify_sidecar(path) == ["x.csv: sidecar x.csv.meta.json is missing"]


def test_sidecar_keeps_compiled_date_when_content_is_unchanged(tmp_path: Path):
    path = tmp_path / "x.csv"
    path.write_text("a\n1\n")
    side = write_sidecar(path, "t", ["s"], "CC0", {"a": "first"})
    meta = json.loads(side.read_text())
    meta["compiled"] = "2001-01-01"
    side.write_text(json.dumps(meta))
    write_sidecar(path, "t", ["s"], "CC0", {"a": "first"})
    assert read_sidecar(path)["compiled"] == "2001-01-01"


def test_sidecar_refuses_undocumented_columns(tmp_path: Path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match=r"no description for columns \['b'\]"):
        write_sidecar(path, "t", ["s"], "CC0", {"a": "first", "b": ""})
    with pytest.raises(ValueError, match="header"):
        write_sidecar(path, "t", ["s"], "CC0", {"a": "first"})


def test_empty_descriptions_are_filled_from_the_catalog(tmp_path: Path):
    path = tmp_path / "results.csv"
    path.write_text(",".join(COLUMN_DOCS["results.csv"]) + "\n")
    write_sidecar(path, "t", ["s"], "CC0", {c: "" for c in COLUMN_DOCS["results.csv"]})
    assert read_sidecar(path)["columns"] == COLUMN_DOCS["results.csv"]


# -- the tidy files against the reference ---------------------------------------------------
@pytest.fixture(scope="module")
def reference_resolver() -> Resolver:
    regions = pd.read_csv(SHARED / "boundaries" / "regions.csv", dtype=str, keep_default_na=False)
    kabkota = regions[regions["kind"] != "Provinsi"]
    provinces = regions.loc[regions["kind"] == "Provinsi", ["code", "name"]]
    return Resolver(kabkota, provinces, load_aliases())


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode()


REFERENCE = SHARED / "reference"


@pytest.fixture(scope="module")
def reference_set():
    """(results, counts) of every reference file: the main ones and additions/."""
    result_files, count_files = reference_files(REFERENCE)
    return (read_reference_set(result_files, REFERENCE), read_reference_set(count_files, REFERENCE))


@needs_shared
def test_tidy_reference_reads_every_reference_file():
    result_files, count_files = reference_files(REFERENCE)
    every_csv = {p for p in REFERENCE.rglob("*.csv")}
    assert set(result_files) | set(count_files) == every_csv
    assert any("additions" in p.parts for p in result_files)
    assert any("additions" in p.parts for p in count_files)


@needs_shared
def test_tidy_files_are_exactly_what_tidy_reference_makes(reference_resolver):
    results, counts = tidy_frames(REFERENCE, reference_resolver)
    assert _csv(results) == (DATA / "results.csv").read_bytes()
    assert _csv(counts) == (DATA / "reported_counts.csv").read_bytes()


@needs_shared
def test_counts_keep_national_and_countless_statements(reference_set, reference_resolver):
    ref = reference_set[1]
    made = tidy_counts(ref, reference_resolver)
    # national totals and count-less statements are kept, with their sources
    assert (made["scope"] == "nasional").sum() == (ref["province"] == "NASIONAL").sum() > 0
    assert made.loc[made["scope"] == "nasional", "province_code"].isna().all()
    assert made["awarded_count"].isna().sum() == ref["awarded_count"].isna().sum()
    assert list(made["source_url"]) == list(ref["source_url"])  # every statement, in order


def test_build_loads_national_and_comparable_provincial_counts():
    from kkpham.reference.store_build import read_counts

    loaded = read_counts()
    provincial = loaded[loaded["scope"] == "provinsi"]
    national = loaded[loaded["scope"] == "nasional"]
    file = pd.read_csv(DATA / "reported_counts.csv", dtype={"province_code": str})
    counted = file[file["awarded_count"].notna()]
    want_provincial = counted[(counted["scope"] == "provinsi") & ~counted["province_before_split"]]
    assert len(provincial) == len(want_provincial) > 0
    assert provincial["province_code"].str.fullmatch(r"\d{2}").all()
    assert len(national) == (counted["scope"] == "nasional").sum() > 0
    assert national["province_code"].isna().all()
    assert loaded["awarded_count"].notna().all()
    assert not loaded["province_before_split"].any()


def test_counts_about_a_province_before_its_split_are_marked():
    counts = pd.read_csv(DATA / "reported_counts.csv", dtype={"province_code": str})
    old = counts[counts["province_before_split"]]
    # e.g. Papua's "1 of 29" (data 2018) and Papua Barat's "0 of 13" (data 2016), provinces that
    # were split in 2022 (today 9 and 7 kab/kota): only those, only before the split
    assert len(old) and set(old["province_code"]) <= {"91", "92"}
    assert (old["data_year"] < 2022).all()
    after = counts["province_code"].isin(["91", "92"]) & (counts["data_year"] >= 2022)
    assert not counts.loc[after, "province_before_split"].any()


@pytest.fixture(scope="module")
def results() -> pd.DataFrame:
    return pd.read_csv(
        DATA / "results.csv",
        dtype={"region_code": str, "note": str},
        keep_default_na=False,
        na_values={"score": [""], "award_year": [""]},
    )


def test_results_rows_are_cited_coded_and_in_held_cycles(results):
    assert results["source_url"].map(is_http_url).all()
    assert results["region_code"].str.fullmatch(r"\d{2}\.\d{2}").all()
    assert 2020 not in set(results["data_year"])
    derived = results[results["data_year_derived"]]
    assert (derived["data_year"] == derived["award_year"] - 1).all()
    assert results["score"].dropna().between(0, 100).all()


def test_counts_rows_are_cited_and_coded():
    counts = pd.read_csv(DATA / "reported_counts.csv", dtype={"province_code": str})
    assert counts["source_url"].map(is_http_url).all()
    provincial = counts[counts["scope"] == "provinsi"]
    assert provincial["province_code"].str.fullmatch(r"\d{2}").all()
    assert counts.loc[counts["scope"] == "nasional", "province_code"].isna().all()
    assert 2020 not in set(counts["data_year"])


@needs_shared
def test_every_reference_row_is_represented(results, reference_set):
    ref = reference_set[0].set_index("reference_line")
    lines = [n for cell in results["reference_lines"].astype(str) for n in cell.split(";")]
    assert sorted(lines) == sorted(ref.index)  # each line of each reference file exactly once
    first = ref.loc[[str(c).split(";")[0] for c in results["reference_lines"]]]
    assert list(results["source_url"]) == list(first["source_url"])
    assert list(results["name_in_source"]) == list(first["kind"] + " " + first["regency"])
    merged = results[results["reference_lines"].astype(str).str.contains(";")]
    assert merged["reference_lines"].map(lambda c: len(set(c.split(";"))) > 1).all()


def test_absence_from_a_peduli_list_claims_no_band_where_cukup_existed(results):
    """Not in a complete Peduli list under 34/2016 or 22/2021 (bands below Peduli exist):
    'not Peduli, band unknown', never 'Belum Peduli HAM'; the rule is the regime's data."""
    from kkpham.reference.sync import bands_below_peduli

    absent = results["note"].str.contains(r"\bnot (?:among|in)\b|\bminus\b", case=False)
    absent &= results["reference_status"] == "not_peduli_ham"
    assert absent.any()
    in_banded = results["data_year"].isin(bands_below_peduli())
    assert (results.loc[absent & in_banded, "status"] == "bukan_peduli").all()
    assert (
        results.loc[results["status"] == "bukan_peduli", "data_year"]
        .isin(bands_below_peduli())
        .all()
    )


def test_a_provincial_ranking_value_is_not_a_score(results):
    """The Central Java ranking value 100 (additions/README.md) stays in the note only."""
    from kkpham.reference.tidy import NOT_KKPHAM_SCORES

    for url, value in NOT_KKPHAM_SCORES:
        rows = results[results["source_url"] == url]
        assert len(rows) and not (rows["score"] == value).any()
        assert rows["note"].str.contains("bukan nilai KKP HAM").all()


def test_every_cycle_row_is_coded_and_cited():
    from kkpham.regimes import outcome_problems, read_outcomes, read_regimes

    cycles = pd.read_csv(DATA / "cycles.csv", dtype=str, keep_default_na=False)
    regimes, outcomes = read_regimes(), read_outcomes()
    held = cycles["held"] == "true"
    assert set(cycles.loc[held, "regime"]) <= set(regimes["regime"])
    assert cycles["source_url"].map(is_http_url).all()
    assert cycles.loc[cycles["decree_source_url"] != "", "decree_source_url"].map(is_http_url).all()
    assert regimes["source_url"].map(is_http_url).all()
    assert outcomes["source_url"].map(is_http_url).all()
    assert outcome_problems(outcomes, regimes) == []
    assert set(cycles.loc[cycles["results_public"] == "false", "data_year"]) >= {"2024", "2025"}


@needs_shared
def test_results_pass_the_build_validation(results):
    regions = pd.read_csv(SHARED / "boundaries" / "regions.csv", dtype=str, keep_default_na=False)
    regions = regions[regions["kind"] != "Provinsi"].merge(formation_table(), on="code", how="left")
    cycles = pd.read_csv(DATA / "cycles.csv")
    results = results.assign(line=range(2, len(results) + 2))
    from kkpham.regimes import read_outcomes

    assert validate_results(results, regions, cycles, read_outcomes()) == []


def test_region_codes_look_like_kemendagri_codes():
    for name in ("region_facts.csv", "region_aliases.csv"):
        codes = pd.read_csv(DATA / name, dtype=str)["code"]
        assert all(re.fullmatch(r"\d{2}(\.\d{2})?", c) for c in codes), name
