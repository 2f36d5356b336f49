# Two commands on a fresh machine: `make run` serves the demo, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# axe-core, the Nu HTML Checker and Lighthouse (package.json): for the browser specs and `make audit`.
NODE_STAMP := node_modules/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
# The PostgreSQL run uses this server; pytest-django creates and drops test_newsreel in it.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsreel
# Each run prints the line coverage of the newsroom and the public site (coverage.py, started
# before pytest so the modules Django imports at set-up count too, and measuring the processes
# the specs start: [tool.coverage.run] in pyproject.toml); the report prints either way. Each
# process writes its own data file and `coverage combine` joins them. The PostgreSQL run adds
# to the SQLite run's data, so after `make test` its report is both databases combined (each
# backend's own code runs on one of them only).
COVERAGE := $(BIN)/python -m coverage

.PHONY: run test test-sqlite test-postgres bench audit clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Newsreel needs Python 3.11 or newer; $(PYTHON) is " + sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

run: $(STAMP)
	$(BIN)/newsreel demo
	$(BIN)/newsreel serve --host $(HOST) --port $(PORT)

test: test-sqlite test-postgres

test-sqlite: $(STAMP) $(NODE_STAMP)
	rm -f .coverage .coverage.*
	$(COVERAGE) run -m pytest -p no:cacheprovider; status=$$?; \
	  $(COVERAGE) combine --quiet; $(COVERAGE) report --skip-covered --precision=1; exit $$status

test-postgres: $(STAMP) $(NODE_STAMP)
	DATABASE_URL=$(TEST_DATABASE_URL) $(COVERAGE) run -m pytest -p no:cacheprovider -m "not browser"; \
	  status=$$?; $(COVERAGE) combine --quiet --append; $(COVERAGE) report --skip-covered --precision=1; exit $$status

bench: $(STAMP)
	$(BIN)/python bench/serve_pages.py

# Lighthouse on a scratch demo site: the four category scores per page; fails below 98.
audit: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/audit.py

clean:
	rm -rf $(VENV) build *.egg-info
