package cli

import (
	"strings"
	"testing"
)

// logComplete logs a complete training day with `cooldown log`.
func logComplete(t *testing.T, db, date string) {
	t.Helper()
	must(t, "--db", db, "log", "--date", date, "--kind", "strength", "--minutes", "30", "--rpe", "5",
		"--done", "foam-rolling", "--done", "berries", "--done", "leafy-greens", "--done", "nuts-seeds",
		"--sleep", "8", "--quality", "2", "--fatigue", "2", "--stress", "2", "--soreness", "2")
}

// TestRestDaysThroughTheBinary: ticks, a note, a bedtime or morning
// answers logged on a date without a workout make a rest day, which `log`
// says and which breaks no streak in `status`.
func TestRestDaysThroughTheBinary(t *testing.T) {
	t.Parallel()
	td := today()
	db := newDB(t)
	for _, off := range []int{-5, -4, -2} {
		logComplete(t, db, td.AddDays(off).String())
	}
	rests := [][]string{
		{"--date", td.AddDays(-3).String(), "--done", "berries"},
		{"--date", td.AddDays(-3).String(), "--note", "walked the dog"},
		{"--date", td.AddDays(-1).String(), "--bedtime", "22:00"},
		{"--date", td.AddDays(-1).String(), "--sleep", "5", "--quality", "6", "--fatigue", "5", "--stress", "5", "--soreness", "4"},
		{"--done", "stretching"}, // today
	}
	for _, args := range rests {
		r := must(t, append([]string{"--db", db, "log"}, args...)...)
		if !strings.Contains(r.stdout, "rest day") || strings.Contains(r.stdout, "partial") {
			t.Errorf("log %v printed %q, want it to say the date is a rest day", args, r.stdout)
		}
	}
	m := statusFields(t, must(t, "--db", db, "status", "--json").stdout)
	for k, v := range map[string]string{
		"current_streak": "3", "longest_streak": "3", "training_days": "3", "today_status": `"none"`,
		"open_questions": "[]", "acute_load": "450", "chronic_load": "null", "load_ratio": "null",
	} {
		if got := string(m[k]); got != v {
			t.Errorf("status --json %s: got %s, want %s", k, got, v)
		}
	}
	line := must(t, "--db", db, "status").stdout
	if want := "cooldown: 3-day streak (longest 3) · today: rest\n"; line != want {
		t.Errorf("status = %q, want %q", line, want)
	}
}

// TestLoadThroughTheBinary: history starts at the first training day;
// chronic load is 0, not null, once that day is 27 or more days back, and
// the ratio is null while chronic load is 0.
func TestLoadThroughTheBinary(t *testing.T) {
	t.Parallel()
	td := today()
	tests := []struct {
		name             string
		log              [][]string
		chronic, ratio   string
		acute, trainDays string
	}{
		{"a rest day 40 days back does not start the history",
			[][]string{{"--date", td.AddDays(-40).String(), "--done", "berries"}, {"--date", td.AddDays(-2).String(), "--kind", "sport", "--minutes", "60", "--rpe", "5"}},
			"null", "null", "300", "1"},
		{"first training day 40 days back, nothing since: chronic 0, ratio null",
			[][]string{{"--date", td.AddDays(-40).String(), "--kind", "sport", "--minutes", "60", "--rpe", "5"}},
			"0", "null", "0", "1"},
		{"first training day 27 days back: chronic and ratio",
			[][]string{{"--date", td.AddDays(-27).String(), "--kind", "sport", "--minutes", "60", "--rpe", "5"}, {"--date", td.String(), "--kind", "sport", "--minutes", "60", "--rpe", "5"}},
			"150", "2", "300", "2"},
		{"first training day 26 days back: both null",
			[][]string{{"--date", td.AddDays(-26).String(), "--kind", "sport", "--minutes", "60", "--rpe", "5"}},
			"null", "null", "0", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			db := newDB(t)
			for _, args := range tt.log {
				must(t, append([]string{"--db", db, "log"}, args...)...)
			}
			m := statusFields(t, must(t, "--db", db, "status", "--json").stdout)
			for k, v := range map[string]string{"chronic_load": tt.chronic, "load_ratio": tt.ratio, "acute_load": tt.acute, "training_days": tt.trainDays} {
				if got := string(m[k]); got != v {
					t.Errorf("status --json %s: got %s, want %s", k, got, v)
				}
			}
		})
	}
}
