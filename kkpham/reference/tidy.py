"""Turn the compiled news results (../shared/reference) into our tidy, cited data files.

Run once by a maintainer (`python -m kkpham tidy-reference`); the output in data/ is committed with
its provenance sidecar, and a test checks it is exactly what this module makes from the reference.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kkpham.model.precedence import source_kind
from kkpham.model.region_facts import province_split_years
from kkpham.model.resolver import ResolveError, Resolver
from kkpham.vocab import REFERENCE_STATUS

RESULTS_COLUMNS = [
    "region_code",
    "region_name",
    "name_in_source",
    "province_in_source",
    "data_year",
    "award_year",
    "data_year_derived",
    "status",
    "score",
    "source_url",
    "source_kind",
    "all_regions_statement",
    "reference_status",
    "note",
    "reference_lines",
]
COUNTS_COLUMNS = [
    "scope",
    "province_code",
    "province_in_source",
    "province_before_split",
    "data_year",
    "award_year",
    "data_year_derived",
    "awarded_count",
    "total_regions",
    "source_url",
    "source_kind",
    "evidence",
]

# "not_peduli_ham" rows whose evidence says the region sent no report are "tidak melapor";
# the rest did not achieve the predicate (band unknown).
_DID_NOT_REPORT = re.compile(
    r"did not (send|report|submit)|tidak (melapor|mengirim|menyampaikan)", re.IGNORECASE
)
ALL_REGIONS_MARK = "[all-regions statement]"
# A "not_peduli_ham" row whose evidence only says the region is absent from a (complete) list of
# Peduli recipients: under a regime with bands below Peduli (Cukup was awarded under 34/2016) the
# list settles "not Peduli", not the band, so the row becomes ``bukan_peduli``, never ``belum``.
_ABSENT_FROM_LIST = re.compile(r"\bnot (among|in)\b|\bminus\b", re.IGNORECASE)
# Published numbers that are not KKP HAM scores (shared/reference/additions/README.md,
# "Corrections to what is held"): (source URL, value). The value stays in the note, not the score.
NOT_KKPHAM_SCORES: dict[tuple[str, float], str] = {
    (
        "https://purworejonews.com/index.php/2023/12/28/peringkat-3-nasional-purworejo-ranking-1-"
        "kabupaten-peduli-ham-se-jawa-tengah/",
        100.0,
    ): "nilai 100 di sumber ini adalah nilai peringkat provinsi Jawa Tengah, bukan nilai KKP HAM",
}
MAIN_RESULTS = "kkpham_results.csv"
MAIN_COUNTS = "kkpham_counts.csv"


class ReferenceError(ValueError):
    """A reference row that cannot be turned into a result; names the line."""


def years(
    assessment_year: object, award_year: object, line: int | str
) -> tuple[int, int | None, bool]:
    """(data_year, award_year, derived). Only the award year known: data year = award year - 1."""
    data = pd.to_numeric(assessment_year, errors="coerce")
    award = pd.to_numeric(award_year, errors="coerce")
    if pd.notna(data):
        return int(data), (None if pd.isna(award) else int(award)), False
    if pd.notna(award):
        return int(award) - 1, int(award), True
    raise ReferenceError(f"line {line}: neither assessment_year nor award_year is given")


def reference_status(
    status: str, evidence: str, line: int | str, bands_below_peduli: bool = False
) -> str:
    """Our status key for a reference row. ``bands_below_peduli``: the cycle's regime has
    outcomes below Peduli (Cukup, …), so absence from a Peduli list does not settle the band."""
    if status not in REFERENCE_STATUS:
        raise ReferenceError(f"line {line}: unknown status {status!r}")
    mapped = REFERENCE_STATUS[status]
    if mapped == "belum" and _DID_NOT_REPORT.search(evidence or ""):
        return "tidak_melapor"
    if mapped == "belum" and bands_below_peduli and _ABSENT_FROM_LIST.search(evidence or ""):
        return "bukan_peduli"
    return mapped


def score_and_note(score: object, source_url: str, note: str) -> tuple[float, str]:
    """(score, note): a value known not to be a KKP HAM score moves into the note."""
    value = pd.to_numeric(score, errors="coerce")
    why = NOT_KKPHAM_SCORES.get((source_url, float(value))) if pd.notna(value) else None
    if why is None:
        return value, note
    return float("nan"), f"{note} [{why}]"


def tidy_results(
    ref: pd.DataFrame, resolver: Resolver, bands_below_peduli: set[int] | None = None
) -> pd.DataFrame:
    """One tidy row per reference row. ``ref`` from ``read_reference_set`` carries each row's
    origin in ``reference_line`` ("12" = line 12 of kkpham_results.csv, "additions/x.csv:3");
    a plain reference frame is numbered from line 2. ``bands_below_peduli``: data years whose
    regime has outcomes below Peduli (``kkpham.regimes.years_with_bands_below_peduli``)."""
    bands = bands_below_peduli or set()
    lines = _reference_lines(ref)
    out, errors = [], []
    for i, row in zip(lines, ref.itertuples(index=False), strict=True):
        try:
            match = resolver.resolve(row.regency, province=row.province, kind=row.kind)
            data_year, award_year, derived = years(row.assessment_year, row.award_year, i)
            evidence = "" if pd.isna(row.evidence) else str(row.evidence)
            score, note = score_and_note(row.score, row.source_url, evidence)
            out.append(
                {
                    "region_code": match.code,
                    "region_name": match.name,
                    "name_in_source": f"{row.kind} {row.regency}",
                    "province_in_source": row.province,
                    "data_year": data_year,
                    "award_year": award_year,
                    "data_year_derived": derived,
                    "status": reference_status(row.status, evidence, i, data_year in bands),
                    "score": score,
                    "source_url": row.source_url,
                    "source_kind": source_kind(row.source_url),
                    "all_regions_statement": evidence.startswith(ALL_REGIONS_MARK),
                    "reference_status": row.status,
                    "note": note,
                    "reference_lines": str(i),
                }
            )
        except (ResolveError, ReferenceError) as err:
            errors.append(f"line {i}: {err}")
    if errors:
        raise ReferenceError("; ".join(errors))
    frame = _merge_same_source(pd.DataFrame(out, columns=RESULTS_COLUMNS))
    frame["award_year"] = frame["award_year"].astype("Int64")
    return frame


def _merge_same_source(frame: pd.DataFrame) -> pd.DataFrame:
    """One claim per (region, data year, source): a page that both names a region and says "all
    kab/kota" is one claim, not two (the store keys claims on that triple). Notes and reference
    line numbers of the merged rows are all kept; naming the region beats the general statement.
    Merging rows that disagree on status or score would hide a conflict, so that is an error."""
    key = ["region_code", "data_year", "source_url"]
    dup = frame.duplicated(key, keep=False)
    if not dup.any():
        return frame
    clash = frame[dup].groupby(key)[["status", "score"]].nunique(dropna=False).gt(1).any(axis=1)
    if clash.any():
        raise ReferenceError(f"one source, two different claims: {list(clash[clash].index)}")
    merged = frame.groupby(key, sort=False, as_index=False).agg(
        {c: "first" for c in frame.columns if c not in key}
        | {"note": " | ".join, "reference_lines": ";".join, "all_regions_statement": "all"}
    )
    return merged[RESULTS_COLUMNS]


NATIONAL = "NASIONAL"


def tidy_counts(
    ref: pd.DataFrame, resolver: Resolver, split_years: dict[str, int] | None = None
) -> pd.DataFrame:
    """Every count statement: national ones (scope ``nasional``, no province) and provincial ones,
    including those that give a total but no count (awarded_count empty). A count for a province
    about a data year before it was split (Papua 29 kab/kota in 2018, today 9) is marked
    ``province_before_split``: it cannot be compared with today's province. The build loads only
    comparable provincial rows with a count into the store."""
    split_years = province_split_years() if split_years is None else split_years
    out = []
    for i, row in zip(_reference_lines(ref), ref.itertuples(index=False), strict=True):
        data_year, award_year, derived = years(row.assessment_year, row.award_year, i)
        national = row.province == NATIONAL
        code = None if national else resolver.resolve_province(row.province)
        out.append(
            {
                "scope": "nasional" if national else "provinsi",
                "province_code": code,
                "province_in_source": row.province,
                "province_before_split": code is not None and data_year < split_years.get(code, 0),
                "data_year": data_year,
                "award_year": award_year,
                "data_year_derived": derived,
                "awarded_count": pd.to_numeric(row.awarded_count, errors="coerce"),
                "total_regions": pd.to_numeric(row.total_regions, errors="coerce"),
                "source_url": row.source_url,
                "source_kind": source_kind(row.source_url),
                "evidence": row.evidence,
            }
        )
    frame = pd.DataFrame(out, columns=COUNTS_COLUMNS)
    for col in ("award_year", "awarded_count", "total_regions"):
        frame[col] = frame[col].astype("Int64")
    return frame


def read_reference(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


def _reference_lines(ref: pd.DataFrame) -> list[str]:
    if "reference_line" in ref.columns:
        return list(ref["reference_line"].astype(str))
    return [str(i) for i in range(2, len(ref) + 2)]


def reference_files(reference: Path) -> tuple[list[Path], list[Path]]:
    """(results files, counts files) of the reference folder: the main file first, then every
    ``kkpham_results*.csv`` / ``kkpham_counts*.csv`` below it (additions/) in name order.
    A CSV that is neither is an error: every reference file must be read, none skipped."""
    csvs = sorted(p for p in reference.rglob("*.csv") if p.is_file())
    results = [p for p in csvs if p.name.startswith("kkpham_results")]
    counts = [p for p in csvs if p.name.startswith("kkpham_counts")]
    unknown = [str(p.relative_to(reference)) for p in csvs if p not in results + counts]
    if unknown:
        raise ReferenceError(
            f"reference files of unknown kind (neither results nor counts): {unknown}"
        )
    main = [reference / MAIN_RESULTS, reference / MAIN_COUNTS]
    for path in main:
        if not path.is_file():
            raise ReferenceError(f"{path} is missing")

    def order(p: Path) -> tuple[bool, str]:
        return (p not in main, str(p.relative_to(reference)))

    return sorted(results, key=order), sorted(counts, key=order)


def read_reference_set(files: list[Path], reference: Path) -> pd.DataFrame:
    """The rows of several reference files (same columns), each with its ``reference_line``:
    the bare line number for the main file, ``relative/path.csv:N`` for the others."""
    frames = []
    for path in files:
        frame = read_reference(path)
        rel = path.relative_to(reference).as_posix()
        main = rel in (MAIN_RESULTS, MAIN_COUNTS)
        frame["reference_line"] = [
            str(n) if main else f"{rel}:{n}" for n in range(2, len(frame) + 2)
        ]
        frames.append(frame)
    columns = list(frames[0].columns)
    for path, frame in zip(files, frames, strict=True):
        if list(frame.columns) != columns:
            raise ReferenceError(f"{path.name}: columns {list(frame.columns)} != {columns}")
    return pd.concat(frames, ignore_index=True)
