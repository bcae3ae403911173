"""Configuration: every ``KKPHAM_*`` environment variable, read once, with defaults and help."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> (default, help). The README's table is generated from / checked against this.
VARIABLES: dict[str, tuple[str, str]] = {
    "KKPHAM_DB": (
        "data/kkpham.duckdb",
        "Path of the DuckDB store the app reads and the CLI writes.",
    ),
    "KKPHAM_BOUNDARIES_SRC": (
        "",
        "Local folder mirroring the upstream boundary files (<commit>/<path>). "
        "Empty: download them from their public URLs.",
    ),
    "KKPHAM_BUILD_DIR": (
        "shapefiles/build",
        "Where the boundary build writes its outputs (git-ignored).",
    ),
    "KKPHAM_CACHE_DIR": (
        "shapefiles/cache",
        "Where verified upstream boundary files are cached (git-ignored).",
    ),
    "KKPHAM_STATIC_DIR": (
        "static",
        "Folder Streamlit serves at /app/static (map geometry, base topojson).",
    ),
    "KKPHAM_BACKUP_DIR": (
        "data/backups",
        "Where a copy of the store is kept before every import or undo (git-ignored).",
    ),
    "KKPHAM_BACKUP_KEEP": (
        "20",
        "How many store backups to keep; older ones are deleted after each write.",
    ),
    "KKPHAM_ADMIN_PASSWORD_HASH": (
        "",
        "Hash of the data-page password (print one with `python -m kkpham hash-password`). "
        "Empty, and no OIDC login in Streamlit secrets: importing and undo are off.",
    ),
}


def _path(value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else ROOT / p


@dataclass(frozen=True)
class Settings:
    db_path: Path
    boundaries_src: Path | None
    build_dir: Path
    cache_dir: Path
    static_dir: Path
    # Defaults let code that builds a Settings by hand (tests, build scripts) omit them.
    backup_dir: Path = ROOT / "data" / "backups"
    backup_keep: int = 20
    admin_password_hash: str = ""


def get_settings(env: dict[str, str] | None = None) -> Settings:
    """Read the settings from ``env`` (default ``os.environ``)."""
    env = os.environ if env is None else env

    def get(name: str) -> str:
        return env.get(name) or VARIABLES[name][0]

    src = get("KKPHAM_BOUNDARIES_SRC")
    return Settings(
        db_path=_path(get("KKPHAM_DB")),
        boundaries_src=_path(src) if src else None,
        build_dir=_path(get("KKPHAM_BUILD_DIR")),
        cache_dir=_path(get("KKPHAM_CACHE_DIR")),
        static_dir=_path(get("KKPHAM_STATIC_DIR")),
        backup_dir=_path(get("KKPHAM_BACKUP_DIR")),
        backup_keep=_positive_int("KKPHAM_BACKUP_KEEP", get("KKPHAM_BACKUP_KEEP")),
        admin_password_hash=get("KKPHAM_ADMIN_PASSWORD_HASH").strip(),
    )


def _positive_int(name: str, value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(f"{name} must be a whole number >= 1, got {value!r}")
    return number
