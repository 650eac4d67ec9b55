package content

import (
	"strings"
	"testing"
)

// TestCorrectedClaimsStayOut lists, per section, wording of claims that
// the evidence check of issue 17 corrected; none may come back. An empty
// section means every section but sources (whose titles are quoted as
// published). Matching is Search's: case-insensitive,
// runs of white space count as one space.
func TestCorrectedClaimsStayOut(t *testing.T) {
	tests := []struct {
		section string
		phrase  string
		why     string
	}{
		{"", "flush", "massage does not flush waste out of muscle"},
		{"", "did not need to adapt", "soreness is not a scoreboard"},
		{"", "leaves no trace", "soreness is not a scoreboard"},
		{"", "damage you want", "damage is not what builds muscle"},
		{"", "calms inflammation", "no food, stretch or tool is a treatment"},
		{"", "calm inflammation", "no food, stretch or tool is a treatment"},
		{"", "calming inflammation", "no food, stretch or tool is a treatment"},
		{"", "settle inflammation", "no food, stretch or tool is a treatment"},
		{"", "ease the inflammation", "no food, stretch or tool is a treatment"},
		{"", "manage inflammation", "no food, stretch or tool is a treatment"},
		{"", "anti-inflammatory effects", "curcumin in food is not an anti-inflammatory treatment"},
		{"", "feeding inflammation", "cortisol damps inflammation"},
		{"micro-tears", "raw material of progress", "growth follows protein building, not damage"},
		{"micro-tears", "tears are expected", "growth follows protein building, not damage"},
		{"sleep", "anti-inflammatory cytokines", "no evidence that sleep releases them"},
		{"sleep", "calms", "sleep text makes no inflammation claims"},
		{"two-sides", "contribute to myositis", "myositis is a rare, mostly autoimmune disease"},
		{"two-sides", "is what produces it", "DOMS is not simply inflammation"},
		{"two-sides", "narrow", "inflamed vessels widen and leak"},
		{"two-sides", "let less", "inflamed vessels let more through"},
		{"two-sides", "less pass", "inflamed vessels let more through"},
		{"blood-flow", "waste goes out", "massage does not clear waste"},
		{"blood-flow", "clear out waste", "massage does not clear waste"},
		{"blood-flow", "markers of inflammation", "blood-flow habits change how you feel"},
		{"diet", "super food", "food is not medicine"},
		{"diet", "closely tied to calming", "food is not medicine"},
		{"reading-your-numbers", "rest day breaks", "rest days neither add nor break"},
		{"reading-your-numbers", "resets on a rest day", "rest days neither add nor break"},
		{"reading-your-numbers", "acute inflammation", "acute load is not acute inflammation"},
	}
	for _, tt := range tests {
		var ms []Match
		if tt.section == "" {
			ms = Search(tt.phrase)
		} else {
			if _, ok := Lookup(tt.section); !ok {
				t.Fatalf("section %q missing", tt.section)
			}
			ms = SearchSection(tt.section, tt.phrase)
		}
		for _, m := range ms {
			if tt.section == "" && m.Section == "sources" {
				continue
			}
			t.Errorf("%s line %d: %q is back (%s): %s", m.Section, m.Line, tt.phrase, tt.why, m.Text)
		}
	}
}

// firstParagraph returns the plain text of the first paragraph after the
// heading with the given id in section id.
func firstParagraph(t *testing.T, id, heading string) string {
	t.Helper()
	s, ok := Lookup(id)
	if !ok {
		t.Fatalf("section %q missing", id)
	}
	i := s.HeadingIndex(heading)
	if i < 0 {
		t.Fatalf("section %s has no heading %q", id, heading)
	}
	lines := strings.Split(s.Markdown, "\n")
	var para []string
	for _, l := range lines[s.Headings[i].Line:] {
		if strings.TrimSpace(l) == "" {
			if len(para) > 0 {
				break
			}
			continue
		}
		para = append(para, l)
	}
	return plainText(strings.Join(para, " "))
}

