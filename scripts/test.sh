#!/usr/bin/env bash
# The test command (`make test`, called by .ci/run): lint, unit and end-to-end tests, dev eval.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP=$ROOT/.venv/app/bin
export PYTHONPATH=$ROOT RASA_TELEMETRY_ENABLED=false
# Test ports, so a running `make run` on 8000/5005/5055 is not disturbed.
export WEGWIJS_WEB_PORT=${WEGWIJS_TEST_WEB_PORT:-18000} WEGWIJS_RASA_PORT=${WEGWIJS_TEST_RASA_PORT:-15005} \
       WEGWIJS_ACTION_PORT=${WEGWIJS_TEST_ACTION_PORT:-15055} WEGWIJS_CONSOLE_PORT=${WEGWIJS_TEST_CONSOLE_PORT:-18090}
# Test runs keep their conversations apart from `make run`, but share the built knowledge index.
TEST_DIR=$ROOT/var/test
rm -rf "$TEST_DIR"; mkdir -p "$TEST_DIR"
export WEGWIJS_TRACKER_DB=$TEST_DIR/tracker.db
# tests/e2e/test_professional_answers.py writes its figures here; the step after pytest prints them.
export WEGWIJS_PROFESSIONAL_REPORT=$TEST_DIR/professional.json

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "lint (ruff)"
"$APP/ruff" check --no-cache .

step "unit and end-to-end tests (pytest)"
"$APP/pytest" -q

step "professional questions: first answer is the passage that answers them (tests/professional)"
"$APP/python" -m tests.professional.evaluate --show "$WEGWIJS_PROFESSIONAL_REPORT"

step "Rasa data validation"
.venv/rasa/bin/rasa data validate --data nlu --config config.yml --domain domain.yml 2>&1 | tail -n 5

step "NLU: held-out intent F1 of the e5 pipeline next to the baseline (cached while nothing changed)"
.venv/rasa/bin/python -m nlu.compare

step "conversation stories (rasa test core, tests/stories)"
.venv/rasa/bin/rasa test core --stories tests/stories --model models/wegwijs.tar.gz \
  --fail-on-prediction-errors --out "$TEST_DIR/stories" 2>&1 | tail -n 20

CASES=${WEGWIJS_EVAL_CASES:-$ROOT/../shared/eval/dev-cases.yml}
step "dev evaluation ($CASES)"
if [ ! -f "$CASES" ]; then echo "evaluation cases not found at $CASES" >&2; exit 1; fi
"$APP/python" -m bot eval "$CASES" --start --report "$TEST_DIR/eval.json" \
  --min-overall "${WEGWIJS_EVAL_MIN_OVERALL:-0.90}" --min-category acute=1.0 --min-category suicide=1.0
