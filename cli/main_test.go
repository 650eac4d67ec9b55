package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/rogpeppe/go-internal/testscript"
	bolt "go.etcd.io/bbolt"

	"cooldown/coach"
	"cooldown/content"
	"cooldown/store"
)

// bin is the cooldown binary built once for every test.
var bin string

// holdEnv makes the test binary, re-executed as a child, hold a database
// file open with bbolt (an exclusive lock) until its stdin closes.
const holdEnv = "COOLDOWN_TEST_HOLD_DB"

func TestMain(m *testing.M) {
	if path := os.Getenv(holdEnv); path != "" {
		holdDB(path)
		return
	}
	if _, ok := scriptCommands[filepath.Base(os.Args[0])]; ok {
		// testscript runs the test binary as cooldown: no build.
		testscript.Main(m, scriptCommands)
	}
	dir, err := os.MkdirTemp("", "cooldown-main-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "cooldown")
	if out, err := exec.Command("go", "build", "-o", bin, "cooldown").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	// The other binaries the tests run are made now, before any test
	// forks (see publicBin).
	makePublicBin()
	buildTagged()
	testscript.Main(cleanup{m, dir}, scriptCommands)
}

// cleanup runs the tests, then removes the folder of the binary they
// built (testscript.Main exits once they ran).
type cleanup struct {
	m   *testing.M
	dir string
}

func (c cleanup) Run() int {
	code := c.m.Run()
	os.RemoveAll(c.dir)
	return code
}

// holdDB opens path with bbolt directly, says "ready" and waits for its
// stdin to close (at most 5 minutes: under -race on two cores, the
// parallel subtests of TestLocked can wait longer than 30 s for a turn,
// and a holder that gave up early let them through).
func holdDB(path string) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	defer db.Close()
	fmt.Println("ready")
	done := make(chan struct{})
	go func() {
		bufio.NewReader(os.Stdin).ReadString('\n')
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Minute):
	}
}

// result is what a run of the binary did.
type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// opts changes how the binary runs.
type opts struct {
	stdin string
	env   []string // extra KEY=VALUE pairs, after the defaults
}

// testEnv returns an environment with HOME and XDG_DATA_HOME in temporary
// directories (the binary never sees the real ones), UTC as the time zone,
// and no NO_COLOR.
func testEnv(t *testing.T, extra []string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "HOME", "XDG_DATA_HOME", "TZ", "NO_COLOR", "COLUMNS", "CLICOLOR_FORCE", "CLICOLOR":
			continue // the colour rules: a test sets them when it means to
		case "CI":
			// CI sets it, a person's shell does not; v1's termenv took it
			// to mean "not a terminal".
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir(), "TZ=UTC")
	return append(env, extra...)
}

func coolWith(t *testing.T, o opts, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = testEnv(t, o.env)
	cmd.Stdin = strings.NewReader(o.stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("cooldown %s: %v", strings.Join(args, " "), err)
		}
		r.code = ee.ExitCode()
	}
	return r
}

func cool(t *testing.T, args ...string) result {
	t.Helper()
	return coolWith(t, opts{}, args...)
}

// must runs the binary and fails the test unless it exits 0.
func must(t *testing.T, args ...string) result {
	t.Helper()
	r := cool(t, args...)
	if r.code != 0 {
		t.Fatalf("cooldown %s: want exit 0, got\n%s", strings.Join(args, " "), r)
	}
	return r
}

// expect checks the exit code and that stderr holds every one of want.
func expect(t *testing.T, r result, code int, want ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("want exit %d, got\n%s", code, r)
		return
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr does not mention %q:\n%s", w, r.stderr)
		}
	}
	if code != 0 && !strings.HasPrefix(r.stderr, "cooldown: ") {
		t.Errorf("stderr does not start with \"cooldown: \":\n%s", r.stderr)
	}
}

func newDB(t *testing.T) string {
	return filepath.Join(t.TempDir(), "cooldown.db")
}

// today is the recovery date the binary sees: TZ=UTC and the default day
// start hour.
func today() coach.Date {
	return coach.DateAt(time.Now(), time.UTC, coach.DefaultSettings().DayStartHour)
}

// ---- export files, written by hand from the contract in product.md ----

type obj = map[string]any

func stamp(d coach.Date, hm string) string { return d.String() + "T" + hm + ":00Z" }

