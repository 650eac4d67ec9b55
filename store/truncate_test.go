package store

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// TestTruncatedWhileRead pins issue 12 point 4: a file truncated while it
// is read (another program, a restore gone wrong, a full disk's repair)
// never crashes the process. Every goroutine that touches bbolt's memory
// map, the parallel decode workers and the check too, turns the fault
// into ErrCorrupt. A fault that escaped would kill this test binary.
//
// Each round writes a ten-year database afresh, starts a reader (Snapshot,
// Days or Check in turn) and truncates the file to a random length after a
// random delay of up to the reader's own time; it reports how the rounds
// ended.
func TestTruncatedWhileRead(t *testing.T) {
	rounds := 300
	if testing.Short() {
		rounds = 40
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "ten-years.db")
	s, err := Open(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Replace(coach.DefaultSettings(), history(3650, coach.Date{Year: 2026, Month: 11, Day: 25})); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	readers := []struct {
		name string
		read func(*Store) error
	}{
		{"Snapshot", func(s *Store) error { _, err := s.Snapshot(); return err }},
		{"Days", func(s *Store) error { _, err := s.Days(); return err }},
		{"Check", func(s *Store) error { _, err := s.Check(); return err }},
	}
	// How long each reader takes on the whole file bounds the delays.
	took := make([]time.Duration, len(readers))
	for i, r := range readers {
		start := time.Now()
		if err := r.read(s); err != nil {
			t.Fatal(err)
		}
		took[i] = time.Since(start)
	}
	rng := rand.New(rand.NewPCG(12, 4))
	p := filepath.Join(dir, "cooldown.db")
	counts := map[string]int{}
	for i := range rounds {
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		st, err := Open(p, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		ri := i % len(readers)
		delay := time.Duration(rng.Int64N(int64(took[ri]) + 1))
		size := rng.Int64N(int64(len(data)))
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(delay)
			if err := os.Truncate(p, size); err != nil {
				t.Error(err)
			}
		}()
		err = readers[ri].read(st)
		wg.Wait()
		switch {
		case err == nil:
			counts["read before the cut"]++
		case errors.Is(err, ErrCorrupt) && strings.Contains(err.Error(), "memory fault"):
			counts["memory fault recovered"]++
		case errors.Is(err, ErrCorrupt) && strings.Contains(err.Error(), "bbolt panicked"):
			counts["bbolt panic recovered"]++
		case errors.Is(err, ErrCorrupt):
			counts["refused as corrupt"]++
		case errors.Is(err, ErrDamaged):
			counts["damaged"]++
		default:
			t.Errorf("round %d, %s: %v, want nil or ErrCorrupt", i, readers[ri].name, err)
		}
	}
	t.Logf("%d rounds on a %d-byte ten-year file: %v", rounds, len(data), counts)
}

// TestBboltPanicIsCorrupt: a page that bbolt's own assertions refuse (a
// leaf page whose type flag is unknown) makes bbolt panic; the store turns
// the panic into ErrCorrupt naming the path, and the process goes on.
func TestBboltPanicIsCorrupt(t *testing.T) {
	s := openNew(t)
	if err := s.Replace(coach.DefaultSettings(), history(40, coach.Date{Year: 2026, Month: 11, Day: 25})); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	const pageSize, leafFlag = 4096, 0x02
	changed := 0
	for off := 2 * pageSize; off+pageSize <= len(b); off += pageSize {
		if b[off+8] == leafFlag && b[off+9] == 0 {
			b[off+8] = 0x40 // no page type of bbolt's
			changed++
		}
	}
	if changed == 0 {
		t.Fatal("fixture: no leaf page found")
	}
	p := filepath.Join(t.TempDir(), "cooldown.db")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{true, false} {
		_, err := Open(p, Options{ReadOnly: ro})
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "bbolt panicked") {
			t.Errorf("Open(ReadOnly %v) = %v, want ErrCorrupt saying bbolt panicked", ro, err)
		}
		assertFacts(t, err, p)
	}
	if !bytes.Equal(b, mustRead(t, p)) {
		t.Error("the file was changed")
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBugsStillPanic: a panic that the file did not cause (a bug of ours)
// is not disguised as a damaged file, in the caller's goroutine or in a
// decode worker.
func TestBugsStillPanic(t *testing.T) {
	s := openNew(t)
	cases := map[string]func(){
		"view": func() {
			_ = s.view(func(*bolt.Tx) error { panic("a bug") }, false)
		},
		"worker": func() {
			_ = s.view(func(*bolt.Tx) error {
				if p := guardWorker(func() { panic("a bug") }); p != nil {
					panic(p)
				}
				return nil
			}, false)
		},
	}
	for name, fn := range cases {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "a bug") {
					t.Errorf("%s: recovered %v, want the bug's panic to go on", name, r)
				}
			}()
			fn()
		}()
	}
}
