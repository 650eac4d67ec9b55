package coach

import (
	"fmt"
	"math"
	"slices"
	"unicode/utf8"
)

// FieldError says which field of a record is wrong and what is allowed.
type FieldError struct {
	Field string // e.g. "workouts[0].minutes", "morning.fatigue", "note"
	Msg   string // e.g. "0 is out of range; allowed 1 to 600"
	// Range is set when the value is outside its range, so that a caller
	// can word that in its own terms (the command line names its flag).
	Range *Range
}

// Range is a value outside its range and the range's ends, as written:
// {"0", "1", "600"}.
type Range struct {
	Value, Min, Max string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

func rangeErr(field string, got any, lo, hi any) *FieldError {
	return &FieldError{
		Field: field,
		Msg:   fmt.Sprintf("%v is out of range; allowed %v to %v", got, lo, hi),
		Range: &Range{Value: fmt.Sprint(got), Min: fmt.Sprint(lo), Max: fmt.Sprint(hi)},
	}
}

// ValidateWorkout checks one workout; field names start with prefix.
func ValidateWorkout(w Workout, prefix string) error {
	if !w.Kind.Valid() {
		return &FieldError{Field: prefix + "kind", Msg: fmt.Sprintf("%q is not a workout kind; allowed strength, intervals, endurance, sport, mobility", string(w.Kind))}
	}
	if w.Minutes < MinMinutes || w.Minutes > MaxMinutes {
		return rangeErr(prefix+"minutes", w.Minutes, MinMinutes, MaxMinutes)
	}
	if w.RPE == 0 && w.FromDevice() {
		// A device workout whose effort is not yet given.
	} else if w.RPE < MinRPE || w.RPE > MaxRPE {
		if w.FromDevice() {
			return &FieldError{Field: prefix + "rpe", Msg: fmt.Sprintf("%d is out of range; allowed 1 to 10, or 0 (not yet given) for a workout from a device file", w.RPE)}
		}
		return rangeErr(prefix+"rpe", w.RPE, MinRPE, MaxRPE)
	}
	if err := validateSource(w, prefix); err != nil {
		return err
	}
	for _, hr := range []struct {
		name string
		v    int
	}{{"avg_hr", w.AvgHR}, {"max_hr", w.MaxHR}} {
		if hr.v < 0 || hr.v > MaxHeartRate {
			return rangeErr(prefix+hr.name, hr.v, 0, MaxHeartRate)
		}
	}
	return nil
}

// MaxHeartRate bounds a workout's heart rate (beats per minute; 0 is not
// known).
const MaxHeartRate = 250

// validateSource checks a workout's source and start: a source has a kind
// and an id, all of it bounded UTF-8 text; a start time has a source.
func validateSource(w Workout, prefix string) error {
	if w.Source.IsZero() {
		if !w.Start.IsZero() {
			return &FieldError{Field: prefix + "start", Msg: "a workout typed by hand has no start time"}
		}
		return nil
	}
	for _, f := range []struct {
		name, v string
		max     int
	}{{"source.kind", w.Source.Kind, MaxSourceKind}, {"source.id", w.Source.ID, MaxSourceID}, {"source.file", w.Source.File, MaxSourceFile}} {
		switch {
		case f.v == "" && f.name != "source.file":
			return &FieldError{Field: prefix + f.name, Msg: "is missing"}
		case len(f.v) > f.max:
			return &FieldError{Field: prefix + f.name, Msg: fmt.Sprintf("%d bytes is too long; allowed at most %d", len(f.v), f.max)}
		case !utf8.ValidString(f.v):
			return &FieldError{Field: prefix + f.name, Msg: "is not valid UTF-8 text"}
		}
	}
	if y := w.Start.Year(); !w.Start.IsZero() && (y < 1 || y > 9999) {
		return &FieldError{Field: prefix + "start", Msg: fmt.Sprintf("year %d is out of range; allowed 1 to 9999", y)}
	}
	return nil
}

// ValidateSleepHours checks hours slept: 0 to 16 in half hours.
func ValidateSleepHours(h float64) error {
	if math.IsNaN(h) || h < MinSleepHours || h > MaxSleepHours {
		return rangeErr("morning.sleep_hours", h, 0, 16)
	}
	if h*2 != math.Trunc(h*2) {
		return &FieldError{Field: "morning.sleep_hours", Msg: fmt.Sprintf("%v is not in half hours; use steps of 0.5 from 0 to 16", h)}
	}
	return nil
}

// ValidateMorning checks the morning check: hours slept, and the four
// ratings from 1 to 7, or all 0 when HoursOnly.
func ValidateMorning(m Morning) error {
	if err := ValidateSleepHours(m.SleepHours); err != nil {
		return err
	}
	if m.HoursOnly {
		if m.SleepQuality != 0 || m.Fatigue != 0 || m.Stress != 0 || m.Soreness != 0 {
			return &FieldError{Field: "morning", Msg: "hours slept alone carry no ratings; give all four or none"}
		}
		return nil
	}
	for _, r := range []struct {
		name string
		v    int
	}{{"sleep_quality", m.SleepQuality}, {"fatigue", m.Fatigue}, {"stress", m.Stress}, {"soreness", m.Soreness}} {
		if r.v < MinRating || r.v > MaxRating {
			return rangeErr("morning."+r.name, r.v, MinRating, MaxRating)
		}
	}
	return nil
}

// ValidateNote checks the note: at most 2,000 characters.
func ValidateNote(s string) error {
	if !utf8.ValidString(s) {
		return &FieldError{Field: "note", Msg: "is not valid UTF-8 text"}
	}
	if n := utf8.RuneCountInString(s); n > MaxNoteRunes {
		return &FieldError{Field: "note", Msg: fmt.Sprintf("%d characters is too long; allowed at most %d", n, MaxNoteRunes)}
	}
	return nil
}

// Validate checks every field of d. A day in the middle of its check-in
// (no workout yet, nothing ticked) is valid.
func (d Day) Validate() error {
	if d.Date.IsZero() || d.Date != DateFromNumber(d.Date.Number()) {
		return &FieldError{Field: "date", Msg: fmt.Sprintf("%q is not a calendar date; want YYYY-MM-DD", d.Date.String())}
	}
	for i, w := range d.Workouts {
		if err := ValidateWorkout(w, fmt.Sprintf("workouts[%d].", i)); err != nil {
			return err
		}
	}
	for i, t := range d.Done {
		if _, ok := LookupItem(t.Item); !ok {
			return &FieldError{Field: "done", Msg: fmt.Sprintf("%q is not a checklist item", string(t.Item))}
		}
		if slices.ContainsFunc(d.Done[:i], func(e Tick) bool { return e.Item == t.Item }) {
			return &FieldError{Field: "done", Msg: fmt.Sprintf("%q is ticked twice", string(t.Item))}
		}
	}
	if n := len(d.Workouts) + len(d.Held); len(d.Held) > 0 && n > MaxWorkoutsPerDay {
		return &FieldError{Field: "workouts", Msg: fmt.Sprintf("%d workouts and held workouts; allowed at most %d a day", n, MaxWorkoutsPerDay)}
	}
	for i, h := range d.Held {
		if h.Typed <= 0 {
			return &FieldError{Field: fmt.Sprintf("held[%d].typed", i), Msg: fmt.Sprintf("%d is not a workout id", h.Typed)}
		}
		if !h.Workout.FromDevice() {
			return &FieldError{Field: fmt.Sprintf("held[%d]", i), Msg: "a held workout comes from a device file"}
		}
		if err := ValidateWorkout(h.Workout, fmt.Sprintf("held[%d].", i)); err != nil {
			return err
		}
	}
	if d.Bedtime != nil && (*d.Bedtime < 0 || *d.Bedtime >= 1440) {
		return &FieldError{Field: "bedtime", Msg: "want HH:MM between 00:00 and 23:59"}
	}
	if d.Morning != nil {
		if err := ValidateMorning(*d.Morning); err != nil {
			return err
		}
	}
	return ValidateNote(d.Note)
}

// ValidateEntry checks a day entered by hand (in the app or with
// cooldown log): everything Validate checks, and a date not after today.
func (d Day) ValidateEntry(today Date) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if d.Date.After(today) {
		return &FieldError{Field: "date", Msg: fmt.Sprintf("%s is in the future; allowed up to today, %s", d.Date, today)}
	}
	return nil
}

// Validate checks the settings against their limits.
func (s Settings) Validate() error {
	if s.SleepTargetHours < MinSleepTarget || s.SleepTargetHours > MaxSleepTarget {
		e := rangeErr("sleep_target_hours", s.SleepTargetHours, MinSleepTarget, MaxSleepTarget)
		e.Msg += " in half hours"
		return e
	}
	if s.SleepTargetHours*2 != math.Trunc(s.SleepTargetHours*2) {
		return &FieldError{Field: "sleep_target_hours", Msg: fmt.Sprintf("%v is not in half hours; allowed %v to %v in half hours", s.SleepTargetHours, MinSleepTarget, MaxSleepTarget)}
	}
	if s.DietMinGroups < MinDietGroups || s.DietMinGroups > MaxDietGroups {
		return rangeErr("diet_min_groups", s.DietMinGroups, MinDietGroups, MaxDietGroups)
	}
	if s.DayStartHour < MinDayStartHour || s.DayStartHour > MaxDayStartHour {
		return rangeErr("day_start_hour", s.DayStartHour, MinDayStartHour, MaxDayStartHour)
	}
	return nil
}
