"""A new cycle and a new regime without a maintainer: added through the locked, backed-up,
audited write path; its own outcome names reach the map legend and the exports; undo and
rebuild behave. Runs on a copy of the real store in tmp; the regime "E" and its names are
synthetic (test data, never shown to users)."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

import kkpham.__main__ as cli
from kkpham.figures.status_map import status_map
from kkpham.model.export import export_frame
from kkpham.model.mapdata import map_frame
from kkpham.model.regions import resolver_for
from kkpham.store import Store
from kkpham.texts import joined
from kkpham.write import cycle_admin
from kkpham.write.paste import commit_text
from kkpham.write.stewardship import audit_log, undo

URL = "https://example.com/uji/permen-uji"  # synthetic citation


@pytest.fixture
def settings(built_settings, tmp_path):
    db = tmp_path / "kkpham.duckdb"
    shutil.copyfile(built_settings.db_path, db)
    return dataclasses.replace(built_settings, db_path=db, backup_dir=tmp_path / "backups")


def _entry(**kw) -> cycle_admin.CycleEntry:
    base = {
        "data_year": 2026,
        "award_year": 2027,
        "regime": "E",
        "regulation": "Permen Uji 1/2026",
        "programme_id": "Penilaian Uji",
        "source_url": URL,
        "outcomes": {
            "peduli": ("Patuh HAM", "Compliant"),
            "cukup": ("Cukup Patuh HAM", "Fairly compliant"),
        },
    }
    return cycle_admin.CycleEntry(**(base | kw))


def _legend(frame, lang="id") -> dict[str, str]:
    """Every status's legend text for the frame's year, as the legend would write it were the
    status present (the drawn legend lists only present ones, issue 9)."""
    from kkpham.figures.legend import status_entries
    from kkpham.vocab import BY_KEY

    counts = {k: int((frame["status"] == k).sum()) for k in BY_KEY}
    own = frame.attrs.get("status_labels", {}).get(lang)
    entries = status_entries(dict.fromkeys(BY_KEY, 1), 0, lang, own)
    return {key: f"{label} ({counts[key]})" for key, label, *_ in entries}


def test_a_new_cycle_and_regime_with_its_own_outcome_names(built_settings, settings):
    batch = cycle_admin.add(_entry(), settings, who="Admin")
    with Store.open(settings.db_path) as store:
        cycle = store.cycles().set_index("data_year").loc[2026]
        assert cycle["regime"] == "E" and cycle["award_year"] == 2027 and cycle["held"]
        assert not cycle["results_public"]
        frame = map_frame(store, 2026, "74")
    assert set(frame["status"]) == {"belum_diumumkan"}  # not "no data"
    log = {r["batch_id"]: r for r in audit_log(settings.db_path)}
    assert log[batch]["origin"] == "cycle" and log[batch]["who"] == "Admin"
    assert log[batch]["undoable"]
    assert sorted(p.name.split("Z-", 1)[1] for p in settings.backup_dir.glob("*.duckdb")) == [
        "cycle.duckdb"
    ]

    # a list for the new year is imported like any other; legend and export use E's names
    resolver = resolver_for(built_settings)
    imported, _ = commit_text(
        "Kota Kendari, Kabupaten Muna",
        resolver,
        settings,
        "Admin",
        province="74",
        predikat="Peduli HAM",
        sumber=URL,
        data_year=2026,
    )
    with Store.open(settings.db_path) as store:
        frame = map_frame(store, 2026, "74")
        exported = export_frame(store, 2026, "74")
        old = export_frame(store, 2022, "74")
    legend = _legend(frame)
    drawn = [a.text for a in status_map(frame, "/x.json", title="t").layout.annotations]
    assert "Patuh HAM (2)" in drawn  # the figure itself uses the regime's name
    assert legend["peduli"] == "Patuh HAM (2)" and legend["cukup"].startswith("Cukup Patuh HAM")
    assert _legend(frame, "en")["peduli"] == "Compliant (2)"
    assert set(exported["predikat"]) == {"Patuh HAM"} and set(exported["status"]) == {"peduli"}
    assert "Peduli HAM" in set(old["predikat"])  # earlier regimes keep their own names

    # the cycle cannot be undone while results of its year are stored; after them, it can
    with pytest.raises(ValueError, match="sudah berisi hasil"):
        undo(batch, settings, who="Admin")
    undo(imported, settings, who="Admin")
    undo(batch, settings, who="Admin")
    with Store.open(settings.db_path) as store:
        assert 2026 not in set(store.cycles()["data_year"])
        assert "E" not in set(store.regimes()["regime"])


def test_outcome_names_for_permen_ham_15_2025_when_public(settings):
    with Store.open(settings.db_path) as store:
        assert store.regime_outcomes("D").empty  # not public yet
        assert _legend(map_frame(store, 2025, "74"))["peduli"].startswith("Peduli HAM")
    entry = cycle_admin.CycleEntry(
        regime="D", source_url=URL, outcomes={"peduli": ("Patuh HAM", "Compliant")}
    )
    cycle_admin.add(entry, settings, who="Admin")
    with Store.open(settings.db_path) as store:
        assert _legend(map_frame(store, 2025, "74"))["peduli"] == "Patuh HAM (0)"
        assert _legend(map_frame(store, 2023, "74"))["peduli"].startswith("Peduli HAM")


def test_bad_entries_are_refused_with_reasons(settings):
    with Store.open(settings.db_path) as store:
        assert "tahun data 2025 sudah ada" in joined(
            cycle_admin.problems(_entry(data_year=2025), store)
        )
        bad = _entry(source_url="tidak ada", regime="x", outcomes={"emas": ("", "")})
        found = joined(cycle_admin.problems(bad, store))
    for reason in ("http(s)", "kode rezim", "kategori emas", "label hasil kosong"):
        assert reason in found
    with pytest.raises(ValueError, match="sudah ada"):
        cycle_admin.add(_entry(data_year=2024), settings, who="Admin")
    assert not list(settings.backup_dir.glob("*.duckdb"))  # refused: nothing written


def test_cli_cycle_add_list_and_rebuild_carries_it_over(settings, monkeypatch, capsys):
    from kkpham.reference.store_build import build_store

    monkeypatch.setenv("KKPHAM_DB", str(settings.db_path))
    monkeypatch.setenv("KKPHAM_BACKUP_DIR", str(settings.backup_dir))
    assert (
        cli.main(
            [
                "cycle",
                "add",
                "--data-year",
                "2026",
                "--regime",
                "E",
                "--regulation",
                "Permen Uji 1/2026",
                "--outcome",
                "peduli=Patuh HAM|Compliant",
                "--source",
                URL,
                "--who",
                "Admin",
            ]
        )
        == 0
    )
    assert "batch" in capsys.readouterr().out
    assert cli.main(["cycle", "add", "--data-year", "2026", "--regime", "E", "--source", URL]) == 1
    assert "sudah ada" in capsys.readouterr().err
    assert cli.main(["cycle", "list"]) == 0
    assert "2026\tE\tPermen Uji 1/2026" in capsys.readouterr().out
    build_store(settings, force=True)  # a maintainer's rebuild keeps the admin's cycle
    with Store.open(settings.db_path) as store:
        assert 2026 in set(store.cycles()["data_year"])
        assert list(store.regime_outcomes("E")["label_id"]) == ["Patuh HAM"]
