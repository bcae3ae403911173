"""Table columns wide enough for every text: measured in the grid's font, links and numbers left
to the grid, the result worked out once per (view-cached) table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.ui import table_widths
from kkpham.vocab import STATUSES

LONG = "Bukan Peduli HAM, kategori tidak diketahui"


def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Kabupaten/kota": ["Kabupaten Kolaka", "Kabupaten Konawe", "Kota Kendari"],
            "2022": ["Peduli HAM", LONG, None],  # the long one not first: the grid missed it
            "Skor": [80.5, None, 77.0],
            "Profil": ["/wilayah?kode=74.01", "/wilayah?kode=74.02", "/wilayah?kode=74.71"],
        }
    )


def test_text_columns_fit_their_longest_text_and_heading() -> None:
    frame = table()
    config = table_widths.whole_columns(frame, {"Profil": st.column_config.LinkColumn()})
    widest = table_widths.text_width(LONG)
    assert config["2022"]["width"] >= widest + 2 * 8
    assert config["Kabupaten/kota"]["width"] >= table_widths.text_width("Kabupaten Konawe") + 16
    assert "Skor" not in config  # numbers: the grid sizes them
    assert config["Profil"]["width"] is None  # a link shows a display text, not its URL
    heading = pd.DataFrame({"Jumlah tahun Peduli": ["3"]})
    assert table_widths.whole_columns(heading)["Jumlah tahun Peduli"]["width"] >= (
        table_widths.text_width("Jumlah tahun Peduli") + 2 * 8
    )


def test_every_status_label_fits_in_both_languages() -> None:
    for lang in ("id", "en"):
        labels = pd.Series([s.label(lang) for s in STATUSES])
        width = table_widths.column_px("2022", labels)
        assert width >= max(table_widths.text_width(x) for x in labels) + 2 * 8, lang


def test_a_width_given_or_a_label_is_kept() -> None:
    frame = table()
    given = table_widths.whole_columns(frame, {"2022": st.column_config.TextColumn(width=77)})
    assert given["2022"]["width"] == 77
    labelled = table_widths.whole_columns(
        pd.DataFrame({"x": ["a"]}), {"x": st.column_config.TextColumn("Judul yang panjang sekali")}
    )
    assert labelled["x"]["width"] >= table_widths.text_width("Judul yang panjang sekali") + 16


def test_worked_out_once_per_table_and_config() -> None:
    frame = table()
    first = table_widths.whole_columns(frame)
    assert table_widths.whole_columns(frame) is first
    assert table_widths.whole_columns(frame, {"Profil": st.column_config.LinkColumn()}) is not first
    assert table_widths.whole_columns(table()) is not first  # an equal but new table


def test_the_widest_text_is_found_among_many() -> None:
    names = pd.Series([f"Kota {i}" for i in range(600)] + ["Kabupaten Kepulauan Siau Tagulandang"])
    assert table_widths.column_px("Nama", names) >= (
        table_widths.text_width("Kabupaten Kepulauan Siau Tagulandang") + 16
    )


def test_config_shorthands_and_names_streamlit_sends_as_positions() -> None:
    frame = pd.DataFrame({"a": ["x"], "b": ["a much longer text than the heading"], 2019: ["y"]})
    config = table_widths.whole_columns(frame, {"a": None, "b": "Judul"})
    assert config["a"] is None  # hidden stays hidden
    assert config["b"]["label"] == "Judul" and config["b"]["width"] > 100
    assert 2019 not in config  # an int name is sent as a position: not sized


def test_a_new_table_never_gets_a_freed_tables_widths() -> None:
    """CPython reuses a freed object's id at once: the memo must not hand its widths on."""
    import gc

    short = table_widths.whole_columns(pd.DataFrame({"x": ["a"]}))["x"]["width"]
    gc.collect()
    for _ in range(20):
        long = pd.DataFrame({"x": ["a far longer text than the first table had"]})
        assert table_widths.whole_columns(long)["x"]["width"] > short
        del long
        gc.collect()


def test_widths_stay_within_the_grids_cap() -> None:
    wide = pd.Series(["x" * 400])
    assert table_widths.column_px("Judul", wide) == table_widths.MAX_PX


NOTE = (
    "there are only 2 districts awarded, namely, Sikka, and Manggarai Timur districts. [award "
    "year as this page states it; another page says Sikka was first awarded in 2015]"
)


def evidence() -> pd.DataFrame:
    """A profile-like table: short columns, a status, a link and one long free-text note."""
    return pd.DataFrame(
        {
            "Tahun data": ["2022", "2019", "2016"],
            "Status": [LONG, "Peduli HAM", "Tidak melapor"],
            "Sumber": ["https://a.example/x", "https://www.b.example/y", None],
            "Jenis": ["Situs pemerintah", "Berita", "Berita"],
            "Catatan": [NOTE, "pendek", None],
        }
    )


