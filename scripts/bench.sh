#!/usr/bin/env bash
# scripts/bench.sh: whole-program performance of cooldown against its floors
# (and glow), all measured in the same run so the comparison is fair.
#
#   scripts/bench.sh                      # cooldown and the two floors
#   GLOW=/path/to/glow scripts/bench.sh   # and glow, the reference reader
#   RUNS=31 scripts/bench.sh              # more runs (default 15)
#   RSS_RUNS=5 scripts/bench.sh           # walks for peak RSS (default 3)
#   EAGER=1 scripts/bench.sh              # and cooldown and the floors built
#                                         # with upstream chroma (eager init:
#                                         # what the lazy fork saves)
#   OLD=/path/to/tree scripts/bench.sh    # and cooldown and its floors built
#                                         # from another checkout (the last
#                                         # Bubble Tea v1 commit, say: a git
#                                         # worktree), as "-old" cases taking
#                                         # turns with the others
#
# cooldown and the floors are built as the repository builds them, with the
# chroma fork in third_party/chroma (go.mod's replace), whose lexers
# and styles load on first use. The floors link the same libraries at the
# same versions as cooldown, so they are lazy too. EAGER=1 adds builds with
# upstream chroma v2.20.0, which parses all of them at package init
# (scripts/initfloor/eager-build.sh; the repository's go.mod is not touched),
# measured in the same run, for reference; the targets are judged on the
# normal build.
#
# What it does (docs/performance.md explains the method and the targets):
#  1. builds cooldown, the floors (scripts/floor/tui, scripts/floor/line),
#     the history generator and the measuring tool (scripts/benchtool) into
#     a temp dir (with EAGER=1, cooldown and the floors with upstream chroma
#     too);
#  2. generates a 10-year history (3,650 days) and loads it with
#     `cooldown --db TMP import FILE`;
#  3. start to first complete frame in a 100x30 tmux pane (private server,
#     tmux -L): cooldown's home screen, the TUI floor's one line and, with
#     GLOW set, glow on a 10 KB document;
#  4. wall time of `cooldown status --json` against the line floor (and
#     the line floor without cobra, to show its cost, and a Go hello world,
#     for scale); hyperfine's figures too when installed;
#  5. peak RSS (VmHWM) of the app after visiting every screen, and of glow
#     after reading the whole document.
# It prints medians and min-max and, at the end, a table against the
# targets of issue 8 (and, with EAGER=1, a small table of the eager build
# against its own floors and glow, beside the normal build's). It exits
# non-zero, saying which step, when a step fails; a missed target is
# reported, not an error. Not for CI: it takes about a minute and wants a
# quiet machine.
set -euo pipefail

RUNS=${RUNS:-15}
GLOW=${GLOW:-}
EAGER=${EAGER:-}
OLD=${OLD:-}
RSS_RUNS=${RSS_RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)

fail() { echo "bench.sh: $*" >&2; exit 1; }
trap 'echo "bench.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR
step() { printf '\n== %s\n' "$*"; }

command -v go >/dev/null || fail "go is not on PATH"
command -v tmux >/dev/null || fail "tmux is not installed (apt-get install -y tmux)"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 ]] || fail "RUNS must be a positive number, got '$RUNS'"
[[ $RSS_RUNS =~ ^[0-9]+$ && $RSS_RUNS -ge 1 ]] || fail "RSS_RUNS must be a positive number, got '$RSS_RUNS'"
if [[ -n $GLOW ]]; then
  [[ -x $GLOW ]] || fail "GLOW=$GLOW is not an executable file"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cooldown-bench.XXXXXX")
sock=cooldown-bench-$$
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock" # kill-server leaves the socket file
  rm -rf "$tmp"
}
trap cleanup EXIT

step "build (into $tmp)"
(
  cd "$root"
  go build -o "$tmp/cooldown" . &&
    go build -o "$tmp/floor-tui" ./scripts/floor/tui &&
    go build -o "$tmp/floor-line" ./scripts/floor/line &&
    go build -tags nocobra -o "$tmp/floor-line-nocobra" ./scripts/floor/line &&
    go build -o "$tmp/genhistory" ./scripts/genhistory &&
    go build -o "$tmp/benchtool" ./scripts/benchtool
) || fail "build failed (see the go messages above)"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$tmp/hello.go"
(cd "$tmp" && GO111MODULE=off GOFLAGS='' go build -o "$tmp/hello" hello.go) || fail "building the Go hello world failed"
bins=(cooldown floor-tui floor-line floor-line-nocobra)
if [[ -n $OLD ]]; then
  (
    cd "$OLD"
    go build -o "$tmp/cooldown-old" . &&
      go build -o "$tmp/floor-tui-old" ./scripts/floor/tui &&
      go build -o "$tmp/floor-line-old" ./scripts/floor/line
  ) || fail "building OLD=$OLD failed (see the go messages above)"
  bins+=(cooldown-old floor-tui-old floor-line-old)
