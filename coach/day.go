package coach

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Kind is the kind of a workout, as written in files: strength, intervals,
// endurance, sport or mobility.
type Kind string

// The workout kinds.
const (
	Strength  Kind = "strength"
	Intervals Kind = "intervals"
	Endurance Kind = "endurance"
	Sport     Kind = "sport"
	Mobility  Kind = "mobility"
)

// Kinds lists the workout kinds in the order the check-in offers them.
var Kinds = []Kind{Strength, Intervals, Endurance, Sport, Mobility}

// Label returns the kind as a person reads it.
func (k Kind) Label() string {
	switch k {
	case Strength:
		return "Strength"
	case Intervals:
		return "Intervals / HIIT"
	case Endurance:
		return "Endurance"
	case Sport:
		return "Sport"
	case Mobility:
		return "Mobility / easy"
	}
	return string(k)
}

// Noun returns the kind as it reads inside a sentence ("How many minutes
// did the intervals / HIIT session last?"): Label in lower case, except
// the abbreviation HIIT, which stays in capitals.
func (k Kind) Noun() string {
	return strings.ReplaceAll(strings.ToLower(k.Label()), "hiit", "HIIT")
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if v == k {
			return true
		}
	}
	return false
}

// Limits of the values a day holds.
const (
	MinMinutes    = 1
	MaxMinutes    = 600
	MinRPE        = 1
	MaxRPE        = 10
	MinSleepHours = 0.0
	MaxSleepHours = 16.0
	MinRating     = 1
	MaxRating     = 7
	MaxNoteRunes  = 2000
	// MaxWorkoutsPerDay bounds the workouts of one day: the store refuses
	// to write more, and an import refuses a day with more.
	MaxWorkoutsPerDay = 100
)

// Workout is one training session of a day.
type Workout struct {
	// ID names the workout inside its day so that an edit can say which
	// one it changes, never by position. It is internal (not in export
	// version 1): the store gives a workout without one (0) the next free
	// id of its day when it is written.
	ID      int
	Kind    Kind
	Minutes int // 1 to 600
	// RPE is the session effort on the CR-10 scale, 1 to 10. A workout
	// from a device file may hold 0: effort not yet given (EffortGiven).
	RPE int
	// Source is the file a device workout came from; the zero Source is a
	// workout typed by hand.
	Source Source
	// Start is when a device workout started, to the second, in the zone
	// that decided its date (see StartAt); zero for a typed workout.
	Start time.Time
	// AvgHR and MaxHR are the average and maximum heart rate in beats per
	// minute, 0 when not known.
	AvgHR, MaxHR int
}

// Load returns the session load: RPE times minutes (Foster's session-RPE);
// 0 while the effort is not yet given.
func (w Workout) Load() int { return w.RPE * w.Minutes }

// FromDevice reports whether w came from a device file (it has a Source).
func (w Workout) FromDevice() bool { return !w.Source.IsZero() }

// EffortGiven reports whether w has its effort; only a device workout can
// be without one.
func (w Workout) EffortGiven() bool { return w.RPE > 0 }

// WorkoutIndex returns the position of the workout with id in d, or -1
// when d holds none with that id.
func (d Day) WorkoutIndex(id int) int {
	for i, w := range d.Workouts {
		if w.ID == id {
			return i
		}
	}
	return -1
}

// Morning is the check the morning after a training day: hours slept and
// four ratings from 1 (very good) to 7 (very bad).
//
// A morning can hold the hours slept alone (HoursOnly, filled from a
// phone's sleep record) before the ratings are answered: its ratings are
// then 0, the sleep pillar uses the hours, there is no Hooper index, and
// the ratings stay an open question.
type Morning struct {
	SleepHours   float64 // 0 to 16 in half hours
	SleepQuality int
	Fatigue      int
	Stress       int
	Soreness     int
	// HoursOnly marks hours slept without the four ratings (all 0).
	HoursOnly bool
}

// Rated reports whether the four ratings are given.
func (m Morning) Rated() bool { return !m.HoursOnly }