def link() -> dict:
    from kkpham.ui.safe_text import SOURCE_DISPLAY

    return {"Sumber": st.column_config.LinkColumn(display_text=SOURCE_DISPLAY)}


def test_lines_needed_wraps_at_word_breaks() -> None:
    words = "satu dua tiga empat"
    assert table_widths.lines_needed(words, table_widths.text_width(words) + 1) == 1
    assert table_widths.lines_needed(words, table_widths.text_width("satu dua tiga")) == 2
    assert table_widths.lines_needed(words, 1) == 4  # a word never breaks: one per line
    assert table_widths.wrap_row_px(1) == table_widths.ROW_PX
    assert table_widths.wrap_row_px(2) > 64  # the grid wraps only in rows taller than 4rem


def test_a_wrapped_table_fits_the_page_with_every_text_whole() -> None:
    """Every column of a table with a long note together fits a 1366 px page; the note fills
    what is left, in as many lines as its rows give it; no text is cut."""
    frame = evidence()
    config, row_px = table_widths.wrapped(frame, "Catatan", link())
    widths = {name: config[name]["width"] for name in frame.columns}
    assert sum(widths.values()) <= table_widths.PAGE_PX
    assert widths["Sumber"] >= table_widths.text_width("b.example") + 16  # the site, not the URL
    lines = (row_px - table_widths.ROW_PAD_PX) / table_widths.LINE_PX
    pad = table_widths.CELL_PAD_PX
    for name in ("Tahun data", "Status", "Jenis", "Catatan"):
        for text in frame[name].dropna():
            assert table_widths.lines_needed(text, widths[name] - pad) <= lines, (name, text)
        assert widths[name] >= table_widths.text_width(name) + table_widths.HEADING_PAD_PX
    # the status wraps within the rows the note needs anyway, instead of widening the table
    assert widths["Status"] < table_widths.column_px("Status", frame["Status"])


def test_a_column_that_fits_on_one_line_is_not_wrapped() -> None:
    frame = pd.DataFrame({"Peraturan": ["Permenkumham 34/2016"], "Tahun": ["2017"]})
    config, row_px = table_widths.wrapped(frame, "Peraturan", lines=1, min_px=0)
    assert row_px == table_widths.ROW_PX
    assert config["Peraturan"]["width"] == table_widths.column_px("Peraturan", frame["Peraturan"])


def test_a_wrapped_column_gives_way_to_the_others_down_to_its_longest_word() -> None:
    wide = {f"Kolom panjang nomor {i}": ["x"] for i in range(8)}
    frame = pd.DataFrame({**wide, "Peraturan": ["Permenkumham 11/2013 jo. 25/2013"]})
    config, row_px = table_widths.wrapped(frame, "Peraturan", lines=1, min_px=0)
    width = config["Peraturan"]["width"]
    assert width >= table_widths.text_width("Permenkumham") + table_widths.CELL_PAD_PX
    assert width < table_widths.column_px("Peraturan", frame["Peraturan"])  # it wraps
    needed = table_widths.lines_needed(frame["Peraturan"][0], width - table_widths.CELL_PAD_PX)
    assert needed >= 2 and row_px >= table_widths.wrap_row_px(needed)


def test_wrapped_is_worked_out_once_per_table() -> None:
    frame = evidence()
    first = table_widths.wrapped(frame, "Catatan", link())
    assert table_widths.wrapped(frame, "Catatan", link()) is first
    assert table_widths.wrapped(frame, "Catatan", link(), lines=2) is not first


def test_line_breaks_and_no_break_spaces_count_as_the_grid_draws_them() -> None:
    """The grid starts a line at each line break (an imported note may have them) and never
    breaks at a no-break space."""
    wide = 10_000.0
    assert table_widths.lines_needed("baris satu\nbaris dua\n\nbaris empat", wide) == 4
    glued = "M.HH-03\u00a0Tahun\u00a02023"
    assert table_widths.lines_needed(glued, table_widths.text_width("M.HH-03")) == 1  # one word
    frame = pd.DataFrame({"Tahun": ["2022"], "Catatan": ["satu\ndua\ntiga\nempat"]})
    _, row_px = table_widths.wrapped(frame, "Catatan")
    assert row_px >= table_widths.wrap_row_px(4)


def test_rows_are_as_low_as_the_texts_allow() -> None:
    """Short notes keep the grid's one-line rows; a long one makes them as tall as it needs."""
    short = pd.DataFrame({"Tahun": ["2022", "2019"], "Catatan": ["pendek", "juga pendek"]})
    assert table_widths.wrapped(short, "Catatan")[1] == table_widths.ROW_PX
    config, row_px = table_widths.wrapped(evidence(), "Catatan", link())
    assert table_widths.ROW_PX < row_px <= table_widths.wrap_row_px(3)


def test_duplicate_names_are_left_to_the_grid() -> None:
    frame = pd.DataFrame([["a", "b"]], columns=["x", "x"])
    assert table_widths.wrapped(frame, "x") == ({}, table_widths.ROW_PX)
