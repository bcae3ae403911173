"""Export of stored claims (whole store or a selection) as CSV, XLSX or Parquet.

Every claim is exported, not only the one the map shows; ``tampil_di_peta`` marks that one.
Text cells that a spreadsheet would run as a formula (starting with = + - @, or a tab/CR) get a
leading apostrophe in every format, so the three files hold the same values.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from kkpham.model import panel
from kkpham.store import Store
from kkpham.texts import t
from kkpham.vocab import BY_KEY

FORMATS = ("csv", "xlsx", "parquet")
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# store column -> exported column (Indonesian, like the import template)
EXPORT_COLUMNS = {
    "province_code": "kode_provinsi",
    "province_name": "provinsi",
    "region_code": "kode_wilayah",
    "region_name": "kabupaten_kota",
    "kind": "jenis",
    "data_year": "tahun_data",
    "award_year": "tahun_penghargaan",
    "data_year_derived": "tahun_data_diturunkan",
    "status": "status",
    "status_label": "predikat",
    "score": "nilai",
    "source_url": "sumber",
    "source_kind": "jenis_sumber",
    "name_in_source": "nama_di_sumber",
    "note": "keterangan",
    "all_regions_statement": "pernyataan_seluruh_daerah",
    "shown_on_map": "tampil_di_peta",
    "batch_id": "batch",
}


def neutralise(value: object) -> object:
    """A text a spreadsheet would evaluate, made inert; anything else unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
    out.columns = [str(neutralise(str(c))) for c in out.columns]
    return out


def export_frame(
    store: Store, data_year: int | None = None, province_code: str | None = None
) -> pd.DataFrame:
    """Claims of the selection (None = everything) in export columns, neutralised."""
    claims = store.export_claims(data_year, province_code)
    # the claim each map shows: the status panel's, for the same selection
    shown = set(panel.read(store, data_year, province_code)["result_id"].dropna().astype(int))
    claims["status_label"] = _labels(store, claims)
    claims["shown_on_map"] = claims["result_id"].isin(shown)
    claims["award_year"] = claims["award_year"].astype("Int64")
    frame = claims[list(EXPORT_COLUMNS)].rename(columns=EXPORT_COLUMNS)
    return neutralise_frame(frame)


def _labels(store: Store, claims: pd.DataFrame) -> pd.Series:
    """Each claim's predicate as its cycle's regime names it (vocabulary label otherwise)."""
    from kkpham.regimes import outcome_labels

    regime = store.cycles().set_index("data_year")["regime"].to_dict()
    outcomes = store.regime_outcomes()
    own = {r: outcome_labels(outcomes, r, "id") for r in outcomes["regime"].unique()}
    return pd.Series(
        [
            own.get(regime.get(int(y)), {}).get(k) or BY_KEY[k].label("id")
            for k, y in zip(claims["status"], claims["data_year"], strict=True)
        ],
        index=claims.index,
        dtype=object,
    )


def to_bytes(frame: pd.DataFrame, fmt: str, about: dict[str, str] | None = None) -> bytes:
    """The frame in ``fmt``; XLSX gets a second sheet 'Tentang' with ``about`` and the rule."""
    frame = neutralise_frame(frame)  # idempotent: a neutralised cell starts with "'"
    if fmt == "csv":
        return frame.to_csv(index=False).encode("utf-8-sig")  # BOM: Excel reads it as UTF-8
    if fmt == "parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    if fmt == "xlsx":
        buffer = io.BytesIO()
        info = {
            "dibuat": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            **(about or {}),
            "aturan_peta": t("src_precedence_text", "id"),  # the sources page's words
        }
        about_frame = neutralise_frame(
            pd.DataFrame({"hal": list(info), "isi": list(info.values())})
        )
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            frame.to_excel(writer, sheet_name="Hasil", index=False)
            about_frame.to_excel(writer, sheet_name="Tentang", index=False)
        return buffer.getvalue()
    raise ValueError(f"format {fmt!r} tidak dikenal; pilih salah satu: {', '.join(FORMATS)}")


def file_name(fmt: str, data_year: int | None = None, province_code: str | None = None) -> str:
    parts = ["kkpham", f"tahun-data-{data_year}" if data_year else "semua-tahun"]
    if province_code:
        parts.append(f"provinsi-{province_code}")
    return "_".join(parts) + f".{fmt}"


def export_bytes(
    store: Store, fmt: str, data_year: int | None = None, province_code: str | None = None
) -> bytes:
    about = {
        "tahun_data": str(data_year or "semua"),
        "provinsi": province_code or "semua",
        "versi_data": store.data_version(),
    }
    if fmt == "xlsx":  # only the XLSX has a "Tentang" sheet; the notes cost a map frame per year
        about |= completeness_notes(store, data_year, province_code)
    return to_bytes(export_frame(store, data_year, province_code), fmt, about)


def completeness_notes(
    store: Store, data_year: int | None = None, province_code: str | None = None
) -> dict[str, str]:
    """One completeness line per held data year of the selection ("kelengkapan_2022": "terdata
    17 dari 17 kab/kota; sumber: …"), for the export's "Tentang" sheet."""
    from kkpham.model.completeness import completeness_line, summary_row
    from kkpham.model.mapdata import province_summary

    cycles = store.cycles()
    years = [int(y) for y in cycles.loc[cycles["held"].astype(bool), "data_year"]]
    if data_year is not None:
        years = [y for y in years if y == data_year]
    return {
        f"kelengkapan_{y}": completeness_line(
            summary_row(province_summary(store, y, province_code)), "id"
        )
        for y in years
    }
