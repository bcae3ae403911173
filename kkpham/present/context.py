"""Everything one meeting view needs, read once through the domain APIs, and its captions.

A view is a province (or the country) and a data year. ``load_view`` reads the map frame, the
summary, the status panel, the previous held cycle's transitions and the geometry; ``decor_*``
write the texts every exported figure carries (title, subtitle, "Sumber:" line, footer).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kkpham.formatting import format_date
from kkpham.model.mapdata import boundary_build_id, map_frame, province_summary, source_label
from kkpham.model.timeline import previous_held_year, share_series, status_panel
from kkpham.model.transitions import regime_note, transitions, year_without_results
from kkpham.present.embedded_shapes import ViewGeometry, view_geometry
from kkpham.present.mapfig import Decor
from kkpham.regimes import programme_name
from kkpham.store import Store
from kkpham.texts import Message, Refused, t

MAX_HOSTS = 5


def resolve_province(store: Store, text: str | None) -> str | None:
    """A province code from a code ("74") or a name the resolver knows; None = national."""
    if not text:
        return None
    from kkpham.model.summary import _province_code

    return _province_code(text, store.provinces())


@dataclass
class View:
    province: str | None
    place: str
    data_year: int
    lang: str
    today: dt.date
    data_version: str
    cycles: pd.DataFrame
    frame: pd.DataFrame
    summary: dict
    panel: pd.DataFrame
    series: pd.DataFrame  # share_series of the scope (one province, or the country)
    reported: pd.DataFrame  # reported counts of the scope, every year
    previous_year: int | None
    trans: pd.DataFrame | None
    geometry: ViewGeometry
    year_mode: str = "data"  # "award": award years lead the year labels, as on the map page

    @property
    def cycle(self) -> pd.Series:
        return self.cycles.set_index("data_year").loc[self.data_year]

    @property
    def held(self) -> bool:
        return bool(self.cycle["held"])

    @property
    def award_year(self) -> int | None:
        a = self.cycle["award_year"]
        return None if pd.isna(a) else int(a)

    @property
    def decree(self) -> str | None:
        d = self.cycle["decree_number"]
        return d if isinstance(d, str) and d else None

    @property
    def slug_place(self) -> str:
        return self.place.lower().replace(" ", "-") if self.province else "indonesia"


def load_view(
    store: Store,
    static_dir: Path,
    province: str | None,
    data_year: int,
    lang: str = "id",
    today: dt.date | None = None,
    year_mode: str = "data",
) -> View:
    cycles = store.cycles()
    if data_year not in set(cycles["data_year"]):
        first, last = cycles["data_year"].min(), cycles["data_year"].max()
        raise Refused(Message("ctx_year_unknown", year=data_year, first=first, last=last))
    names = dict(zip(store.provinces()["code"], store.provinces()["name"], strict=True))
    frame = map_frame(store, data_year, province)
    panel = status_panel(store, province)
    series = share_series(panel, per_province=province is not None)
    if province:
        series = series[series["province_code"] == province]
        reported = store.reported_counts(None, province)
    else:
        reported = store.national_counts(None)
    prev = previous_held_year(cycles, data_year)
    held = bool(cycles.set_index("data_year").loc[data_year, "held"])
    summary = province_summary(store, data_year, province, frame)
    # a year without any result (not yet published, or nothing found: either of the two) has no
    # change to show: every region would read "no data any more" or "no result in either year"
    gap = year_without_results(panel, cycles, (prev, data_year)) if held and prev else None
    changed = held and prev and gap is None
    trans = transitions(panel, prev, data_year, cycles) if changed else None
    return View(
        province=province,
        place=names[province] if province else "Indonesia",
        data_year=data_year,
        lang=lang,
        today=today or dt.date.today(),
        data_version=store.data_version(),
        cycles=cycles,
        frame=frame,
        summary=summary,
        panel=panel,
        series=series.reset_index(drop=True),
        reported=reported,
        previous_year=prev,
        trans=trans,
        geometry=view_geometry(static_dir, boundary_build_id(store), province),
        year_mode=year_mode,
    )


# --- captions ------------------------------------------------------------------------------
def year_text(view: View, year: int | None = None) -> str:
    """ "Tahun data 2022 (penghargaan 2023)" / "Data year 2022 (award 2023)"; in award-year mode
    "Tahun penghargaan 2023 (data 2022)"."""
    year = view.data_year if year is None else year
    c = view.cycles.set_index("data_year").loc[year]
    if not c["held"]:
        return t("pr_year_not_held", view.lang, year=year)
    key = "pr_year_award" if view.year_mode == "award" else "pr_year_held"
    return t(key, view.lang, year=year, award=int(c["award_year"]))


def shown_year(view: View, year: int) -> str:
    """A bare year in a title: the award year in award-year mode (a held year), else the data
    year."""
    c = view.cycles.set_index("data_year").loc[year]
    return str(int(c["award_year"])) if view.year_mode == "award" and c["held"] else str(year)


def map_title(view: View) -> str:
    programme = programme_name(view.cycle, view.lang)
    return t("pr_map_title", view.lang, programme=programme, place=view.place)


def subtitle(view: View) -> str:
    regulation = view.cycle["regulation"]
    reg = f" · {regulation}" if isinstance(regulation, str) else ""
    return year_text(view) + reg


def source_urls(view: View, frame: pd.DataFrame | None = None) -> list[str]:
    """The sources behind the shown statuses, most used first."""
    frame = view.frame if frame is None else frame
    urls = [u for u in frame["source_url"] if u]
    return [u for u, _ in Counter(urls).most_common()]


CYCLE_STATUSES = ("belum_diumumkan", "tidak_dilaksanakan")  # what the cycle's own source says


def cycle_source(view: View, frame: pd.DataFrame | None = None) -> str | None:
    """The cycle's source when the view shows a status that only the cycle row settles ("not
    yet published", "not assessed"): those have no status row to cite."""
    frame = view.frame if frame is None else frame
    url = view.cycle["source_url"]
    shown = frame["status"].isin(CYCLE_STATUSES).any()
    return url if shown and isinstance(url, str) and url else None


