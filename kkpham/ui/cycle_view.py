"""Streamlit glue of the data page's "Siklus & aturan" section: the cycles and regimes as stored,
and (logged in) a form to add a data year, a new regime or a regime's outcome names.

Checks and writes are ``kkpham.write.cycle_admin`` (same locked, backed-up, audited, undoable path
as
an import); tables are shown through st.dataframe, messages escaped.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkpham.settings import get_settings
from kkpham.texts import t
from kkpham.ui import import_view as ui
from kkpham.ui import reads, table_widths
from kkpham.ui.safe_text import SOURCE_DISPLAY, dashed, web_links
from kkpham.write import cycle_admin
from kkpham.write.auth import AuthConfig
from kkpham.write.stewardship import WriteError


@st.cache_data(show_spinner=False, max_entries=4)
def _tables(version: str):
    with reads.open_store() as store:
        return store.cycles(), store.regimes(), store.regime_outcomes()


def cycle_panel(who: str | None, cfg: AuthConfig | None = None, lang: str = "id") -> None:
    st.subheader(t("cycle_title", lang))
    settings = get_settings()
    cycles, regimes, outcomes = _tables(reads.data_version())
    cycle_columns = {
        "data_year": t("mode_data", lang),
        "award_year": t("mode_award", lang),
        "regime": t("cy_col_regime", lang),
        "regulation": t("src_regulation", lang),
        "held": t("src_held", lang),
        "results_public": t("cy_col_public", lang),
        "decree_number": t("cycle_decree", lang),
        "award_date": t("src_award_date", lang),
        "source_url": t("source", lang),
    }
    outcome_columns = {
        "regime": t("cy_col_regime", lang),
        "rank": t("cy_col_rank", lang),
        "status": t("status", lang),
        "label_id": t("cy_col_label_id", lang),
        "label_en": t("cy_col_label_en", lang),
    }
    for table, columns, key in (
        (cycles, cycle_columns, "cycles_table"),
        (outcomes, outcome_columns, "outcomes_table"),
    ):
        shown = table[list(columns)].copy()
        for name in shown.columns:  # nothing recorded: a dash, not the word "None"
            if name == "source_url":  # a link showing its site, as in every other table
                shown[name] = web_links(shown[name])
            elif shown[name].isna().any() or pd.api.types.is_string_dtype(shown[name]):
                shown[name] = dashed(shown[name])
        config = {
            name: st.column_config.NumberColumn(label, format="%d")
            if pd.api.types.is_integer_dtype(shown[name])
            else st.column_config.LinkColumn(label, display_text=SOURCE_DISPLAY)
            if name == "source_url"
            else st.column_config.Column(label)
            for name, label in columns.items()
        }
        # every text whole (decree numbers), every row in view; a cycle's regulation (an
        # outcome's Indonesian name) wraps where the page is narrow
        wraps = "regulation" if "regulation" in shown.columns else "label_id"
        table_widths.show_wrapped(shown, wraps, config, min_px=0, key=key)
    if not who:
        st.caption(t("cycle_login", lang))
        return
    with st.expander(t("cycle_form", lang), expanded=False):
        c1, c2, c3 = st.columns(3)
        year = c1.number_input(
            t("year", lang), 2012, 2100, int(cycles["data_year"].max()) + 1, key="cycle_year"
        )
        add_year = c1.checkbox(t("cycle_add_year", lang), value=True, key="cycle_add_year")
        regime = c2.text_input(
            t("cycle_regime", lang),
            key="cycle_regime",
            max_chars=8,
            help=", ".join(regimes["regime"]),
        )
        held = c3.checkbox(t("cycle_held", lang), value=True, key="cycle_held")
        public = c3.checkbox(t("cycle_public", lang), value=False, key="cycle_public")
        regulation = c2.text_input(t("cycle_regulation", lang), key="cycle_regulation")
        programme = c3.text_input(t("cycle_programme", lang), key="cycle_programme")
        decree = c1.text_input(t("cycle_decree", lang), key="cycle_decree")
        award_date = c2.text_input(t("cycle_award_date", lang), key="cycle_award_date")
        names = st.text_area(
            t("cycle_outcomes", lang),
            key="cycle_outcomes",
            height=100,
            help=t("cycle_outcomes_help", lang),
        )
        source = st.text_input(t("cycle_source", lang), key="cycle_source", max_chars=1000)
        confirmed = ui.write_button(cfg, who, t("cycle_save", lang), "cycle_save")
        if not confirmed:
            return
        try:
            entry = cycle_admin.CycleEntry(
                data_year=int(year) if add_year else None,
                award_year=int(year) + 1 if add_year and held else None,
                regime=regime.strip().upper(),
                held=held,
                results_public=public,
                decree_number=decree.strip(),
                award_date=award_date.strip(),
                source_url=source.strip(),
                regulation=regulation.strip(),
                programme_id=programme.strip(),
                outcomes=dict(
                    cycle_admin.parse_outcome(x) for x in names.splitlines() if x.strip()
                ),
            )
            batch = cycle_admin.add(entry, settings, confirmed)
        except (ValueError, WriteError) as err:
            st.error(ui.said(err))
            return
        st.success(t("cycle_saved", lang).format(batch=batch))
