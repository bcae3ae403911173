"""The URL is the state: one helper reads a query parameter, validates it, drives a widget.

Every shareable choice (province, year, later a second year or the language) goes through
``url_select``. An invalid value falls back to the default with a visible notice and is replaced in
the URL. A widget change is written back to the URL; a URL change (back/forward) moves the widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

_MAX_SHOWN = 40
ABSENT = ""  # widget value standing for "parameter not in the URL"


def _shown(raw: str) -> str:
    """A URL value made safe to echo in Markdown: no backticks, bounded length."""
    clean = raw.replace("`", "'")
    return clean if len(clean) <= _MAX_SHOWN else clean[:_MAX_SHOWN] + "…"


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
    if value is None:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value


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
) -> str | None:
    """A selectbox bound to query parameter ``param`` (option ``None`` = parameter absent)."""
    value, rejected = read_param(param, options, default)
    if rejected is not None:
        st.warning(
            f"Nilai `{param}={_shown(rejected)}` di URL tidak dikenal; "
            f"ditampilkan {format_func(default)}."
        )
    # The widget holds strings; None (a selectbox placeholder) travels as ABSENT.
    widget_options = [ABSENT if o is None else o for o in options]
    wanted = ABSENT if value is None else value
    last_key = f"_url_{key}"
    url_changed = st.session_state.get(last_key, wanted) != wanted or rejected is not None
    if st.session_state.get(key) not in widget_options or url_changed:
        st.session_state[key] = wanted
    chosen = container.selectbox(  # type: ignore[attr-defined]
        label,
        widget_options,
        key=key,
        format_func=lambda o: format_func(None if o == ABSENT else o),
        help=help,
    )
    st.session_state[last_key] = chosen
    result = None if chosen == ABSENT else chosen
    write_param(param, result)
    return result