// completeDay is a training day with every pillar met under the default
// settings.
func completeDay(d coach.Date) obj {
	return obj{
		"date":     d.String(),
		"workouts": []any{obj{"kind": "strength", "minutes": 60, "rpe": 7}},
		"done": obj{
			"foam-rolling": stamp(d, "19:02"), "berries": stamp(d, "19:40"),
			"leafy-greens": stamp(d, "19:41"), "nuts-seeds": stamp(d, "19:42"),
		},
		"bedtime": "22:30",
		"morning": obj{"sleep_hours": 7.5, "sleep_quality": 2, "fatigue": 3, "stress": 2, "soreness": 4},
		"note":    "legs day",
	}
}

// pendingDay has blood flow and diet met but no morning check yet.
func pendingDay(d coach.Date) obj {
	o := completeDay(d)
	delete(o, "morning")
	return o
}

// partialDay has only a workout.
func partialDay(d coach.Date) obj {
	return obj{"date": d.String(), "workouts": []any{obj{"kind": "intervals", "minutes": 30, "rpe": 8}}, "done": obj{}}
}

func exportDoc(t *testing.T, settings obj, days ...obj) []byte {
	t.Helper()
	if settings == nil {
		settings = obj{"sleep_target_hours": 7, "diet_min_groups": 3, "day_start_hour": 4}
	}
	sort.Slice(days, func(i, j int) bool { return days[i]["date"].(string) < days[j]["date"].(string) })
	b, err := json.MarshalIndent(obj{
		"format": "cooldown-export", "version": 1, "exported_at": "2026-11-26T21:04:05Z",
		"settings": settings, "days": days,
	}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// importDays fills a new database with days and returns its path.
func importDays(t *testing.T, settings obj, days ...obj) string {
	t.Helper()
	db := newDB(t)
	must(t, "--db", db, "import", writeFile(t, exportDoc(t, settings, days...)))
	return db
}

// decoded parses an export and drops exported_at, the one field that
// differs between two exports of the same data.
func decoded(t *testing.T, data string) obj {
	t.Helper()
	var o obj
	if err := json.Unmarshal([]byte(data), &o); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, data)
	}
	if _, ok := o["exported_at"].(string); !ok {
		t.Errorf("export has no exported_at string: %s", data)
	}
	delete(o, "exported_at")
	return o
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ---- global flags and help ----

func TestDefaultPath(t *testing.T) {
	t.Parallel()
	xdg, home := t.TempDir(), t.TempDir()
	r := coolWith(t, opts{env: []string{"XDG_DATA_HOME=" + xdg, "HOME=" + home}}, "log", "--note", "x")
	if r.code != 0 {
		t.Fatalf("log with XDG_DATA_HOME: %s", r)
	}
	want := filepath.Join(xdg, "cooldown", "cooldown.db")
	fi, err := os.Stat(want)
	if err != nil {
		t.Fatalf("want the database at %s: %v", want, err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", fi.Mode().Perm())
	}
	if di, err := os.Stat(filepath.Dir(want)); err != nil || di.Mode().Perm() != 0o700 {
		t.Errorf("database directory: %v, mode %v, want 0700", err, di.Mode().Perm())
	}

	// Without XDG_DATA_HOME, the database lives under ~/.local/share.
	r = coolWith(t, opts{env: []string{"XDG_DATA_HOME=", "HOME=" + home}}, "log", "--note", "y")
	if r.code != 0 {
		t.Fatalf("log with HOME only: %s", r)
	}
	if _, err := os.Stat(filepath.Join(home, ".local", "share", "cooldown", "cooldown.db")); err != nil {
		t.Errorf("want the database under ~/.local/share: %v", err)
	}
}

// ---- status ----

func statusFields(t *testing.T, out string) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, out)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"acute_load", "chronic_load", "current_streak", "load_ratio", "longest_streak",
		"open_questions", "recovery_strength", "today", "today_status", "training_days", "week_streak"}
	if !slices.Equal(keys, want) {
		t.Errorf("status --json fields:\n got %v\nwant %v", keys, want)
	}
	return m
}

// ---- log ----

// ---- export and import ----

// trickyNote has what CSV must quote: commas, quotes and a new line.
const trickyNote = "sore, but \"fine\"\nnext: rest, eat"

func richHistory(t *testing.T) (obj, []obj) {
	td := today()
	a := completeDay(td.AddDays(-3))
	a["note"] = trickyNote
	a["workouts"] = []any{obj{"kind": "strength", "minutes": 45, "rpe": 8}, obj{"kind": "mobility", "minutes": 15, "rpe": 2}}
	b := partialDay(td.AddDays(-2))
	c := pendingDay(td.AddDays(-1))
	delete(c, "bedtime")
	delete(c, "note")
	c["note"] = "ünïcödé 日本 ✓"
	settings := obj{"sleep_target_hours": 7.5, "diet_min_groups": 4, "day_start_hour": 3}
	return settings, []obj{a, b, c, completeDay(td.AddDays(2))}
}

