"""Checks every result row must pass before it is stored, by the build and by imports alike.

Each problem is a catalogue ``Message`` (``kkpham.texts``), shown in the reader's language; the
build's ``DataError`` names each row's line in the file it came from, in Indonesian.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urlparse

import pandas as pd

from kkpham.regimes import BANDS
from kkpham.texts import Message, Number
from kkpham.vocab import STORED_KEYS

PEDULI_MIN = 75  # every regime's Peduli HAM threshold (data/regimes.csv)
# The bands below Peduli are published only for Permenkumham 34/2016 (data/regimes.csv, regime B:
# "Peduli >=75, Cukup 65-<75, Mulai 50-<65, Kurang <50"); 22/2021 names them without ranges.
BAND_SCORES: dict[str, dict[str, tuple[float, float]]] = {
    "Permenkumham 34/2016": {"cukup": (65, 75), "mulai": (50, 65), "kurang": (0, 50)},
}
# Statuses that say "not Peduli HAM": they need a regime whose outcomes include Peduli HAM.
NOT_PEDULI = ("belum", "bukan_peduli")
_DECREE_YEAR = re.compile(r"(?:\btahun\s+|/)(\d{4})\b", re.IGNORECASE)
_DASHES = r"\-\u2010\u2011\u2012\u2013\u2014"  # in a [class]: hyphen, non-breaking hyphen, dashes
_DECREE_NUMBER = re.compile(rf"\b(?:M\.?\s?HH|MHA)[{_DASHES}][\w.{_DASHES}]*\w", re.IGNORECASE)
# the year right after a number: "Tahun 2023", ", tahun 2023" or "/2023"
_NUMBER_YEAR = re.compile(r"\s*,?\s*(?:tahun\s+|/)(\d{4})\b", re.IGNORECASE)


class DataError(ValueError):
    """Rows that must not be stored; ``problems`` lists one message per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(problems[:50])
        more = f"\n… dan {len(problems) - 50} masalah lain" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} masalah pada data:\n{shown}{more}")


