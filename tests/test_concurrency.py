"""Many viewer sessions read maps and summaries while batches commit: no errors, no mixed data.

Readers open the store read-only for each read, like the pages do. Each read takes a map frame
and a province summary from one connection; the pair must equal the state before or after some
commit, never a blend. READERS threads are held across COMMITS commits; then READER_PROCESSES
separate processes (the app and the CLI are separate processes in real life) read in a loop
while this process commits.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from test_importer import csv_bytes, make_resolver, make_settings, row

from kkpham.model.mapdata import map_frame, province_summary
from kkpham.store import Store
from kkpham.write.stewardship import commit_file, undo

READERS = 12
COMMITS = 4  # three imports and one undo
READER_PROCESSES = 4
TESTS = Path(__file__).parent
# A reader process: observe() in a loop until stdin closes, printing each observation; then one
# JSON line with every distinct observation, how often it was seen, and the errors (repr) it met.
READER = f"""
import sys, json, threading, collections
sys.path[:0] = [{str(TESTS)!r}, {str(TESTS.parent)!r}]
from pathlib import Path
from test_concurrency import observe
db = Path(sys.argv[1])
seen, errors, stop = collections.Counter(), [], threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
observe(db)
print("ready", flush=True)
while not stop.is_set():
    try:
        state = json.dumps(observe(db))
        seen[state] += 1
        print(state, flush=True)  # the parent waits until every reader has seen each state
    except Exception as err:
        errors.append(repr(err))
        print("error", repr(err), flush=True)
print(json.dumps({{"seen": dict(seen), "errors": errors[:5]}}), flush=True)
"""


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
    read = threading.Condition()

    def reader(i: int) -> None:
        try:
            while not done.is_set():
                seen[i].append(observe(db))
                with read:
                    read.notify_all()
            seen[i].append(observe(db))
        except BaseException as err:  # collected and asserted below
            errors.append(err)
            with read:
                read.notify_all()

    def let_readers_read(current: tuple, times: int = 1) -> None:
        """Until every reader has read the current state ``times`` times (no fixed sleep)."""
        with read:
            settled = read.wait_for(
                lambda: errors or all(s.count(current) >= times for s in seen), timeout=120
            )
        assert settled, "the readers stalled"

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
    for t in threads:
        t.start()
    files = [
        [
            row("Konawe", sumber="https://a.example.com/1"),
            row("Kendari", predikat="belum", sumber="https://a.example.com/1"),
        ],
        [
            row("Kendari", sumber="https://b.example.com/2"),
            row("Buton Selatan", sumber="https://b.example.com/2"),
        ],
        [row("Kolaka", predikat="belum", sumber="https://kolaka.go.id/3")],
    ]
    batches = []
    current = observe(db)
    for i, rows in enumerate(files):
        let_readers_read(current)
        batch, _ = commit_file(csv_bytes(rows), f"{i}.csv", make_resolver(), settings, who="w")
        batches.append(batch)
        current = observe(db)
        expected.add(current)
    let_readers_read(current)
    undo(batches[1], settings, who="w")
    current = observe(db)
    expected.add(current)
    let_readers_read(current)
    done.set()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors[:3]
    assert len(expected) == COMMITS + 1  # every write changed what viewers see
    observed = [obs for per_reader in seen for obs in per_reader]
    assert all(per_reader for per_reader in seen)
    assert set(observed) <= expected
    assert set(observed) == expected  # every reader read each state (the waits): they overlapped
    print(f"\n{READERS} readers, {len(observed)} reads across {COMMITS} writes")


def follow(reader: subprocess.Popen) -> queue.Queue:
    """The reader's output lines, as it prints them, in a queue (a thread reads its pipe)."""
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in reader.stdout:
            lines.put(line)
        lines.put("")  # the reader ended

    threading.Thread(target=pump, daemon=True).start()
    return lines


def until_every_reader_saw(outputs: list[queue.Queue], state: tuple) -> None:
    """Take each reader's lines until it printed ``state``; a reader that fails, ends or stays
    silent for a minute fails the test."""
    line = json.dumps(state) + "\n"
    for lines in outputs:
        while (got := lines.get(timeout=60)) != line:
            assert got and not got.startswith("error"), f"a reader stopped or failed: {got!r}"


def test_reader_processes_see_old_or_new_never_a_mix(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    db = settings.db_path
    started = time.monotonic()
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # errors are reported on stdout
            text=True,
        )
        for _ in range(READER_PROCESSES)
    ]
    outputs = [follow(r) for r in readers]
    try:
        for lines in outputs:
            first = lines.get(timeout=120).strip()
            assert first == "ready", f"a reader did not start: {first!r}"
        current = observe(db)
        expected = {current}
        batches = []
        for i, name in enumerate(["Konawe", "Kendari", "Kolaka", "Buton Selatan"]):
            until_every_reader_saw(outputs, current)
            rows = [row(name, predikat="belum", sumber=f"https://p.example.com/{i}")]
            batch, _ = commit_file(csv_bytes(rows), f"p{i}.csv", make_resolver(), settings, "p")
            batches.append(batch)
            current = observe(db)
            expected.add(current)
        until_every_reader_saw(outputs, current)
        undo(batches[0], settings, who="p")
        current = observe(db)
        expected.add(current)
        until_every_reader_saw(outputs, current)
    finally:
        for r in readers:  # a closed stdin: each prints what it saw and exits
            r.stdin.close()
    results = []
    for lines, r in zip(outputs, readers, strict=True):
        last = ""
        while got := lines.get(timeout=60):  # up to the end of its output
            last = got
        r.wait(timeout=60)
        results.append(json.loads(last))
    assert not [e for r in results for e in r["errors"]], [r["errors"] for r in results]
    as_json = {json.dumps(obs) for obs in expected}
    assert len(as_json) == 6  # five writes, each changed what viewers see
    observed = {key for r in results for key in r["seen"]}
    assert observed <= as_json, observed - as_json  # never a mix of two states
    assert observed == as_json  # every reader read each state (the waits): they overlapped
    reads = sum(n for r in results for n in r["seen"].values())
    assert all(sum(r["seen"].values()) >= 5 for r in results)
    elapsed = time.monotonic() - started
    # ~9 s on 2 idle cores, most of it the readers importing pandas; timed, not asserted
    print(f"\n{READER_PROCESSES} reader processes, {reads} reads across 5 writes, {elapsed:.1f} s")
