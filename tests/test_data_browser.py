"""The data page in a real browser: upload, preview, errors, login, commit, audit log, undo.

Runs the app (`streamlit run dashboard.py`) on a synthetic store (`tests/synthetic.py`, built
without its import, so that the upload here is batch 2 and Sulawesi Tenggara has no row in data
year 2023 by construction) with a test password
and backups in tmp, and drives Debian Chromium through what a Kanwil official does: open /data,
see that saving needs a login, download the template, upload a file with one bad row (errors in
plain Indonesian, rows in error downloadable), upload the corrected file, log in, save it, see the
batch in the log and the map's summary for Sulawesi Tenggara 2023 change, undo it, see it gone.
Every request stays on localhost and the console stays clean. The rows are synthetic.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from bench.harness import STATUS_PATHS, is_local, serve
from kkpham.model.mapdata import province_summary
from kkpham.settings import Settings
from kkpham.store import Store
from kkpham.write.auth import hash_password

pytestmark = pytest.mark.browser
# Every step waits for a Streamlit rerun, which takes seconds on a loaded 2-core machine (the
# suite runs in parallel): Playwright's 5 s default failed there before and after issue 8.
expect.set_options(timeout=30_000)

PASSWORD = "kata-sandi-uji-123"
YEAR, PROVINCE = 2023, "74"  # the synthetic store has no claim for Sultra in data year 2023
HEADER = "tahun_data,provinsi,kabupaten_kota,predikat,nilai,sumber,keterangan\n"
GOOD_ROWS = (  # Kendari twice with different predikat: a conflict inside the file
    "2023,Sultra,Kota Kendari,Peduli HAM,85,https://kendarikota.go.id/uji-kkp-2023,uji\n"
    "2023,Sultra,Kota Kendari,Cukup Peduli HAM,,https://berita.example.com/uji-kendari,uji\n"
    "2023,Sulawesi Tenggara,Kabupaten Konawe,Belum Peduli HAM,,MHA-01.HA.02.01.01 Tahun 2024,uji\n"
)
GOOD = (HEADER + GOOD_ROWS).encode()
BAD = (HEADER + GOOD_ROWS + "2023,Sultra,Konawee,Peduli HAM,,https://konawe.go.id/uji,\n").encode()
WHO = "Rina (Kanwil Sultra)"
# Streamlit's frontend, opened on a deep link such as /data, first probes /data/_stcore/* to find
# its base path and falls back to /: those 404s are the framework's (as in test_browser.py).
BASE_PATH_PROBE = re.compile(r"/[a-z]+/_stcore/(health|host-config)$")


@pytest.fixture(scope="module")
def store_copy(built_settings: Settings, tmp_path_factory) -> Path:
    from synthetic import build_synthetic

    folder = tmp_path_factory.mktemp("data_browser")
    return build_synthetic(built_settings, folder, with_import=False).db_path


@pytest.fixture(scope="module")
def app_url(store_copy: Path, artifacts: Path):
    env = {
        "KKPHAM_DB": str(store_copy),
        "KKPHAM_BACKUP_DIR": str(store_copy.parent / "backups"),
        "KKPHAM_ADMIN_PASSWORD_HASH": hash_password(PASSWORD),
    }
    with serve(env=env, log=artifacts / "data_browser_app.log") as url:
        yield url


class Watch:
    """Every request URL and every console/page error of the pages it is attached to."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []

    def attach(self, page: Page) -> Page:
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

        def on_console(msg) -> None:
            if msg.type == "error" and not BASE_PATH_PROBE.search(msg.location.get("url", "")):
                self.errors.append(f"console: {msg.text} ({msg.location.get('url')})")

        page.on("console", on_console)
        return page


def settle(page: Page) -> None:
    """Wait until Streamlit has finished the rerun: no element left over from the last one."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        "!document.querySelector('[data-stale=true]')"
        " && !document.querySelector('[data-testid=stStatusWidget]')",
        timeout=30_000,
    )


def shot(page: Page, artifacts: Path, name: str) -> None:
    settle(page)
    page.screenshot(path=str(artifacts / f"data_{name}.png"), full_page=True)


def upload(page: Page, name: str, data: bytes) -> None:
    files = [{"name": name, "mimeType": "text/csv", "buffer": data}]
    # the first uploader is the file import's ("Tempel daftar" has a PDF uploader below it)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").first.set_input_files(files=files)


def uploader_words(page: Page) -> list[str]:
    """What the file import's uploader writes after each of its buttons (CSS ``::after``)."""
    zone = page.locator("[data-testid=stFileUploaderDropzone]").first
    return zone.locator("button").evaluate_all(
        "buttons => buttons.map(b => getComputedStyle(b, '::after').content)"
    )


