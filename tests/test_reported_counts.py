"""What a source's "N of M" count counted is said wherever the count is shown, and totals print
as whole numbers. A data review found the summary beside the map calling a count of Cukup
regions (Kalimantan Barat 2019) and a count of invited regions (national 2016) "received the
predicate", and national totals printed as "515.0"."""

from __future__ import annotations

import datetime
import re

import pandas as pd
import pytest

from kkpham.model.completeness import counted, counted_phrase, reported_items
from kkpham.present.context import load_view
from kkpham.present.context import map_title as slide_title
from kkpham.present.narrative import narrative, unknowns
from kkpham.regimes import programme_name
from kkpham.settings import Settings
from kkpham.store import Store
from kkpham.texts import t
from kkpham.ui.map_view import _reported_lines, map_title

TODAY = datetime.date(2026, 11, 29)
NAN = float("nan")


def _row(n: int, m: float | None, evidence: str, url: str = "https://x.id/a") -> dict:
    return {
        "awarded_count": n,
        "total_regions": m,
        "source_url": url,
        "evidence": evidence,
        "data_year_derived": True,
    }


def _summary(rows: list[dict]) -> dict:
    return {"reported": rows, "peduli": 2, "cukup": 3}


def test_the_counts_tag_is_read_once_for_every_place() -> None:
    assert counted("Hanya tiga daerah. [counts: cukup_peduli_ham]") == "cukup_peduli_ham"
    assert counted("212 dari 515 diundang [counts: invited (peduli_ham)]") == "invited (peduli_ham)"
    assert counted("no tag here") == counted(None) == ""
    items = reported_items([_row(232, 515.0, "a"), _row(271, NAN, "b [counts: peduli_ham]")])
    assert items == [(232, 515, ""), (271, None, "peduli_ham")]
    assert all(isinstance(x, int) for x in (items[0][1], items[1][0]))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_summary_lines_say_what_each_count_counted(lang: str) -> None:
    rows = [
        _row(3, 14.0, "Hanya tiga daerah Cukup [counts: cukup_peduli_ham]"),
        _row(212, 515.0, "diundang [counts: invited (peduli_ham)]", "https://x.id/b"),
        _row(232, 515.0, "bersama 232 kabupaten/kota", "https://x.id/c"),
        _row(232, NAN, "bersama 232 lainnya", "https://x.id/d"),
    ]
    lines = _reported_lines(_summary(rows), "B", lang)
    assert not any(".0" in line for line in lines)  # a float total reads "515.0"
    cukup, invited, awarded, bare, ours = lines
    assert t("rp_cukup", lang) in cukup and t("cukup_awarded", lang) not in cukup
    assert t("n_of_m", lang, n=3, m=14) in cukup
    assert t("rp_invited", lang) in invited
    assert t("rp_awarded", lang) in awarded and t("cukup_awarded", lang) in awarded
    assert "**232**" in bare  # no total: the count alone
    assert ours == t("ours_counts", lang, peduli=2, cukup=3)
    assert _reported_lines(_summary([]), "B", lang) == []


def test_two_sources_with_the_same_count_share_one_line() -> None:
    rows = [_row(10, 17.0, "a", "https://x.id/1"), _row(10, 17.0, "b", "https://x.id/2")]
    lines = _reported_lines(_summary(rows), "C", "id")
    assert len(lines) == 2 and "[1](https://x.id/1), [2](https://x.id/2)" in lines[0]


def test_real_counts_say_what_they_counted(built_settings: Settings) -> None:
    """On the real store: every tagged count is shown with its own words, beside the map and in
    the meeting pack's narrative, in both languages."""
    with Store.open(built_settings.db_path) as store:
        counts = pd.concat([store.reported_counts(), store.national_counts()], ignore_index=True)
        tagged = counts[counts["evidence"].fillna("").str.contains(r"\[counts: ", regex=True)]
        assert tagged["province_code"].isna().any()  # the national "invited" count is checked
        assert len(tagged), "no tagged count left: the test has nothing to check"
        for row in tagged.itertuples():
            place = None if pd.isna(row.province_code) else row.province_code
            for lang in ("id", "en"):
                view = load_view(
                    store, built_settings.static_dir, place, row.data_year, lang, TODAY
                )
                phrase = counted_phrase(counted(row.evidence), lang)
                lines = _reported_lines(view.summary, view.cycle["regime"], lang)
                assert any(phrase in line and str(row.awarded_count) in line for line in lines)
                assert any(phrase in line for line in unknowns(view))
                assert not any(re.search(r"\d\.0\b", line) for line in lines)


