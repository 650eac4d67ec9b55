package coach

import (
	"fmt"
	"slices"
	"testing"
)

// restDay returns a rest day dated d holding what kind names: "ticks",
// "note", "bedtime", "morning", or "all" of them.
func restDay(d Date, kind string) Day {
	day := Day{Date: d}
	if kind == "ticks" || kind == "all" {
		day.SetDone(Berries, true, doneAt)
		day.SetDone(Stretching, true, doneAt)
	}
	if kind == "note" || kind == "all" {
		day.Note = "walked the dog"
	}
	if kind == "bedtime" || kind == "all" {
		b := Clock(22 * 60)
		day.Bedtime = &b
	}
	if kind == "morning" || kind == "all" {
		// A rough morning, so that a rule counting it would show.
		day.Morning = &Morning{SleepHours: 5, SleepQuality: 6, Fatigue: 6, Stress: 6, Soreness: 5}
	}
	return day
}

// withRest returns days with a rest day of kind added at offset off from
// today (replacing nothing: the date must be free), sorted.
func withRest(t *testing.T, days []Day, today Date, off int, kind string) []Day {
	t.Helper()
	d := today.AddDays(off)
	if _, ok := Find(days, d); ok {
		t.Fatalf("date %v already holds a training day", d)
	}
	out := append(slices.Clone(days), restDay(d, kind))
	SortDays(out)
	return out
}

// TestRestDaysAreNeutral crosses rest days (holding ticks, a note, a
// bedtime, morning answers, or all) with every training-day rule: adding
// one anywhere changes no streak, strength, adherence, most missed pillar,
// training-day count, open question, load or today's status.
func TestRestDaysAreNeutral(t *testing.T) {
	s := DefaultSettings()
	today := date(t, "2026-11-26")
	bases := []struct {
		name, pattern string
		offsets       []int // where the rest day goes (a free date)
	}{
		{"complete run with a gap", "CCC-CC-", []int{0, -3}},
		{"partial then complete", "X-CCP-", []int{0, -4}},
		{"today partial", "CC-X", []int{-1}},
		{"nothing lately", "CCCX--------", []int{0, -3, -7}},
		{"before the first training day", "CC", []int{-5, -40}},
	}
	kinds := []string{"ticks", "note", "bedtime", "morning", "all"}
	for _, b := range bases {
		base := history(t, today.String(), b.pattern)
		for _, off := range b.offsets {
			for _, kind := range kinds {
				t.Run(fmt.Sprintf("%s/%+d/%s", b.name, off, kind), func(t *testing.T) {
					days := withRest(t, base, today, off, kind)
					if got, want := Streaks(days, today, s), Streaks(base, today, s); got != want {
						t.Errorf("Streaks = %+v, want %+v (as without the rest day)", got, want)
					}
					if got, want := RecoveryStrength(days, today, s), RecoveryStrength(base, today, s); got != want {
						t.Errorf("RecoveryStrength = %v, want %v", got, want)
					}
					if got, want := Adherence(days, today, s), Adherence(base, today, s); !slices.Equal(got, want) {
						t.Errorf("Adherence = %+v, want %+v", got, want)
					}
					gp, gok := MostMissed(Adherence(days, today, s))
					wp, wok := MostMissed(Adherence(base, today, s))
					if gp != wp || gok != wok {
						t.Errorf("MostMissed = %v %v, want %v %v", gp, gok, wp, wok)
					}
					if got, want := OpenQuestions(days, today), OpenQuestions(base, today); !slices.Equal(got, want) {
						t.Errorf("OpenQuestions = %v, want %v", got, want)
					}
					if got, want := Loads(days, today), Loads(base, today); got != want {
						t.Errorf("Loads = %+v, want %+v", got, want)
					}
					got, want := Summarize(days, today, s), Summarize(base, today, s)
					if got.TrainingDays != want.TrainingDays || got.TodayStatus != want.TodayStatus || got.Streak != want.Streak {
						t.Errorf("Summarize: training %d today %v streak %+v, want %d %v %+v",
							got.TrainingDays, got.TodayStatus, got.Streak, want.TrainingDays, want.TodayStatus, want.Streak)
					}
					st := StatusesBetween(days, today.AddDays(off), today.AddDays(off), today, s)
					if len(st) != 1 || st[0] != StatusNone || st[0].Label() != "rest" {
						t.Errorf("StatusesBetween(rest day) = %v, want [none], shown rest", st)
					}
				})
			}
		}
	}
}

// TestRestDayToday: a rest day today gets no check-in advice, no status and
// no raised sleep; the last training day still dates the comeback.
func TestRestDayToday(t *testing.T) {
	s := DefaultSettings()
	today := date(t, "2026-11-26")
	tests := []struct {
		name    string
		days    []Day
		hasNot  []string
		has     []string
		welcome bool
	}{
		{"rest day after training", withRest(t, history(t, "2026-11-25", "CC"), today, 0, "note"),
			[]string{"today-blood-flow", "today-diet", "today-pending", "welcome"}, nil, false},
		{"rest day with half the ticks", withRest(t, history(t, "2026-11-25", "CC"), today, 0, "ticks"),
			[]string{"today-diet", "today-blood-flow"}, nil, false},
		{"only rest days: still a welcome", []Day{restDay(today.AddDays(-1), "all"), restDay(today, "ticks")},
			nil, []string{"welcome"}, true},
		{"comeback counts from the last training day", withRest(t, history(t, "2026-11-10", "CC"), today, -1, "all"),
			nil, []string{"comeback"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := msgIDs(Messages(tt.days, today, s))
			for _, id := range tt.hasNot {
				if slices.Contains(ids, id) {
					t.Errorf("Messages = %v, want no %q", ids, id)
				}
			}
			for _, id := range tt.has {
				if !slices.Contains(ids, id) {
					t.Errorf("Messages = %v, want %q", ids, id)
				}
			}
			sum := Summarize(tt.days, today, s)
			if sum.TodayStatus != StatusNone || sum.TodayStatus.Label() != "rest" {
				t.Errorf("TodayStatus = %v (%q), want none, shown rest", sum.TodayStatus, sum.TodayStatus.Label())
			}
			if sum.SleepAdvice.Raised {
				t.Errorf("SleepAdvice = %+v on a rest day, want not raised", sum.SleepAdvice)
			}
			if tt.welcome && sum.TrainingDays != 0 {
				t.Errorf("TrainingDays = %d, want 0", sum.TrainingDays)
			}
		})
	}
}

// TestRestDayMorningStillCounts: a rest day's morning answers are a real
// morning, so the averages and the soreness messages see them.
func TestRestDayMorningStillCounts(t *testing.T) {
	today := date(t, "2026-11-26")
	days := withRest(t, history(t, "2026-11-25", "CC"), today, 0, "morning")
	if got := AverageSleep(days, today, 7); got.Reports != 3 {
		t.Errorf("AverageSleep reports = %d, want 3 (two training days and the rest day)", got.Reports)
	}
	days[len(days)-1].Morning.Soreness = 7
	if ids := msgIDs(Messages(days, today, DefaultSettings())); !slices.Contains(ids, "soreness-warning") {
		t.Errorf("Messages = %v, want soreness-warning from a rest day's morning", ids)
	}
}
