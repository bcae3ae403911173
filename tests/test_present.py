"""Meeting material on the real store: static figures (offline Kaleido), the rakor pack as PPTX and
PDF, the narrative's numbers, the table twins. One browser for the whole module."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pdfplumber
import plotly.graph_objects as go
import pytest
from openpyxl import load_workbook
from pptx import Presentation

from kkpham.model.mapdata import map_frame
from kkpham.model.timeline import streaks
from kkpham.model.transitions import transitions
from kkpham.present import narrative as narr
from kkpham.present.context import load_view, resolve_province
from kkpham.present.labels import short_name
from kkpham.present.mapfig import FONT_FILE as DEJAVU
from kkpham.present.pack import all_sources, build_pack, to_pdf, to_pptx
from kkpham.present.products import figure_bytes
from kkpham.present.render import Renderer, RenderError
from kkpham.present.tables import file_stem, grid_table, region_table, to_csv, to_xlsx
from kkpham.settings import ROOT, Settings
from kkpham.store import Store
from kkpham.vocab import BY_KEY

TODAY = __import__("datetime").date(2026, 11, 29)


@pytest.fixture(scope="module")
def renderer(built_settings: Settings):
    with Renderer(built_settings.static_dir) as r:
        yield r


def view_of(settings: Settings, province: str | None, year: int, lang: str = "id"):
    with Store.open(settings.db_path) as store:
        return load_view(store, settings.static_dir, province, year, lang, TODAY)


@pytest.fixture(scope="module")
def sultra(built_settings: Settings):
    return view_of(built_settings, "74", 2022)


@pytest.fixture(scope="module")
def sultra_pack(sultra, renderer):
    pack = build_pack(sultra, renderer)
    return pack, to_pptx(pack), to_pdf(pack)


def test_resolver_accepts_names_and_codes(built_settings: Settings) -> None:
    with Store.open(built_settings.db_path) as store:
        assert resolve_province(store, "74") == "74"
        assert resolve_province(store, "Sulawesi Tenggara") == "74"
        assert resolve_province(store, None) is None
        with pytest.raises(ValueError):
            resolve_province(store, "Atlantis")


def test_svg_carries_title_source_line_and_region_labels(sultra, renderer) -> None:
    svg = figure_bytes(sultra, renderer, ["svg"])["svg"].decode()
    text = " ".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))
    text = re.sub(r"<[^>]+>", " ", text).replace("&amp;", "&")
    assert "Kabupaten/Kota Peduli HAM — Sulawesi Tenggara" in text
    assert "Tahun data 2022 (penghargaan 2023)" in text
    decree = sultra.cycle["decree_number"]  # the cycle's decree, whatever its number
    assert isinstance(decree, str) and "Sumber:" in text
    assert decree.split(" Tahun")[0] in text
    assert "Dibuat 29 November 2026" in text
    # every kab/kota is named on the map or in the numbered key: none hidden
    for name in sultra.frame["name"]:
        words = short_name(name).split()
        assert all(w in text for w in words), name


def test_every_region_gets_a_label_or_a_number(sultra) -> None:
    from kkpham.present.products import figure

    fig = figure(sultra)
    labelled = set(fig.layout.meta["labels"])
    assert labelled == set(sultra.frame["code"])


def test_png_is_1920_wide(sultra, renderer) -> None:
    png = figure_bytes(sultra, renderer, ["png"], "perubahan")["png"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 1920


def test_a_stuck_render_times_out_with_a_reason(renderer) -> None:
    import asyncio

    with pytest.raises(RenderError, match="tidak selesai") as slow:
        renderer._call(asyncio.sleep(5), 0.2, "rnd_images_slow")
    assert slow.value.text("en") == "Static images: not done within 0 seconds"


def test_missing_browser_is_a_clear_error(built_settings: Settings, monkeypatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(RenderError, match="Chromium tidak ditemukan") as missing:
        Renderer(built_settings.static_dir).start()
    assert missing.value.text("en").startswith("Chromium was not found (/nonexistent/chromium)")


def _pptx_titles(prs) -> list[str]:
    return [
        next(s.text_frame.text for s in slide.shapes if s.name == "Title") for slide in prs.slides
    ]


def test_pptx_and_pdf_match_page_for_page(sultra_pack) -> None:
    pack, pptx, pdf = sultra_pack
    prs = Presentation(io.BytesIO(pptx))
    titles = _pptx_titles(prs)
    assert titles == [s.title for s in pack.slides]
    assert titles[0] == "Kabupaten/Kota Peduli HAM — Sulawesi Tenggara"
    assert titles[1] == "Peta Tahun data 2022 (penghargaan 2023)"
    assert titles[2] == "Perubahan 2021 → 2022"
    assert "Ringkasan" in titles and titles[-1].startswith("Sumber")
    pictures = [sum(s.shape_type == 13 for s in slide.shapes) for slide in prs.slides]
    assert pictures[1] == 1 and pictures[2] == 1  # the map and the change map
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == len(prs.slides)
        for page, title in zip(doc.pages, titles, strict=True):
            page_text = " ".join((page.extract_text() or "").split())
            assert title.split(" (")[0] in page_text
        assert len(doc.pages[1].images) == 1 and len(doc.pages[2].images) == 1


def test_sources_slides_list_the_decree_and_every_url(sultra, sultra_pack) -> None:
    pack, pptx, pdf = sultra_pack
    urls = all_sources(sultra)
    assert urls and set(sultra.frame["source_url"]) - {""} <= set(urls)
    prs = Presentation(io.BytesIO(pptx))
    deck = "".join(
        sh.text_frame.text for slide in prs.slides for sh in slide.shapes if sh.has_text_frame
    )
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        paper = "".join((p.extract_text() or "") for p in doc.pages)
    flat = re.sub(r"\s+", "", paper)
    decree = sultra.cycle["decree_number"]
    assert isinstance(decree, str)
    number = decree.split(" Tahun")[0]  # "M.HH-03.HA.02.01.01 Tahun 2023": may wrap at the year
    assert number in deck and number in paper
    for url in urls:
        assert url in deck
        assert re.sub(r"\s+", "", url) in flat


def test_table_slide_has_every_kab_kota_above_the_footer(sultra, sultra_pack) -> None:
    pack, _, pdf = sultra_pack
    rows = [r for s in pack.slides if s.kind == "table" for r in s.rows]
    assert sorted(r[0] for r in rows) == sorted(sultra.frame["code"])
    pages = [i for i, s in enumerate(pack.slides) if s.kind == "table"]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        codes = [
            (w["text"], w["bottom"])
            for i in pages
            for w in doc.pages[i].extract_words()
            if re.fullmatch(r"74\.\d\d", w["text"])
        ]
        footer_top = 7.05 * 72
    assert sorted(c for c, _ in codes) == sorted(sultra.frame["code"])
    assert max(bottom for _, bottom in codes) < footer_top


def _expected_numbers(settings: Settings, province: str | None, year: int) -> set[int]:
    """Every integer the narrative may state, computed here from the store, independently."""
    with Store.open(settings.db_path) as store:
        frame = map_frame(store, year, province)
        cycles = store.cycles()
        rep = store.reported_counts(year, province) if province else store.national_counts(year)
        from kkpham.model.timeline import status_panel

        panel = status_panel(store, province)
    status = frame["status"]
    total = int((status != "belum_terbentuk").sum())
    nums = {int((status == k).sum()) for k in ("peduli", "cukup", "tidak_diketahui")}
    nums |= {total, int(frame["disputed"].sum())}
    held = sorted(int(y) for y in cycles.loc[cycles["held"], "data_year"])
    prev = max(y for y in held if y < year)
    trans = transitions(panel, prev, year, cycles)
    nums |= {int((trans["transition"] == k).sum()) for k in ("jadi_peduli", "lepas_peduli")}
    nums.add(int(((trans["transition"] == "baru_melapor") & (trans["status_b"] == "peduli")).sum()))
    nums |= set(streaks(panel, as_of=year)["streak"].dropna().astype(int))
    nums |= set(rep["awarded_count"].astype(int)) | set(rep["total_regions"].dropna().astype(int))
    nums |= set(range(2012, 2026)) | {2, 50, 60}  # years; "two or more"; pembina rule (%)
    for n in list(nums):  # "and N more" after the listed names
        nums |= {n - k for k in (5, 8)}
    share = int((status == "peduli").sum()) / total
    nums.add(round(share * 100))
    return nums


@pytest.mark.parametrize(("province", "year"), [("74", 2022), ("62", 2019), (None, 2019)])
def test_every_number_in_the_narrative_matches_the_store(built_settings, province, year) -> None:
    view = view_of(built_settings, province, year)
    paragraphs = narr.narrative(view)
    text = " ".join(paragraphs)
    # percentages with decimals ("42,9%") are checked against the share directly
    s = view.summary
    for pct in re.findall(r"(\d+,\d)%", text):
        value = float(pct.replace(",", "."))
        low = round(100 * s["peduli"] / s["total"], 1)
        high = round(100 * (s["peduli"] + s["unknown"]) / s["total"], 1)
        assert value in (low, high), pct
    text = re.sub(r"\d+,\d%", "", text)
    text = re.sub(r"\d+\.\d+", "", text)  # kab/kota codes never appear; this drops decimals
    text = text.replace("Permenkumham 34/2016", "")  # the regulation a count's note names
    allowed = _expected_numbers(built_settings, province, year)
    for token in re.findall(r"\d+", text):
        assert int(token) in allowed, (token, text)
    # the headline is exact
    frame = view.frame
    peduli = int((frame["status"] == "peduli").sum())
    total = int((frame["status"] != "belum_terbentuk").sum())
    place = view.place
    assert paragraphs[0].startswith(
        f"Tahun data {year} (penghargaan {year + 1}): {peduli} dari {total} kabupaten/kota di "
        f"{place} meraih predikat Peduli HAM."
    )


def test_narrative_names_who_gained_and_lost(built_settings) -> None:
    view = view_of(built_settings, "62", 2019)
    text = " ".join(narr.narrative(view))
    t = view.trans
    for code in t.loc[t["transition"].isin(["jadi_peduli", "lepas_peduli"]), "code"]:
        assert view.frame.set_index("code").loc[code, "name"] in text
    assert "Syarat provinsi pembina" in text


def test_english_narrative(built_settings) -> None:
    view = view_of(built_settings, "74", 2022, "en")
    text = " ".join(narr.narrative(view))
    n, total = view.summary["peduli"], view.summary["total"]
    assert text.startswith(f"Data year 2022 (award 2023): {n} of {total} regencies/cities in Sul")
    assert "Tahun" not in text


def test_region_table_xlsx_and_csv(sultra) -> None:
    table = region_table(sultra.frame, sultra.panel, 2022)
    assert list(table.columns[:3]) == ["Kode", "Kabupaten/Kota", "Status"]
    data = to_xlsx(table, all_sources(sultra), {"tahun_data": "2022"})
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width
    status_col = list(table.columns).index("Status") + 1
    peduli_row = next(i for i, v in enumerate(table["Status"], start=2) if v == "Peduli HAM")
    peduli = BY_KEY["peduli"].color.lstrip("#").upper()  # the palette's own colour
    assert ws.cell(peduli_row, status_col).fill.start_color.rgb.endswith(peduli)
    assert "Sumber" in wb.sheetnames
    assert file_stem("Sulawesi Tenggara", 2022) == "kkp-ham_sulawesi-tenggara_tahun-data-2022"
    assert file_stem("Sulawesi Tenggara", 2022, "en") == "kkp-ham_sulawesi-tenggara_data-year-2022"
    assert to_csv(table).startswith("\ufeffKode".encode())
    about = {"tahun_data": "2022", "dibuat": "2026-12-01", "lain": "x"}
    english = load_workbook(io.BytesIO(to_xlsx(table, [], about, "en"))).worksheets[-1]
    assert [r[0] for r in english.values] == ["data year", "made", "lain"]  # others as given


def test_table_twins_neutralise_formulas() -> None:
    evil = pd.DataFrame(
        {"Kode": ["74.01"], "Kabupaten/Kota": ['=HYPERLINK("x")'], "Status": ["+1"]}
    )
    wb = load_workbook(io.BytesIO(to_xlsx(evil, ["=cmd|' /C calc'!A0"], {"a": "@x"})))
    assert wb.worksheets[0]["B2"].value.startswith("'=")
    assert wb["Sumber"]["B2"].value.startswith("'=")
    assert b"'=HYPERLINK" in to_csv(evil)


def test_grid_table_has_a_status_per_year(sultra) -> None:
    grid = grid_table(sultra.panel)
    assert len(grid) == len(sultra.frame)
    assert "2022" in grid.columns and "2020" in grid.columns
    wb = load_workbook(io.BytesIO(to_xlsx(grid, [], {})))
    assert wb.worksheets[0].freeze_panes == "A2"


def test_cli_figure_and_pack_refuse_bad_input(built_settings, tmp_path: Path, capsys) -> None:
    from kkpham.__main__ import main

    assert (
        main(
            [
                "figure",
                "--province",
                "74",
                "--data-year",
                "2020",
                "--view",
                "perubahan",
                "--out",
                str(tmp_path / "x.png"),
            ]
        )
        == 1
    )
    assert "tidak dinilai" in capsys.readouterr().err
    assert (
        main(["pack", "--province", "74", "--data-year", "2022", "--out", str(tmp_path / "x.docx")])
        == 1
    )
    assert ".pptx" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def _legend_overflow(fig) -> list[tuple[str, float]]:
    """(line, px past the canvas edge) of every legend line, measured in DejaVu Sans, the widest
    font the figure names."""
    from PIL import ImageFont

    width = fig.layout.width
    out = []
    for note in fig.layout.annotations:
        if not (note.name or "").startswith("legend_"):
            continue
        font = ImageFont.truetype(str(DEJAVU), note.font.size)
        left = note.x * width
        for line in note.text.replace("<b>", "").replace("</b>", "").split("<br>"):
            right = left + font.getlength(line.replace("&amp;", "&"))
            if right > width:
                out.append((line, right - width))
    return out


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed")
def test_long_legend_labels_wrap_inside_the_canvas() -> None:
    from kkpham.present.mapfig import Canvas, _legend

    entries = [
        ("a", "Bukan Peduli HAM, kategori tidak diketahui", "#fff", "#000", 1.0, 7),
        ("b", "Not achieved (band unknown)", "#fff", "#000", 1.0, 1),
        ("c", "Peduli HAM (rights-caring)", "#fff", "#000", 1.0, 54),
    ]
    for width, x in ((1840, 1436), (1840, 1288), (1920, 1498)):
        _, notes, bottom = _legend(Canvas(width, 800), entries, x, 100, "Legend")
        fig = go.Figure()
        fig.update_layout(width=width, annotations=notes)
        assert not _legend_overflow(fig), (width, x)
        assert not any("-<br>" in n["text"] for n in notes)  # never split at a hyphen
        fits = next(n["text"] for n in notes if n["name"] == "legend_c")
        assert "<br>" not in fits or width == 1840 and x == 1436  # one line where it fits
        extra = sum(n["text"].count("<br>") for n in notes[1:])  # wrapped lines
        assert extra  # something wrapped, so the advance per line is tested
        assert bottom == pytest.approx(100 + 22 * 1.75 * (1.2 + len(entries)) + extra * 22 * 1.3)


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_publication_legends_fit_on_the_real_data(built_settings: Settings, lang: str) -> None:
    """The exported figure (1920 × 1080) and the presentation slide's (laid out 1840 × 800)."""
    from kkpham.present import context as ctx
    from kkpham.present.mapfig import Decor, status_map_figure
    from kkpham.present.products import figure
    from kkpham.ui.presentation import HEIGHT_PX, WIDTH_PX

    with Store.open(built_settings.db_path) as store:
        years = [int(y) for y in store.cycles().query("held")["data_year"]]
    for province in (None, "74"):
        for year in years[-3:]:
            view = view_of(built_settings, province, year, lang)
            if view is None:
                continue
            decor = Decor(ctx.map_title(view), ctx.subtitle(view), ctx.source_line(view), "")
            slide = status_map_figure(
                view.frame, view.geometry, decor, lang=lang, width=WIDTH_PX, height=HEIGHT_PX
            )
            assert not _legend_overflow(figure(view)), (province, year, lang)
            assert not _legend_overflow(slide), (province, year, lang)


