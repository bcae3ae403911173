"""The command line: import (dry run and commit), batches, undo, export, hash-password."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest
from test_importer import csv_bytes, make_resolver, make_settings, row, sha

import kkpham.__main__ as cli
from kkpham.auth import verify_password


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
    assert cli.main(["export", "--format", "xlsx", "--data-year", "2022", "--province", "74",
                     "--out", str(xlsx)]) == 0  # fmt: skip
    assert pd.read_excel(xlsx, sheet_name="Hasil", dtype=str)["kode_wilayah"].tolist() == ["74.01"]


def test_hash_password_reads_stdin_not_argv(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("rahasia-panjang-sekali\n"))
    assert cli.main(["hash-password"]) == 0
    assert verify_password("rahasia-panjang-sekali", capsys.readouterr().out.strip())
    with pytest.raises(SystemExit):
        cli.main(["hash-password", "rahasia-panjang-sekali"])


def test_hash_password_as_a_process() -> None:
    done = subprocess.run([sys.executable, "-m", "kkpham", "hash-password"], input="pendek\n",
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1 and "minimal" in done.stderr
