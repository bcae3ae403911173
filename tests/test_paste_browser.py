""" "Tempel daftar" in a real browser: paste a Kanwil-style list on /data, see the preview, log in,
save, see the Sulawesi Tenggara 2023 map change, undo it and see it back as before.

The list and the source are synthetic (a test store copy in tmp); the names are real kab/kota.
The login steps live in ``login`` only, so a change to the login form is one edit here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_data_browser import Watch, grid_texts, shot, store_summary, summary_text

from bench.harness import is_local, serve
from kkpham.settings import Settings
from kkpham.write.auth import hash_password

pytestmark = pytest.mark.browser

PASSWORD = "kata-sandi-uji-456"
WHO = "Budi (Kanwil Sultra)"
LIST = """Kabupaten/Kota Peduli HAM:
1. Kota Kendari
2. Kabupaten Konawe Selatan (Konsel)
3. Kab. Konsel
Cukup Peduli HAM:
1. Kabupaten Muna
Demikian disampaikan."""
SOURCE = "https://berita.example.com/uji-tempel-daftar"


@pytest.fixture(scope="module")
def store_copy(built_settings: Settings, tmp_path_factory) -> Path:
    """The synthetic test store (no Sulawesi Tenggara 2023 rows, whatever the real data holds)."""
    from synthetic import build_synthetic

    folder = tmp_path_factory.mktemp("paste_browser")
    return build_synthetic(built_settings, folder, with_import=False).db_path


@pytest.fixture(scope="module")
def app_url(store_copy: Path, artifacts: Path):
    env = {
        "KKPHAM_DB": str(store_copy),
        "KKPHAM_BACKUP_DIR": str(store_copy.parent / "backups"),
        "KKPHAM_ADMIN_PASSWORD_HASH": hash_password(PASSWORD),
    }
    with serve(env=env, log=artifacts / "paste_browser_app.log") as url:
        yield url


def login(page: Page, who: str = WHO, password: str = PASSWORD) -> None:
    """Every step of logging in on the data page (adapt here when the login form changes)."""
    page.get_by_text("Masuk untuk mengimpor atau membatalkan batch").click()
    page.get_by_label("Nama petugas (dicatat di log)").fill(who)
    page.get_by_label("Kata sandi", exact=True).fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page.get_by_text(f"Masuk sebagai {who}")).to_be_visible(timeout=30_000)


def confirm(page: Page, button: str, password: str = PASSWORD) -> None:
    """Every write asks for the password again (issue 7): in the form of the write's button."""
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=button))
    form.get_by_label("Kata sandi (konfirmasi penulisan)").fill(password)


def test_paste_preview_save_map_and_undo(browser, app_url, store_copy, artifacts) -> None:
    watch = Watch()
    before = store_summary(store_copy)
    page = watch.attach(browser.new_page(viewport={"width": 1366, "height": 1100}))
    viewer = watch.attach(browser.new_page(viewport={"width": 1366, "height": 768}))
    expect.set_options(timeout=30_000)  # a shared 2-core machine: reruns can take seconds
    for p in (page, viewer):
        p.set_default_timeout(30_000)
    try:
        assert "Daerah dengan data: 0 dari 17" in summary_text(viewer, app_url)
        page.goto(app_url + "/data?provinsi=74&tahun=2023")
        expect(page.get_by_text("Tempel daftar", exact=True)).to_be_visible(timeout=30_000)
        login(page)
        page.get_by_role("textbox", name="Teks daftar").fill(LIST)
        page.get_by_label("Sumber (tautan berita/situs atau nomor Keputusan Menteri)").fill(SOURCE)
        page.get_by_role("button", name="Pratinjau", exact=True).click()
        expect(page.get_by_text(re.compile(r"3\s+baris siap, 0\s+bermasalah"))).to_be_visible()
        cells = grid_texts(page, "Masalah / catatan", containing="74.71 Kota Kendari")
        assert "74.05 Kabupaten Konawe Selatan" in cells and "74.03 Kabupaten Muna" in cells
        expect(page.get_by_text("1 nama disebut dua kali (disimpan sekali):")).to_be_visible()
        expect(page.get_by_text(re.compile(r"1 potongan teks tidak ditempatkan"))).to_be_visible()
        shot(page, artifacts, "tempel_1_pratinjau")
        assert store_summary(store_copy) == before  # the preview wrote nothing

        confirm(page, "Simpan 3 baris sebagai satu batch")
        page.get_by_role("button", name="Simpan 3 baris sebagai satu batch").click()
        expect(page.get_by_text("Tersimpan sebagai batch 2: 3 baris", exact=False)).to_be_visible()
        shot(page, artifacts, "tempel_2_tersimpan")
        after = store_summary(store_copy)
        assert (after["known"], after["peduli"], after["cukup"]) == (3, 2, 1)
        text = summary_text(viewer, app_url)
        assert "Peduli HAM: 2 dari 17" in text and "Daerah dengan data: 3 dari 17" in text, text
        viewer.screenshot(path=str(artifacts / "data_tempel_3_peta.png"), full_page=True)

        page.locator(".st-key-undo2").get_by_role("button", name="Batalkan").click()
        confirm(page, "Ya, batalkan batch 2")
        page.get_by_role("button", name="Ya, batalkan batch 2").click()
        expect(page.get_by_role("button", name="Batalkan")).to_have_count(0, timeout=30_000)
        assert store_summary(store_copy) == before
        assert "Daerah dengan data: 0 dari 17" in summary_text(viewer, app_url)
    finally:
        page.close()
        viewer.close()
    outside = [u for u in watch.requests if not is_local(u)]
    assert not outside, f"requests left localhost: {outside[:5]}"
    assert not watch.errors, watch.errors
