"""Every write to the live store: one writer at a time, backup first, copy-on-write, atomic swap.

DuckDB lets one process write a file or many read it, never both. Writes are rare and the store
is small, so a write never opens the live file: under an exclusive lock it copies the store to a
temporary file beside it, applies the change there in one transaction, checkpoints, closes and
flushes it, copies the live file to ``backups/`` (rotated), and renames the copy over the live file.
Readers that opened the old file keep reading it (the old inode lives on until they close); new
readers see the new file; a crash or SIGKILL at any point leaves the live file untouched or fully
replaced, and the next write removes the temporary file it left behind.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import os
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kkpham.model import panel
from kkpham.settings import Settings
from kkpham.store import SCHEMA_VERSION, Store, StoreMissing
from kkpham.texts import Explained, Message, Number, Refused
from kkpham.write.backup import fsync_dir, fsync_file, list_backups, take_backup
from kkpham.write.importer import ImportReport, check_file, commit, results_frame

if TYPE_CHECKING:
    from kkpham.model.resolver import Resolver

T = TypeVar("T")
LOCK_TIMEOUT = 60.0  # seconds to wait for another write (a build or import) to finish
# the reference batch comes back with every build; never undone. "cycle": an admin's cycle/regime
UNDOABLE_ORIGINS = ("import", "cycle")
# Test hook: "<stage>:<seconds>" sleeps at that stage so a test can kill the process there.
# Stages in order: temp_written, backup, replaced.
_PAUSE_VAR = "KKPHAM_TEST_COMMIT_PAUSE"


class WriteError(Explained, RuntimeError):
    """A write that did not happen; the message says why in plain words; nothing changed."""


class WriteBusy(WriteError):
    """Another write holds the lock for longer than we wait."""


class WriteFailed(WriteError):
    """The disk refused the write (full, read-only, I/O error); the live store is untouched."""


def _failed(err: OSError, db: Path) -> WriteFailed:
    if err.errno == errno.ENOSPC:
        return WriteFailed(Message("wr_disk_full", folder=str(db.parent)))
    return WriteFailed(Message("wr_disk_error", error=str(err.strerror or err)))


class ImportRefused(Explained, ValueError):
    """The file has rows in error at commit time; nothing was written. ``report`` has them."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(Message("imp_refused", n=Number(report.errors)))


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _temp_files(db_path: Path) -> list[Path]:
    return sorted(db_path.parent.glob(f"{db_path.name}.*.tmp*"))


