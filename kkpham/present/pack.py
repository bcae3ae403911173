"""The rakor pack: one deck (PPTX, python-pptx) and the same pages as a PDF (fpdf2), no
LibreOffice. Both are written from one list of ``Slide``s, built from one ``View`` and one set of
images rendered in a single browser start, so the deck and the PDF match page for page.

Slides: title; the map of the year; the change map against the previous held cycle; the kab/kota
table (provinces for a national pack); the share Peduli HAM over time against what sources
report; the narrative; the sources (decree and every URL).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kkpham.figures.compare import share_chart
from kkpham.formatting import format_percent
from kkpham.model.completeness import counts_awards
from kkpham.model.league import league_table, split_ranked, unranked_text
from kkpham.model.mapdata import source_label
from kkpham.model.region_facts import province_formed_years
from kkpham.model.timeline import reported_beside_ours, share_series
from kkpham.present import context as ctx
from kkpham.present.mapfig import FONT, FONT_FILE, change_map_figure, status_map_figure
from kkpham.present.narrative import narrative
from kkpham.present.render import Job, Renderer
from kkpham.present.tables import region_table, score_text
from kkpham.texts import t

SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
IMG_W_PX, IMG_H_PX = 1920, 930  # 12.9 in × 6.25 in at the slide's image box
TABLE_ROWS = 14  # rows a slide holds when a long status label wraps to two lines
SOURCE_FONT, SOURCE_LINES = 11, 26
NARR_FONT, NARR_LINES = 18, 17
FONT_PATHS = {"": str(FONT_FILE), "B": str(FONT_FILE.with_name("DejaVuSans-Bold.ttf"))}


@dataclass
class Slide:
    title: str
    kind: str  # title | image | table | bullets
    image: bytes | None = None
    subtitle: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Pack:
    view: ctx.View
    slides: list[Slide]

    def footer(self) -> str:
        return ctx.footer(self.view)


IMG_TOP_IN = 0.95
IMG_MAX_H_IN = 5.95  # ends above the slide footer (7.05 in)


def _image_box(s: Slide) -> tuple[float, float]:
    """(width, height) in inches of a slide's image: its aspect kept, above the footer."""
    h = IMG_MAX_H_IN - (0.45 if s.note else 0)
    return h * IMG_W_PX / IMG_H_PX, h


def _col_fracs(columns: list[str]) -> list[float]:
    """Column widths as shares of the table: names and statuses get room, codes and counts not."""
    weights = [3.4 if i == 1 else 2.8 if i == 2 else 1.2 for i in range(len(columns))]
    if len(columns) == 6:  # province table: name, counts, share, pembina
        weights = [3.0, 1.0, 1.0, 1.1, 1.3, 3.2]
    total = sum(weights)
    return [w / total for w in weights]


def share_figure(view: ctx.View) -> tuple:
    rep = view.reported.assign(source_label=view.reported["source_url"].map(source_label))
    ours = view.series
    beside = reported_beside_ours(ours, rep) if len(rep) else rep
    if len(beside) and "source_label" not in beside:
        beside["source_label"] = beside["source_url"].map(source_label)
    fig = share_chart(ours, beside, view.cycles, lang=view.lang)
    fig.update_xaxes(tickfont={"size": 22}, title={"font": {"size": 22}})
    fig.update_yaxes(tickfont={"size": 22}, title={"font": {"size": 22}})
    fig.update_layout(
        width=IMG_W_PX,
        height=IMG_H_PX,
        font={"size": 22, "family": FONT},
        margin={"l": 110, "r": 40, "t": 90, "b": 150},
        legend={"font": {"size": 22}, "y": -0.16},
    )
    for a in fig.layout.annotations:
        a.font.size = 18
    return fig


