"""Upstream files into the verified cache: local mirror or download, sha256 + size checked."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from kkpham.boundaries.errors import BoundaryError
from kkpham.boundaries.manifest import ManifestEntry
from kkpham.settings import Settings

log = logging.getLogger(__name__)

TIMEOUT_S = 60


def cached_path(entry: ManifestEntry, cache_dir: Path) -> Path:
    return cache_dir / entry.commit / entry.path


def fetch(entry: ManifestEntry, settings: Settings) -> Path:
    """The verified cache copy of ``entry``; fetched first when missing or not verifying.

    A cache file is only ever replaced by verified bytes, so a failure leaves the cache as it was.
    """
    dest = cached_path(entry, settings.cache_dir)
    if dest.is_file() and _problem(entry, dest.read_bytes()) is None:
        return dest
    src = settings.boundaries_src
    data = _from_mirror(entry, src) if src else _download(entry)
    problem = _problem(entry, data)
    if problem:
        raise BoundaryError(f"{entry.label}: {problem}")
    _write_atomic(dest, data)
    log.info("cached %s (%d bytes)", entry.label, len(data))
    return dest


def fetch_all(entries: list[ManifestEntry], settings: Settings) -> list[Path]:
    return [fetch(entry, settings) for entry in entries]


def _problem(entry: ManifestEntry, data: bytes) -> str | None:
    actual = hashlib.sha256(data).hexdigest()
    if actual != entry.sha256:
        return f"sha256 mismatch: expected {entry.sha256}, got {actual} ({len(data)} bytes)"
    if len(data) != entry.bytes:
        return f"size mismatch: expected {entry.bytes} bytes, got {len(data)}"
    return None


def mirror_candidates(entry: ManifestEntry, src: Path) -> list[Path]:
    """Where a mirror may hold the file: ``<owner>-<name>/<commit>/<path>``, ``<commit>/<path>``."""
    repo_dir = entry.repository.replace("/", "-")
    return [src / repo_dir / entry.commit / entry.path, src / entry.commit / entry.path]


def _from_mirror(entry: ManifestEntry, src: Path) -> bytes:
    for candidate in mirror_candidates(entry, src):
        if candidate.is_file():
            return candidate.read_bytes()
    tried = ", ".join(str(p) for p in mirror_candidates(entry, src))
    raise BoundaryError(f"{entry.label}: missing from the local mirror (tried {tried})")


def _download(entry: ManifestEntry) -> bytes:
    log.info("downloading %s", entry.url)
    try:
        with urllib.request.urlopen(entry.url, timeout=TIMEOUT_S) as response:  # noqa: S310
            return response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise BoundaryError(
            f"{entry.label}: download from {entry.url} failed ({exc}); set KKPHAM_BOUNDARIES_SRC "
            "to a local mirror when offline"
        ) from exc


def _write_atomic(dest: Path, data: bytes) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
