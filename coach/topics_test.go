package coach_test

import (
	"strings"
	"testing"

	"cooldown/coach"
	"cooldown/content"
)

// TestMessageSectionsDiscussTheirTopic: each coach message links a guide
// section that discusses what the message is about, one row per message
// id (terms are matched case-insensitively in the section's text).
func TestMessageSectionsDiscussTheirTopic(t *testing.T) {
	topics := map[string]struct {
		section string
		terms   []string
	}{
		"welcome":                {coach.SectionOverview, []string{"inflammation"}},
		"soreness-warning":       {coach.SectionAbout, []string{"urine", "swelling"}},
		"soreness-persistent":    {coach.SectionAbout, []string{"soreness", "clinician"}},
		"load-spike":             {coach.SectionNumbers, []string{"load", "ratio", "spike"}},
		"load-build-up":          {coach.SectionNumbers, []string{"load", "ratio", "28 days"}},
		"hooper-high":            {coach.SectionNumbers, []string{"Hooper"}},
		"soreness-high":          {coach.SectionTwoSides, []string{"soreness"}},
		"hard-session":           {coach.SectionMicroTears, []string{"tears"}},
		"load-rising":            {coach.SectionNumbers, []string{"load", "ratio"}},
		"sleep-after-hard-day":   {coach.SectionSleep, []string{"sleep", "repair"}},
		"short-sleep":            {coach.SectionSleep, []string{"sleep", "7 hours"}},
		"today-blood-flow":       {coach.SectionBloodFlow, []string{"massage", "foam rolling"}},
		"today-diet":             {coach.SectionDiet, []string{"food", "berries"}},
		"today-pending":          {coach.SectionSleep, []string{"sleep"}},
		"new-longest":            {coach.SectionTogether, []string{"habit"}},
		"comeback":               {coach.SectionTogether, []string{"habit"}},
		"diet-most-missed":       {coach.SectionDiet, []string{"food"}},
		"blood-flow-most-missed": {coach.SectionBloodFlow, []string{"massage", "stretching"}},
		"sleep-most-missed":      {coach.SectionSleep, []string{"sleep", "bedtime"}},
		"steady":                 {coach.SectionTogether, []string{"sleep", "blood flow", "diet"}},
	}
	for _, m := range coach.MessageCatalog {
		t.Run(m.ID, func(t *testing.T) {
			want, ok := topics[m.ID]
			if !ok {
				t.Fatalf("message %q has no row: add its section and topic terms", m.ID)
			}
			if m.Section != want.section {
				t.Errorf("message %q links %q, want %q", m.ID, m.Section, want.section)
			}
			sec, ok := content.Lookup(m.Section)
			if !ok {
				t.Fatalf("message %q links %q, which is not a guide section", m.ID, m.Section)
			}
			text := strings.ToLower(strings.Join(strings.Fields(sec.Markdown), " "))
			for _, term := range want.terms {
				if !strings.Contains(text, strings.ToLower(term)) {
					t.Errorf("section %q does not discuss %q, the topic of message %q", m.Section, term, m.ID)
				}
			}
		})
	}
	if len(topics) != len(coach.MessageCatalog) {
		t.Errorf("%d topic rows for %d messages", len(topics), len(coach.MessageCatalog))
	}
}
