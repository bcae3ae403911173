"""Paste a list ("Tempel daftar"): kab/kota named in a decree annex, a Kanwil letter, a news
paragraph or a text PDF become the rows of a file import, checked by the same pipeline.

``extract_rows`` splits the text into fragments (commas, "dan", new lines, numbering, sentences),
drops the lead-in of a sentence ("… yakni"), switches the predicate at a heading ("Cukup Peduli
HAM:", "… dengan predikat cukup peduli HAM yaitu"), and keeps a fragment as a row when it looks
like a name (a "Kab."/"Kota" prefix, or a few capitalised words). Each row then goes through
``kkpham.write.importer.check_frame``, so a pasted list gets the same preview, errors (with
candidates
for an unknown or ambiguous name: never a guess), conflicts, commit and undo as a file. Prose that
names nothing is listed as "not placed"; a name found twice under one predicate is listed as a
duplicate and kept once. Nothing here writes; ``commit_text`` stores through
``kkpham.write.stewardship.write_store``.

Bounded: at most ``MAX_CHARS`` characters of text and ``MAX_FRAGMENTS`` fragments, a time budget
for the extraction, and PDFs of at most ``MAX_PDF_BYTES`` / ``MAX_PDF_PAGES``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import resource
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kkpham.model.resolver import ResolveError, split_prefix
from kkpham.texts import Explained, Message, Number
from kkpham.vocab import PREDIKAT_ALIASES
from kkpham.write.importer import COLUMNS, MAX_BYTES, ImportReport, check_frame, commit

if TYPE_CHECKING:
    from kkpham.model.resolver import Resolver
    from kkpham.settings import Settings
    from kkpham.store import Store

MAX_CHARS = 60_000  # a national decree annex (514 lines) is ~25,000 characters
MAX_FRAGMENTS = 3_000
MAX_SECONDS = 10.0
MAX_PDF_BYTES = MAX_BYTES  # the server's upload limit (.streamlit/config.toml) is the same
MAX_PDF_PAGES = 40
# The PDF is parsed in a child process with this address-space limit and a wall-clock timeout:
# pdfminer inflates a page's content stream whole, so a small "zip bomb" page would otherwise
# cost the server gigabytes or minutes before any check between pages could run (issue 7).
PDF_MEMORY = 768 * 2**20
PDF_SECONDS = MAX_SECONDS + 20.0  # the child's own budget plus its start (imports)
_REFUSED = 3  # the child's exit code for a PasteError (message on stderr)
MAX_NAME_WORDS = 5  # a fragment without a Kab/Kota prefix longer than this is prose
NATIONAL = ("", "nasional", "national", "indonesia", "seluruh indonesia")

_PRED = r"(?:(?:cukup|mulai|kurang|belum|bukan)\s+)?peduli\s+(?:ham|hak\s+asasi\s+manusia)"
_LEADS = r"(?:yakni|yaitu|ialah|adalah|antara\s+lain|di\s*antaranya|meliputi|sebagai\s+berikut)"
# A heading: a clause ending in a predicate phrase followed by ":" / a lead word / end of line.
_HEADING = re.compile(
    rf"(?im)(?:^|(?<=[.;\n]))[^.;\n:]*?\b({_PRED})\b(?:\s+(?:ini|tahun\s+\d{{4}}))?"
    rf"\s*,?\s*(?::|{_LEADS}\b|$)"
)
_LEAD_IN = re.compile(rf"(?is)^.*\b{_LEADS}\b\s*:?\s*")
_CONNECTOR = re.compile(r"(?i)^(?:dan|serta|juga|and|&)\s+")
_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,4}[.)]?|\(?[a-z][.)]|[-–—•*·▪])\s*", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*[(\[][^)\]]{0,40}[)\]]")
# Fragment boundaries: new lines, ; , and sentence ends (not "Kab." / "Kep." / "Adm.").
_SPLIT = re.compile(
    r"\n|;|,|(?<!\bKab)(?<!\bkab)(?<!\bKep)(?<!\bkep)(?<!\bAdm)(?<!\badm)(?<!\bNo)\.(?=\s|$)"
    r"|:(?!\d)|\s+(?:dan|serta)\s+|\s*\|\s*|\t"
)
_CAPITALISED = re.compile(r"^[A-Z0-9][\w'’.-]*$")
_SMALL_WORDS = {"dan", "di", "ke"}
_PREFIX_WORDS = {
    "kabupaten",
    "kab",
    "kota",
    "adm",
    "administrasi",
    "pemkab",
    "pemkot",
    "pemerintah",
}


class PasteError(Explained, ValueError):
    """The text or PDF as a whole cannot be used (too long, no text layer, …)."""


@dataclass
class PasteResult:
    """The importer rows made from the text, with what could not become a row."""

    rows: pd.DataFrame  # importer input rows (COLUMNS), index = line in the text
    unplaced: list[dict] = field(default_factory=list)  # {"line", "text"}
    duplicates: list[dict] = field(default_factory=list)  # {"line", "name", "first_line"}
    text_sha256: str = ""


@dataclass
class PasteReport:
    """A pasted list's import report plus what was not placed or found twice."""

    report: ImportReport
    unplaced: list[dict]
    duplicates: list[dict]

    def as_json(self) -> dict:
        """The JSON of ``import --json``, with ``unplaced`` and ``duplicates`` added."""
        return self.report.as_json() | {"unplaced": self.unplaced, "duplicates": self.duplicates}


