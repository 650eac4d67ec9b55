package store

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// damage writes raw values under keys of the days bucket, as a damaged
// file or a bug would leave them; a nil value makes a nested bucket.
func damage(t *testing.T, path string, recs map[string][]byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDays)
		for k, v := range recs {
			if v == nil {
				if _, err := b.CreateBucket([]byte(k)); err != nil {
					return err
				}
				continue
			}
			if err := b.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDamagedRecordsDoNotHideTheRest pins contract 2 (helper-contracts.md)
// and issue 12 point 3: every reader returns the readable days and names
// the unreadable records; nothing rewrites or drops them.
func TestDamagedRecordsDoNotHideTheRest(t *testing.T) {
	for _, n := range []int{12, 2000} { // one decoder, and parallel workers
		s := openNew(t)
		end := date(t, "2026-11-20")
		days := history(n, end)
		if err := s.Replace(coach.DefaultSettings(), days); err != nil {
			t.Fatal(err)
		}
		bad := map[string][]byte{
			days[1].Date.String():   {1, 9, 9},                   // undecodable
			days[n-2].Date.String(): {recordVersion + 100, 0, 0}, // unknown version
			"2026-13-01":            {1, 0, 0, 0},                // not a date
			"2026-11-19x":           nil,                         // a bucket, not a day
		}
		damage(t, s.Path(), bad)
		wantKeys := []string{days[1].Date.String(), days[n-2].Date.String(), "2026-11-19x", "2026-13-01"}
		var want []coach.Day
		for i, d := range days {
			if i != 1 && i != n-2 {
				want = append(want, d)
			}
		}
		before := fileSum(t, s.Path())

		snap, err := s.Snapshot()
		if err != nil {
			t.Fatalf("%d days: Snapshot() error = %v, want nil with Damaged set", n, err)
		}
		if !reflect.DeepEqual(snap.Damaged, wantKeys) || len(snap.Days) != len(want) {
			t.Errorf("%d days: Snapshot: Damaged %v, %d days; want %v, %d", n, snap.Damaged, len(snap.Days), wantKeys, len(want))
		}
		got, err := s.Days()
		var de *DamagedError
		if !errors.As(err, &de) || !errors.Is(err, ErrDamaged) || !reflect.DeepEqual(de.Keys, wantKeys) || de.Path != s.Path() {
			t.Errorf("%d days: Days() error = %#v, want a DamagedError with %v", n, err, wantKeys)
		}
		if !equalDays(got, want) {
			t.Errorf("%d days: Days() returned %d days, want the %d readable ones", n, len(got), len(want))
		}
		got, err = s.DaysBetween(days[0].Date, days[3].Date)
		if !errors.As(err, &de) || !reflect.DeepEqual(de.Keys, wantKeys[:1]) || !equalDays(got, []coach.Day{days[0], days[2], days[3]}) {
			t.Errorf("%d days: DaysBetween = %d days, %v; want 3 and %v", n, len(got), err, wantKeys[:1])
		}
		// A write to a damaged day is refused, and the record stays.
		if _, err := s.ToggleItem(days[1].Date, coach.Berries, time.Now()); !errors.Is(err, ErrDamaged) {
			t.Errorf("%d days: ToggleItem(damaged) = %v, want ErrDamaged", n, err)
		}
		if fileSum(t, s.Path()) != before {
			t.Fatalf("%d days: reading or refusing changed the file", n)
		}
		// A write to another day keeps the damaged records byte for byte.
		if _, err := s.SetNote(days[0].Date, "still here"); err != nil {
			t.Fatal(err)
		}
		db, _ := bolt.Open(s.Path(), 0o600, &bolt.Options{ReadOnly: true})
		_ = db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketDays)
			for k, v := range bad {
				if v == nil {
					if b.Bucket([]byte(k)) == nil {
						t.Errorf("bucket %s dropped", k)
					}
				} else if got := b.Get([]byte(k)); string(got) != string(v) {
					t.Errorf("record %s = %x, want %x kept", k, got, v)
				}
			}
			return nil
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
		for _, k := range wantKeys {
			if !keys[k] {
				t.Errorf("Check does not name %s: %v", k, probs)
			}
		}
	}
}

func equalDays(a, b []coach.Day) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// TestDamagedSchema0ReadAsItIs: a read-only store reading a schema 0 file
// names its unreadable records too.
func TestDamagedSchema0ReadAsItIs(t *testing.T) {
	p := copyFixture(t, "schema0.db")
	damage(t, p, map[string][]byte{"2026-11-27": []byte(`{"workouts":[`)})
	s, err := Open(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot()
	if err != nil || !reflect.DeepEqual(snap.Damaged, []string{"2026-11-27"}) || len(snap.Days) != 3 {
		t.Errorf("Snapshot = %d days, damaged %v, %v; want 3, [2026-11-27], nil", len(snap.Days), snap.Damaged, err)
	}
}
