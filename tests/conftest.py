"""Shared fixtures: the real built store (idempotent build), the test-only synthetic store that
page and browser tests run on (``tests/synthetic.py``), and the artifacts folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from streamlit.testing.v1 import AppTest

from bench.harness import launch_chromium
from kkpham.reference.store_build import build_store
from kkpham.settings import Settings, get_settings

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
DASHBOARD = str(ROOT / "dashboard.py")
MIRROR = ROOT.parent / "shared" / "boundaries" / "upstream"

# Offline machines and CI: build the boundaries from the mirror beside the checkout (as `make` does)
# when KKPHAM_BOUNDARIES_SRC is unset, so a bare `pytest` never tries to download.
if not os.environ.get("KKPHAM_BOUNDARIES_SRC") and MIRROR.is_dir():
    os.environ["KKPHAM_BOUNDARIES_SRC"] = str(MIRROR)


# A loaded 2-core machine (CI, parallel workers) can take longer than Playwright's 5 s default to
# rerun a page; waiting longer costs nothing when the page is quick.
expect.set_options(timeout=30_000)


@pytest.fixture(scope="session")
def built_settings() -> Settings:
    """Settings of the real store, built (or found up to date) once per session.

    The build takes a file lock, so parallel workers wait for one build instead of racing.
    """
    settings = get_settings()
    build_store(settings)
    return settings


@pytest.fixture(scope="session")
def synthetic_settings(built_settings: Settings, tmp_path_factory) -> Settings:
    """Settings of the synthetic store (invented statuses on the real geography), built once per
    session (per worker) through the real build and commit code."""
    from synthetic import build_synthetic

    return build_synthetic(built_settings, tmp_path_factory.mktemp("sintetis"))


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def browser():
    """Debian Chromium for the module's browser tests; fails (never skips) when it cannot start."""
    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


@pytest.fixture
def app(synthetic_settings: Settings, monkeypatch):
    """``app(**query_params)``: the routed dashboard on the synthetic store, run once (AppTest)."""
    monkeypatch.setenv("KKPHAM_DB", str(synthetic_settings.db_path))

    def make(**params: str) -> AppTest:
        at = AppTest.from_file(DASHBOARD, default_timeout=120)
        for key, value in params.items():
            at.query_params[key] = value
        return at.run()

    return make
