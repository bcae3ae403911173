"""Importing result lists: preview, plain errors, all-or-none commit, audit, undo, backups.

Synthetic geography only. The helpers at the top are shared by the other stewardship tests.
"""

from __future__ import annotations

import hashlib
import io
import math
import pickle
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from kkpham.model.mapdata import map_frame
from kkpham.model.resolver import Resolver, load_aliases
from kkpham.regimes import read_outcomes, read_regimes
from kkpham.settings import Settings
from kkpham.store import Store
from kkpham.write.backup import list_backups
from kkpham.write.importer import (
    ImportFileError,
    conflict_lines,
    error_rows,
    preview_frame,
    read_table,
)
from kkpham.write.stewardship import ImportRefused, audit_log, check_upload, commit_file, undo
from kkpham.write.template import template_csv, template_xlsx

PROVINCES = pd.DataFrame({"code": ["74", "92"], "name": ["Sulawesi Tenggara", "Papua Barat Daya"]})
REGIONS = pd.DataFrame(
    {
        "code": ["74.01", "74.02", "74.15", "74.71", "92.01", "92.71"],
        "name": [
            "Kabupaten Kolaka",
            "Kabupaten Konawe",
            "Kabupaten Buton Selatan",
            "Kota Kendari",
            "Kabupaten Sorong",
            "Kota Sorong",
        ],
        "kind": ["Kabupaten", "Kabupaten", "Kabupaten", "Kota", "Kabupaten", "Kota"],
        "province_code": ["74", "74", "74", "74", "92", "92"],
        "formed_year": pd.array([None, None, 2014, None, None, None], dtype="Int64"),
        "formed_basis": [None, None, "UU 16/2014", None, None, None],
        "previous_code": [None] * 6,
        "area_km2": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
    }
)
CYCLES = pd.DataFrame(
    {
        "data_year": [2013, 2020, 2022, 2023],
        "award_year": pd.array([2014, None, 2023, 2024], dtype="Int64"),
        "regime": ["A", None, "C", "C"],
        "regulation": ["11/2013", None, "22/2021", "22/2021"],
        "held": [True, False, True, True],
        "decree_number": [None] * 4,
        "decree_date": [None] * 4,
        "award_date": [None] * 4,
        "note": [None] * 4,
        "source_url": ["https://example.org/c"] * 4,
    }
)
HEADER = [
    "tahun_data",
    "tahun_penghargaan",
    "provinsi",
    "kabupaten_kota",
    "predikat",
    "nilai",
    "sumber",
    "keterangan",
]


def make_store(path: Path) -> Path:
    """A closed store file with the synthetic geography and one reference claim (Kolaka 2022)."""
    with Store.create(path) as store:
        store.load_geography(PROVINCES, REGIONS)
        store.load_cycles(CYCLES)
        store.load_regimes(read_regimes(), read_outcomes())  # the statuses each regime can give
        store.add_batch(
            pd.DataFrame(
                [
                    {
                        "region_code": "74.01",
                        "data_year": 2022,
                        "award_year": 2023,
                        "data_year_derived": False,
                        "status": "peduli",
                        "score": math.nan,
                        "source_url": "https://berita.example.com/kolaka",
                        "source_kind": "berita",
                        "name_in_source": "Kolaka",
                        "note": "",
                        "all_regions_statement": False,
                    }
                ]
            ),
            origin="data/results.csv",
            who="build",
        )
        store.checkpoint()
    return path


def make_settings(tmp_path: Path, keep: int = 3) -> Settings:
    db = tmp_path / "kkpham.duckdb"
    if not db.exists():
        make_store(db)
    return Settings(
        db_path=db,
        boundaries_src=None,
        build_dir=tmp_path / "build",
        cache_dir=tmp_path / "cache",
        static_dir=tmp_path / "static",
        backup_dir=tmp_path / "backups",
        backup_keep=keep,
    )


def make_resolver() -> Resolver:
    return Resolver(REGIONS, PROVINCES, load_aliases())


def row(
    name: str = "Kota Kendari",
    year: str = "2022",
    predikat: str = "Peduli HAM",
    nilai: str = "",
    sumber: str = "https://kendarikota.go.id/kkp",
    provinsi: str = "Sultra",
    award: str = "",
    note: str = "",
) -> dict:
    return {
        "tahun_data": year,
        "tahun_penghargaan": award,
        "provinsi": provinsi,
        "kabupaten_kota": name,
        "predikat": predikat,
        "nilai": nilai,
        "sumber": sumber,
        "keterangan": note,
    }


