"""Completeness per province × data year: the pure function on a synthetic panel, its line,
the grid figure, and invariants on the real store (no exact totals: new data must not break it)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from kkpham.figures.completeness_grid import completeness_grid
from kkpham.model.completeness import (
    completeness,
    completeness_line,
    national_row,
    summary_row,
    unknown_regions,
)

CYCLES = pd.DataFrame(
    {
        "data_year": [2019, 2020, 2025],
        "award_year": pd.array([2020, None, 2026], dtype="Int64"),
        "regime": ["B", None, "D"],
        "regulation": ["34/2016", None, "Permen HAM 15/2025"],
        "held": [True, False, True],
        "results_public": [True, True, False],
    }
)


def _panel() -> pd.DataFrame:
    rows = []
    statuses = {  # (province, year) -> statuses of its four kab/kota (synthetic)
        ("74", 2019): ["peduli", "cukup", "tidak_melapor", "tidak_diketahui"],
        ("74", 2020): ["tidak_dilaksanakan"] * 4,
        ("74", 2025): ["belum_diumumkan"] * 3 + ["belum_terbentuk"],
        ("62", 2019): ["bukan_peduli", "tidak_diketahui", "tidak_diketahui", "peduli"],
        ("62", 2020): ["tidak_dilaksanakan"] * 4,
        ("62", 2025): ["peduli", "belum_diumumkan", "belum_diumumkan", "belum_diumumkan"],
    }
    names = {"74": "Sulawesi Tenggara", "62": "Kalimantan Tengah"}
    for (prov, year), sts in statuses.items():
        for i, status in enumerate(sts):
            claimed = status not in (
                "tidak_diketahui",
                "belum_diumumkan",
                "tidak_dilaksanakan",
                "belum_terbentuk",
            )
            rows.append(
                {
                    "code": f"{prov}.0{i + 1}",
                    "name": f"Kab {prov}-{i}",
                    "province_code": prov,
                    "province_name": names[prov],
                    "data_year": year,
                    "held": year != 2020,
                    "status": status,
                    "n_claims": int(claimed),
                }
            )
    return pd.DataFrame(rows)


REPORTED = pd.DataFrame(
    {
        "province_code": ["74", "74", "74"],
        "data_year": [2019, 2019, 2019],
        "awarded_count": [14, 14, 5],
        "total_regions": pd.array([17, 17, None], dtype="Int64"),
        "evidence": [
            "14 of 17 got a predicate",
            "same, other page",
            "five [counts: cukup_peduli_ham]",
        ],
    }
)


def test_counts_known_unknown_and_what_sources_say():
    grid = completeness(_panel(), REPORTED, {2025: False}).set_index(["province_code", "data_year"])
    r = grid.loc[("74", 2019)]
    assert (r["total"], r["known"], r["unknown"]) == (4, 3, 1)
    assert r["by_status"] == {"peduli": 1, "cukup": 1, "tidak_melapor": 1}
    assert r["reported"] == [(14, 17, ""), (5, None, "cukup_peduli_ham")]  # same count once
    assert r["share_known"] == pytest.approx(0.75)
    line = completeness_line(r.to_dict())
    assert line.startswith("terdata 3 dari 4 kab/kota; sumber: 1 Peduli HAM · 1 Cukup Peduli HAM")
    assert "dilaporkan sumber: 14 dari 17 menerima penghargaan; 5 Cukup Peduli HAM" in line
    assert "3 of 4 regencies/cities with data" in completeness_line(r.to_dict(), "en")
    # not formed is outside the total; a year without a public list says so
    r25 = grid.loc[("74", 2025)]
    assert (r25["total"], r25["known"], r25["unknown"]) == (3, 0, 3) and not r25["public"]
    assert completeness_line(r25.to_dict()).endswith("belum ada sumber; hasil belum diumumkan")
    assert completeness_line(grid.loc[("74", 2020)].to_dict()) == "tidak dinilai"
    assert pd.isna(grid.loc[("74", 2020), "share_known"])
    # absence from a Peduli list is known: it counts as data, labelled honestly
    assert "1 Bukan Peduli HAM, kategori tidak diketahui" in completeness_line(
        grid.loc[("62", 2019)].to_dict()
    )


def test_national_row_and_unknown_list():
    grid = completeness(_panel(), REPORTED, {2025: False})
    nat = national_row(grid, 2019)
    assert (nat["total"], nat["known"]) == (8, 5)
    assert list(nat["by_status"]) == ["peduli", "cukup", "tidak_melapor", "bukan_peduli"]
    unknown = unknown_regions(_panel(), 2019, "62")
    assert list(unknown["code"]) == ["62.02", "62.03"]
    assert unknown_regions(_panel(), 2020).empty  # a year not held has no "unknown" regions


def test_grid_figure_cells_and_marks():
    grid = completeness(_panel(), REPORTED, {2025: False})
    fig = completeness_grid(grid, CYCLES, lang="id")
    heat = fig.data[0]
    assert list(fig.layout.yaxis.ticktext) == ["Kalimantan Tengah", "Sulawesi Tenggara"]
    assert heat.text[1][0] == "3/4" and heat.z[1][0] == pytest.approx(0.75)
    assert heat.z[1][1] is None and heat.text[1][1] == ""  # 2020 not held: empty, shaded
    assert heat.text[1][2] == "…" and heat.text[0][2] == "1/4"  # unpublished; one list pasted
    names = [a.name for a in fig.layout.annotations]
    assert "not_held_2020" in names and "unpublished_2025" in names
    note = next(a for a in fig.layout.annotations if a.name == "unpublished_2025")
    assert note.text == "belum<br>diumumkan"  # a word per line: fits under its own column
    # two unpublished years side by side: one note across both, on one line (two notes of a
    # word per line ran into each other at 1366 px)
    late = pd.DataFrame(
        {
            "data_year": [2023, 2024, 2025],
            "award_year": pd.array([2024, 2025, 2026], dtype="Int64"),
            "regime": ["C", "C", "D"],
            "regulation": ["22/2021", "22/2021", "Permen HAM 15/2025"],
            "held": [True, True, True],
            "results_public": [True, False, False],
        }
    )
    notes = [a for a in completeness_grid(grid, late).layout.annotations if "unpublished" in a.name]
    assert [(a.name, a.x, a.text) for a in notes] == [
        ("unpublished_2024-2025", 1.5, "belum diumumkan")
    ]
    assert all(z is None or 0 <= z <= 1 for row in heat.z for z in row)
    assert "terdata 3 dari 4" in heat.customdata[1][0]


# -- the real store -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def real(built_settings):
    from kkpham.model.timeline import status_panel
    from kkpham.store import Store

    with Store.open(built_settings.db_path) as store:
        panel, reported, cycles = status_panel(store), store.reported_counts(), store.cycles()
    public = dict(zip(cycles["data_year"].astype(int), cycles["results_public"], strict=True))
    return completeness(panel, reported, public), cycles


def test_real_grid_invariants(real):
    grid, cycles = real
    assert len(grid) == 38 * len(cycles)  # every province × every cycle
    held = grid[grid["held"]]
    assert (held["known"] + held["unknown"] == held["total"]).all()
    assert (held["by_status"].map(lambda d: sum(d.values())) == held["known"]).all()
    assert (grid.loc[~grid["held"], "known"] == 0).all()
    unpublished = set(cycles.loc[~cycles["results_public"].astype(bool), "data_year"])
    assert unpublished and (~grid.loc[grid["data_year"].isin(unpublished), "public"]).all()
    for code in ("74", "62", "19"):  # the provinces the issue names: one line per year
        lines = [
            completeness_line(r) for r in grid[grid["province_code"] == code].to_dict("records")
        ]
        assert all(line.startswith(("terdata", "tidak dinilai")) for line in lines)


def test_the_map_summary_and_the_grid_agree(built_settings, real):
    from kkpham.model.mapdata import province_summary
    from kkpham.store import Store

    grid = real[0].set_index(["province_code", "data_year"])
    with Store.open(built_settings.db_path) as store:
        for code, year in (("74", 2022), ("62", 2019), ("19", 2023), ("74", 2025)):
            row = summary_row(province_summary(store, year, code))
            assert completeness_line(row) == completeness_line(grid.loc[(code, year)].to_dict())


def test_xlsx_export_carries_the_completeness_line(built_settings):
    from kkpham.model.export import export_bytes
    from kkpham.store import Store

    with Store.open(built_settings.db_path) as store:
        data = export_bytes(store, "xlsx", 2022, "74")
    about = pd.read_excel(io.BytesIO(data), sheet_name="Tentang")
    note = about.loc[about["hal"] == "kelengkapan_2022", "isi"].iloc[0]
    assert note.startswith("terdata ") and " dari " in note
