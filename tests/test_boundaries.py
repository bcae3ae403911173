"""The boundary pipeline: SQL parsing, verified fetching, and the real build's outputs."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from kkpham.boundaries import BoundaryError, build_boundaries, load_provinces, load_regions
from kkpham.boundaries import fetch as fetch_module
from kkpham.boundaries import pipeline as boundary_build
from kkpham.boundaries.fetch import fetch
from kkpham.boundaries.geometry import Level, areas_km2, drop_islands, snap
from kkpham.boundaries.manifest import COLUMNS, read_manifest
from kkpham.boundaries.sqlparse import normalise_province_name, parse_rows, province_of
from kkpham.settings import ROOT, Settings, get_settings

SHARED = ROOT.parent / "shared" / "boundaries"
MIRROR = SHARED / "upstream"
CODE = re.compile(r"^\d\d\.\d\d$")

SNIPPET = """/*
filename  : db/kab/wilayah_boundaries_kab_99.sql
desc      : Data wilayah_boundaries kab 99 DKI Contoh
*/
DELETE FROM wilayah_boundaries WHERE kode BETWEEN '99.00' AND '99.99';
INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES
\t('99.01','Kabupaten O\\'Hara',-1.5,100.5,'[[[-1,100],[-1,101],[-2,101],[-2,100],[-1,100]],\
[[-1.2,100.2],[-1.8,100.2],[-1.8,100.8],[-1.2,100.8],[-1.2,100.2]]]'),
\t('99.02','Kota Dua''an',-3.5,102.5,'[[[[-3,102],[-3,103],[-4,103],[-3,102]]],\
[[[-5,104],[-5,105],[-6,105],[-5,104]]]]');
INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES
\t('99.71','Kota Tiga',-7.5,106.5,'[[[-7,106],[-7,107],[-8,107],[-7,106]]]');
"""


# --- parsing ---------------------------------------------------------------------------------


def test_parse_swaps_lat_lng_and_reads_every_insert() -> None:
    rows = parse_rows(SNIPPET, "kab_99.sql")
    assert [r.code for r in rows] == ["99.01", "99.02", "99.71"]
    assert [r.name for r in rows] == ["Kabupaten O'Hara", "Kota Dua'an", "Kota Tiga"]
    polygon, multi, third = (r.geometry for r in rows)
    assert polygon.geom_type == "Polygon" and len(polygon.interiors) == 1
    assert polygon.bounds == (100.0, -2.0, 101.0, -1.0)  # (lon, lat), not [lat, lng]
    assert multi.geom_type == "MultiPolygon" and len(multi.geoms) == 2
    assert multi.geoms[1].bounds == (104.0, -6.0, 105.0, -5.0)
    assert third.exterior.coords[0] == (106.0, -7.0)


def test_province_header_is_normalised() -> None:
    assert province_of(SNIPPET, "kab_99.sql") == ("99", "Daerah Khusus Ibukota Contoh")
    assert normalise_province_name("Sulawesi  Tenggara") == "Sulawesi Tenggara"
    with pytest.raises(BoundaryError, match="x.sql: no 'desc"):
        province_of("INSERT ...", "x.sql")


THIRD_ROW = "\t('99.71','Kota Tiga',-7.5,106.5,'[[[-7,106],[-7,107],[-8,107],[-7,106]]]');"


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("\t('99.71','Kota Tiga',-7.5,106.5,'[[-7,106],[-7,107]]');", "path nests 2 levels deep"),
        (
            "\t('99.71','Kota Tiga',-7.5,106.5);",
            "cannot parse a (kode, nama, lat, lng, 'path') row",
        ),
        ("\t('99.71','Kota Tiga',-7.5,106.5,'[[[-7,106],[-7,107]]]');", "unreadable path"),
    ],
)
def test_parse_errors_name_file_and_line(bad_row: str, message: str) -> None:
    assert THIRD_ROW in SNIPPET
    with pytest.raises(BoundaryError, match=re.escape(f"kab_99.sql line 10: {message}")):
        parse_rows(SNIPPET.replace(THIRD_ROW, bad_row), "kab_99.sql")


# --- geometry steps on synthetic squares -----------------------------------------------------


def _square(x: float, y: float, size: float) -> shapely.Polygon:
    return shapely.box(x, y, x + size, y + size)


def test_drop_islands_keeps_shared_and_largest_parts() -> None:
    # A: 1°x1° mainland, a far isolated islet (dropped) and an islet touching B (kept).
    # C: only islets; its largest survives (it is most of C's area).
    a = shapely.MultiPolygon([_square(0, 0, 1), _square(5, 5, 0.001), _square(2, 0, 0.001)])
    b = _square(2.001, 0, 1)
    c = shapely.MultiPolygon([_square(9, 9, 0.005), _square(9.5, 9.5, 0.001)])
    level = Level(min_island_km2=1.0, keep_area_fraction=0.9, tolerance_deg=0.0, decimals=3)
    a2, b2, c2 = drop_islands(np.array([a, b, c], dtype=object), level)
    assert len(shapely.get_parts(a2)) == 2 and not a2.intersects(_square(5, 5, 0.001))
    assert b2.equals(b)
    assert c2.equals(_square(9, 9, 0.005))


def test_snap_keeps_a_shared_edge_shared() -> None:
    # The shared edge has an off-grid vertex; both sides must round it identically.
    left = shapely.Polygon([(0, 0), (0.50004, 0.33333), (0.5, 1), (0, 1)])
    right = shapely.Polygon([(0, 0), (1, 0), (1, 1), (0.5, 1), (0.50004, 0.33333)])
    assert shapely.coverage_is_valid([left, right])
    out = snap(np.array([left, right], dtype=object), np.array(["L", "R"]), 3, "test")
    assert shapely.coverage_is_valid(out)
    assert np.allclose(shapely.get_coordinates(out), np.round(shapely.get_coordinates(out), 3))


def test_areas_use_an_equal_area_projection() -> None:
    # WGS 84: 1°x1° at the equator is 111.32 km x 110.57 km; at 6°S it is ~cos(6°) as wide.
    equator, south = areas_km2(np.array([_square(100, 0, 1), _square(100, -6.5, 1)]))
    assert equator == pytest.approx(111.32 * 110.57, rel=0.001)
    assert south / equator == pytest.approx(np.cos(np.radians(6)), rel=0.002)


# --- fetch + verify --------------------------------------------------------------------------


def _fake_source(tmp_path: Path, payload: bytes, sha: str | None = None) -> Settings:
    commit = "a" * 40
    src = tmp_path / "mirror" / "owner-repo" / commit / "db" / "kab"
    src.mkdir(parents=True)
    (src / "f.sql").write_bytes(payload)
    manifest = tmp_path / "manifest.csv"
    with manifest.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        digest = sha or hashlib.sha256(payload).hexdigest()
        writer.writerow(
            ["owner/repo", commit, "db/kab/f.sql", digest, len(payload), "MIT", "kabkota"]
        )
    return Settings(
        db_path=tmp_path / "db",
        boundaries_src=tmp_path / "mirror",
        build_dir=tmp_path / "build",
        cache_dir=tmp_path / "cache",
        static_dir=tmp_path / "static",
    )


def test_fetch_copies_verifies_and_reuses(tmp_path: Path) -> None:
    settings = _fake_source(tmp_path, b"good bytes")
    (entry,) = read_manifest(tmp_path / "manifest.csv")
    cached = fetch(entry, settings)
    assert cached == tmp_path / "cache" / entry.commit / "db/kab/f.sql"
    assert cached.read_bytes() == b"good bytes"
    # mirror gone: the verified cache copy is reused
    (tmp_path / "mirror" / "owner-repo" / entry.commit / "db/kab/f.sql").unlink()
    assert fetch(entry, settings).read_bytes() == b"good bytes"


def test_checksum_mismatch_names_file_and_leaves_cache(tmp_path: Path) -> None:
    settings = _fake_source(tmp_path, b"tampered", sha="0" * 64)
    (entry,) = read_manifest(tmp_path / "manifest.csv")
    stale = tmp_path / "cache" / entry.commit / "db/kab/f.sql"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old cached bytes")
    actual = hashlib.sha256(b"tampered").hexdigest()
    with pytest.raises(
        BoundaryError,
        match=rf"db/kab/f\.sql: sha256 mismatch: expected 0{{64}}, "
        rf"got {actual}",
    ):
        fetch(entry, settings)
    assert stale.read_bytes() == b"old cached bytes"
    assert sorted(p.name for p in stale.parent.iterdir()) == ["f.sql"]  # no temp file left


def test_missing_file_names_file(tmp_path: Path) -> None:
    settings = _fake_source(tmp_path, b"x")
    (entry,) = read_manifest(tmp_path / "manifest.csv")
    (tmp_path / "mirror" / "owner-repo" / entry.commit / "db/kab/f.sql").unlink()
    with pytest.raises(BoundaryError, match=r"owner/repo@aaaaaaaaaaaa:db/kab/f\.sql: missing"):
        fetch(entry, settings)
    assert not (tmp_path / "cache").exists()


def test_download_when_no_mirror(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = dataclasses.replace(_fake_source(tmp_path, b"remote"), boundaries_src=None)
    (entry,) = read_manifest(tmp_path / "manifest.csv")
    asked: list[tuple[str, float]] = []

    def fake_urlopen(url: str, timeout: float) -> io.BytesIO:
        asked.append((url, timeout))
        return io.BytesIO(b"remote")

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    assert fetch(entry, settings).read_bytes() == b"remote"
    assert asked == [
        (
            f"https://raw.githubusercontent.com/owner/repo/{'a' * 40}/db/kab/f.sql",
            fetch_module.TIMEOUT_S,
        )
    ]

    def offline(url: str, timeout: float) -> io.BytesIO:
        raise urllib.error.URLError("no route to host")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    settings = dataclasses.replace(settings, cache_dir=tmp_path / "cache2")
    with pytest.raises(
        BoundaryError, match=r"db/kab/f\.sql: download from https://raw\.\S+ failed"
    ):
        fetch(entry, settings)


def test_failed_build_keeps_previous_outputs(tmp_path: Path) -> None:
    settings = _fake_source(tmp_path, b"not sql", sha="0" * 64)
    settings.build_dir.mkdir()
    previous = {"regions.csv": "old table\n", "build_info.json": '{"build_id": "old"}\n'}
    for name, text in previous.items():
        (settings.build_dir / name).write_text(text)
    with pytest.raises(BoundaryError, match="f.sql"):
        build_boundaries(settings, manifest=tmp_path / "manifest.csv")
    for name, text in previous.items():
        assert (settings.build_dir / name).read_text() == text


def test_bad_manifest_row_is_named(tmp_path: Path) -> None:
    settings = _fake_source(tmp_path, b"x")
    path = tmp_path / "manifest.csv"
    path.write_text(path.read_text().replace(",kabkota", ",provinces"))
    with pytest.raises(BoundaryError, match="manifest.csv line 2: unknown role 'provinces'"):
        build_boundaries(settings, manifest=path)


def test_load_before_build_says_what_to_run(tmp_path: Path) -> None:
    settings = _fake_source(tmp_path, b"x")
    with pytest.raises(FileNotFoundError, match="run `python -m kkpham build`"):
        load_regions(settings)
    with pytest.raises(FileNotFoundError, match="run `python -m kkpham build`"):
        load_provinces(settings)


# --- the real build --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built() -> tuple[Settings, dict]:
    """The default outputs: reused when current, built (from the local mirror if any) otherwise."""
    settings = get_settings()
    if settings.boundaries_src is None and MIRROR.is_dir():
        settings = dataclasses.replace(settings, boundaries_src=MIRROR)
    return settings, build_boundaries(settings)


def _features(path: Path) -> tuple[list[dict], np.ndarray]:
    features = json.loads(path.read_bytes())["features"]
    geoms = np.array([shapely.from_geojson(json.dumps(f["geometry"])) for f in features])
    return [f["properties"] for f in features], geoms


def _geo(settings: Settings, info: dict) -> Path:
    return settings.static_dir / "geo" / info["build_id"]


def test_manifest_matches_the_upstream_layout() -> None:
    entries = read_manifest()
    assert len(entries) == 39
    assert sum(e.role == "kabkota" for e in entries) == 38
    (sorong,) = [e for e in entries if e.only_codes]
    assert sorong.only_codes == ("96.01",) and sorong.commit.startswith("ce42628a")


def test_region_and_province_tables(built: tuple[Settings, dict]) -> None:
    settings, _ = built
    regions, provinces = load_regions(settings), load_provinces(settings)
    assert len(regions) == 514 and regions["code"].is_unique
    assert regions["code"].str.match(CODE).all()
    assert set(regions["kind"]) == {"Kabupaten", "Kota"}
    assert (regions["area_km2"] > 0).all()
    assert len(provinces) == 38 and list(provinces.columns) == ["code", "name"]
    assert set(regions["province_code"]) == set(provinces["code"])


def _reference_regions() -> pd.DataFrame:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} (shared reference) is absent")
    return pd.read_csv(SHARED / "regions.csv", dtype=str, keep_default_na=False)


def test_region_table_equals_reference(built: tuple[Settings, dict]) -> None:
    ref = _reference_regions()
    cols = ["code", "name", "kind", "province_code", "province_name"]
    expected = ref[ref["kind"] != "Provinsi"][cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(load_regions(built[0])[cols], expected)
    provinces = ref[ref["kind"] == "Provinsi"][["code", "name"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(load_provinces(built[0]), provinces)


def test_areas_match_reference_coverage(built: tuple[Settings, dict]) -> None:
    # Same upstream rows, same repair/clean/grid steps: only GEOS noding order may differ, so
    # areas agree to ~1e-5 relative (measured: median 0.00001%, max 0.0018%). 0.05% per region
    # still flags any real change (a lost island, a wrong Sorong, a different gap merge).
    _reference_regions()
    regions = load_regions(built[0])
    props, geoms = _features(SHARED / "kabkota.geojson")
    reference = pd.Series(areas_km2(geoms), index=[p["code"] for p in props])
    deviation = regions["area_km2"].to_numpy() / reference[regions["code"]].to_numpy() - 1
    assert np.median(np.abs(deviation)) < 1e-4
    assert np.abs(deviation).max() < 5e-4, regions["code"][np.argmax(np.abs(deviation))]


@pytest.mark.parametrize("name", ["kabkota.geojson", "kabkota_national.geojson"])
def test_kabkota_levels_are_valid_clockwise_coverages(
    built: tuple[Settings, dict], name: str
) -> None:
    props, geoms = _features(built[0].build_dir / name)
    assert len(geoms) == 514
    assert all(CODE.match(p["code"]) and p["province_code"] == p["code"][:2] for p in props)
    assert set(props[0]) == {"code", "name", "province_code"}
    assert shapely.is_valid(geoms).all() and shapely.coverage_is_valid(geoms)
    _assert_clockwise(geoms)


def _assert_clockwise(geoms: np.ndarray) -> None:
    polygons = shapely.get_parts(geoms)
    assert not shapely.is_ccw(shapely.get_exterior_ring(polygons)).any()


def test_static_geometry_sizes_and_content(built: tuple[Settings, dict]) -> None:
    settings, info = built
    folder = _geo(settings, info)
    national = folder / "kab_national.json"
    assert national.stat().st_size <= 550_000
    assert (folder / "prov_national.json").stat().st_size <= 300_000
    provinces = load_provinces(settings)["code"]
    sizes = {code: (folder / f"kab_{code}.json").stat().st_size for code in provinces}
    assert max(sizes.values()) <= 150_000, max(sizes, key=sizes.get)
    assert b": " not in national.read_bytes()[:2000]  # compact
    props, geoms = _features(folder / "prov_national.json")
    assert [p["code"] for p in props] == list(provinces) and set(props[0]) == {"code", "name"}
    assert shapely.coverage_is_valid(geoms)
    _assert_clockwise(geoms)
    props, geoms = _features(folder / "kab_74.json")
    assert {p["province_code"] for p in props} == {"74"} and "Kota Kendari" in [
        p["name"] for p in props
    ]
    _assert_clockwise(geoms)


def test_build_info_records_every_output(built: tuple[Settings, dict]) -> None:
    settings, info = built
    assert re.fullmatch(r"[0-9a-f]{12}", info["build_id"])
    assert info["feature_counts"] == {"kabkota": 514, "provinsi": 38}
    assert len(info["sha256"]) == 5 + 40
    for name, digest in info["sha256"].items():
        path = settings.static_dir / name if name.startswith("geo/") else settings.build_dir / name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    others = [
        p.name
        for p in (settings.static_dir / "geo").iterdir()
        if re.fullmatch(r"[0-9a-f]{12}", p.name)
    ]
    assert others == [info["build_id"]]  # stale build folders removed


def test_second_build_is_a_no_op(built: tuple[Settings, dict]) -> None:
    settings, info = built
    outputs = [settings.build_dir / n for n in (*boundary_build.BUILD_FILES, "build_info.json")]
    outputs += sorted(_geo(settings, info).iterdir())
    before = [p.stat().st_mtime_ns for p in outputs]
    again = build_boundaries(settings)  # its time: bench/bench_boundaries.py
    assert again == info
    assert [p.stat().st_mtime_ns for p in outputs] == before
