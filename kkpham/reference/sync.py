"""Writes data/results.csv and data/reported_counts.csv (with sidecars) from ../shared/reference:
the main compiled files and every results/counts file below it (additions/), all of them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kkpham.model.regions import resolver_for
from kkpham.model.resolver import Resolver
from kkpham.reference.provenance import column_docs, write_sidecar
from kkpham.reference.tidy import read_reference_set, reference_files, tidy_counts, tidy_results
from kkpham.regimes import read_outcomes, years_with_bands_below_peduli
from kkpham.settings import ROOT, Settings

DATA = ROOT / "data"
ORIGIN = (
    "Compiled KKP HAM results from regional news and Kanwil pages "
    "(shared/reference/kkpham_results.csv and kkpham_counts.csv of the kkpham project, and the "
    "additions in shared/reference/additions/, same columns); "
    "every row keeps the URL of the page that states it."
)


def bands_below_peduli() -> set[int]:
    """Data years (data/cycles.csv) whose regime (data/regime_outcomes.csv) has bands below
    Peduli."""
    return years_with_bands_below_peduli(pd.read_csv(DATA / "cycles.csv"), read_outcomes())


def tidy_frames(reference: Path, resolver: Resolver) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(results, counts) exactly as written to data/, from every reference file."""
    result_files, count_files = reference_files(reference)
    results = tidy_results(
        read_reference_set(result_files, reference), resolver, bands_below_peduli()
    )
    counts = tidy_counts(read_reference_set(count_files, reference), resolver)
    return results, counts


def write_tidy_files(
    settings: Settings, reference: Path, resolver: Resolver | None = None
) -> list[Path]:
    resolver = resolver or resolver_for(settings)
    results, counts = tidy_frames(reference, resolver)
    out = []
    for name, frame, what in (
        (
            "results.csv",
            results,
            "One claim per row: a region's KKP HAM status for a data year, "
            "as stated by the source at source_url. Conflicting claims are all kept.",
        ),
        (
            "reported_counts.csv",
            counts,
            "Statements of the form 'N of M kab/kota in a province "
            "received the predicate', as stated by the source at source_url.",
        ),
    ):
        path = DATA / name
        frame.to_csv(path, index=False, lineterminator="\n")
        write_sidecar(
            path,
            description=what + " Data year = award year - 1 where only the "
            "award year is known (data_year_derived).",
            sources=[ORIGIN],
            licence="Facts from public web pages; compilation CC BY 4.0",
            columns=column_docs(name, {c: "" for c in frame.columns}),
        )
        out.append(path)
    return out
