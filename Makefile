# Two commands do all set-up on a fresh machine with Python 3.11: `make run` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
UV_VERSION := 0.13.8
PYTEST_ARGS ?=
# Every ruff Airflow rule on the DAGs, the preview ones too (AIR003 Variable.get outside a task,
# AIR304 dynamic DAG values, AIR321 3.1 moves); the stable AIR3xx also run in `ruff check .`.
AIRFLOW_LINT := $(BIN)/ruff check --preview --select AIR dags

.PHONY: install run test lint lock docs clean demo-board

$(STAMP): requirements.lock pyproject.toml
	@$(PY) -c 'import sys; assert sys.version_info[:2] == (3, 11), "jobpipe needs Python 3.11, found " + sys.version.split()[0]'
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) ## Create .venv with the locked dependencies

run: install ## Run the pipeline for three demo days on the built-in demo board
	$(BIN)/jobpipe run

test: install ## Lint, check generated docs and run the whole test suite
	$(BIN)/ruff check .
	$(AIRFLOW_LINT)
	$(BIN)/jobpipe schema-docs --check
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

docs: install ## Regenerate docs/schema.md from warehouse/schema.py
	$(BIN)/jobpipe schema-docs

lock: ## Re-resolve requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --universal -o requirements.lock

demo-board: install
	$(BIN)/jobpipe demo-board

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
