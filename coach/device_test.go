package coach

import (
	"strings"
	"testing"
	"time"
)

// The rules of device workouts and hours-only mornings (issue 21).

func TestValidateDevice(t *testing.T) {
	d0 := date(t, "2026-11-25")
	tests := []struct {
		name      string
		edit      func(*Day)
		wantField string // "" for valid
	}{
		{"device effort not yet given", func(d *Day) { d.Workouts[0].RPE = 0 }, ""},
		{"device effort given", func(d *Day) {}, ""},
		{"typed effort 0", func(d *Day) { d.Workouts[0] = Workout{Kind: Strength, Minutes: 30} }, "workouts[0].rpe"},
		{"device effort 11", func(d *Day) { d.Workouts[0].RPE = 11 }, "workouts[0].rpe"},
		{"source without id", func(d *Day) { d.Workouts[0].Source.ID = "" }, "workouts[0].source.id"},
		{"source without kind", func(d *Day) { d.Workouts[0].Source.Kind = "" }, "workouts[0].source.kind"},
		{"source without file", func(d *Day) { d.Workouts[0].Source.File = "" }, ""},
		{"source id too long", func(d *Day) { d.Workouts[0].Source.ID = strings.Repeat("x", MaxSourceID+1) }, "workouts[0].source.id"},
		{"source file not UTF-8", func(d *Day) { d.Workouts[0].Source.File = "a\xffb" }, "workouts[0].source.file"},
		{"typed with a start", func(d *Day) {
			d.Workouts[0].Source = Source{}
		}, "workouts[0].start"},
		{"heart rate too high", func(d *Day) { d.Workouts[0].MaxHR = 251 }, "workouts[0].max_hr"},
		{"heart rate negative", func(d *Day) { d.Workouts[0].AvgHR = -1 }, "workouts[0].avg_hr"},
		{"hours only", func(d *Day) { d.Morning = &Morning{SleepHours: 6.5, HoursOnly: true} }, ""},
		{"hours only with a rating", func(d *Day) { d.Morning = &Morning{SleepHours: 6.5, Fatigue: 3, HoursOnly: true} }, "morning"},
		{"hours only bad hours", func(d *Day) { d.Morning = &Morning{SleepHours: 6.2, HoursOnly: true} }, "morning.sleep_hours"},
		{"rated morning needs ratings", func(d *Day) { d.Morning = &Morning{SleepHours: 6.5} }, "morning.sleep_quality"},
		{"held", func(d *Day) {
			d.Workouts = append(d.Workouts, Workout{ID: 2, Kind: Endurance, Minutes: 45, RPE: 6})
			d.Held = []Held{{Typed: 2, Workout: deviceWorkout(d0, 44, 0)}}
		}, ""},
		{"held without typed id", func(d *Day) { d.Held = []Held{{Workout: deviceWorkout(d0, 44, 0)}} }, "held[0].typed"},
		{"held typed workout", func(d *Day) { d.Held = []Held{{Typed: 1, Workout: Workout{Kind: Sport, Minutes: 5, RPE: 3}}} }, "held[0]"},
		{"held bad minutes", func(d *Day) { d.Held = []Held{{Typed: 1, Workout: deviceWorkout(d0, 0, 0)}} }, "held[0].minutes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Day{Date: d0, Workouts: []Workout{deviceWorkout(d0, 52, 6)}}
			d.Workouts[0].ID = 1
			tt.edit(&d)
			err := d.Validate()
			got := ""
			if err != nil {
				fe, ok := err.(*FieldError)
				if !ok {
					t.Fatalf("error %v is not a *FieldError", err)
				}
				got = fe.Field
			}
			if got != tt.wantField {
				t.Errorf("Validate() field %q (%v), want %q", got, err, tt.wantField)
			}
		})
	}
}

