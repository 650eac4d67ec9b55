package interchange

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"cooldown/coach"
)

// The fields of an import: each day, the settings, and the typed getters
// they use on an object read by readObject (import_json.go).

func parseTime(s, field string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if y := t.UTC().Year(); err == nil && (y < 1 || y > 9999) {
		err = errors.New("out of range")
	}
	if err != nil {
		return time.Time{}, &coach.FieldError{Field: field, Msg: fmt.Sprintf("%q is not an RFC 3339 time such as 2026-11-25T19:02:00Z", s)}
	}
	return t.UTC().Truncate(time.Second), nil
}

func parseSettings(raw json.RawMessage) (coach.Settings, error) {
	if raw == nil {
		return coach.Settings{}, missing("settings")
	}
	prefix := func(err error) error { return fmt.Errorf("settings: %w", err) }
	o, err := readObject(raw, "")
	if err != nil {
		return coach.Settings{}, prefix(err)
	}
	if err := o.only("sleep_target_hours", "diet_min_groups", "day_start_hour"); err != nil {
		return coach.Settings{}, prefix(err)
	}
	var s coach.Settings
	if s.SleepTargetHours, _, err = getNumber(o, "sleep_target_hours", true); err != nil {
		return s, prefix(err)
	}
	if s.DietMinGroups, err = getInt(o, "diet_min_groups", coach.MinDietGroups, coach.MaxDietGroups, true); err != nil {
		return s, prefix(err)
	}
	if s.DayStartHour, err = getInt(o, "day_start_hour", coach.MinDayStartHour, coach.MaxDayStartHour, true); err != nil {
		return s, prefix(err)
	}
	if err := s.Validate(); err != nil {
		return s, prefix(err)
	}
	return s, nil
}

