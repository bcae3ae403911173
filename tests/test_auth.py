"""Write access: scrypt password hashes, configuration, and the data page's two modes."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_importer import csv_bytes, make_resolver, make_settings, row

from kkpham.auth import PasswordError, auth_config, check_hash, hash_password, verify_password
from kkpham.stewardship import audit_log, commit_file

PASSWORD = "kata-sandi-uji-123"
HASH = hash_password(PASSWORD)  # ~50 ms; once per module


def test_hash_round_trip_and_salting() -> None:
    assert verify_password(PASSWORD, HASH)
    assert not verify_password(PASSWORD + "x", HASH)
    assert not verify_password("", HASH)
    assert hash_password(PASSWORD) != HASH  # random salt
    assert PASSWORD not in HASH and HASH.startswith("scrypt$16384$8$1$")


@pytest.mark.parametrize("bad", ["", "plain", "scrypt$1$8$1$AA$BB", "scrypt$x$8$1$AA$BB",
                                 "md5$16384$8$1$AA$BB", "scrypt$16384$8$1$AA$"])  # fmt: skip
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
    commit_file(csv_bytes([row("Konawe", note="catatan *tebal*")]), "a.csv",
                make_resolver(), settings, who="Rina <b>")  # fmt: skip
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
    app.button(key="undo_confirm").click().run()
    assert not app.exception
    entry = next(r for r in audit_log(app_env.db_path) if r["batch_id"] == 2)
    assert entry["undone_by"] == "Budi" and pd.notna(entry["undone_at"])
