"""The URL is the state: one place reads, validates, writes back and carries the shared parameters.

Shared parameters (``SHARED``): ``provinsi`` (province code), ``tahun`` and ``tahun2`` (data years),
``jenis_tahun`` (``data`` | ``penghargaan``: which year labels lead), ``tampilan`` (map view:
absent = one year, ``banding`` = two years), ``lang`` (``id`` default | ``en``), ``versi`` (the data
build a link was made from) and ``kode`` (a kab/kota). Streamlit clears the query string when the
user switches page in the navigation bar, so every page starts with ``begin_page``: on a page
switch it writes the shared values of the previous page back into the URL, and it keeps a copy
of them in ``st.session_state``. Links between pages (``link``) carry them too, because a link
opens a new session. An invalid value falls back to the default with a visible notice and is
replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import urlencode

import streamlit as st

from kkpham.ui.safe_text import md_escape, md_value

SHARED = ("provinsi", "tahun", "tahun2", "jenis_tahun", "tampilan", "lang", "versi", "kode")
LANGS = ("id", "en")
YEAR_MODES = {"data": "data", "penghargaan": "award"}  # URL value -> timeline year mode
_STORE = "_url_shared"  # session copy of the shared parameters (survives page switches)
_PAGE = "_url_page"
_MAX_SHOWN = 40
ABSENT = ""  # widget value standing for "parameter not in the URL"


def shown(raw: str) -> str:
    """A URL value made inert to echo in a notice: one line, bounded, Markdown escaped."""
    return md_value(raw, _MAX_SHOWN)


def _store() -> dict[str, str]:
    return st.session_state.setdefault(_STORE, {})


def begin_page(page: str) -> str:
    """Call first on every page: restore the shared parameters after a page switch; the language.

    On the same page the URL is authoritative (back/forward, an edited link); after a switch, a
    shared parameter missing from the URL is taken from the previous page.
    """
    kept = _store()
    if st.session_state.get(_PAGE) not in (None, page):
        for param in SHARED:
            if param not in st.query_params and param in kept:
                st.query_params[param] = kept[param]
    st.session_state[_PAGE] = page
    kept.clear()
    kept.update({p: st.query_params[p] for p in SHARED if p in st.query_params})
    from kkpham.ui import look

    look.compact()
    return lang_param()


def page_title(title: str, lang: str) -> None:
    """The page's title, with the language switch at its right (the navigation sits in the top
    bar, so the page has no sidebar and its content the window's whole width)."""
    left, right = st.columns([4, 1], vertical_alignment="center")
    left.title(title)
    language_switch(lang, right)


def read_param(
    param: str, options: Sequence[str | None], default: str | None
) -> tuple[str | None, str | None]:
    """(valid value, rejected raw value or None). Absent → default; invalid → default + raw."""
    raw = st.query_params.get(param)
    if raw is None:
        return default, None
    if raw in options:
        return raw, None
    return default, raw


def write_param(param: str, value: str | None) -> None:
    """Set (or, for None, remove) a parameter in the URL and in the session copy."""
    kept = _store() if param in SHARED else {}
    if value is None:
        if param in st.query_params:
            del st.query_params[param]
        kept.pop(param, None)
    else:
        if st.query_params.get(param) != value:
            st.query_params[param] = value
        kept[param] = value


def shared_params(**overrides: str | None) -> dict[str, str]:
    """The shared parameters now in force, with ``overrides`` (None removes one)."""
    params = {p: st.query_params[p] for p in SHARED if p in st.query_params}
    for key, value in overrides.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params


def link(url_path: str, **overrides: str | None) -> str:
    """A relative link to another page carrying every shared parameter (a link opens a new
    session, so the session copy does not help there)."""
    params = shared_params(**overrides)
    return f"{url_path}?{urlencode(params)}" if params else url_path


def profile_link(code: str, lang: str | None = None) -> str:
    """Link to a kab/kota profile (``wilayah``) keeping the shared parameters, with its province."""
    extra = {} if lang is None else {"lang": None if lang == "id" else lang}
    return link("wilayah", kode=code, provinsi=code.split(".")[0], **extra)


def profile_links(codes: Sequence[str]) -> list[str]:
    """``profile_link`` of many kab/kota (a table column): the URL is read once, not per row."""
    params = shared_params()
    return [
        f"wilayah?{urlencode({**params, 'kode': c, 'provinsi': c.split('.')[0]})}" for c in codes
    ]


