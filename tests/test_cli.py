"""The command line: import (dry run and commit), batches, undo, export, hash-password."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_importer import csv_bytes, make_resolver, make_settings, row, sha

import kkpham.__main__ as cli
from kkpham.store import Store
from kkpham.write.auth import verify_password


@pytest.fixture
def env(tmp_path, monkeypatch):
    settings = make_settings(tmp_path)
    monkeypatch.setenv("KKPHAM_DB", str(settings.db_path))
    monkeypatch.setenv("KKPHAM_BACKUP_DIR", str(settings.backup_dir))
    monkeypatch.setattr(cli, "_resolver", lambda _settings: make_resolver())
    return settings


def test_import_dry_run_commit_batches_undo(env, tmp_path, capsys) -> None:
    good = tmp_path / "hasil.csv"
    good.write_bytes(csv_bytes([row(), row("Konawe", nilai="80")]))
    before = sha(env.db_path)
    assert cli.main(["import", str(good), "--dry-run"]) == 0
    assert sha(env.db_path) == before
    assert cli.main(["import", str(good), "--who", "Rina", "--json"]) == 0
    out = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert out["batch_id"] == 2 and out["ok"] == 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([row("Konawe", year="3000")]))
    assert cli.main(["import", str(bad)]) == 1
    assert "3000" in capsys.readouterr().err
    assert cli.main(["batches", "--json"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert [b["batch_id"] for b in log] == [2, 1] and log[0]["who"] == "Rina"
    assert cli.main(["undo", "2", "--who", "Budi"]) == 0
    assert cli.main(["undo", "2"]) == 1
    assert "sudah dibatalkan" in capsys.readouterr().err
    assert cli.main(["batches"]) == 0
    assert "dibatalkan" in capsys.readouterr().out


def test_export(env, tmp_path) -> None:
    out = tmp_path / "semua.parquet"
    assert cli.main(["export", "--format", "parquet", "--out", str(out)]) == 0
    assert len(pd.read_parquet(out)) == 1
    xlsx = tmp_path / "sultra.xlsx"
    assert (
        cli.main(
            [
                "export",
                "--format",
                "xlsx",
                "--data-year",
                "2022",
                "--province",
                "74",
                "--out",
                str(xlsx),
            ]
        )
        == 0
    )
    assert pd.read_excel(xlsx, sheet_name="Hasil", dtype=str)["kode_wilayah"].tolist() == ["74.01"]


def test_hash_password_reads_stdin_not_argv(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("rahasia-panjang-sekali\n"))
    assert cli.main(["hash-password"]) == 0
    assert verify_password("rahasia-panjang-sekali", capsys.readouterr().out.strip())
    with pytest.raises(SystemExit):
        cli.main(["hash-password", "rahasia-panjang-sekali"])


def test_hash_password_as_a_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kkpham", "hash-password"],
        input="pendek\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "minimal" in done.stderr


def test_backups_and_restore(env, tmp_path, capsys) -> None:
    before = sha(env.db_path)
    with Store.open(env.db_path) as store:
        start = store.counts()
        start_version = store.data_version()
    good = tmp_path / "hasil.csv"
    good.write_bytes(csv_bytes([row(), row("Konawe")]))
    assert cli.main(["import", str(good), "--who", "Rina"]) == 0
    capsys.readouterr()
    assert cli.main(["backups", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 1 and listed[0]["reason"] == "import"
    assert sha(Path(listed[0]["path"])) == before  # the state before the import
    assert cli.main(["restore", listed[0]["name"], "--who", "Budi"]) == 0
    assert "dipulihkan" in capsys.readouterr().out
    with Store.open(env.db_path) as store:
        after = store.counts()
        log = store.batches().set_index("batch_id")
        version = store.data_version()
    assert after["results"] == start["results"]  # the imported rows are gone again
    # append-only (defect 9): the import stays in the log, reverted by the restore, which is
    # a new entry after it instead of reusing its id
    assert log.loc[2, "origin"] == "import" and log.loc[2, "who"] == "Rina"
    assert log.loc[2, "undone_by"] == f"Budi (pemulihan {listed[0]['name']})"
    assert log.loc[3, "origin"] == "restore" and log.loc[3, "who"] == "Budi"
    assert log.loc[3, "file_name"] == listed[0]["name"] and log.loc[3, "n_rows"] == 0
    assert version != start_version  # caches keyed on the version cannot serve stale frames
    # the store as it was before the restore was itself backed up first
    assert cli.main(["backups"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and "sebelum restore" in out[0]
    newest = sorted(env.backup_dir.glob("*-restore.duckdb"))[0]
    with Store.open(newest) as store:
        assert store.counts()["results"] == start["results"] + 2
    # restoring something that is not a store changes nothing and says why
    junk = tmp_path / "bukan.duckdb"
    junk.write_bytes(b"bukan basis data")
    current = sha(env.db_path)
    assert cli.main(["restore", str(junk)]) == 1
    assert "bukan basis data kkpham yang utuh" in capsys.readouterr().err
    assert cli.main(["restore", "tidak-ada.duckdb"]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    assert cli.main(["restore", str(env.db_path)]) == 1
    assert "sedang dipakai" in capsys.readouterr().err
    assert sha(env.db_path) == current and len(list(env.backup_dir.glob("*.duckdb"))) == 2


# -- issue 7, defect 5: an output path never touches the store, its backups or a symlink ---------
def test_export_refuses_the_store_its_files_and_backups(env, tmp_path, capsys) -> None:
    cli.main(["import", str(_one_row_file(tmp_path)), "--who", "Rina"])  # makes a backup
    backup = next(env.backup_dir.glob("*.duckdb"))
    before = sha(env.db_path), sha(backup)
    link = tmp_path / "tautan.csv"
    link.symlink_to(tmp_path / "target.csv")
    hard = tmp_path / "keras.duckdb"
    hard.hardlink_to(env.db_path)
    db = env.db_path
    for out in (
        db,
        db.with_name(db.name + ".wal"),
        db.with_name(db.name + ".lock"),
        backup,
        env.backup_dir / "baru.csv",
        link,
        hard,
        tmp_path,
    ):
        assert cli.main(["export", "--format", "csv", "--out", str(out)]) == 1, out
        assert capsys.readouterr().err.strip()
    assert (sha(env.db_path), sha(backup)) == before
    assert not (tmp_path / "target.csv").exists()  # the link was not followed


def test_export_ignores_a_planted_partial_link(env, tmp_path) -> None:
    """The old writer wrote ``<out>.partial`` first: a link planted there redirected it."""
    victim = tmp_path / "korban.txt"
    victim.write_text("jangan ditimpa")
    out = tmp_path / "hasil.csv"
    out.with_name(out.name + ".partial").symlink_to(victim)
    assert cli.main(["export", "--format", "csv", "--out", str(out)]) == 0
    assert victim.read_text() == "jangan ditimpa" and "kode_wilayah" in out.read_text()
    assert not list(tmp_path.glob(".hasil.csv.*"))  # its own temporary file is gone


def test_output_write_failure_leaves_the_old_file(env, tmp_path, monkeypatch) -> None:
    import errno
    import os

    from kkpham.write.safe_output import OutputRefused, write_output

    out = tmp_path / "lama.csv"
    out.write_text("lama")

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputRefused, match="disk penuh"):
        write_output(out, b"baru", env)
    assert out.read_text() == "lama" and not list(tmp_path.glob(".lama.csv.*"))


def _one_row_file(tmp_path: Path) -> Path:
    path = tmp_path / "satu.csv"
    path.write_bytes(csv_bytes([row()]))
    return path


def test_output_piped_into_head_ends_quietly() -> None:
    """Defect 10: `batches | head` printed a BrokenPipe traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kkpham", "resolve", "Kendari"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader is gone before the command prints
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and "Traceback" not in err, err


