package store

import (
	"testing"

	"cooldown/coach"
)

// BenchmarkGeneration is what the app pays every 1.5 s to learn whether
// another process changed the file (ui/writes.go pollEvery): one read
// transaction on a 10-year history.
func BenchmarkGeneration(b *testing.B) {
	s := tenYearStore(b)
	for b.Loop() {
		if _, err := s.Generation(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeleteDayIf is a confirmed delete checked against the day as
// shown, on a 10-year history (the day is written back each round).
func BenchmarkDeleteDayIf(b *testing.B) {
	s := tenYearStore(b)
	d, err := s.Day(benchEnd)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := s.DeleteDayIf(benchEnd, func(coach.Day) error { return nil }); err != nil {
			b.Fatal(err)
		}
		if err := s.Replace(coach.DefaultSettings(), []coach.Day{d}); err != nil {
			b.Fatal(err)
		}
	}
}
