package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cooldown/store"
)

// BenchmarkWatchScanUnchanged is the app's minute scan of a watch folder
// of 1,000 files it already knows: a walk, an lstat per file and one read
// transaction for the signatures.
func BenchmarkWatchScanUnchanged(b *testing.B) {
	tmp := b.TempDir()
	dir := filepath.Join(tmp, "Watch")
	if err := os.Mkdir(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	for i := range 1000 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%04d.txt", i)), []byte("not a device file\n"), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	st, err := store.Open(filepath.Join(tmp, "c.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := setWatchDirs(st, []string{dir}); err != nil {
		b.Fatal(err)
	}
	w := &watcher{e: &env{now: time.Now, loc: time.UTC, getenv: func(string) string { return "" }}, st: st}
	if _, err := w.ScanWatched(); err != nil { // the first scan learns the files
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := w.ScanWatched()
		if err != nil || r.New != 0 || len(r.Refused) != 0 {
			b.Fatalf("scan = %+v, %v; want nothing new", r, err)
		}
	}
}
