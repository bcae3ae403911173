"""Malformed files thrown at the importer: each gets a clear error; the store never changes.

Every input goes through the real write path (``commit_file``), which must refuse it; the store
file's sha256 is compared after each one. ``TRIED`` counts the inputs (printed with -s).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_importer import HEADER, csv_bytes, make_resolver, make_settings, row, sha

from kkpham.settings import Settings
from kkpham.write.importer import MAX_BYTES, MAX_ROWS, ImportFileError
from kkpham.write.stewardship import ImportRefused, check_upload, commit_file

RESOLVER = make_resolver()
TRIED = {"n": 0}
FUZZ = settings(
    max_examples=35, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.fixture(scope="module")
def store_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    yield make_settings(tmp_path_factory.mktemp("fuzz"))
    print(f"\nmalformed inputs tried: {TRIED['n']}")  # shown with -s


def assert_refused(data: bytes, name: str, s: Settings) -> str:
    """The file is refused with a clear message at preview and at commit; store unchanged."""
    TRIED["n"] += 1
    before = sha(s.db_path)
    try:
        report = check_upload(data, name, RESOLVER, s.db_path)
    except ImportFileError as err:
        message = str(err)
    else:
        bad = [r for r in report.rows if "error" in r]
        assert bad, f"accepted a malformed file: {data[:200]!r}"
        assert all(len(str(r["error"])) > 8 for r in bad)
        message = str(bad[0]["error"])
    with pytest.raises((ImportFileError, ImportRefused)):
        commit_file(data, name, RESOLVER, s, who="fuzz")
    assert sha(s.db_path) == before
    assert not list(s.db_path.parent.glob("*.tmp"))
    return message


# -- cell values that must be refused ------------------------------------------------------------
HOSTILE_TEXT = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "Kolaka<b>",
        "</td>Konawe",
        '=HYPERLINK("http://evil","x")',
        "=1+1",
        "+cmd|' /C calc'!A0",
        "@SUM(A1:A2)",
        "-2+3",
        "Kendari\x00",
        "Kolaka\x1b[31m",
        "x" * 5000,
    ]
)
BAD_SCORE = st.sampled_from(
    ["nan", "NaN", "inf", "-inf", "1e309", "100.01", "-0.5", "tujuh", "80%", "=80", "1,2,3"]
)
BAD_YEAR = st.one_of(
    st.sampled_from(["1900", "3000", "0", "20222", "2022-12-10", "dua ribu", "-2022", "1e3"]),
    st.integers(min_value=-10_000, max_value=10_000)
    .filter(lambda y: y not in (2013, 2022, 2023))
    .map(str),
)
FIELDS = st.sampled_from(["provinsi", "kabupaten_kota", "predikat", "sumber", "keterangan"])


@FUZZ
@given(field=FIELDS, text=HOSTILE_TEXT, n_good=st.integers(0, 3))
def test_hostile_text_in_any_column(store_settings: Settings, field: str, text: str, n_good: int):
    rows = [row("Konawe", sumber=f"https://a.example.com/{i}") for i in range(n_good)]
    rows.append(row() | {field: text})
    message = assert_refused(csv_bytes(rows), "x.csv", store_settings)
    assert f"baris {n_good + 2}" in message or field in message or "tidak dikenal" in message


@FUZZ
@given(score=BAD_SCORE, year=BAD_YEAR, which=st.sampled_from(["score", "year", "award"]))
def test_bad_numbers(store_settings: Settings, score: str, year: str, which: str) -> None:
    bad = {"score": row(nilai=score), "year": row(year=year), "award": row(year="", award=year)}
    assert_refused(csv_bytes([row("Konawe"), bad[which]]), "x.csv", store_settings)


@FUZZ
@given(name=st.text(min_size=1, max_size=60).filter(lambda t: t.strip() and t[0] not in "-—–"))
def test_random_unicode_names_never_guess(store_settings: Settings, name: str) -> None:
    assert_refused(csv_bytes([row(name)]), "x.csv", store_settings)


ENCODINGS = st.sampled_from(["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-32"])


@FUZZ
@given(encoding=ENCODINGS, accent=st.sampled_from(["é", "ü", "ñ", "ß", "ø"]))
def test_wrong_encodings(store_settings: Settings, encoding: str, accent: str) -> None:
    text = csv_bytes([row(note=f"catatan {accent}")]).decode()
    message = assert_refused(text.encode(encoding), "x.csv", store_settings)
    assert "UTF" in message


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["x.csv", "x.xlsx", "x.txt", "x"]))
def test_random_bytes(store_settings: Settings, data: bytes, name: str) -> None:
    assert_refused(data, name, store_settings)


@FUZZ
@given(
    cut=st.integers(min_value=0, max_value=400),
    junk=st.sampled_from(['"', ";", ",,,,,,,,,,", "\r", '"unclosed\n', "\t"]),
)
def test_broken_csv_structure(store_settings: Settings, cut: int, junk: str) -> None:
    good = csv_bytes([row(), row("Konawe")], sep=";").decode()
    data = (good[:cut] + junk + good[cut:]).encode()
    try:  # some insertions leave a valid file (a stray tab in a note): those must import cleanly
        report = check_upload(data, "x.csv", RESOLVER, store_settings.db_path)
        if report.errors == 0:
            return
    except ImportFileError:
        pass
    assert_refused(data, "x.csv", store_settings)


def _xlsx(build) -> bytes:
    book = openpyxl.Workbook()
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _merged_header(book: openpyxl.Workbook) -> None:
    sheet = book.active
    sheet.append(["tahun_data", "wilayah", None, "predikat", "nilai", "sumber"])
    sheet.merge_cells("B1:C1")  # "wilayah" over provinsi + kabupaten_kota, no second header row
    sheet.append([2022, "Sultra", "Kota Kendari", "Peduli HAM", 80, "https://a.example.com"])


def _only_extra_sheets(book: openpyxl.Workbook) -> None:
    book.active.title = "Petunjuk"
    book.active["A1"] = "isi lembar Data"
    book.create_sheet("Kosong")


def _header_only(book: openpyxl.Workbook) -> None:
    book.active.append(HEADER)


def _formula_cells(book: openpyxl.Workbook) -> None:
    book.active.append(HEADER)
    book.active.append([2022, None, "Sultra", "=A1", "Peduli HAM", "=1/0", "https://a.example.com"])


@pytest.mark.parametrize(
    "build", [_merged_header, _only_extra_sheets, _header_only, _formula_cells]
)
def test_malformed_workbooks(store_settings: Settings, build) -> None:
    assert_refused(_xlsx(build), "x.xlsx", store_settings)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\n",
        b"\xef\xbb\xbf",
        ",".join(HEADER).encode() + b"\n",
        b"\n".join([b""] * 50),
    ],
)
def test_empty_files(store_settings: Settings, data: bytes) -> None:
    assert_refused(data, "x.csv", store_settings)


def test_huge_files(store_settings: Settings) -> None:
    line = ",".join(row().values()) + "\n"
    too_many_rows = (",".join(HEADER) + "\n" + line * (MAX_ROWS + 1)).encode()
    assert len(too_many_rows) < MAX_BYTES
    assert "terlalu banyak" in assert_refused(too_many_rows, "x.csv", store_settings)
    too_big = b"x" * (MAX_BYTES + 1)
    assert "terlalu besar" in assert_refused(too_big, "x.csv", store_settings)
