# The README's two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test check lint typecheck format bench system-deps install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## Start the server on the embedded SQLite default with the built-in packs and articles.
run: install
	$(BIN)/symptomatic serve --host $(HOST) --port $(PORT)

## Debian packages the tests drive for real: Chromium (Playwright), PostgreSQL and its client
## tools (pg_dump / pg_restore for `symptomatic backup` / `restore`).
system-deps:
	@need=""; \
	command -v chromium >/dev/null 2>&1 || need="$$need chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$$need postgresql"; \
	ls /usr/lib/postgresql/*/bin/pg_restore >/dev/null 2>&1 || need="$$need postgresql-client"; \
	if [ -n "$$need" ]; then \
	  echo "Installing Debian packages:$$need"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$need; \
	fi

## Install what the tests need, then run every test (browser and PostgreSQL included).
test: install system-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: lint typecheck

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

format: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: install
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/language.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
