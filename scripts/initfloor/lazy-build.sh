#!/usr/bin/env bash
# scripts/initfloor/lazy-build.sh OUTDIR: build cooldown and the two floors
# with chroma's registries deferred to first use (chroma-lazy.patch), into
# OUTDIR as cooldown-lazy, floor-tui-lazy and floor-line-lazy.
#
# The patched chroma is a copy in OUTDIR/chroma, used through
# `go build -modfile` with a replace directive: the repository's go.mod and
# go.sum are never touched. Used by scripts/bench.sh (LAZY=1) and
# scripts/initfloor/measure.sh.
set -euo pipefail

out=${1:?usage: lazy-build.sh OUTDIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "lazy-build.sh: $*" >&2; exit 1; }
command -v patch >/dev/null || fail "patch is not installed (apt-get install -y patch)"
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$root"

chroma=$(go list -m -f '{{.Dir}}' github.com/alecthomas/chroma/v2) ||
  fail "chroma is not in the module cache (go mod download)"
version=$(go list -m -f '{{.Version}}' github.com/alecthomas/chroma/v2)
[[ $version == v2.20.0 ]] || echo "lazy-build.sh: note: the patch was made against chroma v2.20.0; this module uses $version" >&2
rm -rf "$out/chroma"
cp -r "$chroma" "$out/chroma"
chmod -R u+w "$out/chroma"
(cd "$out/chroma" && patch -s -p1 <"$root/scripts/initfloor/chroma-lazy.patch") ||
  fail "chroma-lazy.patch does not apply to chroma $version"
cp go.mod "$out/lazy.mod"
cp go.sum "$out/lazy.sum"
go mod edit -modfile="$out/lazy.mod" -replace "github.com/alecthomas/chroma/v2=$out/chroma"

go build -modfile="$out/lazy.mod" -o "$out/cooldown-lazy" . &&
  go build -modfile="$out/lazy.mod" -o "$out/floor-tui-lazy" ./scripts/floor/tui &&
  go build -modfile="$out/lazy.mod" -o "$out/floor-line-lazy" ./scripts/floor/line ||
  fail "building with the patched chroma failed"
