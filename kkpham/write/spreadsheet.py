"""Reading an uploaded XLSX in bounded memory and time, whoever sent it.

An XLSX is a zip of XML. ``pandas.read_excel`` pads every row to the widest one and reads every
sheet whole, so one cell at ``XFD1048576`` costs gigabytes, and a zip of highly compressed XML (a
"zip bomb") costs minutes. Here nothing is parsed before the archive's declared sizes and each
sheet's declared dimensions are checked; each candidate sheet's XML is then scanned as a stream
(constant memory) against hard row, column and cell caps; only a sheet within every cap is read,
by openpyxl in read-only mode with explicit row and column bounds. Every step checks a deadline.
The first limit reached stops the read with a message in plain words (``SheetLimitError``).

``openpyxl`` parses through ``defusedxml`` when it is installed (it is pinned), so entity
expansion ("billion laughs") is refused too.
"""

from __future__ import annotations

import io
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import openpyxl
from defusedxml.ElementTree import iterparse
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from kkpham.texts import Explained, Message, Number

# An official results list has one row per kab/kota (514 in all) and the template's 8 columns.
MAX_DATA_ROWS = 20_000
MAX_COLUMNS = 30
HEADER_ROWS = 10  # a title row may sit above the header
MAX_SHEET_ROWS = MAX_DATA_ROWS + HEADER_ROWS + 1
MAX_CELLS_PER_ROW = 200  # styled-but-empty cells included; bounds one row's parse
MAX_SHEETS = 10  # sheets scanned for the header
MAX_ENTRIES = 200  # files inside the zip
MAX_UNCOMPRESSED = 25_000_000  # bytes of XML in all: ~20 000 rows of 8 cells fit with room
MAX_SECONDS = 45.0  # wall time for one workbook, all steps (a full 20 000 rows: ~4 s idle)
PARSE_SLOTS = 1  # workbooks read at once in this process (uploads are rare; bombs are not)
SLOT_WAIT = 20.0

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SLOTS = threading.BoundedSemaphore(PARSE_SLOTS)


class SheetLimitError(Explained, ValueError):
    """The workbook is beyond a limit or unreadable; the message says which, for the uploader."""


@dataclass
class Deadline:
    seconds: float = MAX_SECONDS
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self.end = self.clock() + self.seconds

    def check(self) -> None:
        if self.clock() > self.end:
            raise SheetLimitError(Message("xls_slow", seconds=Number(self.seconds, 0)))


@contextmanager
def parse_slot(wait: float = SLOT_WAIT) -> Iterator[None]:
    """At most PARSE_SLOTS workbooks are read at once: many hostile uploads cannot add up."""
    if not _SLOTS.acquire(timeout=wait):
        raise SheetLimitError(Message("xls_busy"))
    try:
        yield
    finally:
        _SLOTS.release()


