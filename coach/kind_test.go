package coach

import (
	"strings"
	"testing"
)

func TestKindWords(t *testing.T) {
	tests := []struct {
		k           Kind
		label, noun string
	}{
		{Strength, "Strength", "strength"},
		{Intervals, "Intervals / HIIT", "intervals / HIIT"},
		{Endurance, "Endurance", "endurance"},
		{Sport, "Sport", "sport"},
		{Mobility, "Mobility / easy", "mobility / easy"},
	}
	if len(tests) != len(Kinds) {
		t.Fatalf("the table has %d kinds, Kinds has %d", len(tests), len(Kinds))
	}
	for _, tt := range tests {
		if got := tt.k.Label(); got != tt.label {
			t.Errorf("%s.Label() = %q, want %q", tt.k, got, tt.label)
		}
		if got := tt.k.Noun(); got != tt.noun {
			t.Errorf("%s.Noun() = %q, want %q", tt.k, got, tt.noun)
		}
	}
}

// TestHIITInCapitals: the abbreviation is never written in lower case.
func TestHIITInCapitals(t *testing.T) {
	for _, k := range Kinds {
		for _, s := range []string{k.Label(), k.Noun()} {
			if strings.Contains(strings.ToLower(s), "hiit") && !strings.Contains(s, "HIIT") {
				t.Errorf("kind %s reads %q, want HIIT in capitals", k, s)
			}
		}
	}
}
