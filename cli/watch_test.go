package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cooldown/store"
)

// copyFile copies src to dst (a test's temp dir: the module's FIT files
// are never copied into the repository).
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestWatchScan: a watch folder's FIT file is imported once and then
// skipped by its signature; a file modified within the settle time is left
// for a later scan (not refused); a symlink leading out of the folder is
// refused, and the file it points to is not imported.
func TestWatchScan(t *testing.T) {
	t.Parallel()
	fit := filepath.Join(fitTestdata(t), "from_official_sdk", "Activity.fit")
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "Watch")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(tmp, "c.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{now: time.Now, loc: time.UTC, getenv: func(k string) string {
		if k == "HOME" {
			return tmp
		}
		return ""
	}}
	if err := setWatchDirs(st, []string{dir}); err != nil {
		t.Fatal(err)
	}
	copyFile(t, fit, filepath.Join(dir, "run.fit"))

	// Just written: a sync may still be writing it.
	w := &watcher{e: e, st: st, settle: time.Hour}
	if r, err := w.ScanWatched(); err != nil || r.New != 0 || len(r.Refused) != 0 {
		t.Errorf("scan of a fresh file = %+v, %v; want it left for later", r, err)
	}
	w.settle = 0
	steps := []struct {
		name    string
		before  func()
		wantNew int
		refused string
	}{
		{"first scan", nil, 1, ""},
		{"same signature: skipped", nil, 0, ""},
		{"symlink out of the folder", func() {
			outside := filepath.Join(tmp, "outside.fit")
			copyFile(t, filepath.Join(fitTestdata(t), "from_garmin_forums", "triathlon_summary_first.fit"), outside)
			if err := os.Symlink(outside, filepath.Join(dir, "link.fit")); err != nil {
				t.Fatal(err)
			}
		}, 0, "link.fit: a symlink that leads out of the watch folder"},
		{"refused once, not again", nil, 0, ""},
		{"a file gone is forgotten", func() {
			if err := os.Remove(filepath.Join(dir, "link.fit")); err != nil {
				t.Fatal(err)
			}
		}, 0, ""},
	}
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
		r, err := w.ScanWatched()
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if r.New != s.wantNew {
			t.Errorf("%s: %d new, want %d", s.name, r.New, s.wantNew)
		}
		if s.wantNew > 0 && (len(r.Dirs) != 1 || r.Dirs[0] != "~/Watch") {
			t.Errorf("%s: dirs %q, want [~/Watch]", s.name, r.Dirs)
		}
		got := strings.Join(r.Refused, "\n")
		if (s.refused == "") != (got == "") || !strings.Contains(got, s.refused) {
			t.Errorf("%s: refused %q, want %q", s.name, got, s.refused)
		}
	}
	seen, err := st.StatePrefix(watchSeenKey)
	if err != nil || len(seen) != 1 || seen[seenKey(filepath.Join(dir, "run.fit"))] == "" {
		t.Errorf("remembered signatures %v, %v; want run.fit's alone (link.fit is gone)", seen, err)
	}
	days, err := st.Days()
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 1 {
		t.Errorf("%d days stored, want the run's alone (the symlinked triathlon refused)", len(days))
	}
}

// TestImportWatchFlag: `import --watch DIR` imports and remembers the
// folder (in the state, not in an export's settings), `--watch` lists it
// and `--unwatch DIR` forgets it.
func TestImportWatchFlag(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyFile(t, filepath.Join(fitTestdata(t), "from_official_sdk", "Activity.fit"), filepath.Join(dir, "run.fit"))
	db := newDB(t)
	r := must(t, "--db", db, "import", "--watch", dir)
	if !strings.Contains(r.stdout, "watching "+dir+": 1 new workouts now") {
		t.Errorf("import --watch:\n%s", r)
	}
	if r := must(t, "--db", db, "import", "--watch"); r.stdout != dir+"\n" {
		t.Errorf("import --watch lists %q, want %q", r.stdout, dir+"\n")
	}
	if r := must(t, "--db", db, "export"); strings.Contains(r.stdout, "watch") {
		t.Errorf("the export holds the machine-local watch state:\n%s", r.stdout)
	}
	expect(t, cool(t, "--db", db, "import", "--watch", "--since", "2026-01-01", dir), exitUsage, "--since does not apply to --watch")
	expect(t, cool(t, "--db", db, "import", "--watch", filepath.Join(dir, "run.fit")), exitUsage, "not a folder")
	expect(t, cool(t, "--db", db, "import", "--unwatch", filepath.Join(dir, "nope")), exitUsage, "not a watch folder")
	must(t, "--db", db, "import", "--unwatch", dir)
	if r := must(t, "--db", db, "import", "--watch"); r.stdout != "" {
		t.Errorf("after --unwatch the list is %q, want empty", r.stdout)
	}
}

