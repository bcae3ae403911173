"""The README is checked against the code it documents: settings and CLI commands."""

from __future__ import annotations

import contextlib
import re

from kkpham.__main__ import main
from kkpham.settings import ROOT, VARIABLES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table_with_its_default() -> None:
    rows = dict(re.findall(r"^\| `(KKPHAM_\w+)` \| ([^|]*) \|", README, flags=re.MULTILINE))
    assert set(rows) == set(VARIABLES)
    for name, (default, _help) in VARIABLES.items():
        if default:
            assert f"`{default}`" in rows[name], name


def test_every_cli_command_is_in_the_readme(capsys) -> None:
    with contextlib.suppress(SystemExit):  # argparse exits after printing the help
        main(["--help"])
    commands = re.search(r"\{([a-z,-]+)\}", capsys.readouterr().out).group(1).split(",")
    documented = set(re.findall(r"^\| `([a-z-]+)[ `]", README, flags=re.MULTILINE))
    assert set(commands) <= documented, set(commands) - documented