def test_map_titles_name_the_cycles_programme(built_settings: Settings) -> None:
    """From data year 2025 (Permen HAM 15/2025) the programme is "Penilaian Kepatuhan HAM"; a
    map of that year is not titled with the old name. Every cycle's title names its regime's
    programme, on the page and in exports."""
    with Store.open(built_settings.db_path) as store:
        cycles = store.cycles()
        regimes = store.regimes().set_index("regime")
        for cycle in cycles.to_dict("records"):
            regime = cycle["regime"]
            expected = (
                regimes.loc[regime, "programme_id"]
                if isinstance(regime, str) and regime in regimes.index
                else t("programme_peduli", "id")
            )
            for lang in ("id", "en"):
                assert programme_name(cycle, lang) == expected
                title = map_title("Sulawesi Tenggara", "tahun data", lang, programme_name(cycle))
                assert title.startswith(f"{expected} — ")
        latest = int(cycles["data_year"].max())
        view = load_view(store, built_settings.static_dir, "74", latest, "id", TODAY)
        assert slide_title(view).startswith(programme_name(view.cycle))
    assert programme_name({"programme": None}) == "Kabupaten/Kota Peduli HAM"
    assert programme_name({}) == "Kabupaten/Kota Peduli HAM"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_year_without_results_reads_as_none_in_the_sentence_and_the_pack(
    built_settings: Settings, lang: str
) -> None:
    """Held years whose results are not yet published (the latest held ones, today 2024 and
    2025) read "0 dari 514 … meraih predikat" beside the map and "every kab/kota has a cited
    status" in the pack; they now say the results are not published."""
    from kkpham.present.narrative import headline

    with Store.open(built_settings.db_path) as store:
        cycles = store.cycles()
        unpublished = cycles[cycles["held"] & ~cycles["results_public"].astype(bool)]
        if unpublished.empty:
            pytest.skip("every held year's results are published")
        for year in unpublished["data_year"].astype(int):
            for place in (None, "74"):
                view = load_view(store, built_settings.static_dir, place, year, lang, TODAY)
                if view.summary["known"]:
                    continue  # results entered for it since: a sentence with counts is right
                assert headline(view).endswith(
                    t(
                        "pr_headline_unpublished",
                        lang,
                        year="",
                        total=view.summary["total"],
                        place=view.place,
                    )[2:]
                )
                lines = unknowns(view)
                assert narrative(view) == [headline(view), *lines]  # no changes, no pembina verdict
                assert t("pr_unknown_none", lang) not in lines
                assert t("pr_unpublished", lang, n=view.summary["unpublished"]) in lines
                # no change map of "no data any more" for every region; the cycle is cited
                from kkpham.present.context import no_change_reason, source_line

                assert view.trans is None
                assert no_change_reason(view) == t(
                    "pr_slide_change_unpublished", lang, year=year, place=view.place
                )
                cycle = view.cycle["source_url"]
                assert source_line(view) and view.frame["source_url"].eq("").all()
                assert t("pr_source_none", lang) not in source_line(view)
                assert re.sub(r"^www\.", "", cycle.split("/")[2]) in source_line(view)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pack_sources_are_grouped_by_what_they_back(built_settings: Settings, lang: str) -> None:
    """The sources slide listed, under "status from the sources below", the count sources of
    every year (Sultra 2024 showed seven pages from 2017-2023 and none backing a 2024 status)."""
    from kkpham.present.context import map_frame_of, source_urls
    from kkpham.present.pack import all_sources, source_groups

    with Store.open(built_settings.db_path) as store:
        cycles = store.cycles()
        for year in cycles.loc[cycles["held"], "data_year"].astype(int):
            view = load_view(store, built_settings.static_dir, "74", year, lang, TODAY)
            groups = dict(source_groups(view))
            status_head = t("pr_sources_status", lang, year=year)
            assert groups.get(status_head, []) == source_urls(view)
            prev_head = t("pr_sources_previous", lang, year=view.previous_year)
            if view.trans is not None:
                prev = source_urls(view, map_frame_of(view, view.previous_year))
                assert groups.get(prev_head, []) == prev
            else:
                assert prev_head not in groups
            counts = groups.get(t("pr_sources_counts", lang, year=year), [])
            # the counts the pack shows: beside the share (awards), or in the year's narrative
            rep = view.reported
            tags = rep["evidence"].map(counted)
            off = tags.str.startswith("invited") | (tags == "cukup_peduli_ham")
            shown = rep[~off | (rep["data_year"] == year)]
            assert set(counts) == set(shown["source_url"]) - {""}
            assert all(urls for urls in groups.values())
            assert set(all_sources(view)) == {u for urls in groups.values() for u in urls}


