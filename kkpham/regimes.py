"""Criteria regimes as data: regulation, rights count and each regime's own outcome vocabulary.

``data/regimes.csv`` has one row per regime; ``data/regime_outcomes.csv`` gives each regime's
outcomes in order, each mapped to one stored band key of ``kkpham.vocab`` (peduli, cukup, mulai,
kurang: the colour ramp) with the regime's own labels. A new regime (Permen HAM 15/2025) whose
outcome names become public is a few rows here, or an admin's entry on the data page: the legend,
the map and the exports read the labels from the store, never from code.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kkpham.settings import ROOT
from kkpham.texts import t
from kkpham.vocab import BY_KEY

DATA = ROOT / "data"
REGIMES_FILE = DATA / "regimes.csv"
OUTCOMES_FILE = DATA / "regime_outcomes.csv"
REGIME_COLUMNS = [
    "regime",
    "regulation",
    "programme_id",
    "programme_en",
    "rights_count",
    "indicators_count",
    "note",
    "source_url",
]
OUTCOME_COLUMNS = ["regime", "rank", "status", "label_id", "label_en", "source_url"]
BANDS = ("peduli", "cukup", "mulai", "kurang")  # the ordinal statuses a regime can name


def read_regimes(path: Path = REGIMES_FILE) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in ("rights_count", "indicators_count"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("Int64")
    return frame[REGIME_COLUMNS]


def read_outcomes(path: Path = OUTCOMES_FILE) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["rank"] = frame["rank"].astype(int)
    return frame[OUTCOME_COLUMNS]


def outcome_problems(outcomes: pd.DataFrame, regimes: pd.DataFrame) -> list[str]:
    """What is wrong with an outcome vocabulary (empty: nothing)."""
    problems = []
    unknown = sorted(set(outcomes["regime"]) - set(regimes["regime"]))
    if unknown:
        problems.append(f"hasil untuk rezim yang tidak dikenal: {unknown}")
    for regime, group in outcomes.groupby("regime"):
        bad = sorted(set(group["status"]) - set(BANDS))
        if bad:
            problems.append(f"rezim {regime}: status {bad} bukan salah satu dari {list(BANDS)}")
        if group["status"].duplicated().any() or group["rank"].duplicated().any():
            problems.append(f"rezim {regime}: status atau urutan ganda")
        if (group["label_id"].str.strip() == "").any():
            problems.append(f"rezim {regime}: label kosong")
    return problems


def years_with_bands_below_peduli(cycles: pd.DataFrame, outcomes: pd.DataFrame) -> set[int]:
    """Data years whose regime names an outcome below Peduli (Cukup …): there, absence from a
    list of Peduli recipients settles only "not Peduli", not the band."""
    below = set(outcomes.loc[outcomes["status"] != "peduli", "regime"])
    return {
        int(y) for y, r in zip(cycles["data_year"], cycles["regime"], strict=True) if r in below
    }


def outcome_labels(outcomes: pd.DataFrame, regime: str | None, lang: str = "id") -> dict[str, str]:
    """Status key -> the regime's own label for it (empty when the regime names none)."""
    if regime is None or outcomes is None or outcomes.empty:
        return {}
    rows = outcomes[outcomes["regime"] == regime].sort_values("rank")
    col = "label_en" if lang == "en" else "label_id"
    return {
        s: (lab or BY_KEY[s].label(lang)) for s, lab in zip(rows["status"], rows[col], strict=True)
    }


def status_label(key: str, lang: str, labels: dict[str, str] | None = None) -> str:
    """A status's label, the regime's own word where it has one."""
    return (labels or {}).get(key) or BY_KEY[key].label(lang)


def programme_name(cycle: pd.Series | dict, lang: str = "id") -> str:
    """The programme a cycle's results belong to, as its regime names it (a proper name, the
    same in both languages): "Kabupaten/Kota Peduli HAM", from data year 2025 "Penilaian
    Kepatuhan Hak Asasi Manusia". A cycle without a named regime keeps the programme's name."""
    name = cycle.get("programme")
    return name.strip() if isinstance(name, str) and name.strip() else t("programme_peduli", lang)