def url_select(
    label: str,
    options: Sequence[str | None],
    *,
    param: str,
    key: str,
    default: str | None,
    format_func: Callable[[str | None], str] = str,
    container: object = st,
    help: str | None = None,
    slider: bool = False,
    disabled: bool = False,
    lang: str = "id",
) -> str | None:
    """A selectbox (or select slider) bound to ``param`` (option ``None`` = parameter absent)."""
    value, rejected = read_param(param, options, default)
    if rejected is not None:
        from kkpham.texts import t

        st.warning(
            t("url_unknown", lang, param=param, value=shown(rejected), shown=format_func(default))
        )
    # The widget holds strings; None (a selectbox placeholder) travels as ABSENT.
    widget_options = [ABSENT if o is None else o for o in options]
    wanted = ABSENT if value is None else value
    last_key = f"_url_{key}"
    url_changed = st.session_state.get(last_key, wanted) != wanted or rejected is not None
    if st.session_state.get(key) not in widget_options or url_changed:
        st.session_state[key] = wanted
    widget = container.select_slider if slider else container.selectbox  # type: ignore[attr-defined]
    chosen = widget(
        label,
        widget_options,
        key=key,
        format_func=lambda o: format_func(None if o == ABSENT else o),
        help=help,
        disabled=disabled,
    )
    st.session_state[last_key] = chosen
    result = None if chosen == ABSENT else chosen
    write_param(param, result)
    return result


def set_widget(key: str, param: str, value: str) -> None:
    """Move a ``url_select`` widget (before it is drawn) and the URL to ``value``."""
    st.session_state[key] = value
    st.session_state[f"_url_{key}"] = value
    write_param(param, value)


def follow_province(
    province: str | None, default_year: str, *, keys: Sequence[str], memo: str
) -> None:
    """When the province is changed on this page (not on first load: a URL or a page switch keeps
    its year), move the year widgets ``keys`` and ``tahun`` to the new place's default year."""
    previous = st.session_state.get(memo, "\0unset")
    st.session_state[memo] = province
    if previous == "\0unset" or previous == province:
        return
    for key in keys:
        set_widget(key, "tahun", default_year)
    write_param("tahun2", None)


def url_lang() -> str:
    """The language the URL asks for, read only ("en", else Indonesian): for what runs before a
    page's ``begin_page`` (the router's tab title and navigation) or beside it."""
    return "en" if st.query_params.get("lang") == "en" else "id"


def lang_param() -> str:
    """The language from ``lang`` (absent = Indonesian; an unknown value falls back to it)."""
    lang, _ = read_param("lang", LANGS, "id")
    write_param("lang", None if lang == "id" else lang)
    return lang or "id"


LANG_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def _switch_language(key: str) -> None:
    write_param("lang", None if st.session_state[key] == "id" else st.session_state[key])


def language_switch(lang: str, container: object) -> None:
    """The visible id/en switch on every page; it writes ``lang`` into the URL. Keyed by the
    current language so an edited link or back/forward resets it."""
    key = f"lang_switch_{lang}"
    container.radio(
        "Bahasa / Language",
        LANGS,
        index=LANGS.index(lang),
        key=key,
        format_func=LANG_NAMES.get,
        horizontal=True,
        label_visibility="collapsed",
        on_change=_switch_language,
        args=(key,),
    )


def version_param(current: str, lang: str) -> None:
    """Record the data build in the URL (``versi``); say so when a shared link's build differs."""
    linked = st.query_params.get("versi")
    if linked and linked != current:
        st.session_state["_versi_link"] = linked
    old = st.session_state.get("_versi_link")
    if old and old != current:
        from kkpham.texts import t

        st.info(t("version_note", lang, old=shown(old), new=md_escape(current)))
    write_param("versi", current)


def year_mode_select(lang: str, *, key: str, container: object = st) -> str:
    """Data year or award year leads every year label (``jenis_tahun``); returns data|award."""
    from kkpham.texts import t

    mode = url_select(
        t("year_mode", lang),
        list(YEAR_MODES),
        param="jenis_tahun",
        key=key,
        default="data",
        container=container,
        lang=lang,
        format_func=lambda m: t("mode_award" if m == "penghargaan" else "mode_data", lang),
    )
    return YEAR_MODES[mode or "data"]


def province_select(names: dict[str, str], lang: str, *, key: str, container: object = st):
    from kkpham.texts import t

    return url_select(
        t("province", lang),
        [None, *names],
        param="provinsi",
        key=key,
        default=None,
        format_func=lambda c: t("all", lang) if c is None else f"{names[c]} ({c})",
        container=container,
        lang=lang,
    )
