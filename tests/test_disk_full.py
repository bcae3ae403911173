"""Issue 7, defect 8: a full disk is a sentence, not a traceback, and leaves nothing behind.

The disk is "filled" by making the copy the write path depends on fail with ENOSPC after it has
written part of its file, at each place a write copies: the store's working copy and the backup.
"""

from __future__ import annotations

import errno
import shutil

import pytest
from test_importer import csv_bytes, make_resolver, make_settings, row, sha

import kkpham.__main__ as cli
from kkpham.write import backup as backup_module
from kkpham.write import stewardship
from kkpham.write.stewardship import WriteFailed, commit_file


def filling_copy(fail_when):
    real = shutil.copyfile

    def copy(src, dst, *args, **kwargs):
        if fail_when(str(dst)):
            with open(dst, "wb") as handle:
                handle.write(b"\0" * 4096)  # part of the file, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, *args, **kwargs)

    return copy


@pytest.mark.parametrize("where", ["working copy", "backup"])
def test_a_full_disk_changes_nothing_and_leaves_no_partial_file(tmp_path, monkeypatch, where):
    settings = make_settings(tmp_path)
    commit_file(csv_bytes([row("Konawe")]), "a.csv", make_resolver(), settings, who="a")
    before = sha(settings.db_path)
    backups_before = sorted(p.name for p in settings.backup_dir.iterdir())
    if where == "working copy":
        monkeypatch.setattr(stewardship.shutil, "copyfile", filling_copy(lambda d: ".tmp" in d))
    else:
        monkeypatch.setattr(
            backup_module.shutil, "copyfile", filling_copy(lambda d: d.endswith(".partial"))
        )
    with pytest.raises(WriteFailed, match="disk penuh"):
        commit_file(csv_bytes([row("Kolaka")]), "b.csv", make_resolver(), settings, who="b")
    assert sha(settings.db_path) == before
    assert sorted(p.name for p in settings.backup_dir.iterdir()) == backups_before
    assert not list(settings.db_path.parent.glob("*.tmp*"))
    monkeypatch.undo()  # space again: the next write goes through at once
    commit_file(csv_bytes([row("Kolaka")]), "b.csv", make_resolver(), settings, who="b")


def test_the_command_line_says_disk_full_without_a_traceback(tmp_path, monkeypatch, capsys):
    settings = make_settings(tmp_path)
    monkeypatch.setenv("KKPHAM_DB", str(settings.db_path))
    monkeypatch.setenv("KKPHAM_BACKUP_DIR", str(settings.backup_dir))
    monkeypatch.setattr(cli, "_resolver", lambda _settings: make_resolver())
    monkeypatch.setattr(stewardship.shutil, "copyfile", filling_copy(lambda d: ".tmp" in d))
    path = tmp_path / "hasil.csv"
    path.write_bytes(csv_bytes([row("Konawe")]))
    assert cli.main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "disk penuh" in err and "Tidak ada yang berubah" in err and "Traceback" not in err