# -- reading ------------------------------------------------------------------------------------
def normalise_text(text: str) -> str:
    """NFKC, one kind of line break, no control characters; PasteError beyond MAX_CHARS."""
    if len(text) > MAX_CHARS:
        raise PasteError(Message("pst_too_long", n=Number(len(text)), max=Number(MAX_CHARS)))
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", text)


def _limit_memory() -> None:  # runs in the child, before it imports anything
    resource.setrlimit(resource.RLIMIT_AS, (PDF_MEMORY, PDF_MEMORY))


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, read by a child process bounded in memory and time (one PDF at a
    time per server process), and within it page by page, bounded in bytes, pages and time.

    PasteError when it is not a PDF, too big, or has no text (a scan): say what to do instead.
    """
    if len(data) > MAX_PDF_BYTES:
        raise PasteError(
            Message(
                "pst_pdf_too_big",
                mb=Number(len(data) / 1e6, 1),
                max=Number(MAX_PDF_BYTES / 1e6, 0),
            )
        )
    if not data.startswith(b"%PDF"):
        raise PasteError(Message("pst_not_pdf"))
    from kkpham.write.spreadsheet import SheetLimitError, parse_slot

    try:
        with parse_slot():
            done = subprocess.run(
                [sys.executable, "-m", "kkpham.write.paste"],
                input=data,
                capture_output=True,
                timeout=PDF_SECONDS,
                preexec_fn=_limit_memory,
                check=False,
                env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
            )
    except subprocess.TimeoutExpired as err:
        raise PasteError(Message("pst_pdf_slow")) from err
    except SheetLimitError as err:
        raise PasteError(*err.messages) from err
    if done.returncode == 0:
        return done.stdout.decode("utf-8")
    if done.returncode == _REFUSED:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _refusal(lines[-1] if lines else "")
    raise PasteError(Message("pst_pdf_limits"))


def _refusal(line: str) -> PasteError:
    """The child's refusal, sent as one JSON line of catalogue messages (``_refuse``): told in
    both languages here, so that a message that does not fit its text fails now, not on a page."""
    try:
        sent = json.loads(line)
        refused = PasteError(*(Message(m["key"], **_values(m["values"])) for m in sent))
        refused.text("id"), refused.text("en")
        return refused
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):  # not ours
        return PasteError(Message("pst_pdf_unreadable", problem=line[:200] or "?"))


def _values(values: dict) -> dict:
    return {k: Number(*v["number"]) if isinstance(v, dict) else v for k, v in values.items()}


def _refuse(err: PasteError) -> str:
    """A child's PasteError as one JSON line; a Number travels as {"number": [its fields]}."""

    def value(v: object) -> object:
        return {"number": [v.value, v.decimals, v.max_decimals]} if isinstance(v, Number) else v

    sent = [
        {"key": m.key, "values": {k: value(v) for k, v in m.values.items()}} for m in err.messages
    ]
    return json.dumps(sent, default=str)


