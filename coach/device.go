package coach

import (
	"fmt"
	"time"
)

// Source says where a device workout came from: the kind of file ("fit",
// "tcx", "strava", "apple-health"), the activity's own id in it, and the
// file it was read from. The zero Source is a workout typed by hand.
type Source struct {
	Kind string
	ID   string
	File string
}

// Limits of a Source's text (bytes).
const (
	MaxSourceKind = 32
	MaxSourceID   = 256
	MaxSourceFile = 1024
)

// IsZero reports whether s is the zero Source (a typed workout).
func (s Source) IsZero() bool { return s == Source{} }

// Same reports whether s and o name the same activity: the same kind and
// id (the file may have moved).
func (s Source) Same(o Source) bool { return s.Kind == o.Kind && s.ID == o.ID }

// StartAt returns t as a Workout's Start holds it: to the second, in a
// fixed zone named by its offset ("+01:00"), so that a start read back
// from the store or an export is the same value.
func StartAt(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	_, off := t.Zone()
	return time.Unix(t.Unix(), 0).In(time.FixedZone(offsetName(off), off))
}

func offsetName(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return fmt.Sprintf("%c%02d:%02d", sign, sec/3600, sec/60%60)
}

// Untracked reports whether d is an untracked training day: it holds
// workouts, all of them from device files, and nothing the person entered
// (no typed workout, tick, bedtime, rated morning or note; hours slept
// from a phone do not count as an answer). An untracked day carries load
// and counts as a training day, but neither adds to nor breaks a streak,
// recovery strength or adherence, like a day the person did not use
// cooldown at all.
func (d Day) Untracked() bool {
	if len(d.Workouts) == 0 || len(d.Done) > 0 || d.Bedtime != nil || d.Note != "" {
		return false
	}
	if d.Morning != nil && d.Morning.Rated() {
		return false
	}
	for _, w := range d.Workouts {
		if !w.FromDevice() {
			return false
		}
	}
	return true
}

// MorningOpen reports whether d's morning check still waits for its
// ratings: no morning yet, or hours slept only.
func (d Day) MorningOpen() bool { return d.Morning == nil || !d.Morning.Rated() }

// EffortQuestion is a device workout whose effort is not yet given, for
// the app to ask ("How hard was the 52-minute run at 07:10?") and answer
// by its date and workout id.
type EffortQuestion struct {
	Date    Date
	Workout Workout
}

// OpenEfforts returns the device workouts without an effort on the days
// of the 7-day window ending today (today-7 to today), newest day first
// and in the day's order; older ones are never asked (their effort can
// still be given from history).
func OpenEfforts(days []Day, today Date) []EffortQuestion {
	days = upTo(days, today)
	var out []EffortQuestion
	from := today.AddDays(-OpenQuestionDays)
	for i := len(days) - 1; i >= 0 && !days[i].Date.Before(from); i-- {
		for _, w := range days[i].Workouts {
			if !w.EffortGiven() {
				out = append(out, EffortQuestion{Date: days[i].Date, Workout: w})
			}
		}
	}
	return out
}

// Held is a device workout held back as possibly the same session as a
// workout typed by hand on its day (Typed is that workout's id).
type Held struct {
	Typed   int
	Workout Workout
}

// SameSessionQuestion is a held device workout, for the app to ask once
// whether it is the typed workout Typed of Date.
type SameSessionQuestion struct {
	Date  Date
	Typed Workout
	Held  Workout
}

// SameSessionQuestions returns every held device workout whose typed
// workout is still there, newest day first. (Unlike efforts, they are not
// limited to 7 days: the answer decides whether a session counts twice.)
func SameSessionQuestions(days []Day, today Date) []SameSessionQuestion {
	days = upTo(days, today)
	var out []SameSessionQuestion
	for i := len(days) - 1; i >= 0; i-- {
		d := &days[i]
		for _, h := range d.Held {
			if j := d.WorkoutIndex(h.Typed); j >= 0 {
				out = append(out, SameSessionQuestion{Date: d.Date, Typed: d.Workouts[j], Held: h.Workout})
			}
		}
	}
	return out
}

// AnswerSame answers the question whether the held device workout of src
// is the typed workout typedID of d. same: the typed workout takes the
// device's source, start and heart rate, and keeps every value the person
// entered (kind, minutes, effort); otherwise the held workout becomes a
// workout of its own (id 0: the store numbers it). Either way the question
// is gone. An error says which is not there.
func (d *Day) AnswerSame(typedID int, src Source, same bool) error {
	h := -1
	for i, x := range d.Held {
		if x.Typed == typedID && x.Workout.Source.Same(src) {
			h = i
		}
	}
	if h < 0 {
		return &FieldError{Field: "held", Msg: fmt.Sprintf("no held workout %s %s for workout %d", src.Kind, src.ID, typedID)}
	}
	held := d.Held[h].Workout
	j := d.WorkoutIndex(typedID)
	if j < 0 && same {
		return &FieldError{Field: "workouts", Msg: fmt.Sprintf("no workout with id %d", typedID)}
	}
	d.Held = append(d.Held[:h:h], d.Held[h+1:]...)
	if len(d.Held) == 0 {
		d.Held = nil
	}
	if same {
		w := &d.Workouts[j]
		w.Source, w.Start = held.Source, held.Start
		if w.AvgHR == 0 && w.MaxHR == 0 {
			w.AvgHR, w.MaxHR = held.AvgHR, held.MaxHR
		}
		return nil
	}
	held.ID = 0
	d.Workouts = append(d.Workouts, held)
	return nil
}

// SetEffort gives the effort of workout id of d (the answer to an
// EffortQuestion, or a correction).
func (d *Day) SetEffort(id, rpe int) error {
	j := d.WorkoutIndex(id)
	if j < 0 {
		return &FieldError{Field: "workouts", Msg: fmt.Sprintf("no workout with id %d", id)}
	}
	if rpe < MinRPE || rpe > MaxRPE {
		return rangeErr(fmt.Sprintf("workouts[%d].rpe", j), rpe, MinRPE, MaxRPE)
	}
	d.Workouts[j].RPE = rpe
	return nil
}

// DropOrphanHeld removes the held workouts whose typed workout d no
// longer holds (the person removed it: the session it may have been is
// gone with it) and returns their sources, to be remembered as deleted.
func (d *Day) DropOrphanHeld() []Source {
	var gone []Source
	kept := d.Held[:0:0]
	for _, h := range d.Held {
		if d.WorkoutIndex(h.Typed) >= 0 {
			kept = append(kept, h)
		} else {
			gone = append(gone, h.Workout.Source)
		}
	}
	if gone == nil {
		return nil
	}
	d.Held = kept
	if len(d.Held) == 0 {
		d.Held = nil
	}
	return gone
}
