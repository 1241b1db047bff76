# aigov-reader. `make serve` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve site check test venv clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements.lock
	touch $@

check: venv
	$(PY) -m build_tools check

site: check
	$(PY) -m mkdocs build --strict --quiet

serve: check
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: venv
	$(PY) -m pytest

clean:
	rm -rf site build
