#!/usr/bin/env bash
# scripts/initfloor/measure.sh: what package initialisation costs cooldown,
# and what deferring chroma's registries (chroma-lazy.patch) would save.
#
#   scripts/initfloor/measure.sh          # RUNS=21 by default
#
# 1. GODEBUG=inittrace=1 on the line floor (scripts/floor/line, the same
#    libraries as cooldown): the median cost of every package's init.
# 2. Builds the floors and cooldown twice: as they are, and with chroma
#    v2 patched (chroma-lazy.patch: the embedded lexers and styles are
#    parsed on first use instead of at init) by lazy-build.sh, which uses
#    the patched copy through `go build -modfile` with a replace directive,
#    so the repository's go.mod is never touched.
# 3. Checks that glamour's output is byte for byte the same with both, on
#    the whole guide and on a document with highlighted code blocks.
# 4. Measures both builds in the same run (cases taking turns): wall time
#    of the line floor and `cooldown status --json`, start to first frame
#    of the TUI floor and of cooldown in a 100x30 tmux pane.
# Needs the Go module cache (go mod download) and tmux; never the network
# beyond the Go module proxy. Not for CI.
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

echo "== build (as is, and with the patched chroma)"
go build -o "$tmp/line-orig" ./scripts/floor/line
go build -o "$tmp/tui-orig" ./scripts/floor/tui
go build -o "$tmp/cooldown-orig" .
go build -o "$tmp/benchtool" ./scripts/benchtool
go build -o "$tmp/genhistory" ./scripts/genhistory
"$root/scripts/initfloor/lazy-build.sh" "$tmp" || fail "building with the patched chroma failed"
mv "$tmp/floor-line-lazy" "$tmp/line-lazy"
mv "$tmp/floor-tui-lazy" "$tmp/tui-lazy"

# A program that renders markdown with glamour, in a module of its own in
# the temp dir with cooldown's go.mod and go.sum (the same versions, from
# the module cache), built as is and with the patched chroma.
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
(cd "$tmp/render" && GOFLAGS=-mod=mod go build -o "$tmp/render-orig" . &&
  go mod edit -replace "github.com/alecthomas/chroma/v2=$tmp/chroma" &&
  GOFLAGS=-mod=mod go build -o "$tmp/render-lazy" .) || fail "building the render program failed"

echo "== glamour's output, as is and patched"
cat content/guide/*.md >"$tmp/guide.md"
printf '# Code\n\n```go\npackage main\n\nfunc main() { println("hi") }\n```\n\n```\nno language\n```\n\n```python\ndef f(x):\n    return x * 2\n```\n' >"$tmp/code.md"
for doc in guide code; do
  "$tmp/render-orig" "$tmp/$doc.md" >"$tmp/$doc.orig"
  "$tmp/render-lazy" "$tmp/$doc.md" >"$tmp/$doc.lazy"
  cmp -s "$tmp/$doc.orig" "$tmp/$doc.lazy" || fail "glamour renders $doc.md differently with the patched chroma"
  echo "  $doc.md: identical ($(wc -c <"$tmp/$doc.orig") bytes)"
done

echo "== package init of the line floor, median of 15 runs (GODEBUG=inittrace=1)"
for v in orig lazy; do
  : >"$tmp/trace-$v"
  for _ in $(seq 15); do GODEBUG=inittrace=1 "$tmp/line-$v" 2>>"$tmp/trace-$v" >/dev/null; done
  echo "  -- $v: top packages (ms, bytes, allocs)"
  awk '/^init/ {print $2, $5, $8, $10}' "$tmp/trace-$v" | sort -k1,1 -k2,2n |
    awk '{k=$1; v[k]=v[k]" "$2; b[k]=$3; a[k]=$4} END {for (k in v) {n=split(v[k],x," "); printf "  %7.3f ms %9d B %6d allocs  %s\n", x[int((n+1)/2)], b[k], a[k], k}}' |
    sort -rn >"$tmp/table-$v"
  head -8 "$tmp/table-$v" # not in the pipe: head closing it early would fail the pipe
  # Every run's trace starts with internal/bytealg: sum the runs apart.
  awk '/^init internal\/bytealg / {r++} /^init/ {t[r]+=$5} END {for (i in t) print t[i]}' "$tmp/trace-$v" | sort -n |
    awk -v v="$v" '{a[NR]=$1} END {printf "  %s: all package init, median %.2f ms (min %.2f, max %.2f)\n", v, a[int((NR+1)/2)], a[1], a[NR]}'
done

echo "== a 10-year history for cooldown"
"$tmp/genhistory" -days 3650 -o "$tmp/history.json"
"$tmp/cooldown-orig" --db "$tmp/bench.db" import "$tmp/history.json" >/dev/null

echo "== wall time and peak RSS, $RUNS runs each, taking turns"
"$tmp/benchtool" wall -runs "$RUNS" \
  -case line-orig -cmd "$tmp/line-orig" -case line-lazy -cmd "$tmp/line-lazy" \
  -case status-orig -cmd "$tmp/cooldown-orig --db $tmp/bench.db status --json" \
  -case status-lazy -cmd "$tmp/cooldown-lazy --db $tmp/bench.db status --json" | grep -v '^RESULT'

echo "== start to first frame in a 100x30 tmux pane, $RUNS runs each, taking turns"
printf 'set -g default-size 100x30\nset -g status off\nset -g remain-on-exit off\n' >"$tmp/tmux.conf"
tmux -L "$sock" -f "$tmp/tmux.conf" new-session -d -s bench -x 100 -y 30 "sleep 86400"
"$tmp/benchtool" frame -L "$sock" -runs "$RUNS" \
  -case tui-orig -word "floor-tui ready" -cmd "$tmp/tui-orig" \
  -case tui-lazy -word "floor-tui ready" -cmd "$tmp/tui-lazy" \
  -case cooldown-orig -word "${HOME_WORD:-longest}" -cmd "$tmp/cooldown-orig --db $tmp/bench.db" \
  -case cooldown-lazy -word "${HOME_WORD:-longest}" -cmd "$tmp/cooldown-lazy --db $tmp/bench.db" | grep -v '^RESULT'
