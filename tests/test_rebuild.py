"""A rebuild (`python -m kkpham build --force`) keeps the audit log and the imported claims as they
were, and backs up the store it replaces."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from kkpham.model.regions import resolver_for
from kkpham.reference.store_build import REFERENCE_ORIGIN, build_store
from kkpham.settings import Settings
from kkpham.store import Store
from kkpham.write.backup import list_backups
from kkpham.write.stewardship import commit_file, undo


def _csv(name: str, predikat: str, source: str) -> bytes:
    head = "tahun_data,provinsi,kabupaten_kota,predikat,nilai,sumber,keterangan\n"
    return (head + f"2023,Sultra,{name},{predikat},,{source},uji\n").encode()


def _state(db: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    with Store.open(db) as store:
        batches = store.audit_batches(REFERENCE_ORIGIN)
        claims = store.claims(data_year=2023, province_code="74")
    return batches, claims[["region_code", "status", "source_url", "batch_id"]]


def test_rebuild_carries_the_audit_log_and_backs_up(built_settings: Settings, tmp_path: Path):
    settings = dataclasses.replace(
        built_settings, db_path=tmp_path / "kkpham.duckdb", backup_dir=tmp_path / "backups"
    )
    build_store(settings)
    resolver = resolver_for(settings)
    kept, _ = commit_file(
        _csv("Konawe", "Peduli HAM", "https://a.example.go.id/1"),
        "a.csv",
        resolver,
        settings,
        who="Rina",
    )
    gone, _ = commit_file(
        _csv("Kolaka", "Belum Peduli HAM", "https://b.example.com/2"),
        "b.csv",
        resolver,
        settings,
        who="Rina",
    )
    undo(gone, settings, who="Budi")
    before_batches, before_claims = _state(settings.db_path)
    backups_before = len(list_backups(settings.db_path, settings.backup_dir))

    info = build_store(settings, force=True)

    after_batches, after_claims = _state(settings.db_path)
    assert info["carried_batches"] == 2
    pd.testing.assert_frame_equal(after_batches, before_batches)  # ids, who, undone_by, counts
    pd.testing.assert_frame_equal(
        after_claims.reset_index(drop=True), before_claims.reset_index(drop=True)
    )
    assert list(after_claims["batch_id"]) == [kept]
    row = after_batches.set_index("batch_id").loc[gone]
    assert row["undone_by"] == "Budi" and pd.notna(row["undone_at"])
    assert (
        len(list_backups(settings.db_path, settings.backup_dir)) == backups_before + 1
    )  # the replaced store