// TestWatchHalfSynced: a file refused by the app's scan (a sync stopped
// half way) is not reported at once: finished before the next scan, it is
// imported; the same at the next scan, it is reported refused, once.
func TestWatchHalfSynced(t *testing.T) {
	t.Parallel()
	full, err := os.ReadFile(filepath.Join(fitTestdata(t), "from_official_sdk", "Activity.fit"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		finish      bool // the sync ends before the second scan
		wantNew     int
		wantRefused int
	}{
		{"finished", true, 1, 0},
		{"still truncated", false, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tmp := t.TempDir()
			st, err := store.Open(filepath.Join(tmp, "c.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := setWatchDirs(st, []string{tmp}); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(tmp, "run.fit")
			write := func(b []byte, age time.Duration) {
				if err := os.WriteFile(file, b, 0o600); err != nil {
					t.Fatal(err)
				}
				at := time.Now().Add(-age)
				if err := os.Chtimes(file, at, at); err != nil {
					t.Fatal(err)
				}
			}
			write(full[:len(full)/2], time.Minute)
			w := &watcher{e: &env{now: time.Now, loc: time.UTC, getenv: func(string) string { return "" }}, st: st, settle: watchSettle}
			if r, err := w.ScanWatched(); err != nil || r.New != 0 || len(r.Refused) != 0 {
				t.Fatalf("first scan of a half-written file = %+v, %v; want nothing imported and nothing refused yet", r, err)
			}
			if tt.finish {
				write(full, 30*time.Second)
			}
			r, err := w.ScanWatched()
			if err != nil || r.New != tt.wantNew || len(r.Refused) != tt.wantRefused {
				t.Errorf("second scan = %+v, %v; want %d new, %d refused", r, err, tt.wantNew, tt.wantRefused)
			}
			if r, _ := w.ScanWatched(); r.New != 0 || len(r.Refused) != 0 {
				t.Errorf("third scan = %+v; want nothing (known by its signature)", r)
			}
		})
	}
}

// TestWatchScanLocked: a scan that finds the database held by another
// process imports nothing and remembers nothing; the next one takes the
// file.
func TestWatchScanLocked(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	db := filepath.Join(tmp, "c.db")
	st, err := store.Open(db, store.Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := setWatchDirs(st, []string{tmp}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(tmp, "run.fit")
	copyFile(t, filepath.Join(fitTestdata(t), "from_official_sdk", "Activity.fit"), file)
	old := time.Now().Add(-time.Minute)
	if err := os.Chtimes(file, old, old); err != nil {
		t.Fatal(err)
	}
	w := &watcher{e: &env{now: time.Now, loc: time.UTC, getenv: func(string) string { return "" }}, st: st, settle: watchSettle}
	release := holdLock(t, db)
	if r, err := w.ScanWatched(); !errors.Is(err, store.ErrLocked) || r.New != 0 {
		t.Fatalf("scan while the file is held = %+v, %v; want ErrLocked and nothing", r, err)
	}
	release()
	if seen, _ := st.StatePrefix(watchSeenKey); len(seen) != 0 {
		t.Errorf("a scan that failed remembered %v", seen)
	}
	if r, err := w.ScanWatched(); err != nil || r.New != 1 {
		t.Errorf("scan after the release = %+v, %v; want 1 new", r, err)
	}
}
