#!/usr/bin/env bash
# One entry point for developers and CI.
#   scripts/dev.sh run [ARGS...]   set up .venv, then start the app (the demo company by default)
#   scripts/dev.sh test [PYTEST ARGS...]  set up .venv, then run every quality gate and the test suite
#   scripts/dev.sh setup           only set up .venv
# The virtual environment is created/refreshed from requirements/lock.txt (the one lock file).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

setup() {
    if [ ! -x "$VENV/bin/python" ]; then
        "$PY" -m venv "$VENV"
    fi
    local stamp="$VENV/.lock-stamp"
    local want
    want=$(cat requirements/lock.txt pyproject.toml | sha256sum | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
        echo "$want" > "$stamp"
    fi
    # Compiled translations are build products: always rebuilt from the committed .ts files.
    "$VENV/bin/python" scripts/translations.py compile
}

cmd="${1:-run}"
shift || true
case "$cmd" in
    setup)
        setup
        ;;
    run)
        setup
        if [ "$#" -eq 0 ]; then set -- --demo; fi
        exec "$VENV/bin/ecocheck-desktop" "$@"
        ;;
    test)
        setup
        export PATH="$VENV/bin:$PATH"
        echo "== ruff lint"; ruff check src tests bench scripts
        echo "== ruff format"; ruff format --check src tests bench scripts
        echo "== mypy (core, store)"; mypy
        echo "== translations up to date"; python scripts/translations.py check
        echo "== pytest"
        # pytest exits 5 when no test ran; that is a failure here, never a pass.
        python -m pytest "$@"
        ;;
    *)
        echo "usage: scripts/dev.sh run|test|setup" >&2
        exit 2
        ;;
esac