@contextmanager
def write_lock(db_path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Exclusive lock beside the store; released by the kernel even when the holder is killed."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path(db_path).open("a") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriteBusy(Message("wr_busy", file=db_path.name)) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pause(stage: str) -> None:
    want, _, seconds = os.environ.get(_PAUSE_VAR, "").partition(":")
    if want == stage:
        print(f"kkpham: paused at {stage}", file=sys.stderr, flush=True)
        time.sleep(float(seconds or 0))


def swap_in(tmp: Path, settings: Settings, reason: str) -> None:
    """Make the closed, checkpointed store ``tmp`` the live store (call under ``write_lock``):
    flush it to disk, back up the live file (if any), rename ``tmp`` over it, flush the folder.
    The one swap of every write: imports, undo, restore and the build."""
    db = settings.db_path
    fsync_file(tmp)
    _pause("temp_written")
    # Only a change that will be swapped in is backed up: refused imports must not
    # rotate older, different backups out.
    if db.exists():
        take_backup(db, settings.backup_dir, settings.backup_keep, reason)
    _pause("backup")
    os.replace(tmp, db)
    fsync_dir(db.parent)
    _pause("replaced")


def write_store(
    settings: Settings, change: Callable[[Store], T], reason: str, source: Path | None = None
) -> T:
    """Apply ``change`` to a copy of the live store (or of ``source``, for a restore) and swap
    it in; returns what change returns.

    If ``change`` raises, nothing is replaced and no backup is taken.
    """
    db = settings.db_path
    with write_lock(db):
        for stale in _temp_files(db):  # left by a writer that was killed
            stale.unlink(missing_ok=True)
        if not db.exists():
            raise StoreMissing(db)
        tmp = db.with_name(f"{db.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        try:
            shutil.copyfile(source or db, tmp)
            with Store.open(tmp, read_only=False) as store:
                result = change(store)
                # A restore can bring back batch ids used since; this keeps the version unique.
                store.set_meta("write_id", secrets.token_hex(8))
                panel.refresh(store)  # the derived status panel, versioned with these rows
                store.checkpoint()
            swap_in(tmp, settings, reason)
        except OSError as err:  # a full disk, from the copy, the transaction or the backup
            raise _failed(err, db) from err
        finally:
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return result


def check_upload(data: bytes, file_name: str, resolver: Resolver, db_path: Path) -> ImportReport:
    """The preview: every row checked against the live store, opened read-only."""
    with Store.open(db_path, read_only=True) as store:
        return check_file(data, file_name, resolver, store)


def commit_file(
    data: bytes, file_name: str, resolver: Resolver, settings: Settings, who: str | None
) -> tuple[int, ImportReport]:
    """Check the file again against the store as it is now and store all rows as one batch.

    ImportRefused (nothing written) when any row is in error at that moment; ImportFileError
    when the file cannot be read. The CLI and the data page both call this.
    """

    def change(store: Store) -> tuple[int, ImportReport]:
        report = check_file(data, file_name, resolver, store)
        if report.errors:
            raise ImportRefused(report)
        return commit(report, store, who=who), report

    return write_store(settings, change, reason="import")


def undo(batch_id: int, settings: Settings, who: str | None) -> int:
    """Remove an imported batch's results (kept in the audit log); how many were removed."""

    def change(store: Store) -> int:
        batches = store.batches().set_index("batch_id")
        if batch_id in batches.index and batches.loc[batch_id, "origin"] not in UNDOABLE_ORIGINS:
            origin = str(batches.loc[batch_id, "origin"])
            raise Refused(Message("wr_undo_not_import", batch=batch_id, origin=origin))
        return store.undo_batch(batch_id, who=who)

    return write_store(settings, change, reason=f"undo-{batch_id}")


def backups(settings: Settings) -> list[dict]:
    """The store's backups, newest first: name, path, size, when and why it was taken."""
    out = []
    for path in reversed(list_backups(settings.db_path, settings.backup_dir)):
        stem = path.name.removeprefix(settings.db_path.stem + "-").removesuffix(".duckdb")
        stamp, _, reason = stem.partition("-")
        try:
            taken = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
        except ValueError:
            taken = None
        out.append(
            {
                "name": path.name,
                "path": path,
                "bytes": path.stat().st_size,
                "taken_at": taken,
                "reason": reason,
            }
        )
    return out


def find_backup(settings: Settings, name: str) -> Path:
    """A backup by file name (as ``backups`` lists it) or by path; FileNotFoundError if none."""
    for candidate in (settings.backup_dir / name, Path(name)):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"cadangan {name!r} tidak ditemukan di {settings.backup_dir} "
        "(lihat `python -m kkpham backups`)"
    )


def restore(backup: Path, settings: Settings, who: str | None) -> int:
    """Make a backup the live store again, through the same locked copy-on-write swap.

    The store as it is now is backed up first, so a restore can itself be restored away. The
    audit log stays append-only: every entry of the store being replaced is kept (those made
    after the backup are marked as reverted by this restore), and the restore is a new entry
    (origin ``restore``, no rows) with an id after all of them; returns that id. ValueError
    (nothing changed) when the file is not a store of this schema.
    """
    backup = backup.resolve()
    if backup == settings.db_path.resolve():
        raise ValueError("berkas itu adalah basis data yang sedang dipakai, bukan cadangan")
    try:  # refuse a file that is not a store before taking the lock or any backup
        with Store.open(backup) as store:
            store.counts()
    except Exception as err:  # duckdb's own error types stay inside store.py
        raise ValueError(f"{backup.name} bukan basis data kkpham yang utuh: {err}") from err
    digest = hashlib.sha256(backup.read_bytes()).hexdigest()

    def change(store: Store) -> int:
        version = store.get_meta("schema_version")
        if version != SCHEMA_VERSION:
            raise ValueError(
                f"{backup.name}: skema {version!r}, bukan {SCHEMA_VERSION!r}: tidak dipulihkan"
            )
        with Store.open(settings.db_path) as live:  # under the write lock: the store replaced
            replaced = live.audit_batches(origin_not="")
        reverted_by = f"{who or '?'} (pemulihan {backup.name})"
        store.keep_audit_log(replaced, reverted_by)
        return store.add_batch(
            results_frame(ImportReport()),
            origin="restore",
            file_name=backup.name,
            file_sha256=digest,
            who=who,
        )

    return write_store(settings, change, reason="restore", source=backup)


def audit_log(db_path: Path) -> list[dict]:
    """The batches, newest first, as plain rows (for the page and the CLI)."""
    with Store.open(db_path, read_only=True) as store:
        frame = store.batches()
    frame["undoable"] = frame["origin"].isin(UNDOABLE_ORIGINS) & frame["undone_at"].isna()
    frame = frame.sort_values("batch_id", ascending=False).astype(object)
    return frame.where(frame.notna(), None).to_dict("records")  # None, not NaN/NaT: JSON-safe
