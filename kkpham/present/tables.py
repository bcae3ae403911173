"""Table twins of the views: the map's kab/kota list and the compare page's kab/kota × year grid,
as formatted XLSX (header, widths, status colours, frozen header, a "Sumber" sheet) and CSV.

Cells pass through ``kkpham.model.export.neutralise`` (formula injection) like every other export.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pandas as pd

from kkpham.formatting import format_number
from kkpham.model.export import neutralise, neutralise_frame
from kkpham.model.timeline import streaks
from kkpham.texts import t
from kkpham.vocab import BY_KEY

ABOUT_FIELDS = ("tampilan", "tahun_data", "versi_data", "dibuat")  # what the about sheet says


def _h(lang: str) -> dict[str, str]:
    """Headers and sheet names by short name (catalogue keys ``tbl_*``)."""
    return {
        "code": t("tbl_code", lang),
        "region": t("tbl_region", lang),
        "status": t("tbl_status", lang),
        "score": t("tbl_score", lang),
        "streak": t("tbl_streak", lang),
        "first": t("tbl_first", lang),
        "source": t("tbl_source", lang),
        "disputed": t("tbl_disputed", lang),
        "yes": t("tbl_yes", lang),
        "province": t("tbl_province", lang),
        "sheet": t("tbl_sheet", lang),
        "grid": t("tbl_grid", lang),
        "sources": t("tbl_sources", lang),
        "number": t("tbl_number", lang),
        "about": t("tbl_about", lang),
    }


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def file_stem(place: str | None, data_year: int | None, lang: str = "id", kind: str = "") -> str:
    """``kkp-ham_sulawesi-tenggara_tahun-data-2022`` (``data-year-2022`` in English)."""
    parts = ["kkp-ham", slug(place or "indonesia")]
    if kind:
        parts.append(kind)
    if data_year is not None:
        parts.append(t("tbl_file_year", lang, year=data_year))
    return "_".join(parts)


def region_table(
    frame: pd.DataFrame, panel: pd.DataFrame, data_year: int, lang: str = "id"
) -> pd.DataFrame:
    """The map's kab/kota list: code, name, status, score, streak and first Peduli year up to
    ``data_year`` (``timeline.streaks``), source. ``frame``: ``mapdata.map_frame``."""
    h = _h(lang)
    st = streaks(panel, as_of=data_year).set_index("code")
    out = pd.DataFrame(
        {
            h["code"]: frame["code"],
            h["region"]: frame["name"],
            h["status"]: frame["status"].map(lambda k: BY_KEY[k].label(lang)),
            h["score"]: frame["score"],
            # blank where the region has no result that year (timeline.streaks: unknown, not 0)
            h["streak"]: frame["code"].map(st["streak"]).astype("Int64"),
            h["first"]: frame["code"].map(st["first_peduli"]).astype("Int64"),
            h["source"]: frame["source_url"],
            h["disputed"]: frame["disputed"].map({True: h["yes"], False: ""}),
        }
    )
    if frame["province_code"].nunique() > 1:
        out.insert(2, h["province"], frame["province_name"])
    out.attrs["status_keys"] = list(frame["status"])
    return out


def grid_table(panel: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The compare page's kab/kota × data year grid: one row per kab/kota, a status per year."""
    h = _h(lang)
    wide = panel.pivot(index=["code", "name"], columns="data_year", values="status")
    keys = wide.copy()
    labels = wide.map(lambda k: BY_KEY[k].label(lang) if isinstance(k, str) else "")
    labels.columns = [str(c) for c in labels.columns]
    out = labels.reset_index().rename(columns={"code": h["code"], "name": h["region"]})
    out.attrs["status_grid"] = keys.reset_index(drop=True).to_numpy().tolist()
    return out


def to_csv(table: pd.DataFrame) -> bytes:
    return neutralise_frame(table).to_csv(index=False).encode("utf-8-sig")


def _fill(key: str | None):
    from openpyxl.styles import PatternFill

    if not key or key not in BY_KEY:
        return None
    color = BY_KEY[key].color.lstrip("#").upper()
    return PatternFill("solid", start_color=color, end_color=color)


def _font_for(key: str | None):
    from openpyxl.styles import Font

    dark = {"peduli", "belum", "tidak_melapor", "kurang"}
    return Font(color="FFFFFF" if key in dark else "000000")


def to_xlsx(
    table: pd.DataFrame, sources: list[str], about: dict[str, str], lang: str = "id"
) -> bytes:
    """Formatted workbook: the table (bold header, widths, status colours, frozen header), a
    "Sumber" sheet with every source URL, and an about sheet (view, build, date)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    h = _h(lang)
    safe = neutralise_frame(table)
    wb = Workbook()
    ws = wb.active
    ws.title = h["grid"] if "status_grid" in table.attrs else h["sheet"]
    ws.append(list(safe.columns))
    for row in safe.itertuples(index=False):
        ws.append([None if (isinstance(v, float) and v != v) or v is pd.NA else v for v in row])
    head_fill = PatternFill("solid", start_color="1F2328", end_color="1F2328")
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    cols = list(safe.columns)
    if "status_grid" in table.attrs:
        for r, keys in enumerate(table.attrs["status_grid"], start=2):
            for c, key in enumerate(keys, start=3):
                if (fill := _fill(key)) is not None:
                    ws.cell(r, c).fill = fill
                    ws.cell(r, c).font = _font_for(key)
    elif "status_keys" in table.attrs and h["status"] in cols:
        c = cols.index(h["status"]) + 1
        for r, key in enumerate(table.attrs["status_keys"], start=2):
            if (fill := _fill(key)) is not None:
                ws.cell(r, c).fill = fill
                ws.cell(r, c).font = _font_for(key)
    for i, col in enumerate(cols, start=1):
        longest = max([len(str(col))] + [len(str(v)) for v in safe.iloc[:, i - 1].head(500)])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(max(8, longest + 2), 60)
    src = wb.create_sheet(h["sources"])
    src.append([h["number"], h["source"]])
    for i, url in enumerate(sources, start=1):
        src.append([i, neutralise(url)])
    for cell in src[1]:
        cell.font = Font(bold=True)
    src.column_dimensions["B"].width = 100
    info = wb.create_sheet(h["about"])
    for k, v in about.items():
        # the view's own fields by name in the workbook's language; any other key as given
        name = t(f"tbl_about_{k}", lang) if k in ABOUT_FIELDS else k
        info.append([neutralise(name), neutralise(v)])
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def score_text(value: float, lang: str) -> str:
    return "" if pd.isna(value) else format_number(float(value), lang, max_decimals=2)
