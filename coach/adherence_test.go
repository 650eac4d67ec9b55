package coach

import (
	"slices"
	"testing"
)

func TestOpenQuestions(t *testing.T) {
	const today = "2026-11-26"
	// 'P' days have no morning check; 'C' and 'X' have one.
	tests := []struct {
		name    string
		last    string
		pattern string
		want    []string
	}{
		{"none", today, "", nil},
		{"today is never open", today, "P", nil},
		{"yesterday open", today, "PC", []string{"2026-11-25"}},
		{"newest first, within 7 days", today, "PPCCPCP-P", []string{"2026-11-24", "2026-11-22", "2026-11-19"}},
		{"8 days ago is too old", today, "P--------", nil},
		{"7 days ago still open", today, "P-------", []string{"2026-11-19"}},
		{"future days play no part", "2026-11-28", "PPPP", []string{"2026-11-25"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range OpenQuestions(history(t, tt.last, tt.pattern), date(t, today)) {
				got = append(got, d.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("OpenQuestions = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAdherence(t *testing.T) {
	const today = "2026-11-26"
	s := DefaultSettings()
	tests := []struct {
		name    string
		last    string
		pattern string
		want    []PillarAdherence // sleep, blood flow, diet
		most    Pillar
		missed  bool
	}{
		{"none", today, "", []PillarAdherence{{PillarSleep, 0, 0, 0}, {PillarBloodFlow, 0, 0, 0}, {PillarDiet, 0, 0, 0}}, 0, false},
		{"all complete", today, "CCCC", []PillarAdherence{{PillarSleep, 4, 0, 4}, {PillarBloodFlow, 4, 0, 4}, {PillarDiet, 4, 0, 4}}, 0, false},
		// X misses diet, S misses sleep, P is sleep pending.
		{"diet missed most", today, "XXSCP-", []PillarAdherence{{PillarSleep, 3, 1, 5}, {PillarBloodFlow, 5, 0, 5}, {PillarDiet, 3, 0, 5}}, PillarDiet, true},
		{"sleep missed most", today, "SSXC-", []PillarAdherence{{PillarSleep, 2, 0, 4}, {PillarBloodFlow, 4, 0, 4}, {PillarDiet, 3, 0, 4}}, PillarSleep, true},
		{"tie goes to checklist order", today, "SX-", []PillarAdherence{{PillarSleep, 1, 0, 2}, {PillarBloodFlow, 2, 0, 2}, {PillarDiet, 1, 0, 2}}, PillarSleep, true},
		// Today in progress: what is not met yet is pending, not missed.
		{"today in progress", today, "CX", []PillarAdherence{{PillarSleep, 2, 0, 2}, {PillarBloodFlow, 2, 0, 2}, {PillarDiet, 1, 1, 2}}, 0, false},
		{"28-day window", today, "XXXX" + string(make28('C')), []PillarAdherence{{PillarSleep, 28, 0, 28}, {PillarBloodFlow, 28, 0, 28}, {PillarDiet, 28, 0, 28}}, 0, false},
		{"future days play no part", "2026-11-28", "CXX", []PillarAdherence{{PillarSleep, 1, 0, 1}, {PillarBloodFlow, 1, 0, 1}, {PillarDiet, 1, 0, 1}}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Adherence(history(t, tt.last, tt.pattern), date(t, today), s)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Adherence = %+v, want %+v", got, tt.want)
			}
			p, ok := MostMissed(got)
			if ok != tt.missed || (ok && p != tt.most) {
				t.Errorf("MostMissed = %v, %v; want %v, %v", p, ok, tt.most, tt.missed)
			}
		})
	}
}

func make28(c byte) []byte {
	b := make([]byte, 28)
	for i := range b {
		b[i] = c
	}
	return b
}