def test_change_slide_of_the_first_year_names_no_earlier_year(built_settings: Settings) -> None:
    from kkpham.present.context import no_change_reason

    with Store.open(built_settings.db_path) as store:
        cycles = store.cycles()
        first = int(cycles.loc[cycles["held"], "data_year"].min())
        view = load_view(store, built_settings.static_dir, None, first, "id", TODAY)
        assert view.previous_year is None and view.trans is None
        assert no_change_reason(view) == t("pr_slide_no_change", "id")


def test_no_verdict_and_no_streak_where_nothing_is_known() -> None:
    """The 2024 national pack said "Pembina: mungkin (data belum lengkap)" for all 38 provinces
    and a streak of 0 for every kab/kota: results not yet published are not a verdict."""
    from kkpham.model.league import pembina_status, pembina_text
    from kkpham.model.panel import with_runs
    from kkpham.present.tables import region_table

    assert pembina_status(0, 17, 17, 2024) == "tanpa_hasil"
    assert pembina_status(0, 16, 17, 2024) == "mungkin"  # one result known: the bound holds
    assert t("pb_tanpa_hasil", "id").lower() in pembina_text(0, 17, 17, 2024)
    frame = pd.DataFrame(
        {
            "code": ["74.01", "74.02"],
            "name": ["A", "B"],
            "status": ["belum_diumumkan", "peduli"],
            "score": [None, None],
            "source_url": ["", "https://x.id/a"],
            "disputed": [False, False],
            "province_code": ["74", "74"],
        }
    )
    panel = pd.DataFrame(
        {
            "code": ["74.01", "74.02", "74.01", "74.02"],
            "data_year": [2023, 2023, 2024, 2024],
            "status": ["peduli", "peduli", "belum_diumumkan", "peduli"],
            "held": [True] * 4,
        }
    )
    runs = with_runs(panel.sort_values(["code", "data_year"], ignore_index=True))
    streak = region_table(frame, runs, 2024)[t("tbl_streak", "id")]
    assert streak.isna().tolist() == [True, False] and streak.iloc[1] == 2
    # 2020 (not held): no region has a cited status, so no streak either (it read 0 or 1)
    from kkpham.model.timeline import streaks

    peduli_2019 = panel.head(2).assign(data_year=2019, status="peduli")
    not_held = panel.head(2).assign(data_year=2020, held=False, status="tidak_dilaksanakan")
    held_2020 = pd.concat([peduli_2019, not_held, panel]).sort_values(["code", "data_year"])
    held_2020 = with_runs(held_2020.reset_index(drop=True))
    assert streaks(held_2020, as_of=2019)["streak"].tolist() == [1, 1]  # the fixture bites
    not_held = frame.assign(status="tidak_dilaksanakan")
    assert region_table(not_held, held_2020, 2020)[t("tbl_streak", "id")].isna().all()


