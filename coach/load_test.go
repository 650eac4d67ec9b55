package coach

import (
	"math"
	"slices"
	"testing"
)

// loadDay is a training day with one workout of the given load (RPE 5).
func loadDay(t testing.TB, d string, minutes int) Day {
	return Day{Date: date(t, d), Workouts: []Workout{{Kind: Endurance, Minutes: minutes, RPE: 5}}}
}

func TestZoneOf(t *testing.T) {
	tests := []struct {
		ratio float64
		want  Zone
	}{
		{0, ZoneLow}, {0.79, ZoneLow}, {0.8, ZoneSteady}, {1, ZoneSteady},
		{1.3, ZoneSteady}, {1.3001, ZoneRising}, {1.5, ZoneRising},
		{1.5001, ZoneSpike}, {3, ZoneSpike}, {math.NaN(), ZoneUnknown},
	}
	for _, tt := range tests {
		if got := ZoneOf(tt.ratio); got != tt.want {
			t.Errorf("ZoneOf(%v) = %v, want %v", tt.ratio, got, tt.want)
		}
	}
	for z, want := range map[Zone]string{ZoneUnknown: "unknown", ZoneLow: "low", ZoneSteady: "steady", ZoneRising: "rising", ZoneSpike: "spike"} {
		if z.String() != want {
			t.Errorf("Zone(%d).String() = %q, want %q", int(z), z.String(), want)
		}
	}
}

func TestWorkoutAndDayLoad(t *testing.T) {
	d := Day{Workouts: []Workout{{Kind: Strength, Minutes: 60, RPE: 7}, {Kind: Mobility, Minutes: 20, RPE: 2}}}
	if got := d.Workouts[0].Load(); got != 420 {
		t.Errorf("Workout.Load() = %d, want 420", got)
	}
	if got := d.Load(); got != 460 {
		t.Errorf("Day.Load() = %d, want 460", got)
	}
	if got := (Day{}).Load(); got != 0 {
		t.Errorf("Day{}.Load() = %d, want 0", got)
	}
}

