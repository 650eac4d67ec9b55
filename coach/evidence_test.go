package coach

import (
	"slices"
	"strings"
	"testing"
)

// treatmentClaims are phrases that call a food, a stretch or a tool a
// treatment, or repeat a claim the evidence does not support.
var treatmentClaims = []string{
	"calms inflammation", "calm inflammation", "anti-inflammatory", "reduce inflammation",
	"reduces inflammation", "fights inflammation", "inflammation settle", "flush", "heals",
	"cure", "treat", "remedy", "speeds repair", "detox", "leaves micro-tears",
}

// checkNoTreatment fails when text makes a treatment claim.
func checkNoTreatment(t *testing.T, what, text string) {
	t.Helper()
	lower := strings.ToLower(text)
	for _, c := range treatmentClaims {
		if strings.Contains(lower, c) {
			t.Errorf("%s says %q, a treatment claim: %q", what, c, text)
		}
	}
}

func TestItemHintsMakeNoTreatmentClaim(t *testing.T) {
	for _, it := range Items {
		checkNoTreatment(t, "hint of "+string(it.ID), it.Hint)
		if strings.Contains(strings.ToLower(it.Hint), "inflammation") {
			t.Errorf("hint of %s speaks of inflammation: %q", it.ID, it.Hint)
		}
	}
}

// msgBy returns the message with id among Messages, and whether it is.
func msgBy(days []Day, today Date, s Settings, id string) (Message, bool) {
	for _, m := range Messages(days, today, s) {
		if m.ID == id {
			return m, true
		}
	}
	return Message{}, false
}

// weekly returns days with one endurance session (RPE 1, load = minutes)
// at each offset from today.
func weekly(today Date, loads map[int]int) []Day {
	var out []Day
	for off, l := range loads {
		out = append(out, Day{Date: today.AddDays(off), Workouts: []Workout{{ID: 1, Kind: Endurance, Minutes: l, RPE: 1}}})
	}
	SortDays(out)
	return out
}

// steadyThenWeek is four weeks of 300 a week (three sessions of 100),
// then this week's sessions.
func steadyThenWeek(today Date, this ...int) map[int]int {
	m := map[int]int{}
	for w := 0; w < 3; w++ {
		for _, d := range []int{0, 2, 4} {
			m[-27+7*w+d] = 100
		}
	}
	for i, l := range this {
		m[-i] = l
	}
	return m
}

