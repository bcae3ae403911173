"""The DuckDB store: the only module that imports duckdb and the only place SQL lives.

Every value reaches SQL as a bound parameter or a registered DataFrame, never formatted in.
Viewers open the file read-only; writers change it inside one transaction (all rows or none).
Writes to the live file go through ``kkpham.write.stewardship`` (copy-on-write, then an atomic
rename).
"""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from kkpham import regimes
from kkpham.texts import Explained, Message, Refused
from kkpham.vocab import STORED_KEYS


class StoreMissing(Explained, FileNotFoundError):
    """The store file is not there (not built yet): say so, and how to build it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(Message("store_file_missing", path=str(path)))


SCHEMA_VERSION = "4"  # 2: batches gained n_errors, n_conflicts, undone_by; 3: national counts;
# 4: regimes and their outcome vocabularies as tables; cycles gained results_public,
# decree_source_url and batch_id (a cycle an admin added)
BANDS = ("peduli", "cukup", "mulai", "kurang")  # statuses a regime may name (kkpham.regimes)
_BAND_LIST = ", ".join(f"'{k}'" for k in BANDS)

_STATUS_LIST = ", ".join(f"'{k}'" for k in STORED_KEYS)  # constant from our own vocabulary

SCHEMA = f"""
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE provinces (code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL);
CREATE TABLE regions (
    code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('Kabupaten', 'Kota')),
    province_code VARCHAR NOT NULL REFERENCES provinces (code),
    formed_year INTEGER,
    formed_basis VARCHAR,
    previous_code VARCHAR,
    area_km2 DOUBLE
);
CREATE TABLE regimes (
    regime VARCHAR PRIMARY KEY,
    regulation VARCHAR NOT NULL,
    programme_id VARCHAR,
    programme_en VARCHAR,
    rights_count INTEGER,
    indicators_count INTEGER,
    note VARCHAR,
    source_url VARCHAR,
    batch_id INTEGER  -- NULL: from data/regimes.csv; else the admin batch that added it
);
CREATE TABLE regime_outcomes (
    regime VARCHAR NOT NULL,
    rank INTEGER NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ({_BAND_LIST})),
    label_id VARCHAR NOT NULL,
    label_en VARCHAR NOT NULL,
    source_url VARCHAR,
    batch_id INTEGER,
    PRIMARY KEY (regime, status)
);
CREATE TABLE cycles (
    data_year INTEGER PRIMARY KEY,
    award_year INTEGER,
    regime VARCHAR,  -- a key of regimes (checked on load and on admin entry)
    regulation VARCHAR,
    held BOOLEAN NOT NULL,
    decree_number VARCHAR,
    decree_date VARCHAR,
    award_date VARCHAR,
    note VARCHAR,
    source_url VARCHAR,
    results_public BOOLEAN NOT NULL DEFAULT TRUE,
    decree_source_url VARCHAR,
    batch_id INTEGER  -- NULL: from data/cycles.csv; else the admin batch that added it
);
CREATE TABLE sources (
    source_id INTEGER PRIMARY KEY,
    url VARCHAR NOT NULL UNIQUE,
    kind VARCHAR NOT NULL CHECK (kind IN ('keputusan', 'pemerintah', 'berita'))
);
CREATE TABLE batches (
    batch_id INTEGER PRIMARY KEY,
    created_at TIMESTAMP NOT NULL,
    origin VARCHAR NOT NULL,
    file_name VARCHAR,
    file_sha256 VARCHAR,
    n_rows INTEGER NOT NULL,
    who VARCHAR,
    undone_at TIMESTAMP,
    n_errors INTEGER NOT NULL DEFAULT 0,
    n_conflicts INTEGER NOT NULL DEFAULT 0,
    undone_by VARCHAR
);
CREATE TABLE results (
    result_id INTEGER PRIMARY KEY,
    region_code VARCHAR NOT NULL REFERENCES regions (code),
    data_year INTEGER NOT NULL REFERENCES cycles (data_year),
    award_year INTEGER,
    data_year_derived BOOLEAN NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ({_STATUS_LIST})),
    score DOUBLE CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
    source_id INTEGER NOT NULL REFERENCES sources (source_id),
    name_in_source VARCHAR,
    note VARCHAR,
    all_regions_statement BOOLEAN NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES batches (batch_id),
    UNIQUE (region_code, data_year, source_id)
);
CREATE TABLE reported_counts (
    province_code VARCHAR REFERENCES provinces (code),  -- NULL: a national total
    data_year INTEGER NOT NULL REFERENCES cycles (data_year),
    award_year INTEGER,
    data_year_derived BOOLEAN NOT NULL,
    awarded_count INTEGER NOT NULL,
    total_regions INTEGER,
    source_id INTEGER NOT NULL REFERENCES sources (source_id),
    evidence VARCHAR
);
"""

# The derived status panel (kkpham.model.panel): rewritten whole by the build and every commit.
STATUS_PANEL_DDL = """
CREATE TABLE status_panel (
    code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    province_code VARCHAR NOT NULL,
    province_name VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    status_code INTEGER NOT NULL,
    score DOUBLE,
    source_url VARCHAR NOT NULL,
    source_label VARCHAR NOT NULL,
    n_claims INTEGER NOT NULL,
    disputed BOOLEAN NOT NULL,
    claims_text VARCHAR NOT NULL,
    data_year_derived BOOLEAN NOT NULL,
    data_year INTEGER NOT NULL,
    award_year INTEGER,
    regime VARCHAR,
    held BOOLEAN NOT NULL,
    result_id INTEGER,
    streak INTEGER,
    last_run INTEGER NOT NULL,
    streak_bridged INTEGER,
    streak_gap_years INTEGER[] NOT NULL,
    longest_streak INTEGER NOT NULL,
    first_peduli INTEGER,
    last_peduli INTEGER,
    n_peduli INTEGER NOT NULL,
    n_known INTEGER NOT NULL,
    PRIMARY KEY (code, data_year)
);
"""
# a region's runs as of each panel row's year (their meaning: kkpham.model.panel)
STREAK_COLUMNS = [
    "streak",
    "last_run",
    "streak_bridged",
    "streak_gap_years",
    "longest_streak",
    "first_peduli",
    "last_peduli",
    "n_peduli",
    "n_known",
]
STATUS_PANEL_COLUMNS = [
    "code",
    "name",
    "kind",
    "province_code",
    "province_name",
    "status",
    "status_code",
    "score",
    "source_url",
    "source_label",
    "n_claims",
    "disputed",
    "claims_text",
    "data_year_derived",
    "data_year",
    "award_year",
    "regime",
    "held",
    "result_id",
    *STREAK_COLUMNS,
]

BATCH_COLUMNS = [
    "batch_id",
    "created_at",
    "origin",
    "file_name",
    "file_sha256",
    "n_rows",
    "who",
    "undone_at",
    "n_errors",
    "n_conflicts",
    "undone_by",
]

CYCLE_COLUMNS = [
    "data_year",
    "award_year",
    "regime",
    "regulation",
    "held",
    "decree_number",
    "decree_date",
    "award_date",
    "note",
    "source_url",
    "results_public",
    "decree_source_url",
    "batch_id",
]
# the reference files' columns (kkpham.regimes) and the batch that stored them
REGIME_COLUMNS = [*regimes.REGIME_COLUMNS, "batch_id"]
OUTCOME_COLUMNS = [*regimes.OUTCOME_COLUMNS, "batch_id"]

RESULT_COLUMNS = [
    "region_code",
    "data_year",
    "award_year",
    "data_year_derived",
    "status",
    "score",
    "source_url",
    "source_kind",
    "name_in_source",
    "note",
    "all_regions_statement",
]


@contextmanager
def _io_errors() -> Iterator[None]:
    """DuckDB's I/O failures (a full disk) as OSError, which the write path knows how to report
    without exposing duckdb's own types outside this module."""
    try:
        yield
    except duckdb.IOException as err:
        no_space = "space" in str(err).lower()
        raise OSError(errno.ENOSPC if no_space else errno.EIO, str(err)) from err


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Store:
    """A connection to one DuckDB file."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self.con = con
        self.path = path

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, read_only: bool = True) -> Store:
        if read_only and not path.exists():
            raise StoreMissing(path)
        if not read_only:
            return cls(duckdb.connect(str(path)), path)
        # duckdb.connect(path) shares one cached database per path and process: while any
        # connection stays open, new ones keep seeing the file that was there before a commit
        # renamed a new one over it. Attaching into a private in-memory database opens the
        # file as it is now, and never shares.
        con = duckdb.connect(":memory:")
        try:
            con.execute("ATTACH ? AS store (READ_ONLY)", [str(path)]).fetchall()
            con.execute("USE store").fetchall()
        except BaseException:
            con.close()
            raise
        return cls(con, path)

    @classmethod
    def create(cls, path: Path) -> Store:
        """A new, empty store with the schema (the file must not exist yet)."""
        if path.exists():
            raise FileExistsError(path)
        store = cls(duckdb.connect(str(path)), path)
        store._run(SCHEMA)
        store.set_meta("schema_version", SCHEMA_VERSION)
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._run("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._run("ROLLBACK")
            raise
        with _io_errors():
            self._run("COMMIT")

    def _run(self, sql: str, params: list | None = None) -> list[tuple]:
        """Execute and drain: DuckDB 2 refuses new work while a result is unfinished."""
        return self.con.execute(sql, params or []).fetchall()

    def _one(self, sql: str, params: list | None = None) -> tuple | None:
        rows = self._run(sql, params)
        return rows[0] if rows else None

    # -- meta -------------------------------------------------------------------------------
    def set_meta(self, key: str, value: str) -> None:
        self._run("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])

    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", [key])
        return None if row is None else row[0]

    # -- loading reference tables (build) ---------------------------------------------------
    def _insert_frame(self, table: str, columns: list[str], frame: pd.DataFrame | pa.Table) -> None:
        # Table and column names are our own constants; the values travel as a registered frame.
        assert table.isidentifier() and all(c.isidentifier() for c in columns)
        self.con.register(
            "_incoming", frame.select(columns) if isinstance(frame, pa.Table) else frame[columns]
        )
        try:
            cols = ", ".join(columns)
            self._run(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def load_geography(self, provinces: pd.DataFrame, regions: pd.DataFrame) -> None:
        self._insert_frame("provinces", ["code", "name"], provinces)
        self._insert_frame(
            "regions",
            [
                "code",
                "name",
                "kind",
                "province_code",
                "formed_year",
                "formed_basis",
                "previous_code",
                "area_km2",
            ],
            regions,
        )

    def load_cycles(self, cycles: pd.DataFrame) -> None:
        """Cycles (optional columns results_public, decree_source_url, batch_id filled)."""
        cycles = cycles.copy()
        if "results_public" not in cycles.columns:
            cycles["results_public"] = True
        cycles["results_public"] = cycles["results_public"].fillna(True).astype(bool)
        for col in ("decree_source_url", "batch_id"):
            if col not in cycles.columns:
                cycles[col] = None
        self._insert_frame("cycles", CYCLE_COLUMNS, cycles)

    def load_regimes(self, regimes: pd.DataFrame, outcomes: pd.DataFrame) -> None:
        """Regimes and their outcome vocabularies (optional column batch_id)."""
        regimes, outcomes = regimes.copy(), outcomes.copy()
        for frame in (regimes, outcomes):
            if "batch_id" not in frame.columns:
                frame["batch_id"] = None
        self._insert_frame("regimes", REGIME_COLUMNS, regimes)
        if len(outcomes):
            self._insert_frame("regime_outcomes", OUTCOME_COLUMNS, outcomes)

    def regimes(self) -> pd.DataFrame:
        return self._df("SELECT * FROM regimes ORDER BY regime")

    def regime_outcomes(self, regime: str | None = None) -> pd.DataFrame:
        return self._df(
            "SELECT * FROM regime_outcomes WHERE ? IS NULL OR regime = ? ORDER BY regime, rank",
            [regime, regime],
        )

    def admin_entries(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """(cycles, regimes, outcomes) added by admins in batches not undone: what a rebuild
        carries over beside the imported results."""
        live = "batch_id IN (SELECT batch_id FROM batches WHERE undone_at IS NULL)"
        return (
            self._df(f"SELECT * FROM cycles WHERE {live} ORDER BY data_year"),
            self._df(f"SELECT * FROM regimes WHERE {live} ORDER BY regime"),
            self._df(f"SELECT * FROM regime_outcomes WHERE {live} ORDER BY regime, rank"),
        )

    def add_admin_batch(
        self,
        cycles: pd.DataFrame,
        regimes: pd.DataFrame,
        outcomes: pd.DataFrame,
        who: str | None = None,
        file_name: str | None = None,
    ) -> int:
        """One audited batch (origin ``cycle``) adding cycles, regimes and outcome vocabularies
        in one transaction; its id. Undo removes them again (``undo_batch``)."""
        with self.transaction():
            batch_id = self._one("SELECT coalesce(max(batch_id), 0) + 1 FROM batches")[0]
            n = len(cycles) + len(regimes) + len(outcomes)
            self._run(
                "INSERT INTO batches (batch_id, created_at, origin, file_name, n_rows, who) "
                "VALUES (?, ?, 'cycle', ?, ?, ?)",
                [batch_id, _utcnow(), file_name, n, who],
            )
            if len(regimes) or len(outcomes):
                self.load_regimes(
                    regimes.assign(batch_id=batch_id), outcomes.assign(batch_id=batch_id)
                )
            if len(cycles):
                self.load_cycles(cycles.assign(batch_id=batch_id))
        return int(batch_id)

    def _source_ids(self, sources: pd.DataFrame) -> dict[str, int]:
        """Insert unseen (url, kind) pairs; return url -> source_id for all of them."""
        for url, kind in (
            sources[["source_url", "source_kind"]].drop_duplicates().itertuples(index=False)
        ):
            self._run(
                # not an aggregate over sources: that yields a row even when the url exists
                "INSERT INTO sources (source_id, url, kind) "
                "SELECT (SELECT coalesce(max(source_id), 0) + 1 FROM sources), ?, ? "
                "WHERE NOT EXISTS (SELECT 1 FROM sources WHERE url = ?)",
                [url, kind, url],
            )
        urls = list(sources["source_url"].unique())
        rows = self._run("SELECT url, source_id FROM sources WHERE list_contains(?, url)", [urls])
        return dict(rows)

    def add_batch(
        self,
        results: pd.DataFrame,
        origin: str,
        file_name: str | None = None,
        file_sha256: str | None = None,
        who: str | None = None,
        reported_counts: pd.DataFrame | None = None,
        created_at: dt.datetime | None = None,
        n_errors: int = 0,
        n_conflicts: int = 0,
    ) -> int:
        """Store one batch of results (columns RESULT_COLUMNS) in one transaction; its id."""
        with self.transaction():
            batch_id = self._one("SELECT coalesce(max(batch_id), 0) + 1 FROM batches")[0]
            self._run(
                "INSERT INTO batches (batch_id, created_at, origin, file_name, file_sha256, "
                "n_rows, who, n_errors, n_conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    batch_id,
                    created_at or _utcnow(),
                    origin,
                    file_name,
                    file_sha256,
                    len(results),
                    who,
                    int(n_errors),
                    int(n_conflicts),
                ],
            )
            frames = [results] + ([reported_counts] if reported_counts is not None else [])
            ids = self._source_ids(pd.concat([f[["source_url", "source_kind"]] for f in frames]))
            self._insert_results(results.assign(batch_id=batch_id), ids)
            if reported_counts is not None and len(reported_counts):
                counts = reported_counts.assign(source_id=reported_counts["source_url"].map(ids))
                self._insert_frame(
                    "reported_counts",
                    [
                        "province_code",
                        "data_year",
                        "award_year",
                        "data_year_derived",
                        "awarded_count",
                        "total_regions",
                        "source_id",
                        "evidence",
                    ],
                    counts,
                )
        return int(batch_id)

    def _insert_results(self, results: pd.DataFrame, source_ids: dict[str, int]) -> None:
        """Insert results (RESULT_COLUMNS + batch_id) with fresh ids; call inside a transaction."""
        start = self._one("SELECT coalesce(max(result_id), 0) + 1 FROM results")[0]
        rows = results.assign(
            result_id=range(start, start + len(results)),
            source_id=results["source_url"].map(source_ids),
        )
        self._insert_frame(
            "results",
            [
                "result_id",
                "region_code",
                "data_year",
                "award_year",
                "data_year_derived",
                "status",
                "score",
                "source_id",
                "name_in_source",
                "note",
                "all_regions_statement",
                "batch_id",
            ],
            rows,
        )

    def audit_batches(self, origin_not: str) -> pd.DataFrame:
        """Every batch whose origin is not ``origin_not``, with all its audit columns (undone and
        restore entries included): what a rebuild carries over unchanged."""
        cols = ", ".join(BATCH_COLUMNS)
        return self._df(
            f"SELECT {cols} FROM batches WHERE origin <> ? ORDER BY batch_id", [origin_not]
        )

    def carry_over(self, batches: pd.DataFrame, results: pd.DataFrame) -> None:
        """Re-insert audit entries with their own ids and their live results, in one transaction
        (the rebuild after the reference batch)."""
        with self.transaction():
            taken = self._one("SELECT coalesce(max(batch_id), 0) FROM batches")[0]
            if len(batches) and int(batches["batch_id"].min()) <= taken:
                raise ValueError(f"batch ids from {batches['batch_id'].min()} are taken")
            self._insert_frame("batches", BATCH_COLUMNS, batches)
            if len(results):
                self._insert_results(results, self._source_ids(results))

    def keep_audit_log(self, earlier: pd.DataFrame, reverted_by: str) -> list[int]:
        """Make this store's audit log hold every entry of ``earlier`` (another store's
        ``audit_batches``), in one transaction: the log is append-only across restores.

        An entry this store lacks is added with its id (a new id if that one is taken by a
        different entry); if it was live there, its results are not here, so it is marked
        undone by ``reverted_by``. Returns the ids of the entries added.
        """
        added = []
        with self.transaction():
            mine = self._df("SELECT batch_id, created_at FROM batches")
            known = set(zip(mine["batch_id"], mine["created_at"], strict=True))
            taken = set(mine["batch_id"])
            now = _utcnow()
            for entry in earlier.to_dict("records"):
                if (entry["batch_id"], entry["created_at"]) in known:
                    continue
                if entry["batch_id"] in taken:
                    entry["batch_id"] = max(taken) + 1
                if pd.isna(entry["undone_at"]):
                    entry["undone_at"], entry["undone_by"] = now, reverted_by
                taken.add(entry["batch_id"])
                self._insert_frame("batches", BATCH_COLUMNS, pd.DataFrame([entry]))
                added.append(int(entry["batch_id"]))
        return added

    def undo_batch(self, batch_id: int, who: str | None = None) -> int:
        """Remove a batch's results in one transaction; the batch stays in the audit log.

        ValueError when the batch does not exist or was already undone.
        """
        with self.transaction():
            row = self._one("SELECT undone_at FROM batches WHERE batch_id = ?", [batch_id])
            if row is None:
                raise Refused(Message("wr_batch_missing", batch=batch_id))
            if row[0] is not None:
                when = f"{row[0]:%Y-%m-%d %H:%M}"
                raise Refused(Message("wr_batch_undone", batch=batch_id, when=when))
            n = self._one("SELECT count(*) FROM results WHERE batch_id = ?", [batch_id])[0]
            self._run("DELETE FROM results WHERE batch_id = ?", [batch_id])
            used = self._run(
                "SELECT DISTINCT r.data_year FROM results r JOIN cycles c USING (data_year) "
                "WHERE c.batch_id = ? ORDER BY 1",
                [batch_id],
            )
            if used:
                years = ", ".join(str(y) for (y,) in used)
                raise Refused(Message("wr_cycle_in_use", batch=batch_id, years=years))
            n += self._one("SELECT count(*) FROM cycles WHERE batch_id = ?", [batch_id])[0]
            for table in ("cycles", "regime_outcomes", "regimes"):  # constants, not input
                self._run(f"DELETE FROM {table} WHERE batch_id = ?", [batch_id])
            self._run(
                "UPDATE batches SET undone_at = ?, undone_by = ? WHERE batch_id = ?",
                [_utcnow(), who, batch_id],
            )
        return int(n)

    def write_status_panel(self, panel: pd.DataFrame) -> None:
        """Replace the derived status panel (columns STATUS_PANEL_COLUMNS) in one transaction."""
        # The gap years go in as a typed Arrow list: from an object column DuckDB would guess the
        # type from a sample of rows, and a sample without a gap year made every other row fail.
        table = pa.Table.from_pandas(panel[STATUS_PANEL_COLUMNS], preserve_index=False)
        gaps = pa.array([list(g) for g in panel["streak_gap_years"]], type=pa.list_(pa.int32()))
        at = table.schema.get_field_index("streak_gap_years")
        table = table.set_column(at, "streak_gap_years", gaps)
        with self.transaction():
            self._run("DROP TABLE IF EXISTS status_panel")
            self._run(STATUS_PANEL_DDL)
            self._insert_frame("status_panel", STATUS_PANEL_COLUMNS, table)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file, so the file alone holds every commit."""
        with _io_errors():
            self._run("CHECKPOINT")

    # -- queries ----------------------------------------------------------------------------
    def _df(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self.con.execute(sql, params or []).df()

    def _arrow_df(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self.con.sql(sql, params=params or []).to_arrow_table().to_pandas()

    def provinces(self) -> pd.DataFrame:
        return self._df("SELECT code, name FROM provinces ORDER BY code")

    def regions(self, province_code: str | None = None) -> pd.DataFrame:
        return self._df(
            "SELECT r.code, r.name, r.kind, r.province_code, p.name AS province_name, "
            "r.formed_year, r.formed_basis, r.previous_code, r.area_km2 "
            "FROM regions r JOIN provinces p ON p.code = r.province_code "
            "WHERE ? IS NULL OR r.province_code = ? ORDER BY r.code",
            [province_code, province_code],
        )

    def cycles(self) -> pd.DataFrame:
        """Cycles by data year, with ``programme``: their regime's programme name (from data
        year 2025 "Penilaian Kepatuhan Hak Asasi Manusia"), which map titles carry."""
        return self._df(
            "SELECT c.*, g.programme_id AS programme FROM cycles c "
            "LEFT JOIN regimes g ON g.regime = c.regime ORDER BY c.data_year"
        )

    _CLAIMS = (
        "SELECT r.result_id, r.region_code, r.data_year, r.award_year, r.data_year_derived, "
        "r.status, r.score, s.url AS source_url, s.kind AS source_kind, r.name_in_source, "
        "r.note, r.all_regions_statement, r.batch_id "
        "FROM results r JOIN sources s USING (source_id) "
        "JOIN regions g ON g.code = r.region_code "
    )

    def claims(
        self,
        data_year: int | None = None,
        province_code: str | None = None,
        region_code: str | None = None,
    ) -> pd.DataFrame:
        """Every stored claim, filtered; conflicting claims all come back."""
        return self._df(
            self._CLAIMS + "WHERE (? IS NULL OR r.data_year = ?) "
            "AND (? IS NULL OR g.province_code = ?) AND (? IS NULL OR r.region_code = ?) "
            "ORDER BY r.region_code, r.data_year, r.result_id",
            [data_year, data_year, province_code, province_code, region_code, region_code],
        )

    def status_panel(
        self,
        data_year: int | None = None,
        province_code: str | None = None,
        region_code: str | None = None,
    ) -> pd.DataFrame:
        """Rows of the derived status panel, filtered, by code then data year."""
        cols = ", ".join(STATUS_PANEL_COLUMNS)
        # through Arrow: several times faster than .df() for this many text cells
        return self._arrow_df(
            f"SELECT {cols} FROM status_panel WHERE (? IS NULL OR data_year = ?) "  # noqa: S608
            "AND (? IS NULL OR province_code = ?) AND (? IS NULL OR code = ?) "
            "ORDER BY code, data_year",
            [data_year, data_year, province_code, province_code, region_code, region_code],
        )

    _COUNTS = (
        "SELECT c.province_code, c.data_year, c.award_year, c.data_year_derived, "
        "c.awarded_count, c.total_regions, s.url AS source_url, c.evidence "
        "FROM reported_counts c JOIN sources s USING (source_id) "
    )

    def reported_counts(
        self, data_year: int | None = None, province_code: str | None = None
    ) -> pd.DataFrame:
        """Provincial "N of M" statements (national totals: ``national_counts``)."""
        return self._df(
            self._COUNTS + "WHERE c.province_code IS NOT NULL AND (? IS NULL OR c.data_year = ?) "
            "AND (? IS NULL OR c.province_code = ?) ORDER BY c.province_code, c.data_year",
            [data_year, data_year, province_code, province_code],
        )

    def national_counts(self, data_year: int | None = None) -> pd.DataFrame:
        """National "N kab/kota received it" statements, columns as ``reported_counts``."""
        return self._df(
            self._COUNTS + "WHERE c.province_code IS NULL AND (? IS NULL OR c.data_year = ?) "
            "ORDER BY c.data_year, s.url",
            [data_year, data_year],
        )

    def sources(self) -> pd.DataFrame:
        return self._df(
            "SELECT s.source_id, s.url, s.kind, count(r.result_id) AS n_results "
            "FROM sources s LEFT JOIN results r USING (source_id) "
            "GROUP BY ALL ORDER BY n_results DESC, s.url"
        )

    def batches(self) -> pd.DataFrame:
        """The audit log: every batch, with how many of its results are still stored."""
        return self._df(
            "SELECT b.batch_id, b.created_at, b.origin, b.file_name, b.file_sha256, b.who, "
            "b.n_rows, b.n_errors, b.n_conflicts, b.undone_at, b.undone_by, "
            "count(r.result_id) AS n_live "
            "FROM batches b LEFT JOIN results r USING (batch_id) GROUP BY ALL ORDER BY b.batch_id"
        )

    def export_claims(
        self, data_year: int | None = None, province_code: str | None = None
    ) -> pd.DataFrame:
        """Every stored claim with its region and province names, for export."""
        return self._df(
            "SELECT g.province_code, p.name AS province_name, r.region_code, "
            "g.name AS region_name, g.kind, r.data_year, r.award_year, r.data_year_derived, "
            "r.status, r.score, s.url AS source_url, s.kind AS source_kind, r.name_in_source, "
            "r.note, r.all_regions_statement, r.batch_id, r.result_id "
            "FROM results r JOIN sources s USING (source_id) "
            "JOIN regions g ON g.code = r.region_code JOIN provinces p ON p.code = g.province_code "
            "WHERE (? IS NULL OR r.data_year = ?) AND (? IS NULL OR g.province_code = ?) "
            "ORDER BY r.data_year, r.region_code, r.result_id",
            [data_year, data_year, province_code, province_code],
        )

    def batch_results(self, origin_not: str) -> pd.DataFrame:
        """Results of live batches whose origin is not ``origin_not`` (carried over on rebuild)."""
        return self._df(
            "SELECT b.batch_id, b.created_at, b.origin, b.file_name, b.file_sha256, b.who, "
            "r.region_code, r.data_year, r.award_year, r.data_year_derived, r.status, r.score, "
            "s.url AS source_url, s.kind AS source_kind, r.name_in_source, r.note, "
            "r.all_regions_statement "
            "FROM batches b JOIN results r USING (batch_id) JOIN sources s USING (source_id) "
            "WHERE b.origin <> ? AND b.undone_at IS NULL ORDER BY b.batch_id, r.result_id",
            [origin_not],
        )

    def data_version(self) -> str:
        """Changes whenever what viewers see changes: a rebuild, an import or an undo."""
        build = self.get_meta("build_id") or "unbuilt"
        n, last = self._one("SELECT count(*), coalesce(max(batch_id), 0) FROM results")
        write = self.get_meta("write_id")  # set by every copy-on-write swap (a restore, too)
        return f"{build}.{last}.{n}" + (f".{write}" if write else "")

    def counts(self) -> dict[str, int]:
        tables = [
            "provinces",
            "regions",
            "cycles",
            "sources",
            "batches",
            "results",
            "reported_counts",
            "regimes",
        ]
        return {
            t: self._one(f"SELECT count(*) FROM {t}")[0]  # noqa: S608 (constant)
            for t in tables
        }


class Readers:
    """Read-only opens through one shared in-memory DuckDB instance (for a server process).

    ``Store.open`` starts a new in-memory DuckDB instance per open (about 40 ms of CPU) before it
    attaches the file; a viewer's cold read (the status panel after a write) paid that every time.
    Here every open takes its own connection (a cursor) to one instance made once, attaches the
    file as it is at that moment under a name of its own, and detaches it on close: a file renamed
    over the old one is read by the next open, two opens never share an attachment, and no file
    stays open between reads. Safe to share between threads.
    """

    def __init__(self) -> None:
        self._base = duckdb.connect(":memory:")
        self._lock = threading.Lock()
        self._names = itertools.count(1)

    def open(self, path: Path) -> Store:
        if not path.exists():
            raise StoreMissing(path)
        with self._lock:
            con = self._base.cursor()
            name = f"store_{next(self._names)}"
        try:
            con.execute(f"ATTACH ? AS {name} (READ_ONLY)", [str(path)]).fetchall()
            con.execute(f"USE {name}").fetchall()
        except BaseException:
            con.close()
            raise
        return _Attached(con, path, name)

    def attached(self) -> int:
        """How many files are attached now (0 when every store opened here was closed)."""
        rows = self._base.execute(
            "SELECT count(*) FROM duckdb_databases() "
            "WHERE NOT internal AND database_name <> 'memory'"
        ).fetchall()
        return int(rows[0][0])


class _Attached(Store):
    """A store opened by ``Readers``: closing detaches the file and closes the connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, name: str) -> None:
        super().__init__(con, path)
        self._name = name

    def close(self) -> None:
        try:
            self.con.execute("USE memory").fetchall()
            self.con.execute(f"DETACH {self._name}").fetchall()
        finally:
            self.con.close()