def no_change_reason(view: View) -> str | None:
    """Why the view has no change map, in the view's language (None: it has one)."""
    if view.trans is not None:
        return None
    if not view.held:
        return t("pr_slide_not_held", view.lang)
    if view.previous_year is None:
        return t("pr_slide_no_change", view.lang)
    gap = year_without_results(view.panel, view.cycles, (view.previous_year, view.data_year))
    year, public = gap if gap else (view.data_year, True)
    return no_results_text(year, public, view.place, view.lang)


def no_results_text(year: int, public: bool, place: str, lang: str) -> str:
    """Why no change can be shown when ``year`` has no result in the scope: not yet published,
    or (published) no row of ours."""
    key = "pr_slide_change_no_data" if public else "pr_slide_change_unpublished"
    return t(key, lang, year=year, place=place)


def source_line(view: View, frame: pd.DataFrame | None = None) -> str:
    """ "Sumber: Keputusan … ; data: host (n kab/kota), …" — the decree when there is one, and
    the cited sources of the statuses shown."""
    lang = view.lang
    frame = view.frame if frame is None else frame
    counts = Counter(source_label(u) for u in frame["source_url"] if u)
    parts = []
    if view.decree:
        parts.append(t("pr_source_decree", lang, no=view.decree, year=view.data_year))
    if counts:
        hosts = [t("pr_source_host", lang, host=h, n=n) for h, n in counts.most_common(MAX_HOSTS)]
        more = len(counts) - MAX_HOSTS
        if more > 0:
            hosts.append(t("pr_source_more", lang, n=more))
        parts.append(t("pr_source_rows", lang, hosts=", ".join(hosts)))
    cycle = cycle_source(view, frame)
    if cycle:
        parts.append(t("pr_source_cycle", lang, host=source_label(cycle), year=view.data_year))
    if not parts:
        parts.append(t("pr_source_none", lang))
    return t("pr_source_line", lang, parts="; ".join(parts))


def footer(view: View) -> str:
    return t(
        "pr_footer",
        view.lang,
        date=format_date(view.today, view.lang),
        version=view.data_version,
        project=t("pr_project", view.lang),
    )


def status_decor(view: View, with_title: bool = True) -> Decor:
    """``with_title`` False: a slide's image (the slide carries title and footer)."""
    return Decor(
        map_title(view) if with_title else None,
        subtitle(view),
        source_line(view),
        footer(view) if with_title else "",
    )


def change_decor(view: View, with_title: bool = True) -> Decor:
    a, b = view.previous_year, view.data_year
    title = t("change_title", view.lang, a=a, b=b, place=view.place)
    sub = f"{year_text(view, a)} → {year_text(view, b)}"
    note = regime_note(view.cycles, a, b, view.lang) if a else None
    both = pd.concat([view.frame, map_frame_of(view, a)]) if a else view.frame
    return Decor(
        title if with_title else None,
        sub,
        source_line(view, both),
        footer(view) if with_title else "",
        note,
    )


def map_frame_of(view: View, year: int) -> pd.DataFrame:
    """The map frame of another year of the same scope, from the panel already read."""
    return view.panel[view.panel["data_year"] == year]
