package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// TestMain lets the test binary act as the other process that holds the
// database (see TestLockedByAnotherProcess).
func TestMain(m *testing.M) {
	if p := os.Getenv("COOLDOWN_STORE_HOLD"); p != "" {
		holdLock(p)
		return
	}
	os.Exit(m.Run())
}

// holdLock opens path with bbolt for writing, says "held" on stdout and
// keeps the lock until stdin closes.
func holdLock(path string) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("held")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	_ = db.Close()
	os.Exit(0)
}

// TestBadFilesAreRefusedAndUntouched pins product.md "Storage": a file
// that is not a bbolt database, is truncated, or is not ours is never
// written; the message names the path and says what to do.
func TestBadFilesAreRefusedAndUntouched(t *testing.T) {
	dir := t.TempDir()
	// A valid database with enough days that its pages reach well past the
	// middle of the file.
	src := filepath.Join(dir, "valid.db")
	s, err := Open(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Replace(coach.DefaultSettings(), history(600, date(t, "2026-01-01"))); err != nil {
		t.Fatal(err)
	}
	valid, _ := os.ReadFile(src)
	var hwm int64
	db, _ := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true})
	_ = db.View(func(tx *bolt.Tx) error { hwm = tx.Size(); return nil })
	_ = db.Close()
	if int64(len(valid)/2) >= hwm {
		t.Fatalf("fixture: half of %d bytes does not cut into the %d bytes of pages", len(valid), hwm)
	}
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(i*7 + i/251)
	}
	foreign := filepath.Join(dir, "foreign.db")
	fdb, _ := bolt.Open(foreign, 0o600, nil)
	_ = fdb.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("widgets"))
		return b.Put([]byte("a"), []byte("b"))
	})
	_ = fdb.Close()
	foreignBytes, _ := os.ReadFile(foreign)

	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"garbage", garbage, "is not a bbolt database or is damaged"},
		{"text", []byte("hello, this is not a database\n"), "is not a bbolt database or is damaged"},
		{"truncated", valid[:len(valid)/2], "is truncated"},
		{"foreign bbolt", foreignBytes, "is a bbolt database but not cooldown's"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "cooldown.db")
			if err := os.WriteFile(p, tc.content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileSum(t, p)
			for _, ro := range []bool{false, true} {
				_, err := Open(p, Options{ReadOnly: ro})
				if !errors.Is(err, ErrCorrupt) {
					t.Fatalf("Open(ReadOnly %v) = %v, want ErrCorrupt", ro, err)
				}
				msg := err.Error()
				for _, w := range []string{p, tc.want} {
					if !strings.Contains(msg, w) {
						t.Errorf("message %q lacks %q", msg, w)
					}
				}
				assertFacts(t, err, p)
			}
			if fileSum(t, p) != before {
				t.Error("the file was modified")
			}
		})
	}

	// A file that goes bad after Open is refused by every operation too,
	// still without a write.
	t.Run("truncated after open", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "cooldown.db")
		if err := os.WriteFile(p, valid, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, valid[:len(valid)/2], 0o600); err != nil {
			t.Fatal(err)
		}
		before := fileSum(t, p)
		if _, err := s.Days(); !errors.Is(err, ErrCorrupt) {
			t.Errorf("Days() = %v, want ErrCorrupt", err)
		}
		if _, err := s.ToggleItem(date(t, "2025-12-31"), coach.Berries, time.Now()); !errors.Is(err, ErrCorrupt) {
			t.Errorf("ToggleItem() = %v, want ErrCorrupt", err)
		}
		if fileSum(t, p) != before {
			t.Error("the file was modified")
		}
	})
}

// assertFacts checks that err is a store *Error about path whose message
// gives no advice: what to do is the command line's and the app's to say.
func assertFacts(t *testing.T, err error, path string) {
	t.Helper()
	var se *Error
	if !errors.As(err, &se) || se.Path != path {
		t.Errorf("error %#v: want a *store.Error with Path %q", err, path)
	}
	for _, advice := range []string{"run ", "restore", "cooldown check", "update cooldown"} {
		if strings.Contains(err.Error(), advice) {
			t.Errorf("message %q gives advice (%q); the store states facts only", err, advice)
		}
	}
}

