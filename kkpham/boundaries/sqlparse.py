"""Parse upstream MySQL dumps: ``INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES``.

``path`` is a JSON string of nested ``[lat, lng]`` arrays: depth 3 is a Polygon, depth 4 a
MultiPolygon. Geometries come out as shapely (lon, lat).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import shapely
from shapely.errors import GEOSException

from kkpham.boundaries.errors import BoundaryError

COLUMNS = ("kode", "nama", "lat", "lng", "path")
_STRING = r"'((?:[^'\\]|\\.|'')*)'"
_NUMBER = r"(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|NULL)"
_INSERT = re.compile(r"INSERT\s+INTO\s+`?wilayah_boundaries`?\s*\(([^)]*)\)\s*VALUES\s*", re.I)
_ROW = re.compile(
    rf"\(\s*{_STRING}\s*,\s*{_STRING}\s*,\s*{_NUMBER}\s*,\s*{_NUMBER}\s*,\s*{_STRING}\s*\)\s*([,;])\s*"
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "Z": "\x1a"}
# The file header names the province: "desc : Data wilayah_boundaries kab 74 Sulawesi Tenggara".
_DESC = re.compile(r"^desc\s*:\s*Data wilayah_boundaries kab (\d\d) (.+?)\s*$", re.M)
# Upstream abbreviates some province names in headers; the official names spell them out.
_PROVINCE_PREFIXES = {"DKI": "Daerah Khusus Ibukota", "DI": "Daerah Istimewa"}
_TYPES = {3: "Polygon", 4: "MultiPolygon"}


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    geometry: shapely.Geometry  # (lon, lat)


def unescape(text: str) -> str:
    """A MySQL single-quoted string body to its value (``\\'``, ``''``, ``\\\\``, ``\\n`` …)."""
    return re.sub(r"\\(.)|''", lambda m: _ESCAPES.get(m[1], m[1]) if m[1] else "'", text)


def province_of(text: str, source: str) -> tuple[str, str]:
    """(code, name) from the file header, name normalised to the official spelling."""
    m = _DESC.search(text)
    if not m:
        raise BoundaryError(f"{source}: no 'desc : Data wilayah_boundaries kab NN <province>' line")
    return m[1], normalise_province_name(m[2])


def normalise_province_name(name: str) -> str:
    words = name.split()
    if words and words[0] in _PROVINCE_PREFIXES:
        words[0] = _PROVINCE_PREFIXES[words[0]]
    return " ".join(words)


def parse_rows(text: str, source: str) -> list[Row]:
    """Every row of every INSERT statement in ``text``; errors name ``source`` and the line."""
    rows: list[Row] = []
    for stmt in _INSERT.finditer(text):
        columns = tuple(c.strip(" `") for c in stmt[1].split(","))
        if columns != COLUMNS:
            raise BoundaryError(f"{source} line {_line(text, stmt.start())}: columns {columns}")
        pos = stmt.end()
        while True:
            m = _ROW.match(text, pos)
            if not m:
                raise BoundaryError(
                    f"{source} line {_line(text, pos)}: cannot parse a "
                    "(kode, nama, lat, lng, 'path') row here"
                )
            where = f"{source} line {_line(text, pos)}"
            rows.append(Row(unescape(m[1]), unescape(m[2]), path_geometry(unescape(m[5]), where)))
            pos = m.end()
            if m[6] == ";":
                break
    if not rows:
        raise BoundaryError(f"{source}: no INSERT INTO wilayah_boundaries rows")
    return rows


def path_geometry(path: str, where: str) -> shapely.Geometry:
    """A nested ``[lat, lng]`` JSON array to a shapely geometry in (lon, lat)."""
    depth = re.match(r"[\s\[]*", path)[0].count("[")  # type: ignore[index]  # always matches
    if depth not in _TYPES:
        raise BoundaryError(f"{where}: path nests {depth} levels deep; expected 3 or 4")
    try:
        geom = shapely.from_geojson(f'{{"type":"{_TYPES[depth]}","coordinates":{path}}}')
    except GEOSException as exc:
        raise BoundaryError(f"{where}: unreadable path ({exc})") from exc
    if geom.is_empty:
        raise BoundaryError(f"{where}: empty path")
    return shapely.transform(geom, lambda c: c[:, ::-1])  # [lat, lng] -> (lon, lat)


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1
