"""What changed for each kab/kota between two data years, and the status × status matrix.

Categories (``TRANSITIONS``, in legend order). "Assessed" = a published outcome (Peduli, Cukup,
Mulai, Kurang, or "Belum", not achieved with its band unknown); "missing" = did not report, nothing
known, or not yet formed.

- ``tetap_peduli``   kept: Peduli in both years.
- ``jadi_peduli``    became Peduli: assessed below Peduli, or did not report, in A; Peduli in B.
- ``lepas_peduli``   lost: Peduli in A; assessed below Peduli, or did not report, in B.
- ``naik_pita``      moved up a category ("Naik kategori"): Cukup/Mulai/Kurang in both, a better
  band in B; or "Belum" in A and Cukup in B (Belum = not awarded; Cukup was awarded under 34/2016).
- ``turun_pita``     moved down a category ("Turun kategori"): the reverse (Cukup → Belum too).
- ``tetap_belum``    still not Peduli: below Peduli in both with the same band, or no direction can
  be claimed (Belum or "not Peduli, band unknown" beside Mulai/Kurang/Belum).
- ``baru_melapor``   a result now, none before: nothing known, or not yet formed, in A (or did not
  report in A and a band below Peduli in B); assessed in B. A neutral warm grey: a change of what
  is known, neither gain nor loss (it was a green beside "kept Peduli").
- ``berhenti_melapor`` stopped reporting: assessed below Peduli in A; did not report in B.
- ``tidak_diketahui_lagi`` no longer known: assessed in A; nothing known in B.
- ``tetap_kosong``   no result in either year: missing in both years (a region that did not
  report has a cited status, but no result).

A cycle that was not held (2020) cannot be compared: ``ValueError``. When the two years fall under
different criteria regimes (11/2013→34/2016→22/2021), ``regimes_differ`` is set and
``regime_note`` says so: a change of rules is not progress.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kkpham.model.timeline import ASSESSED, regime_of
from kkpham.texts import t
from kkpham.vocab import BY_KEY, STATUSES, STORED_KEYS

BANDS = ("cukup", "mulai", "kurang")  # ordered best to worst; "belum" has no known band


@dataclass(frozen=True)
class Transition:
    key: str
    color: str

    def label(self, lang: str = "id") -> str:
        """Its name in ``lang`` (the text catalogue's ``tr_<key>``)."""
        return t(f"tr_{self.key}", lang)


# Gains are blue, losses orange (the axis every colour-vision type keeps), strong for the Peduli
# predicate, light for a category; "kept" is teal, the data-only changes are neutral. Checked for
# CIEDE2000 >= 12 under simulated deuteranopia/protanopia/tritanopia in tests/test_palette.py; the
# ▲/▼ in the labels carry the direction in greyscale print too.
TRANSITIONS: tuple[Transition, ...] = (
    Transition("jadi_peduli", "#1e488c"),
    Transition("tetap_peduli", "#097d56"),
    Transition("lepas_peduli", "#ae3f04"),
    Transition("naik_pita", "#a7acc7"),
    Transition("turun_pita", "#fdbb63"),
    Transition("tetap_belum", "#f3e4c7"),
    # "did not report" in A is data too, so the label says what B adds: a result
    Transition("baru_melapor", "#b5ada1"),
    Transition("berhenti_melapor", "#9878c9"),
    Transition("tidak_diketahui_lagi", "#6e7380"),
    # "did not report" in both years is data, but no result: the label must hold for both kinds
    Transition("tetap_kosong", "#dceef5"),
)
GAINS = ("jadi_peduli", "naik_pita")
LOSSES = ("lepas_peduli", "turun_pita")
BY_TRANSITION: dict[str, Transition] = {t.key: t for t in TRANSITIONS}
TRANSITION_CODE: dict[str, int] = {t.key: i for i, t in enumerate(TRANSITIONS)}


def classify(a: str, b: str) -> str:
    """The transition category from status ``a`` (year A) to status ``b`` (year B)."""
    for key in (a, b):
        if key not in BY_KEY:
            raise ValueError(f"unknown status {key!r}")
        if key == "tidak_dilaksanakan":
            raise ValueError("a cycle that was not held cannot be compared")
    below = {"cukup", "mulai", "kurang", "belum", "bukan_peduli"}  # known: not Peduli
    assessed = {*ASSESSED, "bukan_peduli"}
    if a == "peduli":
        if b == "peduli":
            return "tetap_peduli"
        if b in below or b == "tidak_melapor":
            return "lepas_peduli"
        return "tidak_diketahui_lagi"
    if b == "peduli":
        return "jadi_peduli" if a in below or a == "tidak_melapor" else "baru_melapor"
    if a in below:
        if b in below:
            if a in BANDS and b in BANDS and a != b:
                return "naik_pita" if BANDS.index(b) < BANDS.index(a) else "turun_pita"
            if (a, b) == ("cukup", "belum"):
                return "turun_pita"
            if (a, b) == ("belum", "cukup"):
                return "naik_pita"
            return "tetap_belum"
        return "berhenti_melapor" if b == "tidak_melapor" else "tidak_diketahui_lagi"
    # a is missing: did not report, nothing known, not yet formed
    return "baru_melapor" if b in assessed else "tetap_kosong"


def transitions(
    panel: pd.DataFrame, year_a: int, year_b: int, cycles: pd.DataFrame
) -> pd.DataFrame:
    """One row per kab/kota: ``code, name, province_code, status_a, status_b, transition,
    regime_a, regime_b, regimes_differ``. ``panel`` is ``timeline.status_panel``."""
    for year in (year_a, year_b):
        row = cycles.loc[cycles["data_year"] == year]
        if row.empty:
            raise ValueError(f"tahun data {year} tidak ada dalam tabel siklus")
        if not bool(row["held"].iloc[0]):
            raise ValueError(f"tahun data {year} tidak dinilai, jadi tidak dapat dibandingkan")
    cols = ["code", "name", "province_code", "province_name", "status"]
    a = panel.loc[panel["data_year"] == year_a, cols].set_index("code")
    b = panel.loc[panel["data_year"] == year_b, ["code", "status"]].set_index("code")
    out = a.rename(columns={"status": "status_a"}).join(b.rename(columns={"status": "status_b"}))
    out = out.reset_index()
    out["transition"] = [
        classify(x, y) for x, y in zip(out["status_a"], out["status_b"], strict=True)
    ]
    out["transition_code"] = out["transition"].map(TRANSITION_CODE).astype(int)
    regime_a, regime_b = regime_of(cycles, year_a), regime_of(cycles, year_b)
    out["regime_a"], out["regime_b"] = regime_a, regime_b
    out["regimes_differ"] = regime_a != regime_b
    return out


def year_without_results(
    panel: pd.DataFrame, cycles: pd.DataFrame, years: tuple[int, ...]
) -> tuple[int, bool] | None:
    """(the latest of ``years`` in which no kab/kota of ``panel`` has a cited status, whether
    that year's results are public), or None. Such a year has no change to show: every region
    would read "no longer known" or "no result in either year" (2023 → 2024 before 2024 is
    published; Aceh 2015 → 2016, a year we hold no Aceh row of). The later year is named first:
    it is the one asked about."""
    stored = panel["status"].isin(STORED_KEYS)
    public = cycles.set_index("data_year")["results_public"]
    for year in sorted(years, reverse=True):
        if not stored[panel["data_year"] == year].any():
            return int(year), bool(public.get(year, False))
    return None


def regime_note(cycles: pd.DataFrame, year_a: int, year_b: int, lang: str = "id") -> str | None:
    """The warning shown with a comparison across criteria regimes, or None."""
    regs = cycles.set_index("data_year")["regulation"]
    if regime_of(cycles, year_a) == regime_of(cycles, year_b):
        return None
    from kkpham.texts import t

    return t("regime_note", lang, a=regs[year_a], b=regs[year_b])


def transition_counts(trans: pd.DataFrame) -> pd.DataFrame:
    """Count per transition category, every category present (zeros included), legend order."""
    counts = trans["transition"].value_counts()
    return pd.DataFrame(
        {
            "transition": [t.key for t in TRANSITIONS],
            "count": [int(counts.get(t.key, 0)) for t in TRANSITIONS],
        }
    )


def transition_matrix(trans: pd.DataFrame) -> pd.DataFrame:
    """Status in A (rows) × status in B (columns), counts, in vocabulary order. Only statuses that
    occur in either year are kept, so a province matrix stays small."""
    present = set(trans["status_a"]) | set(trans["status_b"])
    order = [s.key for s in STATUSES if s.key in present]
    matrix = pd.crosstab(trans["status_a"], trans["status_b"])
    return matrix.reindex(index=order, columns=order, fill_value=0).astype(int)
