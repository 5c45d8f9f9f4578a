# Gongkai — the two set-up commands: `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
PG_HOST ?= 127.0.0.1
PG_PORT ?= 5432
PG_URL ?= postgres://postgres@$(PG_HOST):$(PG_PORT)/gongkai
PYTEST_ARGS ?=

# The demo county's site identity (header and footer); a real site sets these in its environment.
# Made-up numbers in the official formats, not a real site's.
DEMO_SITE = SITE_NAME="$${SITE_NAME-西华县人民政府}" SITE_OWNER="$${SITE_OWNER-西华县人民政府办公室}" \
	SITE_CODE="$${SITE_CODE-4116220000}" SITE_ICP="$${SITE_ICP-豫ICP备00000000号-1}" \
	SITE_POLICE_RECORD="$${SITE_POLICE_RECORD-豫公网安备41162200000000号}"

.PHONY: demo test install system-deps lint test-sqlite test-postgres serve clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

# Debian packages the PDF renderer (a CJK font) and the browser tests (chromium) need.
# Installed only where missing, and only when we may (root or passwordless sudo).
system-deps:
	@bash scripts/system-deps.sh

demo: install system-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_load
	@echo "演示站点 / demo site: http://127.0.0.1:8000  (账号见 README / accounts in README)"
	DEBUG=1 $(DEMO_SITE) $(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(PY) -m ruff check gongkai tests bench

test: install system-deps lint test-sqlite test-postgres

test-sqlite: install
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL -u DATABASE_REPLICA_URLS -u REDIS_URL -u TASKS_BACKEND \
		bash scripts/run-pytest.sh $(PY) -m pytest -n 2 --dist loadgroup -q $(PYTEST_ARGS)

test-postgres: install
	@# Tasks stay in-process here (tests expect enqueued work to have run); the Redis queue
	@# and its worker are tested on their own in tests/ops. Cache keys carry this run's id,
	@# so an earlier or concurrent run sharing Redis db 15 cannot answer from its cache.
	@if $(PY) scripts/pg_ready.py "$(PG_URL)"; then \
		echo "== test suite on PostgreSQL ($(PG_URL)) with Redis when it answers =="; \
		env -u DATABASE_REPLICA_URLS DATABASE_URL="$(PG_URL)" \
			REDIS_URL="$$($(PY) scripts/redis_url.py)" TASKS_BACKEND=immediate \
			CACHE_KEY_PREFIX="gongkai-test-$$$$" \
			bash scripts/run-pytest.sh $(PY) -m pytest -n 2 --dist loadgroup -q $(PYTEST_ARGS); \
	else \
		echo "== PostgreSQL does not answer on $(PG_HOST):$(PG_PORT): PostgreSQL run skipped =="; \
	fi

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