// firstSentence returns the text up to and including the first ". ".
func firstSentence(p string) string {
	if i := strings.Index(p, ". "); i >= 0 {
		return p[:i+1]
	}
	return p
}

// TestSafetyNotesComeFirst checks that the paragraphs of items that carry a
// risk open with it, so that jumping to the item shows the note first.
func TestSafetyNotesComeFirst(t *testing.T) {
	tests := []struct {
		section, heading string
		terms            []string // all must be in the first sentence
	}{
		{"diet", "turmeric", []string{"blood thinner", "turmeric or curcumin pills", "pharmacist or doctor"}},
		{"diet", "leafy-greens", []string{"warfarin", "leafy greens", "same from day to day"}},
		{"blood-flow", "massage", []string{"hot, swollen, painful calf", "fresh injury"}},
		{"blood-flow", "foam-rolling", []string{"hot, swollen, painful calf", "fresh injury"}},
		{"blood-flow", "mobility-tools", []string{"hot, swollen calf", "fresh injuries"}},
		{"blood-flow", "when-to-leave-it-alone", []string{"hot, swollen and painful", "blood clot"}},
	}
	for _, tt := range tests {
		first := strings.ToLower(firstSentence(firstParagraph(t, tt.section, tt.heading)))
		for _, term := range tt.terms {
			if !strings.Contains(first, term) {
				t.Errorf("%s/%s: first sentence %q lacks %q", tt.section, tt.heading, first, term)
			}
		}
	}
	// The blood-flow lead, which a checklist step can show on its own,
	// carries the warning too.
	s, _ := Lookup("blood-flow")
	for _, term := range []string{"hot, swollen, painful calf", "fresh injury"} {
		if !strings.Contains(s.Summary, term) {
			t.Errorf("blood-flow summary %q lacks %q", s.Summary, term)
		}
	}
}

// TestClinicianTiers checks that the clinician section keeps its three
// tiers in order of urgency.
func TestClinicianTiers(t *testing.T) {
	s, ok := Lookup("about")
	if !ok {
		t.Fatal("section about missing")
	}
	last := -1
	for _, id := range []string{"get-help-at-once", "get-help-the-same-day", "soreness-or-injury", "see-a-clinician"} {
		i := s.HeadingIndex(id)
		if i <= last {
			t.Errorf("about: heading %q at index %d, want after %d", id, i, last)
		}
		last = i
	}
}

func TestHeadingID(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Nuts and seeds", "nuts-and-seeds"},
		{"Cause 1: tiny tears in muscle", "cause-1-tiny-tears-in-muscle"},
		{"Soreness or injury?", "soreness-or-injury"},
		{"Cortisol's job", "cortisol-s-job"},
		{"  Extra  virgin -- olive oil ", "extra-virgin-olive-oil"},
		{"Dugué", "dugué"},
		{"?!", ""},
	}
	for _, tt := range tests {
		if got := HeadingID(tt.text); got != tt.want {
			t.Errorf("HeadingID(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestHeadingIDsUnique checks that every heading id is unique within its
// section, duplicates included ("What it means for you" stays unique
// because it appears once per section).
func TestHeadingIDsUnique(t *testing.T) {
	s := parseSection("x", "# T\n\n## A b\n\n## A-b\n\n## A b\n")
	var got []string
	for _, h := range s.Headings {
		got = append(got, h.ID)
	}
	want := []string{"t", "a-b", "a-b-2", "a-b-3"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ids = %v, want %v", got, want)
	}
	for _, sec := range Sections() {
		seen := map[string]bool{}
		for _, h := range sec.Headings {
			if seen[h.ID] {
				t.Errorf("%s: heading id %q twice", sec.ID, h.ID)
			}
			seen[h.ID] = true
		}
		if sec.HeadingIndex("no-such-heading") != -1 {
			t.Errorf("%s: HeadingIndex(no-such-heading) != -1", sec.ID)
		}
	}
}
