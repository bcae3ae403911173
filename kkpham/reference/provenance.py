"""Provenance sidecars: ``<file>.meta.json`` beside every data file (the OWID/geodatasets habit).

A sidecar says what the file is, where it comes from, under which licence, when it was compiled,
and pins its content (sha256, bytes, rows) so a test notices any edit that skipped the sidecar.
Column descriptions come from the caller or, for our own files, from ``COLUMN_DOCS``; an
undocumented column is an error, not an empty string.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

_RESULTS = {
    "region_code": "Kemendagri code of the kab/kota, 'PP.RR' (e.g. '74.71'); a string",
    "region_name": "name of region_code as spelled in the boundary source "
    "(cahyadsn/wilayah_boundaries; codes per Kepmendagri 300.2.2-2430/2025; spelling may "
    "differ from the decree, e.g. 'Kota Bau Bau' for Baubau)",
    "name_in_source": "kind and name of the region as written in the source",
    "province_in_source": "province as written in the source (may be the pre-split province)",
    "data_year": "data year assessed (the decree's 'Tahun X'); award_year - 1 when derived",
    "award_year": "year the award was handed over (around 10 December); empty when not stated",
    "data_year_derived": "true when the source gives only the award year (data_year = award - 1)",
    "status": "status key of kkpham.vocab (peduli, cukup, belum, tidak_melapor, ...)",
    "score": "published score 0-100; empty when the source gives none",
    "source_url": "http(s) URL of the page that states the claim",
    "source_kind": "pemerintah (*.go.id page) or berita (news)",
    "all_regions_statement": "true when the claim comes from an 'all kab/kota in the province' "
    "statement rather than naming the region",
    "reference_status": "status value in the compiled reference (peduli_ham, cukup_peduli_ham, "
    "not_peduli_ham)",
    "note": "evidence: what the source says, in short (notes of merged rows joined by ' | ')",
    "reference_lines": "line(s) of shared/reference/kkpham_results.csv this claim comes from "
    "('12'), or 'additions/<file>.csv:N' for a line of an additions file; several (';') when "
    "one page gave the same claim twice (named and 'all kab/kota')",
}
_COUNTS = {
    "scope": "provinsi (a province's kab/kota) or nasional (all of Indonesia)",
    "province_code": "Kemendagri province code 'PP' (e.g. '74'); empty for national statements",
    "province_in_source": "province as written in the source",
    "province_before_split": "true when the count describes the province before a split took "
    "kab/kota from it (e.g. Papua before 2022): not comparable with today's province, not loaded",
    "data_year": "data year assessed; award_year - 1 when derived",
    "award_year": "year the awards were handed over; empty when not stated",
    "data_year_derived": "true when only the award year is known (data_year = award - 1)",
    "awarded_count": "N in 'N of M kab/kota received the predicate'; empty when the source "
    "gives only the total (not loaded into the store)",
    "total_regions": "M (kab/kota in the province as stated); empty when not stated",
    "source_url": "http(s) URL of the page that states the count",
    "source_kind": "pemerintah (*.go.id page) or berita (news)",
    "evidence": "what the source says, in short",
}
_CYCLES = {
    "data_year": "data year assessed (the decree's 'Tahun X')",
    "award_year": "year the results were awarded (data_year + 1); empty when not held",
    "regime": "criteria regime (data/regimes.csv): A (11/2013 jo. 25/2013), B (34/2016), "
    "C (22/2021), D (Permen HAM 15/2025)",
    "regulation": "Permenkumham setting the criteria for the cycle",
    "held": "false when the cycle was not assessed (data year 2020, COVID-19)",
    "decree_number": "number of the Keputusan Menteri setting the results, where found",
    "decree_date": "date of that decree (ISO), where found",
    "award_date": "date of the national award ceremony (ISO, may be year-month only)",
    "note": "what the sources say about the cycle",
    "results_public": "false while no list of the cycle's results has been found in public "
    "pages (data year 2024) or published at all (2025): the app says so instead of 'no data'",
    "source_url": "http(s) URL supporting the row",
    "decree_source_url": "http(s) URL stating the decree number/date, when another page than "
    "source_url (shared/reference/additions/README.md)",
}
_REGIMES = {
    "regime": "regime key used by cycles.csv (A, B, C, D…)",
    "regulation": "the regulation setting the criteria",
    "programme_id": "the programme's name under this regulation (Indonesian)",
    "programme_en": "the programme's name in English",
    "rights_count": "number of rights (criteria groups) assessed; empty when not public",
    "indicators_count": "number of indicators; empty when not public",
    "note": "what the sources say about the regime",
    "source_url": "http(s) URL supporting the row",
}
_OUTCOMES = {
    "regime": "regime key (regimes.csv)",
    "rank": "order of the outcome in the regime's legend (1 = highest)",
    "status": "the stored band it maps to (kkpham.vocab: peduli, cukup, mulai, kurang)",
    "label_id": "the regime's own name for the outcome (Indonesian)",
    "label_en": "the same in English",
    "source_url": "http(s) URL naming the outcome",
}
_FACTS = {
    "code": "current Kemendagri code of the kab/kota",
    "fact": "formed (new kab), code_changed (new code after a province split), "
    "province_changed (moved to a new province, old code unverified), renamed (same code)",
    "year": "year formed / code changed in the Kemendagri code list / moved / renamed",
    "legal_basis": "UU/PP and date (and the first code list carrying the change)",
    "previous_code": "Kemendagri code before the change (code_changed only)",
    "old_name": "official name before the change",
    "old_province_code": "province code before the split (code_changed, province_changed)",
    "source": "where the fact was taken from",
}
_ALIASES = {
    "code": "kab/kota code 'PP.RR' or province code 'PP' the alias stands for",
    "alias": "spelling seen in news/decrees (abbreviation, variant or former name)",
    "note": "what the alias abbreviates or why it maps here",
}
COLUMN_DOCS: dict[str, dict[str, str]] = {
    "results.csv": _RESULTS,
    "reported_counts.csv": _COUNTS,
    "cycles.csv": _CYCLES,
    "regimes.csv": _REGIMES,
    "regime_outcomes.csv": _OUTCOMES,
    "region_facts.csv": _FACTS,
    "region_aliases.csv": _ALIASES,
}


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".meta.json")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _table(data: bytes) -> tuple[list[str], int]:
    """(header, number of records) of a CSV, counting quoted multi-line fields once."""
    rows = csv.reader(data.decode("utf-8").splitlines(keepends=True))
    header = next(rows, [])
    return header, sum(1 for _ in rows)


def column_docs(file_name: str, given: dict[str, str] | None = None) -> dict[str, str]:
    """Descriptions for ``file_name``'s columns: the given ones, gaps filled from COLUMN_DOCS."""
    known = COLUMN_DOCS.get(file_name, {})
    given = given or {}
    names = list(given) or list(known)
    return {c: (given.get(c) or known.get(c, "")).strip() for c in names}


