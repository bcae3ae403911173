"""Dated facts about kab/kota that changed during the KKP HAM years (2012–2025), from data/.

``data/region_facts.csv`` holds one cited fact per row: a kab formed from Nov 2012 on (``formed``),
a Kemendagri code change when a province split (``code_changed``), a move to a new province whose
old kab code is not known (``province_changed``) and a rename with unchanged code (``renamed``).
The runtime reads only that file; ``compile_region_facts`` (maintainers, tests) rebuilds it from
the shared boundary reference so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kkpham.settings import ROOT

FACTS_FILE = ROOT / "data" / "region_facts.csv"
FACT_COLUMNS = [
    "code",
    "fact",
    "year",
    "legal_basis",
    "previous_code",
    "old_name",
    "old_province_code",
    "source",
]
FACT_KINDS = ("formed", "code_changed", "province_changed", "renamed")
_CODE = re.compile(r"^\d{2}\.\d{2}$")
_REGIONS_SOURCE = "kkpham shared/boundaries/regions.csv (since, since_basis), from the UU named"


class FactsError(ValueError):
    """A row of region_facts.csv that cannot be used; names the line."""


def read_facts(path: Path = FACTS_FILE) -> pd.DataFrame:
    """The facts file, checked: codes ``NN.NN``, known fact kinds, a basis and source per row."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(frame.columns) != FACT_COLUMNS:
        raise FactsError(f"{path.name}: columns {list(frame.columns)} != {FACT_COLUMNS}")
    problems = []
    for line, row in enumerate(frame.itertuples(index=False), start=2):
        if not _CODE.match(row.code):
            problems.append(f"{path.name} line {line}: code {row.code!r} is not NN.NN")
        if row.fact not in FACT_KINDS:
            problems.append(f"{path.name} line {line}: fact {row.fact!r} not in {FACT_KINDS}")
        if not re.fullmatch(r"\d{4}", row.year):
            problems.append(f"{path.name} line {line}: year {row.year!r} is not a year")
        if not row.legal_basis.strip() or not row.source.strip():
            problems.append(f"{path.name} line {line}: legal_basis and source are required")
        if row.fact == "code_changed" and not _CODE.match(row.previous_code):
            problems.append(f"{path.name} line {line}: code_changed needs previous_code NN.NN")
        if row.fact == "renamed" and not row.old_name.strip():
            problems.append(f"{path.name} line {line}: renamed needs old_name")
        if row.fact in ("code_changed", "province_changed") and not re.fullmatch(
            r"\d{2}", row.old_province_code
        ):
            problems.append(f"{path.name} line {line}: {row.fact} needs old_province_code NN")
    if problems:
        raise FactsError("; ".join(problems))
    return frame


@lru_cache(maxsize=2)
def _facts(path: Path = FACTS_FILE) -> pd.DataFrame:
    return read_facts(path)


def load_facts(path: Path = FACTS_FILE) -> pd.DataFrame:
    """The checked facts (cached; a copy, so callers may modify it)."""
    return _facts(path).copy()


