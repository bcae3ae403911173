"""TEST-ONLY synthetic store for the page and browser tests. Never shown to users as real data.

Every status here is invented (sources under ``https://sintetis.example/``); only the geography
(the boundary build's 514 kab/kota and 38 provinces, so the real map geometry draws it) and the
cycle table (``data/cycles.csv``) are real. It is built through the real code: the data files are
written in the format of ``data/results.csv`` and ``data/reported_counts.csv`` and go through
``kkpham.reference.store_build.write_built_store`` (validation, the status panel, the fsynced
swap), then one file
is imported through ``kkpham.write.stewardship.commit_file`` like an official's upload.

What the tests may rely on (true by construction, whatever the real data becomes):
- Sulawesi Tenggara (74, 17 kab/kota): data year 2019 complete (9 Peduli, 5 Cukup, 3 Tidak
  melapor), two sources say "14 of 17"; 2021: 10 Peduli, the rest unknown; 2022: 13 Peduli,
  2 Belum, 2 unknown, Kota Kendari (74.71) among the Peduli and disputed (Peduli by a
  government page, which the map shows; Belum by an import);
  2016: 4 Peduli. No row in 2023 or 2024.
- Kalimantan Tengah (62, 14 kab/kota): a few Peduli in 2019, 2021 and 2022; no row in 2023.
- Bangka Belitung (19): every kab/kota Peduli in 2022 and 2023 (the latest year with any row).
- National: one source says 9 kab/kota in 2019.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pandas as pd

from kkpham.model.regions import resolver_for
from kkpham.reference.store_build import CYCLES_FILE, read_cycles, region_table, write_built_store
from kkpham.settings import Settings
from kkpham.store import Store
from kkpham.write.stewardship import commit_file

SITE = "https://sintetis.example"
RESULT_HEADER = [
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
COUNT_HEADER = [
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
# province -> data year -> the statuses of its kab/kota in code order (the rest: no row)
PLAN: dict[str, dict[int, list[str]]] = {
    "74": {
        2016: ["peduli"] * 4,
        2019: ["peduli"] * 9 + ["cukup"] * 5 + ["tidak_melapor"] * 3,
        2021: ["peduli"] * 10,
        2022: ["peduli"] * 12 + ["belum"] * 2,
    },
    "62": {2019: ["peduli"] * 3, 2021: ["peduli"] * 4, 2022: ["peduli"] * 5},
    "19": {2022: ["peduli"] * 7, 2023: ["peduli"] * 7},
}
DISPUTED = ("74.71", 2022)  # Peduli (government page, in the build) vs Belum (the import)
IMPORT_CSV = (
    "tahun_data,tahun_penghargaan,provinsi,kabupaten_kota,predikat,nilai,sumber,keterangan\n"
    f"2022,,Sultra,Kota Kendari,Belum Peduli HAM,,{SITE}/impor/kendari-2022,uji sintetis\n"
)


def _results(regions: pd.DataFrame, cycles: pd.DataFrame) -> list[dict]:
    award = dict(zip(cycles["data_year"], cycles["award_year"], strict=True))
    rows = []
    for province, years in PLAN.items():
        members = regions[regions["province_code"] == province].sort_values("code")
        for year, statuses in years.items():
            formed = members[members["formed_year"].isna() | (members["formed_year"] <= year)]
            disputed_here = (province, year) == (DISPUTED[0][:2], DISPUTED[1])
            if disputed_here:  # written on its own below
                formed = formed[formed["code"] != DISPUTED[0]]
            if len(statuses) > len(formed):
                raise AssertionError(f"{province} has {len(formed)} kab/kota in {year}")
            picked = list(zip(statuses, formed.itertuples(index=False), strict=False))
            if disputed_here:
                kendari = members[members["code"] == DISPUTED[0]]
                picked.append(("peduli", next(kendari.itertuples(index=False))))
            for status, region in picked:
                kind, url = "berita", f"{SITE}/{province}/{year}"
                if (region.code, year) == DISPUTED:
                    kind, url = "pemerintah", f"{SITE}/go.id/kendari-{year}"
                rows.append(
                    {
                        "region_code": region.code,
                        "region_name": region.name,
                        "name_in_source": region.name,
                        "province_in_source": province,
                        "data_year": year,
                        "award_year": award[year],
                        "data_year_derived": False,
                        "status": status,
                        "score": "",
                        "source_url": url,
                        "source_kind": kind,
                        "all_regions_statement": False,
                        "reference_status": status,
                        "note": "SINTETIS: hanya untuk uji",
                        "reference_lines": 0,
                    }
                )
    return rows


def _counts() -> list[dict]:
    base = {
        "province_before_split": False,
        "data_year_derived": False,
        "source_kind": "berita",
        "award_year": 2020,
        "data_year": 2019,
    }
    return [
        {
            **base,
            "scope": "provinsi",
            "province_code": "74",
            "province_in_source": "Sultra",
            "awarded_count": 14,
            "total_regions": 17,
            "source_url": f"{SITE}/hitung/74-a",
            "evidence": "SINTETIS: 14 of 17",
        },
        {
            **base,
            "scope": "provinsi",
            "province_code": "74",
            "province_in_source": "Sultra",
            "awarded_count": 14,
            "total_regions": 17,
            "source_url": f"{SITE}/hitung/74-b",
            "evidence": "SINTETIS: 14 of 17 (second source)",
        },
        {
            **base,
            "scope": "nasional",
            "province_code": "",
            "province_in_source": "",
            "awarded_count": 9,
            "total_regions": "",
            "source_url": f"{SITE}/hitung/nasional",
            "evidence": "SINTETIS: 9 nationally",
        },
    ]


def _write(path: Path, header: list[str], rows: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def build_synthetic(real: Settings, folder: Path, with_import: bool = True) -> Settings:
    """A synthetic store in ``folder`` (real geometry and cycles, invented statuses); its
    settings. ``real``: settings of a built checkout (boundaries, static geometry).
    ``with_import=False``: only the build's batch (no import to undo, no dispute)."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = replace(real, db_path=folder / "sintetis.duckdb", backup_dir=folder / "backups")
    provinces, regions = region_table(real)
    with Store.open(real.db_path) as store:
        boundary_build = store.get_meta("boundary_build_id") or "unbuilt"
    results = _write(folder / "results.csv", RESULT_HEADER, _results(regions, read_cycles()))
    counts = _write(folder / "reported_counts.csv", COUNT_HEADER, _counts())
    write_built_store(
        settings,
        boundary_build,
        "synthetic",
        provinces,
        regions,
        cycles_file=CYCLES_FILE,
        results_file=results,
        counts_file=counts,
    )
    if with_import:
        commit_file(
            IMPORT_CSV.encode(),
            "impor_sintetis.csv",
            resolver_for(real),
            settings,
            who="uji sintetis",
        )
    return settings