def test_only_counts_of_awards_stand_beside_the_peduli_share(built_settings: Settings) -> None:
    """Sultra 2019's 14 (Peduli + Cukup) is an award count, national 2016's 212 were invited,
    Kalimantan Barat 2019's 3 were Cukup; national 2019's 259 of 439 divided by participants,
    and national counts without a total were dropped (no national total to divide by)."""
    from kkpham.figures.compare import share_chart
    from kkpham.model.timeline import reported_beside_ours

    with Store.open(built_settings.db_path) as store:
        cycles = store.cycles()
        for place in (None, "61", "74"):
            view = load_view(store, built_settings.static_dir, place, 2022, "id", TODAY)
            series = view.series  # the scope's rows, as the pack reads them
            beside = reported_beside_ours(series, view.reported)
            assert beside["ours_total"].notna().all()  # every count finds its year's scope
            total = beside["ours_total"].astype(float)
            assert (beside["reported_share"] == beside["awarded_count"] / total).all()
            tags = beside["evidence"].map(counted)
            off = tags.str.startswith("invited") | (tags == "cukup_peduli_ham")
            assert (beside["on_share_chart"] == ~off).all()
            fig = share_chart(series, beside.assign(source_label=""), cycles, lang="id")
            markers = [d for d in fig.data if d.mode == "markers"]
            assert sum(len(d.y) for d in markers) == int(
                (~off & beside["data_year"].isin(cycles["data_year"])).sum()
            )
            # the hover names the kab/kota the point divides by, and a source's own total only
            # as the source's (259/439 stood under a point of 259/514)
            shown = beside[~off & beside["data_year"].isin(cycles["data_year"])]
            hovers = [h for d in markers for h in d.text]
            for r, hover in zip(shown.itertuples(), hovers, strict=True):
                n, ours = int(r.awarded_count), int(r.ours_total)
                assert hover.startswith(f"{n}/{ours}")
                if pd.notna(r.total_regions) and int(r.total_regions) != ours:
                    theirs = t("fig_source_total", "id", n=n, m=int(r.total_regions))
                    assert f"({theirs})" in hover


def test_no_pembina_verdict_for_a_province_before_it_was_formed(built_settings: Settings) -> None:
    """The national 2013 pack gave Papua Selatan, Papua Tengah, Papua Pegunungan and Papua
    Barat Daya (formed 2022) "Pembina: mungkin"."""
    from kkpham.model.league import league_table
    from kkpham.model.region_facts import province_formed_years
    from kkpham.model.timeline import share_series, status_panel

    with Store.open(built_settings.db_path) as store:
        regions, cycles = store.regions(), store.cycles()
        formed = province_formed_years(regions)
        assert {"93", "94", "95", "96"} <= set(formed) and formed["93"] == 2022
        assert "91" not in formed and "74" not in formed  # they lost or kept kab/kota
        series = share_series(status_panel(store, None), per_province=True)
        for year in (2013, 2023):
            league = league_table(series, year, cycles, "id", formed=formed).set_index(
                "province_code"
            )
            for province, since in formed.items():
                row = league.loc[province]
                assert (row["pembina"] == "belum_terbentuk") is (year < since)
                if year < since:
                    assert row["pembina_text"] == t("pb_not_formed", "id", year=since)
        from kkpham.present.pack import _province_rows

        papua = store.provinces().set_index("code").loc[["93", "94", "95", "96"], "name"]
        # 2013: none of them had a result; 2016: two had one kab/kota each (ranked, by the
        # kab/kota counted where they are today). Every one is named as not yet formed, never
        # as "no result recorded", and the count is all four.
        for year in (2013, 2016):
            view = load_view(store, built_settings.static_dir, None, year, "id", TODAY)
            _, rows, unranked = _province_rows(view)
            for row in rows:
                if row[0] in set(papua):
                    assert row[1].isdigit() and row[-1].startswith("Provinsi belum terbentuk")
            head = t("lg_not_formed", "id", year=year, n=len(papua), names="").rstrip(" .")
            without, _, not_formed = unranked.partition(head)
            assert not_formed and all(n not in without and n in not_formed for n in papua)
            assert f"({t('lg_formed_in', 'id', year=2022)})" in not_formed


@pytest.mark.parametrize("lang", ["id", "en"])
def test_national_pack_of_a_year_not_assessed_builds(built_settings: Settings, lang: str) -> None:
    """`pack --data-year 2020` failed nationally (no league of a year not assessed) with an
    Indonesian message; the province pack worked."""
    from types import SimpleNamespace

    from kkpham.present.pack import build_pack

    stub = SimpleNamespace(render=lambda jobs: [b"png"] * len(jobs))
    with Store.open(built_settings.db_path) as store:
        cycles = store.cycles()
        for year in cycles.loc[~cycles["held"], "data_year"].astype(int):
            view = load_view(store, built_settings.static_dir, None, year, lang, TODAY)
            pack = build_pack(view, stub)
            said = " ".join(" ".join(s.bullets or []) for s in pack.slides)
            assert t("pr_slide_not_held", lang) in said