def test_audit_log_is_append_only_across_restores(env, tmp_path, capsys) -> None:
    """Defect 9: a restore reused batch ids and dropped later batches from the log."""
    for i, name in enumerate(("Konawe", "Kolaka", "Kota Kendari")):
        path = tmp_path / f"h{i}.csv"
        path.write_bytes(csv_bytes([row(name)]))
        assert cli.main(["import", str(path), "--who", f"w{i}"]) == 0
    assert cli.main(["undo", "3", "--who", "Ani"]) == 0
    capsys.readouterr()
    first = sorted(env.backup_dir.glob("*-import.duckdb"))[0]  # before batch 2
    with Store.open(env.db_path) as store:
        before = store.batches().set_index("batch_id")
    assert cli.main(["restore", str(first), "--who", "Budi"]) == 0
    second = sorted(env.backup_dir.glob("*-restore.duckdb"))[-1]  # the store just replaced
    assert cli.main(["restore", str(second), "--who", "Ani"]) == 0  # and back again
    with Store.open(env.db_path) as store:
        log = store.batches().set_index("batch_id")
    assert set(before.index) <= set(log.index)  # nothing dropped
    for batch_id, entry in before.iterrows():  # nothing rewritten but "undone" marks
        assert (log.loc[batch_id, "created_at"], log.loc[batch_id, "who"]) == (
            entry["created_at"],
            entry["who"],
        )
    restores = log[log["origin"] == "restore"]
    assert list(restores.index) == [5, 6] and list(restores["who"]) == ["Budi", "Ani"]
    assert log.loc[5, "undone_by"].startswith("Ani (pemulihan")  # the first restore, reverted
    assert log.loc[3, "undone_by"] == "Ani"  # undone before either restore: kept as it was
    # the second restore brought batches 2 and 4 back: their results and live entries return
    assert log.loc[2, "n_live"] == 1 and log.loc[4, "n_live"] == 1
