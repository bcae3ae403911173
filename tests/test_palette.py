"""Colour-blind-safe palettes: every pair of categories that can share a figure stays apart under
simulated deuteranopia, protanopia and tritanopia (colorspacious, severity 100), and every fill is
set off from its outline.

Floor: CIEDE2000 >= 12 (a clearly visible difference; the issue suggested 10). The palettes were
found by a search that maximised the smallest distance (status map: 17.5, change map: 15.4;
14.4 since "a result now, none before" became a neutral grey instead of a green).
"""

from itertools import combinations

import pytest

from kkpham.figures.legend import DISPUTED_LINE
from kkpham.model.transitions import BY_TRANSITION, GAINS, LOSSES, TRANSITIONS, classify
from kkpham.vocab import LEGEND_ORDER, STATUSES, contrast, ink, outline
from tests.cvd import VISIONS, distance, hex_to_rgb1, to_lab

FLOOR = 12.0
# Every status can appear in one figure (the national map, the compare grid), so all pairs count;
# likewise every change category on the change map.
STATUS_COLOURS = {s.key: s.color for s in STATUSES}
CHANGE_COLOURS = {t.key: t.color for t in TRANSITIONS}


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("palette", [STATUS_COLOURS, CHANGE_COLOURS], ids=["status", "change"])
def test_every_pair_of_categories_stays_apart(palette, vision):
    close = [
        (a, b, round(distance(palette[a], palette[b], vision), 1))
        for a, b in combinations(palette, 2)
        if distance(palette[a], palette[b], vision) < FLOOR
    ]
    assert close == []


@pytest.mark.parametrize("palette", [STATUS_COLOURS, CHANGE_COLOURS], ids=["status", "change"])
def test_text_written_on_every_fill_reads_as_body_text(palette):
    # counts in the transition matrix, the grid's "!", the colour codes on the sources page
    low = {
        k: round(contrast(ink(c), c), 2) for k, c in palette.items() if contrast(ink(c), c) < 4.5
    }
    assert low == {}
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("palette", [STATUS_COLOURS, CHANGE_COLOURS], ids=["status", "change"])
def test_every_fill_stands_off_its_outline(palette, vision):
    close = [k for k, c in palette.items() if distance(c, outline(c), vision) < FLOOR]
    assert close == []


@pytest.mark.parametrize("vision", VISIONS)
def test_the_dispute_border_stands_off_every_status(vision):
    assert min(distance(c, DISPUTED_LINE, vision) for c in STATUS_COLOURS.values()) >= FLOOR


def test_greyscale_print_orders_the_assessed_outcomes():
    """Printed in grey, the outcomes still differ in lightness, darkest = Peduli HAM."""
    light = {
        k: to_lab(hex_to_rgb1(STATUS_COLOURS[k]))[0]
        for k in ("peduli", "cukup", "mulai", "kurang", "belum")
    }
    values = sorted(light.values())
    assert min(b - a for a, b in zip(values, values[1:], strict=False)) >= 7
    assert light["peduli"] == values[0] and light["cukup"] < light["mulai"]


def test_gains_and_losses_read_opposite():
    """Gains are blue (b* < 0), losses orange (b* > 0) in CIELab, under every vision."""
    from tests.cvd import simulate

    for vision in VISIONS:
        for key in GAINS:
            assert to_lab(simulate(hex_to_rgb1(BY_TRANSITION[key].color), vision))[2] < 0, key
        for key in LOSSES:
            assert to_lab(simulate(hex_to_rgb1(BY_TRANSITION[key].color), vision))[2] > 0, key
    for key in (*GAINS, *LOSSES):  # and the labels carry the direction for greyscale print
        assert BY_TRANSITION[key].label("id")[0] in "▲▼"


def test_change_categories_name_what_happened():
    assert classify("cukup", "belum") == "turun_pita"
    assert BY_TRANSITION["turun_pita"].label("id") == "▼ Turun kategori"
    assert classify("belum", "cukup") == "naik_pita"
    assert classify("peduli", "bukan_peduli") == "lepas_peduli"
    assert classify("cukup", "bukan_peduli") == "tetap_belum"  # band unknown: no direction


def test_a_first_result_reads_neither_as_gain_nor_as_kept_peduli():
    """Konawe, "did not report" in 2019 and "not Peduli" in 2022, read "Baru ada data" (data from
    this year on) in a green beside "kept Peduli": "did not report" is data, and the change is
    neither a gain nor a loss. The label says what the second year adds, in a neutral grey."""
    assert classify("tidak_melapor", "bukan_peduli") == "baru_melapor"
    assert classify("tidak_diketahui", "cukup") == "baru_melapor"
    assert BY_TRANSITION["baru_melapor"].label("id") == "Ada hasil (sebelumnya tidak ada)"
    _, a, b = to_lab(hex_to_rgb1(BY_TRANSITION["baru_melapor"].color))
    assert (a * a + b * b) ** 0.5 < 10  # CIELab chroma: a grey, not a hue


def test_legend_order_lists_every_status_once_with_bukan_peduli_after_belum():
    assert sorted(LEGEND_ORDER) == sorted(STATUS_COLOURS)
    assert LEGEND_ORDER.index("bukan_peduli") == LEGEND_ORDER.index("belum") + 1
