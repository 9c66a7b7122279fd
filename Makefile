# Phong Quang emulation portal — the two commands a fresh machine needs:
#   make run    set up everything and serve on http://127.0.0.1:8000
#   make test   set up everything and run the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs on every core (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
# Apps with their own translation catalogue (<app>/locale); the project's own is ./locale.
I18N_APPS := campaigns units scoring exemplars awards yearend phongquang_portal/core

.PHONY: run test install install-dev migrate seed messages compilemessages lint format bench clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

compilemessages:
	@if command -v msgfmt >/dev/null 2>&1; then \
		$(PY) manage.py compilemessages --ignore=.venv -v0; \
	else echo "msgfmt not found: using the committed .mo catalogues"; fi

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput -v0

seed: migrate
	$(PY) manage.py load_plan
	$(PY) manage.py seed_demo

run: install compilemessages seed
	@echo ""
	@echo "Cổng thi đua xã Phong Quang: http://$(HOST):$(PORT)/"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev compilemessages
	$(PY) manage.py makemigrations --check --dry-run -v0
	$(VENV)/bin/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Refresh every Vietnamese catalogue after changing translatable strings.
messages:
	$(PY) manage.py makemessages -l vi --no-obsolete --ignore=.venv \
		$(foreach app,$(I18N_APPS),--ignore=$(app)/*) --ignore=bench/* --ignore=tests/*
	@for app in $(I18N_APPS); do \
		(cd $$app && DJANGO_SETTINGS_MODULE=phongquang_portal.settings PYTHONPATH=$(CURDIR) \
			$(abspath $(PY)) -P -m django makemessages -l vi --no-obsolete) || exit 1; \
	done

lint: install-dev
	$(VENV)/bin/ruff check .

format: install-dev
	$(VENV)/bin/ruff format .

bench: install-dev
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
