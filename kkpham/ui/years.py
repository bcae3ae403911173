"""The map page's time controls: the year slider over every cycle, the regime track under it, and
a play button that steps through the held years.

Play is a Streamlit fragment with ``run_every``: each tick moves the slider (and ``tahun`` in the
URL) to the next held year and redraws only the fragment (slider, map, summary, table). The figure
references its geometry by URL, so a step sends status codes and hover text, not polygons; the
URL, summary and table stay in step with the map. Data year 2020 (not held) is on the slider,
labelled, and skipped by play.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

import pandas as pd
import streamlit as st

from kkpham.model import timeline
from kkpham.texts import t
from kkpham.ui import map_view, state, view_cache

STEP_S = 1.5  # seconds per year while playing (a national redraw takes ~0.5 s)
SLIDER_KEY = "peta_tahun"
PLAY_KEY = "peta_play"
PLAYING = "_peta_playing"
LAST_STEP = "_peta_last_step"
REGIME_TINTS = ("#eef3f8", "#f6f1e7", "#edf5ec", "#f3eef6")
NOT_HELD_TINT = "#e3e3e3"


def now() -> float:
    """The play clock (monotonic seconds); tests replace it to step time without sleeping."""
    return time.monotonic()


def next_held(cycles: pd.DataFrame, year: int, last: int | None = None) -> int | None:
    """The held year after ``year`` (2019 → 2021), or None at the end (``last``: the last year
    play shows, e.g. the latest year with data; default the last held year)."""
    later = [y for y in timeline.held_years(cycles) if y > year and (last is None or y <= last)]
    return later[0] if later else None


def play_start(cycles: pd.DataFrame, year: int, last: int | None = None) -> int:
    """Where play starts: the shown year if held and before the end (``last``, default the last
    held year); at the end, or on a year not held, the first held year."""
    held = timeline.held_years(cycles)
    end = held[-1] if last is None else last
    return year if year in held and year < end else held[0]


LABEL_MIN_CELLS = 4  # cells a regime label may span at the track's end: "▸ Permen HAM 15/2025"


def regime_track(cycles: pd.DataFrame, lang: str, mode: str = "data") -> str:
    """HTML strip under the slider: one cell per data year (slider order), tinted per criteria
    regime with its regulation above its first year; a year not held is grey and labelled.
    ``mode`` "award": the cells name the award year, like the slider above them."""
    rows = cycles.sort_values("data_year")
    n = len(rows)
    starts = {y: reg for y, _, reg in timeline.regime_starts(cycles)}
    first = rows[rows["held"].astype(bool)].iloc[0]
    starts[int(first["data_year"])] = str(first["regulation"])
    regimes = [r for r in dict.fromkeys(rows["regime"]) if isinstance(r, str)]
    years = [int(y) for y in rows["data_year"]]
    ends = sorted(starts) + [years[-1] + 1]
    cells, labels = [], []
    for i, r in enumerate(rows.itertuples(index=False)):
        year = int(r.data_year)
        if not r.held:
            shown = f"({t('data', lang)} {year})" if mode == "award" else str(year)
            tint, text = NOT_HELD_TINT, f"{shown}<br>{html.escape(t('not_held', lang))}"
        else:
            shown = str(int(r.award_year)) if mode == "award" else str(year)
            tint, text = REGIME_TINTS[regimes.index(r.regime) % len(REGIME_TINTS)], shown
        border = "border-left:2px solid #444;" if year in starts else ""
        cells.append(
            f'<div style="grid-column:{i + 1};background:{tint};{border}'
            f'padding:1px 0;text-align:center">{text}</div>'
        )
        if year in starts:  # the label spans its regime's years (up to the next start)
            span = sum(year <= y < ends[ends.index(year) + 1] for y in years)
            reg = html.escape(starts[year].replace("Permenkumham ", ""))
            # a regime of the last year or two: its label ends at the track's right edge and may
            # reach back over earlier years (one cell cut "Permen HAM 15/2025" to "Permen H")
            first = min(i + 1, max(1, i + 1 + span - LABEL_MIN_CELLS)) if i + span == n else i + 1
            align = "right" if first < i + 1 else "left"
            labels.append(
                f'<div style="grid-row:1;grid-column:{first}/span {i + 1 + span - first};'
                f'white-space:nowrap;overflow:hidden;padding:0 3px;text-align:{align}">'
                f"▸ {reg}</div>"
            )
    grid = f"display:grid;grid-template-columns:repeat({n},1fr);font-size:11px;color:#333"
    return (
        f'<div data-testid="regime-track" title="{html.escape(t("track", lang))}">'
        f'<div style="{grid}">{"".join(labels)}</div>'
        f'<div style="{grid}">{"".join(cells)}</div></div>'
    )


def _toggle(cycles: pd.DataFrame, current: int, last: int) -> None:
    """Play/pause callback (runs before the rerun): start from a sensible year."""
    playing = not st.session_state.get(PLAYING, False)
    st.session_state[PLAYING] = playing
    if playing:
        state.set_widget(SLIDER_KEY, "tahun", str(play_start(cycles, current, last)))
        st.session_state[LAST_STEP] = now()


def _step(cycles: pd.DataFrame, current: int, last: int) -> bool:
    """One tick of play: move to the next held year; False when play has ended."""
    if now() - st.session_state.get(LAST_STEP, 0.0) < STEP_S * 0.6:
        return True  # a rerun that is not a tick (e.g. a click on the map)
    nxt = next_held(cycles, current, last)
    if nxt is None:
        st.session_state[PLAYING] = False
        return False
    st.session_state[LAST_STEP] = now()
    state.set_widget(SLIDER_KEY, "tahun", str(nxt))
    return True


def _current(cycles: pd.DataFrame, default_year: str) -> int:
    value, _ = state.read_param("tahun", [str(y) for y in cycles["data_year"]], default_year)
    return int(value or default_year)


def _body(
    render: Callable[[int], None],
    cycles: pd.DataFrame,
    default_year: str,
    lang: str,
    mode: str,
    registered: bool,
) -> None:
    playing = bool(st.session_state.get(PLAYING, False))
    if playing != registered:
        st.rerun()  # (re)register the fragment with or without its timer
    if playing and not _step(cycles, _current(cycles, default_year), int(default_year)):
        st.rerun()  # play has ended: drop the timer
    col_play, col_slider = st.columns([1, 9], vertical_alignment="center")
    current = _current(cycles, default_year)
    label = t("pause" if playing else "play", lang)
    col_play.button(
        label,
        key=PLAY_KEY,
        help=t("play_help", lang),
        on_click=_toggle,
        args=(cycles, current, int(default_year)),
        width="stretch",
    )
    labels = view_cache.once(
        ("year_options", mode, lang), lambda: map_view.year_options(cycles, mode, lang)
    )
    with col_slider:
        year = state.url_select(
            t("mode_award" if mode == "award" else "mode_data", lang),
            [str(y) for y in cycles["data_year"]],
            param="tahun",
            key=SLIDER_KEY,
            default=default_year,
            slider=True,
            disabled=playing,
            lang=lang,
            format_func=lambda y: labels[int(y)],
            help=t("year_help", lang),
        )
        track = view_cache.once(
            ("regime_track", lang, mode), lambda: regime_track(cycles, lang, mode)
        )
        st.markdown(track, unsafe_allow_html=True)
    render(int(year or default_year))


def player(
    render: Callable[[int], None], cycles: pd.DataFrame, default_year: str, lang: str, mode: str
) -> None:
    """Slider + play button + ``render(year)`` in one fragment that ticks while playing."""
    playing = bool(st.session_state.get(PLAYING, False))
    fragment = st.fragment(_body, run_every=STEP_S if playing else None)
    fragment(render, cycles, default_year, lang, mode, playing)
