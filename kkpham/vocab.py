"""One vocabulary: status values, labels, colours and legend order, used by map, table and export.

Stored statuses come from a source row. Derived statuses are computed for the map and never stored:
they explain *why* there is no predicate, and each has its own look so that none shares one grey.
"""

from __future__ import annotations

from dataclasses import dataclass

from kkpham.texts import t


@dataclass(frozen=True)
class Status:
    key: str  # stable identifier used in the store, CLI, JSON and URLs
    code: int  # integer used by the one-trace choropleth; also the legend order
    color: str
    stored: bool  # True: may appear in the results table; False: derived only

    def label(self, lang: str = "id") -> str:
        """Its name in ``lang``: the text catalogue's ``status_<key>`` (its meaning:
        ``desc_<key>``)."""
        return t(f"status_{self.key}", lang)


# Colours: chosen (by search, then checked in tests/test_palette.py) so every pair stays at
# least CIEDE2000 12 apart for normal vision and simulated deuteranopia, protanopia and tritanopia;
# the assessed outcomes differ in lightness for greyscale print (dark = better). The "no predicate"
# causes each have their own tone: violet (did not report), pale blue (nothing known), lavender
# (cycle not held), pale cream (not yet formed), mauve (not Peduli, band unknown).
STATUSES: tuple[Status, ...] = (
    Status("peduli", 0, "#24531e", True),
    Status("cukup", 1, "#5fc087", True),
    Status("mulai", 2, "#f6d436", True),
    Status("kurang", 3, "#e5601b", True),
    Status("belum", 4, "#995368", True),
    Status("tidak_melapor", 5, "#7765b0", True),
    Status("tidak_diketahui", 6, "#c9e3f2", False),
    Status("tidak_dilaksanakan", 7, "#b99ff9", False),
    Status("belum_terbentuk", 8, "#fcfce4", False),
    # Appended (code 9) so existing codes keep their meaning; legend order may differ from code.
    Status("bukan_peduli", 9, "#b986a0", True),
    # Derived (issue 11): a held cycle whose results list is not public yet (data year 2024: no
    # list found; 2025: not yet announced) is not "nothing known".
    # its colour: CIEDE2000 >= 12.3 to every other status under CVD (tests/test_palette.py)
    Status("belum_diumumkan", 10, "#5a4b78", False),
)

BY_KEY: dict[str, Status] = {s.key: s for s in STATUSES}
# Legend order (codes keep their meaning; "bukan_peduli" sits beside "belum", its kin).
LEGEND_ORDER: tuple[str, ...] = (
    "peduli",
    "cukup",
    "mulai",
    "kurang",
    "belum",
    "bukan_peduli",
    "tidak_melapor",
    "tidak_diketahui",
    "belum_diumumkan",
    "tidak_dilaksanakan",
    "belum_terbentuk",
)
LIGHT_OUTLINE, DARK_OUTLINE = "#ffffff", "#4d4d4d"


def outline(fill: str) -> str:
    """The border drawn around a region of colour ``fill``: white on dark fills, dark grey on
    light ones, so every fill is set off from its border (tests/test_palette.py)."""
    r, g, b = (int(fill.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return LIGHT_OUTLINE if 0.299 * r + 0.587 * g + 0.114 * b < 150 else DARK_OUTLINE


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a "#rrggbb" colour."""
    channels = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21; body text wants at least 4.5)."""
    dark, light = sorted((luminance(a), luminance(b)))
    return (light + 0.05) / (dark + 0.05)


def ink(fill: str) -> str:
    """Text written on colour ``fill``: black or white, whichever contrasts more. (Following the
    outline's light/dark split put white on orange and mid greens at 2.7-3.5:1.)"""
    return max(("#000000", "#ffffff"), key=lambda text: contrast(text, fill))


BY_CODE: dict[int, Status] = {s.code: s for s in STATUSES}
STORED_KEYS: tuple[str, ...] = tuple(s.key for s in STATUSES if s.stored)

# The reference CSV's status values, mapped to ours (not_peduli_ham is refined by its evidence).
REFERENCE_STATUS = {"peduli_ham": "peduli", "cukup_peduli_ham": "cukup", "not_peduli_ham": "belum"}

# Words people write in the "predikat" column of an import file -> status key.
PREDIKAT_ALIASES: dict[str, str] = {
    "peduli": "peduli",
    "peduli ham": "peduli",
    "kabupaten peduli ham": "peduli",
    "kota peduli ham": "peduli",
    "peduli_ham": "peduli",
    "cukup": "cukup",
    "cukup peduli": "cukup",
    "cukup peduli ham": "cukup",
    "cukup_peduli_ham": "cukup",
    "mulai": "mulai",
    "mulai peduli": "mulai",
    "mulai peduli ham": "mulai",
    "kurang": "kurang",
    "kurang peduli": "kurang",
    "kurang peduli ham": "kurang",
    "belum": "belum",
    "belum peduli": "belum",
    "belum peduli ham": "belum",
    "tidak peduli ham": "belum",
    "not_peduli_ham": "belum",
    "tidak memperoleh": "belum",
    "tidak melapor": "tidak_melapor",
    "tidak_melapor": "tidak_melapor",
    "tidak mengirim": "tidak_melapor",
    "tidak mengirim data": "tidak_melapor",
    "tidak menyampaikan laporan": "tidak_melapor",
    "bukan peduli": "bukan_peduli",
    "bukan peduli ham": "bukan_peduli",
    "bukan_peduli": "bukan_peduli",
}