def write_sidecar(
    path: Path,
    description: str,
    sources: list[str],
    licence: str,
    columns: dict[str, str] | None = None,
) -> Path:
    """Write ``<path>.meta.json``; ValueError when a column is undocumented or not in the file.

    ``compiled`` is kept from the existing sidecar when the file's content is unchanged, so
    regenerating identical data does not churn the sidecar.
    """
    path = Path(path)
    data = path.read_bytes()
    header, rows = _table(data)
    docs = column_docs(path.name, columns)
    if list(docs) != header:
        raise ValueError(f"{path.name}: documented columns {list(docs)} != header {header}")
    missing = [c for c, text in docs.items() if not text]
    if missing:
        raise ValueError(f"{path.name}: no description for columns {missing}")
    if not description.strip() or not sources or not licence.strip():
        raise ValueError(f"{path.name}: description, sources and licence are required")
    sha = _digest(data)
    out = sidecar_path(path)
    compiled = dt.date.today().isoformat()
    if out.exists():
        old = json.loads(out.read_text(encoding="utf-8"))
        if old.get("sha256") == sha and old.get("compiled"):
            compiled = old["compiled"]
    meta = {
        "file": path.name,
        "description": description,
        "sources": list(sources),
        "licence": licence,
        "compiled": compiled,
        "sha256": sha,
        "bytes": len(data),
        "rows": rows,
        "columns": docs,
    }
    out.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def read_sidecar(path: Path) -> dict[str, Any]:
    """The sidecar of data file ``path`` (FileNotFoundError when there is none)."""
    return json.loads(sidecar_path(Path(path)).read_text(encoding="utf-8"))