// parseDay reads the i-th day; its errors (*ImportError) name the day by
// its date once it is known, by its position before.
func parseDay(raw json.RawMessage, i int, v1 *v1Check) (coach.Day, error) {
	name := ""
	strict := v1 != nil && v1.known && v1.is // a version 1 file, read as before
	// version2 handles a field of version 2: refused in a version 1 file,
	// kept as the refusal should the version turn out to be 1 when it is
	// not known yet.
	version2 := func(err error) error {
		if strict {
			return err
		}
		if v1 != nil && !v1.known && v1.err == nil {
			v1.err = asImportErr(name, i, "", err)
		}
		return nil
	}
	fail := func(err error) (coach.Day, error) { return coach.Day{}, asImportErr(name, i, "", err) }
	o, err := readObject(raw, "")
	if err != nil {
		var fe *coach.FieldError
		if o != nil && errors.As(err, &fe) && fe.Field != "date" {
			_ = getString(o, "date", &name, true) // name the day when it can
		}
		return fail(err)
	}
	var ds string
	if err := getString(o, "date", &ds, true); err != nil {
		return fail(err)
	}
	date, err := coach.ParseDate(ds)
	if err == nil && date.String() != ds {
		err = errors.New("not written YYYY-MM-DD")
	}
	if err == nil && (date.Year < 1 || date.Year > 9999) {
		err = errors.New("year out of range") // the store keys years 1 to 9999
	}
	if err != nil {
		return fail(&coach.FieldError{Field: "date", Msg: fmt.Sprintf("%q is not a calendar date written YYYY-MM-DD", ds)})
	}
	name = ds
	if !utf8.Valid(raw) {
		return fail(&coach.FieldError{Field: badUTF8Field("", raw), Msg: "is not valid UTF-8"})
	}
	d := coach.Day{Date: date}
	if err := o.only("date", "workouts", "done", "bedtime", "morning", "note"); err != nil {
		return fail(err)
	}

	var ws []json.RawMessage
	if err := getValue(o, "workouts", &ws, "a list of workouts", false); err != nil {
		return fail(err)
	}
	if len(ws) > coach.MaxWorkoutsPerDay {
		return fail(&coach.FieldError{Field: "workouts", Msg: fmt.Sprintf("%d workouts; allowed at most %d a day", len(ws), coach.MaxWorkoutsPerDay)})
	}
	for j, rw := range ws {
		field := fmt.Sprintf("workouts[%d]", j)
		wo, err := readObject(rw, field)
		if err != nil {
			return fail(err)
		}
		if err := wo.only("kind", "minutes", "rpe"); err != nil {
			if err := version2(subField(field, err)); err != nil {
				return fail(err)
			}
		}
		if err := wo.only("id", "kind", "minutes", "rpe", "source", "start", "avg_hr", "max_hr"); err != nil {
			return fail(subField(field, err))
		}
		var w coach.Workout
		var kind string
		if err := getString(wo, "kind", &kind, true); err != nil {
			return fail(subField(field, err))
		}
		w.Kind = coach.Kind(kind)
		if err := coach.ValidateWorkout(coach.Workout{Kind: w.Kind, Minutes: coach.MinMinutes, RPE: coach.MinRPE}, field+"."); err != nil {
			return fail(err)
		}
		if w.Minutes, err = getInt(wo, "minutes", coach.MinMinutes, coach.MaxMinutes, true); err != nil {
			return fail(subField(field, err))
		}
		_, hasRPE := wo["rpe"]
		if hasRPE && isNull(wo["rpe"]) {
			hasRPE = false
		}
		if !hasRPE {
			if err := version2(subField(field, missing("rpe"))); err != nil {
				return fail(err)
			}
		}
		if w.RPE, err = getOptInt(wo, "rpe", coach.MinRPE, coach.MaxRPE); err != nil {
			return fail(subField(field, err))
		}
		if err := parseDevice(wo, &w); err != nil {
			return fail(subField(field, err))
		}
		if !hasRPE && w.Source.IsZero() {
			return fail(subField(field, &coach.FieldError{Field: "rpe", Msg: "is missing; only a workout from a device file may be without its effort"}))
		}
		if w.ID != 0 && d.WorkoutIndex(w.ID) >= 0 {
			return fail(subField(field, &coach.FieldError{Field: "id", Msg: fmt.Sprintf("%d is given twice in the day", w.ID)}))
		}
		d.Workouts = append(d.Workouts, w)
	}

	if raw, ok := o["done"]; ok && !isNull(raw) {
		done, err := readObject(raw, "done")
		if err != nil {
			return fail(err)
		}
		ids := make([]string, 0, len(done))
		for id := range done {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			field := fmt.Sprintf("done[%q]", id)
			if _, ok := coach.LookupItem(coach.Item(id)); !ok {
				return fail(&coach.FieldError{Field: field, Msg: fmt.Sprintf("%q is not a checklist item; allowed %s", id, itemList())})
			}
			var s string
			if err := getString(done, id, &s, true); err != nil {
				return fail(subField("done", err))
			}
			t, err := parseTime(s, field)
			if err != nil {
				return fail(err)
			}
			d.SetDone(coach.Item(id), true, t)
		}
	}

	var bed string
	if err := getString(o, "bedtime", &bed, false); err != nil {
		return fail(err)
	}
	if _, ok := o["bedtime"]; ok && !isNull(o["bedtime"]) {
		c, err := coach.ParseClock(bed)
		if err != nil {
			return fail(&coach.FieldError{Field: "bedtime", Msg: fmt.Sprintf("%q: want HH:MM between 00:00 and 23:59", bed)})
		}
		d.Bedtime = &c
	}

	if raw, ok := o["morning"]; ok && !isNull(raw) {
		mo, err := readObject(raw, "morning")
		if err != nil {
			return fail(err)
		}
		if err := mo.only("sleep_hours", "sleep_quality", "fatigue", "stress", "soreness"); err != nil {
			return fail(subField("morning", err))
		}
		var m coach.Morning
		if m.SleepHours, _, err = getNumber(mo, "sleep_hours", true); err != nil {
			return fail(subField("morning", err))
		}
		if len(mo) == 1 {
			// Hours slept alone (version 2): the ratings not yet answered.
			if err := version2(subField("morning", missing("sleep_quality"))); err != nil {
				return fail(err)
			}
			m.HoursOnly = true
			d.Morning = &m
			goto note
		}
		for _, r := range []struct {
			name string
			v    *int
		}{{"sleep_quality", &m.SleepQuality}, {"fatigue", &m.Fatigue}, {"stress", &m.Stress}, {"soreness", &m.Soreness}} {
			if *r.v, err = getInt(mo, r.name, coach.MinRating, coach.MaxRating, true); err != nil {
				return fail(subField("morning", err))
			}
		}
		d.Morning = &m
	}

note:
	if err := getString(o, "note", &d.Note, false); err != nil {
		return fail(err)
	}
	if err := d.Validate(); err != nil {
		return fail(err)
	}
	return d, nil
}

