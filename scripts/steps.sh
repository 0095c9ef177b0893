# Sourced by setup.sh and test.sh: timed steps, steps that run side by side, and a summary of where the time went.
# Durations go to $STEP_TIMES (a TSV file) and are listed by `summary` at the end.

_now_ms() { date +%s%3N; }
_record() { printf '%s\t%s\n' "$1" "$2" >> "$STEP_TIMES"; }

timed() {  # timed NAME COMMAND...: run the command, record its wall time; returns its status
  local name=$1 start status=0
  shift
  start=$(_now_ms)
  "$@" || status=$?
  _record "$name" "$(( $(_now_ms) - start ))"
  return "$status"
}

side_by_side() {  # side_by_side LOG_DIR NAME:FUNCTION...: run shell functions at once, each into LOG_DIR/NAME.log
  local log_dir=$1 job name fn failed=0
  shift
  mkdir -p "$log_dir"
  declare -A pids=()
  for job in "$@"; do
    name=${job%%:*} fn=${job#*:}
    ( timed "$name" "$fn" ) > "$log_dir/$name.log" 2>&1 &
    pids[$name]=$!
  done
  for name in "${!pids[@]}"; do
    if wait "${pids[$name]}"; then
      sed 's/^/  /' "$log_dir/$name.log"
    else
      failed=1
      printf '\033[31m%s failed; its output (%s):\033[0m\n' "$name" "$log_dir/$name.log" >&2
      tail -n 40 "$log_dir/$name.log" >&2
    fi
  done
  return "$failed"
}

start_beside() {  # start_beside NAME LOG FUNCTION: run a shell function in the background, a little nicer
  local name=$1 log=$2 fn=$3
  mkdir -p "$(dirname "$log")"
  ( renice -n 5 -p "$BASHPID" >/dev/null 2>&1 || true; timed "$name" "$fn" ) > "$log" 2>&1 &
  BESIDE_PID=$!
}

summary() {  # the recorded steps, slowest first
  [ -s "$STEP_TIMES" ] || return 0
  printf '\n\033[1m== time per step (wall)\033[0m\n'
  sort -t$'\t' -k2,2nr "$STEP_TIMES" | awk -F'\t' '{ printf "  %-28s %7.1f s\n", $1, $2 / 1000 }'
}
