"""Write access: scrypt password hashes, configuration, and the data page's two modes."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_importer import csv_bytes, make_resolver, make_settings, row

from kkpham.write.auth import (
    IDLE_LOGOUT,
    LoginThrottle,
    PasswordError,
    attempt_login,
    auth_config,
    check_hash,
    hash_password,
    verify_password,
)
from kkpham.write.stewardship import audit_log, commit_file

PASSWORD = "kata-sandi-uji-123"
HASH = hash_password(PASSWORD)  # ~50 ms; once per module


def test_hash_round_trip_and_salting() -> None:
    assert verify_password(PASSWORD, HASH)
    assert not verify_password(PASSWORD + "x", HASH)
    assert not verify_password("", HASH)
    assert hash_password(PASSWORD) != HASH  # random salt
    assert PASSWORD not in HASH and HASH.startswith("scrypt$16384$8$1$")


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "plain",
        "scrypt$1$8$1$AA$BB",
        "scrypt$x$8$1$AA$BB",
        "md5$16384$8$1$AA$BB",
        "scrypt$16384$8$1$AA$",
    ],
)
def test_malformed_hashes_never_match_and_are_reported(bad: str) -> None:
    assert not verify_password(PASSWORD, bad)
    with pytest.raises(PasswordError):
        check_hash(bad)


def test_short_password_refused() -> None:
    with pytest.raises(PasswordError, match="minimal"):
        hash_password("pendek")


def test_configuration_sources() -> None:
    assert not auth_config("", {}).writing_enabled
    assert auth_config(HASH, {}).password_hash == HASH
    from_secrets = auth_config("", {"kkpham": {"admin_password_hash": HASH}})
    assert from_secrets.writing_enabled
    with pytest.raises(PasswordError):  # a broken hash is an error at start, not a silent "off"
        auth_config("not-a-hash", {})
    oidc_only = auth_config("", {"auth": {"redirect_uri": "http://x"}})
    assert oidc_only.oidc and not oidc_only.writing_enabled  # OIDC needs a list of writers
    oidc = auth_config("", {"auth": {}, "kkpham": {"admin_emails": ["Ana@Kanwil.go.id"]}})
    assert oidc.writing_enabled and oidc.may_write("ana@kanwil.go.id")
    assert not oidc.may_write("eve@example.com") and not oidc.may_write(None)


# -- the data page --------------------------------------------------------------------------------
@pytest.fixture
def app_env(tmp_path, monkeypatch):
    settings = make_settings(tmp_path)
    commit_file(
        csv_bytes([row("Konawe", note="catatan *tebal*")]),
        "a.csv",
        make_resolver(),
        settings,
        who="Rina <b>",
    )
    monkeypatch.setenv("KKPHAM_DB", str(settings.db_path))
    monkeypatch.setenv("KKPHAM_BACKUP_DIR", str(settings.backup_dir))
    monkeypatch.delenv("KKPHAM_ADMIN_PASSWORD_HASH", raising=False)
    return settings


def run_page() -> AppTest:
    app = AppTest.from_file("../pages/data.py", default_timeout=30)
    app.secrets["_"] = {}  # no [kkpham] or [auth] section
    return app.run()


def test_page_without_configuration_is_read_only(app_env) -> None:
    app = run_page()
    assert not app.exception
    assert any("belum diaktifkan" in i.value for i in app.info)
    assert "hash-password" in " ".join(i.value for i in app.info)
    assert not [b for b in app.button if b.key and b.key.startswith("undo")]
    logs = [d.value for d in app.dataframe if "batch_id" in d.value.columns]
    assert len(logs) == 1 and sorted(logs[0]["batch_id"]) == [1, 2]


def test_the_english_page_says_how_to_enable_writing_in_english(app_env) -> None:
    app = AppTest.from_file("../pages/data.py", default_timeout=30)
    app.secrets["_"] = {}
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception
    notes = " ".join(i.value for i in app.info)
    assert "not enabled yet" in notes and "hash-password" in notes
    assert "belum diaktifkan" not in notes


def test_cycle_tables_read_in_words_not_column_names_or_none(app_env) -> None:
    app = run_page()
    tables = [d for d in app.dataframe if {"data_year", "label_id"} & set(d.value.columns)]
    assert len(tables) == 2
    for table in tables:
        labels = [c.get("label") for c in json.loads(table.proto.columns).values()]
        assert "_" not in "".join(label for label in labels if label)  # no "data_year"
        assert not table.value.isna().any().any()  # a gap reads "—", never "None"
    assert "Tahun data" in tables[0].proto.columns


def test_login_then_undo_from_the_page(app_env, monkeypatch) -> None:
    monkeypatch.setenv("KKPHAM_ADMIN_PASSWORD_HASH", HASH)
    app = run_page()
    app.text_input(key="login_name").input("Budi")
    app.text_input(key="login_password").input("salah-sekali-123")
    submit = next(b for b in app.button if "Masuk" in str(b.label))
    submit.click().run()
    assert any("kata sandi" in e.value for e in app.error)
    app.text_input(key="login_password").input(PASSWORD)
    next(b for b in app.button if "Masuk" in str(b.label)).click().run()
    assert any("Budi" in s.value for s in app.success)
    # data text in Markdown is escaped: the batch's who shows literally, no raw tag
    texts = " ".join(m.value for m in app.markdown)
    assert "<b>" not in texts and "Rina &lt;b&gt;" in texts
    app.button(key="undo2").click().run()
    confirm_write(app, "salah-sekali-123")  # a wrong confirmation writes nothing
    assert any("kata sandi salah" in e.value for e in app.error)
    assert next(r for r in audit_log(app_env.db_path) if r["batch_id"] == 2)["undone_at"] is None
    confirm_write(app, PASSWORD)
    assert not app.exception
    entry = next(r for r in audit_log(app_env.db_path) if r["batch_id"] == 2)
    assert entry["undone_by"] == "Budi" and pd.notna(entry["undone_at"])


def confirm_write(app: AppTest, password: str, key: str = "undo_confirm") -> None:
    app.text_input(key=f"{key}_password").input(password)
    next(b for b in app.button if "batalkan batch" in str(b.label)).click().run()


def login(app: AppTest, name: str = "Budi") -> None:
    app.text_input(key="login_name").input(name)
    app.text_input(key="login_password").input(PASSWORD)
    next(b for b in app.button if "Masuk" in str(b.label)).click().run()


def test_a_borrowed_login_cannot_write(app_env, monkeypatch) -> None:
    """Defect 4: a client that reattaches to an admin's session inherits its session_state.

    The login it finds shows the write controls, but writing asks for the password again.
    """
    from kkpham.ui import import_view

    monkeypatch.setenv("KKPHAM_ADMIN_PASSWORD_HASH", HASH)
    app = run_page()
    login(app)
    assert any("Masuk sebagai" in s.value for s in app.success)
    app.button(key="undo2").click().run()
    for attempt in ("", "tebak-tebakan-1"):
        confirm_write(app, attempt)
    assert next(r for r in audit_log(app_env.db_path) if r["batch_id"] == 2)["undone_at"] is None
    # the login lapses after the idle timeout (time injected, not waited for)
    start = import_view.clock()
    monkeypatch.setattr(import_view, "clock", lambda: start + IDLE_LOGOUT + 1)
    app.run()
    assert not any("Masuk sebagai" in s.value for s in app.success)
    assert any("berakhir" in i.value for i in app.info)


def test_malformed_hash_is_refused_at_start_and_shown_literally(app_env, monkeypatch) -> None:
    """Defect 8: N=2**20 passed the start-up check, then every login crashed in scrypt."""
    huge = "scrypt$1048576$8$1$" + HASH.split("$", 5)[4] + "$" + HASH.split("$", 5)[5]
    with pytest.raises(PasswordError, match="MiB"):
        auth_config(huge, {})
    assert not verify_password(PASSWORD, huge)  # never raises
    monkeypatch.setenv("KKPHAM_ADMIN_PASSWORD_HASH", "scrypt$garbage$")
    app = run_page()
    assert not app.exception
    shown = " ".join(e.value for e in app.error)
    assert "scrypt\\$N\\$r" in shown  # "$" escaped: no Markdown math mangles the message


# -- throttling across sessions -------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_throttle_backs_off_per_name_and_overall() -> None:
    clock = Clock()
    t = LoginThrottle(free=3, free_overall=5, base_delay=2.0, max_delay=60.0, clock=clock)
    for _ in range(3):
        assert t.begin("Budi") == 0  # each attempt counts until it succeeds
    assert t.wait_seconds("budi ") == 2.0  # names compare case- and space-insensitively
    assert t.begin("Budi") == 2.0  # refused: not counted, password never checked
    clock.now += 2.0
    assert t.begin("Budi") == 0
    assert t.wait_seconds("Budi") == 4.0  # doubles
    # the name is free text: other names share the overall counter
    assert t.begin("Ani") == 0
    assert t.wait_seconds("Eve") == 2.0 and t.begin("Eve") == 2.0
    for _ in range(10):
        clock.now += 1000
        t.begin("Budi")
    clock.now += 0.1
    assert t.wait_seconds("Budi") <= 60.0  # capped
    t.succeeded("Budi")
    assert t.wait_seconds("Budi") == 0 and t.wait_seconds("Eve") == 0


def test_throttle_forgets_old_failures_and_is_thread_safe() -> None:
    import threading

    clock = Clock()
    t = LoginThrottle(free=5, free_overall=1000, forget_after=100.0, clock=clock)
    started: list[float] = []
    threads = [threading.Thread(target=lambda: started.append(t.begin("x"))) for _ in range(40)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert started.count(0) == 5  # parallel guesses cannot slip past the count
    clock.now += 101
    assert t.wait_seconds("x") == 0


def test_attempt_login_does_not_check_while_throttled() -> None:
    t = LoginThrottle(free=1, clock=Clock())
    assert attempt_login(t, "a", "salah-sekali-123", HASH) == (False, 0.0)
    ok, wait = attempt_login(t, "a", PASSWORD, HASH)  # right password, but must wait
    assert not ok and wait > 0
    t.clock.now += wait
    assert attempt_login(t, "a", PASSWORD, HASH) == (True, 0.0)
    assert t.wait_seconds("a") == 0


def test_lockout_survives_a_new_session(app_env, monkeypatch) -> None:
    from kkpham.ui.import_view import login_throttle

    monkeypatch.setenv("KKPHAM_ADMIN_PASSWORD_HASH", HASH)
    login_throttle.clear()
    login_throttle().clock = Clock()  # frozen: the back-off cannot run out under a loaded CI
    try:
        first = run_page()
        for _ in range(5):
            first.text_input(key="login_name").input("Budi")
            first.text_input(key="login_password").input("salah-sekali-123")
            next(b for b in first.button if "Masuk" in str(b.label)).click().run()
        second = run_page()  # a fresh session, as a new browser tab would open
        second.text_input(key="login_name").input("budi")  # same name, other case
        second.text_input(key="login_password").input(PASSWORD)
        next(b for b in second.button if "Masuk" in str(b.label)).click().run()
        assert any("Terlalu banyak percobaan" in e.value for e in second.error)
        assert not any("Masuk sebagai" in s.value for s in second.success)
    finally:
        login_throttle.clear()


def test_export_starts_from_the_current_selection(app_env) -> None:
    """Province and year carried in the URL preselect the export (the 'current selection')."""
    app = AppTest.from_file("../pages/data.py", default_timeout=30)
    app.secrets["_"] = {}
    app.query_params["provinsi"], app.query_params["tahun"] = "74", "2022"
    app.run()
    assert not app.exception
    assert app.selectbox(key="export_year").value == 2022
    assert app.selectbox(key="export_province").value == "74"


def test_each_indonesian_uploader_names_its_own_file_types(app_env) -> None:
    """The uploaders' English words are replaced per uploader (scoped by its key's class): the
    PDF uploader beside the spreadsheet one said "CSV, XLSX" when one rule covered both."""
    app = run_page()
    assert not app.exception
    css = [m.value for m in app.markdown if "stFileUploaderDropzone" in m.value]
    by_key = {key: [c for c in css if f'[class*="st-key-{key}"]' in c] for key in ("upload",)}
    assert len(by_key["upload"]) == 1 and "CSV, XLSX" in by_key["upload"][0]
    for rule in css:  # never an unscoped rule that restyles every uploader on the page
        body = rule.split("<style>")[1]
        selectors = [s for s in body.split("}") if "{" in s]
        assert all(s.strip().startswith("[class*=") for s in selectors), rule
    pdf = [c for c in css if "st-key-paste_pdf" in c]
    assert all("PDF" in c and "CSV" not in c for c in pdf)