func TestExportToFile(t *testing.T) {
	t.Parallel()
	settings, days := richHistory(t)
	db := importDays(t, settings, days...)
	dir := t.TempDir()
	out := filepath.Join(dir, "backup.json")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := must(t, "--db", db, "export", "-o", out)
	if r.stdout != "" {
		t.Errorf("export -o wrote to stdout: %q", r.stdout)
	}
	// The file replaced keeps its mode (export_dest_test.go has the rest).
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o644 {
		t.Fatalf("export -o: %v, mode %v, want 0644 kept", err, fi.Mode().Perm())
	}
	if got, want := decoded(t, string(fileBytes(t, out))), decoded(t, must(t, "--db", db, "export").stdout); !reflect.DeepEqual(got, want) {
		t.Errorf("export -o and export to stdout differ")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("export -o left files behind: %v", entries)
	}
	r = cool(t, "--db", db, "export", "-o", filepath.Join(dir, "missing", "x.json"))
	expect(t, r, exitFailure, "missing")
}

// ---- guide ----

func TestGuide(t *testing.T) {
	t.Parallel()
	r := must(t, "guide")
	if strings.ContainsRune(r.stdout, '\x1b') {
		t.Errorf("guide to a pipe contains escape codes")
	}
	for _, s := range content.Sections() {
		if !strings.Contains(r.stdout, s.Title) {
			t.Errorf("the whole guide lacks the title %q", s.Title)
		}
	}
	for _, args := range [][]string{{"guide", "--width", "40"}, {"guide", "sleep", "--width", "40"}, {"guide", "--width", "40", "micro-tears"}} {
		r := must(t, args...)
		if r.stdout == "" {
			t.Errorf("%v: empty", args)
		}
		for i, line := range strings.Split(r.stdout, "\n") {
			if w := ansi.StringWidth(line); w > 40 {
				t.Errorf("%v: line %d is %d columns wide: %q", args, i+1, w, line)
			}
		}
	}
	sleep, _ := content.Lookup("sleep")
	if r := must(t, "guide", "sleep"); !strings.Contains(r.stdout, sleep.Title) || strings.Contains(r.stdout, "\x1b") {
		t.Errorf("guide sleep: want the plain sleep section, got %q", r.stdout[:min(len(r.stdout), 200)])
	}
	r = cool(t, "guide", "nope")
	expect(t, r, exitUsage, append([]string{`"nope"`}, content.IDs()...)...)
	expect(t, cool(t, "guide", "--width", "5"), exitUsage, "--width", "20")
	expect(t, cool(t, "guide", "sleep", "diet"), exitUsage, "one SECTION")
}

// TestGuideTerminal runs the guide on a pseudo-terminal (through script(1))
// and on a pipe, under the colour rules (content/colour.go): coloured on a
// terminal; no escape byte at all under NO_COLOR set to anything (even
// "0" or "yes", which colorprofile reads as booleans), on a pipe, or with
// --style plain; colour on a pipe with CLICOLOR_FORCE unless NO_COLOR.
// The guide never asks the terminal, so TERM can be any.
func TestGuideTerminal(t *testing.T) {
	t.Parallel()
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed")
	}
	for _, tc := range []struct {
		env      []string
		pipe     bool
		args     string
		escCodes bool
	}{
		{env: []string{"TERM=tmux-256color"}, escCodes: true},
		{env: []string{"TERM=xterm-256color"}, escCodes: true},
		{env: []string{"TERM=xterm-256color", "NO_COLOR=1"}},
		{env: []string{"TERM=xterm-256color", "NO_COLOR=yes"}},
		{env: []string{"TERM=xterm-256color", "NO_COLOR=0"}},
		{env: []string{"TERM=xterm-256color", "CLICOLOR_FORCE=1", "NO_COLOR=1"}},
		{env: []string{"TERM=xterm-256color"}, args: " --style plain"},
		{env: []string{"TERM=xterm-256color"}, pipe: true},
		{env: []string{"TERM=xterm-256color", "CLICOLOR_FORCE=1"}, pipe: true, escCodes: true},
		{env: []string{"TERM=xterm-256color", "CLICOLOR_FORCE=0"}, pipe: true},
		{env: []string{"TERM=xterm-256color", "CLICOLOR_FORCE=1", "NO_COLOR=1"}, pipe: true},
		{env: []string{"TERM=xterm-256color"}, pipe: true, args: " --style dark", escCodes: true},
	} {
		line := bin + " guide sleep --width 60" + tc.args
		cmd := exec.Command(script, "-qec", line, "/dev/null")
		if tc.pipe {
			cmd = exec.Command("sh", "-c", line)
		}
		cmd.Env = testEnv(t, tc.env)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v: %v\n%s", tc.env, err, out)
		}
		if got := bytes.Contains(out, []byte("\x1b[")); got != tc.escCodes {
			t.Errorf("%v pipe %v%s: escape codes %v, want %v:\n%q", tc.env, tc.pipe, tc.args, got, tc.escCodes, out[:min(len(out), 300)])
		}
		if !tc.escCodes && bytes.ContainsRune(out, '\x1b') {
			t.Errorf("%v pipe %v%s: an escape byte", tc.env, tc.pipe, tc.args)
		}
	}
}

