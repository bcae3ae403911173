"""The layering of ARCHITECTURE.md, checked by reading the code (one-way imports, thin pages)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kkpham.ui.pages import PAGE_SPECS

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "pages").glob("*.py"))
ALL_CODE = sorted(
    p
    for pattern in ("dashboard.py", "pages/*.py", "kkpham/**/*.py", "bench/**/*.py")
    for p in ROOT.glob(pattern)
)
# Everything in the package but the Streamlit glue is importable without Streamlit.
DOMAIN = sorted(p for p in (ROOT / "kkpham").rglob("*.py") if "ui" not in p.relative_to(ROOT).parts)
# The layers of ARCHITECTURE.md: what each part of kkpham/ may import. "core" is the shared root
# (settings, the store, the vocabulary, regimes, texts, formatting); the CLI and the UI sit on top.
CORE = {"settings", "store", "vocab", "regimes", "texts", "formatting"}
MAY_IMPORT = {
    "core": {"core"},
    "boundaries": {"core", "boundaries"},
    "model": {"core", "boundaries", "model"},
    "write": {"core", "boundaries", "model", "write"},
    "reference": {"core", "boundaries", "model", "write", "reference"},
    "figures": {"core", "model", "figures"},
    "present": {"core", "boundaries", "model", "figures", "present"},
    "ui": {"core", "boundaries", "model", "write", "figures", "present", "ui"},
}
SQL = re.compile(
    r"\b(select\b.+\bfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|"
    r"create\s+(table|view))\b",
    re.IGNORECASE | re.DOTALL,
)
FILE_READS = {
    "open",
    "read_csv",
    "read_excel",
    "read_parquet",
    "read_json",
    "read_text",
    "read_bytes",
    "connect",
    "sql",
    "execute",
}
MAX_PAGE_LINES = 150


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def called_names(tree: ast.AST) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            out.add(f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", ""))
    return out


def test_there_is_code_to_check() -> None:
    assert len(PAGES) >= 2 and len(DOMAIN) > 10 and (ROOT / "kkpham" / "store.py") in ALL_CODE
    assert {layer_of(p) for p in DOMAIN} >= set(MAY_IMPORT) - {"ui"}


def layer_of(path: Path) -> str | None:
    """The layer a file of ``kkpham/`` belongs to (None for the CLI and the package marker)."""
    parts = path.relative_to(ROOT / "kkpham").with_suffix("").parts
    if len(parts) > 1:
        return parts[0]
    return "core" if parts[0] in CORE else None


def layer_of_module(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != "kkpham" or len(parts) == 1:
        return None
    return "core" if parts[1] in CORE else parts[1] if parts[1] in MAY_IMPORT else None


def kkpham_imports(path: Path) -> set[str]:
    """Every ``kkpham.…`` module a file imports, also inside functions (``from a import b``
    counts ``a.b`` too, so a submodule imported by name is seen)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("kkpham")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kkpham"):
            out |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return out


