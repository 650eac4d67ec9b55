package cli

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
)

// FuzzLogValues feeds `cooldown log` arbitrary text for its number, date
// and clock flags (--minutes, --rpe, --sleep, the four ratings, --date,
// --bedtime). The flags are parsed by the flag package (strconv) and
// checked by coach; this target checks that the whole path never panics,
// that a refusal is a usage error (exit 2, "cooldown: " first), and that
// whatever gets past validation is in range. The database path lies under
// a regular file, so an accepted command fails to open it (exit 1) and the
// target writes nothing.
func FuzzLogValues(f *testing.F) {
	f.Add("60", "7", "7.5", "2", "2026-11-25", "22:30")
	f.Add("0x10", "0o7", "1_0", "+3", "2026-02-29", "24:00")
	f.Add("601", "11", "16.5", "8", "0000-01-01", "7:30")
	f.Add("-1", "1e1", "NaN", "-0", "9999-12-31", "23:59")
	f.Add("9223372036854775808", "", "Inf", "07", "2026-1-1", "")
	f.Add(" 60", "7 ", "0x1p3", "1", "２０２６-01-01", "00:00")
	f.Add("600", "10", "16", "7", "1970-01-01", "12:00")
	f.Add("1", "1", "0", "1", "2024-02-29", "00:01")
	blocker := filepath.Join(f.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		f.Fatal(err)
	}
	db := filepath.Join(blocker, "cooldown.db")
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, minutes, rpe, sleep, rating, date, bedtime string) {
		args := []string{"--db", db, "log",
			"--kind", "strength", "--minutes", minutes, "--rpe", rpe,
			"--sleep", sleep, "--quality", rating, "--fatigue", rating, "--stress", rating, "--soreness", rating,
			"--date", date, "--bedtime", bedtime}
		var stdout, stderr bytes.Buffer
		code := run(args, &env{
			stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
			now: func() time.Time { return now }, loc: time.UTC,
			getenv: func(string) string { return "" },
		})
		switch code {
		case exitUsage:
			if !strings.HasPrefix(stderr.String(), "cooldown: log") {
				t.Fatalf("usage error without \"cooldown: log\": %q", stderr.String())
			}
			return
		case exitFailure:
			// Accepted; the open failed. Everything must have been in range.
		default:
			t.Fatalf("exit %d, want 1 or 2; stderr %q", code, stderr.String())
		}
		if stdout.Len() != 0 {
			t.Fatalf("stdout %q", stdout.String())
		}
		inRange := func(name, s string, lo, hi int64) {
			n, err := strconv.ParseInt(s, 0, 64)
			if err != nil || n < lo || n > hi {
				t.Fatalf("--%s %q was accepted; allowed %d to %d", name, s, lo, hi)
			}
		}
		inRange("minutes", minutes, coach.MinMinutes, coach.MaxMinutes)
		inRange("rpe", rpe, coach.MinRPE, coach.MaxRPE)
		inRange("rating", rating, coach.MinRating, coach.MaxRating)
		h, err := strconv.ParseFloat(sleep, 64)
		if err != nil || math.IsNaN(h) || h < 0 || h > 16 || h*2 != math.Trunc(h*2) {
			t.Fatalf("--sleep %q was accepted", sleep)
		}
		if _, err := coach.ParseDate(date); err != nil {
			t.Fatalf("--date %q was accepted", date)
		}
		if _, err := coach.ParseClock(bedtime); err != nil {
			t.Fatalf("--bedtime %q was accepted", bedtime)
		}
	})
}
