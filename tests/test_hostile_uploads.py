"""Issue 7, defects 1-2: an upload costs bounded memory and time, whoever sends it.

Every hostile file is generated here. Memory is measured with tracemalloc (Python allocations,
which is where pandas' padding went) and time with the process clock; the limits are generous
ceilings that the old reader exceeded by orders of magnitude (7 GB, 88 s).
"""

from __future__ import annotations

import time
import tracemalloc
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kkpham.write import spreadsheet
from kkpham.write.importer import ImportFileError, read_table
from tests import hostile_xlsx as hx

MAX_MB = 150
MAX_CPU_S = 10.0


def measured(data: bytes, name: str = "hasil.xlsx") -> tuple[object, float, float]:
    """(result or the ImportFileError raised, peak MB, CPU seconds) of reading ``data``."""
    tracemalloc.start()
    cpu = time.process_time()
    try:
        result: object = read_table(data, name)
    except ImportFileError as err:
        result = err
    finally:
        seconds = time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return result, peak, seconds


def test_a_normal_workbook_still_reads():
    frame = read_table(hx.workbook({"Data": hx.sheet(hx.table_rows(hx.good_rows(3)))}), "a.xlsx")
    assert len(frame) == 3 and frame["kabupaten_kota"].tolist() == ["Kota Kendari"] * 3


@pytest.mark.parametrize("ref", ["XFD1048576", "XFD3000", "A1048576", "AE2"])
def test_one_far_cell_is_refused_in_bounded_memory(ref):
    """Defect 1: a 1.7 KB file with one cell at XFD1048576 took 7 GB and killed the server."""
    data = hx.far_cell(ref)
    assert len(data) < 4_000
    result, peak, seconds = measured(data)
    assert isinstance(result, ImportFileError), result
    assert peak < MAX_MB and seconds < MAX_CPU_S
    assert "maksimal" in str(result)  # names the limit, in Indonesian


def test_a_lying_dimension_does_not_help():
    """The declared size says A1:G2, but a value sits at row 900 000: the scan finds it."""
    rows = [*hx.table_rows(hx.good_rows()), f'<row r="900000">{hx.cell("B900000", "x")}</row>']
    result, peak, _ = measured(hx.workbook({"Data": hx.sheet(rows, dimension="A1:G2")}))
    assert isinstance(result, ImportFileError) and "baris 900.000" in str(result)
    assert peak < MAX_MB


def test_far_empty_styled_cells_cost_nothing():
    """Formatting far away (no value) is not data: the file reads, without padding to it."""
    rows = [*hx.table_rows(hx.good_rows()), '<row r="60000"><c r="Z60000" s="0"/></row>']
    result, peak, _ = measured(hx.workbook({"Data": hx.sheet(rows)}))
    assert not isinstance(result, Exception) and len(result) == 1
    assert peak < MAX_MB


def test_a_row_of_countless_cells_is_refused():
    cells = "".join(f'<c r="{hx.col_letters(c)}3" s="0"/>' for c in range(1, 5000))
    rows = [*hx.table_rows(hx.good_rows()), f'<row r="3">{cells}</row>']
    result, peak, _ = measured(hx.workbook({"Data": hx.sheet(rows)}))
    assert isinstance(result, ImportFileError) and "sel" in str(result)
    assert peak < MAX_MB


def test_zip_bomb_is_refused_before_parsing():
    """Defect 2: 1.55 MB -> 356 MB of XML cost 88 s of CPU. Here ~100 k rows (~40 MB of XML)."""
    data = hx.bomb(100_000)
    assert len(data) < 2_000_000
    total = sum(i.file_size for i in zipfile.ZipFile(__import__("io").BytesIO(data)).infolist())
    assert total > spreadsheet.MAX_UNCOMPRESSED
    result, peak, seconds = measured(data)
    assert isinstance(result, ImportFileError) and "terlalu besar setelah dibuka" in str(result)
    assert peak < 20 and seconds < 1.0  # refused on the zip directory alone


def test_too_many_rows_within_the_size_cap_are_refused(monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_SHEET_ROWS", 511)  # the cap, made cheap to reach
    result, peak, seconds = measured(hx.bomb(600))
    assert isinstance(result, ImportFileError) and "baris 512" in str(result)
    assert peak < MAX_MB and seconds < MAX_CPU_S


def test_entity_expansion_is_refused():
    """A "billion laughs" sheet: defusedxml refuses the DTD instead of expanding it."""
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        f'<worksheet xmlns="{hx.MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
        "<t>&lol3;</t></is></c></row></sheetData></worksheet>"
    )
    result, peak, _ = measured(hx.workbook({"Data": [laughs]}))
    assert isinstance(result, ImportFileError) and peak < MAX_MB


def test_deadline_stops_a_slow_read():
    """Time is injected: a clock that jumps past the limit stops the scan with a message."""
    ticks = iter(range(0, 100_000, 5))
    deadline = spreadsheet.Deadline(seconds=12, clock=lambda: float(next(ticks)))
    data = hx.workbook({"Data": hx.sheet(hx.table_rows(hx.good_rows(3_000)))})
    with pytest.raises(spreadsheet.SheetLimitError, match="detik"):
        spreadsheet.read_xlsx(data, lambda cells: "predikat" in cells, deadline=deadline)


def test_parse_slots_bound_concurrent_reads():
    busy = pytest.raises(spreadsheet.SheetLimitError, match="coba lagi")
    with spreadsheet.parse_slot(), busy, spreadsheet.parse_slot(wait=0.01):
        pass


def test_csv_of_line_breaks_or_commas_is_bounded():
    for data in (b"\n" * 4_900_000, b"kabupaten_kota,predikat\n" + b"," * 4_000_000):
        result, peak, seconds = measured(data, "a.csv")
        assert isinstance(result, ImportFileError)
        assert peak < MAX_MB and seconds < MAX_CPU_S


# Any workbook the generator can make: cells anywhere on the sheet, any declared dimension,
# several sheets. Each is answered (rows or a clear ImportFileError) within the same ceilings.
_refs = st.tuples(st.integers(1, 16_384), st.integers(1, 1_048_576))
_sheet = st.tuples(
    st.lists(_refs, max_size=6),
    st.one_of(st.none(), _refs),
    st.integers(0, 40),  # good rows under the header
    st.booleans(),  # header present
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_sheet, min_size=1, max_size=3))
def test_any_generated_workbook_is_answered_in_bounded_time_and_memory(sheets):
    built = {}
    for i, (far, dim, n_good, header) in enumerate(sheets):
        rows = list(hx.table_rows(hx.good_rows(n_good) if header else [hx.GOOD_ROW] * n_good))
        cells: dict[int, list[str]] = {}
        for col, row in far:
            if row > len(rows):
                cells.setdefault(row, []).append(hx.cell(f"{hx.col_letters(col)}{row}", "x"))
        rows += [f'<row r="{r}">{"".join(c)}</row>' for r, c in sorted(cells.items())]
        dimension = f"A1:{hx.col_letters(dim[0])}{dim[1]}" if dim else None
        built["Data" if i == 0 else f"S{i}"] = hx.sheet(rows, dimension)
    result, peak, seconds = measured(hx.workbook(built))
    assert isinstance(result, ImportFileError) or len(result) <= spreadsheet.MAX_DATA_ROWS
    assert peak < MAX_MB and seconds < MAX_CPU_S
