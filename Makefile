# Onthaal: the two commands that matter are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo install install-test test lint audit migrations-check messages lock upgrade serve clean

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

install: $(UV)
	$(UV) sync --frozen --inexact --quiet

install-test: $(UV)
	$(UV) sync --frozen --inexact --quiet --extra test

## Run the product with demo data at http://127.0.0.1:8000/
demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	$(PY) manage.py runserver $(HOST):$(PORT)

## Lint, audit, check migrations, run the whole test suite
test: install-test lint audit migrations-check
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .

## Known vulnerabilities in the locked dependencies (pip-audit) and in the code (bandit)
audit: install-test
	$(PY) scripts/audit_dependencies.py
	$(VENV)/bin/bandit --quiet --configfile pyproject.toml --recursive .

migrations-check: install-test
	DJANGO_SETTINGS_MODULE=portal.settings.test DATABASE_URL=sqlite:///:memory: $(PY) manage.py makemigrations --check --dry-run

## Extract interface strings into locales/*/LC_MESSAGES/django.po and compile them
messages: install
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=static --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

## Re-resolve dependencies to their newest allowed versions
upgrade: $(UV)
	$(UV) lock --upgrade
	$(UV) sync --frozen --inexact --extra test

lock: $(UV)
	$(UV) lock

clean:
	rm -rf $(VENV) db.sqlite3 static .pytest_cache
