"""`shapefiles/manifest.csv`: the upstream files the build uses, with their hashes and roles."""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from kkpham.boundaries.errors import BoundaryError
from kkpham.settings import ROOT

MANIFEST = ROOT / "shapefiles" / "manifest.csv"
COLUMNS = ["repository", "commit", "path", "sha256", "bytes", "licence", "role"]
# role "kabkota": every kab/kota row of the file; "kabkota:96.01;..": only these codes, replacing
# the rows the "kabkota" files give for them.
_ROLE = re.compile(r"^kabkota(?::(\d\d\.\d\d(?:;\d\d\.\d\d)*))?$")


@dataclass(frozen=True)
class ManifestEntry:
    repository: str  # "owner/name" on GitHub
    commit: str
    path: str  # inside the repository
    sha256: str
    bytes: int
    licence: str
    role: str

    @property
    def only_codes(self) -> tuple[str, ...]:
        """The codes this file is restricted to (empty: all of its rows)."""
        codes = _ROLE.match(self.role).group(1)  # type: ignore[union-attr]  # checked on read
        return tuple(codes.split(";")) if codes else ()

    @property
    def url(self) -> str:
        return f"https://raw.githubusercontent.com/{self.repository}/{self.commit}/{self.path}"

    @property
    def label(self) -> str:
        return f"{self.repository}@{self.commit[:12]}:{self.path}"


def manifest_sha256(path: Path = MANIFEST) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(path: Path = MANIFEST) -> list[ManifestEntry]:
    """The manifest rows, checked; a bad row raises BoundaryError naming its line."""
    if not path.exists():
        raise BoundaryError(f"{path}: boundary manifest not found")
    with path.open(newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != COLUMNS:
            raise BoundaryError(f"{path}: header must be {','.join(COLUMNS)}")
        entries = [_entry(path, line, row) for line, row in enumerate(reader, start=2)]
    if not entries:
        raise BoundaryError(f"{path}: no rows")
    return entries


def _entry(path: Path, line: int, row: dict[str, str]) -> ManifestEntry:
    where = f"{path.name} line {line}"
    if not re.fullmatch(r"[0-9a-f]{40}", row["commit"] or ""):
        raise BoundaryError(f"{where}: commit must be 40 hex digits, got {row['commit']!r}")
    if not re.fullmatch(r"[0-9a-f]{64}", row["sha256"] or ""):
        raise BoundaryError(f"{where}: sha256 must be 64 hex digits, got {row['sha256']!r}")
    if not (row["bytes"] or "").isdigit():
        raise BoundaryError(f"{where}: bytes must be an integer, got {row['bytes']!r}")
    if not _ROLE.match(row["role"] or ""):
        raise BoundaryError(f"{where}: unknown role {row['role']!r}")
    if ".." in Path(row["path"]).parts or Path(row["path"]).is_absolute():
        raise BoundaryError(f"{where}: path must be relative inside the repository")
    return ManifestEntry(
        repository=row["repository"],
        commit=row["commit"],
        path=row["path"],
        sha256=row["sha256"],
        bytes=int(row["bytes"]),
        licence=row["licence"],
        role=row["role"],
    )
