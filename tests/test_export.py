"""Export: every claim of the selection, in three formats, with formula cells neutralised."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
from test_importer import make_settings

from kkpham.model.export import FORMATS, export_bytes, export_frame, neutralise
from kkpham.store import Store

HOSTILE = ['=HYPERLINK("http://evil")', "+1+1", "-1+2", "@SUM(A1)", "\t=1", "aman"]


@pytest.fixture
def db(tmp_path):
    settings = make_settings(tmp_path)
    with Store.open(settings.db_path, read_only=False) as store:
        store.add_batch(
            pd.DataFrame(
                [
                    {
                        "region_code": "74.02",
                        "data_year": 2023,
                        "award_year": 2024,
                        "data_year_derived": False,
                        "status": "belum",
                        "score": 61.0,
                        "source_url": f"https://x.example.com/{i}",
                        "source_kind": "berita",
                        "name_in_source": text,
                        "note": text,
                        "all_regions_statement": False,
                    }
                    for i, text in enumerate(HOSTILE)
                ]
            ),
            origin="test",
        )
    return settings.db_path


def test_neutralise() -> None:
    assert [neutralise(t) for t in HOSTILE] == ["'" + t for t in HOSTILE[:-1]] + ["aman"]
    assert neutralise(-5.0) == -5.0 and neutralise(None) is None


def test_selection_and_map_flag(db) -> None:
    with Store.open(db) as store:
        everything = export_frame(store)
        sultra_2022 = export_frame(store, 2022, "74")
        papua = export_frame(store, None, "92")
    assert len(everything) == 1 + len(HOSTILE) and len(sultra_2022) == 1 and papua.empty
    assert sultra_2022.loc[0, "kabupaten_kota"] == "Kabupaten Kolaka"
    konawe = everything[everything["kode_wilayah"] == "74.02"]
    assert konawe["tampil_di_peta"].sum() == 1  # one claim colours the map, all are exported


@pytest.mark.parametrize("fmt", FORMATS)
def test_formats_hold_no_live_formula(db, fmt: str) -> None:
    with Store.open(db) as store:
        data = export_bytes(store, fmt, 2023)
    if fmt == "csv":
        frame = pd.read_csv(io.BytesIO(data), dtype=str, encoding="utf-8-sig")
        assert data.startswith(b"\xef\xbb\xbf")
    elif fmt == "parquet":
        frame = pd.read_parquet(io.BytesIO(data))
    else:
        book = openpyxl.load_workbook(io.BytesIO(data))
        assert book.sheetnames == ["Hasil", "Tentang"]
        cells = [c for r in book["Hasil"].iter_rows() for c in r]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        frame = pd.read_excel(io.BytesIO(data), sheet_name="Hasil", dtype=str)
    notes = sorted(frame["keterangan"])
    assert notes == sorted(["'" + t for t in HOSTILE[:-1]] + ["aman"])
    assert all(not str(v).startswith(("=", "+", "-", "@", "\t")) for v in frame["nama_di_sumber"])
    assert len(frame) == len(HOSTILE)