def csv_bytes(rows: list[dict], sep: str = ",") -> bytes:
    return pd.DataFrame(rows, columns=HEADER).to_csv(index=False, sep=sep).encode()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(db: Path) -> dict[str, int]:
    with Store.open(db) as store:
        return store.counts()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


# -- preview ------------------------------------------------------------------------------------
def test_good_file_previews_then_commits_one_audited_batch(settings: Settings) -> None:
    decree = "M.HH-03.HA.02.01.01 Tahun 2023"  # the decree of data year 2022
    data = csv_bytes(
        [row(), row("Konawe", nilai="81,5"), row("Kab. Kolaka", predikat="belum", sumber=decree)]
    )
    before = sha(settings.db_path)
    report = check_upload(data, "hasil.csv", make_resolver(), settings.db_path)
    assert (report.ok, report.errors, report.conflicts) == (3, 0, 1)  # Kolaka: stored peduli
    assert sha(settings.db_path) == before  # the preview wrote nothing
    preview = preview_frame(report)
    assert list(preview["wilayah"]) == [
        "74.71 Kota Kendari",
        "74.02 Kabupaten Konawe",
        "74.01 Kabupaten Kolaka",
    ]
    assert preview["status"].iloc[2] == "Berbeda dengan data tersimpan"
    assert "berita.example.com" in preview["masalah_atau_catatan"].iloc[2]

    batch, _ = commit_file(data, "hasil.csv", make_resolver(), settings, who="Rina (Kanwil)")
    log = {r["batch_id"]: r for r in audit_log(settings.db_path)}
    entry = log[batch]
    assert entry["who"] == "Rina (Kanwil)" and entry["file_name"] == "hasil.csv"
    assert entry["file_sha256"] == hashlib.sha256(data).hexdigest()
    assert (entry["n_rows"], entry["n_errors"], entry["n_conflicts"], entry["n_live"]) == (
        3,
        0,
        1,
        3,
    )
    assert entry["undoable"] and not log[1]["undoable"]  # the reference batch is not undoable
    assert len(list_backups(settings.db_path, settings.backup_dir)) == 1
    with Store.open(settings.db_path) as store:
        kolaka = store.claims(2022, region_code="74.01")
        frame = map_frame(store, 2022, "74").set_index("code")
    # both claims stay; the decree beats the news report on the map
    assert sorted(kolaka["status"]) == ["belum", "peduli"]
    assert frame.loc["74.01", "status"] == "belum" and frame.loc["74.01", "disputed"]
    assert frame.loc["74.02", "score"] == 81.5


def test_each_kind_of_bad_row_gets_its_plain_error(settings: Settings) -> None:
    rows = [
        row("Konawee"),  # 2 unknown, suggestions
        row("Sorong", provinsi=""),  # 3 ambiguous, candidates
        row("Konawe", year="1900"),  # 4 year outside cycles
        row("Konawe", year="20x2"),  # 5 not a year
        row("Konawe", predikat="Sangat Peduli"),  # 6 unknown predikat
        row("Konawe", nilai="120"),  # 7 score out of range
        row("Konawe", sumber=""),  # 8 missing source
        row("Kendari"),
        row("Kendari"),  # 9, 10 duplicate rows
        row("Kolaka", sumber="https://berita.example.com/kolaka"),  # 11 already stored
        row("Contoh Kabupaten A"),  # 12 template example
        row("Konawe", year="2020"),  # 13 cycle not held
        row("Konawe", nilai="60"),  # 14 peduli below 75
    ]
    report = check_upload(csv_bytes(rows), "x.csv", make_resolver(), settings.db_path)
    errors = {r["line"]: r for r in report.rows if "error" in r}
    assert sorted(errors) == [2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14]  # row 9 is the first copy
    assert "tidak dikenal" in str(errors[2]["error"]) and errors[2]["candidates"] == [
        "74.02 Kabupaten Konawe (Sulawesi Tenggara)"
    ]
    assert "ambigu" in str(errors[3]["error"])
    assert {c.split()[0] for c in errors[3]["candidates"]} == {"92.01", "92.71"}
    assert "1900" in str(errors[4]["error"]) and "bukan tahun" in str(errors[5]["error"])
    assert "predikat" in str(errors[6]["error"]) and "0–100" in str(errors[7]["error"])
    assert "sumber wajib" in str(errors[8]["error"]) and "baris 9" in str(errors[10]["error"])
    assert "sudah tersimpan" in str(errors[11]["error"]) and "contoh" in str(errors[12]["error"])
    assert "tidak dilaksanakan" in str(errors[13]["error"]) and "75" in str(errors[14]["error"])
    # the rows in error, as written, with line, problem and candidates (for fixing)
    bad = error_rows(report)
    assert list(bad["baris"]) == sorted(errors) and bad.loc[1, "kabupaten_kota"] == "Sorong"
    assert "92.01 Kabupaten Sorong" in bad.loc[1, "kandidat"]
    before = sha(settings.db_path)
    with pytest.raises(ImportRefused) as refused:
        commit_file(csv_bytes(rows), "x.csv", make_resolver(), settings, who="x")
    assert refused.value.report.errors == 12
    assert sha(settings.db_path) == before
    assert list_backups(settings.db_path, settings.backup_dir) == []  # refused: no backup


