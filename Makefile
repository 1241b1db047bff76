# aigov-reader. `make serve` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve site check test test-fast golden venv clean pdf bench browser

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements.lock
	touch $@

check: venv
	$(PY) -m build_tools check

site: venv
	$(PY) -m build_tools site

serve: venv
	$(PY) -m build_tools serve

pdf: venv browser
	$(PY) -m build_tools pdf

# Build time at 1x and 30x the corpus, page weight in Chromium, Lighthouse (a few minutes; Chromium needed).
# Lighthouse is pinned in bench/lighthouse/package-lock.json: Node is for this benchmark only.
LIGHTHOUSE := bench/lighthouse/node_modules/.installed
$(LIGHTHOUSE): bench/lighthouse/package.json bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

bench: venv browser $(LIGHTHOUSE)
	$(PY) -m build_tools bench

# Browser tests and PDFs need Debian's Chromium, a CJK font and pdftotext.
# Installed with apt-get when missing; if that is impossible the run stops here.
BROWSER_PACKAGES := chromium fonts-noto-cjk poppler-utils
browser:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto.*CJK" && command -v pdftotext >/dev/null; then :; else \
	  echo "installing $(BROWSER_PACKAGES) with apt-get"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(BROWSER_PACKAGES) >/dev/null ) \
	  || { echo "ERROR: could not install $(BROWSER_PACKAGES) with apt-get; browser tests and PDFs need them" >&2; exit 1; }; \
	fi

test: venv browser
	$(PY) -m pytest

# The fast layer only: sources, rules and renderers, in seconds (no MkDocs, no browser).
test-fast: venv
	$(PY) -m pytest -m fast -q

# Rewrite tests/golden/ from the current renderers; review the diff before committing.
golden: venv
	UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/test_golden.py

clean:
	rm -rf site build test-artifacts