// TestRatioRule: one rule decides whether the ratio has a zone (shown on
// the streak screen) and whether the coach speaks of a rising load or a
// spike; a return after a break or a beginner's first sessions are never a
// spike.
func TestRatioRule(t *testing.T) {
	s := DefaultSettings()
	today := date(t, "2026-11-26")
	long := steadyThenWeek(today) // history long before, too
	long[-60] = 100
	breakReturn := map[int]int{-60: 300, -50: 300, -40: 300, -30: 300, -29: 300, -28: 300, -6: 300, -3: 300, 0: 300}
	tests := []struct {
		name      string
		loads     map[int]int
		hasZone   bool
		zone      Zone
		has       []string
		hasNot    []string
		hasChron  bool
		chronic   float64
		hasRatio  bool
		wantRatio float64 // checked when hasRatio
	}{
		{name: "beginner's first two easy sessions", loads: map[int]int{-1: 90, 0: 90},
			hasNot: []string{"load-spike", "load-rising", "load-build-up"}},
		{name: "beginner's first session 27 days ago, second today", loads: map[int]int{-27: 90, 0: 90},
			hasChron: true, chronic: 45, hasRatio: true, wantRatio: 2, has: []string{"load-build-up"}, hasNot: []string{"load-spike", "load-rising"}},
		{name: "return after a three-week break", loads: breakReturn,
			hasChron: true, chronic: 225, hasRatio: true, wantRatio: 4, has: []string{"load-build-up"}, hasNot: []string{"load-spike", "load-rising"}},
		{name: "steady weeks, same again", loads: steadyThenWeek(today, 100, 100, 100),
			hasChron: true, chronic: 300, hasRatio: true, wantRatio: 1, hasZone: true, zone: ZoneSteady,
			hasNot: []string{"load-spike", "load-rising", "load-build-up"}},
		{name: "steady weeks, then a spike", loads: steadyThenWeek(today, 300, 300, 300),
			hasChron: true, chronic: 450, hasRatio: true, wantRatio: 2, hasZone: true, zone: ZoneSpike,
			has: []string{"load-spike", "load-rising"}, hasNot: []string{"load-build-up"}},
		{name: "steady weeks, then rising", loads: steadyThenWeek(today, 160, 160, 160),
			hasChron: true, chronic: 345, hasRatio: true, wantRatio: 480.0 / 345, hasZone: true, zone: ZoneRising,
			has: []string{"load-rising"}, hasNot: []string{"load-spike", "load-build-up"}},
		{name: "one week too light for a zone", loads: map[int]int{-27: 100, -20: 99, -13: 100, 0: 300},
			hasChron: true, chronic: 599.0 / 4, hasRatio: true, wantRatio: 300 / (599.0 / 4), has: []string{"load-build-up"}, hasNot: []string{"load-spike"}},
		{name: "long history, nothing in 28 days", loads: map[int]int{-40: 100},
			hasChron: true, chronic: 0, hasNot: []string{"load-spike", "load-build-up"}},
		{name: "long history, a quiet week", loads: long,
			hasChron: true, chronic: 225, hasRatio: true, wantRatio: 0, hasZone: true, zone: ZoneLow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days := weekly(today, tt.loads)
			l := Loads(days, today)
			if l.HasChronic != tt.hasChron || l.HasRatio != tt.hasRatio || l.HasZone != tt.hasZone || l.Zone != tt.zone {
				t.Errorf("Loads = %+v, want chronic %v ratio %v zone %v %v", l, tt.hasChron, tt.hasRatio, tt.hasZone, tt.zone)
			}
			if tt.hasChron && l.Chronic != tt.chronic {
				t.Errorf("Chronic = %v, want %v", l.Chronic, tt.chronic)
			}
			if tt.hasRatio && l.Ratio != tt.wantRatio {
				t.Errorf("Ratio = %v, want %v", l.Ratio, tt.wantRatio)
			}
			ms := Messages(days, today, s)
			ids := msgIDs(ms)
			for _, id := range tt.has {
				if !slices.Contains(ids, id) {
					t.Errorf("Messages = %v, want %q", ids, id)
				}
			}
			for _, id := range tt.hasNot {
				if slices.Contains(ids, id) {
					t.Errorf("Messages = %v, want no %q", ids, id)
				}
			}
			for _, m := range ms {
				if strings.Contains(m.Text, "spike") && !l.HasZone {
					t.Errorf("message %q speaks of a spike without a zone: %q", m.ID, m.Text)
				}
				if strings.HasPrefix(m.ID, "load-") && m.Section != SectionNumbers {
					t.Errorf("message %q links %q, want %q", m.ID, m.Section, SectionNumbers)
				}
			}
			raised := SleepAdvice(days, today, s).Raised
			if want := tt.hasZone && l.Ratio > RatioRising; raised != want {
				t.Errorf("SleepAdvice raised = %v, want %v (the same rule)", raised, want)
			}
		})
	}
}

