"""Presentation mode (``?tampilan=presentasi``): the map full width with large type and three key
numbers, no widgets. Keys step the view through the URL, so a presenter can prepare links:
←/→ and PageUp/PageDown (a presenter clicker) step the assessed years, ↑/↓ step the provinces
(Indonesia first), Esc goes back to the normal map. Each step is a full navigation to the new URL.

The key handler is installed in the page itself (the component iframe is same-origin but may not
navigate the top window), from a constant script; the only data it gets is a JSON config.

The map figure (title, map, legend, key, source line) is laid out once, for a 1920 × 1080 screen
(labels placed and the legend sized in pixels), and scaled as a whole so that it and the key hint
under it fit the window, as reveal.js scales a slide authored at one size
(revealjs.com/presentation-size). A laptop mirrored to a projector at 1366 × 768 shows the same
map, smaller, with nothing cut; the three key numbers above it keep their size. The scale is a
transform of the drawn chart only: Streamlit sizes the figure from the chart's box, so the box
keeps the laid-out size, a negative margin takes back the height the scaled chart leaves empty,
and the page does not scroll (the empty box could otherwise be scrolled into). Below a scale of
0.2 (a window under ~370 × 350 px) the hint can be cut.
"""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
import streamlit.components.v1 as components

from kkpham.formatting import format_percent
from kkpham.model.mapdata import share_bounds
from kkpham.present import context as ctx
from kkpham.present.mapfig import Decor, status_map_figure
from kkpham.texts import t
from kkpham.ui import charts, present_view, reads, state, view_cache
from kkpham.ui.map_view import TOPOJSON_URL

VALUE = "presentasi"
WIDTH_PX, HEIGHT_PX = 1840, 800  # the map at 1920 × 1080 with the numbers above it

MIN_SCALE, MAX_SCALE = 0.2, 2.0  # reveal.js's default bounds
# --kkpham-fit is the scale KEYS_JS sets on the root element; until it has, the chart is not
# shown (it would flash at full size on every step, each a new page)
CSS = f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header,
[data-testid="stToolbar"], [data-testid="stDecoration"] {{display: none !important;}}
.block-container {{padding: 0.6rem 1rem 0 1rem !important; max-width: 100% !important;}}
[data-testid="stMetricValue"] {{font-size: 44px !important;}}
[data-testid="stMetricLabel"] p {{font-size: 22px !important;}}
.kkpham-keys {{font-size: 20px; color: #57606a;}}
:root {{--kkpham-fit: 1;}}
[data-testid="stMain"] {{overflow: hidden;}}
[data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"]) {{
  width: {WIDTH_PX}px !important; max-width: none !important;
  margin-bottom: calc({HEIGHT_PX}px * (var(--kkpham-fit) - 1)); overflow: visible !important;
}}
[data-testid="stPlotlyChart"] > div {{
  transform: scale(var(--kkpham-fit)); transform-origin: 0 0;
}}
:root:not([style*="--kkpham-fit"]) [data-testid="stPlotlyChart"] {{visibility: hidden;}}
</style>
"""

KEYS_JS = """
(function (cfg) {
  var w = window;
  w.__kkphamPres = cfg;
  if (w.__kkphamPresKeys) { return; }
  w.__kkphamPresKeys = true;
  var d = w.document, pending = false;
  // the scale that fits the laid-out chart, and the key hint under it, on the screen
  function fit() {
    pending = false;
    var c = w.__kkphamPres, chart = d.querySelector('[data-testid="stPlotlyChart"]');
    if (!c || !chart) { return; }
    var keys = d.querySelector(".kkpham-keys");
    var top = chart.getBoundingClientRect().top;  // the page does not scroll (CSS)
    // under the chart: the hint's line and the gap before it (Streamlit's 1rem, and 8 px air);
    // 48 px until the hint is drawn. Beside it: the block container's 1rem padding each side.
    var below = keys ? keys.getBoundingClientRect().height + 24 : 48;
    var s = Math.min((d.documentElement.clientWidth - 32) / c.width,
                     (w.innerHeight - top - below) / c.height);
    s = Math.max(c.minScale, Math.min(c.maxScale, s));
    var now = parseFloat(d.documentElement.style.getPropertyValue("--kkpham-fit"));
    if (!(Math.abs(now - s) < 0.001)) {
      d.documentElement.style.setProperty("--kkpham-fit", String(s));
    }
  }
  function later() {
    if (!pending) { pending = true; w.requestAnimationFrame(fit); }
  }
  w.addEventListener("resize", later);
  new w.MutationObserver(later).observe(d.body, {childList: true, subtree: true});
  later();
  w.addEventListener("keydown", function (e) {
    var c = w.__kkphamPres;
    if (!c) { return; }
    var u = new URL(w.location.href), p = u.searchParams, k = e.key;
    function step(list, current, by) {
      var i = list.indexOf(current);
      var j = Math.min(list.length - 1, Math.max(0, (i < 0 ? 0 : i) + by));
      return list[j];
    }
    function stepYear(list, current, by) {  // from a year not assessed (2020): its neighbour
      if (list.indexOf(current) >= 0) { return step(list, current, by); }
      var near = list.filter(function (y) { return by > 0 ? +y > +current : +y < +current; });
      return near.length ? near[by > 0 ? 0 : near.length - 1] : current;
    }
    if (k === "Escape") {
      p.delete("tampilan");
    } else if (k === "ArrowRight" || k === "PageDown" || k === "ArrowLeft" || k === "PageUp") {
      var by = (k === "ArrowRight" || k === "PageDown") ? 1 : -1;
      var y = stepYear(c.years, c.year, by);
      if (y === c.year) { return; }
      p.set("tahun", y);
    } else if (k === "ArrowDown" || k === "ArrowUp") {
      var pr = step(c.provinces, c.province, k === "ArrowDown" ? 1 : -1);
      if (pr === c.province) { return; }
      if (pr) { p.set("provinsi", pr); } else { p.delete("provinsi"); }
    } else {
      return;
    }
    e.preventDefault();
    w.location.assign(u.toString());
  }, true);
})(CFG);
"""


def active() -> bool:
    return st.query_params.get("tampilan") == VALUE


def key_numbers(view: ctx.View) -> list[tuple[str, str]]:
    """(label, value): Peduli count, share (a range when data are missing, to one decimal like the
    map page's sentence), and how many kab/kota have data (a change count against a year with
    little data would read as stability). A year with no data, or whose results are not yet
    published, says so: a "0 of 514 · 0,0%" on the projector would read as a result."""
    s, lang = view.summary, view.lang
    of = t("of", lang)
    known = (t("known", lang), f"{s['known']} {of} {s['total']}")
    if not s["held"]:
        return [(t("peduli", lang), t("p10_not_held", lang)), (t("p10_share", lang), "—"), known]
    if not s["known"]:
        why = "p10_unpublished" if not s.get("public", True) else "sh_unknown"
        return [(t("peduli", lang), t(why, lang)), (t("p10_share", lang), "—"), known]
    out = [(t("peduli", lang), f"{s['peduli']} {of} {s['total']}")]
    if s["unknown"]:
        low, high = (format_percent(x, lang, decimals=1) for x in share_bounds(s))
        out.append((t("p10_share_range", lang), f"{low} – {high}"))
    else:
        out.append((t("p10_share", lang), format_percent(s["peduli_share"], lang, decimals=1)))
    out.append(known)
    return out


def _year(cycles: pd.DataFrame, default: int, lang: str) -> int:
    """The URL's data year, held or not (2020 shows that it was not assessed, as the map page
    does); an unknown value shows the default year and says so, never another year silently."""
    years = [str(int(y)) for y in cycles["data_year"]]
    value, rejected = state.read_param("tahun", years, str(default))
    if rejected is not None:
        st.warning(t("url_unknown", lang, param="tahun", value=state.shown(rejected), shown=value))
    return int(value)


def _geometry_by_url(fig: go.Figure, province: str | None) -> go.Figure:
    """The publication figure for the page: its map traces point at the geometry files they were
    read from (``reads.geometry``, served from ./static) instead of carrying them inline, and the
    label metadata for exports is left out. plotly.js compares inline GeoJSON and ``meta`` by
    identity, so Streamlit's re-render on mount replotted the whole map (``kkpham.ui.charts``)."""
    regions, provinces = reads.geometry(province)
    for trace in fig.data:
        if trace.type == "choropleth":  # the province outline is the trace named "provinsi"
            trace.geojson = provinces if trace.name == "provinsi" else regions
    fig.layout.meta = None
    return fig


