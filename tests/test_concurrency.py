"""Many viewer sessions read maps and summaries while batches commit: no errors, no mixed data.

Readers open the store read-only for each read, like the pages do. Each read takes a map frame
and a province summary from one connection; the pair must equal the state before or after some
commit, never a blend. READERS threads are held across COMMITS commits.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from test_importer import csv_bytes, make_resolver, make_settings, row

from kkpham.mapdata import map_frame, province_summary
from kkpham.stewardship import commit_file, undo
from kkpham.store import Store

READERS = 12
COMMITS = 4  # three imports and one undo


def observe(db: Path) -> tuple:
    with Store.open(db) as store:
        frame = map_frame(store, 2022, None)
        summary = province_summary(store, 2022, "74")
        version = store.data_version()
    statuses = tuple(frame.sort_values("code")["status"])
    return version, statuses, int(frame["n_claims"].sum()), summary["peduli"], summary["known"]


def test_readers_see_old_or_new_never_a_mix(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    db = settings.db_path
    expected = {observe(db)}
    done = threading.Event()
    seen: list[list[tuple]] = [[] for _ in range(READERS)]
    errors: list[BaseException] = []

    def reader(i: int) -> None:
        try:
            while not done.is_set():
                seen[i].append(observe(db))
            seen[i].append(observe(db))
        except BaseException as err:  # collected and asserted below
            errors.append(err)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
    for t in threads:
        t.start()
    files = [
        [row("Konawe", sumber="https://a.example.com/1"), row("Kendari", predikat="belum",
                                                             sumber="https://a.example.com/1")],
        [row("Kendari", sumber="https://b.example.com/2"), row("Buton Selatan",
                                                              sumber="https://b.example.com/2")],
        [row("Kolaka", predikat="belum", sumber="https://kolaka.go.id/3")],
    ]  # fmt: skip
    batches = []
    for i, rows in enumerate(files):
        time.sleep(0.3)  # let the readers read the current state for a while
        batch, _ = commit_file(csv_bytes(rows), f"{i}.csv", make_resolver(), settings, who="w")
        batches.append(batch)
        expected.add(observe(db))
    time.sleep(0.3)
    undo(batches[1], settings, who="w")
    expected.add(observe(db))
    time.sleep(0.3)
    done.set()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors[:3]
    assert len(expected) == COMMITS + 1  # every write changed what viewers see
    observed = [obs for per_reader in seen for obs in per_reader]
    assert all(per_reader for per_reader in seen)
    assert set(observed) <= expected
    assert len(set(observed)) >= 2  # readers really overlapped the writes
    print(f"\n{READERS} readers, {len(observed)} reads across {COMMITS} writes")