@pytest.mark.parametrize(
    "path",
    [p for p in DOMAIN if layer_of(p)] + sorted((ROOT / "kkpham" / "ui").rglob("*.py")),
    ids=rel,
)
def test_imports_follow_the_layers(path: Path) -> None:
    layer = "ui" if "ui" in path.relative_to(ROOT).parts else layer_of(path)
    wrong = sorted(
        name
        for name in kkpham_imports(path)
        if (target := layer_of_module(name)) and target not in MAY_IMPORT[layer]
    )
    assert not wrong, f"{rel(path)} ({layer}) imports above its layer: {wrong}"


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_pages_are_thin_and_hold_no_sql_or_file_reads(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert len(text.splitlines()) <= MAX_PAGE_LINES, f"{rel(page)} exceeds {MAX_PAGE_LINES} lines"
    assert "duckdb" not in text, f"{rel(page)} mentions duckdb"
    strings = [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]
    sql = [s for s in strings if SQL.search(s)]
    assert not sql, f"{rel(page)} contains SQL: {sql}"
    reads = called_names(tree) & FILE_READS
    assert not reads, f"{rel(page)} reads files or runs queries: {sorted(reads)}"
    assert "store" not in imported_modules(page) and "kkpham.store" not in text


@pytest.mark.parametrize("path", ALL_CODE, ids=rel)
def test_only_the_store_imports_duckdb(path: Path) -> None:
    if path == ROOT / "kkpham" / "store.py":
        assert "duckdb" in imported_modules(path)
    else:
        assert "duckdb" not in imported_modules(path), f"{rel(path)} imports duckdb"


@pytest.mark.parametrize("path", DOMAIN, ids=rel)
def test_domain_modules_do_not_import_streamlit(path: Path) -> None:
    assert "streamlit" not in imported_modules(path), f"{rel(path)} imports streamlit"


def test_every_page_file_is_named_after_its_url() -> None:
    """A deep link that is a process's first request is served by Streamlit's pages/ folder mode
    (by file name) until the router takes over: the file name must be the URL path."""
    assert [Path(s.path).stem for s in PAGE_SPECS] == [s.url_path for s in PAGE_SPECS]


def test_every_page_file_is_routed() -> None:
    routed = {s.path for s in PAGE_SPECS}
    missing = [rel(p) for p in PAGES if rel(p) not in routed]
    assert not missing, f"pages not in kkpham.ui.pages.PAGE_SPECS: {missing}"


def test_the_checker_catches_violations(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import duckdb\nimport streamlit as st\nx = open('f')\n"
        "q = 'SELECT code FROM regions'\nfrom kkpham.write import stewardship\n"
    )
    assert {"duckdb", "streamlit"} <= imported_modules(bad)
    assert "kkpham.write.stewardship" in kkpham_imports(bad)
    assert layer_of_module("kkpham.write.stewardship") not in MAY_IMPORT["model"]
    assert "open" in called_names(ast.parse(bad.read_text()))
    assert SQL.search("SELECT code FROM regions") and not SQL.search("Pilih tahun data")


# --- issue 8: routing without import side effects ---
def _calls_use_router_first(path: Path) -> bool:
    """The first top-level statement after the imports is ``use_router()``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    body = [n for n in tree.body if not isinstance(n, ast.Import | ast.ImportFrom)]
    body = [n for n in body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    first = body[0] if body else None
    return (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Call)
        and getattr(first.value.func, "id", None) == "use_router"
    )


@pytest.mark.parametrize("path", [ROOT / "dashboard.py", *PAGES], ids=rel)
def test_every_entry_script_calls_the_router_first(path: Path) -> None:
    assert _calls_use_router_first(path), f"{rel(path)} must call use_router() first"


def test_importing_the_ui_package_changes_nothing_in_streamlit() -> None:
    import subprocess
    import sys

    code = (
        "from streamlit.runtime.pages_manager import PagesManager as P; "
        "before = P.uses_pages_directory; import kkpham.ui, kkpham.ui.router, kkpham.ui.reads; "
        "assert P.uses_pages_directory is before, 'import flipped the flag'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_router_fails_loudly_when_streamlit_internals_change(monkeypatch) -> None:
    from streamlit.runtime.pages_manager import PagesManager

    from kkpham.ui import router

    router.check()  # the pinned Streamlit has what the router needs
    monkeypatch.delattr(PagesManager, router.FLAG)
    with pytest.raises(router.RouterUnsupported, match=router.FLAG):
        router.use_router()


def test_one_module_name_per_concept() -> None:
    """No two modules of the package share a name (there were two build.py, two stewardship.py,
    two compare.py, two completeness.py): a name says which layer's module is meant."""
    names: dict[str, list[str]] = {}
    for path in (ROOT / "kkpham").rglob("*.py"):
        if path.name not in {"__init__.py", "__main__.py"}:
            names.setdefault(path.name, []).append(str(path.relative_to(ROOT)))
    assert {n: p for n, p in names.items() if len(p) > 1} == {}


def test_every_table_shows_missing_values_in_no_language() -> None:
    """Streamlit draws a missing value as a grey English "None": every table passes
    ``placeholder=MISSING`` instead (an Indonesian page must not say "None")."""
    calls = []
    for path in [*PAGES, *sorted((ROOT / "kkpham" / "ui").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("dataframe", "data_editor")
            ):
                given = {k.arg: k.value for k in node.keywords}
                placeholder = given.get("placeholder")
                ok = isinstance(placeholder, ast.Name) and placeholder.id == "MISSING"
                calls.append((f"{path.name}:{node.lineno}", ok))
    assert len(calls) >= 10  # the check found the tables
    assert [where for where, ok in calls if not ok] == []


def test_a_download_does_not_rerun_the_page() -> None:
    """A download changes nothing on the page: a rerun after it re-checked an uploaded file and
    could race the next upload (a lost upload in the data-page browser test, once)."""
    found = []
    for path in sorted((ROOT / "kkpham" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "download_button":
                given = {k.arg: k.value for k in node.keywords}
                click = given.get("on_click")
                found.append(isinstance(click, ast.Constant) and click.value == "ignore")
    assert len(found) >= 4 and all(found)
