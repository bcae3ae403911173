"""The text catalogue: both languages, same keys, same placeholders, no raw keys in use."""

import re
import string
from pathlib import Path

import pytest

from kkpham.texts import ENTRIES, LANGS, TEXT, t

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
        used |= set(re.findall(r"\bt\(\s*\"([a-z_A-Z0-9]+)\"", path.read_text(encoding="utf-8")))
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