def test_every_number_on_the_map_is_in_the_key() -> None:
    """A province with many small kab/kota (Jawa Timur 2019: 29 numbers) lost its last five:
    two columns of 20 px rows did not hold them. The key's type now shrinks until they fit, in
    at most two columns, inside its box."""
    from PIL import ImageFont

    from kkpham.present.labels import Labels
    from kkpham.present.mapfig import KEY_FONT, MIN_KEY_FONT, Canvas, _key

    cv = Canvas(1840, 800)
    left, top, width, bottom = 1300, 300, 500, 740
    for n in (5, 29, 40):
        labels = Labels(key=[(i + 1, f"Kabupaten {i + 1}", f"35.{i + 1:02d}") for i in range(n)])
        notes = _key(cv, labels, left, top, width, bottom, "id")
        keyed = [a["name"] for a in notes if a["name"] != "key_title"]
        assert keyed == [f"key_35.{i + 1:02d}" for i in range(n)]
        sizes = {a["font"]["size"] for a in notes}
        assert len(sizes) == 1
        size = sizes.pop()
        assert MIN_KEY_FONT <= size <= KEY_FONT
        assert (size < KEY_FONT) == (n > 26), n  # 13 rows of 20 px fit, two columns
        assert len({a["x"] for a in notes}) <= 2
        last_top = max((1 - a["y"]) * cv.height for a in notes)
        assert last_top + size * 1.3 <= bottom, n  # the last row ends above the box's bottom
        if DEJAVU.exists():
            font = ImageFont.truetype(str(DEJAVU), size)
            right = max(a["x"] * cv.width + font.getlength(a["text"]) for a in notes)
            assert right <= left + width, n


