"""``store.Readers``: the app's read-only opens through one shared in-memory DuckDB instance see a
store renamed over the old one on the next open, never share an attachment, and leave nothing
attached after close, also from several threads at once."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from kkpham.model import panel
from kkpham.store import Readers, Store
from kkpham.write.stewardship import undo


def test_a_store_renamed_over_the_old_one_is_read_by_the_next_open(synthetic_settings, tmp_path):
    db = tmp_path / "salinan.duckdb"
    shutil.copy(synthetic_settings.db_path, db)
    settings = replace(synthetic_settings, db_path=db, backup_dir=tmp_path / "backups")
    readers = Readers()
    with Store.open(db) as fresh:
        expected = fresh.data_version()
    held = readers.open(db)  # open across the write: keeps reading the file it attached
    assert held.data_version() == expected and readers.attached() == 1
    with Store.open(db) as store:
        batches = store.batches()
    undo(int(batches.loc[batches["origin"] != "build", "batch_id"].max()), settings, who="uji")
    with readers.open(db) as after:
        new = after.data_version()
        assert new != expected and panel.is_current(after)
        assert readers.attached() == 2
    with Store.open(db) as fresh:
        assert fresh.data_version() == new
    assert held.data_version() == expected
    held.close()
    assert readers.attached() == 0


def test_opens_from_several_threads_read_the_whole_panel(synthetic_settings):
    readers = Readers()
    with Store.open(synthetic_settings.db_path) as store:
        n = len(panel.read(store))

    def read(_: int) -> int:
        with readers.open(synthetic_settings.db_path) as store:
            return len(panel.read(store))

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(read, range(12))) == [n] * 12
    assert readers.attached() == 0


def test_a_missing_store_says_how_to_build_it(tmp_path):
    try:
        Readers().open(tmp_path / "tidak-ada.duckdb")
    except FileNotFoundError as exc:
        assert "kkpham build" in str(exc)
    else:
        raise AssertionError("opened a missing store")
