package coach

import (
	"fmt"
	"testing"
	"time"
)

// TestStatusEveryCombination walks every combination of the three pillars'
// inputs: sleep unreported, short or met; 0 or 1 blood-flow items (2 too);
// 0 to 3 diet groups (4 too).
func TestStatusEveryCombination(t *testing.T) {
	s := DefaultSettings()
	tests := []struct {
		sleep string // "none", "short", "met"
		bf    int
		diet  int
		want  Status
	}{
		{"none", 0, 0, StatusPartial}, {"none", 0, 3, StatusPartial}, {"none", 1, 0, StatusPartial},
		{"none", 1, 2, StatusPartial}, {"none", 1, 3, StatusPending}, {"none", 2, 4, StatusPending},
		{"short", 0, 0, StatusPartial}, {"short", 0, 3, StatusPartial}, {"short", 1, 2, StatusPartial},
		{"short", 1, 3, StatusPartial}, {"short", 2, 4, StatusPartial},
		{"met", 0, 0, StatusPartial}, {"met", 0, 3, StatusPartial}, {"met", 1, 0, StatusPartial},
		{"met", 1, 2, StatusPartial}, {"met", 1, 3, StatusComplete}, {"met", 2, 4, StatusComplete},
		{"met", 4, 9, StatusComplete},
	}
	bfItems := ItemsOf(PillarBloodFlow)
	dietItems := ItemsOf(PillarDiet)
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s-%d-%d", tt.sleep, tt.bf, tt.diet), func(t *testing.T) {
			d := Day{Date: Date{2026, time.November, 25}, Workouts: []Workout{{ID: 1, Kind: Endurance, Minutes: 30, RPE: 4}}}
			for _, it := range bfItems[:tt.bf] {
				d.SetDone(it.ID, true, doneAt)
			}
			for _, it := range dietItems[:tt.diet] {
				d.SetDone(it.ID, true, doneAt)
			}
			switch tt.sleep {
			case "short":
				d.Morning = &Morning{SleepHours: 6.5, SleepQuality: 1, Fatigue: 1, Stress: 1, Soreness: 1}
			case "met":
				d.Morning = &Morning{SleepHours: 7, SleepQuality: 1, Fatigue: 1, Stress: 1, Soreness: 1}
			}
			if got := d.Status(s); got != tt.want {
				t.Errorf("Status = %v, want %v", got, tt.want)
			}
			if got, want := d.CountDone(PillarBloodFlow), tt.bf; got != want {
				t.Errorf("CountDone(blood flow) = %d, want %d", got, want)
			}
			wantSleep := map[string]PillarState{"none": PillarPending, "short": PillarMissed, "met": PillarMet}[tt.sleep]
			if got := d.Pillar(PillarSleep, s); got != wantSleep {
				t.Errorf("Pillar(sleep) = %v, want %v", got, wantSleep)
			}
		})
	}
}

func TestStatusSettings(t *testing.T) {
	d := mkDay(Date{2026, time.November, 25}, 'C') // 7.5 h, 1 blood flow, 3 diet
	tests := []struct {
		s    Settings
		want Status
	}{
		{Settings{7.5, 3, 4}, StatusComplete},
		{Settings{8, 3, 4}, StatusPartial},
		{Settings{7, 4, 4}, StatusPartial},
		{Settings{7, 1, 4}, StatusComplete},
	}
	for _, tt := range tests {
		if got := d.Status(tt.s); got != tt.want {
			t.Errorf("Status under %+v = %v, want %v", tt.s, got, tt.want)
		}
	}
	// Unknown item ids (never valid, but possible in a damaged record)
	// count for no pillar.
	d.SetDone("coffee", true, doneAt)
	d.SetDone("tea", true, doneAt)
	if got := d.CountDone(PillarDiet); got != 3 {
		t.Errorf("CountDone(diet) with unknown ids = %d, want 3", got)
	}
	if got := (Day{Workouts: []Workout{{ID: 1, Kind: Sport, Minutes: 5, RPE: 1}}}).Status(DefaultSettings()); got != StatusPartial {
		t.Errorf("training day with nothing else: status = %v, want partial", got)
	}
	// A rest day has no status, whatever it holds.
	rest := mkDay(Date{2026, time.November, 25}, 'C')
	rest.Workouts = nil
	if got := rest.Status(DefaultSettings()); got != StatusNone {
		t.Errorf("rest day with every pillar met: status = %v, want none", got)
	}
	for st, want := range map[Status]string{StatusNone: "rest", StatusPartial: "partial", StatusPending: "pending", StatusComplete: "complete"} {
		if st.Label() != want {
			t.Errorf("Status(%d).Label() = %q, want %q", int(st), st.Label(), want)
		}
	}
	for st, want := range map[Status]string{StatusNone: "none", StatusPartial: "partial", StatusPending: "pending", StatusComplete: "complete"} {
		if st.String() != want {
			t.Errorf("Status(%d).String() = %q, want %q", int(st), st.String(), want)
		}
	}
}

func TestItemPillarMatchesItems(t *testing.T) {
	for _, it := range Items {
		if p, ok := itemPillar(it.ID); !ok || p != it.Pillar {
			t.Errorf("itemPillar(%q) = %v, %v; want %v", it.ID, p, ok, it.Pillar)
		}
	}
	if _, ok := itemPillar("coffee"); ok {
		t.Errorf("itemPillar(coffee) ok, want not an item")
	}
}
