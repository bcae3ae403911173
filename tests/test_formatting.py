"""Babel-backed number, percent and date formatting in both languages."""

import datetime as dt

import pandas as pd

from kkpham.formatting import format_date, format_number, format_percent


def test_numbers_follow_the_language():
    assert format_number(1234.5, "id") == "1.234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_number(3, "id", decimals=1) == "3,0"


def test_percent_is_a_fraction():
    assert format_percent(0.105, "id") == "10,5%"
    assert format_percent(0.105, "en") == "10.5%"
    assert format_percent(1 / 3, "id", decimals=0) == "33%"


def test_dates_in_words():
    assert format_date(dt.date(2024, 12, 10), "id") == "10 Desember 2024"
    assert format_date("2024-12-10", "en") == "10 December 2024"


def test_missing_values_never_print_as_none_nan_or_nat():
    for lang in ("id", "en"):
        for text in (
            format_number(None, lang),
            format_number(float("nan"), lang),
            format_percent(float("nan"), lang),
            format_date(pd.NaT, lang),
            format_date(None, lang),
            format_date("", lang),
        ):
            assert text == "–"
