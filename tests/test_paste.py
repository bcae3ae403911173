"""Paste a list ("Tempel daftar"): real news paragraphs, a Kanwil-style letter with headings, a
text PDF made here (fpdf2), bounds, the CLI JSON, and commit + undo through the write path.

Names resolve with the real region table (the boundary build); stores are copies of the real
built store in a temporary folder, so nothing here touches data/.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

import kkpham.__main__ as cli
from kkpham.model.regions import resolver_for
from kkpham.store import Store
from kkpham.texts import Message, Number
from kkpham.write.paste import (
    MAX_CHARS,
    MAX_PDF_BYTES,
    MAX_PDF_PAGES,
    PasteError,
    _refusal,
    _refuse,
    check_text,
    commit_text,
    extract_rows,
    pdf_text,
)
from kkpham.write.stewardship import undo

URL = "https://example.com/berita/peduli-ham"  # test citation (synthetic)
# The example paragraph (news style, Sumatera Selatan).
SUMSEL = (
    "Sebanyak 5 kabupaten dan kota di Sumatera Selatan meraih predikat Peduli HAM, yakni "
    "Kabupaten Lahat, Muara Enim, Musi Banyuasin, Kota Palembang dan Lubuk Linggau."
)
# Quoted by analisaaceh.com (shared/reference/additions/kkpham_results_2026-11.csv): a heading
# inside the prose switches the predicate to Cukup.
ACEH = (
    "Daerah yang meraih predikat peduli Hak Asasi Manusia ini diantaranya Kabupaten Aceh "
    "Jaya, Kota Banda Aceh, dan Kota Langsa. Kabupaten dengan predikat cukup peduli HAM yaitu "
    "Kabupaten Aceh Barat, Aceh Singkil,  Aceh Tamiang, Aceh Tengah, Aceh Utara dan Pidie."
)
# A Kanwil-letter style list: headings, abbreviations in brackets, a duplicate, an unknown name,
# hyphen/spacing variants and a former name.
LETTER = """Kabupaten/Kota Peduli HAM:
1. Kabupaten Konawe Selatan (Konsel)
2. Kota Kendari
3. Kab. Konsel
4. Kota Bau-Bau
Cukup Peduli HAM:
1. Kabupaten Muna
2. Kabupaten Atlantis Raya
Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih."""


@pytest.fixture(scope="module")
def resolver(built_settings):
    return resolver_for(built_settings)


@pytest.fixture
def settings(built_settings, tmp_path):
    db = tmp_path / "kkpham.duckdb"
    shutil.copyfile(built_settings.db_path, db)
    return dataclasses.replace(built_settings, db_path=db, backup_dir=tmp_path / "backups")


def _check(text: str, resolver, settings, **kw):
    args = {"province": "Sumsel", "predikat": "Peduli HAM", "sumber": URL, "data_year": 2023}
    with Store.open(settings.db_path) as store:
        return check_text(text, resolver, store, **(args | kw))


def _names(pasted) -> list[tuple[str, str]]:
    return [(r["name"], r["status"]) for r in pasted.report.rows if "error" not in r]


def test_news_paragraph_resolves_every_kab_kota(resolver, settings):
    pasted = _check(SUMSEL, resolver, settings)
    assert pasted.report.errors == 0
    assert _names(pasted) == [
        ("Kabupaten Lahat", "peduli"),
        ("Kabupaten Muara Enim", "peduli"),
        ("Kabupaten Musi Banyuasin", "peduli"),
        ("Kota Palembang", "peduli"),
        ("Kota Lubuk Linggau", "peduli"),
    ]
    # the lead-in ("… meraih predikat Peduli HAM, yakni") is read as the heading, not as names
    assert pasted.unplaced == []
    prose = _check(
        "Sebanyak 5 kabupaten dan kota meraih penghargaan: Kota Palembang", resolver, settings
    )
    assert [u["text"] for u in prose.unplaced] == [
        "Sebanyak 5 kabupaten",
        "kota meraih penghargaan",
    ]
    assert _names(prose) == [("Kota Palembang", "peduli")]
    assert all(r["data_year"] == 2023 and r["source"] == URL for r in pasted.report.rows)


def test_a_heading_in_the_prose_switches_the_predicate(resolver, settings):
    pasted = _check(ACEH, resolver, settings, province="Aceh", data_year=None, award_year=2020)
    assert pasted.report.errors == 0 and not pasted.unplaced
    statuses = dict(_names(pasted))
    assert [n for n, s in statuses.items() if s == "peduli"] == [
        "Kabupaten Aceh Jaya",
        "Kota Banda Aceh",
        "Kota Langsa",
    ]
    assert len([s for s in statuses.values() if s == "cukup"]) == 6
    assert all(r["data_year"] == 2019 and r["data_year_derived"] for r in pasted.report.rows)


def test_letter_with_headings_abbreviations_duplicates_and_unknowns(resolver, settings):
    pasted = _check(LETTER, resolver, settings, province="Sultra")
    good = _names(pasted)
    assert ("Kabupaten Konawe Selatan", "peduli") in good  # "(Konsel)" dropped, name kept
    assert ("Kota Bau Bau", "peduli") in good  # hyphen variant
    assert ("Kabupaten Muna", "cukup") in good  # the heading switched the predicate
    # "Kab. Konsel" is Konawe Selatan again: listed as a duplicate with both lines, kept once
    assert pasted.duplicates == [{"line": 4, "name": "Kab. Konsel", "first_line": 2}]
    (bad,) = [r for r in pasted.report.rows if "error" in r]
    assert (
        bad["line"] == 8
        and "Atlantis" in str(bad["error"])
        and "tidak dikenal" in str(bad["error"])
    )
    assert {u["line"] for u in pasted.unplaced} == {9}  # the closing sentence, never a row


def test_ambiguous_names_stay_errors_with_candidates(resolver, settings):
    pasted = _check(
        "Peduli HAM: Kota Serang, Tangerang, Toba Samosir", resolver, settings, province=None
    )
    errors = [r for r in pasted.report.rows if "error" in r]
    assert [r["raw"]["kabupaten_kota"] for r in errors] == ["Tangerang"]
    assert {c.split()[0] for c in errors[0]["candidates"]} == {"36.03", "36.71"}
    assert ("Kabupaten Toba", "peduli") in _names(pasted)  # the former name resolves


def test_a_national_annex_line_carries_its_province(resolver):
    res = extract_rows(
        "1 Kabupaten Lahat Sumatera Selatan\n2 Kota Kendari Sulawesi Tenggara",
        resolver,
        None,
        "Peduli HAM",
        URL,
        data_year=2022,
    )
    assert list(res.rows["provinsi"]) == ["16", "74"]
    assert list(res.rows["kabupaten_kota"]) == ["Kabupaten Lahat", "Kota Kendari"]


def _pdf(lines: list[str], pages: int = 1) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for _ in range(pages):
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_a_text_pdf_is_read_and_a_scan_says_so(resolver, settings):
    lines = [
        "LAMPIRAN KEPUTUSAN MENTERI",
        "Peduli HAM:",
        "1. Kabupaten Konawe Selatan (Konsel)",
        "2. Kota Kendari",
        "Cukup Peduli HAM:",
        "1. Kabupaten Muna",
    ]
    data = _pdf(lines)
    pasted = _check(pdf_text(data), resolver, settings, province="74")
    assert sorted(_names(pasted)) == [
        ("Kabupaten Konawe Selatan", "peduli"),
        ("Kabupaten Muna", "cukup"),
        ("Kota Kendari", "peduli"),
    ]
    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 100, 60, style="F")  # an image-only page: no text layer
    with pytest.raises(PasteError, match="tidak punya lapisan teks") as refused:
        pdf_text(bytes(scan.output()))
    # refused in the child process, told to the English page in English
    assert refused.value.text("en").startswith("this PDF has no text layer (a scan or photo)")
    with pytest.raises(PasteError, match="halaman") as refused:
        pdf_text(_pdf(["x"], pages=MAX_PDF_PAGES + 1))
    assert refused.value.text("en").startswith(f"the PDF has {MAX_PDF_PAGES + 1} pages")
    with pytest.raises(PasteError, match="bukan PDF"):
        pdf_text(b"not a pdf")


def test_bounds_and_arguments(resolver):
    with pytest.raises(PasteError, match="terlalu panjang") as refused:
        extract_rows(
            "Kota Kendari, " * (MAX_CHARS // 10), resolver, "74", "Peduli HAM", URL, data_year=2022
        )
    assert "maksimal 60.000" in str(refused.value)  # the reader's thousands separator
    assert "at most 60,000" in refused.value.text("en")
    with pytest.raises(PasteError, match="salah satu"):
        extract_rows("Kota Kendari", resolver, "74", "Peduli HAM", URL)
    with pytest.raises(PasteError, match="sumber"):
        extract_rows("Kota Kendari", resolver, "74", "Peduli HAM", " ", data_year=2022)
    ticks = iter(range(0, 10_000, 5))  # an injected clock: each fragment "takes" 5 s
    with pytest.raises(PasteError, match="batas waktu"):
        extract_rows(
            "Kota Kendari, Kota Baubau, Kabupaten Muna",
            resolver,
            "74",
            "Peduli HAM",
            URL,
            data_year=2022,
            clock=lambda: next(ticks),
        )


def test_save_changes_the_map_and_undo_restores_it(resolver, settings):
    from kkpham.model.mapdata import map_frame

    kw = {"province": "Sumsel", "predikat": "Peduli HAM", "sumber": URL, "data_year": 2023}
    with Store.open(settings.db_path) as store:
        before = map_frame(store, 2023, "16").set_index("code")["status"]
    batch, pasted = commit_text(SUMSEL, resolver, settings, "Rina", **kw)
    assert pasted.report.ok == 5
    with Store.open(settings.db_path) as store:
        after = map_frame(store, 2023, "16").set_index("code")["status"]
        log = store.batches().set_index("batch_id")
    assert after["16.04"] == "peduli" and log.loc[batch, "origin"] == "import"
    assert log.loc[batch, "who"] == "Rina" and log.loc[batch, "file_name"] == "tempel-teks"
    assert undo(batch, settings, who="Budi") == 5
    with Store.open(settings.db_path) as store:
        assert map_frame(store, 2023, "16").set_index("code")["status"].equals(before)


def test_cli_import_text_json_has_the_shape_of_import(
    resolver, settings, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("KKPHAM_DB", str(settings.db_path))
    monkeypatch.setenv("KKPHAM_BACKUP_DIR", str(settings.backup_dir))
    monkeypatch.setattr(cli, "_resolver", lambda _settings: resolver)
    text = tmp_path / "surat.txt"
    text.write_text(LETTER, encoding="utf-8")
    args = [
        "import-text",
        str(text),
        "--province",
        "Sultra",
        "--data-year",
        "2023",
        "--sumber",
        URL,
        "--json",
    ]
    assert cli.main(args + ["--dry-run"]) == 1  # one unknown name: nothing stored
    out = json.loads(capsys.readouterr().out)
    assert {"file_name", "file_sha256", "rows", "ok", "errors", "conflicts"} <= set(out)
    assert out["errors"] == 1 and out["duplicates"] and out["unplaced"]
    text.write_text(SUMSEL, encoding="utf-8")
    good = [
        "import-text",
        str(text),
        "--province",
        "16",
        "--data-year",
        "2023",
        "--sumber",
        URL,
        "--json",
        "--who",
        "Rina",
    ]
    assert cli.main(good) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] == 5 and out["batch_id"] >= 2
    pdf = tmp_path / "lampiran.pdf"
    pdf.write_bytes(_pdf(["Peduli HAM:", "Kota Kendari"]))
    assert (
        cli.main(
            [
                "import-text",
                str(pdf),
                "--province",
                "74",
                "--data-year",
                "2023",
                "--sumber",
                URL,
                "--dry-run",
            ]
        )
        == 0
    )
    assert "74.71 Kota Kendari 2023 peduli" in capsys.readouterr().out
    assert (
        cli.main(
            [
                "import-text",
                str(tmp_path / "none.txt"),
                "--province",
                "74",
                "--data-year",
                "2023",
                "--sumber",
                URL,
            ]
        )
        == 1
    )
    assert "tidak ditemukan" in capsys.readouterr().err


def test_paste_module_is_pure(resolver):
    """Extraction never opens the store or writes: it returns rows for the importer."""
    res = extract_rows(SUMSEL, resolver, "16", "Peduli HAM", URL, data_year=2023)
    assert list(res.rows.columns)[:4] == [
        "tahun_data",
        "tahun_penghargaan",
        "provinsi",
        "kabupaten_kota",
    ]
    assert Path(__file__).exists()


def test_a_pdf_bomb_page_costs_the_server_bounded_memory_and_time():
    """Issue 7's sibling: one page whose content stream inflates to ~600 MB (a 600 KB upload)
    is parsed in a child process under an address-space limit; the server gets a message."""
    import time
    import tracemalloc
    import zlib

    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (x) Tj ET\n" + b" " * 600_000_000, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    body = b"%PDF-1.4\n" + b"".join(
        b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n" for i, o in enumerate(objects)
    )
    data = body + b"trailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n"
    assert len(data) < MAX_PDF_BYTES
    tracemalloc.start()
    start = time.monotonic()
    try:
        pdf_text(data)
    except PasteError as err:
        assert "PDF" in str(err)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 50e6 and time.monotonic() - start < 120  # the server process stayed small


def test_a_refusal_crosses_from_the_pdf_reader_intact():
    """The PDF reader's child process sends its refusal as JSON; the page tells it in its
    language, numbers with its separators; what is not a refusal of ours is named as such."""
    sent = PasteError(
        Message("pst_pdf_pages", n=41, max=40),
        Message("pst_pdf_text_long", max=Number(60_000)),
    )
    received = _refusal(_refuse(sent))
    assert received.messages == sent.messages
    assert received.text("en").endswith("longer than 60,000 characters")
    assert str(received).endswith("lebih dari 60.000 karakter")
    for line in ("", "Killed", '[{"key": "pst_pdf_pages", "values": {"n": 3}}]', "[1]"):
        assert _refusal(line).messages[0].key == "pst_pdf_unreadable", line
