"""An imported row must be one its cycle's criteria regime could have produced (data/cycles.csv,
data/regimes.csv, data/regime_outcomes.csv): a band the regime names, a score inside that band,
no score for a region that did not report, a decree of that cycle. Rows checked against the real
reference tables, so a regime whose outcome names are published later (Permen HAM 15/2025) is
accepted the day its rows are added."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kkpham.reference.store_build import read_cycles
from kkpham.regimes import read_outcomes
from kkpham.texts import joined
from kkpham.write.validate import is_public_url, regime_bands, row_problems

REGIONS = pd.DataFrame(
    {"code": ["74.71"], "name": ["Kota Kendari"], "formed_year": [math.nan]}
).set_index("code")
CYCLES = read_cycles().set_index("data_year")
BANDS = regime_bands(read_outcomes())
PAGE = "https://kendarikota.go.id/berita/kkp-ham"


def problems(year: int, status: str, score: float | None = None, source: str = PAGE) -> str:
    row = {
        "region_code": "74.71",
        "data_year": year,
        "status": status,
        "score": score,
        "source_url": source,
    }
    decree = not source.startswith("http")
    return joined(row_problems(row, REGIONS, CYCLES, BANDS, allow_decree=decree))


def years_of(regulation: str) -> list[int]:
    held = CYCLES[CYCLES["held"].astype(bool)]
    return [int(y) for y in held.index[held["regulation"] == regulation]]


def test_the_regimes_under_test_are_the_reference_ones() -> None:
    """The cases below pick their years by regulation; each regime must still have some."""
    for regulation in (
        "Permenkumham 11/2013 jo. 25/2013",
        "Permenkumham 34/2016",
        "Permenkumham 22/2021",
        "Permen HAM 15/2025",
    ):
        assert years_of(regulation), regulation


@pytest.mark.parametrize("status", ["cukup", "mulai", "kurang"])
def test_a_band_the_regime_does_not_name_is_refused(status: str) -> None:
    year = years_of("Permenkumham 11/2013 jo. 25/2013")[0]
    assert "tidak ada dalam Permenkumham 11/2013" in problems(year, status)
    assert problems(year, "peduli") == ""


@pytest.mark.parametrize("status", ["peduli", "cukup", "mulai", "kurang", "belum", "bukan_peduli"])
def test_no_outcome_is_stored_before_the_regime_names_its_outcomes(status: str) -> None:
    """Permen HAM 15/2025's outcome names are not public: nothing may claim one of them."""
    for year in years_of("Permen HAM 15/2025"):
        said = problems(year, status)
        assert "Permen HAM 15/2025" in said and "belum dapat disimpan" in said
        assert problems(year, "tidak_melapor") == ""  # not reporting needs no outcome name


def test_scores_must_sit_in_the_band_of_34_2016() -> None:
    year = years_of("Permenkumham 34/2016")[0]
    assert problems(year, "cukup", 72.38) == ""  # Palembang's reported score
    assert problems(year, "mulai", 50.0) == "" and problems(year, "kurang", 49.9) == ""
    assert "di luar rentang 'Cukup Peduli HAM'" in problems(year, "cukup", 40.0)
    assert "di luar rentang 'Mulai Peduli HAM'" in problems(year, "mulai", 70.0)
    assert "berarti Peduli HAM" in problems(year, "cukup", 90.0)
    assert "berarti Peduli HAM" in problems(year, "kurang", 75.0)


def test_a_score_of_75_or_more_is_peduli_in_every_regime() -> None:
    for regulation in ("Permenkumham 11/2013 jo. 25/2013", "Permenkumham 22/2021"):
        year = years_of(regulation)[-1]
        assert "berarti Peduli HAM" in problems(year, "belum", 85.0)
        assert "di bawah 75" in problems(year, "peduli", 74.9)
        assert problems(year, "peduli", 100.0) == ""
    year = years_of("Permenkumham 22/2021")[0]
    assert problems(year, "cukup", 70.0) == ""  # 22/2021 names Cukup without a published range


def test_a_region_that_did_not_report_has_no_score() -> None:
    year = years_of("Permenkumham 22/2021")[0]
    assert "tidak dinilai" in problems(year, "tidak_melapor", 80.0)
    assert problems(year, "tidak_melapor") == ""