func TestLoads(t *testing.T) {
	const today = "2026-11-26"
	// every returns one 100-load day (20 min at RPE 5) on each of the n
	// dates ending at last.
	every := func(last string, n int) []Day {
		var out []Day
		end := date(t, last)
		for i := n - 1; i >= 0; i-- {
			out = append(out, Day{Date: end.AddDays(-i), Workouts: []Workout{{Kind: Endurance, Minutes: 20, RPE: 5}}})
		}
		return out
	}
	tests := []struct {
		name string
		days []Day
		want Load
	}{
		{"no history", nil, Load{}},
		{"27 days of history: no chronic, no ratio", every(today, 27), Load{Acute: 700}},
		{"first day exactly 27 days before today: ratio", every(today, 28), Load{Acute: 700, Chronic: 700, HasChronic: true, Ratio: 1, HasRatio: true, HasZone: true, Zone: ZoneSteady}},
		{"first day long before, only today trained: ratio without a zone", append([]Day{loadDay(t, "2026-01-01", 20)}, loadDay(t, today, 20)),
			Load{Acute: 100, Chronic: 25, HasChronic: true, Ratio: 4, HasRatio: true}},
		{"no load in 28 days: chronic 0, no ratio", []Day{loadDay(t, "2026-01-01", 20)}, Load{HasChronic: true}},
		{"day 7 before today is outside acute", append(every("2026-11-19", 40), loadDay(t, today, 0)),
			Load{Acute: 0, Chronic: 525, HasChronic: true, Ratio: 0, HasRatio: true, HasZone: true, Zone: ZoneLow}},
		{"future days play no part", append(every(today, 28), loadDay(t, "2026-11-27", 600)),
			Load{Acute: 700, Chronic: 700, HasChronic: true, Ratio: 1, HasRatio: true, HasZone: true, Zone: ZoneSteady}},
		{"a rest day today counts 0", append(every("2026-11-25", 28), Day{Date: date(t, today), Note: "rest"}),
			Load{Acute: 600, Chronic: 675, HasChronic: true, Ratio: 600 / 675.0, HasRatio: true, HasZone: true, Zone: ZoneSteady}},
		{"history starts at the first training day, not a rest day before it",
			append([]Day{{Date: date(t, "2026-10-01"), Note: "rest", Done: Ticks{{Item: Berries, At: doneAt}}}}, every(today, 20)...),
			Load{Acute: 700}},
		{"first training day 26 days back: no chronic", every(today, 27)[:1], Load{}},
		{"first training day 27 days back, no load since: chronic 0", []Day{loadDay(t, "2026-10-30", 0)}, Load{HasChronic: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Loads(tt.days, date(t, today))
			if got != tt.want {
				t.Errorf("Loads = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestLoadZoneBoundaries builds histories whose ratio is exactly on each
// boundary: 1.3 is steady, 1.5 rising.
func TestLoadZoneBoundaries(t *testing.T) {
	today := date(t, "2026-11-26")
	tests := []struct {
		acute, older int // load in the 7 days ending today; load in the 21 days before
		want         Zone
		ratio        float64
	}{
		{acute: 130, older: 270, want: ZoneSteady, ratio: 1.3}, // 130 / (400/4)
		{acute: 150, older: 250, want: ZoneRising, ratio: 1.5},
		{acute: 80, older: 320, want: ZoneSteady, ratio: 0.8},
		{acute: 79, older: 321, want: ZoneLow, ratio: 0.79},
		{acute: 151, older: 249, want: ZoneSpike, ratio: 1.51},
	}
	for _, tt := range tests {
		// The older load, split over the three weeks before this one
		// (each carries enough for a zone); RPE 10 keeps the ratio.
		third := tt.older / 3
		days := []Day{
			{Date: today.AddDays(-27), Workouts: []Workout{{Kind: Endurance, Minutes: tt.older - 2*third, RPE: 10}}},
			{Date: today.AddDays(-20), Workouts: []Workout{{Kind: Endurance, Minutes: third, RPE: 10}}},
			{Date: today.AddDays(-13), Workouts: []Workout{{Kind: Endurance, Minutes: third, RPE: 10}}},
			{Date: today, Workouts: []Workout{{Kind: Endurance, Minutes: tt.acute, RPE: 10}}},
		}
		got := Loads(days, today)
		if got.Zone != tt.want || got.Ratio != tt.ratio {
			t.Errorf("acute %d, older %d: ratio %v zone %v, want %v %v", tt.acute, tt.older, got.Ratio, got.Zone, tt.ratio, tt.want)
		}
	}
}

func TestDailyLoads(t *testing.T) {
	days := []Day{
		loadDay(t, "2026-11-01", 10), // outside the window
		loadDay(t, "2026-11-22", 10),
		{Date: date(t, "2026-11-24"), Workouts: []Workout{{Kind: Strength, Minutes: 30, RPE: 8}, {Kind: Mobility, Minutes: 10, RPE: 2}}},
		loadDay(t, "2026-11-26", 12),
		loadDay(t, "2026-11-27", 99), // after today
	}
	tests := []struct {
		n    int
		want []int
	}{
		{5, []int{50, 0, 260, 0, 60}},
		{1, []int{60}},
		{0, nil},
		{-3, nil},
	}
	for _, tt := range tests {
		if got := DailyLoads(days, date(t, "2026-11-26"), tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("DailyLoads(n=%d) = %v, want %v", tt.n, got, tt.want)
		}
	}
	if got := DailyLoads(nil, date(t, "2026-11-26"), 28); len(got) != 28 || slices.Max(got) != 0 {
		t.Errorf("DailyLoads(nil, 28) = %v, want 28 zeros", got)
	}
}
