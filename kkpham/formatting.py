"""Numbers, percentages and dates as an Indonesian or English reader writes them (Babel).

Indonesian: ``1.234``, ``10,5%``, ``10 Desember 2024``; English: ``1,234``, ``10.5%``,
``10 December 2024``. Every page, figure and export formats through here, so a language switch
changes every number the same way. Importable without Streamlit.
"""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal
from babel.numbers import format_percent as _babel_percent

LOCALES = {"id": "id_ID", "en": "en_GB"}  # en_GB: day-month-year, as the ministry writes dates


def locale_of(lang: str) -> str:
    return LOCALES["en" if lang == "en" else "id"]


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def format_number(
    value: float | int | None,
    lang: str = "id",
    *,
    decimals: int | None = None,
    max_decimals: int = 3,
    empty: str = "–",
) -> str:
    """``1234.5`` → ``1.234,5`` (id) / ``1,234.5`` (en); ``None``/NaN → ``empty``.

    ``decimals=None`` shows the value's own decimals (up to ``max_decimals``), ``decimals=n``
    exactly ``n``."""
    if _missing(value):
        return empty
    if decimals is None:
        pattern = "#,##0" + ("." + "#" * max_decimals if max_decimals else "")
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def format_percent(
    share: float | None, lang: str = "id", *, decimals: int = 1, empty: str = "–"
) -> str:
    """``share`` is a fraction: ``0.105`` → ``10,5%`` (id) / ``10.5%`` (en)."""
    if _missing(share):
        return empty
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return _babel_percent(share, format=pattern, locale=locale_of(lang))


def format_date(
    value: dt.date | dt.datetime | str | None,
    lang: str = "id",
    *,
    style: str = "long",
    empty: str = "–",
) -> str:
    """``2024-12-10`` → ``10 Desember 2024`` (id) / ``10 December 2024`` (en).

    ``style`` is a Babel date style (``short``, ``medium``, ``long``); ISO strings are accepted."""
    if value is None or (isinstance(value, str) and not value.strip()) or _missing_date(value):
        return empty
    if isinstance(value, str):
        value = dt.date.fromisoformat(value.strip()[:10])
    if isinstance(value, dt.datetime):
        value = value.date()
    return _babel_date(value, format=style, locale=locale_of(lang))


def _missing_date(value: object) -> bool:
    # pandas.NaT is a datetime subclass whose isoformat is "NaT"
    return isinstance(value, dt.datetime) and str(value) == "NaT"