# Indonesian words that would mean a message was not translated (the template's column names,
# tahun_data or nilai, are written as in the file, and stay).
_INDONESIAN = re.compile(
    r"\b(tidak|baris|wajib|sudah|dikenal|bukan|harus|dengan|untuk|belum|berkas|kolom)\b"
)


def test_the_same_problems_read_in_english(settings: Settings) -> None:
    """The English data page shows each problem in English; the command line, in Indonesian."""
    rows = [
        row("Konawee"),  # 2 unknown
        row("Sorong", provinsi=""),  # 3 ambiguous
        row("Konawe", year="1900"),  # 4 outside the cycles
        row("Konawe", year="20x2"),  # 5 not a year
        row("Konawe", nilai="120"),  # 6 score out of range
        row("Konawe", sumber=""),  # 7 missing source
        row("Kendari"),
        row("Kendari"),  # 8, 9 duplicate
        row("Kolaka", sumber="https://berita.example.com/kolaka"),  # 10 already stored
        row("Contoh Kabupaten A"),  # 11 template example
        row("Konawe", year="2020"),  # 12 cycle not held
        row("Konawe", nilai="60"),  # 13 peduli below 75
        row("Konawe", predikat="Sangat Peduli"),  # 14 unknown predicate (names the accepted)
    ]
    report = check_upload(csv_bytes(rows), "x.csv", make_resolver(), settings.db_path)
    errors = {r["line"]: r["error"] for r in report.rows if "error" in r}
    assert sorted(errors) == [2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14]
    english = {line: err.text("en") for line, err in errors.items()}
    for line, text in english.items():
        assert text != str(errors[line]), line  # str(): Indonesian, for the command line
        if line != 14:
            assert not _INDONESIAN.search(text), (line, text)
    assert english[2] == (
        "the name 'Konawee' is not known in the province of Sulawesi Tenggara; perhaps: "
        "74.02 Kabupaten Konawe (Sulawesi Tenggara)"
    )
    assert english[3].startswith("the name 'Sorong' is ambiguous: 92.01 Kabupaten Sorong")
    assert english[9] == "duplicate row: the same region, data year and source as row 8"
    assert english[13] == "a score of 60, below 75, does not match Peduli HAM"
    assert english[14].startswith("predikat (predicate) 'Sangat Peduli' is not known")
    assert report.as_json("en")["rows"][0]["error"] == english[2]
    assert report.as_json()["rows"][0]["error"] == str(errors[2])
    fix = error_rows(report, "en")  # the file to fix keeps the template's column names
    assert list(fix.columns) == ["row", *report.columns, "problem", "candidates"]
    assert fix["problem"].tolist() == [english[line] for line in sorted(errors)]
    assert set(preview_frame(report, "en")["status"]) == {"Error", "Ready"}  # row 8: the first


