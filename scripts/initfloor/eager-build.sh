#!/usr/bin/env bash
# scripts/initfloor/eager-build.sh OUTDIR: build cooldown and the two floors
# against UPSTREAM chroma (v2.20.0, from the Go module cache or proxy), the
# way they were built before the repository carried its chroma fork, into
# OUTDIR as cooldown-eager, floor-tui-eager and floor-line-eager.
#
# A normal `go build` uses the fork in third_party/chroma (go.mod's
# replace directive), whose lexer and style registries load on first use.
# Upstream chroma parses all of them at package init; these builds show what
# that costs. The repository's go.mod and go.sum are never touched: copies
# (OUTDIR/eager.mod, OUTDIR/eager.sum) drop the replace, chroma's checksums
# are added to the copy by `go mod download -modfile`, and the builds use
# `go build -modfile`. Used by scripts/bench.sh (EAGER=1) and
# scripts/initfloor/measure.sh.
set -euo pipefail

out=${1:?usage: eager-build.sh OUTDIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
chroma=github.com/alecthomas/chroma/v2
fail() { echo "eager-build.sh: $*" >&2; exit 1; }
command -v go >/dev/null || fail "go is not on PATH"
[[ -f $root/go.mod && -f $root/go.sum ]] || fail "no go.mod and go.sum in $root"
mkdir -p "$out" || fail "cannot create $out"
out=$(cd "$out" && pwd)
cd "$root"

version=$(go list -m -f '{{.Version}}' "$chroma") ||
  fail "go.mod does not require $chroma"
[[ $version == v2.20.0 ]] ||
  echo "eager-build.sh: note: the fork was made from chroma v2.20.0; go.mod requires $version" >&2
[[ -n $(go list -m -f '{{with .Replace}}{{.Path}}{{end}}' "$chroma") ]] ||
  echo "eager-build.sh: note: go.mod does not replace $chroma; the eager builds are the normal ones" >&2

cp go.mod "$out/eager.mod"
cp go.sum "$out/eager.sum"
go mod edit -modfile="$out/eager.mod" -dropreplace "$chroma" ||
  fail "go mod edit could not drop the replace of $chroma"
go mod download -modfile="$out/eager.mod" "$chroma@$version" ||
  fail "cannot get upstream $chroma@$version (not in the module cache, and the Go module proxy failed)"

for b in cooldown:. floor-tui:./scripts/floor/tui floor-line:./scripts/floor/line; do
  go build -modfile="$out/eager.mod" -o "$out/${b%%:*}-eager" "${b#*:}" ||
    fail "building ${b#*:} with upstream chroma failed (see the go messages above)"
done

# The binaries must record upstream chroma: a replaced module is listed
# without a checksum, followed by a "=>" line.
for b in cooldown-eager floor-tui-eager floor-line-eager; do
  info=$(go version -m "$out/$b") || fail "go version -m $out/$b failed"
  grep -qE "^[[:space:]]+dep[[:space:]]+${chroma}[[:space:]]+${version}[[:space:]]+h1:" <<<"$info" ||
    fail "$out/$b does not record upstream $chroma@$version (go version -m $out/$b)"
done
