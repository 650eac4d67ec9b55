//go:build linux

package cli

// Tests of what a command's exit status says after a commit and when a
// signal stops it (issue 13, committed.go and interrupt.go), through the
// binary.

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"cooldown/coach"
)

// workoutsOn returns how many workouts the database holds on date.
func workoutsOn(t *testing.T, db string, date coach.Date) int {
	t.Helper()
	var exp struct {
		Days []struct {
			Date     string `json:"date"`
			Workouts []any  `json:"workouts"`
		} `json:"days"`
	}
	out := must(t, "--db", db, "export").stdout
	if err := json.Unmarshal([]byte(out), &exp); err != nil {
		t.Fatalf("export: %v", err)
	}
	for _, d := range exp.Days {
		if d.Date == date.String() {
			return len(d.Workouts)
		}
	}
	return 0
}

// fullPipe returns a pipe whose buffer is full, so that a write to w
// blocks until r is read.
func fullPipe(t *testing.T) (r, w *os.File) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	raw, err := w.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var werr error
	raw.Control(func(fd uintptr) {
		if werr = syscall.SetNonblock(int(fd), true); werr != nil {
			return
		}
		chunk := make([]byte, 4096)
		for {
			if _, err := syscall.Write(int(fd), chunk); err != nil {
				if err != syscall.EAGAIN {
					werr = err
				}
				break
			}
		}
		// O_NONBLOCK belongs to the open file, which the child shares.
		if err := syscall.SetNonblock(int(fd), false); werr == nil {
			werr = err
		}
	})
	if werr != nil {
		t.Fatal(werr)
	}
	return r, w
}

// A committed change exits 0 even when its confirmation cannot be printed,
// with a note on stderr, and is stored exactly once.
func TestCommittedChangeExitsZero(t *testing.T) {
	t.Parallel()
	day := today().AddDays(-1)
	doc := exportDoc(t, nil, completeDay(day), pendingDay(day.AddDays(-1)))
	importFile := writeFile(t, doc)

	type stdoutKind struct {
		name string
		note bool // the failure is seen, so the note is printed
		prep func(t *testing.T, cmd *exec.Cmd) *exec.Cmd
	}
	kinds := []stdoutKind{
		{"full", true, func(t *testing.T, cmd *exec.Cmd) *exec.Cmd {
			full := filepath.Join(t.TempDir(), "full")
			mknod(t, full, syscall.S_IFCHR, 1, 7) // like /dev/full
			f, err := os.OpenFile(full, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			cmd.Stdout = f
			return cmd
		}},
		{"broken pipe", true, func(t *testing.T, cmd *exec.Cmd) *exec.Cmd {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			r.Close() // the reader has gone
			t.Cleanup(func() { w.Close() })
			cmd.Stdout = w
			return cmd
		}},
		// With stdout closed, Go's runtime opens /dev/null on descriptor 1
		// before main runs: the write succeeds, no note is needed, and the
		// change is still stored once.
		{"closed", false, func(t *testing.T, cmd *exec.Cmd) *exec.Cmd {
			c := exec.CommandContext(t.Context(), "/bin/sh", append([]string{"-c", `exec "$0" "$@" >&-`}, cmd.Args...)...)
			c.Env = cmd.Env
			return c
		}},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			t.Run("log", func(t *testing.T) {
				db := newDB(t)
				cmd := k.prep(t, coolCmd(t, "--db", db, "log", "--date", day.String(), "--kind", "strength", "--minutes", "45", "--rpe", "7"))
				r := runCmd(t, cmd)
				check(t, r, k.note, db)
				if n := workoutsOn(t, db, day); n != 1 {
					t.Errorf("%d workouts stored, want 1", n)
				}
			})
			t.Run("import", func(t *testing.T) {
				db := newDB(t)
				r := runCmd(t, k.prep(t, coolCmd(t, "--db", db, "import", importFile)))
				check(t, r, k.note, db)
				if got, want := decoded(t, must(t, "--db", db, "export").stdout), asExportV2(decoded(t, string(doc))); !reflect.DeepEqual(got, want) {
					t.Errorf("stored days differ from the file:\ngot  %v\nwant %v", got, want)
				}
			})
		})
	}
}

// check fails unless r exited 0 with the note about the saved change (when
// note) or nothing on stderr.
func check(t *testing.T, r result, note bool, db string) {
	t.Helper()
	want := ""
	if note {
		want = "cooldown: the change was saved in " + db + ", but printing its confirmation failed ("
	}
	switch {
	case r.code != 0:
		t.Errorf("got\n%s\nwant exit 0", r)
	case note && (!strings.HasPrefix(r.stderr, want) || !strings.HasSuffix(r.stderr, "): it is stored, so the exit status is 0; do not run the command again\n")):
		t.Errorf("stderr %q, want the note %q...", r.stderr, want)
	case !note && r.stderr != "":
		t.Errorf("stderr %q, want nothing", r.stderr)
	}
}

var stopSignalsTested = []syscall.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM}