def confirm_password(page: Page, button: str, password: str = PASSWORD) -> None:
    """Every write asks for the password again (issue 7): in the form of the write's button."""
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=button))
    form.get_by_label("Kata sandi (konfirmasi penulisan)").fill(password)


def grid_texts(page: Page, header: str, containing: str | None = None) -> list[str]:
    """The cell texts of the st.dataframe that has a column ``header`` (from the accessible
    table the grid keeps in the DOM beside its canvas); with ``containing``, wait (up to 15 s)
    until a cell holds that text, since the grid may still show the previous rerun's rows."""
    grid = page.locator("[data-testid=stDataFrame]").filter(
        has=page.locator("th[role=columnheader]", has_text=header)
    )
    expect(grid).to_have_count(1)
    if containing is not None:
        expect(grid.locator("[role=gridcell]", has_text=containing).first).to_be_attached(
            timeout=15_000
        )
    return grid.locator("[role=gridcell]").all_inner_texts()


def download(page: Page, label: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    return Path(info.value.path()).read_bytes()


def summary_text(page: Page, url: str) -> str:
    """The map page's summary beside the Sulawesi Tenggara 2023 map, once every region is drawn."""
    page.goto(f"{url}/peta?provinsi={PROVINCE}&tahun={YEAR}")
    page.wait_for_function(
        f"document.querySelectorAll({STATUS_PATHS!r}).length === 17", timeout=90_000
    )
    block = page.locator("[data-testid=stMarkdownContainer]", has_text="Daerah dengan data:")
    return re.sub(r"\s+", " ", block.first.inner_text())


def store_summary(db: Path) -> dict:
    with Store.open(db) as store:
        return province_summary(store, YEAR, PROVINCE)


def test_import_commit_and_undo_through_the_page(
    browser, app_url: str, store_copy: Path, artifacts: Path
) -> None:
    watch = Watch()
    before = store_summary(store_copy)
    assert (before["known"], before["peduli"], before["total"]) == (0, 0, 17)
    page = watch.attach(browser.new_page(viewport={"width": 1400, "height": 1100}))
    viewer = watch.attach(browser.new_page(viewport={"width": 1400, "height": 1100}))
    expect.set_options(timeout=30_000)  # a shared 2-core machine: a rerun can take seconds
    try:
        assert "Daerah dengan data: 0 dari 17" in summary_text(viewer, app_url)

        # 1. Anonymous: the page opens, saving needs a login.
        page.goto(app_url + "/data")
        expect(
            page.get_by_text("Pratinjau bisa tanpa masuk. Untuk menyimpan, masuk dulu.")
        ).to_be_visible(timeout=30_000)
        shot(page, artifacts, "1_anonim")
        assert uploader_words(page) == ['"Pilih berkas"']  # Streamlit's "Upload", in Indonesian
        template = openpyxl.load_workbook(
            io.BytesIO(download(page, "Unduh templat (XLSX, dengan petunjuk)"))
        )
        assert template.sheetnames == ["Data", "Petunjuk"]
        assert [c.value for c in template["Data"][1]][:3] == [
            "tahun_data",
            "tahun_penghargaan",
            "provinsi",
        ]

        # 2. A file with one bad row: the error in plain words, the rows in error downloadable.
        upload(page, "hasil_2023.csv", BAD)
        alert = page.locator("[data-testid=stAlert]", has_text="baris bermasalah")
        expect(alert).to_contain_text("1 baris bermasalah: berkas ini belum dapat disimpan")
        expect(alert).to_contain_text("Baris 5 (Konawee): nama 'Konawee' tidak dikenal")
        expect(alert).to_contain_text("74.02 Kabupaten Konawe")
        # a chosen file's remove and add buttons keep their icons (a rule once renamed them all)
        assert set(uploader_words(page)) == {"none"}
        cells = grid_texts(page, "Masalah / catatan")
        assert cells.count("Galat") == 1 and cells.count("Berbeda dengan baris lain") == 2
        shot(page, artifacts, "2_galat")
        fix = download(page, "Unduh baris bermasalah (CSV) untuk diperbaiki")
        errors = pd.read_csv(io.BytesIO(fix), dtype=str, keep_default_na=False)
        assert list(errors["baris"]) == ["5"] and list(errors["kabupaten_kota"]) == ["Konawee"]
        assert "tidak dikenal" in errors.loc[0, "masalah"]
        assert "74.02 Kabupaten Konawe" in errors.loc[0, "kandidat"]
        assert page.get_by_role("button", name=re.compile("^Simpan")).count() == 0

        # 3. The corrected file: a preview, in-file conflict counted, but no saving without login.
        upload(page, "hasil_2023.csv", GOOD)
        expect(page.get_by_text("Semua baris siap. Masuk untuk menyimpan.")).to_be_visible()
        expect(page.get_by_text(re.compile(r"3\s+baris siap, 0\s+bermasalah"))).to_be_visible()
        differ = page.locator("[data-testid=stAlert]", has_text="Klaim yang berbeda")
        expect(differ).to_contain_text("2 berbeda dengan baris lain di berkas ini")
        expect(differ).to_contain_text("74.71 Kota Kendari, tahun data 2023: baris 2 Peduli HAM")
        cells = grid_texts(page, "Masalah / catatan", containing="Siap")  # not the bad file's
        assert cells.count("Berbeda dengan baris lain") == 2 and cells.count("Siap") == 1
        assert "74.71 Kota Kendari" in cells and "74.02 Kabupaten Konawe" in cells
        assert page.get_by_role("button", name=re.compile("^Simpan")).count() == 0
        shot(page, artifacts, "3_pratinjau_anonim")

        # 4. Log in (one wrong password first), then save.
        page.get_by_text("Masuk untuk mengimpor atau membatalkan batch").click()
        page.get_by_label("Nama petugas (dicatat di log)").fill(WHO)
        page.get_by_label("Kata sandi", exact=True).fill("bukan-kata-sandinya")
        page.get_by_role("button", name="Masuk", exact=True).click()
        expect(page.get_by_text("Masuk gagal: kata sandi salah.")).to_be_visible()
        page.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Masuk", exact=True).click()
        expect(page.get_by_text(f"Masuk sebagai {WHO}")).to_be_visible()
        save = page.get_by_role("button", name="Simpan 3 baris sebagai satu batch")
        expect(save).to_be_visible()
        shot(page, artifacts, "4_masuk_pratinjau")
        assert store_summary(store_copy) == before  # nothing written by preview or login
        confirm_password(page, "Simpan 3 baris sebagai satu batch")
        save.click()
        expect(page.get_by_text("Tersimpan sebagai batch 2: 3 baris", exact=False)).to_be_visible()
        expect(page.get_by_text(f"Batch 2: hasil_2023.csv, 3 klaim, oleh {WHO}")).to_be_visible()
        log = grid_texts(page, "Klaim aktif", containing="hasil_2023.csv")
        assert "hasil_2023.csv" in log and WHO in log
        shot(page, artifacts, "5_tersimpan")

        # 5. The map and its summary show the batch (a fresh viewer session).
        after = store_summary(store_copy)
        assert (after["known"], after["peduli"], after["disputed"]) == (2, 1, 1)
        text = summary_text(viewer, app_url)
        assert "Peduli HAM: 1 dari 17" in text and "Daerah dengan data: 2 dari 17" in text, text
        assert "Sumber berbeda: 1 daerah" in text, text
        viewer.screenshot(path=str(artifacts / "data_6_peta_74_2023_sesudah.png"), full_page=True)
        viewer.goto(app_url + "/data")  # a viewer sees the batch but cannot undo it
        expect(viewer.get_by_text("Pratinjau bisa tanpa masuk", exact=False)).to_be_visible()
        assert viewer.get_by_role("button", name="Batalkan").count() == 0

        # 6. Undo from the page, after a confirmation.
        page.locator(".st-key-undo2").get_by_role("button", name="Batalkan").click()
        confirm = page.get_by_role("button", name="Ya, batalkan batch 2")
        expect(confirm).to_be_visible()
        shot(page, artifacts, "7_konfirmasi_batal")
        confirm_password(page, "Ya, batalkan batch 2")
        confirm.click()
        expect(page.get_by_role("button", name="Batalkan")).to_have_count(0)
        log = grid_texts(page, "Klaim aktif", containing=f"oleh {WHO}")
        assert any(c.endswith(f"oleh {WHO}") for c in log)
        shot(page, artifacts, "8_dibatalkan")
        assert store_summary(store_copy) == before
        assert "Daerah dengan data: 0 dari 17" in summary_text(viewer, app_url)
        with Store.open(store_copy) as store:
            batch = store.batches().set_index("batch_id").loc[2]
        assert batch["who"] == WHO and batch["undone_by"] == WHO and batch["n_conflicts"] == 2
    finally:
        page.close()
        viewer.close()
    outside = [u for u in watch.requests if not is_local(u)]
    assert not outside, f"requests left localhost: {outside[:5]}"
    assert not watch.errors, watch.errors
    backups = sorted((store_copy.parent / "backups").glob("*.duckdb"))
    assert [b.name.split("Z-", 1)[1] for b in backups] == ["import.duckdb", "undo-2.duckdb"]
