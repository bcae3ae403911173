"""Result lists (CSV/XLSX) checked row by row before anything is stored.

Columns (Indonesian, as in the template): ``tahun_data`` and/or ``tahun_penghargaan``,
``provinsi``, ``kabupaten_kota``, ``predikat``, optional ``nilai``, ``sumber`` (required),
``keterangan``. Only the award year known: data year = award year - 1, recorded as derived.

``check_file`` never writes. Storing goes through ``kkpham.write.stewardship.commit_file``, which
checks the file again against the store as it is at that moment and stores all rows or none.
Every problem is a catalogue ``Message`` (``kkpham.texts``): the data page shows it in its
language, the command line and the JSON report in Indonesian.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kkpham.model.precedence import source_kind as url_source_kind
from kkpham.store import Store
from kkpham.texts import Message, Number, Refused, explained, t
from kkpham.vocab import BY_KEY, PREDIKAT_ALIASES
from kkpham.write.spreadsheet import (
    HEADER_ROWS,
    MAX_COLUMNS,
    MAX_DATA_ROWS,
    SheetLimitError,
    read_xlsx,
)
from kkpham.write.validate import is_http_url, regime_bands, row_problems, source_key

if TYPE_CHECKING:
    from kkpham.model.resolver import Resolver

COLUMNS = (
    "tahun_data",
    "tahun_penghargaan",
    "provinsi",
    "kabupaten_kota",
    "predikat",
    "nilai",
    "sumber",
    "keterangan",
)
REQUIRED = ("provinsi", "kabupaten_kota", "predikat", "sumber")
YEAR_COLUMNS = ("tahun_data", "tahun_penghargaan")
TEXT_COLUMNS = ("provinsi", "kabupaten_kota", "predikat", "sumber", "keterangan", "nilai")
MAX_ROWS = MAX_DATA_ROWS  # a decree annex has ~514 rows; far more is not a results list
MAX_BYTES = 5_000_000  # also the server's upload limit (.streamlit/config.toml maxUploadSize)
MAX_CELL = 1_000  # characters; a URL or a note, not a document
HEADER_SEARCH_ROWS = HEADER_ROWS  # a title row (often merged cells) may sit above the header
EXAMPLE_MARK = "contoh"  # template example rows name the region "Contoh …"

# A ministerial decree outranks every web page on the map, so the word "keputusan" alone is not
# enough: its number (M.HH-…, MHA-…) or "Keputusan Menteri"/Kepmen… with a number.
_DECREE_NUMBER = re.compile(r"\b(M\.?\s?HH|MHA)-\S+", re.IGNORECASE)
_MINISTER = re.compile(r"\b(keputusan\s+menteri|kepmen(kumham|ham)?)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b(nomor|no\.)\s*\S*\d", re.IGNORECASE)
# A decree outranks every page and is shown as text: any scheme ("javascript:", "data:") or
# character beyond words, digits and . , / ( ) - makes it something else.
_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*\s*:", re.IGNORECASE)
_CITATION_CHARS = re.compile(r"[\w\s.,/()\-]+")
_HTML = re.compile(r"<\s*[a-zA-Z/!?]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORMULA_START = ("=", "+", "-", "@")
_EMPTY_MARKS = {"-", "–", "—"}  # how spreadsheets often say "no value"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls


class ImportProblem(Refused):
    """Rows that cannot be stored (one row's problems, or a whole report's), in catalogue
    messages."""


class ImportFileError(ImportProblem):
    """The file as a whole cannot be read (encoding, format, missing columns)."""


@dataclass
class ImportReport:
    """One entry per data row: ``line``, ``raw`` (cells as written) and either ``error`` (an
    ``Explained``, plus ``candidates``) or the parsed result (plus ``conflicts_with`` when stored
    claims differ)."""

    rows: list[dict] = field(default_factory=list)
    file_name: str = ""
    file_sha256: str = ""
    columns: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for r in self.rows if "error" in r)

    @property
    def ok(self) -> int:
        return len(self.rows) - self.errors

    @property
    def conflicts_stored(self) -> int:
        """Rows whose status differs from a claim already stored for that region and year."""
        return sum(1 for r in self.rows if r.get("conflicts_with"))

    @property
    def conflicts_in_file(self) -> int:
        """Rows whose status differs from another row of this file for that region and year."""
        return sum(1 for r in self.rows if r.get("conflicts_in_file"))

    @property
    def conflicts(self) -> int:
        """Rows in conflict either way, each counted once (the batch's ``n_conflicts``)."""
        return sum(1 for r in self.rows if r.get("conflicts_with") or r.get("conflicts_in_file"))

    def as_json(self, lang: str = "id") -> dict:
        """The report as JSON values, its errors in ``lang``."""
        return {
            "file_name": self.file_name,
            "file_sha256": self.file_sha256,
            "rows": [
                r | {"error": r["error"].text(lang)} if "error" in r else r for r in self.rows
            ],
            "ok": self.ok,
            "errors": self.errors,
            "conflicts": self.conflicts,
            "conflicts_stored": self.conflicts_stored,
            "conflicts_in_file": self.conflicts_in_file,
        }


# -- reading the file ---------------------------------------------------------------------------
def _normalise_header(name: object) -> str:
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return ""
    return re.sub(r"[^a-z0-9]+", "_", str(name).strip().lower()).strip("_")


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 10:
        raise ImportFileError(Message("imp_utf16"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ImportFileError(Message("imp_not_utf8", byte=err.start + 1)) from err


def _csv_rows(data: bytes) -> list[tuple[int, list[str]]]:
    """Rows as read, stopping at the first row or column cap (a 5 MB file of line breaks or
    commas must not become millions of Python lists)."""
    text = _decode(data)
    first = text.lstrip().split("\n", 1)[0]
    # The delimiter the header uses most: Indonesian Excel writes ';' (decimal comma).
    sep = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[tuple[int, list[str]]] = []
    blank = 0
    try:
        for cells in reader:
            if len(cells) > MAX_COLUMNS:
                raise ImportFileError(
                    Message(
                        "imp_too_many_columns",
                        line=reader.line_num,
                        n=Number(len(cells)),
                        max=Number(MAX_COLUMNS),
                    )
                )
            if not any(c.strip() for c in cells):
                blank += 1  # blank lines cost nothing to skip but must not pile up
                if blank > MAX_ROWS:
                    raise ImportFileError(Message("imp_too_many_blank", max=Number(MAX_ROWS)))
                continue
            rows.append((reader.line_num, cells))
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise ImportFileError(Message("imp_too_many_rows", max=Number(MAX_ROWS)))
    except csv.Error as err:
        raise ImportFileError(
            Message("imp_csv_broken", line=reader.line_num + 1, error=str(err))
        ) from err
    return rows


def _has_header(cells: list[str]) -> bool:
    names = {_normalise_header(c) for c in cells}
    return "kabupaten_kota" in names and "predikat" in names


def _xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    try:
        rows, titles = read_xlsx(data, _has_header)
    except SheetLimitError as err:
        raise ImportFileError(*err.messages) from err
    if rows:
        return rows
    names = ", ".join(repr(title) for title in titles)
    raise ImportFileError(Message("imp_no_sheet", columns=", ".join(REQUIRED), sheets=names))


def _header_index(rows: list[tuple[int, list[str]]]) -> int | None:
    for i, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if _has_header(cells):
            return i
    return None


def read_table(data: bytes, file_name: str) -> pd.DataFrame:
    """The file's data rows as strings, columns normalised, index = line/row in the file.

    ImportFileError, in plain words, when the file as a whole cannot be used.
    """
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            Message("imp_too_big", mb=Number(len(data) / 1e6, 1), max=Number(MAX_BYTES / 1e6, 0))
        )
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ImportFileError(Message("imp_empty"))
    suffix = Path(file_name).suffix.lower()
    if data.startswith(_OLE) or suffix == ".xls":
        raise ImportFileError(Message("imp_xls"))
    if data.startswith(_ZIP):
        rows = _xlsx_rows(data)
    elif suffix in (".xlsx", ".xlsm"):
        raise ImportFileError(Message("imp_fake_xlsx"))
    elif suffix in (".csv", ".txt", ""):
        rows = _csv_rows(data)
    else:
        raise ImportFileError(Message("imp_bad_type", suffix=suffix))
    return _frame(rows)


def _frame(rows: list[tuple[int, list[str]]]) -> pd.DataFrame:
    at = _header_index(rows)
    if at is None:
        header = [_normalise_header(c) for c in rows[0][1]] if rows else []
        missing = [c for c in ("kabupaten_kota", "predikat") if c not in header]
        raise ImportFileError(
            Message("imp_header_missing", missing=", ".join(missing), rows=HEADER_SEARCH_ROWS)
        )
    header = [_normalise_header(c) for c in rows[at][1]]
    named = [h for h in header if h]
    doubled = sorted({h for h in named if named.count(h) > 1})
    if doubled:
        raise ImportFileError(Message("imp_header_doubled", columns=", ".join(doubled)))
    missing = [c for c in REQUIRED if c not in header]
    messages = [Message("imp_columns_missing", missing=", ".join(missing))] if missing else []
    if not any(c in header for c in YEAR_COLUMNS):
        messages.append(Message("imp_year_column_missing"))
    if messages:
        raise ImportFileError(*messages)
    body = [(line, cells) for line, cells in rows[at + 1 :] if any(c.strip() for c in cells)]
    if not body:
        raise ImportFileError(Message("imp_no_rows"))
    if len(body) > MAX_ROWS:
        raise ImportFileError(
            Message("imp_rows_counted", n=Number(len(body)), max=Number(MAX_ROWS))
        )
    width = len(header)
    records = []
    for line, cells in body:
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            raise ImportFileError(
                Message("imp_cells_beyond", line=line, n=Number(len(cells)), width=width)
            )
        cells = (cells + [""] * width)[:width]
        records.append({h: c for h, c in zip(header, cells, strict=True) if h})
    frame = pd.DataFrame.from_records(records, index=[line for line, _ in body])
    return frame.reindex(columns=[c for c in COLUMNS if c in frame.columns], fill_value="")


# -- one row ------------------------------------------------------------------------------------
def _year(text: str, column: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{4}(\.0)?", text):
        raise ImportProblem(Message("imp_not_year", column=column, text=text[:20]))
    return int(float(text))


def _score(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text or text in _EMPTY_MARKS:
        return None
    try:
        value = float(text)
    except ValueError as err:
        raise ImportProblem(Message("imp_score_not_number", text=text[:20])) from err
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise ImportProblem(Message("val_score_range", text=text[:20]))
    return value


def is_decree_citation(source: str) -> bool:
    """A well-formed ministerial decree citation, in plain words: a decree number (M.HH-…,
    MHA-…), or "Keputusan Menteri"/Kepmen… with a number; nothing that is or hides a link."""
    text = source.strip()
    if _SCHEME.match(text) or "//" in text or not _CITATION_CHARS.fullmatch(text):
        return False
    return bool(_DECREE_NUMBER.search(text) or (_MINISTER.search(text) and _NUMBER.search(text)))


def source_kind(source: str) -> str | None:
    """Kind of a cited source: a decree reference, or a government/news URL; None if neither."""
    if is_http_url(source):
        return url_source_kind(source)
    return "keputusan" if is_decree_citation(source) else None


def cell_problems(raw: dict) -> list[Message]:
    """Cells that must not be stored whatever they mean: formulas, markup, control characters."""
    problems = []
    for column in TEXT_COLUMNS:
        text = str(raw.get(column, "")).strip()
        if not text or text in _EMPTY_MARKS:
            continue
        if len(text) > MAX_CELL:
            problems.append(Message("imp_cell_long", column=column, n=Number(len(text))))
        elif _CONTROL.search(text):
            problems.append(Message("imp_cell_control", column=column))
        elif text.startswith(_FORMULA_START) and not (column == "nilai" and text[1:2].isdigit()):
            problems.append(Message("imp_cell_formula", column=column, mark=text[0]))
        elif _HTML.search(text):
            problems.append(Message("imp_cell_html", column=column))
    return problems


def parse_row(raw: dict, resolver: Resolver) -> dict:
    """One file row -> result fields; raises ImportProblem or ResolveError (both Explained)."""
    problems = cell_problems(raw)
    if problems:
        raise ImportProblem(*problems)
    name = raw.get("kabupaten_kota", "").strip()
    if name.lower().startswith(EXAMPLE_MARK) or raw.get("provinsi", "").strip().lower().startswith(
        EXAMPLE_MARK
    ):
        raise ImportProblem(Message("imp_example_row"))
    data_year = _year(raw.get("tahun_data", ""), "tahun_data")
    award_year = _year(raw.get("tahun_penghargaan", ""), "tahun_penghargaan")
    if data_year is None and award_year is None:
        raise ImportProblem(Message("imp_year_missing"))
    if data_year is not None and award_year is not None and award_year != data_year + 1:
        raise ImportProblem(Message("imp_year_mismatch", award=award_year, data=data_year))
    derived = data_year is None
    data_year = award_year - 1 if data_year is None else data_year
    predikat = re.sub(r"\s+", " ", raw["predikat"].strip().lower())
    if predikat not in PREDIKAT_ALIASES:
        raise ImportProblem(Message("imp_predicate_unknown", text=raw["predikat"][:40]))
    source = raw["sumber"].strip()
    if not source:
        raise ImportProblem(Message("imp_source_missing"))
    kind = source_kind(source)
    if kind is None:
        raise ImportProblem(Message("imp_source_kind", text=source[:80]))
    if not name:
        raise ImportProblem(Message("imp_name_missing"))
    match = resolver.resolve(name, province=raw["provinsi"].strip() or None)
    note = raw.get("keterangan", "").strip()
    return {
        "code": match.code,
        "name": match.name,
        "data_year": data_year,
        "award_year": award_year,
        "data_year_derived": derived,
        "status": PREDIKAT_ALIASES[predikat],
        "score": _score(raw.get("nilai", "")),
        "source": source,
        "source_kind": kind,
        "name_in_source": name,
        "note": "" if note in _EMPTY_MARKS else note,
    }


def _error(line: int, raw: dict, err: ValueError) -> dict:
    candidates = [f"{code} {name}" for code, name in getattr(err, "candidates", [])]
    return {"line": line, "raw": raw, "error": explained(err), "candidates": candidates}


# -- the whole file -----------------------------------------------------------------------------
def check_file(data: bytes, file_name: str, resolver: Resolver, store: Store) -> ImportReport:
    """Every row resolved or given its error; nothing is written.

    ImportFileError when the file as a whole cannot be read.
    """
    report = ImportReport(
        file_name=Path(file_name).name, file_sha256=hashlib.sha256(data).hexdigest()
    )
    return check_frame(read_table(data, file_name), report, resolver, store)


def check_frame(
    frame: pd.DataFrame, report: ImportReport, resolver: Resolver, store: Store
) -> ImportReport:
    """The row-by-row checks of ``check_file`` on rows already read (index = line; columns of
    COLUMNS as text): also what a pasted list (``kkpham.write.paste``) produces. Nothing is
    written."""
    report.columns = list(frame.columns)
    regions = store.regions().set_index("code")
    cycles = store.cycles().set_index("data_year")
    bands = regime_bands(store.regime_outcomes())
    stored = store.claims()
    stored_keys = set(
        zip(
            stored["region_code"],
            stored["data_year"],
            stored["source_url"].map(source_key),
            strict=True,
        )
    )
    by_region_year = {k: g for k, g in stored.groupby(["region_code", "data_year"])}
    seen: dict[tuple, int] = {}
    for line, raw in zip(frame.index, frame.to_dict("records"), strict=True):
        try:
            row = parse_row(raw, resolver)
        except ValueError as err:
            report.rows.append(_error(int(line), raw, err))
            continue
        check = {
            "region_code": row["code"],
            "data_year": row["data_year"],
            "status": row["status"],
            "score": row["score"],
            "source_url": row["source"],
        }
        problems = row_problems(
            check, regions, cycles, bands, allow_decree=row["source_kind"] == "keputusan"
        )
        key = (row["code"], row["data_year"], source_key(row["source"]))
        if key in seen:
            problems.append(Message("imp_dup_in_file", line=seen[key]))
        elif key in stored_keys:
            problems.append(Message("imp_already_stored"))
        seen.setdefault(key, int(line))
        if problems:
            report.rows.append(_error(int(line), raw, ImportProblem(*problems)))
            continue
        others = by_region_year.get((row["code"], row["data_year"]))
        if others is not None:
            differ = others[others["status"] != row["status"]]
            row["conflicts_with"] = [
                {"status": s, "source": u}
                for s, u in zip(differ["status"], differ["source_url"], strict=True)
            ]
        report.rows.append({"line": int(line), "raw": raw, **row})
    _mark_in_file_conflicts(report.rows)
    return report


def _mark_in_file_conflicts(rows: list[dict]) -> None:
    """Give each good row the other rows of the file that claim another status for its
    region and year (the same source twice is already a duplicate-row error)."""
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        if "error" not in r:
            groups.setdefault((r["code"], r["data_year"]), []).append(r)
    for group in groups.values():
        for r in group:
            others = [
                {"line": o["line"], "status": o["status"], "source": o["source"]}
                for o in group
                if o["status"] != r["status"]
            ]
            if others:
                r["conflicts_in_file"] = others


def results_frame(report: ImportReport) -> pd.DataFrame:
    """The error-free rows of a report in ``Store.add_batch`` form."""
    rows = [r for r in report.rows if "error" not in r]
    return pd.DataFrame(
        {
            "region_code": pd.Series([r["code"] for r in rows], dtype=object),
            "data_year": pd.Series([r["data_year"] for r in rows], dtype="int64"),
            "award_year": pd.array([r["award_year"] for r in rows], dtype="Int64"),
            "data_year_derived": pd.Series([r["data_year_derived"] for r in rows], dtype=bool),
            "status": pd.Series([r["status"] for r in rows], dtype=object),
            "score": pd.Series(
                [math.nan if r["score"] is None else r["score"] for r in rows], dtype=float
            ),
            "source_url": pd.Series([r["source"] for r in rows], dtype=object),
            "source_kind": pd.Series([r["source_kind"] for r in rows], dtype=object),
            "name_in_source": pd.Series([r["name_in_source"] for r in rows], dtype=object),
            "note": pd.Series([r["note"] for r in rows], dtype=object),
            "all_regions_statement": pd.Series([False] * len(rows), dtype=bool),
        }
    )


def commit(report: ImportReport, store: Store, who: str | None = None) -> int:
    """Store an error-free report as one batch in ``store``; returns its id.

    Use ``kkpham.write.stewardship.commit_file`` for the live store (backup, lock, atomic swap).
    """
    if report.errors:
        raise ImportProblem(Message("imp_refused", n=Number(report.errors)))
    if not report.rows:
        raise ImportProblem(Message("imp_nothing"))
    return store.add_batch(
        results_frame(report),
        origin="import",
        file_name=report.file_name,
        file_sha256=report.file_sha256,
        who=who,
        n_conflicts=report.conflicts,
    )


# -- what the user sees ---------------------------------------------------------------------------
def preview_frame(report: ImportReport, lang: str = "id") -> pd.DataFrame:
    """One line per row: its state, where it resolved to, and its problem, in ``lang``."""
    out = []
    for r in report.rows:
        raw = r["raw"]
        if "error" in r:
            state, region = t("imp_state_error", lang), ""
            message = r["error"].text(lang)
        else:
            region = f"{r['code']} {r['name']}"
            state, message = _conflict_text(r, lang)
            if r["data_year_derived"]:
                derived = t("imp_derived", lang, year=r["data_year"])
                message = f"{message}; {derived}" if message else derived
        out.append(
            {
                "baris": r["line"],
                "status": state,
                "kabupaten_kota": raw.get("kabupaten_kota", ""),
                "wilayah": region,
                # one type per column (Arrow): the year as written when the row did not parse
                "tahun_data": str(r.get("data_year", raw.get("tahun_data", ""))),
                "predikat": raw.get("predikat", ""),
                "nilai": raw.get("nilai", ""),
                "sumber": raw.get("sumber", ""),
                "masalah_atau_catatan": message,
            }
        )
    return pd.DataFrame(out)


def _claim(key: str, lang: str, status: str, source: str, **kw: object) -> str:
    return t(key, lang, status=BY_KEY[status].label(lang), source=source, **kw)


def _conflict_text(r: dict, lang: str) -> tuple[str, str]:
    """(state, message) of a good row: ready, or which other claims say something else."""
    in_file, stored = r.get("conflicts_in_file"), r.get("conflicts_with")
    parts = []
    if in_file:
        claims = "; ".join(
            _claim("imp_conf_row", lang, c["status"], c["source"], line=c["line"]) for c in in_file
        )
        parts.append(t("imp_conf_file", lang, claims=claims))
    if stored:
        claims = "; ".join(f"{BY_KEY[c['status']].label(lang)} ({c['source']})" for c in stored)
        parts.append(t("imp_conf_stored", lang, claims=claims))
    if not parts:
        return t("imp_state_ready", lang), ""
    state = (
        "imp_state_both"
        if in_file and stored
        else "imp_state_file"
        if in_file
        else "imp_state_stored"
    )
    return t(state, lang), "; ".join(parts) + f" — {t('imp_conf_note', lang)}"


def conflict_lines(report: ImportReport, lang: str = "id") -> list[str]:
    """One line per region and year whose claims in the file (or in the file and the store)
    disagree, e.g. "74.71 Kota Kendari, tahun data 2023: baris 2 Peduli HAM (…); …"."""
    groups: dict[tuple, list[dict]] = {}
    for r in report.rows:
        if r.get("conflicts_in_file") or r.get("conflicts_with"):
            groups.setdefault((r["code"], r["name"], r["data_year"]), []).append(r)
    lines = []
    for (code, name, year), rows in groups.items():
        said = [
            _claim("imp_conf_row", lang, r["status"], r["source"], line=r["line"]) for r in rows
        ]
        stored = {(c["status"], c["source"]) for r in rows for c in r.get("conflicts_with", [])}
        said += [_claim("imp_conf_stored_claim", lang, st, src) for st, src in sorted(stored)]
        lines.append(
            t("imp_conf_line", lang, code=code, name=name, year=year, said="; ".join(said))
        )
    return lines


def error_rows(report: ImportReport, lang: str = "id") -> pd.DataFrame:
    """The rows in error as written in the file, with their line and problem (for fixing): the
    template's columns keep their names, so the fixed file imports as it is."""
    line, problem, candidates = (
        t(k, lang) for k in ("imp_col_line", "imp_col_problem", "imp_col_candidates")
    )
    rows = [
        {
            line: r["line"],
            **{c: r["raw"].get(c, "") for c in report.columns},
            problem: r["error"].text(lang),
            candidates: "; ".join(r.get("candidates", [])),
        }
        for r in report.rows
        if "error" in r
    ]
    return pd.DataFrame(rows, columns=[line, *report.columns, problem, candidates])