// TestSorenessWarning: the same-day warning signs follow soreness 7 (the
// maximum) or soreness rising over three mornings in a row, in a calm "if
// you also notice" form that links the clinician section.
func TestSorenessWarning(t *testing.T) {
	s := DefaultSettings()
	today := date(t, "2026-11-26")
	// mornings puts morning answers with the given soreness on the days
	// before today, oldest first, the last one yesterday.
	mornings := func(sore ...int) []Day {
		var out []Day
		for i, n := range sore {
			d := mkDay(today.AddDays(i-len(sore)), 'C')
			d.Morning.Soreness = n
			out = append(out, d)
		}
		return out
	}
	tests := []struct {
		name string
		days []Day
		want bool
	}{
		{"soreness 7 yesterday", mornings(2, 2, 7), true},
		{"soreness 7 alone", mornings(7), true},
		{"rising 2, 4, 6", mornings(2, 4, 6), true},
		{"rising 1, 2, 3", mornings(1, 2, 3), true},
		{"soreness 6 once", mornings(2, 2, 6), false},
		{"flat 5, 5, 5", mornings(5, 5, 5), false},
		{"falling 6, 4, 2", mornings(6, 4, 2), false},
		{"rise then level 2, 4, 4", mornings(2, 4, 4), false},
		{"two mornings rising", mornings(2, 5), false},
		{"soreness 7 five days ago is old news", append(mornings(7, 2, 2, 2, 2)[:1], mkDay(today, 'P')), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, got := msgBy(tt.days, today, s, "soreness-warning")
			if got != tt.want {
				t.Fatalf("soreness-warning given = %v, want %v (%v)", got, tt.want, msgIDs(Messages(tt.days, today, s)))
			}
			if !got {
				return
			}
			if m.Section != SectionAbout || !strings.Contains(m.Text, "If you also notice") || !strings.Contains(m.Text, "urine") {
				t.Errorf("soreness-warning = %+v, want the same-day signs (urine) as \"If you also notice\", linking about", m)
			}
			if strings.Contains(tt.name, "7") && !strings.Contains(m.Text, "normal after unaccustomed work") {
				t.Errorf("soreness-warning at 7 = %q, want it to say that is normal after unaccustomed work", m.Text)
			}
			checkMessage(t, m)
		})
	}
}