// TestZeroLengthFileIsInitialised: an empty file holds nothing, so it is
// made into a new database.
func TestZeroLengthFileIsInitialised(t *testing.T) {
	p := dbPath(t)
	_ = os.MkdirAll(filepath.Dir(p), 0o700)
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatalf("Open(zero-length) = %v, want a new database", err)
	}
	if _, err := s.ToggleItem(date(t, "2026-11-25"), coach.Berries, time.Now()); err != nil {
		t.Fatal(err)
	}
	// Read-only, it cannot be initialised: a clear error, no write.
	q := filepath.Join(t.TempDir(), "empty.db")
	_ = os.WriteFile(q, nil, 0o600)
	if _, err := Open(q, Options{ReadOnly: true}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Open(zero-length, ReadOnly) = %v, want ErrReadOnly", err)
	}
	if fi, _ := os.Stat(q); fi.Size() != 0 {
		t.Error("read-only open wrote to the empty file")
	}
}

func TestPathIsADirectory(t *testing.T) {
	p := t.TempDir()
	_, err := Open(p, Options{})
	if err == nil || !strings.Contains(err.Error(), "is a directory") || !strings.Contains(err.Error(), p) {
		t.Errorf("Open(directory) = %v, want an error naming the path and saying it is a directory", err)
	}
}

func TestMissingFileReadOnly(t *testing.T) {
	p := filepath.Join(t.TempDir(), "none.db")
	if _, err := Open(p, Options{ReadOnly: true}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open(missing, ReadOnly) = %v, want ErrNotExist", err)
	}
	if _, err := os.Stat(p); err == nil {
		t.Error("a read-only open created the file")
	}
}

// TestLockedByAnotherProcess pins "database is in use by another process
// (PATH)" within about the timeout, never a hang.
func TestLockedByAnotherProcess(t *testing.T) {
	s := openNew(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "COOLDOWN_STORE_HOLD="+s.Path())
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = stdin.Close()
		_ = cmd.Wait()
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "held\n" {
		t.Fatalf("child: %q, %v", line, err)
	}
	want := fmt.Sprintf("database is in use by another process (%s)", s.Path())
	ops := map[string]func() error{
		"Open":       func() error { _, err := Open(s.Path(), Options{}); return err },
		"Day":        func() error { _, err := s.Day(date(t, "2026-01-01")); return err },
		"ToggleItem": func() error { _, err := s.ToggleItem(date(t, "2026-01-01"), coach.Berries, time.Now()); return err },
	}
	for name, op := range ops {
		start := time.Now()
		err := op()
		took := time.Since(start)
		if !errors.Is(err, ErrLocked) || err.Error() != want {
			t.Errorf("%s while locked = %v, want %q", name, err, want)
		}
		if took > 3*time.Second {
			t.Errorf("%s took %v to report the lock, want about 1s", name, took)
		}
	}
}

// TestTwoStoresUpdateOneDay pins the read-modify-write rule: two handles
// (as two processes would) ticking different items of the same day both
// keep their change.
func TestTwoStoresUpdateOneDay(t *testing.T) {
	// A long timeout: the goroutines hammer the file back to back, which
	// real processes do not; this test is about losing nothing.
	a, err := Open(dbPath(t), Options{Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(a.Path(), Options{Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	day := date(t, "2026-11-25")
	at := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for i, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j, it := range coach.Items {
				if j%2 != i {
					continue
				}
				if _, err := s.ToggleItem(day, it.ID, at); err != nil {
					t.Errorf("store %d: %v", i, err)
				}
			}
			var err error
			if i == 0 {
				_, err = s.SetNote(day, "from a")
			} else {
				_, err = s.SetMorning(day, &coach.Morning{SleepHours: 8, SleepQuality: 1, Fatigue: 1, Stress: 1, Soreness: 1})
			}
			if err != nil {
				t.Errorf("store %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	d, err := a.Day(day)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Done) != len(coach.Items) || d.Note != "from a" || d.Morning == nil {
		t.Errorf("lost a change: %d of %d items, note %q, morning %v", len(d.Done), len(coach.Items), d.Note, d.Morning)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	s := openNew(t)
	if _, err := s.SetNote(date(t, "2026-11-25"), "x"); err != nil {
		t.Fatal(err)
	}
	db, _ := bolt.Open(s.Path(), 0o600, nil)
	_ = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion+1)))
	})
	_ = db.Close()
	before := fileSum(t, s.Path())
	for _, ro := range []bool{false, true} {
		_, err := Open(s.Path(), Options{ReadOnly: ro})
		if !errors.Is(err, ErrTooNew) {
			t.Fatalf("Open(ReadOnly %v) = %v, want ErrTooNew", ro, err)
		}
		want := fmt.Sprintf("database %s has schema version %d, newer than this cooldown understands (%d)", s.Path(), SchemaVersion+1, SchemaVersion)
		if msg := err.Error(); msg != want {
			t.Errorf("message %q, want %q", msg, want)
		}
		var se *Error
		if !errors.As(err, &se) || se.Version != SchemaVersion+1 || se.Path != s.Path() {
			t.Errorf("error %#v should carry the path and version %d", err, SchemaVersion+1)
		}
	}
	// An already open store refuses too (another program upgraded the file).
	if _, err := s.SetNote(date(t, "2026-11-25"), "y"); !errors.Is(err, ErrTooNew) {
		t.Errorf("write after upgrade = %v, want ErrTooNew", err)
	}
	if _, err := s.Days(); !errors.Is(err, ErrTooNew) {
		t.Errorf("read after upgrade = %v, want ErrTooNew", err)
	}
	if fileSum(t, s.Path()) != before {
		t.Error("the file was modified")
	}
}

// writeV0 builds a schema version 0 file with raw bbolt.
func writeV0(t *testing.T, path string, days map[string]string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(bucketDays)
		if err != nil {
			return err
		}
		for k, v := range days {
			if err := b.Put([]byte(k), []byte(v)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrateFromVersion0(t *testing.T) {
	p := dbPath(t)
	_ = os.MkdirAll(filepath.Dir(p), 0o700)
	writeV0(t, p, map[string]string{
		"2026-11-24": `{"workouts":[{"kind":"strength","minutes":60,"rpe":7}],"done":["berries","foam-rolling"],"bedtime":"22:30","morning":{"sleep_hours":7.5,"sleep_quality":2,"fatigue":3,"stress":2,"soreness":4},"note":"legs"}`,
		"2026-11-25": `{"workouts":[],"done":[]}`,
	})
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	days, err := s.Days()
	if err != nil {
		t.Fatal(err)
	}
	noon := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	want := []coach.Day{{
		Date:     date(t, "2026-11-24"),
		Workouts: []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 60, RPE: 7}},
		Done:     ticks(map[coach.Item]time.Time{coach.Berries: noon, coach.FoamRolling: noon}),
		Bedtime:  ptr(coach.Clock(22*60 + 30)),
		Morning:  &coach.Morning{SleepHours: 7.5, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4},
		Note:     "legs",
	}, {Date: date(t, "2026-11-25")}}
	if !reflect.DeepEqual(days, want) {
		t.Errorf("migrated days:\n got %+v\nwant %+v", days, want)
	}
	probs, err := s.Check()
	if err != nil || len(probs) != 0 {
		t.Errorf("Check after migration: %v %v", probs, err)
	}
}

// TestMigrateFromVersion0KeepsBadRecords: a version 0 day that cannot be
// upgraded (here it fails validation) is kept byte for byte, reads as
// damaged and Check says why; the others are upgraded.
func TestMigrateFromVersion0KeepsBadRecords(t *testing.T) {
	p := filepath.Join(t.TempDir(), "old.db")
	bad := `{"workouts":[{"kind":"strength","minutes":60,"rpe":11}]}`
	writeV0(t, p, map[string]string{
		"2026-11-24": `{"workouts":[{"kind":"strength","minutes":60,"rpe":7}],"done":["berries"]}`,
		"2026-11-25": bad,
	})
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatalf("Open = %v", err)
	}
	days, err := s.Days()
	var de *DamagedError
	if !errors.As(err, &de) || !reflect.DeepEqual(de.Keys, []string{"2026-11-25"}) {
		t.Errorf("Days() error = %v, want a DamagedError naming 2026-11-25", err)
	}
	if len(days) != 1 || days[0].Date != date(t, "2026-11-24") {
		t.Errorf("Days() = %+v, want the upgraded 2026-11-24", days)
	}
	db, _ := bolt.Open(p, 0o600, &bolt.Options{ReadOnly: true})
	_ = db.View(func(tx *bolt.Tx) error {
		if got := string(tx.Bucket(bucketDays).Get([]byte("2026-11-25"))); got != bad {
			t.Errorf("the record was changed to %q", got)
		}
		return nil
	})
	_ = db.Close()
	probs, err := s.Check()
	if err != nil || len(probs) != 1 || probs[0].Key != "2026-11-25" || !strings.Contains(probs[0].Msg, "version 0") {
		t.Errorf("Check = %v, %v; want one problem for 2026-11-25 saying it is a version 0 record", probs, err)
	}
	checkDB(t, p)
}

func TestLoosePermissionsWarn(t *testing.T) {
	s := openNew(t)
	if err := os.Chmod(s.Path(), 0o644); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatalf("Open(0644) = %v, want a warning, not an error", err)
	}
	w := s2.Warnings()
	if len(w) != 1 || !strings.Contains(w[0], "0644") || !strings.Contains(w[0], "chmod 600 "+s.Path()) {
		t.Errorf("Warnings() = %q, want one naming 0644 and chmod 600", w)
	}
}

// TestReadOnlyOption: a store opened read-only reads, and every write says
// it cannot save.
func TestReadOnlyOption(t *testing.T) {
	s := openNew(t)
	d, _ := s.SetNote(date(t, "2026-11-25"), "kept")
	before := fileSum(t, s.Path())
	ro, err := Open(s.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	assertReadOnly(t, ro, d)
	if fileSum(t, s.Path()) != before {
		t.Error("the file was modified")
	}
}

func assertReadOnly(t *testing.T, ro *Store, d coach.Day) {
	t.Helper()
	if !ro.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if got, err := ro.Day(d.Date); err != nil || got.Note != d.Note {
		t.Errorf("Day() = %+v, %v; want the stored day", got, err)
	}
	writes := map[string]error{}
	_, writes["SetNote"] = ro.SetNote(d.Date, "lost")
	writes["SetState"] = ro.SetState("theme", "dark")
	writes["SetSettings"] = ro.SetSettings(coach.DefaultSettings())
	writes["DeleteDay"] = ro.DeleteDay(d.Date)
	writes["Replace"] = ro.Replace(coach.DefaultSettings(), nil)
	for name, err := range writes {
		if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "cannot save to "+ro.Path()) {
			t.Errorf("%s = %v, want ErrReadOnly saying it cannot save", name, err)
		}
	}
}

// TestReadOnlyFile: chmod 0400 makes the store read-only with a warning.
// Root passes every permission check, so as root the same store is opened
// by a child process running as an unprivileged user.
func TestReadOnlyFile(t *testing.T) {
	s := openNew(t)
	d, _ := s.SetNote(date(t, "2026-11-25"), "kept")
	if err := os.Chmod(s.Path(), 0o400); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(s.Path(), 0o600)
	if os.Geteuid() == 0 {
		t.Skip("running as root: permission bits do not stop root, so chmod 0400 cannot make the file read-only; " +
			"TestReadOnlyOption covers the read-only behaviour")
	}
	before := fileSum(t, s.Path())
	ro, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w := ro.Warnings(); len(w) == 0 || !strings.Contains(strings.Join(w, "\n"), "read-only") {
		t.Errorf("Warnings() = %q, want one saying the file is read-only", w)
	}
	assertReadOnly(t, ro, d)
	if fileSum(t, s.Path()) != before {
		t.Error("the file was modified")
	}
}

func TestImportAllOrNothing(t *testing.T) {
	s := openNew(t)
	kept := fullDay(date(t, "2026-10-01"))
	if err := s.Replace(coach.DefaultSettings(), []coach.Day{kept}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Snapshot()
	days := history(30, date(t, "2026-11-20"))
	days[17].Workouts[0].RPE = 11
	newSettings := coach.Settings{SleepTargetHours: 8, DietMinGroups: 5, DayStartHour: 2}
	err := s.Replace(newSettings, days)
	want := "day " + days[17].Date.String() + ": workouts[0].rpe: 11 is out of range; allowed 1 to 10"
	if err == nil || err.Error() != want {
		t.Errorf("Replace = %v, want %q", err, want)
	}
	dup := []coach.Day{kept, kept}
	if err := s.Replace(newSettings, dup); err == nil || !strings.Contains(err.Error(), "appears twice") {
		t.Errorf("Replace(duplicates) = %v", err)
	}
	after, _ := s.Snapshot()
	if !reflect.DeepEqual(before, after) {
		t.Error("a refused import changed the store")
	}
	// A good import replaces a stored day, keeps the others, sets settings,
	// and keeps future-dated days.
	days[17].Workouts[0].RPE = 10
	replaced := kept
	replaced.Note = "replaced"
	future := coach.Day{Date: date(t, "2099-01-01"), Note: "from a machine whose clock is ahead"}
	if err := s.Replace(newSettings, append(days, replaced, future)); err != nil {
		t.Fatal(err)
	}
	snap, _ := s.Snapshot()
	if snap.Settings != newSettings || len(snap.Days) != 32 {
		t.Errorf("after import: settings %+v, %d days; want %+v, 32", snap.Settings, len(snap.Days), newSettings)
	}
	if got, _ := s.Day(kept.Date); got.Note != "replaced" {
		t.Errorf("stored day not replaced: note %q", got.Note)
	}
}

func TestCheckFindsBadRecords(t *testing.T) {
	s := openNew(t)
	if err := s.Replace(coach.DefaultSettings(), history(10, date(t, "2026-11-20"))); err != nil {
		t.Fatal(err)
	}
	if probs, err := s.Check(); err != nil || len(probs) != 0 {
		t.Fatalf("Check of a good store: %v, %v", probs, err)
	}
	db, _ := bolt.Open(s.Path(), 0o600, nil)
	_ = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDays)
		_ = b.Put([]byte("2026-11-19"), []byte{1, 9, 9})  // undecodable
		_ = b.Put([]byte("26-11-19"), []byte{1, 0, 0, 0}) // not a date
		bad, _ := encodeDay(nil, coach.Day{Workouts: []coach.Workout{{Kind: coach.Sport, Minutes: 0, RPE: 3}}})
		return b.Put([]byte("2026-11-18"), bad) // decodes, fails validation
	})
	_ = db.Close()
	probs, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, p := range probs {
		keys[p.Key] = true
	}
	for _, k := range []string{"2026-11-19", "26-11-19", "2026-11-18"} {
		if !keys[k] {
			t.Errorf("Check did not report %s: %v", k, probs)
		}
	}
	if _, err := s.Day(date(t, "2026-11-19")); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "2026-11-19") {
		t.Errorf("Day(undecodable) = %v, want ErrDamaged naming 2026-11-19", err)
	}
}