def extract_pdf_text(data: bytes, clock: Callable[[], float] = time.monotonic) -> str:
    """What the child process runs: pdfplumber, page by page, bounded in pages, text and time."""
    import pdfplumber  # heavy; only when a PDF comes

    start, parts = clock(), []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise PasteError(Message("pst_pdf_pages", n=len(pdf.pages), max=MAX_PDF_PAGES))
            for page in pdf.pages:
                parts.append(page.extract_text() or "")
                if clock() - start > MAX_SECONDS:
                    raise PasteError(Message("pst_pdf_slow"))
                if sum(len(p) for p in parts) > MAX_CHARS:
                    raise PasteError(Message("pst_pdf_text_long", max=Number(MAX_CHARS)))
    except PasteError:
        raise
    except Exception as err:  # pdfminer raises many kinds for broken files
        raise PasteError(Message("pst_pdf_unreadable", problem=type(err).__name__)) from err
    text = "\n".join(parts)
    if not text.strip():
        raise PasteError(Message("pst_pdf_scan"))
    return text


# -- extracting ---------------------------------------------------------------------------------
def _predicate(phrase: str) -> str:
    words = re.sub(r"\s+", " ", phrase.lower()).replace("hak asasi manusia", "ham")
    if words.startswith("bukan"):
        return "Bukan Peduli HAM"
    band = words.split()[0]
    return "Peduli HAM" if band == "peduli" else f"{band.capitalize()} Peduli HAM"


def _segments(text: str, default: str) -> list[tuple[int, str, str]]:
    """(line of the segment start, predicate, text) for the text between headings."""
    out, pos, predicate = [], 0, default
    for m in _HEADING.finditer(text):
        out.append((text.count("\n", 0, pos) + 1, predicate, text[pos : m.start()]))
        predicate, pos = _predicate(m.group(1)), m.end()
    out.append((text.count("\n", 0, pos) + 1, predicate, text[pos:]))
    return [s for s in out if s[2].strip()]


def _fragments(segment: str, first_line: int) -> list[tuple[int, str]]:
    """(line, fragment) pieces of a segment, cut at separators, lead-ins and numbering."""
    out, at = [], 0
    for m in [*_SPLIT.finditer(segment), None]:
        end = m.start() if m else len(segment)
        piece = segment[at:end]
        line = first_line + segment.count("\n", 0, at)
        at = m.end() if m else len(segment)
        piece = _LEAD_IN.sub("", piece) if re.search(_LEADS, piece, re.IGNORECASE) else piece
        piece = _NUMBERING.sub("", piece)
        piece = _CONNECTOR.sub("", piece.strip()).strip(" :-–—\"'“”")
        if re.search(r"[A-Za-z]", piece):
            out.append((line, re.sub(r"\s+", " ", piece)))
    return out


def _looks_like_name(fragment: str) -> bool:
    kind, rest = split_prefix(fragment)
    words = fragment.split()
    if kind is not None:  # "Kota Palembang", "Kab. Lahat"; not "kota meraih penghargaan"
        name = [w for w in words if w.lower().strip(".") not in _PREFIX_WORDS]
        return (
            bool(name)
            and len(rest.split()) <= MAX_NAME_WORDS + 1
            and bool(_CAPITALISED.match(name[0]))
        )
    return len(words) <= MAX_NAME_WORDS and all(
        _CAPITALISED.match(w) or w.lower() in _SMALL_WORDS for w in words
    )


def _without_province(fragment: str, resolver: Resolver) -> tuple[str, str | None]:
    """An annex line "Kabupaten Lahat Sumatera Selatan" -> ("Kabupaten Lahat", "16")."""
    words = fragment.split()
    for n in (3, 2, 1):
        if len(words) - n < 1:
            continue
        head = " ".join(words[:-n])
        if split_prefix(head)[1] == "" or not re.search(r"[A-Za-z]", head):
            continue
        try:
            return head, resolver.resolve_province(" ".join(words[-n:]))
        except ResolveError:
            continue
    return fragment, None


