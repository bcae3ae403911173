"""Hand-made XLSX files for the hostile-upload tests (generated per test, never committed).

A minimal workbook is five XML parts in a zip; writing them directly lets a test declare any
dimension, put a cell anywhere (``XFD1048576``), or make a sheet of millions of rows that
compresses to almost nothing, without building those rows in memory.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

HEADER = ("tahun_data", "provinsi", "kabupaten_kota", "predikat", "nilai", "sumber", "keterangan")
GOOD_ROW = ("2022", "Sulawesi Tenggara", "Kota Kendari", "Peduli HAM", "", "https://x.go.id/a", "")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def col_letters(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def table_rows(rows: Iterable[Iterable[str]], start: int = 1) -> Iterable[str]:
    for r, values in enumerate(rows, start=start):
        cells = "".join(cell(f"{col_letters(c)}{r}", v) for c, v in enumerate(values, 1) if v)
        yield f'<row r="{r}">{cells}</row>'


def sheet(rows_xml: Iterable[str], dimension: str | None = None) -> Iterable[str]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
    if dimension:
        yield f'<dimension ref="{dimension}"/>'
    yield "<sheetData>"
    yield from rows_xml
    yield "</sheetData></worksheet>"


def workbook(sheets: dict[str, Iterable[str]], extra: dict[str, str] | None = None) -> bytes:
    """An XLSX holding ``sheets`` (title -> XML chunks, streamed into the zip)."""
    names = list(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(names) + 1)
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://'
        'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
        'Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"'
        f"/>{overrides}</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
        f'{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
        f'xmlns:r="{REL}"><sheets>'
        + "".join(
            f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, n in enumerate(names, 1)
        )
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(names) + 1)
        )
        + "</Relationships>",
        **(extra or {}),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        for i, title in enumerate(names, 1):
            with z.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as handle:
                for chunk in sheets[title]:
                    handle.write(chunk.encode())
    return out.getvalue()


def good_rows(n: int = 1) -> list[tuple[str, ...]]:
    return [HEADER, *([GOOD_ROW] * n)]


def far_cell(ref: str = "XFD1048576") -> bytes:
    """The attack of issue 7: the header, one good row and one cell far away."""
    rows = list(table_rows(good_rows()))
    row = int("".join(ch for ch in ref if ch.isdigit()))
    rows.append(f'<row r="{row}">{cell(ref, "x")}</row>')
    return workbook({"Data": sheet(rows, dimension=f"A1:{ref}")})


def bomb(n_rows: int = 1_000_000) -> bytes:
    """A sheet of ``n_rows`` rows that compresses to a small fraction of its XML."""

    def rows() -> Iterable[str]:
        yield from table_rows([HEADER])
        line = "".join(cell(f"{col_letters(c)}{{r}}", v) for c, v in enumerate(GOOD_ROW, 1) if v)
        for r in range(2, n_rows + 2):
            yield f'<row r="{r}">{line.format(r=r)}</row>'

    return workbook({"Data": sheet(rows())})