fi
if [[ -n $EAGER ]]; then
  "$root/scripts/initfloor/eager-build.sh" "$tmp/eager" ||
    fail "building with upstream chroma (eager-build.sh) failed (see above)"
  mv "$tmp"/eager/*-eager "$tmp/"
  bins+=(cooldown-eager floor-tui-eager floor-line-eager)
fi
for f in "${bins[@]}"; do
  awk -v n="$f" -v b="$(stat -c %s "$tmp/$f")" 'BEGIN { printf "  %-16s %6.1f MB\n", n, b / 1048576 }'
done

step "10-year history (3,650 days) through cooldown import"
db=$tmp/bench.db
"$tmp/genhistory" -days 3650 -o "$tmp/history.json" || fail "generating the history failed"
"$tmp/cooldown" --db "$db" import "$tmp/history.json" || fail "cooldown import of the generated history failed"
status=$("$tmp/cooldown" --db "$db" status --json) || fail "cooldown status --json failed"
echo "  $status"
[[ $status == *'"training_days":3650'* ]] || fail "status does not count 3,650 training days"

# A 10 KB markdown document for glow: a marker paragraph, then the guide.
doc=$tmp/doc.md
{
  printf '# Cooldown benchmark document\n\n'
  printf 'This document holds about 10 KB of the cooldown guide, so that the\n'
  printf 'benchmark can time glow, the reference reader, on a realistic page.\n'
  printf 'The word the benchmark waits for ends this paragraph: firstframeready.\n\n'
  cat "$root"/content/guide/*.md
} >"$tmp/guide.md"
head -c 10240 "$tmp/guide.md" >"$doc"

# The words that show a complete frame (the last line of each first screen
# also works; these are specific and appear once). HOME_WORD is a word of the
# home screen's streak line; override it if the home screen changes.
HOME_WORD=${HOME_WORD:-longest}
FLOOR_WORD="floor-tui ready"
GLOW_WORD=firstframeready

# A private tmux server: no status line (the pane is the whole 100x30
# window), windows closed when their program exits, no user config.
printf 'set -g default-size 100x30\nset -g status off\nset -g remain-on-exit off\n' >"$tmp/tmux.conf"
tmux -L "$sock" -f "$tmp/tmux.conf" new-session -d -s bench -x 100 -y 30 "sleep 86400" ||
  fail "could not start a tmux server (tmux -L $sock)"
q() { printf '%q' "$1"; }

results=$tmp/results.txt
: >"$results"
run() { # run benchtool, show its human lines, keep its RESULT lines
  local out
  out=$("$tmp/benchtool" "$@") || { printf '%s\n' "$out" | grep -v '^RESULT' >&2; return 1; }
  printf '%s\n' "$out" | grep -v '^RESULT' || true
  printf '%s\n' "$out" | grep '^RESULT' >>"$results" || true
}

step "start to first complete frame, 100x30 tmux pane ($RUNS runs each, taking turns)"
cases=(-case floor-tui -word "$FLOOR_WORD" -cmd "$(q "$tmp/floor-tui")"
  -case cooldown -word "$HOME_WORD" -cmd "$(q "$tmp/cooldown") --db $(q "$db")")
if [[ -n $EAGER ]]; then
  cases+=(-case floor-tui-eager -word "$FLOOR_WORD" -cmd "$(q "$tmp/floor-tui-eager")"
    -case cooldown-eager -word "$HOME_WORD" -cmd "$(q "$tmp/cooldown-eager") --db $(q "$db")")
fi
if [[ -n $OLD ]]; then
  cases+=(-case floor-tui-old -word "$FLOOR_WORD" -cmd "$(q "$tmp/floor-tui-old")"
    -case cooldown-old -word "$HOME_WORD" -cmd "$(q "$tmp/cooldown-old") --db $(q "$db")")
fi
if [[ -n $GLOW ]]; then
  # glow sometimes shows an empty page and never the document (a glow
  # race); such runs are counted, reported and run again.
  cases+=(-case glow -word "$GLOW_WORD" -cmd "$(q "$GLOW") -t $(q "$doc")")
fi
run frame -L "$sock" -runs "$RUNS" -failures "$RUNS" "${cases[@]}" ||
  fail "first-frame measurement failed (see above)"

step "cooldown status --json against the line floor ($RUNS runs each, taking turns)"
cases=(-case hello -cmd "$(q "$tmp/hello")"
  -case floor-line -cmd "$(q "$tmp/floor-line")"
  -case floor-line-nocobra -cmd "$(q "$tmp/floor-line-nocobra")"
  -case status -cmd "$(q "$tmp/cooldown") --db $(q "$db") status --json")
if [[ -n $EAGER ]]; then
  cases+=(-case floor-line-eager -cmd "$(q "$tmp/floor-line-eager")"
    -case status-eager -cmd "$(q "$tmp/cooldown-eager") --db $(q "$db") status --json")
fi
if [[ -n $OLD ]]; then
  cases+=(-case floor-line-old -cmd "$(q "$tmp/floor-line-old")"
    -case status-old -cmd "$(q "$tmp/cooldown-old") --db $(q "$db") status --json")
fi
run wall -runs "$RUNS" "${cases[@]}" || fail "status measurement failed (see above)"
if command -v hyperfine >/dev/null; then
  echo "  hyperfine, for comparison:"
  hyperfine -N --warmup 3 --runs "$RUNS" --style basic \
    "$tmp/floor-line-nocobra" "$tmp/floor-line" "$tmp/cooldown --db $db status --json" | sed 's/^/    /' ||
    fail "hyperfine failed"
fi

step "peak RSS after visiting every screen ($RSS_RUNS walks each, taking turns)"
# Each step is "tmux send-keys words=text the screen shows once there" (an
# empty text waits 0.2 s; "KEYS*=" repeats KEYS until the text shows).
# home -> check-in, every step -> guide: contents, a section, two more
# sections, search with matches and n -> streak -> history, one day open ->
# settings -> home. BACK_WORD appears on the home screen only.
BACK_WORD=${BACK_WORD:-g guide}
APP_STEPS=(
  "Enter=Step 1 of" "Enter=Step 2 of" "Enter=Step 3 of" "Enter=Step 4 of"
  "Enter=Step 5 of" "Enter=Step 6 of" "Enter=Step 7 of" "Escape*=$BACK_WORD"
  "g=Contents" "Enter=t contents" "]=" "]=" "[=" "[=" "/=" "-l inflammation=" "Enter=▶" "n=▶"
  "Escape*=$BACK_WORD"
  "s=Last 26 weeks" "Escape*=$BACK_WORD"
  "h=load  what" "Enter=Workouts" "Escape*=$BACK_WORD"
  ",=Sleep target" "Escape*=$BACK_WORD"
)
steps=()
for s in "${APP_STEPS[@]}"; do steps+=(-step "$s"); done
apps=(cooldown)
[[ -n $EAGER ]] && apps+=(cooldown-eager)
[[ -n $OLD ]] && apps+=(cooldown-old)
for _ in $(seq "$RSS_RUNS"); do
  for app in "${apps[@]}"; do
    cp "$db" "$tmp/walk.db" # the walk writes (check-in steps): start each from the same data
    run drive -L "$sock" -case "$app" ${TRACE:+-trace} -word "$HOME_WORD" "${steps[@]}" \
      -cmd "$(q "$tmp/$app") --db $(q "$tmp/walk.db")" ||
      fail "driving $app through every screen failed (see above); the keys are in APP_STEPS"
  done
  if [[ -n $GLOW ]]; then
    run drive -L "$sock" -case glow -failures 5 -word "$GLOW_WORD" -step "G=" -step "g=$GLOW_WORD" \
      -cmd "$(q "$GLOW") -t $(q "$doc")" || fail "driving glow failed (see above)"
  fi
done
# One RESULT line per name: the median (lower middle) and min-max of the walks.
awk '$2 ~ /-peak-rss$/ { v[$2] = v[$2] " " $3; next } { print }
  END { for (n in v) { k = split(v[n], x, " "); for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
    printf "RESULT %s %s %s %s MB\n", n, x[int((k + 1) / 2)], x[1], x[k] } }' "$results" >"$results.new"
mv "$results.new" "$results"

# ---- the table ----
get() { awk -v n="$1" -v f="$2" '$2 == n { print $f }' "$results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
verdict() { awk -v x="$1" -v lim="$2" 'BEGIN { print (x <= lim ? "met" : "MISSED") }'; }
row() { # name, result name, unit
  local m lo hi
  m=$(get "$2" 3) lo=$(get "$2" 4) hi=$(get "$2" 5)
  [[ -n $m ]] && printf '| %s | %s %s | %s-%s |\n' "$1" "$m" "$3" "$lo" "$hi"
  return 0
}
step "summary (medians of $RUNS runs; min-max)"
echo "| measure | median | min-max |"
echo "| --- | --- | --- |"
row "first frame: cooldown home (3,650 days)" cooldown ms
row "first frame: TUI floor" floor-tui ms
[[ -n $GLOW ]] && row "first frame: glow, 10 KB document" glow ms
row "cooldown status --json (3,650 days)" status ms
row "line floor" floor-line ms
row "line floor without cobra (-tags nocobra)" floor-line-nocobra ms
row "Go hello world" hello ms
row "peak RSS of status" status-rss MB
row "peak RSS of the app, every screen visited ($RSS_RUNS walks)" cooldown-peak-rss MB
[[ -n $GLOW ]] && row "peak RSS of glow, document read ($RSS_RUNS walks)" glow-peak-rss MB
if [[ -n $OLD ]]; then
  row "OLD first frame: cooldown home" cooldown-old ms
  row "OLD first frame: TUI floor" floor-tui-old ms
  row "OLD cooldown status --json" status-old ms
  row "OLD line floor" floor-line-old ms
  row "OLD peak RSS of status" status-old-rss MB
  row "OLD peak RSS of the app, every screen visited" cooldown-old-peak-rss MB
fi
if [[ -n $EAGER ]]; then
  row "first frame: cooldown, upstream chroma (eager init)" cooldown-eager ms
  row "first frame: TUI floor, upstream chroma (eager init)" floor-tui-eager ms
  row "status --json, upstream chroma (eager init)" status-eager ms
  row "line floor, upstream chroma (eager init)" floor-line-eager ms
  row "peak RSS of status, upstream chroma (eager init)" status-eager-rss MB
  row "peak RSS of the app, upstream chroma (eager init)" cooldown-eager-peak-rss MB
fi
echo
echo "| target (issue 8) | figure | verdict |"
echo "| --- | --- | --- |"
r=$(ratio "$(get cooldown 3)" "$(get floor-tui 3)")
echo "| first frame within 1.5x of the TUI floor | ${r}x | $(verdict "$r" 1.5) |"
if [[ -n $GLOW ]]; then
  r=$(ratio "$(get cooldown 3)" "$(get glow 3)")
  echo "| first frame at most 2/3 of glow's | ${r}x | $(verdict "$r" 0.6667) |"
fi
r=$(ratio "$(get status 3)" "$(get floor-line 3)")
echo "| status --json within 1.5x of the line floor | ${r}x | $(verdict "$r" 1.5) |"
r=$(get cooldown-peak-rss 3)
echo "| peak RSS of the app under 25 MB | $r MB | $(verdict "$r" 25) |"
if [[ -n $EAGER ]]; then
  # The same measures for the build with upstream chroma, each against its
  # own (eager) floors, and the normal build's beside it: what the fork saves.
  echo
  echo "| same run | upstream chroma (eager init) | as built (lazy fork) |"
  echo "| --- | --- | --- |"
  echo "| first frame: cooldown | $(get cooldown-eager 3) ms | $(get cooldown 3) ms |"
  echo "| first frame against its TUI floor | $(ratio "$(get cooldown-eager 3)" "$(get floor-tui-eager 3)")x | $(ratio "$(get cooldown 3)" "$(get floor-tui 3)")x |"
  if [[ -n $GLOW ]]; then
    echo "| first frame against glow's | $(ratio "$(get cooldown-eager 3)" "$(get glow 3)")x | $(ratio "$(get cooldown 3)" "$(get glow 3)")x |"
  fi
  echo "| status --json | $(get status-eager 3) ms | $(get status 3) ms |"
  echo "| status --json against its line floor | $(ratio "$(get status-eager 3)" "$(get floor-line-eager 3)")x | $(ratio "$(get status 3)" "$(get floor-line 3)")x |"
  echo "| peak RSS of the app | $(get cooldown-eager-peak-rss 3) MB | $(get cooldown-peak-rss 3) MB |"
fi
if [[ -n $GLOW ]] && [[ -n $(get glow-failures 3) ]]; then
  echo
  echo "glow showed an empty page in $(get glow-failures 3) extra runs (not counted in its figures)."
fi
if [[ -n $OLD ]]; then
  echo
  echo "| same run | OLD ($OLD) | as built |"
  echo "| --- | --- | --- |"
  echo "| first frame: cooldown | $(get cooldown-old 3) ms | $(get cooldown 3) ms |"
  echo "| first frame: TUI floor | $(get floor-tui-old 3) ms | $(get floor-tui 3) ms |"
  echo "| first frame against its TUI floor | $(ratio "$(get cooldown-old 3)" "$(get floor-tui-old 3)")x | $(ratio "$(get cooldown 3)" "$(get floor-tui 3)")x |"
  echo "| status --json | $(get status-old 3) ms | $(get status 3) ms |"
  echo "| line floor | $(get floor-line-old 3) ms | $(get floor-line 3) ms |"
  echo "| status --json against its line floor | $(ratio "$(get status-old 3)" "$(get floor-line-old 3)")x | $(ratio "$(get status 3)" "$(get floor-line 3)")x |"
  echo "| peak RSS of the app | $(get cooldown-old-peak-rss 3) MB | $(get cooldown-peak-rss 3) MB |"
fi