// TestGuideStyleFromTheApp: `cooldown guide` draws in the theme the app
// stored, and under "auto" for the background the terminal last reported
// to the app, without asking the terminal; --style wins.
func TestGuideStyleFromTheApp(t *testing.T) {
	t.Parallel()
	dark := content.StyleDark
	light := content.StyleLight
	for _, tc := range []struct {
		state map[string]string
		flag  string
		want  content.Style
	}{
		{nil, "", dark},
		{map[string]string{"theme": "light"}, "", light},
		{map[string]string{"theme": "dark", "background": "light"}, "", dark},
		{map[string]string{"theme": "auto", "background": "light"}, "", light},
		{map[string]string{"background": "light"}, "", light},
		{map[string]string{"theme": "light"}, "dark", dark},
	} {
		db := newDB(t)
		if tc.state != nil {
			st, err := store.Open(db, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.state {
				if err := st.SetState(k, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		args := []string{"--db", db, "guide", "sleep", "--width", "60"}
		if tc.flag != "" {
			args = append(args, "--style", tc.flag)
		}
		cmd := exec.Command(bin, args...)
		cmd.Env = testEnv(t, []string{"CLICOLOR_FORCE=1"})
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v: %v", tc.state, err)
		}
		want, err := content.Render("sleep", 60, tc.want)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != want {
			t.Errorf("state %v, --style %q: the guide is not in the %v style:\n%q", tc.state, tc.flag, tc.want, out[:min(len(out), 200)])
		}
	}
	expect(t, cool(t, "guide", "--style", "pink"), exitUsage, "--style", "allowed dark, light, plain")
}

// ---- check ----

// ---- locks and bad files ----

// holdLock starts a child process that holds db open with bbolt until
// release is called or the test ends.
func holdLock(t *testing.T, db string) (release func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+db)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			stdin.Close()
			if err := cmd.Wait(); err != nil {
				t.Errorf("lock holder: %v", err)
			}
		})
	}
	t.Cleanup(release)
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "ready\n" {
		t.Fatalf("lock holder: %q", line)
	}
	return release
}

func TestLocked(t *testing.T) {
	t.Parallel()
	db := importDays(t, nil, completeDay(today().AddDays(-1)))
	before := must(t, "--db", db, "export").stdout
	release := holdLock(t, db)
	// Every command waits about a second for the lock, all at once.
	t.Run("commands", func(t *testing.T) {
		for _, args := range [][]string{{"status"}, {"status", "--json"}, {"log", "--note", "x"}, {"export"}, {"check"}, {"import", "-"}} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				t.Parallel()
				r := coolWith(t, opts{stdin: before}, append([]string{"--db", db}, args...)...)
				expect(t, r, exitLocked, "database is in use by another process ("+db+")")
				if r.took < 500*time.Millisecond || r.took > 3500*time.Millisecond {
					t.Errorf("gave up after %v, want about a second", r.took)
				}
				if r.stdout != "" {
					t.Errorf("stdout %q", r.stdout)
				}
			})
		}
	})
	release()
	if after := must(t, "--db", db, "export").stdout; !reflect.DeepEqual(decoded(t, after), decoded(t, before)) {
		t.Errorf("the data changed while locked")
	}
}

