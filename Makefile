# smartprovince — set-up, run, test. Everything runs from a fresh clone.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
SP := $(BIN)/smartprovince
export SMARTPROVINCE_HOME := $(CURDIR)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install setup serve test test-browser test-pg lint bench messages clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "ต้องมี Python 3.11 ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

setup: install
	$(SP) setup --demo

run: setup
	@echo ""
	@echo "================================================================"
	@echo " smartprovince พร้อมใช้งานที่ http://$(HOST):$(PORT)/"
	@echo " เข้าสู่ระบบ: http://$(HOST):$(PORT)/accounts/login/"
	@echo " ผู้ใช้สาธิต (รหัสผ่าน demo-password):"
	@echo "   admin (ผู้ดูแลระบบจังหวัด)  governor (ผู้บริหาร)  inspector (ผู้ตรวจติดตาม)"
	@echo "   agri (สำนักงานเกษตรจังหวัด)  tourism (สำนักงานการท่องเที่ยวและกีฬาจังหวัด)"
	@echo "================================================================"
	$(SP) runserver $(HOST):$(PORT)

serve: install
	$(SP) runserver $(HOST):$(PORT)

# The whole suite (browser tests included when Chromium is installed). Uses DATABASE_URL when set.
test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/mypy src

bench: install
	$(BIN)/python -m bench.run

# English catalogue (source strings are Thai): extract, then compile django.mo (committed: CI has no gettext).
messages: install
	cd src/smartprovince && $(abspath $(BIN))/python -m smartprovince makemessages -l en --ignore '*/tests/*' --no-obsolete
	cd src/smartprovince && $(abspath $(BIN))/python -m smartprovince compilemessages -l en

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
