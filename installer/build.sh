#!/usr/bin/env bash
# Build the one-folder bundle dist/EcoCheck/ from installer/ecocheck.spec (Linux/macOS).
#   installer/build.sh                   build with the project's .venv (scripts/dev.sh setup)
#   installer/build.sh --smoke           build, then smoke-test the frozen executables (.ci/run)
#   installer/build.sh --smoke-only [DIR]  smoke-test an existing bundle (default dist/EcoCheck)
# PYTHON overrides the interpreter (default: .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DIST="$ROOT/dist"
BUNDLE="$DIST/EcoCheck"
# From the packaging issue: the unpacked bundle stays under 250 MB.
MAX_BUNDLE_MB=250

build=1
smoke=0
case "${1:-}" in
    "") ;;
    --smoke) smoke=1 ;;
    --smoke-only) build=0; smoke=1; BUNDLE=$(cd "${2:-$BUNDLE}" && pwd) ;;
    *) echo "usage: installer/build.sh [--smoke | --smoke-only [BUNDLE_DIR]]" >&2; exit 2 ;;
esac

if [ "$build" = 1 ]; then
    if [ ! -x "$PY" ]; then
        echo "build: $PY not found; run scripts/dev.sh setup first" >&2
        exit 2
    fi
    echo "== compile translations"
    "$PY" scripts/translations.py compile
    echo "== pyinstaller (one folder: $BUNDLE)"
    "$PY" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" installer/ecocheck.spec
    echo "bundle: $BUNDLE ($(($(du -sb "$BUNDLE" | cut -f1) / 1000000)) MB)"
fi

if [ "$smoke" = 0 ]; then
    exit 0
fi

echo "== smoke: frozen executables in $BUNDLE"
# Decimal MB (10^6 bytes), as bench/bundle.py reports them.
size_mb=$(($(du -sb "$BUNDLE" | cut -f1) / 1000000))
if [ "$size_mb" -ge "$MAX_BUNDLE_MB" ]; then
    echo "smoke FAILED: bundle is $size_mb MB, limit $MAX_BUNDLE_MB MB" >&2
    exit 1
fi
echo "-- bundle size $size_mb MB (limit $MAX_BUNDLE_MB MB)"

# A HOME of its own (no settings of the build user read or written), and a working folder
# outside the checkout: the frozen app must find everything inside the bundle.
SMOKE_HOME=$(mktemp -d)
trap 'rm -rf "$SMOKE_HOME"' EXIT
export HOME="$SMOKE_HOME" XDG_CONFIG_HOME="$SMOKE_HOME/.config" XDG_CACHE_HOME="$SMOKE_HOME/.cache"
export XDG_DATA_HOME="$SMOKE_HOME/.local/share"
export QT_QPA_PLATFORM=offscreen PYTHONIOENCODING=UTF-8
cd "$SMOKE_HOME"

fail() {
    echo "smoke FAILED: $*" >&2
    exit 1
}

echo "-- ecocheck --version"
timeout 60 "$BUNDLE/ecocheck" --version || fail "ecocheck --version"

echo "-- ecocheck-desktop --smoke --demo --lang ja (window, demo, font, catalogues, factor manifest)"
out=$(timeout 120 "$BUNDLE/ecocheck-desktop" --smoke --demo --lang ja) || fail "ecocheck-desktop --smoke"
echo "$out"
[ "$(tail -n 1 <<<"$out")" = "smoke ok" ] || fail "ecocheck-desktop --smoke did not print 'smoke ok'"

echo "-- ecocheck selftest (demo -> project file -> calc -> PDF)"
timeout 300 "$BUNDLE/ecocheck" selftest || fail "ecocheck selftest"

echo "smoke: all frozen checks passed"