func TestEffortNotGivenCarriesNoLoad(t *testing.T) {
	d0 := date(t, "2026-11-25")
	tests := []struct {
		name string
		rpe  int
		want int
	}{{"not yet given", 0, 0}, {"given", 6, 6 * 52}}
	for _, tt := range tests {
		d := Day{Date: d0, Workouts: []Workout{deviceWorkout(d0, 52, tt.rpe)}}
		if got := d.Load(); got != tt.want {
			t.Errorf("%s: day load %d, want %d", tt.name, got, tt.want)
		}
		if got := Loads([]Day{d}, d0).Acute; got != float64(tt.want) {
			t.Errorf("%s: acute load %v, want %d", tt.name, got, tt.want)
		}
		if d.IsRest() {
			t.Errorf("%s: a day of a device workout is a rest day; want training", tt.name)
		}
	}
}

func TestHooperNeedsTheRatings(t *testing.T) {
	tests := []struct {
		name      string
		m         Morning
		wantH     int
		wantRated bool
	}{
		{"rated", Morning{SleepHours: 7, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4}, 11, true},
		{"hours only", Morning{SleepHours: 7, HoursOnly: true}, 0, false},
	}
	for _, tt := range tests {
		if got := tt.m.Hooper(); got != tt.wantH {
			t.Errorf("%s: Hooper %d, want %d", tt.name, got, tt.wantH)
		}
		if got := tt.m.Rated(); got != tt.wantRated {
			t.Errorf("%s: Rated %v, want %v", tt.name, got, tt.wantRated)
		}
	}
	// The trend counts rated mornings only: the hours-only morning is not
	// a Hooper index of 0.
	days := history(t, "2026-11-26", "CC")
	days[1].Morning = &Morning{SleepHours: 7, HoursOnly: true}
	if h := Hooper(days, date(t, "2026-11-26"), 1); h.RecentN != 1 || h.Recent != 8 || h.BeforeN != 0 {
		t.Errorf("Hooper trend %+v, want the one rated morning (8) and nothing before", h)
	}
}

func TestHoursOnlyMorning(t *testing.T) {
	s := DefaultSettings()
	today := date(t, "2026-11-26")
	tests := []struct {
		name       string
		hours      float64
		wantSleep  PillarState
		wantStatus Status
	}{
		{"enough sleep", 7.5, PillarMet, StatusComplete},
		{"short sleep", 5, PillarMissed, StatusPartial},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mkDay(today.AddDays(-1), 'P')
			d.Morning = &Morning{SleepHours: tt.hours, HoursOnly: true}
			if got := d.Pillar(PillarSleep, s); got != tt.wantSleep {
				t.Errorf("sleep pillar %v, want %v", got, tt.wantSleep)
			}
			if got := d.Status(s); got != tt.wantStatus {
				t.Errorf("status %v, want %v", got, tt.wantStatus)
			}
			if q := OpenQuestions([]Day{d}, today); len(q) != 1 || q[0] != d.Date {
				t.Errorf("open questions %v, want %s: the ratings are still asked", q, d.Date)
			}
			if !d.MorningOpen() {
				t.Error("MorningOpen false, want true")
			}
		})
	}
}

