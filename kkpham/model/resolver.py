"""Region names as written in news and decrees -> Kemendagri codes. Never a silent guess.

A name is reduced to a key (lower case, accents, punctuation, spaces and hyphens dropped, "Kep." ->
"kepulauan"), so "Bau-Bau", "Baubau" and "Bau Bau" are one key. A leading "Kab."/"Kabupaten"/
"Kota"/"Kota Adm." sets the kind. Keys come from the official names, the old names in
data/region_facts.csv and the spellings in data/region_aliases.csv. More than one region left after
the kind and province filters is an error listing the candidates, as is a bare name that is also a
province ("Bengkulu"). The province filter accepts the current province or a former one, so
"Mimika, Papua" (before the 2022 split) finds Kabupaten Mimika in Papua Tengah.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kkpham.model.region_facts import former_codes, former_names, former_provinces, load_facts
from kkpham.settings import ROOT
from kkpham.texts import Explained, Message

ALIASES_FILE = ROOT / "data" / "region_aliases.csv"
KINDS = ("Kabupaten", "Kota")
_CODE = re.compile(r"^\d{2}\.\d{2}$")
_PROVINCE_CODE = re.compile(r"^\d{2}$")

# Leading words that give the kind (longest first: "kota administrasi" before "kota").
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("pemerintah kabupaten", "Kabupaten"),
    ("pemerintah kota", "Kota"),
    ("kabupaten administrasi", "Kabupaten"),
    ("kab adm", "Kabupaten"),
    ("kabupaten", "Kabupaten"),
    ("pemkab", "Kabupaten"),
    ("kab", "Kabupaten"),
    ("kota administrasi", "Kota"),
    ("kota adm", "Kota"),
    ("pemkot", "Kota"),
    ("kota", "Kota"),
)
_PROVINCE_PREFIX = re.compile(r"^(provinsi|propinsi|prov)\b\s*")


class ResolveError(Explained, ValueError):
    """A name that maps to no region (``reason='unknown'``) or to several (``'ambiguous'``);
    ``detail`` says where it was looked for. Its message names the candidates or close
    matches."""

    def __init__(
        self,
        name: str,
        reason: str,
        candidates: list[tuple[str, str]] | None = None,
        detail: Message | None = None,
    ) -> None:
        self.name = name
        self.reason = reason
        self.candidates = candidates or []
        self.detail = detail
        super().__init__(_message(name, reason, self.candidates, detail))


def _message(
    name: str, reason: str, candidates: list[tuple[str, str]], detail: Message | None
) -> Message:
    listed = "; ".join(f"{code} {region}" for code, region in candidates)
    where = detail or ""
    if reason == "ambiguous":
        return Message("res_ambiguous", name=name, where=where, listed=listed)
    hint = Message("res_maybe", listed=listed) if listed else ""
    return Message("res_unknown", name=name, where=where, hint=hint)


@dataclass(frozen=True)
class Match:
    code: str
    name: str
    province_code: str


def key(text: str) -> str:
    """The lookup key: ASCII lower case letters and digits only; 'kep.' spelled out."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " dan ")
    text = re.sub(r"\bkep\b\.?", "kepulauan", text)
    return re.sub(r"[^a-z0-9]", "", text)


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", text)).strip()


def _given(value: object) -> bool:
    return (
        value is not None
        and not (isinstance(value, float) and pd.isna(value))
        and bool(str(value).strip())
    )


def _kind(value: object) -> str | None:
    """'Kabupaten'/'Kota' from 'kabupaten', 'Kab.', 'KOTA'...; None when not given."""
    if not _given(value):
        return None
    kind, rest = split_prefix(f"{value} x")
    if kind is None or rest != "x":
        raise ValueError(f"kind must be Kabupaten, Kota or empty, not {value!r}")
    return kind


def split_prefix(text: str) -> tuple[str | None, str]:
    """('Kabupaten'|'Kota'|None, rest): 'Kab. Buton' -> ('Kabupaten', 'buton')."""
    words = _words(text)
    for prefix, kind in _PREFIXES:
        if words.startswith(prefix + " "):
            return kind, words[len(prefix) + 1 :]
    return None, words


