"""One entry point per exported thing (figure, pack, table), shared by the CLI and the app."""

from __future__ import annotations

from pathlib import Path

from kkpham.present import context as ctx
from kkpham.present.mapfig import change_map_figure, status_map_figure
from kkpham.present.render import Job, Renderer

VIEWS = ("peta", "perubahan")
FIGURE_FORMATS = ("png", "svg", "pdf")


def figure(view: ctx.View, kind: str = "peta"):
    """The publication figure of the view (1920 × 1080, title, source line, footer)."""
    if kind == "perubahan":
        reason = ctx.no_change_reason(view)
        if reason:
            raise ValueError(reason)
        return change_map_figure(view.trans, view.geometry, ctx.change_decor(view), lang=view.lang)
    if kind != "peta":
        raise ValueError(f"tampilan {kind!r} tidak dikenal; pilih {', '.join(VIEWS)}")
    return status_map_figure(view.frame, view.geometry, ctx.status_decor(view), lang=view.lang)


def figure_bytes(
    view: ctx.View, renderer: Renderer, fmts: list[str], kind: str = "peta"
) -> dict[str, bytes]:
    """The figure in every format of ``fmts`` from one browser (PNG is 1920 px wide)."""
    fig = figure(view, kind)
    images = renderer.render([Job(fig, f) for f in fmts])
    return dict(zip(fmts, images, strict=True))


def figure_format(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FIGURE_FORMATS:
        raise ValueError(f"{path.name}: gambar ditulis sebagai .png, .svg atau .pdf")
    return fmt


def figure_name(view: ctx.View, kind: str, fmt: str) -> str:
    from kkpham.present.tables import file_stem

    return f"{file_stem(view.place, view.data_year, view.lang, kind)}.{fmt}"
