# coop_site: two commands for a newcomer.
#   make run   serves the demo site on http://127.0.0.1:8000
#   make test  runs the whole test suite
#   make guide retakes the staff guide's screenshots (docs/guide/images)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test guide install install-dev demo check lint format messages clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	DJANGO_DEBUG=1 $(PY) manage.py ensure_admin

# The background worker (e-mails, PDF covers) beside the server, stopped with it.
run: demo
	DJANGO_DEBUG=1 $(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=1 $(PY) manage.py worker & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST)

test: install-dev
	$(PY) -m pytest

# The staff guide's walk in Chromium, as each role (tests/browser/test_guide.py), saving
# the screenshots the chapters show; commit docs/guide/images afterwards.
guide: install-dev
	rm -f docs/guide/images/*.png
	COOP_GUIDE_SCREENSHOTS=docs/guide/images COOP_REQUIRE_BROWSER=1 $(PY) -m pytest tests/browser/test_guide.py

check: install-dev
	DJANGO_DEBUG=1 $(PY) manage.py check
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

messages: install
	DJANGO_DEBUG=1 $(PY) manage.py makemessages -l fr --ignore=.venv --ignore=var
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages -l fr --ignore=.venv

clean:
	rm -rf $(VENV) var/static var/cache