def test_a_file_that_cannot_be_read_says_so_in_either_language() -> None:
    with pytest.raises(ImportFileError) as err:
        read_table(b"a,b\n1,2\n", "x.csv")
    assert str(err.value).startswith("kolom wajib tidak ada: kabupaten_kota, predikat")
    assert err.value.text("en").startswith("required columns missing: kabupaten_kota, predikat")
    with pytest.raises(ImportFileError) as err:
        read_table(b"x" * 10, "x.ods")
    assert err.value.text("en") == "file type '.ods' is not supported: use CSV or XLSX"
    # raised in one process, shown in another: the words survive pickling, in both languages
    again = pickle.loads(pickle.dumps(err.value))
    assert type(again) is ImportFileError and again.text("en") == err.value.text("en")


def test_template_is_readable_and_rejected_as_is(settings: Settings) -> None:
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx()))
    assert book.sheetnames == ["Data", "Petunjuk"]
    guide = " ".join(str(c.value) for r in book["Petunjuk"].iter_rows() for c in r)
    assert "tahun_data" in guide and "Contoh" in guide
    for data, name in ((template_xlsx(), "templat.xlsx"), (template_csv(), "templat.csv")):
        report = check_upload(data, name, make_resolver(), settings.db_path)
        assert report.errors == len(report.rows) == 2
        assert all("baris contoh" in str(r["error"]) for r in report.rows)


def test_semicolon_csv_with_decimal_comma_and_bom(settings: Settings) -> None:
    data = b"\xef\xbb\xbf" + csv_bytes([row("Konawe", nilai="80,25")], sep=";")
    report = check_upload(data, "hasil.csv", make_resolver(), settings.db_path)
    assert report.errors == 0 and report.rows[0]["score"] == 80.25


