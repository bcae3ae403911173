# One command set for people and CI. `make run` = install + build + start the app; `make test` =
# install + build + the whole test suite (what .ci/run calls).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Offline machines (and CI) build the boundaries from the local mirror beside the checkout.
MIRROR := $(abspath ../shared/boundaries/upstream)
ifeq ($(KKPHAM_BOUNDARIES_SRC),)
ifneq ($(wildcard $(MIRROR)),)
export KKPHAM_BOUNDARIES_SRC := $(MIRROR)
endif
endif

.PHONY: install build run test lint format chromium bench

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(VENV)/.installed

build: install
	$(BIN)/python -m kkpham build

# The router relies on a private Streamlit hook: check it before the server starts (a changed
# Streamlit fails here, naming what changed, not on the first deep link).
run: build
	$(BIN)/python -c "from kkpham.ui.router import check; check()"
	$(BIN)/streamlit run dashboard.py --server.port 8501

# Debian's Chromium for the real-browser tests (CI runs as root); never a downloaded browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: build chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q -n 2

bench: build chromium
	$(BIN)/python bench/bench_map.py
