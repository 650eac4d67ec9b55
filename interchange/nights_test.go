package interchange

import (
	"testing"
	"time"

	"cooldown/coach"
)

func TestNights(t *testing.T) {
	loc := time.FixedZone("CET", 3600)
	at := func(day, hour, min int) time.Time { return time.Date(2026, 11, day, hour, min, 0, 0, loc) }
	d := func(day int) coach.Date { return coach.Date{Year: 2026, Month: 11, Day: day} }
	tests := []struct {
		name  string
		sleep []Sleep
		want  map[coach.Date]time.Duration
	}{
		{"one night", []Sleep{{Start: at(25, 23, 0), End: at(26, 6, 30)}}, map[coach.Date]time.Duration{d(25): 7*time.Hour + 30*time.Minute}},
		{"watch and phone overlap", []Sleep{
			{Start: at(25, 23, 0), End: at(26, 3, 0), Source: "watch"},
			{Start: at(26, 2, 0), End: at(26, 6, 0), Source: "phone"},
		}, map[coach.Date]time.Duration{d(25): 7 * time.Hour}},
		{"stages with an awake gap", []Sleep{
			{Start: at(25, 23, 0), End: at(26, 2, 0), Stage: "core"},
			{Start: at(26, 2, 30), End: at(26, 6, 0), Stage: "rem"},
		}, map[coach.Date]time.Duration{d(25): 6*time.Hour + 30*time.Minute}},
		{"after midnight only", []Sleep{{Start: at(26, 1, 0), End: at(26, 8, 0)}}, map[coach.Date]time.Duration{d(25): 7 * time.Hour}},
		{"an afternoon nap is no night", []Sleep{{Start: at(26, 15, 0), End: at(26, 16, 0)}}, map[coach.Date]time.Duration{}},
		{"late morning counts until 14:00", []Sleep{{Start: at(26, 12, 0), End: at(26, 15, 0)}}, map[coach.Date]time.Duration{d(25): 2 * time.Hour}},
		{"two nights", []Sleep{{Start: at(24, 22, 0), End: at(25, 6, 0)}, {Start: at(25, 23, 0), End: at(26, 7, 0)}}, map[coach.Date]time.Duration{d(24): 8 * time.Hour, d(25): 8 * time.Hour}},
	}
	for _, tt := range tests {
		got := Nights(tt.sleep, loc)
		if len(got) != len(tt.want) {
			t.Errorf("%s: Nights = %v, want %v", tt.name, got, tt.want)
			continue
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%s: night after %s = %v, want %v", tt.name, k, got[k], v)
			}
		}
	}
}
