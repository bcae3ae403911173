"""Values from the URL, from imports or from the store, made inert before any Markdown shows them.

Streamlit renders ``st.markdown``/``st.warning``/… bodies as Markdown (links, images, HTML-like
tags, ``$`` math). Every value not written by us goes through ``md_escape``; only an http(s) URL
becomes a link (``md_link``), and only through here.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from kkpham.write.validate import is_http_url

# ":" too: unescaped, GFM auto-links the raw "https://a\.b" and shows the backslashes in it;
# with "https\://" the URL shows clean (auto-linking only ever makes http(s)/www/mail links).
# "$": no math rendering of a hash or a price.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:$])")
_SPACE = re.compile(r"\s+")
MAX_SHOWN = 80  # characters of an untrusted value echoed back in a notice


def md_escape(text: object) -> str:
    """Data text made inert inside Markdown: < > & escaped, Markdown syntax backslashed.

    Quotes stay: an entity such as &#x27; would have its # backslashed and show literally.
    """
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def md_value(raw: object, limit: int = MAX_SHOWN) -> str:
    """An untrusted value (a URL parameter) echoed in a notice: one line, bounded, escaped."""
    text = _SPACE.sub(" ", str(raw)).strip()
    if len(text) > limit:
        text = text[:limit] + "…"
    return md_escape(text)


def md_link(label: object, url: object) -> str:
    """``[label](url)`` when url is http(s); otherwise the label alone, escaped."""
    if not is_http_url(url):
        return md_escape(label)
    target = str(url).strip().replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{md_escape(label)}]({target})"


# a source link in a table shows its site ("kendaripos.fajar.co.id"), not the whole address,
# which would push the other columns out of a 1366 px page
SOURCE_DISPLAY = r"https?://(?:www\.)?([^/]+)"
# The English pages' column of the compiler's notes (written in English: not on Indonesian pages)
COMPILER_NOTE = "Compiler's note"


def web_links(urls: pd.Series) -> pd.Series:
    """The http(s) URLs of ``urls`` (None elsewhere): the only values a LinkColumn may hold."""
    return urls.where(urls.map(is_http_url), None)


def citations(urls: pd.Series) -> pd.Series:
    """The non-URL citations of ``urls`` (a decree number), shown as plain text."""
    return urls.where(~urls.map(is_http_url) & urls.fillna("").ne(""), None)


# What a table shows where nothing is recorded, in either language: every st.dataframe passes it
# as its placeholder (Streamlit's own is an English, grey "None").
MISSING = "—"


def dashed(values: pd.Series) -> pd.Series:
    """A column as text with nothing recorded shown as a dash, never as None, nan or <NA>."""
    return values.astype("string").fillna(MISSING).replace({"": MISSING, "<NA>": MISSING})