def is_http_url(url: object) -> bool:
    if not isinstance(url, str):
        return False
    parsed = urlparse(url.strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def is_public_url(url: object) -> bool:
    """An http(s) URL of a public site: a dotted host name under a top-level domain of letters
    (not an IP address, written in full or short as "127.1"), outside the names kept for local
    networks (``PRIVATE_SUFFIXES``)."""
    if not is_http_url(url):
        return False
    host = (urlparse(str(url).strip()).hostname or "").strip(".")
    try:
        ipaddress.ip_address(host)
        return False
    except ValueError:
        pass
    top = host.rsplit(".", 1)[-1]
    if "." not in host or not (top.isalpha() or top.startswith("xn--")):
        return False  # "x", "127.1", "10.0.1": no public site
    return not any(host == s or host.endswith(f".{s}") for s in PRIVATE_SUFFIXES)


# never a public site: localhost (RFC 6761), mDNS (RFC 6762), home networks (RFC 8375), the
# private-use .internal (ICANN 2024). .example and .test stay allowed: tests cite them.
PRIVATE_SUFFIXES = ("localhost", "local", "home.arpa", "internal", "lan", "intranet")


def source_key(source: object) -> str:
    """One key per cited page or decree, however it was written: http and https, "www.", a
    host's case, a trailing "/", a "#fragment" and tracking parameters (utm_…) name the same
    page (a fragment that is a route, "#/…", names its own); a decree is its number and year.
    Two rows with one key are one claim."""
    text = " ".join(str(source).split())
    if not is_http_url(text):
        return _decree_key(text)
    url = urlparse(text)
    host = (url.hostname or "").strip(".").removeprefix("www.")
    try:
        port = f":{url.port}" if url.port and url.port not in (80, 443) else ""
    except ValueError:  # "x.id:abc": not a port; the whole text is the key
        return text
    query = urlencode([(k, v) for k, v in parse_qsl(url.query) if not k.startswith("utm_")])
    # "#/berita/12" or "#!/berita/12": a single-page site's route names the page; "#top" does not
    route = url.fragment if url.fragment.startswith(("/", "!")) else ""
    route = "" if route.rstrip("/") in ("", "!") else route  # "#/", "#!/": the home route
    return (
        f"https://{host}{port}{url.path.rstrip('/')}"
        + (f"?{query}" if query else "")
        + (f"#{route}" if route else "")
    )


def _decree_key(citation: str) -> str:
    """A decree by its number and the year after it ("M.HH-03.HA.02.01.01 TAHUN 2023"), however
    the citation around them is worded ("Keputusan Menteri … Nomor …", "Kepmenkumham No. …");
    else the citation itself, in capitals."""
    number = _DECREE_NUMBER.search(citation)
    year = _NUMBER_YEAR.match(citation, number.end()) if number else None
    if number and year:  # the year right after the number: not one from a title further on
        code = re.sub(r"^M\.?HH", "M.HH", "".join(number.group(0).split()).upper())
        return re.sub(f"[{_DASHES}]", "-", code) + f" TAHUN {year.group(1)}"
    return citation.upper()


def regime_bands(outcomes: pd.DataFrame) -> dict[str, frozenset[str]]:
    """Regime key -> the bands (peduli, cukup, …) its published outcomes name."""
    return {str(regime): frozenset(group["status"]) for regime, group in outcomes.groupby("regime")}


def _status_problems(
    status: str, score: float | None, cycle: pd.Series, bands: frozenset[str]
) -> list[Message]:
    """A status and score the cycle's criteria regime cannot have given."""
    label, regulation = Message(f"status_{status}"), cycle.get("regulation")
    if status in BANDS and status not in bands:
        if not bands:
            return [Message("val_outcomes_unpublished", regulation=regulation, label=label)]
        named = [Message(f"status_{b}") for b in BANDS if b in bands]
        return [Message("val_not_in_regime", label=label, regulation=regulation, named=named)]
    if status in NOT_PEDULI and "peduli" not in bands:
        return [Message("val_no_peduli", regulation=regulation, label=label)]
    if score is None:
        return []
    shown = Number(score, max_decimals=9)  # as written: a rounded 74.99996 would read "75"
    if status == "tidak_melapor":
        return [Message("val_score_not_reported")]
    if status == "peduli" and score < PEDULI_MIN:
        return [Message("val_score_below_peduli", score=shown, min=PEDULI_MIN)]
    if status != "peduli" and score >= PEDULI_MIN:
        return [Message("val_score_means_peduli", score=shown, min=PEDULI_MIN, label=label)]
    low, high = BAND_SCORES.get(str(regulation), {}).get(status, (0, PEDULI_MIN))
    if status != "peduli" and not low <= score < high:
        return [
            Message(
                "val_score_outside",
                score=shown,
                label=label,
                regulation=regulation,
                low=low,
                high=high,
            )
        ]
    return []


def decree_problems(citation: str, year: int, cycle: pd.Series) -> list[Message]:
    """A decree cited for a data year must name its year, and be signed in the award year
    ("Tahun 2023" or "/2023" for data year 2022). Other years may stand beside it (the data
    year, the regulation's); a cycle may have more than one decree, so numbers are not matched."""
    award = int(cycle["award_year"])
    years = {int(y) for y in _DECREE_YEAR.findall(citation)}
    if not years:
        return [Message("val_decree_no_year", year=year, award=award)]
    if award not in years:
        named = ", ".join(map(str, sorted(years)))
        return [Message("val_decree_wrong_year", year=year, award=award, years=named)]
    return []


def row_problems(
    row: dict,
    regions: pd.DataFrame,
    cycles: pd.DataFrame,
    bands: Mapping[str, frozenset[str]],
    allow_decree: bool = False,
) -> list[Message]:
    """What is wrong with one result row (empty list: nothing). ``bands``: ``regime_bands`` of
    the store's outcomes; a status must be one the cycle's regime can give."""
    problems: list[Message] = []
    region = regions.loc[row["region_code"]] if row["region_code"] in regions.index else None
    if region is None:
        problems.append(Message("val_region_unknown", code=row["region_code"]))
    year = row["data_year"]
    if year not in cycles.index:
        first, last = cycles.index.min(), cycles.index.max()
        problems.append(Message("val_year_outside", year=year, first=first, last=last))
    elif not bool(cycles.loc[year, "held"]):
        problems.append(Message("val_not_held", year=year))
    elif region is not None and pd.notna(region["formed_year"]) and year < region["formed_year"]:
        formed = int(region["formed_year"])
        problems.append(Message("val_not_formed", name=region["name"], formed=formed, year=year))
    held = year in cycles.index and bool(cycles.loc[year, "held"])
    score = row.get("score")
    if score is not None and isinstance(score, float) and math.isnan(score):
        score = None
    if score is not None and (
        not isinstance(score, int | float) or not math.isfinite(score) or not 0 <= score <= 100
    ):
        problems.append(Message("val_score_range", text=score))
        score = None
    if row["status"] not in STORED_KEYS:
        problems.append(Message("val_status_unknown", text=row["status"]))
    elif held:
        cycle = cycles.loc[year]
        problems += _status_problems(
            row["status"], score, cycle, bands.get(str(cycle["regime"]), frozenset())
        )
    source = row.get("source_url")
    if allow_decree and not is_http_url(source):
        if held:
            problems += decree_problems(str(source), int(year), cycles.loc[year])
    elif not is_public_url(source):
        problems.append(Message("val_source_public"))
    return problems


def validate_results(
    results: pd.DataFrame,
    regions: pd.DataFrame,
    cycles: pd.DataFrame,
    outcomes: pd.DataFrame,
    line_col: str = "line",
) -> list[str]:
    """All problems of a results frame, each prefixed with its line; also duplicate rows."""
    regions = regions.set_index("code") if "code" in regions.columns else regions
    cycles = cycles.set_index("data_year") if "data_year" in cycles.columns else cycles
    bands = regime_bands(outcomes)
    problems = []
    for row in results.to_dict("records"):
        decree = row.get("source_kind") == "keputusan"
        for p in row_problems(row, regions, cycles, bands, allow_decree=decree):
            problems.append(f"baris {row.get(line_col, '?')}: {p}")
    key = ["region_code", "data_year", "source_key"]
    results = results.assign(source_key=results["source_url"].map(source_key))
    dup = results[results.duplicated(key, keep=False)]
    for _, group in dup.groupby(key):
        lines = ", ".join(str(x) for x in group.get(line_col, group.index))
        first = group.iloc[0]
        problems.append(
            f"baris {lines}: klaim ganda untuk {first['region_code']} tahun data "
            f"{first['data_year']} dari sumber yang sama"
        )
    return problems
