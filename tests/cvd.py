"""Colour-vision simulation (colorspacious, severity 100) and CIEDE2000, for the palette tests."""

from __future__ import annotations

import numpy as np
from colorspacious import cspace_convert

DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")  # severity 100 = -opia
VISIONS = ("normal", *DEFICIENCIES)


def hex_to_rgb1(color: str) -> np.ndarray:
    c = color.lstrip("#")
    return np.array([int(c[i : i + 2], 16) / 255 for i in (0, 2, 4)])


def simulate(rgb1: np.ndarray, vision: str) -> np.ndarray:
    """sRGB1 (…, 3) as seen with ``vision`` (a full dichromacy for the deficiencies)."""
    if vision == "normal":
        return rgb1
    space = {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}
    return np.clip(cspace_convert(rgb1, space, "sRGB1"), 0, 1)


def to_lab(rgb1: np.ndarray) -> np.ndarray:
    return cspace_convert(rgb1, "sRGB1", "CIELab")


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), kL = kC = kH = 1."""
    L1, a1, b1 = np.moveaxis(np.asarray(lab1, float), -1, 0)
    L2, a2, b2 = np.moveaxis(np.asarray(lab2, float), -1, 0)
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    cbar7 = ((c1 + c2) / 2) ** 7
    g = 0.5 * (1 - np.sqrt(cbar7 / (cbar7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    dlp, dcp = L2 - L1, c2p - c1p
    dh = h2p - h1p
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(c1p * c2p == 0, 0, dh)
    dhp = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    lbp, cbp = (L1 + L2) / 2, (c1p + c2p) / 2
    hsum = h1p + h2p
    hbp = np.where(np.abs(h1p - h2p) > 180, np.where(hsum < 360, hsum + 360, hsum - 360), hsum) / 2
    hbp = np.where(c1p * c2p == 0, hsum, hbp)
    t = (
        1
        - 0.17 * np.cos(np.radians(hbp - 30))
        + 0.24 * np.cos(np.radians(2 * hbp))
        + 0.32 * np.cos(np.radians(3 * hbp + 6))
        - 0.20 * np.cos(np.radians(4 * hbp - 63))
    )
    sl = 1 + 0.015 * (lbp - 50) ** 2 / np.sqrt(20 + (lbp - 50) ** 2)
    sc, sh = 1 + 0.045 * cbp, 1 + 0.015 * cbp * t
    dtheta = 30 * np.exp(-(((hbp - 275) / 25) ** 2))
    cbp7 = cbp**7
    rt = -2 * np.sqrt(cbp7 / (cbp7 + 25**7)) * np.sin(np.radians(2 * dtheta))
    return np.sqrt(
        (dlp / sl) ** 2 + (dcp / sc) ** 2 + (dhp / sh) ** 2 + rt * (dcp / sc) * (dhp / sh)
    )


def distance(c1: str, c2: str, vision: str = "normal") -> float:
    x, y = (to_lab(simulate(hex_to_rgb1(c), vision)) for c in (c1, c2))
    return float(ciede2000(x, y))


def min_pair(colors: dict[str, str]) -> tuple[float, str, str, str]:
    """(smallest distance, key, key, vision) over every pair and every vision."""
    keys = list(colors)
    best = (1e9, "", "", "")
    for v in VISIONS:
        labs = {k: to_lab(simulate(hex_to_rgb1(colors[k]), v)) for k in keys}
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                d = float(ciede2000(labs[a], labs[b]))
                if d < best[0]:
                    best = (d, a, b, v)
    return best
