"""Issue 7, defect 6: a value from the URL is shown as text, never as Markdown or HTML.

``/peta?tahun=%0A%0A[Masuk di sini](https://evil.example)`` used to escape the code span of the
fallback notice and show a live outside link inside an official-looking warning. Every page runs
with hostile values in every shared parameter; no element may render them as a link or image.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from kkpham.ui.pages import present_specs
from kkpham.ui.safe_text import md_escape, md_link, md_value
from kkpham.ui.state import SHARED

EVIL = "evil.example"
HOSTILE = [
    "\n\n[Masuk di sini](https://evil.example)",
    "x`\n\n![x](https://evil.example/i.png)",
    "<img src=https://evil.example/i.png onerror=alert(1)>",
    "[a](javascript:alert(1)) $\\frac{evil.example}{1}$",
    "²",  # a digit to str.isdigit, not to int(): no crash
    "2101",  # beyond every widget's range
]
KINDS = (
    "markdown",
    "caption",
    "warning",
    "info",
    "error",
    "success",
    "title",
    "header",
    "subheader",
    "toast",
)


def shown_texts(at: AppTest) -> list[str]:
    texts = []
    for kind in KINDS:
        texts += [str(getattr(e, "value", "")) for e in getattr(at, kind)]
    return texts


# Our own relative links (to another page of the app) carry the URL's values URL-encoded: inert.
_OWN_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:)[^)\s]*\)")


def assert_inert(texts: list[str]) -> None:
    for text in texts:
        text = _OWN_LINK.sub("]()", text)
        assert EVIL not in text, text  # escaped it reads "evil\.example": no live URL
        assert "<img" not in text and "](javascript" not in text, text


@pytest.mark.parametrize("spec", present_specs(), ids=lambda s: s.url_path)
@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_url_values_are_shown_as_text(spec, value, app) -> None:
    at = app(**{param: value for param in SHARED})
    at.switch_page(spec.path).run()
    assert not at.exception, [e.value for e in at.exception]
    assert_inert(shown_texts(at))


def test_the_fallback_notice_echoes_the_value_escaped(app) -> None:
    at = app(tahun=HOSTILE[0])
    notices = [w.value for w in at.warning if "tahun=" in w.value]
    assert notices and "Masuk di sini" in notices[0] and "\\[" in notices[0]
    assert_inert(notices)


def test_safe_text_helpers() -> None:
    assert md_link("1", "javascript:alert(1)") == "1"
    assert md_link("a)b", "https://x.go.id/a b(c)") == "[a\\)b](https://x.go.id/a%20b%28c%29)"
    assert md_value("a\n\nb" + "c" * 200).startswith("a b") and md_value("x" * 200).endswith("…")
    assert md_escape("$x$ <b>") == "\\$x\\$ &lt;b&gt;"