def formation_table(facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """`code, formed_year (Int64), formed_basis, previous_code`: a row per kab/kota with facts."""
    facts = load_facts() if facts is None else facts
    formed = facts[facts["fact"] == "formed"].set_index("code")
    moved = facts[facts["fact"] == "code_changed"].set_index("code")
    codes = sorted(set(facts["code"]))
    out = pd.DataFrame({"code": codes})
    out["formed_year"] = pd.array(
        [int(formed.at[c, "year"]) if c in formed.index else None for c in codes], dtype="Int64"
    )
    out["formed_basis"] = [
        formed.at[c, "legal_basis"] if c in formed.index else None for c in codes
    ]
    out["previous_code"] = [
        moved.at[c, "previous_code"] if c in moved.index else None for c in codes
    ]
    return out


def former_names(facts: pd.DataFrame | None = None) -> list[tuple[str, str]]:
    """(code, old official name) for kab renamed with unchanged code."""
    facts = load_facts() if facts is None else facts
    renamed = facts[facts["fact"] == "renamed"]
    return list(zip(renamed["code"], renamed["old_name"], strict=True))


def former_codes(facts: pd.DataFrame | None = None) -> dict[str, str]:
    """Old Kemendagri code -> current code (Papua 2022, Papua Barat Daya 2025)."""
    facts = load_facts() if facts is None else facts
    moved = facts[facts["fact"] == "code_changed"]
    return dict(zip(moved["previous_code"], moved["code"], strict=True))


def former_provinces(facts: pd.DataFrame | None = None) -> dict[str, set[str]]:
    """Current code -> province codes it belonged to before a split (e.g. 94.04 -> {"91"})."""
    facts = load_facts() if facts is None else facts
    moved = facts[facts["fact"].isin(["code_changed", "province_changed"])]
    out: dict[str, set[str]] = {}
    for code, old in zip(moved["code"], moved["old_province_code"], strict=True):
        out.setdefault(code, set()).add(old)
    return out


def _moves(facts: pd.DataFrame) -> pd.DataFrame:
    """``code, old_province_code, year`` of every kab/kota that moved to another province: its
    year is the law's ("UU 29/2022"), not the year the code list caught up (Kepmendagri 2025),
    else the fact's. A code changed within its own province moves nothing."""
    law_year = facts["legal_basis"].fillna("").str.extract(r"UU \d+/(\d{4})", expand=False)
    year = pd.to_numeric(law_year, errors="coerce").fillna(
        pd.to_numeric(facts["year"], errors="coerce")
    )
    old = facts["old_province_code"].fillna("").astype(str)
    moved = (facts["fact"] == "province_changed") | (
        (facts["fact"] == "code_changed") & (old != "") & (old != facts["code"].str[:2])
    )
    return pd.DataFrame({"code": facts["code"], "old_province_code": old, "year": year})[
        moved & year.notna()
    ]


def province_split_years(facts: pd.DataFrame | None = None) -> dict[str, int]:
    """Province code -> year of the law that first took kab/kota away from it (64: 2012, 91 and
    92: 2022). A count for that province about an earlier data year describes the old province."""
    moves = _moves(load_facts() if facts is None else facts)
    moves = moves[moves["old_province_code"] != ""]
    return {str(k): int(v) for k, v in moves.groupby("old_province_code")["year"].min().items()}


def province_formed_years(
    regions: pd.DataFrame, facts: pd.DataFrame | None = None
) -> dict[str, int]:
    """Province code -> the year it was formed, for a province whose kab/kota came from another
    province by law (Kalimantan Utara 2012; the Papua provinces 2022; ``_moves``): the earliest
    such year, when every other kab/kota of the province was formed in it later. ``regions``:
    ``code`` and ``province_code`` of every kab/kota."""
    facts = load_facts() if facts is None else facts
    moves = _moves(facts)
    law = dict(zip(moves["code"], moves["year"], strict=True))
    formed = facts[facts["fact"] == "formed"]
    formed_in = dict(
        zip(formed["code"], pd.to_numeric(formed["year"], errors="coerce"), strict=True)
    )
    out = {}
    for province, codes in regions.groupby("province_code")["code"]:
        moved = [law[c] for c in codes if c in law]
        if not moved:
            continue
        since = int(min(moved))
        others = [c for c in codes if c not in law]
        if all(formed_in.get(c, 0) >= since for c in others):  # formed in the new province
            out[str(province)] = since
    return out


# -- maintainers: rebuild data/region_facts.csv from the shared boundary reference ----------------
def _title_name(upper: str) -> str:
    """'Kab. Mamuju Utara' / 'KAB. MERAUKE' -> 'Kabupaten Mamuju Utara' / 'Kabupaten Merauke'."""
    name = upper.strip().title() if upper.strip().isupper() else upper.strip()
    name = re.sub(r"^kab\.?\s+", "Kabupaten ", name, flags=re.IGNORECASE)
    return re.sub(r"^kota\s+", "Kota ", name, flags=re.IGNORECASE)


def compile_region_facts(boundaries: Path) -> pd.DataFrame:
    """The facts table from ``regions.csv`` and ``code_changes.csv`` in ``boundaries``."""
    regions = pd.read_csv(boundaries / "regions.csv", dtype=str, keep_default_na=False)
    changes = pd.read_csv(boundaries / "code_changes.csv", dtype=str, keep_default_na=False)
    kabkota = regions[regions["kind"] != "Provinsi"]
    rows: list[dict[str, str]] = []
    for r in kabkota[kabkota["since"] != ""].itertuples(index=False):
        rows.append(
            {
                "code": r.code,
                "fact": "formed",
                "year": r.since,
                "legal_basis": r.since_basis,
                "source": _REGIONS_SOURCE,
            }
        )
    since = dict(zip(kabkota["code"], kabkota["code_since"], strict=True))
    for c in changes.itertuples(index=False):
        first = f"; first in {c.first_code_list}" if c.first_code_list else ""
        basis = f"{c.legal_basis}" + (f" ({c.legal_date})" if c.legal_date else "") + first
        if c.level == "kabkota" and c.old_code != c.new_code:
            rows.append(
                {
                    "code": c.new_code,
                    "fact": "code_changed",
                    "year": since[c.new_code],
                    "legal_basis": basis,
                    "previous_code": c.old_code,
                    "old_name": _title_name(c.old_name),
                    "old_province_code": c.old_code[:2],
                    "source": c.source,
                }
            )
        elif c.level == "kabkota":
            year = c.legal_date[:4] or re.search(r"\d{4}", c.legal_basis).group(0)
            rows.append(
                {
                    "code": c.new_code,
                    "fact": "renamed",
                    "year": year,
                    "legal_basis": basis,
                    "old_name": _title_name(c.old_name),
                    "source": c.source,
                }
            )
        elif c.old_code == "64" and c.new_code == "65":
            # Kaltara's kab/kota had 64.xx codes before; which ones is not verified, so only the
            # old province is recorded (enough for "Bulungan, Kalimantan Timur").
            for code in kabkota.loc[kabkota["province_code"] == "65", "code"]:
                rows.append(
                    {
                        "code": code,
                        "fact": "province_changed",
                        "year": c.legal_date[:4],
                        "legal_basis": basis,
                        "old_province_code": "64",
                        "source": c.source,
                    }
                )
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS).fillna("")
    return frame.sort_values(["code", "fact"], kind="stable").reset_index(drop=True)
