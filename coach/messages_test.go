package coach

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// msgIDs returns the ids of ms in order.
func msgIDs(ms []Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func TestMessages(t *testing.T) {
	const today = "2026-11-26"
	td := func() Date { return date(t, today) }
	s := DefaultSettings()
	// build returns the pattern history with edit applied to the day at
	// offset off from today (0 today, -1 yesterday ...).
	build := func(pattern string, edits map[int]func(*Day)) []Day {
		days := history(t, today, pattern)
		for off, edit := range edits {
			for i := range days {
				if days[i].Date == td().AddDays(off) {
					edit(&days[i])
				}
			}
		}
		return days
	}
	sore := func(n int) func(*Day) {
		return func(d *Day) { d.Morning = &Morning{SleepHours: 8, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: n} }
	}
	hard := func(d *Day) { d.Workouts = []Workout{{Kind: Strength, Minutes: 50, RPE: 8}} }
	// spiky: 28 days of history, then a week at 4 times the load.
	spiky := func() []Day {
		days := history(t, today, strings.Repeat("C", 28))
		for i := len(days) - 7; i < len(days); i++ {
			days[i].Workouts = []Workout{{Kind: Endurance, Minutes: 180, RPE: 5}}
		}
		return days
	}
	rising := func() []Day {
		// 50 a day for 21 days, then 80 a day: ratio 2240/1610 = 1.39,
		// with no day hard enough to raise the sleep advice by itself.
		days := history(t, today, strings.Repeat("C", 28))
		for i := range days {
			days[i].Workouts = []Workout{{Kind: Endurance, Minutes: 10, RPE: 5}}
			if i >= 21 {
				days[i].Workouts[0].Minutes = 16
			}
		}
		return days
	}
	tests := []struct {
		name    string
		days    []Day
		first   string   // the id Advise must return
		has     []string // ids that must be among Messages
		hasNot  []string
		section string // section of has[0]
	}{
		{name: "no history", days: nil, first: "welcome", section: SectionOverview},
		{name: "only future days", days: history(t, "2026-11-30", "CC"), first: "welcome"},
		{name: "nothing applies", days: history(t, today, "CCCC-XCC"), first: "steady", hasNot: []string{"new-longest"}},
		{name: "hard session today", days: build("CC", map[int]func(*Day){0: hard}), first: "hard-session", has: []string{"hard-session", "sleep-after-hard-day"}, section: SectionMicroTears},
		{name: "hard session yesterday", days: build("CC-", map[int]func(*Day){-1: hard}), first: "hard-session"},
		{name: "hard session 2 days ago is old news", days: build("CC--", map[int]func(*Day){-2: hard}), hasNot: []string{"hard-session"}},
		{name: "hard session after foam rolling", days: build("C", map[int]func(*Day){0: func(d *Day) {
			hard(d)
			d.SetDone(FoamRolling, true, doneAt)
		}}), has: []string{"hard-session", "sleep-after-hard-day"}},
		{name: "load spike", days: spiky(), first: "load-spike", has: []string{"load-spike", "load-rising"}, section: SectionNumbers},
		{name: "load rising", days: rising(), first: "load-rising", has: []string{"load-rising"}, hasNot: []string{"load-spike"}, section: SectionNumbers},
		{name: "Hooper index high", days: build("CP", map[int]func(*Day){-1: func(d *Day) {
			d.Morning = &Morning{SleepHours: 8, SleepQuality: 5, Fatigue: 6, Stress: 5, Soreness: 5}
		}}), first: "hooper-high", section: SectionNumbers},
		{name: "soreness high", days: build("CP", map[int]func(*Day){-1: sore(6)}), first: "soreness-high", section: SectionTwoSides},
		{name: "soreness severe three mornings", days: build("CCCP", map[int]func(*Day){-1: sore(7), -2: sore(6), -3: sore(7)}),
			first: "soreness-warning", has: []string{"soreness-persistent"}, hasNot: []string{"soreness-high"}, section: SectionAbout},
		{name: "soreness severe two of three mornings", days: build("CCCP", map[int]func(*Day){-1: sore(6), -2: sore(2), -3: sore(6)}),
			first: "soreness-high", hasNot: []string{"soreness-persistent", "soreness-warning"}},
		{name: "short sleep", days: history(t, today, "CSS-"), first: "short-sleep", section: SectionSleep},
		{name: "one short night is fine", days: history(t, today, "CCS-"), hasNot: []string{"short-sleep"}},
		{name: "today missing blood flow and diet", days: build("CC", map[int]func(*Day){0: func(d *Day) { d.Done = nil; d.Morning = nil }}),
			first: "today-blood-flow", has: []string{"today-blood-flow", "today-diet"}, section: SectionBloodFlow},
		{name: "today missing two diet groups", days: build("C", map[int]func(*Day){0: func(d *Day) {
			d.SetDone(Berries, false, doneAt)
			d.SetDone(LeafyGreens, false, doneAt)
			d.Morning = nil
		}}), first: "today-diet", hasNot: []string{"today-blood-flow"}, section: SectionDiet},
		{name: "today pending", days: history(t, today, "CCP"), first: "today-pending", section: SectionSleep},
		{name: "new longest streak", days: history(t, today, "CCXCCC-"), first: "new-longest", section: SectionTogether},
		{name: "equal to the longest is not new", days: history(t, today, "CCCXCCC-"), hasNot: []string{"new-longest"}},
		{name: "first run of 2 is too short to celebrate", days: history(t, today, "CC-"), hasNot: []string{"new-longest"}},
		{name: "comeback after 10 days", days: history(t, today, "CX----------"), first: "comeback", section: SectionTogether},
		{name: "9 days is no comeback", days: history(t, today, "CX---------"), hasNot: []string{"comeback"}},
		{name: "diet missed most", days: history(t, today, "XCXCXC-"), first: "diet-most-missed", section: SectionDiet},
		{name: "blood flow missed most", days: build("CCCC-", map[int]func(*Day){-1: func(d *Day) { d.SetDone(Stretching, false, doneAt) }, -3: func(d *Day) { d.SetDone(Stretching, false, doneAt) }}),
			first: "blood-flow-most-missed", section: SectionBloodFlow},
		{name: "sleep missed most", days: history(t, today, "SXSCS---"), has: []string{"sleep-most-missed"}, hasNot: []string{"diet-most-missed"}},
		{name: "missed once is not named", days: history(t, today, "XCC-"), hasNot: []string{"diet-most-missed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Messages(tt.days, td(), s)
			ids := msgIDs(ms)
			if tt.first != "" {
				if got := Advise(tt.days, td(), s).ID; got != tt.first {
					t.Errorf("Advise = %q, want %q (all: %v)", got, tt.first, ids)
				}
			}
			for _, id := range tt.has {
				if !slices.Contains(ids, id) {
					t.Errorf("Messages = %v, want %q among them", ids, id)
				}
			}
			for _, id := range tt.hasNot {
				if slices.Contains(ids, id) {
					t.Errorf("Messages = %v, want no %q", ids, id)
				}
			}
			if tt.section != "" {
				if got := Advise(tt.days, td(), s).Section; got != tt.section {
					t.Errorf("Advise section = %q, want %q", got, tt.section)
				}
			}
			for _, m := range append(ms, Advise(tt.days, td(), s)) {
				checkMessage(t, m)
			}
		})
	}
}

// checkMessage checks the form every message must have.
func checkMessage(t *testing.T, m Message) {
	t.Helper()
	if !slices.Contains(SectionIDs, m.Section) {
		t.Errorf("message %q: section %q is not a guide section id", m.ID, m.Section)
	}
	if n := utf8.RuneCountInString(m.Text); n == 0 || n > 160 {
		t.Errorf("message %q is %d characters, want 1 to 160: %q", m.ID, n, m.Text)
	}
	if strings.Contains(m.Text, "!") || m.ID == "" {
		t.Errorf("message %q: want an id and no exclamation marks: %q", m.ID, m.Text)
	}
	lower := strings.ToLower(m.Text)
	for _, w := range []string{"diagnos", "injur", "danger"} {
		if strings.Contains(lower, w) {
			t.Errorf("message %q says %q; present load as a trend, not a diagnosis", m.ID, w)
		}
	}
	checkNoTreatment(t, "message "+m.ID, m.Text)
}

func TestMessagesDistinct(t *testing.T) {
	// Every id used in TestMessages, at least eight distinct, each tied to
	// a section; the load messages call themselves a trend to watch.
	days := history(t, "2026-11-26", strings.Repeat("C", 28))
	for i := len(days) - 7; i < len(days); i++ {
		days[i].Workouts = []Workout{{Kind: Endurance, Minutes: 180, RPE: 5}}
	}
	for _, m := range Messages(days, date(t, "2026-11-26"), DefaultSettings()) {
		if (m.ID == "load-spike" || m.ID == "load-rising") && !strings.Contains(m.Text, "to watch") {
			t.Errorf("message %q does not present the load as a trend to watch: %q", m.ID, m.Text)
		}
	}
}

func TestMessagesArePure(t *testing.T) {
	s := DefaultSettings()
	days := history(t, "2026-11-26", "SXSCS-XCCPC")
	before := make([]Day, len(days))
	for i := range days {
		before[i] = days[i].Clone()
	}
	a := Messages(days, date(t, "2026-11-26"), s)
	b := Messages(days, date(t, "2026-11-26"), s)
	if !slices.Equal(a, b) {
		t.Errorf("Messages differ between calls: %v and %v", a, b)
	}
	for i := range days {
		if days[i].Status(s) != before[i].Status(s) || days[i].Date != before[i].Date {
			t.Fatalf("Messages changed day %v", days[i].Date)
		}
	}
}