// subField puts prefix in front of the field a FieldError names.
func subField(prefix string, err error) error {
	var fe *coach.FieldError
	if errors.As(err, &fe) {
		return &coach.FieldError{Field: prefix + "." + fe.Field, Msg: fe.Msg}
	}
	return fmt.Errorf("%s: %w", prefix, err)
}

func itemList() string {
	ids := make([]string, len(coach.Items))
	for i, it := range coach.Items {
		ids[i] = string(it.ID)
	}
	return strings.Join(ids, ", ")
}

// only refuses fields other than allowed.
func (o object) only(allowed ...string) error {
	var unknown []string
	for k := range o {
		found := false
		for _, a := range allowed {
			found = found || k == a
		}
		if !found {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	return &coach.FieldError{Field: unknown[0], Msg: "unknown field; allowed " + strings.Join(allowed, ", ")}
}

func isNull(raw json.RawMessage) bool { return string(raw) == "null" }

func missing(field string) error { return &coach.FieldError{Field: field, Msg: "is missing"} }

func getValue(o object, field string, v any, want string, required bool) error {
	raw, ok := o[field]
	if !ok || isNull(raw) {
		if required {
			return missing(field)
		}
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return &coach.FieldError{Field: field, Msg: fmt.Sprintf("%s is not %s", raw, want)}
	}
	return nil
}

func getString(o object, field string, s *string, required bool) error {
	return getValue(o, field, s, "a string", required)
}

func getNumber(o object, field string, required bool) (float64, bool, error) {
	raw, ok := o[field]
	if !ok || isNull(raw) {
		if required {
			return 0, false, missing(field)
		}
		return 0, false, nil
	}
	var f float64
	if err := json.Unmarshal(raw, &f); err != nil {
		return 0, false, &coach.FieldError{Field: field, Msg: fmt.Sprintf("%s is not a number", raw)}
	}
	return f, true, nil
}

// getInt reads a whole number; one outside lo to hi is refused here, since
// it may not fit an int.
func getInt(o object, field string, lo, hi int, required bool) (int, error) {
	f, _, err := getNumber(o, field, required)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) {
		return 0, &coach.FieldError{Field: field, Msg: fmt.Sprintf("%v is not a whole number", f)}
	}
	if f < float64(lo) || f > float64(hi) {
		return 0, &coach.FieldError{Field: field, Msg: fmt.Sprintf("%v is out of range; allowed %d to %d", f, lo, hi)}
	}
	return int(f), nil
}

// parseDevice reads the fields version 2 adds to a workout: id, source,
// start, avg_hr and max_hr.
func parseDevice(wo object, w *coach.Workout) error {
	var err error
	if w.ID, err = getOptInt(wo, "id", 1, math.MaxInt32); err != nil {
		return err
	}
	if raw, ok := wo["source"]; ok && !isNull(raw) {
		so, err := readObject(raw, "source")
		if err != nil {
			return err
		}
		if err := so.only("kind", "id", "file"); err != nil {
			return subField("source", err)
		}
		for _, f := range []struct {
			name string
			v    *string
			req  bool
		}{{"kind", &w.Source.Kind, true}, {"id", &w.Source.ID, true}, {"file", &w.Source.File, false}} {
			if err := getString(so, f.name, f.v, f.req); err != nil {
				return subField("source", err)
			}
		}
	}
	var start string
	if err := getString(wo, "start", &start, false); err != nil {
		return err
	}
	if start != "" {
		t, err := time.Parse(time.RFC3339, start)
		if y := t.Year(); err == nil && (y < 1 || y > 9999) {
			err = errors.New("out of range")
		}
		if err != nil {
			return &coach.FieldError{Field: "start", Msg: fmt.Sprintf("%q is not an RFC 3339 time such as 2026-11-25T07:10:00+01:00", start)}
		}
		w.Start = coach.StartAt(t)
	}
	if w.AvgHR, err = getOptInt(wo, "avg_hr", 0, coach.MaxHeartRate); err != nil {
		return err
	}
	if w.MaxHR, err = getOptInt(wo, "max_hr", 0, coach.MaxHeartRate); err != nil {
		return err
	}
	return nil
}

// getOptInt is getInt for a field that may be absent (or null): 0 then.
func getOptInt(o object, field string, lo, hi int) (int, error) {
	if raw, ok := o[field]; !ok || isNull(raw) {
		return 0, nil
	}
	return getInt(o, field, lo, hi, true)
}
