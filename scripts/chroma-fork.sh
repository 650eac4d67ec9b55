#!/usr/bin/env bash
# scripts/chroma-fork.sh: rebuild third_party/chroma, cooldown's
# copy of chroma with its registries loaded on first use, from upstream.
#
#   scripts/chroma-fork.sh VERSION          # e.g. v2.20.0: replace the copy
#   scripts/chroma-fork.sh --diff VERSION   # print the copy's patch
#   scripts/chroma-fork.sh --check VERSION  # does upstream + patch = copy?
#
# The copy keeps only what glamour links (the root package, formatters,
# lexers with their embedded XML, styles, quick), without tests, and
# applies third_party/chroma-lazy.patch. third_party/README.md
# says why. Needs the Go module cache (the module is downloaded if missing)
# and patch(1).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fork=$root/third_party/chroma
patchfile=$root/third_party/chroma-lazy.patch
fail() { echo "chroma-fork.sh: $*" >&2; exit 1; }

mode=replace
case ${1:-} in
--diff | --check) mode=${1#--}; shift ;;
esac
version=${1:-}
[[ $version == v2.* ]] || fail "usage: chroma-fork.sh [--diff|--check] VERSION (for example v2.20.0)"
command -v patch >/dev/null || fail "patch is not installed (apt-get install -y patch)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/chroma-fork.XXXXXX")
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

src=$(cd "$tmp" && GOFLAGS=-mod=mod go mod download -json "github.com/alecthomas/chroma/v2@$version" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[[ -d $src ]] || fail "could not get chroma $version from the Go module cache or proxy"

# trimmed upstream copy into $1
trim() {
  local out=$1 d f
  mkdir -p "$out"
  for d in . formatters formatters/html formatters/svg quick styles lexers; do
    mkdir -p "$out/$d"
    for f in "$src/$d"/*; do
      [[ -f $f && $f != *_test.go ]] || continue
      case $(basename "$f") in
      *.go | *.xml | go.mod | go.sum | COPYING | README.md) cp "$f" "$out/$d/" ;;
      esac
    done
  done
  rm -f "$out/README.md"
  cp -r "$src/lexers/embedded" "$out/lexers/"
  chmod -R u+w "$out"
}

case $mode in
diff)
  trim "$tmp/a"
  cp -r "$fork/." "$tmp/b"
  # without the file times, so that the patch changes only with the code
  (cd "$tmp" && diff -ruN a b) | sed -E 's/^((---|\+\+\+) [^\t]*)\t.*/\1/' || true
  ;;
check)
  trim "$tmp/want"
  (cd "$tmp/want" && patch -s -p1 <"$patchfile") || fail "chroma-lazy.patch does not apply to chroma $version"
  if diff -r "$tmp/want" "$fork" >"$tmp/out"; then
    echo "third_party/chroma is chroma $version with chroma-lazy.patch"
  else
    cat "$tmp/out"
    fail "third_party/chroma differs from chroma $version with chroma-lazy.patch"
  fi
  ;;
replace)
  trim "$tmp/new"
  (cd "$tmp/new" && patch -p1 <"$patchfile") ||
    echo "chroma-fork.sh: some hunks did not apply; resolve the .rej files in $fork" >&2
  rm -rf "$fork"
  cp -r "$tmp/new" "$fork"
  echo "third_party/chroma is now chroma $version; run go build ./... and go test ./..."
  ;;
esac
