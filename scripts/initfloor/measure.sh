#!/usr/bin/env bash
# scripts/initfloor/measure.sh: what package initialisation costs cooldown,
# and what the repository's chroma fork (third_party/chroma, wired in
# by go.mod's replace: lexers and styles are parsed on first use instead of
# at init) saves against upstream chroma v2.20.0.
#
#   scripts/initfloor/measure.sh          # RUNS=21 by default
#
# 1. Builds the floors (scripts/floor/line, scripts/floor/tui: the same
#    libraries as cooldown) and cooldown twice: as built, with the lazy fork,
#    and with upstream chroma (eager init) by eager-build.sh, which drops the
#    replace in a copy of go.mod used through `go build -modfile`, so the
#    repository's go.mod and go.sum are never touched.
# 2. Checks that glamour's output is byte for byte the same with both, on
#    the whole guide and on a document with highlighted code blocks.
# 3. GODEBUG=inittrace=1 on the line floor, both builds: the median cost of
#    every package's init, and of all of them.
# 4. Measures both builds in the same run (cases taking turns): wall time
#    of the line floor and `cooldown status --json`, start to first frame
#    of the TUI floor and of cooldown in a 100x30 tmux pane; then a table of
#    the medians and what the fork saves.
# Needs the Go module cache (go mod download) and tmux; never the network
# beyond the Go module proxy (for upstream chroma, if not in the cache).
# Not for CI.
set -euo pipefail

RUNS=${RUNS:-21}
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "measure.sh: $*" >&2; exit 1; }
trap 'echo "measure.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR
command -v tmux >/dev/null || fail "tmux is not installed (apt-get install -y tmux)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cooldown-initfloor.XXXXXX")
sock=cooldown-initfloor-$$
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock" # kill-server leaves the socket file
  chmod -R u+w "$tmp" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
cd "$root"

fork=$root/third_party/chroma
[[ -f $fork/go.mod ]] || fail "the chroma fork is missing ($fork)"
echo "== build (as built, with the lazy fork; and with upstream chroma, eager)"
go build -o "$tmp/line-lazy" ./scripts/floor/line
go build -o "$tmp/tui-lazy" ./scripts/floor/tui
go build -o "$tmp/cooldown-lazy" .
go build -o "$tmp/benchtool" ./scripts/benchtool
go build -o "$tmp/genhistory" ./scripts/genhistory
"$root/scripts/initfloor/eager-build.sh" "$tmp" || fail "building with upstream chroma failed"
mv "$tmp/floor-line-eager" "$tmp/line-eager"
mv "$tmp/floor-tui-eager" "$tmp/tui-eager"

# A program that renders markdown with glamour, in a module of its own in
# the temp dir with cooldown's go.mod and go.sum (the same versions, from
# the module cache), built with the fork (the replace made absolute) and with
# upstream chroma (the replace dropped).
mkdir -p "$tmp/render"
cat >"$tmp/render/main.go" <<'EOF'
// Command render prints a markdown file rendered by glamour (dark style).
package main

import (
	"fmt"
	"os"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/styles"
)

func main() {
	md, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	r, err := glamour.NewTermRenderer(glamour.WithStyles(styles.DarkStyleConfig), glamour.WithWordWrap(80))
	if err != nil {
		panic(err)
	}
	out, err := r.Render(string(md))
	if err != nil {
		panic(err)
	}
	fmt.Print(out)
}
EOF
sed 's/^module cooldown$/module render/' go.mod >"$tmp/render/go.mod"
cp go.sum "$tmp/render/go.sum"
(cd "$tmp/render" && go mod edit -replace "github.com/alecthomas/chroma/v2=$fork" &&
  GOFLAGS=-mod=mod go build -o "$tmp/render-lazy" . &&
  go mod edit -dropreplace github.com/alecthomas/chroma/v2 &&
  GOFLAGS=-mod=mod go build -o "$tmp/render-eager" .) || fail "building the render program failed"
# Make sure each render binary links the chroma it is meant to: upstream is
# listed with a checksum, a replaced module with a "=>" line.
go version -m "$tmp/render-eager" | grep -qE '^[[:space:]]+dep[[:space:]]+github.com/alecthomas/chroma/v2[[:space:]]+v[^[:space:]]+[[:space:]]+h1:' ||
  fail "render-eager is not built with upstream chroma"
go version -m "$tmp/render-lazy" | grep -qE '^[[:space:]]+=>[[:space:]]+'"$fork" ||
  fail "render-lazy is not built with the fork"

