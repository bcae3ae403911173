"""Issue 7, defects 1 and 3 through a real browser and server.

The size limit is the server's (``server.maxUploadSize``), not only the browser widget's: a
6 MB PUT to a made-up file id of a live session is refused with 413. A hostile workbook
uploaded on the data page is answered with a plain message, and the server keeps serving.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.harness import ROOT, serve, spreadsheet_input
from kkpham.settings import Settings
from kkpham.write.importer import MAX_BYTES
from tests import hostile_xlsx as hx

pytestmark = pytest.mark.browser
UPLOAD = re.compile(r"/_stcore/upload_file/([^/]+)/([^/?]+)")


def test_config_limits_uploads_on_the_server_to_the_importer_limit() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1024 * 1024 >= MAX_BYTES
    assert config["server"]["maxUploadSize"] <= 6  # not Streamlit's 200 MB default
    assert config["server"]["address"] == "127.0.0.1"


@pytest.fixture(scope="module")
def app_url(built_settings: Settings, tmp_path_factory, artifacts: Path):
    folder = tmp_path_factory.mktemp("upload_limits")
    db = folder / "kkpham.duckdb"
    shutil.copyfile(built_settings.db_path, db)
    env = {"KKPHAM_DB": str(db), "KKPHAM_BACKUP_DIR": str(folder / "backups")}
    with serve(env=env, log=artifacts / "upload_limits_app.log") as url:
        yield url


def upload(page, name: str, data: bytes) -> None:
    # By its label, not the page's first file input: the paste section's PDF uploader is one too,
    # and while the page is still drawing the first input found can be that one.
    spreadsheet_input(page).set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": data}
    )


def test_hostile_workbook_is_answered_and_an_oversized_put_refused(browser, app_url, artifacts):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    puts: list[tuple[str, dict]] = []
    page.on("request", lambda r: puts.append((r.url, r.headers)) if UPLOAD.search(r.url) else None)
    page.goto(app_url + "/data")
    expect(page.get_by_text("Impor hasil")).to_be_visible(timeout=60_000)
    upload(page, "serangan.xlsx", hx.far_cell("XFD1048576"))  # 1.7 KB that once took 7 GB
    expect(page.get_by_text("maksimal", exact=False).first).to_be_visible(timeout=60_000)
    page.screenshot(path=str(artifacts / "upload_far_cell.png"), full_page=True)
    assert puts, "the page uploaded nothing"
    url, headers = next((u, h) for u, h in puts if h.get("x-xsrftoken"))
    too_big = b"a" * (6 * 1024 * 1024 + 1)
    made_up = UPLOAD.sub(lambda m: f"/_stcore/upload_file/{m[1]}/karangan-{m[2]}", url)
    big = context.request.put(
        made_up,
        headers={"X-Xsrftoken": headers["x-xsrftoken"]},
        multipart={"file": {"name": "besar.csv", "mimeType": "text/csv", "buffer": too_big}},
    )
    assert big.status == 413, big.status
    small = context.request.put(
        made_up,
        headers={"X-Xsrftoken": headers["x-xsrftoken"]},
        multipart={"file": {"name": "kecil.csv", "mimeType": "text/csv", "buffer": b"a"}},
    )
    assert small.status == 204  # the same request under the limit goes through: 413 is the size
    page.goto(app_url + "/peta")  # and the server still serves the map
    expect(page.locator(".js-plotly-plot")).to_be_visible(timeout=60_000)
    context.close()
