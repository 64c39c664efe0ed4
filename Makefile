# coop_site: two commands for a newcomer.
#   make run   serves the demo site on http://127.0.0.1:8000
#   make test  runs the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test install install-dev demo check lint format messages clean

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

run: demo
	DJANGO_DEBUG=1 $(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST)

test: install-dev
	$(PY) -m pytest

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