def verify_sidecar(path: Path) -> list[str]:
    """Problems with ``path`` against its sidecar (empty list: it verifies)."""
    path = Path(path)
    side = sidecar_path(path)
    if not path.exists():
        return [f"{path.name}: file is missing"]
    if not side.exists():
        return [f"{path.name}: sidecar {side.name} is missing"]
    try:
        meta = read_sidecar(path)
    except json.JSONDecodeError as err:
        return [f"{side.name}: not valid JSON ({err})"]
    problems = []
    required = (
        "file",
        "description",
        "sources",
        "licence",
        "compiled",
        "sha256",
        "bytes",
        "rows",
        "columns",
    )
    absent = [k for k in required if k not in meta]
    if absent:
        return [f"{side.name}: missing keys {absent}"]
    data = path.read_bytes()
    header, rows = _table(data)
    if meta["file"] != path.name:
        problems.append(f"{side.name}: names file {meta['file']!r}, not {path.name!r}")
    if meta["sha256"] != _digest(data):
        problems.append(f"{path.name}: sha256 differs from its sidecar (file edited?)")
    if meta["bytes"] != len(data):
        problems.append(f"{path.name}: {len(data)} bytes, sidecar says {meta['bytes']}")
    if meta["rows"] != rows:
        problems.append(f"{path.name}: {rows} rows, sidecar says {meta['rows']}")
    if list(meta["columns"]) != header:
        problems.append(f"{path.name}: header {header} != sidecar columns {list(meta['columns'])}")
    empty = [c for c, text in meta["columns"].items() if not str(text).strip()]
    if empty:
        problems.append(f"{side.name}: columns without description {empty}")
    if not meta["sources"] or not str(meta["licence"]).strip():
        problems.append(f"{side.name}: sources and licence must not be empty")
    return problems


# -- the hand-made files in data/: what `refresh_sidecar` writes after they are edited ---------
DATA = Path(__file__).resolve().parents[2] / "data"
_CRITERIA = (
    "KKP HAM reference notes of the kkpham project (shared/reference/criteria.md), "
    "§2.3 'Data year ↔ award year mapping' and §2.4 'Decree register', each fact with its URL"
)
HAND_MADE: dict[str, dict[str, Any]] = {
    "cycles.csv": {
        "description": "One row per KKP HAM data year: award year, criteria regime and regulation, "
        "decree number/date where found, award date, whether the cycle was held "
        "(data year 2020: not held).",
        "sources": [
            _CRITERIA + "; decree facts of data years 2017, 2019, 2023-2025 from "
            "shared/reference/additions/README.md"
        ],
        "licence": "Facts from public web pages; compilation CC BY 4.0",
        "row_urls": ("source_url", "decree_source_url"),
    },
    "regimes.csv": {
        "description": "One row per criteria regime: regulation, programme name, rights and "
        "indicator counts (empty where not public).",
        "sources": [
            "shared/reference/criteria.md §1.5 'Regime comparison' and additions/README.md "
            "(Permen HAM 15/2025)"
        ],
        "licence": "Facts from public web pages; compilation CC BY 4.0",
        "row_urls": ("source_url",),
    },
    "regime_outcomes.csv": {
        "description": "Each regime's outcome vocabulary in legend order, mapped to a stored band "
        "(regime D, Permen HAM 15/2025: none public yet).",
        "sources": ["shared/reference/criteria.md §1.2-1.5 (categories per regime)"],
        "licence": "Facts from public web pages; compilation CC BY 4.0",
        "row_urls": ("source_url",),
    },
    "region_facts.csv": {
        "description": "Dated facts about kab/kota that changed in 2012–2025: the 17 kab formed "
        "Nov 2012–2014 (year, UU), Kemendagri code changes of the Papua (2022) and Papua Barat "
        "Daya (2025) splits, Kalimantan Utara's kab/kota (from Kalimantan Timur, 2012) and the "
        "3 renames with unchanged code. Rebuilt by kkpham.model.region_facts.compile_region_facts.",
        "sources": [
            "kkpham shared/boundaries/regions.csv (since, since_basis, previous_code, code_since) "
            "and code_changes.csv (legal_basis, legal_date, first_code_list, source), from "
            "github.com/cahyadsn/wilayah b7ad440a (Kepmendagri 300.2.2-2430/2025 and archived "
            "code lists) and the UU/PP named in each row",
        ],
        "licence": "Facts from laws and Kemendagri code lists; code lists via cahyadsn/wilayah "
        "(MIT, © Cahya DSN)",
    },
    "region_aliases.csv": {
        "description": "Spellings of kab/kota and province names seen in news and decrees "
        "(abbreviations, spelling variants, former names) and the code each stands for; used by "
        "kkpham.model.resolver. Spacing/hyphen variants need no row (the resolver ignores them).",
        "sources": [
            "Common Indonesian abbreviations of region names as used in regional news; former "
            "names from data/region_facts.csv and the note of each row",
        ],
        "licence": "CC BY 4.0 (compiled by the kkpham project)",
    },
}


def refresh_sidecar(file_name: str, data_dir: Path = DATA) -> Path:
    """Rewrite the sidecar of a hand-made file in data/ (after editing it)."""
    spec = HAND_MADE[file_name]
    path = data_dir / file_name
    sources = list(spec["sources"])
    if "row_urls" in spec:
        with path.open(encoding="utf-8", newline="") as handle:
            urls = [row[c] for row in csv.DictReader(handle) for c in spec["row_urls"]]
        sources += list(dict.fromkeys(u for u in urls if u))
    return write_sidecar(path, spec["description"], sources, spec["licence"])
