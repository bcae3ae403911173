"""Checks every result row must pass before it is stored, by the build and by imports alike.

Each problem names the row (its line in the file it came from) and what is wrong, in Indonesian
first because the people who fix the files read it.
"""

from __future__ import annotations

import math
from urllib.parse import urlparse

import pandas as pd

from kkpham.vocab import STORED_KEYS


class DataError(ValueError):
    """Rows that must not be stored; ``problems`` lists one message per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(problems[:50])
        more = f"\n… dan {len(problems) - 50} masalah lain" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} masalah pada data:\n{shown}{more}")


def is_http_url(url: object) -> bool:
    if not isinstance(url, str):
        return False
    parsed = urlparse(url.strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def row_problems(
    row: dict, regions: pd.DataFrame, cycles: pd.DataFrame, allow_decree: bool = False
) -> list[str]:
    """What is wrong with one result row (empty list: nothing)."""
    problems: list[str] = []
    region = regions.loc[row["region_code"]] if row["region_code"] in regions.index else None
    if region is None:
        problems.append(f"kode wilayah {row['region_code']!r} tidak dikenal")
    year = row["data_year"]
    if year not in cycles.index:
        problems.append(
            f"tahun data {year} di luar siklus KKP HAM yang dikenal "
            f"({cycles.index.min()}–{cycles.index.max()})"
        )
    elif not bool(cycles.loc[year, "held"]):
        problems.append(f"tahun data {year}: penilaian tidak dilaksanakan pada siklus ini")
    elif region is not None and pd.notna(region["formed_year"]) and year < region["formed_year"]:
        problems.append(
            f"{region['name']} baru dibentuk tahun {int(region['formed_year'])}, "
            f"sebelum tahun data {year} daerah ini belum ada"
        )
    if row["status"] not in STORED_KEYS:
        problems.append(f"predikat {row['status']!r} tidak dikenal")
    score = row.get("score")
    if score is not None and not (isinstance(score, float) and math.isnan(score)):
        if not isinstance(score, int | float) or not math.isfinite(score) or not 0 <= score <= 100:
            problems.append(f"nilai {score!r} harus angka 0–100")
        elif row["status"] == "peduli" and score < 75:
            problems.append(f"nilai {score} di bawah 75 tidak cocok dengan predikat Peduli HAM")
    if not (allow_decree or is_http_url(row.get("source_url"))):
        problems.append("sumber wajib berupa tautan http(s)")
    return problems


def validate_results(
    results: pd.DataFrame, regions: pd.DataFrame, cycles: pd.DataFrame, line_col: str = "line"
) -> list[str]:
    """All problems of a results frame, each prefixed with its line; also duplicate rows."""
    regions = regions.set_index("code") if "code" in regions.columns else regions
    cycles = cycles.set_index("data_year") if "data_year" in cycles.columns else cycles
    problems = []
    for row in results.to_dict("records"):
        decree = row.get("source_kind") == "keputusan"
        for p in row_problems(row, regions, cycles, allow_decree=decree):
            problems.append(f"baris {row.get(line_col, '?')}: {p}")
    key = ["region_code", "data_year", "source_url"]
    dup = results[results.duplicated(key, keep=False)]
    for _, group in dup.groupby(key):
        lines = ", ".join(str(x) for x in group.get(line_col, group.index))
        first = group.iloc[0]
        problems.append(
            f"baris {lines}: klaim ganda untuk {first['region_code']} tahun data "
            f"{first['data_year']} dari sumber yang sama"
        )
    return problems
