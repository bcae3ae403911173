"""Writes data/results.csv and data/reported_counts.csv (with sidecars) from ../shared/reference."""

from __future__ import annotations

from pathlib import Path

from kkpham.provenance import column_docs, write_sidecar
from kkpham.reference_data import read_reference, tidy_counts, tidy_results
from kkpham.regions import resolver_for
from kkpham.resolver import Resolver
from kkpham.settings import ROOT, Settings

DATA = ROOT / "data"
ORIGIN = (
    "Compiled KKP HAM results from regional news and Kanwil pages "
    "(shared/reference/kkpham_results.csv and kkpham_counts.csv of the kkpham project); "
    "every row keeps the URL of the page that states it."
)


def write_tidy_files(
    settings: Settings, reference: Path, resolver: Resolver | None = None
) -> list[Path]:
    resolver = resolver or resolver_for(settings)
    results = tidy_results(read_reference(reference / "kkpham_results.csv"), resolver)
    counts = tidy_counts(read_reference(reference / "kkpham_counts.csv"), resolver)
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
