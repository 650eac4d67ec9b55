package main

import "testing"

func TestSyllables(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"the", 1}, {"muscle", 2}, {"make", 1}, {"makes", 1}, {"worked", 1},
		{"needed", 2}, {"inflammation", 4}, {"recovery", 4}, {"sleep", 1},
		{"free", 1}, {"rhythm", 1}, {"cola-coloured", 4}, {"240", 1},
		{"0.25", 2}, {"body's", 2}, {"boxes", 2}, {"a", 1}, {"table", 2},
	}
	for _, tt := range tests {
		if got := syllables(tt.word); got != tt.want {
			t.Errorf("syllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		text string
		want counts
	}{
		{"The cat sat. It ran!", counts{2, 5, 5}},
		{"Aim for 0.25 grams", counts{1, 4, 5}},
		{"", counts{}},
		{"Is it? Yes", counts{2, 3, 3}},
	}
	for _, tt := range tests {
		if got := measure(tt.text); got != tt.want {
			t.Errorf("measure(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func TestPlainUnits(t *testing.T) {
	md := "# Title\n\n*Lead one.*\n*Lead two.*\n\n## H\n\nA para\nline two.\n\n- **One**: item\n- Two\n"
	got := plainUnits(md)
	want := []string{"Lead one. Lead two.", "A para line two.", "One: item", "Two"}
	if len(got) != len(want) {
		t.Fatalf("plainUnits = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("plainUnits[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestGrade(t *testing.T) {
	// 0.39*10 + 11.8*1.5 - 15.59 = 6.01
	c := counts{sentences: 2, words: 20, syllables: 30}
	if g := c.grade(); g < 6.00 || g > 6.02 {
		t.Errorf("grade = %.3f, want 6.01", g)
	}
	if g := (counts{}).grade(); g != 0 {
		t.Errorf("grade of nothing = %v, want 0", g)
	}
}
