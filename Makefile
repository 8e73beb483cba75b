# tracker — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check bench venv clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test,dev]'
	touch $(STAMP)

venv: $(STAMP)

## Open the terminal UI on the default database; the very first run imports sample_docs/.
run: $(STAMP)
	$(BIN)/tracker import --if-empty sample_docs
	$(BIN)/tracker

## The whole test suite, on SQLite and on a throwaway PostgreSQL.
test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

## Lint, types and the import rules of ARCHITECTURE.md.
check: $(STAMP)
	$(BIN)/ruff check tracker tests bench
	$(BIN)/mypy tracker
	$(BIN)/lint-imports

## Benchmarks (scripts, not tests); writes bench/RESULTS.md.
bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