@pytest.mark.parametrize("lang", ["id", "en"])
def test_national_pack_ranks_only_provinces_with_a_result(built_settings: Settings, lang) -> None:
    """The national pack listed every province, "—" where nothing was known (38 rows of "—" for
    2024, "Tanpa data: 23" beside "not yet published"); it now ranks as the compare page does
    and names the others, or says why there is no ranking."""
    from types import SimpleNamespace

    from kkpham.model.region_facts import province_formed_years
    from kkpham.present.pack import build_pack
    from kkpham.vocab import STORED_KEYS

    stub = SimpleNamespace(render=lambda jobs: [b"png"] * len(jobs))
    with Store.open(built_settings.db_path) as store:
        cycles, panel = store.cycles(), store.status_panel()
        names = store.provinces().set_index("code")["name"]
        formed = province_formed_years(store.regions())
        for c in cycles[cycles["held"]].itertuples():
            year = int(c.data_year)
            now = panel[panel["data_year"] == year]
            known = set(now.loc[now["status"].isin(STORED_KEYS), "province_code"])
            view = load_view(store, built_settings.static_dir, None, year, lang, TODAY)
            slides = build_pack(view, stub).slides
            ranked = [r[0] for s in slides if s.kind == "table" for r in s.rows]
            assert sorted(ranked) == sorted(names[sorted(known)])
            said = [b for s in slides for b in s.bullets]
            if not known:
                key = "lg_none_known" if c.results_public else "lg_unpublished"
                assert t(key, lang, year=year) in said
            elif len(known) < len(names):  # the others named: not yet formed, or no result
                others = names.drop(sorted(known)).sort_values()
                young = [p for p in names.index if formed.get(p, 0) > year]  # ranked or not
                without = others.drop([p for p in young if p in others.index])
                line = " ".join(said)
                if len(without):
                    n, listed = len(without), ", ".join(without)
                    assert t("lg_without", lang, year=year, n=n, names=listed) in line
                if young:
                    head = t("lg_not_formed", lang, year=year, n=len(young), names="")
                    assert head.rstrip(" .") in line


def test_award_year_mode_leads_the_pack_and_presentation_titles(built_settings: Settings) -> None:
    """Presentation mode ignored jenis_tahun=penghargaan: the map page read "tahun penghargaan
    2024 (data 2023)", the projector "Tahun data 2023 (penghargaan 2024)"."""
    from kkpham.present.context import shown_year, subtitle, year_text

    with Store.open(built_settings.db_path) as store:
        view = load_view(
            store, built_settings.static_dir, "74", 2023, "id", TODAY, year_mode="award"
        )
        award = int(view.cycle["award_year"])
        assert year_text(view) == f"Tahun penghargaan {award} (data 2023)"
        assert subtitle(view).startswith(year_text(view)) and shown_year(view, 2023) == str(award)
        assert shown_year(view, 2020) == "2020"  # not held: no award year to lead with
        data = load_view(store, built_settings.static_dir, "74", 2023, "en", TODAY)
        assert year_text(data) == f"Data year 2023 (award {award})"


def test_pack_shows_no_change_from_a_year_without_results(built_settings: Settings) -> None:
    """The pack drew a change map from a year we hold no row of (Aceh 2015 -> 2016: every kab/kota
    "a result now, none before") where the map page refused; both now give the reason."""
    from kkpham.model.timeline import previous_held_year
    from kkpham.present.context import no_change_reason
    from kkpham.vocab import STORED_KEYS

    with Store.open(built_settings.db_path) as store:
        cycles, panel = store.cycles(), store.status_panel()
        stored = panel[panel["status"].isin(STORED_KEYS)]
        known = set(zip(stored["province_code"], stored["data_year"], strict=True))
        pairs = [
            (province, int(year), previous_held_year(cycles, int(year)))
            for province, year in sorted(known)
        ]
        gaps = [(p, y, prev) for p, y, prev in pairs if prev and (p, prev) not in known]
        if not gaps:
            pytest.skip("every province with a result has one in the held year before it")
        province, year, prev = gaps[0]
        view = load_view(store, built_settings.static_dir, province, year, "id", TODAY)
        assert view.trans is None
        assert no_change_reason(view) == t(
            "pr_slide_change_no_data", "id", year=prev, place=view.place
        )
