#!/usr/bin/env bash
# The test command (`make test`, called by .ci/run): set-up, lint and import contracts; pytest (unit and
# end-to-end tests and the dev evaluation, on one start of the bot); beside set-up and pytest, in the Rasa venv,
# data validation, the NLU comparison and the conversation stories. Ends with the time each step took.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP=$ROOT/.venv/app/bin
RASA=$ROOT/.venv/rasa/bin
export PYTHONPATH=$ROOT RASA_TELEMETRY_ENABLED=false
# Test ports, so a running `make run` on 8000/5005/5055 is not disturbed.
export WEGWIJS_WEB_PORT=${WEGWIJS_TEST_WEB_PORT:-18000} WEGWIJS_RASA_PORT=${WEGWIJS_TEST_RASA_PORT:-15005} \
       WEGWIJS_ACTION_PORT=${WEGWIJS_TEST_ACTION_PORT:-15055} WEGWIJS_CONSOLE_PORT=${WEGWIJS_TEST_CONSOLE_PORT:-18090}
# Test runs keep their conversations apart from `make run`, but share the built knowledge index.
TEST_DIR=$ROOT/var/test
rm -rf "$TEST_DIR"; mkdir -p "$TEST_DIR"
export WEGWIJS_TRACKER_DB=$TEST_DIR/tracker.db
# The dev evaluation runs inside pytest (tests/e2e/test_dev_eval.py) on the end-to-end tests' stack.
export WEGWIJS_EVAL_CASES=${WEGWIJS_EVAL_CASES:-$ROOT/../shared/eval/dev-cases.yml}
export WEGWIJS_EVAL_REPORT=$TEST_DIR/eval.json
# NLU comparison results are kept per content hash on this machine too (like pip's cache), so a fresh clone of
# unchanged data does not train the two comparison models again.
CACHE=${WEGWIJS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/wegwijs}
STEP_TIMES=$TEST_DIR/step-times.tsv
source scripts/steps.sh
# tests/e2e/test_professional_answers.py writes its figures here; the step after pytest prints them.
export WEGWIJS_PROFESSIONAL_REPORT=$TEST_DIR/professional.json

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
if [ ! -f "$WEGWIJS_EVAL_CASES" ]; then echo "evaluation cases not found at $WEGWIJS_EVAL_CASES" >&2; exit 1; fi

rasa_checks() {  # needs only the Rasa venv (the stories also the model): runs beside set-up and pytest
  local compare_dir=$ROOT/var/nlu-compare status=0
  echo "== Rasa data validation"
  timed rasa-data-validate "$RASA/rasa" data validate --data nlu --config config.yml --domain domain.yml \
    > "$TEST_DIR/validate.log" 2>&1 || status=$?
  tail -n 5 "$TEST_DIR/validate.log"
  [ "$status" -eq 0 ] || return "$status"
  echo "== NLU: held-out intent F1 of the e5 pipeline next to the baseline (cached per content hash)"
  mkdir -p "$compare_dir" "$CACHE/nlu-compare"
  cp -n "$CACHE/nlu-compare/"*.json "$compare_dir/" 2>/dev/null || true
  timed nlu-compare "$RASA/python" -m bot.measure.nlu_compare || return $?
  cp -n "$compare_dir/"*.json "$CACHE/nlu-compare/" 2>/dev/null || true
  echo "== conversation stories (rasa test core, tests/stories)"
  while [ ! -f "$TEST_DIR/.setup-done" ]; do sleep 2; done  # the model comes from set-up
  timed rasa-test-core "$RASA/rasa" test core --stories tests/stories --model models/wegwijs.tar.gz \
    --fail-on-prediction-errors --out "$TEST_DIR/stories" > "$TEST_DIR/stories.log" 2>&1 || status=$?
  tail -n 20 "$TEST_DIR/stories.log"
  echo "== our DIET loading for inference predicts exactly what Rasa's own loading does (tests/nlu/diet_load_probe.py)"
  timed diet-load "$RASA/python" tests/nlu/diet_load_probe.py --check > "$TEST_DIR/diet-load.log" 2>&1 || status=$?
  tail -n 2 "$TEST_DIR/diet-load.log"
  echo "== NLU: intent accuracy of the shipped model per language on the blind set (figures only; cached per model)"
  timed nlu-languages "$RASA/python" -m bot.measure.nlu_languages || status=$?
  cp -n "$compare_dir/"*.json "$CACHE/nlu-compare/" 2>/dev/null || true  # now with the per-language counts
  return "$status"
}