def load_aliases(path: Path = ALIASES_FILE) -> pd.DataFrame:
    """``code, alias, note``; codes 'NN.NN' (kab/kota) or 'NN' (province)."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.ParserError as err:
        raise ValueError(f"{path.name}: not a valid CSV ({err})") from err
    if list(frame.columns) != ["code", "alias", "note"]:
        raise ValueError(
            f"{path.name}: columns must be code, alias, note (got {list(frame.columns)})"
        )
    bad = [
        f"{path.name} line {i}: {problem}"
        for i, row in enumerate(frame.itertuples(index=False), start=2)
        for problem in (
            None
            if _CODE.match(row.code) or _PROVINCE_CODE.match(row.code)
            else f"code {row.code!r} is not NN.NN or NN",
            None if key(row.alias) else "alias is empty",
            None if row.note.strip() else "note is empty",
        )
        if problem
    ]
    if bad:
        raise ValueError("; ".join(bad))
    return frame


class Resolver:
    """Name -> Match over one region table; build once, resolve many times (dict lookups)."""

    def __init__(
        self,
        regions: pd.DataFrame,
        provinces: pd.DataFrame,
        aliases: pd.DataFrame,
        facts: pd.DataFrame | None = None,
    ) -> None:
        for frame, cols, what in (
            (regions, ("code", "name", "kind", "province_code"), "regions"),
            (provinces, ("code", "name"), "provinces"),
            (aliases, ("code", "alias"), "aliases"),
        ):
            missing = [c for c in cols if c not in frame.columns]
            if missing:
                raise ValueError(f"{what} table lacks columns {missing}")
        facts = load_facts() if facts is None else facts
        self.regions: dict[str, tuple[str, str, str]] = {
            c: (n, k, p)
            for c, n, k, p in zip(
                regions["code"],
                regions["name"],
                regions["kind"],
                regions["province_code"],
                strict=True,
            )
        }
        if len(self.regions) != len(regions):
            raise ValueError("regions table has duplicate codes")
        bad_kind = sorted({k for _, k, _ in self.regions.values()} - set(KINDS))
        if bad_kind:
            raise ValueError(f"regions table has kinds {bad_kind}; expected {KINDS}")
        self.provinces: dict[str, str] = dict(
            zip(provinces["code"], provinces["name"], strict=True)
        )
        self.former_provinces = {
            c: p for c, p in former_provinces(facts).items() if c in self.regions
        }
        self.former_codes = {o: c for o, c in former_codes(facts).items() if c in self.regions}
        # key -> {code: how it is known}; the "how" feeds the alias check.
        self._index: dict[str, dict[str, str]] = {}
        for code, (name, _kind, _) in self.regions.items():
            _, bare = split_prefix(name)
            self._add(key(bare), code, "official")
        for code, old in former_names(facts):
            if code in self.regions:
                self._add(key(split_prefix(old)[1]), code, "former name")
        self._province_index: dict[str, str] = {}
        for code, name in self.provinces.items():
            self._province_index[code] = code
            self._province_index[key(name)] = code
        self.aliases = aliases
        for code, alias in zip(aliases["code"], aliases["alias"], strict=True):
            if code in self.regions:
                self._add(key(split_prefix(alias)[1]), code, "alias")
            elif code in self.provinces:
                self._province_index.setdefault(key(alias), code)
        self._keys = sorted(self._index)

    def _add(self, k: str, code: str, how: str) -> None:
        self._index.setdefault(k, {}).setdefault(code, how)

    # -- provinces ---------------------------------------------------------------------------
    def resolve_province(self, text: str) -> str:
        """Province code for a name, code ('74') or abbreviation ('Sultra'); ResolveError."""
        raw = str(text).strip()
        code = self._province_index.get(raw) or self._province_index.get(
            key(_PROVINCE_PREFIX.sub("", _words(raw)))
        )
        if code is None:
            close = difflib.get_close_matches(key(raw), list(self._province_index), n=3, cutoff=0.6)
            codes = dict.fromkeys(self._province_index[c] for c in close)
            raise ResolveError(
                raw, "unknown", [(c, self.provinces[c]) for c in codes], Message("res_as_province")
            )
        return code

    # -- kab/kota ----------------------------------------------------------------------------
    def _match(self, code: str) -> Match:
        name, _, province = self.regions[code]
        return Match(code, name, province)

    def _in_province(self, code: str, province: str | None) -> bool:
        return province is None or (
            self.regions[code][2] == province or province in self.former_provinces.get(code, ())
        )

    def resolve(self, name: str, province: str | None = None, kind: str | None = None) -> Match:
        """The one region ``name`` means (optionally within a current or former province)."""
        raw = str(name).strip()
        kind = _kind(kind)
        province_code = self.resolve_province(str(province)) if _given(province) else None
        if _CODE.match(raw):  # a code, current or pre-split
            code = raw if raw in self.regions else self.former_codes.get(raw)
            if code and self._in_province(code, province_code):
                return self._match(code)
        prefix_kind, rest = split_prefix(raw)
        tries = []
        if prefix_kind is not None and kind in (None, prefix_kind):
            tries.append((prefix_kind, key(rest)))
        tries.append((kind, key(raw)))  # "Kota Baru" is Kabupaten Kotabaru when no Kota Baru
        for want_kind, k in tries:
            found = [
                c
                for c in self._index.get(k, {})
                if (want_kind is None or self.regions[c][1] == want_kind)
                and self._in_province(c, province_code)
            ]
            if want_kind is None and k in self._province_index and not k.isdigit():
                # "Bengkulu" alone may be the province as much as the kota
                p = self._province_index[k]
                if found:
                    cands = [(c, self.regions[c][0]) for c in sorted(found)]
                    cands.append((p, f"Provinsi {self.provinces[p]}"))
                    raise ResolveError(raw, "ambiguous", cands, Message("res_kab_or_province"))
            if len(found) == 1:
                return self._match(found[0])
            if len(found) > 1:
                cands = [(c, self.regions[c][0]) for c in sorted(found)]
                raise ResolveError(raw, "ambiguous", cands)
        raise ResolveError(
            raw,
            "unknown",
            self._suggest(raw, province_code, kind),
            self._where(province_code, kind),
        )

    def _where(self, province_code: str | None, kind: str | None) -> Message | None:
        province = self.provinces.get(province_code, province_code) if province_code else None
        if kind and province:
            return Message("res_as_kind_in_province", kind=kind, province=province)
        if kind:
            return Message("res_as_kind", kind=kind)
        return Message("res_in_province", province=province) if province else None

    def _suggest(self, raw: str, province_code: str | None, kind: str | None) -> list[tuple]:
        """Close keys first inside the filters, then anywhere (the province may be wrong)."""
        k = key(split_prefix(raw)[1])
        exact = list(self._index.get(k, {}))  # the name exists, only the filters excluded it
        close = difflib.get_close_matches(k, self._keys, n=6, cutoff=0.75)
        codes = dict.fromkeys(exact + [c for ck in close for c in self._index[ck]])

        def outside(c: str) -> bool:  # matches inside the filters are listed first
            return not (self._in_province(c, province_code) and kind in (None, self.regions[c][1]))

        ranked = sorted(codes, key=outside)
        return [
            (c, f"{self.regions[c][0]} ({self.provinces.get(self.regions[c][2], '?')})")
            for c in ranked[:5]
        ]

    # -- checks (the OWID habit: the mapping warns both ways) --------------------------------
    def alias_problems(self) -> list[str]:
        """Alias rows that point nowhere, are not needed or are shadowed by another region."""
        problems = []
        for line, row in enumerate(self.aliases.itertuples(index=False), start=2):
            where = f"region_aliases.csv line {line} ({row.alias!r} -> {row.code})"
            if row.code in self.provinces:
                k = key(_PROVINCE_PREFIX.sub("", _words(row.alias)))
                if k in (key(self.provinces[row.code]), row.code):
                    problems.append(f"{where}: not needed, same as the province name")
                elif self._province_index.get(k) != row.code:
                    problems.append(f"{where}: shadowed by province {self._province_index.get(k)}")
                continue
            if row.code not in self.regions:
                problems.append(f"{where}: code is neither a kab/kota nor a province")
                continue
            prefix_kind, rest = split_prefix(row.alias)
            kind = self.regions[row.code][1]
            if prefix_kind not in (None, kind):
                problems.append(f"{where}: prefix says {prefix_kind}, region is {kind}")
            hows = self._index.get(key(rest), {})
            if hows.get(row.code) in ("official", "former name"):
                problems.append(f"{where}: not needed, normalises to the {hows[row.code]}")
            province = self.regions[row.code][2]
            twins = [c for c in hows if c != row.code and self.regions[c][1:] == (kind, province)]
            if twins:
                problems.append(
                    f"{where}: shadowed by {', '.join(sorted(twins))} (same key, "
                    f"kind and province: it could never resolve)"
                )
        return problems

    def unresolved(self, names: pd.DataFrame) -> list[str]:
        """Rows of ``names`` (columns name, optional province, kind) that do not resolve."""
        out = []
        for line, row in enumerate(names.to_dict("records"), start=2):
            try:
                self.resolve(row["name"], row.get("province"), row.get("kind"))
            except ResolveError as err:
                out.append(f"line {line}: {err}")
        return out