def show(
    province: str | None, cycles: pd.DataFrame, names: dict[str, str], default_year: int, lang: str
) -> None:
    st.markdown(CSS, unsafe_allow_html=True)  # our own constant stylesheet, no data in it
    year = _year(cycles, default_year, lang)
    mode, _ = state.read_param("jenis_tahun", list(state.YEAR_MODES), "data")
    view = present_view.view(province, year, lang, state.YEAR_MODES[mode or "data"])
    if view is None:
        return
    cols = st.columns(3)
    for col, (label, value) in zip(cols, key_numbers(view), strict=True):
        col.metric(label, value)
    decor = Decor(ctx.map_title(view), ctx.subtitle(view), ctx.source_line(view), "")
    fig = view_cache.once(
        ("presentation_map", province, year, lang, decor.title, decor.subtitle, decor.source_line),
        lambda: charts.drawable(
            _geometry_by_url(
                status_map_figure(
                    view.frame, view.geometry, decor, lang=lang, width=WIDTH_PX, height=HEIGHT_PX
                ),
                province,
            )
        ),
    )
    charts.show(
        fig,
        key="presentasi_peta",
        config={"displayModeBar": False, "staticPlot": True, "topojsonURL": TOPOJSON_URL},
        width="content",
    )
    held = [str(int(y)) for y in cycles.loc[cycles["held"].astype(bool), "data_year"]]
    cfg = {
        "years": held,
        "year": str(year),
        "provinces": ["", *sorted(names)],
        "province": province or "",
        "width": WIDTH_PX,
        "height": HEIGHT_PX,
        "minScale": MIN_SCALE,
        "maxScale": MAX_SCALE,
    }
    st.markdown(f'<div class="kkpham-keys">{t("p10_keys", lang)}</div>', unsafe_allow_html=True)
    script = KEYS_JS.replace("CFG", json.dumps(cfg))
    # "<" as \u003c: no value, however it got here, can close the <script> element (issue 7)
    inline = json.dumps(script).replace("<", "\\u003c")
    components.html(f"<script>window.parent.eval({inline});</script>", height=0)
