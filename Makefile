# Sector 6 Newsroom: the two commands are `make run` and `make test`.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Test processes for `make test` (pytest-xdist): one per core by default; 0 runs in this process.
TEST_WORKERS ?= auto
INSTALLED := $(VENV)/.installed

.PHONY: run test install browser-deps migrate demo serve lint format messages bench bench-import faults clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever the dependencies change.
$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo --port $(PORT)

# The Procfile's processes under honcho: the web server on PORT (reloading on code
# changes; a first rendering of the demo's images may take long), the task worker and
# the scheduler. Ctrl-C stops them all. Development settings
# unless DJANGO_SETTINGS_MODULE says otherwise. honcho gives each process its own PORT
# (web PORT, worker PORT+100...), so the admin's address in e-mails is set here, once.
PROCESSES = PATH="$(abspath $(VENV))/bin:$$PATH" \
	DJANGO_SETTINGS_MODULE="$${DJANGO_SETTINGS_MODULE:-site_s6.settings.dev}" \
	WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://localhost:$(PORT)}" \
	GUNICORN_CMD_ARGS="$${GUNICORN_CMD_ARGS:---reload --workers 2 --timeout 120}" \
	$(VENV)/bin/honcho start --procfile Procfile --port $(PORT)

## Serve what the database holds (no demo loading): web, task worker and scheduler.
serve: migrate
	$(PROCESSES)

## Create the environment, install, migrate, load the demo sites and run them: the web
## server, the task worker and the scheduler (Procfile).
run: demo
	@$(PY) manage.py demo_summary --port $(PORT)
	$(PROCESSES)

## Create the environment if needed, install, and run the whole suite (browser tests included),
## one test file per worker process: a module's shared data is built once, in one worker.
test: install browser-deps
	$(PY) -m pytest --numprocesses $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# The browser tests (tests/e2e) drive Debian's chromium, never a downloaded browser, and
# inject axe-core from npm; the typed client tests (tests/api/test_clients.py) run
# openapi-typescript and tsc from the same package.json. Installed when missing (npm ci
# again whenever package.json or its lock changes); without them the tests fail, never skip.
browser-deps: node_modules/axe-core/axe.min.js
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && apt-get install -y chromium; \
		else \
			echo "The browser tests need Debian's chromium: run 'sudo apt-get install -y chromium'," \
				"or 'make test' as root." >&2; \
			exit 1; \
		fi; \
	}

node_modules/axe-core/axe.min.js: package.json $(wildcard package-lock.json)
	@command -v npm >/dev/null 2>&1 || { \
		echo "The tests need Node.js and npm to install axe-core, openapi-typescript and typescript (package.json)." >&2; \
		exit 1; \
	}
	if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	touch $@

## Benchmark: gunicorn + wrk against PostgreSQL on loopback, 1,000 then 100,000 pages
## (QUICK=1: 1,000 pages, shorter runs). Results in bench/results/; see docs/performance.md.
bench: install
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; \
		else \
			echo "make bench needs wrk, Debian's package: sudo apt-get install -y wrk" >&2; exit 1; \
		fi; }
	$(PY) bench/run.py $(if $(QUICK),--quick) $(BENCH_ARGS)

## The press contacts' CSV import: 10,000 rows into a fresh PostgreSQL database on loopback,
## in rows per second (BENCH_IMPORT_ARGS="--rows 50000"). Results in bench/results/.
bench-import: install
	$(PY) bench/contacts_import.py $(BENCH_IMPORT_ARGS)

## Fault drill, about five minutes. It RESTARTS THIS MACHINE'S PostgreSQL AND Redis (as
## root): gunicorn, the task worker and the scheduler under wrk while PostgreSQL restarts,
## Redis stops and the task worker is killed; errors per phase. See docs/operations.md.
faults: install
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; \
		else \
			echo "make faults needs wrk, Debian's package: sudo apt-get install -y wrk" >&2; exit 1; \
		fi; }
	$(PY) -m bench.faults $(FAULTS_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Refresh the Romanian catalogue of the project's strings and compile it.
messages: install
	$(PY) manage.py makemessages --locale ro --no-obsolete --no-wrap \
		--ignore "$(VENV)/*" --ignore "tests/*" --ignore "*/migrations/*" --ignore "static/*" --ignore "bench/*"
	$(PY) manage.py compilemessages --locale ro --ignore "$(VENV)/*"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules
