package store

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cooldown/coach"
	"cooldown/coach/coachtest"

	bolt "go.etcd.io/bbolt"
)

// checkDB runs bbolt's consistency check on the file at path and fails the
// test on any finding.
func checkDB(t testing.TB, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Errorf("tx.Check: open %s: %v", path, err)
		return
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("tx.Check %s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Errorf("tx.Check %s: %v", path, err)
	}
}

// dbPath returns a path for a new database in a fresh directory and runs
// bbolt's check on it when the test ends, if a file was made there.
func dbPath(t testing.TB) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "data", "cooldown.db")
	t.Cleanup(func() {
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Size() > 0 {
			checkDB(t, p)
		}
	})
	return p
}

// openNew opens a new store in a fresh directory; bbolt's check runs on
// the file when the test ends.
func openNew(t testing.TB) *Store {
	t.Helper()
	s, err := Open(dbPath(t), Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func date(t testing.TB, s string) coach.Date {
	t.Helper()
	d, err := coach.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func ptr[T any](v T) *T { return &v }

// doneAt returns when item was ticked on d, the zero time when it is not.
func doneAt(d coach.Day, item coach.Item) time.Time {
	at, _ := d.Done.At(item)
	return at
}

// The shared fixtures (coach/coachtest) under the names these tests use.
var (
	ticks      = coachtest.Ticks
	withoutIDs = coachtest.WithoutIDs
	fullDay    = coachtest.FullDay
	history    = coachtest.History
)
