"""The text catalogue: both languages, same keys, same placeholders, no raw keys in use."""

import pickle
import re
import string
from pathlib import Path

import pytest

from kkpham.texts import ENTRIES, LANGS, TEXT, Explained, Message, Number, Refused, explained, t

ROOT = Path(__file__).resolve().parents[1]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_have_the_same_keys():
    assert set(TEXT["id"]) == set(TEXT["en"]) == set(ENTRIES)
    assert LANGS == ("id", "en")


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_same_placeholders_and_nothing_empty(key):
    ind, eng = ENTRIES[key]
    assert _fields(ind) == _fields(eng), key
    assert ind.strip() and eng.strip(), key


def test_lookup_formats_and_falls_back_to_indonesian():
    assert t("change_title", "en", a="2019", b="2022", place="X") == "Change 2019 → 2022 — X"
    assert t("province", "xx") == t("province", "id") == "Provinsi"


def test_every_key_used_in_code_exists():
    """A ``t("key", …)`` call with an unknown key would raise on a page: catch it here."""
    used = set()
    for path in [*ROOT.glob("kkpham/**/*.py"), *ROOT.glob("pages/*.py")]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\b(?:t|Message)\(\s*\"([a-z_A-Z0-9]+)\"", text))
    assert used - set(ENTRIES) == set()


def test_wording_a_fluent_reader_does_not_stumble_on():
    banned = (
        "baris kami",
        "data kami",
        "pita",
        "rangkaian",
        "pun boleh",
        "setidaknya",
        "paling banyak",
    )
    found = {
        (key, word) for key, (ind, _) in ENTRIES.items() for word in banned if word in ind.lower()
    }
    assert found == set()


def test_a_message_is_told_in_the_readers_language_when_shown():
    """The write path makes Messages; pages show them in their language, logs in Indonesian."""
    where = Message("res_in_province", province="Sulawesi Tenggara")
    message = Message("res_unknown", name="Konawee", where=where, hint="")
    assert str(message) == "nama 'Konawee' tidak dikenal di provinsi Sulawesi Tenggara"
    assert (
        message.text("en") == "the name 'Konawee' is not known in the province of Sulawesi Tenggara"
    )
    size = Message("imp_too_big", mb=Number(5.25, 1), max=Number(5, 0))
    assert (str(size), size.text("en")) == (
        "berkas terlalu besar (5,2 MB; maksimal 5 MB)",
        "the file is too big (5.2 MB; at most 5 MB)",
    )
    named = Message(
        "val_not_in_regime",
        label="x",
        regulation="r",
        named=[Message("status_peduli"), Message("status_cukup")],
    )
    assert named.text("en").endswith("; its outcomes are Peduli HAM (rights-caring), Fairly caring")
    with pytest.raises(KeyError):
        Message("no_such_key")  # fails where it is made, not on a page


def test_an_explained_error_carries_messages_only():
    err = Refused(Message("imp_empty"), Message("imp_no_rows"))
    assert str(err) == "berkas kosong; tidak ada baris data di bawah judul kolom"
    assert err.text("en") == "the file is empty; no data rows below the column headers"
    assert isinstance(err, ValueError)
    with pytest.raises(TypeError):
        Explained("a plain string")
    other = explained(ValueError("disk says no"))  # another library's words, as they are
    assert other.text("en") == other.text("id") == "disk says no"


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_messages_and_their_errors_survive_pickling(protocol):
    from kkpham.model.resolver import ResolveError
    from kkpham.store import StoreMissing
    from kkpham.ui.reads import StoreUnavailable
    from kkpham.write.importer import ImportFileError

    where = Message("res_as_province")
    for err in (
        ImportFileError(Message("imp_too_big", mb=Number(5.25, 1), max=Number(5, 0))),
        ResolveError("Konawee", "unknown", [("74.02", "Kabupaten Konawe")], where),
        StoreUnavailable("store_busy", path="data/kkpham.duckdb", error="locked"),
        StoreMissing(Path("data/kkpham.duckdb")),
    ):
        again = pickle.loads(pickle.dumps(err, protocol))
        assert type(again) is type(err) and again.messages == err.messages
        assert (again.text("en"), str(again)) == (err.text("en"), str(err))


def test_a_score_is_shown_as_written():
    """Rounded to 3 decimals, a score just under 75 read "a score of 75, below 75"."""
    score = Number(74.99996, max_decimals=9)
    assert Message("val_score_below_peduli", score=score, min=75).text("en") == (
        "a score of 74.99996, below 75, does not match Peduli HAM"
    )


def test_a_store_not_built_says_so_in_either_language(tmp_path):
    from kkpham.store import Store, StoreMissing

    with pytest.raises(FileNotFoundError) as missing:  # what callers catch
        Store.open(tmp_path / "none.duckdb")
    assert isinstance(missing.value, StoreMissing)
    assert str(missing.value).endswith("tidak ada: jalankan `python -m kkpham build`")
    assert missing.value.text("en").endswith("does not exist: run `python -m kkpham build`")