def test_a_decree_must_be_signed_in_the_award_year() -> None:
    """Citations as the sources write them (review: "/2023", a regulation's year beside, a
    second decree of 2019) pass; the previous cycle's decree does not."""
    known = CYCLES[CYCLES["decree_number"].fillna("") != ""]
    year = int(known.index[-1])
    number, award = str(known.loc[year, "decree_number"]), int(known.loc[year, "award_year"])
    assert problems(year, "peduli", source=f"Keputusan Menteri Nomor {number}") == ""
    title = f"Kepmen Nomor {number} tentang Penetapan KKP HAM Tahun {year} (Permen 22 Tahun 2021)"
    assert problems(year, "peduli", source=title) == ""
    assert problems(year, "peduli", source=f"Kepmen M.HH-99.HA.01/{award}") == ""
    assert "ditetapkan tahun" in problems(year, "peduli", source=f"Kepmen nomor 12 Tahun {year}")
    assert "harus menyebut tahunnya" in problems(year, "peduli", source="Kepmen nomor 1")
    assert problems(2019, "cukup", source="Kepmenkumham Nomor M.HH-05.HA.04.03 Tahun 2020") == ""


def test_a_bad_port_is_no_crash() -> None:
    from kkpham.write.validate import source_key

    assert source_key("https://x.id:abc/berita") == "https://x.id:abc/berita"


@pytest.mark.parametrize(
    ("url", "public"),
    [
        ("https://kendarikota.go.id/x", True),
        ("http://x", False),
        ("https://localhost/", False),
        ("http://127.0.0.1/berita", False),
        ("https://[::1]/", False),
        ("https://printer.localhost/", False),
        ("http://127.1/berita", False),  # short for 127.0.0.1
        ("http://10.1/", False),
        ("https://nas.local/berita", False),
        ("https://intranet.kanwil.internal/x", False),
        ("https://router.home.arpa/", False),
        ("https://ham.go.id./berita", True),  # a trailing dot is the same public name
        ("https://xn--mnchen-3ya.de/x", True),
    ],
)
def test_a_source_is_a_public_site(url: str, public: bool) -> None:
    assert is_public_url(url) is public
    year = years_of("Permenkumham 22/2021")[0]
    assert ("situs publik" in problems(year, "peduli", source=url)) is not public


def test_one_page_or_decree_written_differently_is_one_source() -> None:
    from kkpham.write.validate import source_key

    same = [
        "https://example.org/dup",
        "https://example.org/dup/",
        "HTTPS://EXAMPLE.ORG/dup",
        "http://www.example.org/dup?utm_source=x#top",
        " https://example.org/dup ",
    ]
    assert len({source_key(u) for u in same}) == 1
    assert source_key("https://bargo.id/?p=7234") != source_key("https://bargo.id/?p=7235")
    assert source_key("https://example.org/Dup") != source_key("https://example.org/dup")
    # a single-page site's route names its page; a plain anchor does not
    assert source_key("https://x.go.id/#/berita/12") != source_key("https://x.go.id/#/berita/13")
    assert source_key("https://x.go.id/#!/berita/12") != source_key("https://x.go.id/")
    assert source_key("https://x.go.id/berita#komentar") == source_key("https://x.go.id/berita")
    assert source_key("https://x.go.id/#/") == source_key("https://x.go.id./")  # home; a root dot
    assert source_key("M.HH-03.HA.02.01.01  tahun 2023") == source_key(
        "M.HH-03.HA.02.01.01 Tahun 2023"
    )
    # one decree however the citation around its number and year is worded
    decree = {
        source_key(c)
        for c in (
            "M.HH-03.HA.02.01.01 Tahun 2023",
            "Keputusan Menteri Hukum dan HAM Nomor M.HH-03.HA.02.01.01 Tahun 2023",
            "Kepmenkumham No. m.hh-03.ha.02.01.01 tahun 2023 (Permenkumham 22/2021)",
            "MHH-03.HA.02.01.01 Tahun 2023",
            "M.HH–03.HA.02.01.01/2023",
            "M.HH\u201103.HA.02.01.01, Tahun 2023",
        )
    }
    assert len(decree) == 1
    assert source_key("M.HH-03.HA.02.01.01 Tahun 2024") not in decree
    assert source_key("M.HH-04.HA.02.01.01 Tahun 2023") not in decree
    # a year that does not follow the number is not the decree's: the citation stays whole
    amended = "M.HH-03.HA.02.01.01 sebagaimana diubah dengan M.HH-07.HA.02.01.01 Tahun 2023"
    titled = "M.HH-03.HA.02.01.01 tanggal 10 Desember 2023 tentang Penghargaan Tahun 2023"
    assert source_key(amended) not in decree and source_key(titled) not in decree
