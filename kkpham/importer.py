"""`python -m kkpham import FILE`: official lists (CSV/XLSX) checked row by row, stored all-or-none.

Columns (Indonesian, as in the template): ``tahun_data`` and/or ``tahun_penghargaan``,
``provinsi``, ``kabupaten_kota``, ``predikat``, optional ``nilai``, ``sumber`` (required),
``keterangan``. Only the award year known: data year = award year - 1, recorded as derived.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kkpham.reference_data import source_kind as url_source_kind
from kkpham.resolver import ResolveError, Resolver
from kkpham.store import Store
from kkpham.validate import is_http_url, row_problems
from kkpham.vocab import PREDIKAT_ALIASES

REQUIRED = ("provinsi", "kabupaten_kota", "predikat", "sumber")
YEAR_COLUMNS = ("tahun_data", "tahun_penghargaan")
OPTIONAL = ("nilai", "keterangan")
MAX_ROWS = 20_000  # a decree annex has ~514 rows; far more is not a results list

_DECREE = re.compile(r"\b(keputusan|kepmen|kepmenham|kepmenkumham)\b|M\.?HH-|MHA-", re.IGNORECASE)


class ImportFileError(ValueError):
    """The file as a whole cannot be read (encoding, format, missing columns)."""


@dataclass
class ImportReport:
    rows: list[dict] = field(default_factory=list)
    file_name: str = ""
    file_sha256: str = ""

    @property
    def errors(self) -> int:
        return sum(1 for r in self.rows if "error" in r)

    @property
    def ok(self) -> int:
        return len(self.rows) - self.errors

    def as_json(self) -> dict:
        return {"rows": self.rows, "ok": self.ok, "errors": self.errors}


def _normalise_header(name: object) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(name).strip().lower()).strip("_")


def read_table(data: bytes, file_name: str) -> pd.DataFrame:
    """The file's rows as strings, header normalised; ImportFileError when unreadable."""
    if not data.strip():
        raise ImportFileError("berkas kosong")
    suffix = Path(file_name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            frame = pd.read_excel(io.BytesIO(data), dtype=str, sheet_name=0)
        except Exception as err:  # openpyxl raises many kinds for broken workbooks
            raise ImportFileError(f"berkas Excel tidak dapat dibaca: {err}") from err
    elif suffix in (".csv", ".txt", ""):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise ImportFileError(
                f"berkas CSV bukan UTF-8 (byte {err.start}); simpan ulang sebagai 'CSV UTF-8'"
            ) from err
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            sep = dialect.delimiter
        except csv.Error:
            sep = ","
        try:
            frame = pd.read_csv(io.StringIO(text), dtype=str, sep=sep, keep_default_na=False)
        except (pd.errors.ParserError, ValueError) as err:
            raise ImportFileError(f"berkas CSV tidak dapat dibaca: {err}") from err
    else:
        raise ImportFileError(f"jenis berkas {suffix!r} tidak didukung: gunakan CSV atau XLSX")
    frame.columns = [_normalise_header(c) for c in frame.columns]
    missing = [c for c in REQUIRED if c not in frame.columns]
    if not any(c in frame.columns for c in YEAR_COLUMNS):
        missing.append("tahun_data atau tahun_penghargaan")
    if missing:
        raise ImportFileError(f"kolom wajib tidak ada: {', '.join(missing)}")
    if len(frame) > MAX_ROWS:
        raise ImportFileError(f"terlalu banyak baris ({len(frame)}; paling banyak {MAX_ROWS})")
    return frame.fillna("").astype(str)


def _year(text: str, column: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{4}(\.0)?", text):
        raise ValueError(f"{column} {text!r} bukan tahun")
    return int(float(text))


def _score(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError as err:
        raise ValueError(f"nilai {text!r} bukan angka") from err
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise ValueError(f"nilai {text!r} harus angka 0–100")
    return value


def source_kind(source: str) -> str | None:
    """Kind of a cited source: a decree reference, or a government/news URL; None if neither."""
    if is_http_url(source):
        return url_source_kind(source)
    return "keputusan" if _DECREE.search(source) else None


def parse_row(raw: dict, resolver: Resolver) -> dict:
    """One file row -> result fields; raises ValueError/ResolveError with a plain message."""
    data_year = _year(raw.get("tahun_data", ""), "tahun_data")
    award_year = _year(raw.get("tahun_penghargaan", ""), "tahun_penghargaan")
    if data_year is None and award_year is None:
        raise ValueError("tahun_data atau tahun_penghargaan wajib diisi")
    if data_year is not None and award_year is not None and award_year != data_year + 1:
        raise ValueError(
            f"tahun_penghargaan {award_year} tidak cocok dengan tahun_data {data_year} "
            "(penghargaan diserahkan setahun setelah tahun data)"
        )
    derived = data_year is None
    data_year = award_year - 1 if data_year is None else data_year
    predikat = re.sub(r"\s+", " ", raw["predikat"].strip().lower())
    if predikat not in PREDIKAT_ALIASES:
        raise ValueError(f"predikat {raw['predikat']!r} tidak dikenal")
    source = raw["sumber"].strip()
    if not source:
        raise ValueError("sumber wajib diisi (tautan berita/situs atau nomor Keputusan Menteri)")
    kind = source_kind(source)
    if kind is None:
        raise ValueError(f"sumber {source[:80]!r} bukan tautan http(s) atau nomor Keputusan")
    name = raw["kabupaten_kota"].strip()
    if not name:
        raise ValueError("kabupaten_kota kosong")
    match = resolver.resolve(name, province=raw["provinsi"].strip() or None)
    return {
        "code": match.code,
        "name": match.name,
        "data_year": data_year,
        "award_year": award_year if award_year is not None else None,
        "data_year_derived": derived,
        "status": PREDIKAT_ALIASES[predikat],
        "score": _score(raw.get("nilai", "")),
        "source": source,
        "source_kind": kind,
        "name_in_source": name,
        "note": raw.get("keterangan", "").strip(),
    }


def check_file(data: bytes, file_name: str, resolver: Resolver, store: Store) -> ImportReport:
    """Every row resolved or given its error; nothing is written."""
    report = ImportReport(file_name=Path(file_name).name,
                          file_sha256=hashlib.sha256(data).hexdigest())  # fmt: skip
    frame = read_table(data, file_name)
    regions = store.regions().set_index("code")
    cycles = store.cycles().set_index("data_year")
    stored = store.claims()
    stored_keys = set(zip(stored["region_code"], stored["data_year"], stored["source_url"],
                          strict=True))  # fmt: skip
    seen: dict[tuple, int] = {}
    for i, raw in enumerate(frame.to_dict("records"), start=2):
        try:
            row = parse_row(raw, resolver)
        except (ValueError, ResolveError) as err:
            report.rows.append({"line": i, "error": str(err)})
            continue
        check = {
            "region_code": row["code"],
            "data_year": row["data_year"],
            "status": row["status"],
            "score": row["score"],
            "source_url": row["source"],
        }
        problems = row_problems(
            check, regions, cycles, allow_decree=row["source_kind"] == "keputusan"
        )
        key = (row["code"], row["data_year"], row["source"])
        if key in seen:
            problems.append(f"baris ganda: sama dengan baris {seen[key]}")
        elif key in stored_keys:
            problems.append("klaim ini (daerah, tahun data, sumber) sudah tersimpan")
        seen.setdefault(key, i)
        if problems:
            report.rows.append({"line": i, "error": "; ".join(problems)})
            continue
        others = stored[(stored["region_code"] == row["code"])
                        & (stored["data_year"] == row["data_year"])
                        & (stored["status"] != row["status"])]  # fmt: skip
        if len(others):
            row["conflicts_with"] = [
                {"status": s, "source": u}
                for s, u in zip(others["status"], others["source_url"], strict=True)
            ]
        report.rows.append({"line": i, **row})
    return report


def commit(report: ImportReport, store: Store, who: str | None = None) -> int:
    """Store an error-free report as one batch; returns its id."""
    if report.errors:
        raise ValueError(f"{report.errors} baris bermasalah: tidak ada yang disimpan")
    rows = [r for r in report.rows]
    frame = pd.DataFrame({
        "region_code": [r["code"] for r in rows],
        "data_year": [r["data_year"] for r in rows],
        "award_year": pd.array([r["award_year"] for r in rows], dtype="Int64"),
        "data_year_derived": [r["data_year_derived"] for r in rows],
        "status": [r["status"] for r in rows],
        "score": [math.nan if r["score"] is None else r["score"] for r in rows],
        "source_url": [r["source"] for r in rows],
        "source_kind": [r["source_kind"] for r in rows],
        "name_in_source": [r["name_in_source"] for r in rows],
        "note": [r["note"] for r in rows],
        "all_regions_statement": [False] * len(rows),
    })  # fmt: skip
    return store.add_batch(frame, origin="import", file_name=report.file_name,
                           file_sha256=report.file_sha256, who=who)  # fmt: skip
