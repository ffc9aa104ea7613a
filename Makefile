# warta: two commands do all set-up on a fresh machine with Python 3.11+.
#   make demo   install, then code the sample article and the demo corpus into warta.duckdb
#   make test   install (with test tools), then run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# requirements.lock pins every dependency (uv pip compile --universal); warta itself goes on top.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/warta ingest examples/putin-erdogan-call.txt examples/demo-corpus.jsonl.gz --db warta.duckdb

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/warta eval

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) warta.duckdb warta.duckdb.wal
