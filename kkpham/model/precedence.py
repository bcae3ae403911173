"""Which claim the map shows when sources disagree — one documented rule, applied everywhere.

All claims are kept and shown; this only picks the one that colours the map. In order:
1. source kind: a decree (keputusan) beats a government page (*.go.id), which beats a news report;
2. a later batch beats an earlier one (a correction imported later wins over the claim it corrects);
3. a claim naming the region beats an "all kab/kota in the province" statement;
4. a claim with a published score beats one without;
5. the status more sources support;
6. a region named as receiving a predicate beats its absence from a (possibly partial) list;
7. any tie left: the higher band (Peduli > Cukup > … > Tidak melapor). No source outranks the other,
   so this is a convention, not evidence — which is why such a region is always marked disputed.
A region whose claims carry more than one status is marked as disputed.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd

from kkpham.vocab import BY_KEY

SOURCE_RANK = {"keputusan": 0, "pemerintah": 1, "berita": 2}


def source_kind(url: str) -> str:
    """'pemerintah' for Indonesian government sites (*.go.id), else 'berita' (news)."""
    host = (urlparse(url).hostname or "").lower()
    return "pemerintah" if host.endswith(".go.id") else "berita"


def choose(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per (region_code, data_year): the winning claim, plus n_claims and disputed.

    ``claims`` has the columns of ``Store.claims``.
    """
    if claims.empty:
        return claims.assign(n_claims=pd.Series(dtype=int), disputed=pd.Series(dtype=bool))
    keys = ["region_code", "data_year"]
    c = claims.copy()
    c["_kind"] = c["source_kind"].map(SOURCE_RANK).fillna(len(SOURCE_RANK))
    c["_batch"] = -c["batch_id"]
    c["_general"] = c["all_regions_statement"].astype(int)
    c["_noscore"] = c["score"].isna().astype(int)
    c["_support"] = -c.groupby([*keys, "status"])["status"].transform("size")
    c["_status"] = c["status"].map(lambda k: BY_KEY[k].code)
    c = c.sort_values(
        [*keys, "_kind", "_batch", "_general", "_noscore", "_support", "_status", "result_id"]
    )
    grouped = c.groupby(keys)
    winners = grouped.head(1).set_index(keys)
    winners["n_claims"] = grouped.size()
    winners["disputed"] = grouped["status"].nunique() > 1
    return winners.reset_index().drop(columns=[col for col in c.columns if col.startswith("_")])