// A command stopped by a signal ends with 128 + its number, as a shell
// reports it; SIGQUIT without Go's goroutine dump.
func TestSignalsStopCommands(t *testing.T) {
	t.Parallel()
	td := today()
	var days []obj
	for i := 1; i <= 1000; i++ {
		days = append(days, completeDay(td.AddDays(-i)))
	}
	db := importDays(t, nil, days...)
	whole := must(t, "--db", db, "export").stdout
	if len(whole) < 256<<10 {
		t.Fatalf("the export has %d bytes, too few to fill a pipe", len(whole))
	}

	for _, sig := range stopSignalsTested {
		t.Run(signalName(sig), func(t *testing.T) {
			t.Parallel()
			// export, blocked writing to a pipe nobody reads any more.
			t.Run("export", func(t *testing.T) {
				r, w, err := os.Pipe()
				if err != nil {
					t.Fatal(err)
				}
				defer r.Close()
				cmd := coolCmd(t, "--db", db, "export")
				cmd.Stdout = w
				var stderr strings.Builder
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				w.Close()
				// The first byte means the export is being written, long
				// after the signals are caught.
				if _, err := r.Read(make([]byte, 1)); err != nil {
					t.Fatal(err)
				}
				cmd.Process.Signal(sig)
				if got, want := shellStatus(t, cmd.Wait()), 128+int(sig); got != want {
					t.Errorf("status %d, want %d; stderr %q", got, want, stderr.String())
				}
				if stderr.String() != "" {
					t.Errorf("stderr %.300q, want nothing", stderr.String())
				}
			})
			// import, blocked reading stdin: nothing is written.
			t.Run("import", func(t *testing.T) {
				fresh := newDB(t)
				cmd := coolCmd(t, "--db", fresh, "import", "-")
				in, err := cmd.StdinPipe()
				if err != nil {
					t.Fatal(err)
				}
				var stderr strings.Builder
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				// Whitespace before the JSON; once this write returns
				// the command has read most of it.
				if _, err := io.WriteString(in, strings.Repeat(" ", 256<<10)); err != nil {
					t.Fatal(err)
				}
				cmd.Process.Signal(sig)
				if got, want := shellStatus(t, cmd.Wait()), 128+int(sig); got != want {
					t.Errorf("status %d, want %d; stderr %q", got, want, stderr.String())
				}
				if stderr.String() != "" {
					t.Errorf("stderr %.300q, want nothing", stderr.String())
				}
				if _, err := os.Stat(fresh); !os.IsNotExist(err) {
					t.Errorf("the database was created: %v", err)
				}
			})
		})
	}

	// A command started with SIGHUP ignored (nohup) keeps ignoring it.
	t.Run("SIGHUP ignored", func(t *testing.T) {
		t.Parallel()
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		cmd := coolCmd(t, "--db", db, "export")
		cmd = exec.CommandContext(t.Context(), "/bin/sh", append([]string{"-c", `trap "" HUP; exec "$0" "$@"`}, cmd.Args...)...)
		cmd.Env = testEnv(t, nil)
		cmd.Stdout = w
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		first := make([]byte, 1)
		if _, err := r.Read(first); err != nil {
			t.Fatal(err)
		}
		cmd.Process.Signal(syscall.SIGHUP)
		rest, _ := io.ReadAll(r)
		if got := shellStatus(t, cmd.Wait()); got != 0 {
			t.Errorf("status %d, want 0", got)
		}
		sameExport(t, "export after SIGHUP", string(first)+string(rest), whole)
	})
}

// A signal that arrives after the commit, while the confirmation is being
// printed, ends the command with 0 and a note: the change is stored once.
func TestSignalAfterCommitExitsZero(t *testing.T) {
	t.Parallel()
	day := today().AddDays(-1)
	importFile := writeFile(t, exportDoc(t, nil, completeDay(day)))
	for _, tc := range []struct {
		sig    syscall.Signal
		args   []string
		stored func(t *testing.T, db string) bool
	}{
		{syscall.SIGTERM, []string{"log", "--date", day.String(), "--kind", "sport", "--minutes", "20", "--rpe", "4"}, func(t *testing.T, db string) bool { return workoutsOn(t, db, day) > 0 }},
		{syscall.SIGINT, []string{"import", importFile}, func(t *testing.T, db string) bool { return workoutsOn(t, db, day) > 0 }},
	} {
		t.Run(fmt.Sprintf("%s %s", tc.args[0], signalName(tc.sig)), func(t *testing.T) {
			t.Parallel()
			db := newDB(t)
			_, w := fullPipe(t)
			cmd := coolCmd(t, append([]string{"--db", db}, tc.args...)...)
			cmd.Stdout = w
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(15 * time.Second)
			for !fileExists(db) || !tc.stored(t, db) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("the change was not stored within 15s")
				}
				time.Sleep(50 * time.Millisecond)
			}
			cmd.Process.Signal(tc.sig)
			if got := shellStatus(t, cmd.Wait()); got != 0 {
				t.Errorf("status %d, want 0; stderr %q", got, stderr.String())
			}
			want := "cooldown: stopped by " + signalName(tc.sig) + " after the change was saved in " + db + ": it is stored, so the exit status is 0; do not run the command again\n"
			if stderr.String() != want {
				t.Errorf("stderr %q, want %q", stderr.String(), want)
			}
			if n := workoutsOn(t, db, day); n != 1 {
				t.Errorf("%d workouts stored, want 1", n)
			}
		})
	}
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Size() > 0
}