offline_figures() {  # figures that need neither the running bot nor pytest's report: beside pytest, on idle CPU
  local status=0
  timed plain-language "$APP/python" -m knowledge plain || status=$?
  timed safety-generalisation "$APP/python" -m bot.measure.safety_generalisation \
    --report "$TEST_DIR/safety_generalisation.json" --vector-cache "$CACHE/safety-eval" || status=$?
  timed redaction-figures "$APP/python" -m bot.measure.privacy_eval --holdout --figures --speed \
    --report "$TEST_DIR/redaction.json" || status=$?
  return "$status"
}

step "set-up: the venvs, then the Rasa checks start beside the rest of set-up and the tests"
timed setup-venvs bash scripts/setup.sh --venvs
set -m  # the background job gets a process group of its own, so stopping it stops its Rasa processes too
start_beside rasa-checks "$TEST_DIR/rasa-checks.log" rasa_checks
rasa_pid=$BESIDE_PID
set +m
trap 'kill -- "-$rasa_pid" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM HUP
timed setup bash scripts/setup.sh
touch "$TEST_DIR/.setup-done"

step "e5 vectors of the evaluation's messages (kept per text under the cache dir; Rasa's own vectors, checked at load)"
export WEGWIJS_E5_PRELOAD=$TEST_DIR/e5_eval_vectors.npz
timed eval-vectors "$APP/python" -m bot.measure.eval_vectors --cache "$CACHE/eval-vectors" --out "$WEGWIJS_E5_PRELOAD" \
  "$WEGWIJS_EVAL_CASES" tests/heldout/conversations*.yml tests/heldout/knowledge_topics*.yml tests/professional/*.yml \
  || { echo "eval vectors not built: the test stack's Rasa embeds every message itself (slower, the same replies)"; \
       unset WEGWIJS_E5_PRELOAD; }
set -m
start_beside offline-figures "$TEST_DIR/offline-figures.log" offline_figures
figures_pid=$BESIDE_PID
set +m
trap 'kill -- "-$rasa_pid" "-$figures_pid" 2>/dev/null || true' EXIT

step "lint (ruff) and import contracts (lint-imports)"
timed ruff "$APP/ruff" check --no-cache .
timed import-contracts "$APP/lint-imports" --no-cache --no-logo

step "unit and end-to-end tests with the dev evaluation (pytest); the Rasa checks go on beside it"
pytest_status=0
timed pytest "$APP/pytest" -q --durations=40 || pytest_status=$?

step "figures with targets: plain language (B1), the safety net on held-out danger, PII redaction (all three beside pytest), professional answers"
figures_status=0
wait "$figures_pid" || figures_status=$?
cat "$TEST_DIR/offline-figures.log"
timed professional-figures "$APP/python" -m tests.professional.evaluate --show "$WEGWIJS_PROFESSIONAL_REPORT" || figures_status=$?

step "Rasa data validation, NLU comparison, conversation stories"
rasa_status=0
wait "$rasa_pid" || rasa_status=$?
trap - EXIT
cat "$TEST_DIR/rasa-checks.log"
summary
if [ "$pytest_status" -ne 0 ] || [ "$rasa_status" -ne 0 ] || [ "$figures_status" -ne 0 ]; then
  echo "FAILED: pytest exit $pytest_status, Rasa checks exit $rasa_status, figures exit $figures_status" >&2
  exit 1
fi
