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
    )