def test_real_key_lists_every_numbered_region(built_settings: Settings) -> None:
    """On the real data: the two provinces with the most kab/kota, every held year, the slide."""
    from kkpham.present import context as ctx
    from kkpham.present.mapfig import Decor, status_map_figure
    from kkpham.ui.presentation import HEIGHT_PX, WIDTH_PX

    with Store.open(built_settings.db_path) as store:
        years = [int(y) for y in store.cycles().query("held")["data_year"]]
        counts = store.regions()["code"].str[:2].value_counts()
    for province in counts.index[:2]:
        for year in years:
            view = view_of(built_settings, province, year)
            if view is None:
                continue
            decor = Decor(ctx.map_title(view), ctx.subtitle(view), ctx.source_line(view), "")
            fig = status_map_figure(
                view.frame, view.geometry, decor, width=WIDTH_PX, height=HEIGHT_PX
            )
            keyed = {
                a.name[4:] for a in fig.layout.annotations if (a.name or "").startswith("key_")
            }
            assert set(fig.layout.meta["numbered"]) <= keyed, (province, year)


def _numbers(lang: str = "id", **summary) -> dict:
    from types import SimpleNamespace

    from kkpham.ui.presentation import key_numbers

    base = {"peduli": 0, "total": 514, "unknown": 0, "known": 0, "peduli_share": 0.0, "held": 1}
    view = SimpleNamespace(summary={**base, **summary}, lang=lang)
    return dict(key_numbers(view))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_slide_numbers_of_a_year_without_results_say_why(lang: str) -> None:
    """Data year 2024 (held, results not yet published) put "0 dari 514" and "0,0%" on the
    projector; the map page says the results are not yet published."""
    from kkpham.texts import t

    unpublished = _numbers(lang, unknown=0, public=False)
    assert unpublished[t("peduli", lang)] == t("p10_unpublished", lang)
    assert not any("%" in value for value in unpublished.values())
    not_held = _numbers(lang, held=False, unknown=0)
    assert not_held[t("peduli", lang)] == t("p10_not_held", lang)
    no_data = _numbers(lang, unknown=514, public=True)
    assert no_data[t("peduli", lang)] == t("sh_unknown", lang)
    assert no_data[t("known", lang)] == f"0 {t('of', lang)} 514"