def test_xlsx_title_row_merged_header_and_extra_sheets(settings: Settings) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Catatan"
    book.active["A1"] = "bukan data"
    sheet = book.create_sheet("Lampiran")
    sheet["A1"] = "LAMPIRAN KEPUTUSAN MENTERI HAM"
    sheet.merge_cells("A1:H1")  # a merged title above the header
    sheet.append(HEADER)
    sheet.append(
        [
            2022,
            None,
            "Sulawesi Tenggara",
            "Kota Kendari",
            "Peduli HAM",
            88.5,
            "M.HH-03.HA.02.01.01 Tahun 2023",
            None,
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    frame = read_table(buffer.getvalue(), "lampiran.xlsx")
    assert list(frame.index) == [3] and frame.loc[3, "tahun_data"] == "2022"
    report = check_upload(buffer.getvalue(), "lampiran.xlsx", make_resolver(), settings.db_path)
    assert report.errors == 0 and report.rows[0]["line"] == 3
    assert report.rows[0]["source_kind"] == "keputusan" and report.rows[0]["score"] == 88.5


def test_award_year_only_derives_the_data_year(settings: Settings) -> None:
    report = check_upload(
        csv_bytes([row("Konawe", year="", award="2023")]),
        "a.csv",
        make_resolver(),
        settings.db_path,
    )
    assert report.errors == 0
    assert (report.rows[0]["data_year"], report.rows[0]["data_year_derived"]) == (2022, True)


def test_commit_rechecks_against_the_store_of_that_moment(settings: Settings) -> None:
    data = csv_bytes([row("Konawe")])
    preview = check_upload(data, "a.csv", make_resolver(), settings.db_path)
    assert preview.errors == 0
    commit_file(data, "same-rows-other-name.csv", make_resolver(), settings, who="a")
    before = sha(settings.db_path)
    with pytest.raises(ImportRefused, match="1 baris"):  # now a stored duplicate
        commit_file(data, "a.csv", make_resolver(), settings, who="b")
    assert sha(settings.db_path) == before


def test_undo_removes_the_batch_and_keeps_the_log(settings: Settings) -> None:
    start = counts(settings.db_path)
    batch, _ = commit_file(
        csv_bytes([row(), row("Konawe")]), "a.csv", make_resolver(), settings, who="a"
    )
    assert counts(settings.db_path)["results"] == start["results"] + 2
    assert undo(batch, settings, who="Budi") == 2
    after = counts(settings.db_path)
    assert after["results"] == start["results"] and after["batches"] == start["batches"] + 1
    entry = next(r for r in audit_log(settings.db_path) if r["batch_id"] == batch)
    assert entry["undone_by"] == "Budi" and not entry["undoable"] and entry["n_live"] == 0
    with pytest.raises(ValueError, match="sudah dibatalkan"):
        undo(batch, settings, who="Budi")
    with pytest.raises(ValueError, match="bukan impor"):
        undo(1, settings, who="Budi")
    with pytest.raises(ValueError, match="tidak ada"):
        undo(99, settings, who="Budi")


def test_files_citing_a_stored_source_commit_and_reimport_after_undo_works(
    settings: Settings,
) -> None:
    """The routine case: a second file citing the same decree, and undo-fix-re-import."""
    decree = "Keputusan Menteri HAM MHA-01.HA.02.01.01 Tahun 2024"
    first, _ = commit_file(
        csv_bytes([row("Konawe", year="2023", sumber=decree)]),
        "a.csv",
        make_resolver(),
        settings,
        who="a",
    )
    second, _ = commit_file(
        csv_bytes([row("Kolaka", year="2023", sumber=decree)]),
        "b.csv",
        make_resolver(),
        settings,
        who="a",
    )
    assert undo(second, settings, who="a") == 1
    again, _ = commit_file(
        csv_bytes([row("Kolaka", year="2023", sumber=decree)]),
        "b2.csv",
        make_resolver(),
        settings,
        who="a",
    )
    assert len({first, second, again}) == 3
    with Store.open(settings.db_path) as store:
        claims = store.claims(data_year=2023)
    assert set(claims["source_url"]) == {decree} and len(claims) == 2


def test_backups_rotate_and_hold_the_state_before_each_write(settings: Settings) -> None:
    states = []
    for i, name in enumerate(["Konawe", "Kendari", "Buton Selatan", "Kolaka", "Konawe"]):
        states.append(sha(settings.db_path))
        commit_file(
            csv_bytes([row(name, sumber=f"https://a.example.com/{i}")]),
            f"{i}.csv",
            make_resolver(),
            settings,
            who="a",
        )
    backups = list_backups(settings.db_path, settings.backup_dir)
    assert len(backups) == settings.backup_keep == 3
    assert [sha(b) for b in backups] == states[-3:]


def test_unreadable_files_say_why() -> None:
    cases = {
        b"": "kosong",
        b"kabupaten_kota,predikat\nKolaka,Peduli\n": "tahun_data",
        "tahun_data,provinsi,kabupaten_kota,predikat,sumber\n2022,Sultra,Kolaka é,x,y\n".encode(
            "latin-1"
        ): "UTF-8",
        b"\xd0\xcf\x11\xe0rest": ".xls",
        b"PK\x03\x04broken": "Excel",
        b"a,b\n1,2\n": "kolom wajib",
    }
    for data, expected in cases.items():
        with pytest.raises(ImportFileError, match=expected):
            read_table(data, "x.csv")


def test_conflicts_within_one_file_are_counted_shown_and_audited(settings: Settings) -> None:
    rows = [
        row("Kendari", sumber="https://kendarikota.go.id/a"),  # 2 in file
        row("Kendari", predikat="belum", sumber="https://berita.example.com/b"),  # 3 in file
        row("Konawe"),  # 4 none
        row("Kolaka", predikat="belum", sumber="https://kolakakab.go.id/c"),  # 5 both
        row("Kolaka", predikat="peduli ham", sumber="https://berita.example.com/d"),  # 6 in file
    ]
    data = csv_bytes(rows)
    report = check_upload(data, "x.csv", make_resolver(), settings.db_path)
    by_line = {r["line"]: r for r in report.rows}
    assert report.errors == 0
    assert (report.conflicts_in_file, report.conflicts_stored, report.conflicts) == (4, 1, 4)
    assert [c["line"] for c in by_line[2]["conflicts_in_file"]] == [3]
    assert "conflicts_in_file" not in by_line[4]
    # row 6 agrees with the stored Kolaka claim but not with row 5 of the file
    assert not by_line[6].get("conflicts_with") and by_line[6]["conflicts_in_file"]
    states = dict(zip(preview_frame(report)["baris"], preview_frame(report)["status"], strict=True))
    assert states == {
        2: "Berbeda dengan baris lain",
        3: "Berbeda dengan baris lain",
        4: "Siap",
        5: "Berbeda dengan baris lain dan data tersimpan",
        6: "Berbeda dengan baris lain",
    }
    lines = conflict_lines(report)
    assert len(lines) == 2 and lines[0].startswith("74.71 Kota Kendari, tahun data 2022: baris 2")
    assert "tersimpan Peduli HAM (https://berita.example.com/kolaka)" in lines[1]
    assert report.as_json()["conflicts_in_file"] == 4
    # the English data page reads the same conflicts in English
    english = preview_frame(report, "en")
    assert english["status"].tolist() == [
        "Differs from other rows",
        "Differs from other rows",
        "Ready",
        "Differs from other rows and stored data",
        "Differs from other rows",
    ]
    assert "every claim is kept" in english["masalah_atau_catatan"].iloc[0]
    lines = conflict_lines(report, "en")
    assert lines[0].startswith("74.71 Kota Kendari, data year 2022: row 2")
    assert "stored Peduli HAM (rights-caring) (https://berita.example.com/kolaka)" in lines[1]
    batch, _ = commit_file(data, "x.csv", make_resolver(), settings, who="a")
    entry = next(r for r in audit_log(settings.db_path) if r["batch_id"] == batch)
    assert (entry["n_rows"], entry["n_conflicts"]) == (5, 4)  # each row in conflict counted once
    with Store.open(settings.db_path) as store:
        frame = map_frame(store, 2022, "74").set_index("code")
    assert frame.loc["74.71", "disputed"] and frame.loc["74.71", "status"] == "peduli"  # .go.id


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("Keputusan Menteri HAM MHA-01.HA.02.01.01 Tahun 2024", "keputusan"),
        ("M.HH-02.HA.02.01.01 Tahun 2022", "keputusan"),
        ("Kepmenkumham No. 12/2020", "keputusan"),
        ("keputusan bupati (grup WA)", None),  # would outrank every web page on the map
        ("Keputusan Menteri tanpa nomor", None),
        ("https://sultra.kemenkumham.go.id/x", "pemerintah"),
        ("https://kendaripos.fajar.co.id/x", "berita"),
        # issue 7, defect 7: a link in disguise is not a decree (it ranked first and was clickable)
        ("javascript:alert(1)//M.HH-01.HA.04.02", None),
        ("JavaScript:fetch('x')  M.HH-01.HA.04.02", None),
        ("data:text/html,M.HH-01.HA.04.02", None),
        ("ftp://x.example/M.HH-01.HA.04.02", None),
        ("M.HH-01.HA.04.02 <img src=x>", None),
        ("Keputusan Menteri Nomor M.HH-01.HA.04.02 Tahun 2023 [lihat](https://x.example)", None),
    ],
)
def test_only_a_numbered_ministerial_decree_counts_as_a_decree(source: str, kind: str | None):
    from kkpham.write.importer import source_kind

    assert source_kind(source) == kind


