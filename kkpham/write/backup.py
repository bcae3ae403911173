"""Copies of the store taken before every write, rotated so that the newest N stay.

A backup is written under a temporary name, flushed to disk and then renamed, so a file that
looks like a backup is always complete. Names sort by time: ``<stem>-<UTC time>-<reason>.duckdb``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

_REASON = re.compile(r"[^a-z0-9]+")


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (a power cut after it keeps the new name)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def list_backups(db_path: Path, backup_dir: Path) -> list[Path]:
    """Backups of ``db_path``, oldest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob(f"{db_path.stem}-*.duckdb"))


def take_backup(db_path: Path, backup_dir: Path, keep: int, reason: str) -> Path:
    """Copy the store into ``backup_dir``, then delete all but the newest ``keep`` backups."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    label = _REASON.sub("-", reason.lower()).strip("-")[:40] or "write"
    target = backup_dir / f"{db_path.stem}-{stamp}-{label}.duckdb"
    partial = target.with_name(target.name + ".partial")
    for stale in backup_dir.glob(f"{db_path.stem}-*.duckdb.partial"):  # a crash's leftovers
        stale.unlink(missing_ok=True)
    try:
        shutil.copyfile(db_path, partial)
        fsync_file(partial)
        os.replace(partial, target)
    except OSError:  # a full disk: leave no partial copy to fill it further
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(backup_dir)
    rotate(db_path, backup_dir, keep)
    return target


def rotate(db_path: Path, backup_dir: Path, keep: int) -> list[Path]:
    """Delete the oldest backups beyond ``keep`` (and partial copies left by a crash)."""
    for partial in backup_dir.glob(f"{db_path.stem}-*.duckdb.partial"):
        partial.unlink(missing_ok=True)
    backups = list_backups(db_path, backup_dir)
    removed = backups[: max(len(backups) - keep, 0)]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
