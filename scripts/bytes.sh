#!/usr/bin/env bash
# scripts/bytes.sh: bytes written to the terminal by cooldown and by a bare
# Bubble Tea v2 program (scripts/floor/pager) on one harness: each program
# runs under script(1) (which logs every byte it writes, flushed) in a
# 100x30 pane of a private tmux server; the log's size is read once the
# screen shows the first frame and settled, then after each measured key.
#
#   scripts/bytes.sh                      # cooldown as built and the pager
#   OLD=/path/to/tree scripts/bytes.sh    # and cooldown built from another
#                                         # checkout (the last v1 commit)
#   RUNS=5 scripts/bytes.sh               # runs per figure (default 3)
#
# Figures: the first frame (home, 3,650 days of history), a one-line
# scroll in the guide (a section open, j), a one-line move in history
# (j), and the pager's first frame and one-line scroll of a 10 KB document
# (glow, the reference reader, is not installed on the machine the figures
# in docs/performance.md come from). Each figure is the median of the runs.
set -euo pipefail

RUNS=${RUNS:-3}
OLD=${OLD:-}
root=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "bytes.sh: $*" >&2; exit 1; }
command -v tmux >/dev/null || fail "tmux is not installed"
command -v script >/dev/null || fail "script(1) is not installed"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cooldown-bytes.XXXXXX")
sock=cooldown-bytes-$$
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
  rm -rf "$tmp"
}
trap cleanup EXIT

(cd "$root" && go build -o "$tmp/cooldown" . && go build -o "$tmp/pager" ./scripts/floor/pager &&
  go build -o "$tmp/genhistory" ./scripts/genhistory) || fail "build failed"
apps=(cooldown)
if [[ -n $OLD ]]; then
  (cd "$OLD" && go build -o "$tmp/cooldown-old" .) || fail "building OLD=$OLD failed"
  apps+=(cooldown-old)
fi
"$tmp/genhistory" -days 3650 -o "$tmp/history.json"
"$tmp/cooldown" --db "$tmp/bench.db" import "$tmp/history.json" >/dev/null
{
  printf '# Cooldown benchmark document\n\n'
  cat "$root"/content/guide/*.md
} >"$tmp/guide.md"
head -c 10240 "$tmp/guide.md" >"$tmp/doc.md"

printf 'set -g default-size 100x30\nset -g status off\nset -g remain-on-exit off\n' >"$tmp/tmux.conf"
tmux -L "$sock" -f "$tmp/tmux.conf" new-session -d -s bytes -x 100 -y 30 "sleep 86400" ||
  fail "could not start tmux"

# waitfor WORD: poll the pane until WORD shows (10 s at most).
waitfor() {
  local i
  for i in $(seq 400); do
    tmux -L "$sock" capture-pane -p -t bytes:w 2>/dev/null | grep -qF -- "$1" && return 0
    sleep 0.025
  done
  fail "'$1' never showed"
}
size() { sleep 0.4; stat -c %s "$tmp/log"; } # settle: frames are drawn at most 120 times a second

# measure NAME CMD WORD [KEYS=WORD|+KEYS=WORD]...: prints "NAME first N" and,
# for each +step, "NAME KEYS N" (bytes written for that key).
measure() {
  local name=$1 cmd=$2 word=$3
  shift 3
  rm -f "$tmp/log"
  tmux -L "$sock" new-window -d -n w "script -qfe -O $tmp/log -c '$cmd'"
  waitfor "$word"
  local before header
  before=$(size)
  header=$(head -n 1 "$tmp/log" | wc -c) # script's "Script started" line
  echo "$name first $((before - header))"
  local s keys w
  for s in "$@"; do
    keys=${s%%=*} w=${s#*=}
    tmux -L "$sock" send-keys -t bytes:w "${keys#+}"
    [[ -n $w ]] && waitfor "$w"
    if [[ $keys == +* ]]; then
      local after
      after=$(size)
      echo "$name ${keys#+} $((after - before))"
      before=$after
    else
      before=$(size)
    fi
  done
  tmux -L "$sock" send-keys -t bytes:w q
  sleep 0.3
  tmux -L "$sock" kill-window -t bytes:w 2>/dev/null || true
}

out=$tmp/out.txt
: >"$out"
for _ in $(seq "$RUNS"); do
  for app in "${apps[@]}"; do
    cp "$tmp/bench.db" "$tmp/run.db"
    measure "$app-guide" "$tmp/$app --db $tmp/run.db" longest "g=Contents" "Enter=t contents" "+j=" >>"$out"
    cp "$tmp/bench.db" "$tmp/run.db"
    measure "$app-history" "$tmp/$app --db $tmp/run.db" longest "h=load  what" "+j=" >>"$out"
  done
  measure pager "$tmp/pager $tmp/doc.md" "Cooldown benchmark" "+j=" >>"$out"
done
# median per (name, step)
awk '{ k = $1 " " $2; v[k] = v[k] " " $3 }
  END { for (k in v) { n = split(v[k], x, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] + 0 < x[i] + 0) { t = x[i]; x[i] = x[j]; x[j] = t }
    printf "%-24s %-6s %8s bytes (runs:%s)\n", substr(k, 1, index(k, " ") - 1), substr(k, index(k, " ") + 1), x[int((n + 1) / 2)], v[k] } }' "$out" | sort