func TestBadFiles(t *testing.T) {
	t.Parallel()
	valid := importDays(t, nil, completeDay(today().AddDays(-1)), completeDay(today().AddDays(-2)))
	whole := fileBytes(t, valid)
	garbage := bytes.Repeat([]byte("this is not a bbolt database\n"), 2000)
	text := []byte("my shopping list\n")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"garbage", garbage, "restore from an export"},
		{"short text", text, "restore from an export"},
		{"truncated", whole[:len(whole)/2], "restore from an export"},
		{"first page only", whole[:4096], "restore from an export"},
		{"newer schema", boltFile(t, func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("meta"))
			if err != nil {
				return err
			}
			return b.Put([]byte("schema"), []byte("99"))
		}), "newer"},
		{"another program's bbolt file", boltFile(t, func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket([]byte("widgets"))
			return err
		}), "restore from an export"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db := newDB(t)
			if err := os.WriteFile(db, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			importFile := writeFile(t, exportDoc(t, nil, completeDay(today())))
			for _, args := range [][]string{{"status"}, {"status", "--json"}, {"log", "--note", "x"}, {"export"}, {"import", importFile}, {"check"}} {
				r := cool(t, append([]string{"--db", db}, args...)...)
				expect(t, r, exitDatabase, db, tc.want)
				if r.stdout != "" && args[0] != "check" {
					t.Errorf("%v: stdout %q", args, r.stdout)
				}
				if !bytes.Equal(fileBytes(t, db), tc.data) {
					t.Fatalf("%v changed the file", args)
				}
			}
		})
	}
}

// boltFile returns the bytes of a new bbolt file that fill wrote.
func boltFile(t *testing.T, fill func(*bolt.Tx) error) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fill); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return fileBytes(t, path)
}

func TestLoosePermissions(t *testing.T) {
	t.Parallel()
	db := importDays(t, nil, completeDay(today().AddDays(-1)))
	if err := os.Chmod(db, 0o644); err != nil {
		t.Fatal(err)
	}
	r := must(t, "--db", db, "status")
	if !strings.HasPrefix(r.stderr, "cooldown: warning: ") || !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "chmod 600") {
		t.Errorf("a 0644 database: want a warning naming the path, got %q", r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "cooldown: ") {
		t.Errorf("status still prints its line: %q", r.stdout)
	}
}

// TestReadOnlyCommandsOnEmptyAndOldFiles: an empty file reads as no history
// and stays empty; a file of schema version 0 is migrated so status can
// read it.
func TestReadOnlyCommandsOnEmptyAndOldFiles(t *testing.T) {
	t.Parallel()
	empty := newDB(t)
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if r := must(t, "--db", empty, "status"); r.stdout != "cooldown: 0-day streak (longest 0) · today: rest\n" {
		t.Errorf("status of an empty file: %q", r.stdout)
	}
	expect(t, cool(t, "--db", empty, "check"), exitFailure, "no database at "+empty)
	if b := fileBytes(t, empty); len(b) != 0 {
		t.Errorf("read-only commands wrote %d bytes into an empty file", len(b))
	}

	d := today().AddDays(-1)
	old := newDB(t)
	if err := os.WriteFile(old, boltFile(t, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("days"))
		if err != nil {
			return err
		}
		return b.Put([]byte(d.String()), []byte(`{"workouts":[{"kind":"strength","minutes":60,"rpe":7}],"done":["berries"]}`))
	}), 0o600); err != nil {
		t.Fatal(err)
	}
	m := statusFields(t, must(t, "--db", old, "status", "--json").stdout)
	if string(m["training_days"]) != "1" || string(m["acute_load"]) != "420" {
		t.Errorf("status of a schema 0 file: %v", m)
	}
	must(t, "--db", old, "check")
}

// TestChromaRegistriesAreNotBuiltAtStart guards the chroma that go.mod
// replaces (third_party/README.md): upstream parses every embedded
// lexer and style at package initialisation, allocating about 2.5 and
// 1.7 MB, in every run of cooldown. The copy defers that to first use, so
// a run that highlights no code allocates almost nothing there. It checks
// allocations reported by GODEBUG=inittrace=1, not times.
func TestChromaRegistriesAreNotBuiltAtStart(t *testing.T) {
	r := coolWith(t, opts{env: []string{"GODEBUG=inittrace=1"}}, "--version")
	expect(t, r, 0)
	limits := map[string]int{
		"github.com/alecthomas/chroma/v2/lexers": 512 << 10, // the lexers written in Go: 235 KB
		"github.com/alecthomas/chroma/v2/styles": 16 << 10,  // nothing
	}
	line := regexp.MustCompile(`^init (\S+) @.* ([0-9]+) bytes, ([0-9]+) allocs$`)
	seen := 0
	for _, l := range strings.Split(r.stderr, "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		limit, ok := limits[m[1]]
		if !ok {
			continue
		}
		seen++
		if n, _ := strconv.Atoi(m[2]); n > limit {
			t.Errorf("%s allocates %d bytes at start, more than %d: is go.mod's replace of chroma gone?\n%s", m[1], n, limit, l)
		}
	}
	if seen != len(limits) {
		t.Fatalf("found %d of chroma's %d packages in the init trace:\n%s", seen, len(limits), r.stderr)
	}
}
