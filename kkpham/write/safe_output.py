"""Writing a file the user named (``export --out``, figures, packs) without harming the store.

``--out`` is whatever the user typed: it may be the live store itself, one of its backups, its
lock or write-ahead log, or a symlink planted to redirect the write. Such paths are refused; the
bytes go to a temporary file with an unpredictable name (``mkstemp``: created exclusively, never
following a planted link) beside the target, are flushed, and are renamed over the target.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from kkpham.settings import Settings


class OutputRefused(ValueError):
    """The output path is one the command must not write, or the write failed; nothing changed."""


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def check_output_path(path: Path, settings: Settings) -> Path:
    """The resolved target, or OutputRefused saying why it must not be written."""
    if path.is_symlink():
        raise OutputRefused(f"{path} adalah tautan simbolik: tulis ke berkas biasa")
    target = path.resolve()
    if not target.parent.is_dir():
        raise OutputRefused(f"folder {target.parent} tidak ada")
    db = settings.db_path.resolve()
    if target.parent == db.parent and target.name.startswith(db.name):
        raise OutputRefused(f"{path} adalah basis data (atau berkas kerjanya): pilih nama lain")
    if _inside(target, settings.backup_dir):
        raise OutputRefused(
            f"{path} ada di folder cadangan {settings.backup_dir}: pilih tempat lain"
        )
    if target.exists():
        info = target.stat()
        if not stat.S_ISREG(info.st_mode):
            raise OutputRefused(f"{path} bukan berkas biasa")
        if db.exists() and os.path.samefile(target, db):  # a hard link to the store
            raise OutputRefused(f"{path} adalah basis data (tautan keras): pilih nama lain")
    return target


def write_output(path: Path | str, data: bytes, settings: Settings) -> Path:
    """Write ``data`` to ``path`` whole or not at all; the path written."""
    target = check_output_path(Path(path), settings)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)  # replaces a link planted meanwhile, never writes through it
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        why = "disk penuh" if err.errno == errno.ENOSPC else (err.strerror or str(err))
        raise OutputRefused(f"{path} tidak dapat ditulis: {why}; tidak ada yang berubah") from err
    return target
