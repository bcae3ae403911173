"""The pack's number and date patterns through Babel, on kkpham.formatting's locales."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from kkpham.formatting import locale_of as locale


def date_long(day: dt.date, lang: str = "id") -> str:
    """ "29 November 2026" in both languages (Babel's long format)."""
    return format_date(day, format="long", locale=locale(lang))


def percent(share: float, lang: str = "id", digits: int = 0) -> str:
    """ "72,5%" / "72.5%"; ``digits`` decimals."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(share, format=pattern, locale=locale(lang))


def decimal(value: float, lang: str = "id", digits: int = 2) -> str:
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale(lang))
