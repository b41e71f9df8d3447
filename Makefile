# Two commands do everything on a fresh clone:
#   make app   — set up, fetch the model, build the knowledge base, serve the app on http://localhost:8501
#   make test  — the same set-up, then the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
POLICYKG := $(VENV)/bin/policykg
STAMP := $(VENV)/.installed
KB ?= kb
PORT ?= 8501
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: app test setup model kb bench clean browser

setup: $(STAMP)

# torch is pinned and installed first: an unpinned torch would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test]'
	touch $@

model: $(STAMP)
	$(PY) -m search_app.fetch_model

# `policykg build` reuses an up-to-date knowledge base and re-embeds only changed texts.
kb: model
	$(POLICYKG) build corpus --kb $(KB)

app: kb
	$(POLICYKG) app --kb $(KB) --port $(PORT)

# The browser test drives Debian's chromium; install it when missing (as root, best effort).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium is not installed: tests/search_app/test_browser.py will be skipped"

test: kb browser
	$(PY) -m pytest -q

bench: kb
	$(PY) bench/run.py --kb $(KB) --out bench/results.json

clean:
	rm -rf $(KB) .pytest_cache