def test_slide_share_range_is_the_map_pages() -> None:
    """The national 2023 slide read "11% – 100%" (rounded to whole percents, so a confirmed
    non-Peduli region vanished); the map page's sentence reads 10,5% – 99,8%."""
    from kkpham.present.narrative import headline_text
    from kkpham.texts import t

    s = {"peduli": 54, "unknown": 459, "known": 55, "peduli_share": 54 / 514, "held": True}
    numbers = _numbers("id", **s)
    assert numbers[t("p10_share_range", "id")] == "10,5% – 99,8%"
    assert "10,5%" in headline_text({**_base_summary(), **s}, "2023", "Indonesia")
    assert "99,8%" in headline_text({**_base_summary(), **s}, "2023", "Indonesia")


def _base_summary() -> dict:
    return {"peduli": 0, "total": 514, "unknown": 0, "known": 0, "peduli_share": 0.0}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_presentation_shows_the_year_asked_for_or_says_it_cannot(
    synthetic_settings, monkeypatch, lang: str
) -> None:
    """?tahun=2020 projected data year 2022 under no notice; 2020 was not assessed, and the
    slide now says so. A year the cycles do not know shows the default year with a warning."""
    from streamlit.testing.v1 import AppTest

    from kkpham.texts import t

    monkeypatch.setenv("KKPHAM_DB", str(synthetic_settings.db_path))

    def run(year: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        for key, value in {"tampilan": "presentasi", "tahun": year, "lang": lang}.items():
            at.query_params[key] = value
        at.switch_page("pages/peta.py").run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    at = run("2020")
    assert [m.value for m in at.metric][0] == t("p10_not_held", lang)
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    texts = " ".join(a.get("text", "") for a in layout.get("annotations", []))
    assert "2020" in texts and "2022" not in texts and "2023" not in texts
    assert not at.warning
    at = run("1999")
    assert "1999" in at.warning[0].value


def test_presentation_follows_the_award_year_switch(synthetic_settings, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KKPHAM_DB", str(synthetic_settings.db_path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for key, value in {
        "tampilan": "presentasi",
        "tahun": "2022",
        "jenis_tahun": "penghargaan",
    }.items():
        at.query_params[key] = value
    at.switch_page("pages/peta.py").run()
    assert not at.exception, [e.value for e in at.exception]
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    texts = " ".join(a.get("text", "") for a in layout.get("annotations", []))
    assert "Tahun penghargaan 2023 (data 2022)" in texts
