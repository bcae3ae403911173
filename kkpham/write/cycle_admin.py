"""A new assessment cycle, a new criteria regime and a regime's outcome names, added by an admin
(data page or ``python -m kkpham cycle …``) without a maintainer or a rebuild.

Everything goes through ``kkpham.write.stewardship.write_store`` (lock, copy, one transaction,
backup, atomic swap) as one audited batch of origin ``cycle``: it shows in the audit log, can be
undone (refused while results of that year are stored), and a rebuild carries it over. Its
problems are catalogue messages, like the importer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from kkpham.regimes import BANDS, REGIME_COLUMNS
from kkpham.texts import Message, Refused
from kkpham.write.validate import is_http_url

if TYPE_CHECKING:
    from kkpham.settings import Settings
    from kkpham.store import Store

_REGIME_KEY = re.compile(r"^[A-Z][A-Z0-9]{0,7}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_TEXT = 300


@dataclass
class CycleEntry:
    """One data year, optionally with a new regime and outcome names (all checked together)."""

    data_year: int | None = None
    award_year: int | None = None
    regime: str = ""
    held: bool = True
    results_public: bool = False  # a new cycle's list is not public until it is imported
    decree_number: str = ""
    decree_date: str = ""
    award_date: str = ""
    note: str = ""
    source_url: str = ""
    # a new regime (when ``regime`` is not stored yet)
    regulation: str = ""
    programme_id: str = ""
    programme_en: str = ""
    rights_count: int | None = None
    # outcome names: status band -> (label_id, label_en), in legend order
    outcomes: dict[str, tuple[str, str]] = field(default_factory=dict)


def parse_outcome(text: str) -> tuple[str, tuple[str, str]]:
    """ "peduli=Patuh HAM|Compliant" -> ("peduli", ("Patuh HAM", "Compliant"))."""
    band, sep, labels = text.partition("=")
    if not sep:
        raise Refused(Message("cyc_outcome_form", text=text))
    label_id, _, label_en = labels.partition("|")
    return band.strip().lower(), (label_id.strip(), label_en.strip() or label_id.strip())


def problems(entry: CycleEntry, store: Store) -> list[Message]:
    """What is wrong with an entry against the store as it is (empty: nothing)."""
    out: list[Message] = []
    cycles = store.cycles().set_index("data_year")
    regimes = store.regimes().set_index("regime")
    texts = [
        entry.regime,
        entry.decree_number,
        entry.decree_date,
        entry.award_date,
        entry.note,
        entry.regulation,
        entry.programme_id,
        entry.programme_en,
        *(lab for pair in entry.outcomes.values() for lab in pair),
    ]
    if any(len(x) > MAX_TEXT or re.search(r"[<>\x00-\x1f]", x) for x in texts):
        out.append(Message("cyc_text_limits", max=MAX_TEXT))
    if entry.data_year is not None:
        if entry.data_year in cycles.index:
            out.append(Message("cyc_year_exists", year=entry.data_year))
        if not 2012 <= entry.data_year <= 2100:
            out.append(Message("cyc_year_range", year=entry.data_year))
        if entry.held and entry.award_year is not None and entry.award_year != entry.data_year + 1:
            out.append(Message("cyc_award_year"))
        if not is_http_url(entry.source_url):
            out.append(Message("cyc_source"))
        for key, value in (
            ("cyc_decree_date", entry.decree_date),
            ("cyc_award_date", entry.award_date),
        ):
            if value and not _DATE.match(value):
                out.append(Message(key, value=value))
        if entry.held and not entry.regime:
            out.append(Message("cyc_needs_regime"))
    new_regime = bool(entry.regime) and entry.regime not in regimes.index
    if entry.regime and not _REGIME_KEY.match(entry.regime):
        out.append(Message("cyc_regime_code", code=entry.regime))
    if new_regime and not entry.regulation.strip():
        out.append(Message("cyc_new_regime_regulation", regime=entry.regime))
    if new_regime and not is_http_url(entry.source_url):
        out.append(Message("cyc_new_regime_source"))
    if entry.outcomes:
        bad = sorted(set(entry.outcomes) - set(BANDS))
        if bad:
            out.append(Message("cyc_band_unknown", bad=", ".join(bad), known=", ".join(BANDS)))
        if any(not pair[0] for pair in entry.outcomes.values()):
            out.append(Message("cyc_label_empty"))
        if not entry.regime:
            out.append(Message("cyc_outcomes_need_regime"))
        elif not new_regime:
            have = set(store.regime_outcomes(entry.regime)["status"])
            again = sorted(have & set(entry.outcomes))
            if again:
                out.append(
                    Message("cyc_outcomes_exist", regime=entry.regime, again=", ".join(again))
                )
        if not is_http_url(entry.source_url):
            out.append(Message("cyc_outcomes_source"))
    if entry.data_year is None and not new_regime and not entry.outcomes:
        out.append(Message("cyc_nothing"))
    return out


def frames(entry: CycleEntry, store: Store) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(cycles, regimes, outcomes) rows of an entry, in the store's columns."""
    regimes = store.regimes()
    new_regime = bool(entry.regime) and entry.regime not in set(regimes["regime"])
    cycles = pd.DataFrame(
        [
            {
                "data_year": entry.data_year,
                "award_year": entry.award_year if entry.held else None,
                "regime": entry.regime or None,
                "held": entry.held,
                "regulation": entry.regulation
                or (
                    regimes.set_index("regime").loc[entry.regime, "regulation"]
                    if entry.regime and not new_regime
                    else None
                ),
                "decree_number": entry.decree_number or None,
                "decree_date": entry.decree_date or None,
                "award_date": entry.award_date or None,
                "note": entry.note or None,
                "source_url": entry.source_url,
                "results_public": entry.results_public,
                "decree_source_url": None,
            }
        ]
        if entry.data_year is not None
        else []
    )
    if len(cycles):
        cycles["award_year"] = cycles["award_year"].astype("Int64")
    regime_rows = pd.DataFrame(
        [
            {
                "regime": entry.regime,
                "regulation": entry.regulation,
                "programme_id": entry.programme_id or None,
                "programme_en": entry.programme_en or None,
                "rights_count": entry.rights_count,
                "indicators_count": None,
                "note": entry.note or None,
                "source_url": entry.source_url,
            }
        ]
        if new_regime
        else [],
        columns=REGIME_COLUMNS,
    )
    start = len(store.regime_outcomes(entry.regime)) if entry.regime else 0
    outcomes = pd.DataFrame(
        [
            {
                "regime": entry.regime,
                "rank": start + i,
                "status": band,
                "label_id": lid,
                "label_en": len_,
                "source_url": entry.source_url,
            }
            for i, (band, (lid, len_)) in enumerate(entry.outcomes.items(), start=1)
        ],
        columns=["regime", "rank", "status", "label_id", "label_en", "source_url"],
    )
    return cycles, regime_rows, outcomes


def add(entry: CycleEntry, settings: Settings, who: str | None) -> int:
    """Store an entry as one audited, undoable batch (origin ``cycle``); its batch id.
    ValueError (nothing written) with every problem when the entry is not acceptable."""
    from kkpham.write.stewardship import write_store

    def change(store: Store) -> int:
        found = problems(entry, store)
        if found:
            raise Refused(*found)
        label = f"siklus {entry.data_year}" if entry.data_year is not None else "rezim"
        return store.add_admin_batch(
            *frames(entry, store), who=who, file_name=f"{label} {entry.regime}".strip()
        )

    return write_store(settings, change, reason="cycle")
