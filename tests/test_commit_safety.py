"""A SIGKILL anywhere in a commit leaves the store with all of the batch or none of it.

The child process imports a synthetic file through the real write path. The controlled variant
stops it at a named stage (test hook KKPHAM_TEST_COMMIT_PAUSE) and kills it there; the random
variant kills it after a random delay while it commits.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_importer import csv_bytes, make_resolver, make_settings, row, sha

from kkpham.settings import Settings
from kkpham.store import Store
from kkpham.write.stewardship import commit_file

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CHILD = f"""
import sys
sys.path[:0] = [{str(TESTS)!r}, {str(ROOT)!r}]
from pathlib import Path
from test_importer import make_resolver, make_settings
from kkpham.write.stewardship import commit_file
settings = make_settings(Path(sys.argv[1]))
data = Path(sys.argv[2]).read_bytes()
resolver = make_resolver()
print("ready", flush=True)
sys.stdin.readline()
commit_file(data, "batch.csv", resolver, settings, who="kill-test")
print("done", flush=True)
"""
ROWS = 3


def batch_file(tmp_path: Path, tag: str) -> Path:
    path = tmp_path / f"{tag}.csv"
    rows = [
        row(n, sumber=f"https://kill.example.com/{tag}") for n in ("Konawe", "Kendari", "Kolaka")
    ]
    path.write_bytes(csv_bytes(rows))
    return path


def start(tmp_path: Path, data: Path, pause: str = "") -> subprocess.Popen:
    env = os.environ | {"KKPHAM_TEST_COMMIT_PAUSE": pause}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path), str(data)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "ready", child.stderr.read()
    return child


def state(db: Path) -> tuple[int, int]:
    """(results, batches) — opening also proves the file is a sound DuckDB store."""
    with Store.open(db) as store:
        c = store.counts()
    return c["results"], c["batches"]


@pytest.mark.parametrize("stage", ["temp_written", "backup", "replaced"])
def test_kill_at_each_stage(tmp_path: Path, stage: str) -> None:
    settings: Settings = make_settings(tmp_path)
    before_sha, before = sha(settings.db_path), state(settings.db_path)
    child = start(tmp_path, batch_file(tmp_path, "a"), pause=f"{stage}:60")
    child.stdin.write("go\n")
    child.stdin.flush()
    assert child.stderr.readline().strip() == f"kkpham: paused at {stage}"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    if stage == "replaced":
        assert state(settings.db_path) == (before[0] + ROWS, before[1] + 1)
    else:
        assert sha(settings.db_path) == before_sha and state(settings.db_path) == before
        assert list(tmp_path.glob("*.tmp"))  # the killed writer's copy is left behind
    # the next write cleans up and works (the killed process's lock died with it)
    commit_file(batch_file(tmp_path, "b").read_bytes(), "b.csv", make_resolver(), settings, "x")
    assert not list(tmp_path.glob("*.tmp"))
    assert state(settings.db_path)[0] == before[0] + ROWS * (2 if stage == "replaced" else 1)


def test_kill_at_random_moments(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    rng = random.Random(4)
    outcomes = []
    for i in range(6):
        results, batches = state(settings.db_path)
        child = start(tmp_path, batch_file(tmp_path, f"r{i}"))
        child.stdin.write("go\n")
        child.stdin.flush()
        try:
            child.wait(timeout=rng.uniform(0.0, 0.5))
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
        after = state(settings.db_path)
        assert after in ((results, batches), (results + ROWS, batches + 1)), after
        outcomes.append(after != (results, batches))
    print(f"\nrandom kills: {outcomes.count(True)} committed, {outcomes.count(False)} not")