// Hooper returns the Hooper index: the sum of the four ratings, 4 to 28;
// 0 for a morning without its ratings (HoursOnly), which rules that read
// the index leave out (check Rated).
func (m Morning) Hooper() int {
	if m.HoursOnly {
		return 0
	}
	return m.SleepQuality + m.Fatigue + m.Stress + m.Soreness
}

// Clock is a time of day in minutes after midnight, such as a bedtime.
type Clock int

// ParseClock reads a time of day written HH:MM (00:00 to 23:59), two digits
// each.
func ParseClock(s string) (Clock, error) {
	digit := func(i int) int {
		if c := s[i]; c >= '0' && c <= '9' {
			return int(c - '0')
		}
		return -100
	}
	if len(s) == 5 && s[2] == ':' {
		h := digit(0)*10 + digit(1)
		m := digit(3)*10 + digit(4)
		if h >= 0 && h < 24 && m >= 0 && m < 60 {
			return Clock(h*60 + m), nil
		}
	}
	return 0, fmt.Errorf("time %q: want HH:MM between 00:00 and 23:59", s)
}

// String returns the time as HH:MM.
func (c Clock) String() string {
	m := ((int(c) % 1440) + 1440) % 1440
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// Add returns the time of day d later, wrapping past midnight.
func (c Clock) Add(d time.Duration) Clock {
	m := (int(c) + int(d/time.Minute)) % 1440
	if m < 0 {
		m += 1440
	}
	return Clock(m)
}

// Day is the recovery record of one calendar date: a training day when it
// holds a workout, a rest day otherwise (see IsRest). A day in the middle of its check-in is a valid Day: what is not
// yet answered is absent.
type Day struct {
	Date     Date
	Workouts []Workout
	// Done holds the checklist items ticked and when (UTC).
	Done    Ticks
	Bedtime *Clock   // planned bedtime, nil until set
	Morning *Morning // the morning check, nil until answered
	Note    string
	// Held lists device workouts held back because the day holds a typed
	// workout that may be the same session (see Merge): questions for the
	// app, answered with AnswerSame. They are not workouts of the day.
	Held []Held
}

// IsRest reports whether d is a rest day: a date without a workout. It may
// hold ticks, a bedtime, a note or morning answers, but it has no status,
// neither adds to nor breaks a streak, and counts in no training-day rule
// (recovery strength, adherence, most missed, training days, open
// questions) and carries no load.
func (d Day) IsRest() bool { return len(d.Workouts) == 0 }

// Clone returns a deep copy of d, sharing nothing with it.
func (d Day) Clone() Day {
	c := d
	c.Workouts = append([]Workout(nil), d.Workouts...)
	if d.Held != nil {
		c.Held = slices.Clone(d.Held)
	}
	if d.Done != nil {
		c.Done = slices.Clone(d.Done)
	}
	if d.Bedtime != nil {
		b := *d.Bedtime
		c.Bedtime = &b
	}
	if d.Morning != nil {
		m := *d.Morning
		c.Morning = &m
	}
	return c
}

// IsDone reports whether item is ticked on d.
func (d Day) IsDone(item Item) bool {
	return d.Done.Has(item)
}

// SetDone ticks item at the given instant, or unticks it when done is false.
func (d *Day) SetDone(item Item, done bool, at time.Time) {
	if !done {
		d.Done = d.Done.Remove(item)
		return
	}
	d.Done = d.Done.Set(item, at)
}

// DoneItems returns the ticked items in checklist order.
func (d Day) DoneItems() []Item {
	out := make([]Item, 0, len(d.Done))
	for _, it := range Items {
		if d.IsDone(it.ID) {
			out = append(out, it.ID)
		}
	}
	return out
}

// Load returns the day load: the sum of its session loads.
func (d Day) Load() int {
	sum := 0
	for _, w := range d.Workouts {
		sum += w.Load()
	}
	return sum
}

// MaxRPE returns the highest effort of the day's workouts, 0 without any.
func (d Day) MaxRPE() int {
	m := 0
	for _, w := range d.Workouts {
		if w.RPE > m {
			m = w.RPE
		}
	}
	return m
}

// SortDays sorts days by date, oldest first.
func SortDays(days []Day) {
	sort.Slice(days, func(i, j int) bool { return days[i].Date.Before(days[j].Date) })
}