def _chunks(rows: list, n: int) -> list[list]:
    """Rows in slides of at most ``n``, balanced (17 rows: 9 + 8, not 16 + 1)."""
    k = max(1, -(-len(rows) // n))
    size = -(-len(rows) // k) if rows else n
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]


def _lines(text: str, font_pt: float, width_in: float = 12.3) -> int:
    per_line = int(width_in * 72 / (font_pt * 0.56))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _by_lines(items: list[str], font_pt: float, budget: int) -> list[list[str]]:
    """Paragraphs in slides whose estimated wrapped lines (plus a gap each) fit ``budget``."""
    out: list[list[str]] = [[]]
    used = 0.0
    for item in items:
        need = _lines(item, font_pt) + 0.5
        if out[-1] and used + need > budget:
            out.append([])
            used = 0.0
        out[-1].append(item)
        used += need
    return out


def _bullet_font(s: Slide) -> int:
    return SOURCE_FONT if s.note == "sources" else NARR_FONT


def _region_rows(view: ctx.View) -> tuple[list[str], list[list[str]]]:
    """The kab/kota table without the URL column (the URLs are on the sources slides)."""
    lang = view.lang
    table = region_table(view.frame, view.panel, view.data_year, lang)
    table = table.drop(columns=[t("tbl_source", lang)])
    score = t("tbl_score", lang)
    table[score] = table[score].map(lambda v: score_text(v, lang))
    rows = [
        ["" if v is None or v is pd.NA else str(v) for v in r]
        for r in table.itertuples(index=False)
    ]
    return list(table.columns), rows


def _province_rows(view: ctx.View) -> tuple[list[str], list[list[str]], str]:
    """(columns, a row per province with any result that year, the sentence naming the
    others): a row of "—" where nothing is known read as a ranking (the compare page names them
    instead)."""
    series = share_series(view.panel, per_province=True)
    formed = province_formed_years(view.panel[["code", "province_code"]].drop_duplicates())
    table = league_table(series, view.data_year, view.cycles, view.lang, formed=formed)
    league, unranked, not_formed = split_ranked(table)
    rows = [
        [
            r.province_name,
            str(r.peduli),  # of its kab/kota counted where they are today, as on the page
            str(r.total),
            str(r.unknown),
            "—" if pd.isna(r.share) else format_percent(r.share, view.lang, decimals=1),
            r.pembina_text.split(": ")[-1],
        ]
        for r in league.itertuples(index=False)
    ]
    lang = view.lang
    cols = [
        t("pr_col_province", lang),
        t("pr_col_peduli", lang),
        t("pr_col_total", lang),
        t("pr_col_unknown", lang),
        t("pr_col_share", lang),
        t("pr_col_pembina", lang),
    ]
    public = bool(view.cycle["results_public"])
    return cols, rows, unranked_text(unranked, not_formed, view.data_year, public, lang)


def source_groups(view: ctx.View) -> list[tuple[str, list[str]]]:
    """The pack's sources by what they back, each group once: the year's statuses, the previous
    year's (the change slide), the cycle's own page (a status only it settles), the counts the
    sources report (the share chart, every year). Empty groups are left out."""
    lang = view.lang
    groups = [(t("pr_sources_status", lang, year=view.data_year), ctx.source_urls(view))]
    if view.trans is not None and view.previous_year:
        prev = ctx.source_urls(view, ctx.map_frame_of(view, view.previous_year))
        groups.append((t("pr_sources_previous", lang, year=view.previous_year), prev))
    cycle = ctx.cycle_source(view)
    if cycle:
        groups.append((t("pr_sources_cycle", lang, year=view.data_year), [cycle]))
    groups.append((t("pr_sources_counts", lang, year=view.data_year), count_sources(view)))
    return [(head, list(dict.fromkeys(u for u in urls if u))) for head, urls in groups if any(urls)]


def count_sources(view: ctx.View) -> list[str]:
    """The pages of the counts the pack shows: beside the share (awards, any year) and in the
    narrative (any count of the pack's year). A count of regions invited in another year is
    shown nowhere: not listed."""
    rep = view.reported
    shown = rep["evidence"].map(counts_awards).astype(bool) | (rep["data_year"] == view.data_year)
    return list(rep.loc[shown, "source_url"])


def all_sources(view: ctx.View) -> list[str]:
    """Every source used in the pack, once (the table twins list them)."""
    return list(dict.fromkeys(u for _, urls in source_groups(view) for u in urls))


def _decree_line(view: ctx.View) -> str:
    """The sources slide's first line: the decree, or why there is none."""
    lang, year = view.lang, view.data_year
    if view.decree:
        return t("pr_slide_decree", lang, no=view.decree, year=year)
    if not view.held:
        return t("pr_slide_not_held", lang)
    if not view.summary.get("public", True):
        return t("pr_slide_decree_unpublished", lang, year=year)
    return t("pr_slide_no_decree", lang, year=year)


def build_pack(view: ctx.View, renderer: Renderer) -> Pack:
    lang = view.lang
    jobs = [
        Job(
            status_map_figure(
                view.frame,
                view.geometry,
                ctx.status_decor(view, False),
                lang=view.lang,
                width=IMG_W_PX,
                height=IMG_H_PX,
            ),
            "png",
            IMG_W_PX,
            IMG_H_PX,
        )
    ]
    if view.trans is not None:
        jobs.append(
            Job(
                change_map_figure(
                    view.trans,
                    view.geometry,
                    ctx.change_decor(view, False),
                    lang=view.lang,
                    width=IMG_W_PX,
                    height=IMG_H_PX,
                ),
                "png",
                IMG_W_PX,
                IMG_H_PX,
            )
        )
    jobs.append(Job(share_figure(view), "png", IMG_W_PX, IMG_H_PX))
    images = renderer.render(jobs)
    map_png, share_png = images[0], images[-1]
    change_png = images[1] if view.trans is not None else None

    def cont(title: str, i: int) -> str:
        """The title of slide ``i`` of a run: from the second on, it says it continues."""
        return t("pr_slide_cont", lang, title=title) if i else title

    slides = [
        Slide(
            ctx.map_title(view),
            "title",
            subtitle=ctx.subtitle(view),
            bullets=[t("pr_kicker", lang)],
        )
    ]
    slides.append(Slide(t("pr_slide_map", lang, year=ctx.year_text(view)), "image", map_png))
    title = (
        t(
            "pr_slide_change",
            lang,
            a=ctx.shown_year(view, view.previous_year),
            b=ctx.shown_year(view, view.data_year),
        )
        if view.previous_year
        else t("pr_slide_change_first", lang)
    )
    if change_png is not None:
        slides.append(Slide(title, "image", change_png))
    else:
        slides.append(Slide(title, "bullets", bullets=[ctx.no_change_reason(view) or ""]))
    base = t(
        "pr_slide_regions" if view.province else "pr_slide_provinces",
        lang,
        year=ctx.shown_year(view, view.data_year),
    )
    if view.province:
        cols, rows = _region_rows(view)
        for i, chunk in enumerate(_chunks(rows, TABLE_ROWS)):
            slides.append(Slide(cont(base, i), "table", columns=cols, rows=chunk))
    elif not view.held:  # no league of a year not assessed (the national 2020 pack failed on it)
        slides.append(Slide(base, "bullets", bullets=[t("pr_slide_not_held", lang)]))
    else:  # the compare page's league: ranked where any result is known, the others named
        cols, rows, unranked = _province_rows(view)
        chunks = _chunks(rows, TABLE_ROWS) if rows else []
        for i, chunk in enumerate(chunks):
            slides.append(Slide(cont(base, i), "table", columns=cols, rows=chunk))
        year = view.data_year
        if not rows:
            key = "lg_none_known" if view.cycle["results_public"] else "lg_unpublished"
            slides.append(Slide(base, "bullets", bullets=[t(key, lang, year=year)]))
        elif unranked:
            slides.append(Slide(cont(base, len(chunks)), "bullets", bullets=[unranked]))
    share_note = t("pr_slide_share_note", lang)
    slides.append(Slide(t("pr_slide_share", lang), "image", share_png, note=share_note))
    summary = t("pr_slide_summary", lang)
    for i, chunk in enumerate(_by_lines(narrative(view), NARR_FONT, NARR_LINES)):
        slides.append(Slide(cont(summary, i), "bullets", bullets=chunk, note="narrative"))
    numbered = [_decree_line(view)]
    k = 0
    for head, urls in source_groups(view):
        numbered.append(head)
        for url in urls:
            k += 1
            numbered.append(f"{k}. {url}")
    sources = t("pr_slide_sources", lang)
    for i, chunk in enumerate(_by_lines(numbered, SOURCE_FONT, SOURCE_LINES)):
        slides.append(Slide(cont(sources, i), "bullets", bullets=chunk, note="sources"))
    return Pack(view, slides)


# --- PPTX ------------------------------------------------------------------------------------
def to_pptx(pack: Pack) -> bytes:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W_IN), Inches(SLIDE_H_IN)
    blank = prs.slide_layouts[6]
    ink = RGBColor(0x1F, 0x23, 0x28)
    muted = RGBColor(0x57, 0x60, 0x6A)

    def text(slide, x, y, w, h, lines, size, bold=False, color=ink, name=None):
        box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        if name:
            box.name = name
        tf = box.text_frame
        tf.word_wrap = True
        for i, line in enumerate(lines):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.text = line
            p.font.size, p.font.bold, p.font.color.rgb = Pt(size), bold, color
            p.space_after = Pt(size * 0.5)
        return box

    footer = pack.footer()
    n = len(pack.slides)
    for i, s in enumerate(pack.slides, start=1):
        slide = prs.slides.add_slide(blank)
        if s.kind == "title":
            text(slide, 0.8, 2.0, 11.7, 1.4, [s.title], 40, True, name="Title")
            text(slide, 0.8, 3.5, 11.7, 0.8, [s.subtitle], 24, color=muted)
            text(slide, 0.8, 4.4, 11.7, 0.8, s.bullets, 22)
            text(slide, 0.8, 6.6, 11.7, 0.5, [footer], 12, color=muted)
            continue
        text(slide, 0.4, 0.2, 12.5, 0.7, [s.title], 28, True, name="Title")
        if s.kind == "image" and s.image:
            w, h = _image_box(s)
            slide.shapes.add_picture(
                io.BytesIO(s.image),
                Inches((SLIDE_W_IN - w) / 2),
                Inches(IMG_TOP_IN),
                height=Inches(h),
            )
            if s.note:
                text(slide, 0.4, IMG_TOP_IN + h + 0.02, 12.5, 0.5, [s.note], 12, color=muted)
        elif s.kind == "table":
            rows = len(s.rows) + 1
            cols = len(s.columns)
            shape = slide.shapes.add_table(
                rows, cols, Inches(0.4), Inches(1.0), Inches(12.5), Inches(0.22 * rows)
            )
            table = shape.table
            for c, frac in enumerate(_col_fracs(s.columns)):
                table.columns[c].width = Inches(12.5 * frac)
            for c, head in enumerate(s.columns):
                table.cell(0, c).text = head
            for r, row in enumerate(s.rows, start=1):
                for c, val in enumerate(row):
                    table.cell(r, c).text = val
            for r in range(rows):
                for c in range(cols):
                    cell = table.cell(r, c)
                    cell.margin_top = cell.margin_bottom = Inches(0.02)
                    for p in cell.text_frame.paragraphs:
                        p.font.size = Pt(11)
                        p.font.bold = r == 0
        elif s.kind == "bullets":
            text(slide, 0.5, 1.0, 12.3, 5.6, s.bullets, _bullet_font(s))
        text(slide, 0.4, 7.05, 11.5, 0.35, [footer], 10, color=muted)
        text(slide, 12.2, 7.05, 0.9, 0.35, [f"{i}/{n}"], 10, color=muted)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# --- PDF -------------------------------------------------------------------------------------
def to_pdf(pack: Pack) -> bytes:
    """The same pages as ``to_pptx`` (positions in inches × 25.4), with DejaVu Sans."""
    from fpdf import FPDF

    mm = 25.4
    pdf = FPDF(orientation="L", unit="mm", format=(SLIDE_H_IN * mm, SLIDE_W_IN * mm))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for style, path in FONT_PATHS.items():
        pdf.add_font("DejaVu", style, path)
    footer = pack.footer()
    n = len(pack.slides)

    def text(x, y, w, lines, size, bold=False, gray=False, line_gap=0.5):
        pdf.set_font("DejaVu", "B" if bold else "", size)
        pdf.set_text_color(0x57, 0x60, 0x6A) if gray else pdf.set_text_color(0x1F, 0x23, 0x28)
        pdf.set_xy(x * mm, y * mm)
        h = size * 0.3528 * 1.25
        for line in lines:
            pdf.set_x(x * mm)
            pdf.multi_cell(w * mm, h, line, new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(size * 0.3528 * line_gap)

    for i, s in enumerate(pack.slides, start=1):
        pdf.add_page()
        if s.kind == "title":
            text(0.8, 2.0, 11.7, [s.title], 40, True)
            text(0.8, 3.5, 11.7, [s.subtitle], 24, gray=True)
            text(0.8, 4.4, 11.7, s.bullets, 22)
            text(0.8, 6.6, 11.7, [footer], 12, gray=True)
            continue
        text(0.4, 0.2, 12.5, [s.title], 28, True)
        if s.kind == "image" and s.image:
            w, h = _image_box(s)
            pdf.image(io.BytesIO(s.image), x=(SLIDE_W_IN - w) / 2 * mm, y=IMG_TOP_IN * mm, h=h * mm)
            if s.note:
                text(0.4, IMG_TOP_IN + h + 0.02, 12.5, [s.note], 12, gray=True)
        elif s.kind == "table":
            pdf.set_xy(0.4 * mm, 1.0 * mm)
            pdf.set_font("DejaVu", "", 11)
            pdf.set_text_color(0x1F, 0x23, 0x28)
            widths = tuple(int(1000 * f) for f in _col_fracs(s.columns))
            with pdf.table(
                width=12.5 * mm,
                line_height=0.2 * mm,
                padding=0.9,
                col_widths=widths,
                text_align="LEFT",
                align="LEFT",
                first_row_as_headings=True,
            ) as table:
                table.row(s.columns)
                for row in s.rows:
                    table.row(row)
        elif s.kind == "bullets":
            text(0.5, 1.0, 12.3, s.bullets, _bullet_font(s))
        text(0.4, 7.05, 11.5, [footer], 10, gray=True)
        text(12.2, 7.05, 0.9, [f"{i}/{n}"], 10, gray=True)
    return bytes(pdf.output())


def write_pack(view: ctx.View, renderer: Renderer, fmt: str) -> bytes:
    pack = build_pack(view, renderer)
    return to_pptx(pack) if fmt == "pptx" else to_pdf(pack)


def pack_files(view: ctx.View, renderer: Renderer) -> dict[str, bytes]:
    """Both formats from one build (one set of images)."""
    pack = build_pack(view, renderer)
    return {"pptx": to_pptx(pack), "pdf": to_pdf(pack)}


def out_format(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("pptx", "pdf"):
        raise ValueError(f"{path.name}: paket ditulis sebagai .pptx atau .pdf")
    return fmt
