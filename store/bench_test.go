package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"cooldown/coach"
)

const tenYears = 3650

var benchEnd = coach.Date{Year: 2026, Month: time.November, Day: 25}

// tenYearStore returns a store holding a 10-year history (3,650 days),
// built once per benchmark in its temp dir.
func tenYearStore(b *testing.B) *Store {
	b.Helper()
	s := openNew(b)
	if err := s.Replace(coach.DefaultSettings(), history(tenYears, benchEnd)); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkOpen(b *testing.B) {
	s := tenYearStore(b)
	for b.Loop() {
		if _, err := Open(s.Path(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDay(b *testing.B) {
	s := tenYearStore(b)
	for b.Loop() {
		if _, err := s.Day(benchEnd); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkToggleItem is one write transaction and its fsync.
func BenchmarkToggleItem(b *testing.B) {
	s := tenYearStore(b)
	at := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, err := s.ToggleItem(benchEnd, coach.Ginger, at); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDays(b *testing.B) {
	s := tenYearStore(b)
	for b.Loop() {
		days, err := s.Days()
		if err != nil || len(days) != tenYears {
			b.Fatal(len(days), err)
		}
	}
}

// BenchmarkDaysBetween reads the last 26 weeks (the streak calendar).
func BenchmarkDaysBetween(b *testing.B) {
	s := tenYearStore(b)
	from := benchEnd.AddDays(-181)
	for b.Loop() {
		days, err := s.DaysBetween(from, benchEnd)
		if err != nil || len(days) != 182 {
			b.Fatal(len(days), err)
		}
	}
}

func BenchmarkSnapshot(b *testing.B) {
	s := tenYearStore(b)
	for b.Loop() {
		if _, err := s.Snapshot(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeDays is the decoding part of Days alone.
func BenchmarkDecodeDays(b *testing.B) {
	hist := history(tenYears, benchEnd)
	recs := make([][]byte, len(hist))
	for i, d := range hist {
		recs[i], _ = encodeDay(nil, d)
	}
	for b.Loop() {
		for i, r := range recs {
			if _, err := decodeDay(hist[i].Date, r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReplace imports 10 years into a new store in one transaction.
func BenchmarkReplace(b *testing.B) {
	hist := history(tenYears, benchEnd)
	dir := b.TempDir()
	n := 0
	for b.Loop() {
		n++
		p := filepath.Join(dir, "import", string(rune('a'+n%26))+".db")
		_ = os.Remove(p)
		s, err := Open(p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Replace(coach.DefaultSettings(), hist); err != nil {
			b.Fatal(err)
		}
	}
}
