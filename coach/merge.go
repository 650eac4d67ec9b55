package coach

import (
	"math"
	"time"
)

// The duplicate rules of a device import (README "Importing device
// files"): two device workouts are one session when they start within
// SameStartWithin and their minutes differ by at most SameMinutesShare of
// the longer; a typed workout (no start time) is possibly that session
// when it has the same kind and its minutes differ by at most
// SameMinutesShare of the longer.
const (
	SameStartWithin  = 2 * time.Minute
	SameMinutesShare = 0.10
)

// MergeResult says what Merge did with a device workout.
type MergeResult int

// The merge results.
const (
	// MergeAdded: a new workout of the day.
	MergeAdded MergeResult = iota
	// MergeAlready: the session is there already (the same source, or
	// another source's record of it); nothing changed.
	MergeAlready
	// MergeHeld: held back (Day.Held) as possibly the same session as a
	// workout typed by hand, for the app to ask.
	MergeHeld
	// MergeDeleted: the person deleted this workout before; it is never
	// imported again.
	MergeDeleted
)

// String names the result as the import reports it.
func (r MergeResult) String() string {
	switch r {
	case MergeAlready:
		return "already there"
	case MergeHeld:
		return "held back"
	case MergeDeleted:
		return "deleted before"
	}
	return "new"
}

// aboutSameMinutes reports whether a and b differ by at most
// SameMinutesShare of the larger.
func aboutSameMinutes(a, b int) bool {
	return math.Abs(float64(a-b)) <= SameMinutesShare*float64(max(a, b))+1e-9
}

// SameSession reports whether device workouts a and b record one session:
// both have a start time, the starts are within SameStartWithin and the
// minutes within SameMinutesShare. The kind is not compared: two services
// may name one sport differently.
func SameSession(a, b Workout) bool {
	if a.Start.IsZero() || b.Start.IsZero() {
		return false
	}
	d := a.Start.Sub(b.Start)
	if d < 0 {
		d = -d
	}
	return d <= SameStartWithin && aboutSameMinutes(a.Minutes, b.Minutes)
}

// MaybeTyped reports whether device workout w may be typed workout t:
// t has no start time (it was typed by hand), the same kind, and about
// the same minutes (SameMinutesShare).
func MaybeTyped(w, t Workout) bool {
	return t.Start.IsZero() && !t.FromDevice() && t.Kind == w.Kind && aboutSameMinutes(w.Minutes, t.Minutes)
}

// Merge offers device workout w to d, the day of its date, and applies
// the duplicate rules in this order:
//
//  1. deleted(w.Source): the person deleted it before: MergeDeleted;
//  2. a workout or held workout of d or of near (the neighbouring days,
//     where a zone difference may have put another record of it) with the
//     same source, or a device workout there that is SameSession:
//     MergeAlready;
//  3. a typed workout of d that MaybeTyped: w is added to d.Held with
//     that workout's id (the first such), MergeHeld;
//  4. otherwise w is appended to d.Workouts with id 0 (the store numbers
//     it): MergeAdded.
//
// Nothing the person entered is changed. deleted may be nil.
func Merge(d *Day, w Workout, near []Day, deleted func(Source) bool) MergeResult {
	if deleted != nil && deleted(w.Source) {
		return MergeDeleted
	}
	for _, day := range append([]Day{*d}, near...) {
		for _, x := range day.Workouts {
			if x.FromDevice() && (x.Source.Same(w.Source) || SameSession(x, w)) {
				return MergeAlready
			}
		}
		for _, h := range day.Held {
			if h.Workout.Source.Same(w.Source) || SameSession(h.Workout, w) {
				return MergeAlready
			}
		}
	}
	for _, t := range d.Workouts {
		if MaybeTyped(w, t) {
			d.Held = append(d.Held, Held{Typed: t.ID, Workout: w})
			return MergeHeld
		}
	}
	w.ID = 0
	d.Workouts = append(d.Workouts, w)
	return MergeAdded
}

// FillSleep sets the hours slept of d's morning from a sleep record
// (asleep time, rounded to half hours, at most MaxSleepHours) when d is a
// training day without a morning: an hours-only morning whose ratings are
// still asked. A morning already there (answered or filled) is never
// changed. It reports whether it filled one.
func FillSleep(d *Day, asleep time.Duration) bool {
	if d.IsRest() || d.Morning != nil || asleep <= 0 {
		return false
	}
	h := math.Round(asleep.Hours()*2) / 2
	if h <= 0 {
		return false
	}
	d.Morning = &Morning{SleepHours: min(h, MaxSleepHours), HoursOnly: true}
	return true
}