def extract_rows(
    text: str,
    resolver: Resolver,
    province: str | None,
    predikat: str,
    sumber: str,
    data_year: int | None = None,
    award_year: int | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> PasteResult:
    """The rows a file import would have for the kab/kota named in ``text``.

    ``province``: name, code or abbreviation, or None/"nasional" (each name resolved across the
    country; an annex line may end with its province). ``predikat`` is the default predicate,
    switched by headings in the text. PasteError on bad arguments or unbounded input.
    """
    if (data_year is None) == (award_year is None):
        raise PasteError(Message("pst_one_year"))
    if predikat.strip().lower() not in PREDIKAT_ALIASES:
        raise PasteError(Message("val_status_unknown", text=predikat))
    if not sumber.strip():
        raise PasteError(Message("imp_source_missing"))
    national = province is None or province.strip().lower() in NATIONAL
    province_code = None if national else resolver.resolve_province(province)
    text = normalise_text(text)
    start = clock()
    records, lines, unplaced, duplicates = [], [], [], []
    seen: dict[tuple[str, str], int] = {}
    n_fragments = 0
    for seg_line, predicate, segment in _segments(text, predikat):
        for line, fragment in _fragments(segment, seg_line):
            n_fragments += 1
            if n_fragments > MAX_FRAGMENTS:
                raise PasteError(Message("pst_fragments", max=Number(MAX_FRAGMENTS)))
            if clock() - start > MAX_SECONDS:
                raise PasteError(Message("pst_too_complex"))
            name = _BRACKETS.sub("", fragment).strip()  # "Konawe Selatan (Konsel)"
            row_province = province_code
            if national:
                name, row_province = _without_province(name, resolver)
            if not name or not _looks_like_name(name):
                unplaced.append({"line": line, "text": fragment})
                continue
            key = _identity(name, row_province, resolver)
            if (key, predicate) in seen:
                duplicates.append(
                    {"line": line, "name": fragment, "first_line": seen[(key, predicate)]}
                )
                continue
            seen[(key, predicate)] = line
            records.append(
                {
                    "tahun_data": "" if data_year is None else str(data_year),
                    "tahun_penghargaan": "" if award_year is None else str(award_year),
                    "provinsi": row_province or "",
                    "kabupaten_kota": name,
                    "predikat": predicate,
                    "nilai": "",
                    "sumber": sumber.strip(),
                    "keterangan": f"ditempel dari teks (baris {line}): {fragment}"[:300],
                }
            )
            lines.append(line)
    frame = pd.DataFrame.from_records(records, index=lines, columns=list(COLUMNS))
    return PasteResult(
        frame.fillna(""), unplaced, duplicates, hashlib.sha256(text.encode()).hexdigest()
    )


def _identity(name: str, province: str | None, resolver: Resolver) -> str:
    """The code a name stands for, or the name itself when it does not resolve (the importer
    reports that), so "Konsel" and "Konawe Selatan" count as one region found twice."""
    try:
        return resolver.resolve(name, province=province).code
    except ResolveError:
        return name.lower()


# -- checking and storing ---------------------------------------------------------------------
def check_text(
    text: str,
    resolver: Resolver,
    store: Store,
    source_name: str = "tempel-teks",
    **kwargs,
) -> PasteReport:
    """The preview of a pasted list against ``store``: every row checked as in a file import."""
    result = extract_rows(text, resolver, **kwargs)
    report = ImportReport(file_name=source_name, file_sha256=result.text_sha256)
    if result.rows.empty:
        report.columns = list(COLUMNS)
    else:
        check_frame(result.rows, report, resolver, store)
    return PasteReport(report, result.unplaced, result.duplicates)


def commit_text(
    text: str,
    resolver: Resolver,
    settings: Settings,
    who: str | None,
    source_name: str = "tempel-teks",
    **kwargs,
) -> tuple[int, PasteReport]:
    """Check again against the store as it is now and store every row as one batch, through the
    same locked, backed-up, audited copy-on-write path as a file (undo works the same)."""
    from kkpham.write.stewardship import ImportRefused, write_store

    def change(store: Store) -> tuple[int, PasteReport]:
        pasted = check_text(text, resolver, store, source_name, **kwargs)
        if pasted.report.errors or not pasted.report.rows:
            raise ImportRefused(pasted.report)
        return commit(pasted.report, store, who=who), pasted

    return write_store(settings, change, reason="import")


if __name__ == "__main__":  # the bounded PDF reader's child process (see ``pdf_text``)
    try:
        sys.stdout.write(extract_pdf_text(sys.stdin.buffer.read()))
    except PasteError as refused:
        print(_refuse(refused), file=sys.stderr)
        sys.exit(_REFUSED)