echo "== glamour's output, upstream chroma (eager) and the fork (lazy)"
cat content/guide/*.md >"$tmp/guide.md"
# shellcheck disable=SC2016 # the backquotes are markdown's code fences
printf '# Code\n\n```go\npackage main\n\nfunc main() { println("hi") }\n```\n\n```\nno language\n```\n\n```python\ndef f(x):\n    return x * 2\n```\n' >"$tmp/code.md"
for doc in guide code; do
  "$tmp/render-eager" "$tmp/$doc.md" >"$tmp/$doc.eager"
  "$tmp/render-lazy" "$tmp/$doc.md" >"$tmp/$doc.lazy"
  cmp -s "$tmp/$doc.eager" "$tmp/$doc.lazy" || fail "glamour renders $doc.md differently with the fork than with upstream chroma"
  echo "  $doc.md: identical ($(wc -c <"$tmp/$doc.eager") bytes)"
done

echo "== package init of the line floor, median of 15 runs (GODEBUG=inittrace=1)"
declare -A label=([eager]="upstream chroma (eager)" [lazy]="as built (lazy fork)")
for v in eager lazy; do
  : >"$tmp/trace-$v"
  for _ in $(seq 15); do GODEBUG=inittrace=1 "$tmp/line-$v" 2>>"$tmp/trace-$v" >/dev/null; done
  echo "  -- ${label[$v]}: top packages (ms, bytes, allocs)"
  awk '/^init/ {print $2, $5, $8, $10}' "$tmp/trace-$v" | sort -k1,1 -k2,2n |
    awk '{k=$1; v[k]=v[k]" "$2; b[k]=$3; a[k]=$4} END {for (k in v) {n=split(v[k],x," "); printf "  %7.3f ms %9d B %6d allocs  %s\n", x[int((n+1)/2)], b[k], a[k], k}}' |
    sort -rn >"$tmp/table-$v"
  head -8 "$tmp/table-$v" # not in the pipe: head closing it early would fail the pipe
  # Every run's trace starts with internal/bytealg: sum the runs apart.
  awk '/^init internal\/bytealg / {r++} /^init/ {t[r]+=$5} END {for (i in t) print t[i]}' "$tmp/trace-$v" | sort -n |
    awk -v v="${label[$v]}" '{a[NR]=$1} END {printf "  %s: all package init, median %.2f ms (min %.2f, max %.2f)\n", v, a[int((NR+1)/2)], a[1], a[NR]}'
done

echo "== a 10-year history for cooldown"
"$tmp/genhistory" -days 3650 -o "$tmp/history.json"
"$tmp/cooldown-lazy" --db "$tmp/bench.db" import "$tmp/history.json" >/dev/null

echo "== wall time and peak RSS, $RUNS runs each, taking turns"
"$tmp/benchtool" wall -runs "$RUNS" \
  -case line-eager -cmd "$tmp/line-eager" -case line-lazy -cmd "$tmp/line-lazy" \
  -case status-eager -cmd "$tmp/cooldown-eager --db $tmp/bench.db status --json" \
  -case status-lazy -cmd "$tmp/cooldown-lazy --db $tmp/bench.db status --json" >"$tmp/wall.out"
grep -v '^RESULT' "$tmp/wall.out" || true

echo "== start to first frame in a 100x30 tmux pane, $RUNS runs each, taking turns"
printf 'set -g default-size 100x30\nset -g status off\nset -g remain-on-exit off\n' >"$tmp/tmux.conf"
tmux -L "$sock" -f "$tmp/tmux.conf" new-session -d -s bench -x 100 -y 30 "sleep 86400"
"$tmp/benchtool" frame -L "$sock" -runs "$RUNS" \
  -case tui-eager -word "floor-tui ready" -cmd "$tmp/tui-eager" \
  -case tui-lazy -word "floor-tui ready" -cmd "$tmp/tui-lazy" \
  -case cooldown-eager -word "${HOME_WORD:-longest}" -cmd "$tmp/cooldown-eager --db $tmp/bench.db" \
  -case cooldown-lazy -word "${HOME_WORD:-longest}" -cmd "$tmp/cooldown-lazy --db $tmp/bench.db" >"$tmp/frame.out"
grep -v '^RESULT' "$tmp/frame.out" || true

echo "== summary (medians of $RUNS runs each; saved = upstream - fork)"
awk '
  /^RESULT/ { m[$2] = $3; u[$2] = $6 }
  function row(label, e, l) {
    if (m[e] == "" || m[l] == "") return
    printf "| %s | %s %s | %s %s | %.2f %s |\n", label, m[e], u[e], m[l], u[l], m[e] - m[l], u[l]
  }
  END {
    print "| measure | upstream chroma (eager) | as built (lazy fork) | saved |"
    print "| --- | --- | --- | --- |"
    row("line floor, wall time", "line-eager", "line-lazy")
    row("cooldown status --json, wall time", "status-eager", "status-lazy")
    row("TUI floor, first frame", "tui-eager", "tui-lazy")
    row("cooldown, first frame", "cooldown-eager", "cooldown-lazy")
    row("line floor, peak RSS", "line-eager-rss", "line-lazy-rss")
    row("cooldown status --json, peak RSS", "status-eager-rss", "status-lazy-rss")
  }' "$tmp/wall.out" "$tmp/frame.out"
