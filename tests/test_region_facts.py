"""data/region_facts.csv: checked on read, identical to what the shared boundary reference gives."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kkpham.model.region_facts import (
    FACTS_FILE,
    FactsError,
    compile_region_facts,
    formation_table,
    former_codes,
    former_names,
    former_provinces,
    load_facts,
    read_facts,
)
from kkpham.settings import ROOT

BOUNDARIES = ROOT.parent / "shared" / "boundaries"
needs_shared = pytest.mark.skipif(not BOUNDARIES.exists(), reason="needs ../shared/boundaries")


def test_fact_counts():
    counts = load_facts()["fact"].value_counts().to_dict()
    assert counts == {"code_changed": 26, "formed": 17, "province_changed": 5, "renamed": 3}


@needs_shared
def test_file_is_what_the_shared_reference_gives():
    expected = compile_region_facts(BOUNDARIES)
    pd.testing.assert_frame_equal(read_facts(FACTS_FILE), expected)


@needs_shared
def test_every_code_exists_in_the_region_table():
    regions = pd.read_csv(BOUNDARIES / "regions.csv", dtype=str, keep_default_na=False)
    kabkota = set(regions.loc[regions["kind"] != "Provinsi", "code"])
    assert set(load_facts()["code"]) <= kabkota
    assert not set(former_codes()) & kabkota  # an old code is never a current one


def test_formation_table():
    table = formation_table()
    assert list(table.columns) == ["code", "formed_year", "formed_basis", "previous_code"]
    assert table["code"].is_unique and str(table["formed_year"].dtype) == "Int64"
    row = table.set_index("code")
    assert row.at["74.15", "formed_year"] == 2014
    assert row.at["74.15", "formed_basis"].startswith("UU 16/2014")
    assert row.at["94.04", "previous_code"] == "91.09" and pd.isna(row.at["94.04", "formed_year"])
    assert row.at["18.13", "formed_year"] == 2012  # Pesisir Barat, Nov 2012
    assert table["formed_year"].notna().sum() == 17
    assert table["previous_code"].notna().sum() == 26
    assert set(table["formed_year"].dropna()) == {2012, 2013, 2014}


def test_resolver_helpers():
    assert former_codes()["92.71"] == "96.71"
    assert former_provinces()["94.04"] == {"91"}
    assert former_provinces()["65.01"] == {"64"}
    assert former_provinces()["96.01"] == {"92"}
    assert ("76.01", "Kabupaten Mamuju Utara") in former_names()
    assert len(former_names()) == 3


def test_bad_rows_are_named(tmp_path: Path):
    good = load_facts()
    bad = good.copy()
    bad.loc[0, "code"] = "1212"
    bad.loc[1, "fact"] = "split"
    bad.loc[2, "source"] = ""
    path = tmp_path / "region_facts.csv"
    bad.to_csv(path, index=False)
    with pytest.raises(FactsError) as err:
        read_facts(path)
    message = str(err.value)
    assert "line 2: code '1212'" in message
    assert "line 3: fact 'split'" in message
    assert "line 4: legal_basis and source are required" in message


def test_code_changed_needs_its_previous_code(tmp_path: Path):
    facts = load_facts()
    i = facts.index[facts["fact"] == "code_changed"][0]
    facts.loc[i, "previous_code"] = ""
    path = tmp_path / "f.csv"
    facts.to_csv(path, index=False)
    with pytest.raises(FactsError, match=f"line {i + 2}: code_changed needs previous_code"):
        read_facts(path)


def test_province_split_years_come_from_the_laws():
    from kkpham.model.region_facts import province_split_years

    # Kaltara out of Kaltim (UU 20/2012); Papua's and Papua Barat's splits (UU 14-16/2022, 29/2022)
    assert province_split_years() == {"64": 2012, "91": 2022, "92": 2022}


def test_province_formed_years_from_the_laws_and_later_formations():
    """The year a province was formed: from the law that moved its kab/kota into it (not the
    year the code list caught up), kept when a kab/kota is later formed inside it; a code changed
    within its own province forms no province; a basis without "UU n/yyyy" is no crash."""
    from kkpham.model.region_facts import province_formed_years, province_split_years

    facts = load_facts()
    regions = pd.DataFrame({"code": sorted(set(facts["code"]))})
    regions["province_code"] = regions["code"].str[:2]
    assert province_formed_years(regions, facts) == {
        "65": 2012,
        "93": 2022,
        "94": 2022,
        "95": 2022,
        "96": 2022,  # UU 29/2022, though Kepmendagri gave the codes in 2025
    }

    def fact(code, kind, year, basis="", old=""):
        blank = dict.fromkeys(("previous_code", "old_name", "source"), "")
        return {"code": code, "fact": kind, "year": year, "legal_basis": basis, **blank,
                "old_province_code": old}  # fmt: skip

    made = pd.DataFrame(
        [
            fact("65.01", "province_changed", 2013, "UU 20/2012 (2012-11-17)"),
            fact("65.02", "province_changed", 2013, "Perpu tanpa nomor"),  # the fact's year
            fact("65.05", "formed", 2015, "UU 1/2015"),  # formed later inside the new province
            fact("71.01", "code_changed", 2019, "Kepmendagri", old="71"),  # within its province
            fact("72.01", "code_changed", 2019, "UU 3/2019", old="71"),
        ]
    )
    regions = pd.DataFrame(
        {
            "code": ["65.01", "65.02", "65.05", "71.01", "72.01", "72.02"],
            "province_code": ["65", "65", "65", "71", "72", "72"],
        }
    )
    # 72.02 came with no fact: province 72 existed before the move
    assert province_formed_years(regions, made) == {"65": 2012}
    # the province 72.01 left: split by law in 2019; a code changed at home splits nothing
    assert province_split_years(made) == {"71": 2019}