func TestUntracked(t *testing.T) {
	d0 := date(t, "2026-11-25")
	bed := Clock(22 * 60)
	tests := []struct {
		name string
		edit func(*Day)
		want bool
	}{
		{"device workouts alone", func(d *Day) {}, true},
		{"and hours slept from the phone", func(d *Day) { d.Morning = &Morning{SleepHours: 7, HoursOnly: true} }, true},
		{"and a typed workout", func(d *Day) { d.Workouts = append(d.Workouts, Workout{Kind: Strength, Minutes: 30, RPE: 6}) }, false},
		{"and a tick", func(d *Day) { d.SetDone(Berries, true, doneAt) }, false},
		{"and a bedtime", func(d *Day) { d.Bedtime = &bed }, false},
		{"and a rated morning", func(d *Day) {
			d.Morning = &Morning{SleepHours: 7, SleepQuality: 2, Fatigue: 2, Stress: 2, Soreness: 2}
		}, false},
		{"and a note", func(d *Day) { d.Note = "x" }, false},
		{"no workout", func(d *Day) { d.Workouts = nil }, false},
	}
	for _, tt := range tests {
		d := Day{Date: d0, Workouts: []Workout{deviceWorkout(d0, 52, 0), deviceWorkout(d0.AddDays(-1), 20, 4)}}
		tt.edit(&d)
		if got := d.Untracked(); got != tt.want {
			t.Errorf("%s: Untracked() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestUntrackedDaysNeitherAddNorBreak: an untracked day (U) is like a day
// the person did not use cooldown: streaks, strength and adherence pass
// over it, while it counts as a training day and carries load.
func TestUntrackedDaysNeitherAddNorBreak(t *testing.T) {
	s := DefaultSettings()
	tests := []struct {
		name, pattern, same string // same: the history without the U days, as '-'
	}{
		{"between complete days", "CCUCC", "CC-CC"},
		{"after a partial day", "CXUUC", "CX--C"},
		{"alone", "UUU", "---"},
		{"yesterday, today in progress", "CCUX", "CC-X"},
	}
	today := "2026-11-26"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days := history(t, today, tt.pattern)
			without := history(t, today, tt.same)
			td := date(t, today)
			if got, want := Streaks(days, td, s), Streaks(without, td, s); got != want {
				t.Errorf("Streaks(%q) = %+v, want %+v as for %q", tt.pattern, got, want, tt.same)
			}
			if got, want := RecoveryStrength(days, td, s), RecoveryStrength(without, td, s); got != want {
				t.Errorf("RecoveryStrength(%q) = %v, want %v", tt.pattern, got, want)
			}
			ga, wa := Adherence(days, td, s), Adherence(without, td, s)
			for i := range ga {
				if ga[i] != wa[i] {
					t.Errorf("Adherence(%q)[%d] = %+v, want %+v", tt.pattern, i, ga[i], wa[i])
				}
			}
			sum := Summarize(days, td, s)
			if want := strings.Count(tt.pattern, "U") + len(without); sum.TrainingDays != want {
				t.Errorf("training days %d, want %d (untracked days count)", sum.TrainingDays, want)
			}
			if got, want := Loads(days, td).Acute, Loads(without, td).Acute+float64(strings.Count(tt.pattern, "U")*45*5); got != want {
				t.Errorf("acute load %v, want %v (untracked days carry load)", got, want)
			}
		})
	}
}

func TestOpenEfforts(t *testing.T) {
	today := date(t, "2026-11-26")
	var days []Day
	for _, back := range []int{8, 7, 3, 0, -1} { // -1: dated tomorrow
		d := today.AddDays(-back)
		days = append(days, Day{Date: d, Workouts: []Workout{
			{ID: 1, Kind: Strength, Minutes: 30, RPE: 7},
			func() Workout { w := deviceWorkout(d, 40, 0); w.ID = 2; return w }(),
			func() Workout { w := deviceWorkout(d, 20, 5); w.ID = 3; w.Source.ID += "b"; return w }(),
		}})
	}
	got := OpenEfforts(days, today)
	var gotDates []string
	for _, q := range got {
		gotDates = append(gotDates, q.Date.String())
		if q.Workout.ID != 2 {
			t.Errorf("asked workout %d of %s, want 2 (the one without effort)", q.Workout.ID, q.Date)
		}
	}
	want := []string{"2026-11-26", "2026-11-23", "2026-11-19"}
	if strings.Join(gotDates, " ") != strings.Join(want, " ") {
		t.Errorf("OpenEfforts dates %v, want %v (today-7 to today, newest first)", gotDates, want)
	}
	if sum := Summarize(days, today, DefaultSettings()); len(sum.OpenEfforts) != 3 {
		t.Errorf("Summary.OpenEfforts holds %d, want 3", len(sum.OpenEfforts))
	}
}

func TestSameSession(t *testing.T) {
	d0 := date(t, "2026-11-25")
	a := deviceWorkout(d0, 50, 0)
	tests := []struct {
		name  string
		shift time.Duration
		mins  int
		want  bool
	}{
		{"identical", 0, 50, true},
		{"start 2 min later", 2 * time.Minute, 50, true},
		{"start 2 min earlier", -2 * time.Minute, 50, true},
		{"start 2 min 1 s later", 2*time.Minute + time.Second, 50, false},
		{"minutes 10 % shorter", 0, 45, true},
		{"minutes 10 % longer", 0, 55, true},
		{"minutes 12 % shorter", 0, 44, false},
		{"minutes 12 % longer", 0, 57, false},
	}
	for _, tt := range tests {
		b := a
		b.Source = Source{Kind: "strava", ID: "123"}
		b.Start = StartAt(a.Start.Add(tt.shift))
		b.Minutes = tt.mins
		if got := SameSession(a, b); got != tt.want {
			t.Errorf("%s: SameSession = %v, want %v", tt.name, got, tt.want)
		}
		if got := SameSession(b, a); got != tt.want {
			t.Errorf("%s: SameSession reversed = %v, want %v", tt.name, got, tt.want)
		}
	}
	typed := Workout{ID: 1, Kind: Endurance, Minutes: 50, RPE: 6}
	if SameSession(a, typed) {
		t.Error("SameSession with a typed workout (no start) = true, want false")
	}
}

func TestMaybeTyped(t *testing.T) {
	d0 := date(t, "2026-11-25")
	w := deviceWorkout(d0, 50, 0)
	tests := []struct {
		name  string
		typed Workout
		want  bool
	}{
		{"same kind, same minutes", Workout{Kind: Endurance, Minutes: 50, RPE: 6}, true},
		{"same kind, 10 % more", Workout{Kind: Endurance, Minutes: 55, RPE: 6}, true},
		{"same kind, 12 % less", Workout{Kind: Endurance, Minutes: 44, RPE: 6}, false},
		{"other kind", Workout{Kind: Strength, Minutes: 50, RPE: 6}, false},
		{"a device workout", deviceWorkout(d0.AddDays(1), 50, 6), false},
	}
	for _, tt := range tests {
		if got := MaybeTyped(w, tt.typed); got != tt.want {
			t.Errorf("%s: MaybeTyped = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMerge(t *testing.T) {
	d0 := date(t, "2026-11-25")
	run := deviceWorkout(d0, 50, 0)
	strava := run
	strava.Source = Source{Kind: "strava", ID: "987", File: "activities.csv"}
	strava.Start = StartAt(run.Start.Add(70 * time.Second))
	strava.Minutes = 48
	typed := Workout{ID: 1, Kind: Endurance, Minutes: 52, RPE: 6}
	other := deviceWorkout(d0, 20, 3)
	other.Source.ID = "other"
	other.Start = StartAt(run.Start.Add(5 * time.Hour))
	tests := []struct {
		name        string
		day         Day
		near        []Day
		offer       Workout
		deleted     []Source
		want        MergeResult
		wantWorkout int // workouts of the day after
		wantHeld    int
	}{
		{"new", Day{Date: d0}, nil, run, nil, MergeAdded, 1, 0},
		{"again", Day{Date: d0, Workouts: []Workout{withID(run, 1)}}, nil, run, nil, MergeAlready, 1, 0},
		{"same session from strava", Day{Date: d0, Workouts: []Workout{withID(run, 1)}}, nil, strava, nil, MergeAlready, 1, 0},
		{"same session on the neighbouring day", Day{Date: d0}, []Day{{Date: d0.AddDays(-1), Workouts: []Workout{withID(strava, 1)}}}, run, nil, MergeAlready, 0, 0},
		{"another session", Day{Date: d0, Workouts: []Workout{withID(run, 1)}}, nil, other, nil, MergeAdded, 2, 0},
		{"typed by hand: held", Day{Date: d0, Workouts: []Workout{typed}}, nil, run, nil, MergeHeld, 1, 1},
		{"held again", Day{Date: d0, Workouts: []Workout{typed}, Held: []Held{{Typed: 1, Workout: run}}}, nil, run, nil, MergeAlready, 1, 1},
		{"held, then strava", Day{Date: d0, Workouts: []Workout{typed}, Held: []Held{{Typed: 1, Workout: run}}}, nil, strava, nil, MergeAlready, 1, 1},
		{"typed, other kind", Day{Date: d0, Workouts: []Workout{{ID: 1, Kind: Strength, Minutes: 50, RPE: 6}}}, nil, run, nil, MergeAdded, 2, 0},
		{"deleted before", Day{Date: d0}, nil, run, []Source{{Kind: "fit", ID: run.Source.ID}}, MergeDeleted, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.day.Clone()
			before := tt.day.Clone()
			deleted := func(s Source) bool {
				for _, x := range tt.deleted {
					if x.Same(s) {
						return true
					}
				}
				return false
			}
			got := Merge(&d, tt.offer, tt.near, deleted)
			if got != tt.want {
				t.Errorf("Merge = %v, want %v", got, tt.want)
			}
			if len(d.Workouts) != tt.wantWorkout || len(d.Held) != tt.wantHeld {
				t.Errorf("day after: %d workouts, %d held; want %d, %d", len(d.Workouts), len(d.Held), tt.wantWorkout, tt.wantHeld)
			}
			// What the person entered is never changed.
			for i, w := range before.Workouts {
				if d.Workouts[i] != w {
					t.Errorf("workout %d changed: got %+v, want %+v", i, d.Workouts[i], w)
				}
			}
		})
	}
}

func withID(w Workout, id int) Workout { w.ID = id; return w }

func TestAnswerSame(t *testing.T) {
	d0 := date(t, "2026-11-25")
	run := deviceWorkout(d0, 50, 0)
	base := func() Day {
		return Day{Date: d0, Workouts: []Workout{{ID: 1, Kind: Endurance, Minutes: 52, RPE: 6}}, Held: []Held{{Typed: 1, Workout: run}}}
	}
	t.Run("same", func(t *testing.T) {
		d := base()
		if q := SameSessionQuestions([]Day{d}, d0); len(q) != 1 || q[0].Typed.ID != 1 || q[0].Held.Source != run.Source {
			t.Fatalf("questions %+v, want one for workout 1", q)
		}
		if err := d.AnswerSame(1, run.Source, true); err != nil {
			t.Fatal(err)
		}
		w := d.Workouts[0]
		if len(d.Workouts) != 1 || len(d.Held) != 0 || w.Minutes != 52 || w.RPE != 6 || w.Source != run.Source || !w.Start.Equal(run.Start) || w.AvgHR != 142 {
			t.Errorf("after same: %+v; want the typed 52 min at RPE 6 with the file's source, start and heart rate", d)
		}
	})
	t.Run("different", func(t *testing.T) {
		d := base()
		if err := d.AnswerSame(1, run.Source, false); err != nil {
			t.Fatal(err)
		}
		if len(d.Workouts) != 2 || len(d.Held) != 0 || d.Workouts[1].Source != run.Source || d.Workouts[0].Source != (Source{}) {
			t.Errorf("after different: %+v; want the typed workout and the device one", d)
		}
	})
	t.Run("no such question", func(t *testing.T) {
		d := base()
		if err := d.AnswerSame(2, run.Source, true); err == nil {
			t.Error("AnswerSame for workout 2: nil error, want one")
		}
	})
}

func TestSetEffort(t *testing.T) {
	d0 := date(t, "2026-11-25")
	d := Day{Date: d0, Workouts: []Workout{withID(deviceWorkout(d0, 50, 0), 3)}}
	tests := []struct {
		id, rpe int
		wantErr bool
	}{{3, 7, false}, {3, 0, true}, {3, 11, true}, {4, 5, true}}
	for _, tt := range tests {
		c := d.Clone()
		err := c.SetEffort(tt.id, tt.rpe)
		if (err != nil) != tt.wantErr {
			t.Errorf("SetEffort(%d, %d) error %v, want error %v", tt.id, tt.rpe, err, tt.wantErr)
		}
		if err == nil && c.Workouts[0].Load() != 350 {
			t.Errorf("load after the effort %d, want 350", c.Workouts[0].Load())
		}
	}
}

func TestFillSleep(t *testing.T) {
	d0 := date(t, "2026-11-25")
	rated := &Morning{SleepHours: 6, SleepQuality: 2, Fatigue: 2, Stress: 2, Soreness: 2}
	tests := []struct {
		name   string
		day    Day
		asleep time.Duration
		want   *Morning
	}{
		{"training day", Day{Date: d0, Workouts: []Workout{deviceWorkout(d0, 50, 0)}}, 7*time.Hour + 20*time.Minute, &Morning{SleepHours: 7.5, HoursOnly: true}},
		{"rounds down", Day{Date: d0, Workouts: []Workout{deviceWorkout(d0, 50, 0)}}, 7*time.Hour + 14*time.Minute, &Morning{SleepHours: 7, HoursOnly: true}},
		{"capped", Day{Date: d0, Workouts: []Workout{deviceWorkout(d0, 50, 0)}}, 20 * time.Hour, &Morning{SleepHours: 16, HoursOnly: true}},
		{"rest day", Day{Date: d0}, 7 * time.Hour, nil},
		{"answered morning kept", Day{Date: d0, Workouts: []Workout{deviceWorkout(d0, 50, 0)}, Morning: rated}, 8 * time.Hour, rated},
		{"no sleep", Day{Date: d0, Workouts: []Workout{deviceWorkout(d0, 50, 0)}}, 10 * time.Minute, nil},
	}
	for _, tt := range tests {
		d := tt.day
		FillSleep(&d, tt.asleep)
		switch {
		case (d.Morning == nil) != (tt.want == nil):
			t.Errorf("%s: morning %+v, want %+v", tt.name, d.Morning, tt.want)
		case d.Morning != nil && *d.Morning != *tt.want:
			t.Errorf("%s: morning %+v, want %+v", tt.name, *d.Morning, *tt.want)
		}
	}
}

func TestStartAt(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 7, 10, 30, 500, time.FixedZone("CET", 3600))
	got := StartAt(t0)
	if name, off := got.Zone(); name != "+01:00" || off != 3600 || !got.Equal(t0.Truncate(time.Second)) {
		t.Errorf("StartAt = %v (%s %d), want 07:10:30 in +01:00", got, name, off)
	}
	if !StartAt(time.Time{}).IsZero() {
		t.Error("StartAt(zero) is not zero")
	}
}

// TestOpenQuestionsOfDeviceDays: an untracked day is a training day, so
// its morning is asked within the window like any other; a rated morning
// closes it, hours alone do not.
func TestOpenQuestionsOfDeviceDays(t *testing.T) {
	today := date(t, "2026-11-26")
	tests := []struct {
		name    string
		back    int
		morning *Morning
		want    bool
	}{
		{"yesterday, no morning", 1, nil, true},
		{"yesterday, hours only", 1, &Morning{SleepHours: 7, HoursOnly: true}, true},
		{"yesterday, rated", 1, &Morning{SleepHours: 7, SleepQuality: 2, Fatigue: 2, Stress: 2, Soreness: 2}, false},
		{"8 days ago", 8, nil, false},
		{"today", 0, nil, false},
	}
	for _, tt := range tests {
		d := mkDay(today.AddDays(-tt.back), 'U')
		d.Morning = tt.morning
		got := len(OpenQuestions([]Day{d}, today)) == 1
		if got != tt.want {
			t.Errorf("%s: asked %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDropOrphanHeld(t *testing.T) {
	d0 := date(t, "2026-11-25")
	a, b := deviceWorkout(d0, 50, 0), deviceWorkout(d0.AddDays(1), 30, 0)
	tests := []struct {
		name     string
		workouts []Workout
		wantHeld int
		wantGone int
	}{
		{"both typed workouts there", []Workout{{ID: 1, Kind: Endurance, Minutes: 50, RPE: 5}, {ID: 2, Kind: Endurance, Minutes: 30, RPE: 5}}, 2, 0},
		{"one removed", []Workout{{ID: 2, Kind: Endurance, Minutes: 30, RPE: 5}}, 1, 1},
		{"both removed", nil, 0, 2},
	}
	for _, tt := range tests {
		d := Day{Date: d0, Workouts: tt.workouts, Held: []Held{{Typed: 1, Workout: a}, {Typed: 2, Workout: b}}}
		gone := d.DropOrphanHeld()
		if len(d.Held) != tt.wantHeld || len(gone) != tt.wantGone {
			t.Errorf("%s: %d held, %d gone; want %d, %d", tt.name, len(d.Held), len(gone), tt.wantHeld, tt.wantGone)
		}
	}
}