// TestMessageWords checks the words of the messages the evidence review
// changed.
func TestMessageWords(t *testing.T) {
	s := DefaultSettings()
	today := date(t, "2026-11-26")
	hardDay := func(items ...Item) []Day {
		d := Day{Date: today, Workouts: []Workout{{ID: 1, Kind: Strength, Minutes: 50, RPE: 8}}}
		for _, it := range items {
			d.SetDone(it, true, doneAt)
		}
		return []Day{d}
	}
	rough := mkDay(today.AddDays(-1), 'C')
	rough.Morning = &Morning{SleepHours: 8, SleepQuality: 5, Fatigue: 6, Stress: 5, Soreness: 5}
	tests := []struct {
		name    string
		days    []Day
		id      string
		want    []string
		wantNot []string
	}{
		{"hard session", hardDay(), "hard-session",
			[]string{"easy movement", "protein", "good night", "Massage or foam rolling too, if they help you feel better"}, []string{"stretch"}},
		{"hard session after a massage", hardDay(Massage), "hard-session",
			[]string{"easy movement", "protein"}, []string{"assage", "foam"}},
		{"hard session after foam rolling", hardDay(FoamRolling, Stretching), "hard-session",
			[]string{"protein"}, []string{"assage", "foam", "stretch"}},
		{"Hooper", []Day{rough}, "hooper-high",
			[]string{"recovery", "falling behind", "sleep", "stress", "fatigue", "soreness"}, []string{"inflammation"}},
		{"diet today names what is not eaten yet", hardDay(Berries, FattyFish), "today-diet",
			[]string{"leafy greens", "nuts and seeds", "turmeric"}, []string{"berries", "fatty fish"}},
		{"diet today, nothing eaten", hardDay(), "today-diet",
			[]string{"3 more food groups", "fatty fish, berries or leafy greens"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := msgBy(tt.days, today, s, tt.id)
			if !ok {
				t.Fatalf("no %q among %v", tt.id, msgIDs(Messages(tt.days, today, s)))
			}
			for _, w := range tt.want {
				if !strings.Contains(m.Text, w) {
					t.Errorf("%s = %q, want it to contain %q", tt.id, m.Text, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(m.Text, w) {
					t.Errorf("%s = %q, want no %q", tt.id, m.Text, w)
				}
			}
			checkMessage(t, m)
		})
	}
}

// TestMessageCatalog: every message id has one case that gives it, with
// the section the catalog names; every catalog entry is reached, and the
// ids are unique.
func TestMessageCatalog(t *testing.T) {
	s := DefaultSettings()
	const today = "2026-11-26"
	td := date(t, today)
	withMorning := func(days []Day, m Morning) []Day {
		days[len(days)-1].Morning = &m
		return days
	}
	hard := history(t, today, "CX")
	hard[1].Workouts = []Workout{{ID: 1, Kind: Intervals, Minutes: 30, RPE: 8}}
	cases := map[string][]Day{
		"welcome":              nil,
		"soreness-warning":     withMorning(history(t, "2026-11-25", "C"), Morning{SleepHours: 8, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 7}),
		"soreness-persistent":  history(t, today, "SSS-"),
		"load-spike":           weekly(td, steadyThenWeek(td, 300, 300, 300)),
		"load-build-up":        weekly(td, map[int]int{-27: 90, 0: 90}),
		"hooper-high":          withMorning(history(t, "2026-11-25", "C"), Morning{SleepHours: 8, SleepQuality: 5, Fatigue: 5, Stress: 5, Soreness: 5}),
		"soreness-high":        withMorning(history(t, "2026-11-25", "C"), Morning{SleepHours: 8, SleepQuality: 1, Fatigue: 1, Stress: 1, Soreness: 6}),
		"hard-session":         hard,
		"load-rising":          weekly(td, steadyThenWeek(td, 160, 160, 160)),
		"sleep-after-hard-day": hard,
		"short-sleep":          history(t, today, "CSS-"),
		"today-blood-flow":     weekly(td, map[int]int{0: 30}),
		"today-diet":           hard,
		"today-pending":        history(t, today, "CCP"),
		"new-longest":          history(t, today, "CCXCCC-"),
		"comeback":             history(t, today, "CX----------"),
		"diet-most-missed":     history(t, today, "XCXCXC-"),
		"blood-flow-most-missed": func() []Day {
			d := history(t, today, "CCCC-")
			d[1].SetDone(Stretching, false, doneAt)
			d[3].SetDone(Stretching, false, doneAt)
			return d
		}(),
		"sleep-most-missed": history(t, today, "SXSCS---"),
		"steady":            history(t, today, "CCCC-XCC"),
	}
	// Make the soreness-persistent case rough on soreness.
	for i := range cases["soreness-persistent"] {
		cases["soreness-persistent"][i].Morning.Soreness = 6
	}
	seen := map[string]bool{}
	for _, info := range MessageCatalog {
		t.Run(info.ID, func(t *testing.T) {
			if seen[info.ID] {
				t.Fatalf("id %q is twice in the catalog", info.ID)
			}
			seen[info.ID] = true
			if !slices.Contains(SectionIDs, info.Section) || info.Trigger == "" {
				t.Errorf("catalog %+v: want a known section and a trigger", info)
			}
			days, ok := cases[info.ID]
			if !ok {
				t.Fatalf("no case gives %q", info.ID)
			}
			var m Message
			if info.ID == "steady" {
				m = Advise(days, td, s)
			} else {
				m, ok = msgBy(days, td, s, info.ID)
			}
			if !ok || m.ID != info.ID {
				t.Fatalf("case for %q gives %v", info.ID, msgIDs(Messages(days, td, s)))
			}
			if m.Section != info.Section {
				t.Errorf("%s links %q, want %q", m.ID, m.Section, info.Section)
			}
			checkMessage(t, m)
		})
	}
	for id := range cases {
		if !seen[id] {
			t.Errorf("case %q is not in the catalog", id)
		}
	}
}