def check_archive(data: bytes) -> zipfile.ZipFile:
    """The zip, once its declared sizes are within the caps (zipfile never inflates an entry
    beyond its declared size: a lying header fails its CRC check instead)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise SheetLimitError(Message("xls_bad_zip")) from err
    if len(entries) > MAX_ENTRIES:
        raise SheetLimitError(
            Message("xls_entries", n=Number(len(entries)), max=Number(MAX_ENTRIES))
        )
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED:
        raise SheetLimitError(
            Message(
                "xls_unpacked",
                mb=Number(total / 1e6, 0),
                max=Number(MAX_UNCOMPRESSED / 1e6, 0),
            )
        )
    return archive


def _declared_too_big(ws: object, title: str) -> None:
    rows, cols = ws.max_row, ws.max_column  # from <dimension ref=…>; None when absent
    if (rows or 0) > MAX_SHEET_ROWS or (cols or 0) > MAX_COLUMNS:
        raise SheetLimitError(
            Message(
                "xls_declared",
                title=title,
                rows=Number(rows or 0),
                cols=Number(cols or 0),
                max_rows=Number(MAX_DATA_ROWS),
                max_cols=Number(MAX_COLUMNS),
            )
        )


def _column(ref: str) -> tuple[int, int]:
    letters, row = coordinate_from_string(ref)
    return row, column_index_from_string(letters)


def scan_sheet(source: io.BufferedIOBase, title: str, deadline: Deadline) -> int:
    """Stream the sheet XML once in constant memory; SheetLimitError at the first cap passed.

    Returns the last row index that holds a value.
    """
    last_row, row_at, cells_in_row = 0, 0, 0
    try:
        for n, (_, elem) in enumerate(iterparse(source, events=("end",))):
            if n % 4096 == 0:
                deadline.check()
            tag = elem.tag
            if tag == f"{_NS_MAIN}c":
                cells_in_row += 1
                ref = elem.get("r")
                row, col = _column(ref) if ref else (row_at + 1, cells_in_row)
                has_value = any(child.tag in (f"{_NS_MAIN}v", f"{_NS_MAIN}is") for child in elem)
                if has_value and row > MAX_SHEET_ROWS:
                    raise SheetLimitError(
                        Message(
                            "xls_row_far", title=title, row=Number(row), max=Number(MAX_DATA_ROWS)
                        )
                    )
                if has_value and col > MAX_COLUMNS:
                    raise SheetLimitError(
                        Message(
                            "xls_col_far",
                            title=title,
                            cell=ref or col,
                            col=Number(col),
                            max=Number(MAX_COLUMNS),
                        )
                    )
                if cells_in_row > MAX_CELLS_PER_ROW:
                    raise SheetLimitError(
                        Message(
                            "xls_row_cells",
                            title=title,
                            row=Number(row),
                            max=Number(MAX_CELLS_PER_ROW),
                        )
                    )
                if has_value:
                    last_row = max(last_row, row)
                elem.clear()
            elif tag == f"{_NS_MAIN}row":
                r = elem.get("r")
                row_at = int(r) if r and r.isdigit() else row_at + 1
                cells_in_row = 0
                elem.clear()
    except SheetLimitError:
        raise
    except Exception as err:  # ParseError, defusedxml's refusals, bad references
        problem = type(err).__name__
        raise SheetLimitError(
            Message("xls_sheet_unreadable", title=title, problem=problem)
        ) from err
    return last_row


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 2022 as 2022.0
    return str(value)


def sheet_rows(ws: object, last_row: int, deadline: Deadline) -> list[tuple[int, list[str]]]:
    """(row number, cells as text) for rows 1..last_row, at most MAX_COLUMNS cells each."""
    rows = []
    for i, values in enumerate(
        ws.iter_rows(min_row=1, max_row=max(last_row, 1), max_col=MAX_COLUMNS, values_only=True),
        start=1,
    ):
        if i % 1024 == 0:
            deadline.check()
        rows.append((i, [_cell(v) for v in values]))
    return rows


def _header_at(rows: list[tuple[int, list[str]]], has_header: Callable[[list[str]], bool]) -> bool:
    return any(has_header(cells) for _, cells in rows[:HEADER_ROWS])


def read_xlsx(
    data: bytes,
    has_header: Callable[[list[str]], bool],
    deadline: Deadline | None = None,
) -> tuple[list[tuple[int, list[str]]], list[str]]:
    """(rows of the first sheet with a header, all sheet titles); the sheet named "Data" (the
    template's) is tried first. Rows are (row number, cells as text). SheetLimitError on any
    limit or unreadable part; rows ([]) when no sheet has a header."""
    deadline = deadline or Deadline()
    with parse_slot():
        archive = check_archive(data)
        archive.close()
        deadline.check()
        try:
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
        except SheetLimitError:
            raise
        except Exception as err:  # openpyxl raises many kinds for broken workbooks
            raise SheetLimitError(Message("xls_unreadable", problem=type(err).__name__)) from err
        try:
            titles = list(book.sheetnames)
            order = sorted(titles, key=lambda name: name.strip().lower() != "data")
            for title in order[:MAX_SHEETS]:
                ws = book[title]
                _declared_too_big(ws, title)
                with ws._get_source() as source:  # noqa: SLF001 (the sheet's XML stream)
                    last_row = scan_sheet(source, title, deadline)
                rows = sheet_rows(ws, last_row, deadline)
                if _header_at(rows, has_header):
                    return rows, titles
            return [], titles
        finally:
            book.close()