def test_a_status_or_score_the_cycles_regime_cannot_give_is_refused(settings: Settings) -> None:
    """The import applies the regime checks (tests/test_domain_checks.py) and names the row."""
    data = csv_bytes(
        [
            row(year="2013", predikat="Cukup Peduli HAM"),  # 11/2013 names only Peduli HAM
            row("Konawe", predikat="Tidak melapor", nilai="80"),
            row("Kolaka", predikat="Belum Peduli HAM", nilai="90"),
        ]
    )
    report = check_upload(data, "hasil.csv", make_resolver(), settings.db_path)
    errors = {r["line"]: str(r["error"]) for r in report.rows if "error" in r}
    assert report.ok == 0 and sorted(errors) == [2, 3, 4]
    assert "tidak ada dalam 11/2013" in errors[2]
    assert "tidak dinilai" in errors[3] and "berarti Peduli HAM" in errors[4]


def test_a_stored_page_written_differently_is_the_same_claim(settings: Settings) -> None:
    """Kolaka 2022 is stored from https://berita.example.com/kolaka (make_store)."""
    data = csv_bytes(
        [
            row("Kolaka", sumber="http://www.berita.example.com/kolaka/"),
            row("Konawe", sumber="https://a.example.com/k"),
            row("Konawe", sumber="https://a.example.com/k/?utm_source=wa"),
        ]
    )
    report = check_upload(data, "hasil.csv", make_resolver(), settings.db_path)
    errors = {r["line"]: str(r["error"]) for r in report.rows if "error" in r}
    assert "sudah tersimpan" in errors[2] and "baris ganda" in errors[4]
    assert report.ok == 1
