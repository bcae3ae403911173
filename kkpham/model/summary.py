"""`python -m kkpham summary`: count per status and the region list for one data year."""

from __future__ import annotations

from kkpham.model.mapdata import map_frame, province_summary
from kkpham.store import Store
from kkpham.vocab import BY_KEY, STATUSES


def summary(store: Store, data_year: int, province: str | None = None) -> dict:
    """Province may be a code ("74") or a name/abbreviation; ValueError when unknown."""
    provinces = store.provinces()
    code = None
    if province:
        code = _province_code(province, provinces)
    cycles = store.cycles().set_index("data_year")
    if data_year not in cycles.index:
        raise ValueError(
            f"tahun data {data_year} tidak dikenal ({cycles.index.min()}–{cycles.index.max()})"
        )
    frame = map_frame(store, data_year, code)
    info = province_summary(store, data_year, code, frame)
    return {
        "data_year": data_year,
        "award_year": None
        if not cycles.loc[data_year, "held"]
        else int(cycles.loc[data_year, "award_year"]),
        "province": code,
        "total": info["total"],
        "counts": {s.key: info["counts"].get(s.key, 0) for s in STATUSES},
        "peduli_share": round(info["peduli_share"], 4),
        "reported": info["reported"],
        "regions": [
            {
                "code": r.code,
                "name": r.name,
                "status": r.status,
                "score": None if r.score != r.score else r.score,
                "source": r.source_url or None,
                "disputed": bool(r.disputed),
            }
            for r in frame.itertuples()
        ],
    }


def _province_code(text: str, provinces) -> str:
    if text in set(provinces["code"]):
        return text
    from kkpham.model.regions import province_resolver

    return province_resolver(provinces).resolve_province(text)


def summary_text(result: dict) -> str:
    lines = [
        f"Tahun data {result['data_year']}"
        + (f" (penghargaan {result['award_year']})" if result["award_year"] else "")
        + (f", provinsi {result['province']}" if result["province"] else ", seluruh Indonesia")
    ]
    for key, n in result["counts"].items():
        if n:
            lines.append(f"  {BY_KEY[key].label('id'):<30} {n:>4}")
    lines.append(f"  Peduli HAM: {result['peduli_share']:.0%} dari {result['total']} kab/kota")
    for rep in result["reported"]:
        lines.append(
            f"  Sumber melaporkan {rep['awarded_count']} dari {rep['total_regions']}: "
            f"{rep['source_url']}"
        )
    lines.append("")
    for r in result["regions"]:
        score = f" {r['score']:.2f}" if r["score"] is not None else ""
        flag = " [sumber berbeda]" if r["disputed"] else ""
        lines.append(f"{r['code']}\t{r['name']}\t{BY_KEY[r['status']].label('id')}{score}{flag}")
    return "\n".join(lines)
