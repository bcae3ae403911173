"""The name resolver against the real region table (shared reference) and small synthetic tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kkpham.model.resolver import Match, ResolveError, Resolver, load_aliases
from kkpham.settings import ROOT

SHARED = ROOT.parent / "shared"
REGIONS_FILE = SHARED / "boundaries" / "regions.csv"
pytestmark = pytest.mark.skipif(not REGIONS_FILE.exists(), reason="needs ../shared/boundaries")


@pytest.fixture(scope="module")
def table() -> tuple[pd.DataFrame, pd.DataFrame]:
    ref = pd.read_csv(REGIONS_FILE, dtype=str, keep_default_na=False)
    regions = ref[ref["kind"] != "Provinsi"].reset_index(drop=True)
    provinces = ref.loc[ref["kind"] == "Provinsi", ["code", "name"]].reset_index(drop=True)
    return regions, provinces


@pytest.fixture(scope="module")
def resolver(table) -> Resolver:
    return Resolver(*table, load_aliases())


def code(resolver: Resolver, *args, **kwargs) -> str:
    return resolver.resolve(*args, **kwargs).code


def test_reference_table_is_the_expected_size(table):
    regions, provinces = table
    assert len(regions) == 514 and len(provinces) == 38


def test_every_official_name_resolves_with_and_without_prefix(resolver, table):
    regions, _ = table
    wrong = []
    for r in regions.itertuples(index=False):
        bare = r.name.split(" ", 1)[1].removeprefix("Administrasi ")
        short = ("Kab. " if r.kind == "Kabupaten" else "Kota ") + bare
        attempts = [
            resolver.resolve(r.name),
            resolver.resolve(r.name.upper()),
            resolver.resolve(bare, kind=r.kind),
            resolver.resolve(short),
            resolver.resolve(bare, province=r.province_name, kind=r.kind),
            resolver.resolve(bare.lower(), province=r.province_code, kind=r.kind.lower()),
        ]
        wrong += [(r.code, m.code) for m in attempts if m.code != r.code]
    assert wrong == []


def test_match_carries_name_and_province(resolver):
    assert resolver.resolve("Kab. Buton Selatan") == Match("74.15", "Kabupaten Buton Selatan", "74")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bau-Bau", "74.72"),
        ("Baubau", "74.72"),
        ("Kota Bau-bau", "74.72"),
        ("Lubuk Linggau", "16.73"),
        ("Lubuklinggau", "16.73"),
        ("Tojo Una-Una", "72.09"),
        ("Tojo Unauna", "72.09"),
        ("Pangkal Pinang", "19.71"),
        ("Pangkalpinang", "19.71"),
        ("Tanjung Pinang", "21.72"),
        ("Tanjungpinang", "21.72"),
        ("Tolitoli", "72.04"),
        ("Palangka Raya", "62.71"),
        ("Batang Hari", "15.04"),
        ("Kepulauan Siau Tagulandang Biaro", "71.09"),
        ("Sitaro", "71.09"),
        ("  kabupaten   KEPULAUAN  seribu ", "31.01"),
        ("Pulau Seribu", "31.01"),
        ("Kota Jakarta Selatan", "31.74"),
        ("Jakarta Selatan", "31.74"),
        ("Kota Administrasi Jakarta Selatan", "31.74"),
        ("Kota Adm. Jakarta Selatan", "31.74"),
        ("Jaksel", "31.74"),
        ("Kotabaru", "63.02"),
        ("Kota Baru", "63.02"),
        ("Kab. Kotawaringin Timur", "62.02"),
        ("Kotim", "62.02"),
        ("Kota Kotamobagu", "71.74"),
        ("Busel", "74.15"),
        ("Konkep", "74.12"),
        ("OKU Timur", "16.08"),
        ("PALI", "16.12"),
        ("HSU", "63.08"),
        ("Kukar", "64.02"),
        ("PPU", "64.09"),
        ("Humbahas", "12.16"),
        ("Pangkajene & Kepulauan", "73.10"),
        ("Pangkep", "73.10"),
    ],
)
def test_spelling_variants_and_aliases(resolver, text, expected):
    assert code(resolver, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mamuju Utara", "76.01"),
        ("Kabupaten Toba Samosir", "12.12"),
        ("Maluku Tenggara Barat", "81.03"),
        ("Kabupaten Pontianak", "61.02"),
    ],
)
def test_former_names(resolver, text, expected):
    assert code(resolver, text) == expected


@pytest.mark.parametrize(
    ("name", "province", "kind", "expected"),
    [
        ("Mimika", "Papua", None, "94.04"),  # Papua Tengah since 2022
        ("Jayawijaya", "Papua", "Kabupaten", "95.01"),
        ("Merauke", "91", None, "93.01"),
        ("Jayapura", "Papua", "Kota", "91.71"),  # still in Papua
        ("Sorong", "Papua Barat", "Kabupaten", "96.01"),  # Papua Barat Daya since 2025
        ("Kota Sorong", "Pabar", None, "96.71"),
        ("Bulungan", "Kalimantan Timur", None, "65.01"),  # Kalimantan Utara since 2012
        ("Tarakan", "Kaltim", "Kota", "65.71"),
        ("Mimika", "Papua Tengah", None, "94.04"),
    ],
)
def test_current_or_former_province(resolver, name, province, expected, kind):
    assert code(resolver, name, province=province, kind=kind) == expected


def test_old_codes_resolve_to_current(resolver):
    assert code(resolver, "91.09") == "94.04"
    assert code(resolver, "92.71") == "96.71"
    assert code(resolver, "74.71") == "74.71"


def test_wrong_province_is_unknown_and_suggests_the_real_one(resolver):
    with pytest.raises(ResolveError) as err:
        resolver.resolve("Mimika", province="Jawa Barat")
    assert err.value.reason == "unknown"
    assert err.value.candidates[0][0] == "94.04"


def test_ambiguous_kab_and_kota(resolver):
    with pytest.raises(ResolveError) as err:
        resolver.resolve("Bekasi")
    assert err.value.reason == "ambiguous" and err.value.name == "Bekasi"
    assert err.value.candidates == [("32.16", "Kabupaten Bekasi"), ("32.75", "Kota Bekasi")]
    assert str(err.value) == ("nama 'Bekasi' ambigu: 32.16 Kabupaten Bekasi; 32.75 Kota Bekasi")
    assert code(resolver, "Kota Bekasi") == "32.75"
    assert code(resolver, "Bekasi", kind="Kota") == "32.75"
    assert code(resolver, "Kab Bekasi") == "32.16"


def test_every_name_shared_by_a_kab_and_a_kota_is_ambiguous_without_kind(resolver, table):
    regions, _ = table
    bare = regions["name"].str.replace(r"^(Kabupaten|Kota) ", "", regex=True)
    shared = sorted(set(bare[bare.duplicated()]))
    assert len(shared) >= 20  # Bandung, Banjar, Bekasi, Bima, Blitar, ...
    for name in shared:
        with pytest.raises(ResolveError) as err:
            resolver.resolve(name)
        kabkota = [c for c, _ in err.value.candidates if len(c) == 5]
        assert err.value.reason == "ambiguous" and len(kabkota) == 2, name


def test_bengkulu_is_ambiguous_but_its_kabupaten_are_not(resolver):
    with pytest.raises(ResolveError) as err:
        resolver.resolve("Bengkulu")
    assert ("17.71", "Kota Bengkulu") in err.value.candidates
    assert "17" in [c for c, _ in err.value.candidates]  # the province
    assert code(resolver, "Kota Bengkulu") == "17.71"
    assert code(resolver, "Bengkulu", kind="Kota") == "17.71"
    assert code(resolver, "Bengkulu Selatan") == "17.01"
    assert code(resolver, "Bengkulu Utara", province="Bengkulu") == "17.03"


def test_same_name_in_two_provinces_needs_the_province():
    regions = pd.DataFrame(
        {
            "code": ["81.04", "82.99", "81.71"],
            "name": ["Kabupaten Buru", "Kabupaten Buru", "Kota Ambon"],
            "kind": ["Kabupaten", "Kabupaten", "Kota"],
            "province_code": ["81", "82", "81"],
        }
    )
    provinces = pd.DataFrame({"code": ["81", "82"], "name": ["Maluku", "Maluku Utara"]})
    aliases = pd.DataFrame(columns=["code", "alias", "note"])
    r = Resolver(regions, provinces, aliases, facts=_no_facts())
    with pytest.raises(ResolveError) as err:
        r.resolve("Buru")
    assert [c for c, _ in err.value.candidates] == ["81.04", "82.99"]
    assert r.resolve("Buru", province="Maluku Utara").code == "82.99"
    assert r.resolve("Kabupaten Buru", province="81").code == "81.04"


def _no_facts() -> pd.DataFrame:
    from kkpham.model.region_facts import FACT_COLUMNS

    return pd.DataFrame(columns=FACT_COLUMNS)


def test_unknown_names_give_close_matches(resolver):
    with pytest.raises(ResolveError) as err:
        resolver.resolve("Kabupaten Bandung Barrat")
    assert err.value.reason == "unknown"
    assert err.value.candidates[0][0] == "32.17"
    assert str(err.value).startswith("nama 'Kabupaten Bandung Barrat' tidak dikenal")
    assert "mungkin: 32.17 Kabupaten Bandung Barat" in str(err.value)
    with pytest.raises(ResolveError):
        resolver.resolve("Xyzzy")


def test_kind_that_contradicts_the_prefix_is_not_guessed(resolver):
    with pytest.raises(ResolveError):
        resolver.resolve("Kota Bekasi", kind="Kabupaten")
    with pytest.raises(ValueError, match="kind"):
        resolver.resolve("Bekasi", kind="Provinsi")


PROVINCE_ABBREVIATIONS = {
    "Sultra": "74",
    "Kalteng": "62",
    "Babel": "19",
    "Jateng": "33",
    "Jatim": "35",
    "Jabar": "32",
    "DIY": "34",
    "NTB": "52",
    "NTT": "53",
    "Sumut": "12",
    "Sumbar": "13",
    "Sumsel": "16",
    "Kaltim": "64",
    "Kalbar": "61",
    "Kalsel": "63",
    "Kaltara": "65",
    "Sulsel": "73",
    "Sulbar": "76",
    "Sulteng": "72",
    "Sulut": "71",
    "Malut": "82",
    "Kepri": "21",
    "DKI": "31",
    "Pabar": "92",
    "PBD": "96",
    "DKI Jakarta": "31",
    "DI Yogyakarta": "34",
    "Provinsi Jawa Barat": "32",
    "Prov. Sulawesi Tenggara": "74",
    "Kep. Bangka Belitung": "19",
    "NAD": "11",
    "74": "74",
}


@pytest.mark.parametrize(("text", "expected"), PROVINCE_ABBREVIATIONS.items())
def test_province_abbreviations(resolver, text, expected):
    assert resolver.resolve_province(text) == expected


def test_every_province_name_and_code(resolver, table):
    _, provinces = table
    for p in provinces.itertuples(index=False):
        assert resolver.resolve_province(p.name) == p.code
        assert resolver.resolve_province(p.name.upper()) == p.code
        assert resolver.resolve_province(p.code) == p.code


def test_unknown_province(resolver):
    with pytest.raises(ResolveError) as err:
        resolver.resolve_province("NASIONAL")
    assert err.value.reason == "unknown"
    with pytest.raises(ResolveError):
        resolver.resolve("Mimika", province="Atlantis")


def test_alias_file_is_clean_and_every_alias_resolves(resolver):
    assert resolver.alias_problems() == []
    aliases = load_aliases()
    for row in aliases.itertuples(index=False):
        if len(row.code) == 2:
            assert resolver.resolve_province(row.alias) == row.code, row.alias
        else:
            _, kind, province = resolver.regions[row.code]
            assert code(resolver, row.alias, province=province, kind=kind) == row.code, row.alias


def test_alias_check_warns_both_ways(table):
    aliases = pd.DataFrame(
        {
            "code": ["99.99", "32.75", "32.16", "74", "35.71"],
            "alias": ["Nowhere", "Kota Bekasi", "Bekasi", "Sulawesi Tenggara", "Kab. Kediri"],
            "note": ["x"] * 5,
        }
    )
    problems = Resolver(*table, aliases).alias_problems()
    text = "\n".join(problems)
    assert "line 2 ('Nowhere' -> 99.99): code is neither" in text
    assert "line 3 ('Kota Bekasi' -> 32.75): not needed" in text
    assert "line 4 ('Bekasi' -> 32.16): not needed" in text
    assert "line 5 ('Sulawesi Tenggara' -> 74): not needed" in text
    assert "line 6 ('Kab. Kediri' -> 35.71): prefix says Kabupaten" in text
    assert "line 6 ('Kab. Kediri' -> 35.71): not needed" in text
    assert len(problems) == 6


def test_alias_shadowed_by_a_twin_is_reported():
    regions = pd.DataFrame(
        {
            "code": ["74.01", "74.02"],
            "name": ["Kabupaten A", "Kabupaten B"],
            "kind": ["Kabupaten"] * 2,
            "province_code": ["74"] * 2,
        }
    )
    provinces = pd.DataFrame({"code": ["74"], "name": ["Sulawesi Tenggara"]})
    aliases = pd.DataFrame({"code": ["74.02"], "alias": ["A"], "note": ["x"]})
    problems = Resolver(regions, provinces, aliases, facts=_no_facts()).alias_problems()
    assert len(problems) == 1 and "shadowed by 74.01" in problems[0]


def test_reference_names_all_resolve(resolver):
    path = SHARED / "reference" / "kkpham_results.csv"
    ref = pd.read_csv(path, dtype=str, keep_default_na=False)
    names = ref.rename(columns={"regency": "name"})[["name", "province", "kind"]]
    assert resolver.unresolved(names) == []
    bad = pd.DataFrame(
        {"name": ["Bekasi", "Kudus"], "province": ["Jabar", "Jateng"], "kind": [None, None]}
    )
    assert resolver.unresolved(bad) == [
        "line 2: nama 'Bekasi' ambigu: 32.16 Kabupaten Bekasi; 32.75 Kota Bekasi"
    ]


def test_load_aliases_names_the_bad_line(tmp_path: Path):
    path = tmp_path / "aliases.csv"
    path.write_text("code,alias,note\n74.15,Busel,ok\n7415,Busel,bad code\n74.15,,no alias\n")
    with pytest.raises(ValueError) as err:
        load_aliases(path)
    assert "line 3: code '7415'" in str(err.value) and "line 4: alias is empty" in str(err.value)


def test_bad_region_table_is_rejected(table):
    regions, provinces = table
    with pytest.raises(ValueError, match="duplicate codes"):
        Resolver(pd.concat([regions, regions.head(1)]), provinces, load_aliases())
    with pytest.raises(ValueError, match="lacks columns"):
        Resolver(regions.drop(columns="kind"), provinces, load_aliases())
