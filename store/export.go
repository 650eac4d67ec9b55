package store

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cooldown/coach"
	"cooldown/coach/safetext"
)

// The interchange formats of product.md "Interchange formats". Scripts and
// tests rely on them: change them only with a new ExportVersion.
const (
	ExportFormat  = "cooldown-export"
	ExportVersion = 1
)

// Export is the content of an export file.
type Export struct {
	ExportedAt time.Time // written in UTC to the second
	Settings   coach.Settings
	Days       []coach.Day // written sorted by date
}

type jsonExport struct {
	Format     string       `json:"format"`
	Version    int          `json:"version"`
	ExportedAt string       `json:"exported_at"`
	Settings   jsonSettings `json:"settings"`
	Days       []jsonDay    `json:"days"`
}

type jsonSettings struct {
	SleepTargetHours float64 `json:"sleep_target_hours"`
	DietMinGroups    int     `json:"diet_min_groups"`
	DayStartHour     int     `json:"day_start_hour"`
}

type jsonDay struct {
	Date     string        `json:"date"`
	Workouts []jsonWorkout `json:"workouts"`
	Done     doneList      `json:"done"`
	Bedtime  string        `json:"bedtime,omitempty"`
	Morning  *jsonMorning  `json:"morning,omitempty"`
	Note     string        `json:"note,omitempty"`
}

type jsonWorkout struct {
	Kind    string `json:"kind"`
	Minutes int    `json:"minutes"`
	RPE     int    `json:"rpe"`
}

type jsonMorning struct {
	SleepHours   float64 `json:"sleep_hours"`
	SleepQuality int     `json:"sleep_quality"`
	Fatigue      int     `json:"fatigue"`
	Stress       int     `json:"stress"`
	Soreness     int     `json:"soreness"`
}

// doneList is the checklist of a day, written as an object in checklist
// order (a Go map would be written in alphabetical order).
type doneList []doneEntry

type doneEntry struct {
	id string
	at time.Time
}

func (l doneList) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range l {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.id)
		b.Write(k)
		b.WriteByte(':')
		b.WriteString(`"` + e.at.UTC().Format(time.RFC3339) + `"`)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// doneOf lists d's ticked items in checklist order, then any unknown ones
// (an invalid day is still written faithfully) by id.
func doneOf(d coach.Day) doneList {
	l := make(doneList, 0, len(d.Done))
	known := map[coach.Item]bool{}
	for _, it := range coach.Items {
		known[it.ID] = true
		if t, ok := d.Done.At(it.ID); ok {
			l = append(l, doneEntry{string(it.ID), t})
		}
	}
	var extra doneList
	for _, t := range d.Done {
		if !known[t.Item] {
			extra = append(extra, doneEntry{string(t.Item), t.At})
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].id < extra[j].id })
	return append(l, extra...)
}

func sortedDays(days []coach.Day) []coach.Day {
	out := append([]coach.Day(nil), days...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// WriteJSON writes e in the JSON export format, indented by two spaces:
// days sorted by date, done times and exported_at in RFC 3339 UTC to the
// second, bedtime, morning and note left out when absent. DEL, the C1
// controls and the bidirectional overrides and isolates are written as \u
// escapes (the C0 controls already are), so a terminal or an editor showing
// the file is not driven by a note; the file still reads back to exactly
// the same text.
func WriteJSON(w io.Writer, e Export) error {
	out := jsonExport{
		Format:     ExportFormat,
		Version:    ExportVersion,
		ExportedAt: e.ExportedAt.UTC().Format(time.RFC3339),
		Settings: jsonSettings{
			SleepTargetHours: e.Settings.SleepTargetHours,
			DietMinGroups:    e.Settings.DietMinGroups,
			DayStartHour:     e.Settings.DayStartHour,
		},
		Days: make([]jsonDay, 0, len(e.Days)),
	}
	for _, d := range sortedDays(e.Days) {
		jd := jsonDay{Date: d.Date.String(), Workouts: make([]jsonWorkout, 0, len(d.Workouts)), Done: doneOf(d), Note: d.Note}
		for _, wo := range d.Workouts {
			jd.Workouts = append(jd.Workouts, jsonWorkout{Kind: string(wo.Kind), Minutes: wo.Minutes, RPE: wo.RPE})
		}
		if d.Bedtime != nil {
			jd.Bedtime = d.Bedtime.String()
		}
		if m := d.Morning; m != nil {
			jd.Morning = &jsonMorning{SleepHours: m.SleepHours, SleepQuality: m.SleepQuality, Fatigue: m.Fatigue, Stress: m.Stress, Soreness: m.Soreness}
		}
		out.Days = append(out.Days, jd)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	if _, err := w.Write(escapeJSON(b.Bytes())); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}

// escapeJSON rewrites, in JSON that encoding/json wrote, each DEL, C1
// control and bidirectional override or isolate as a \u escape. Outside its
// strings that JSON is ASCII, so they can only stand inside a string, where
// the escape means the same character; encoding/json escapes the C0
// controls and writes only valid UTF-8.
func escapeJSON(b []byte) []byte {
	if !bytes.ContainsFunc(b, func(r rune) bool { return r >= 0x7f && safetext.NeedsEscape(r) }) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r >= 0x7f && safetext.NeedsEscape(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

// csvHeader is the header row of the CSV export.
func csvHeader() []string {
	h := []string{"date", "workouts"}
	for _, it := range coach.Items {
		h = append(h, string(it.ID))
	}
	return append(h, "bedtime", "sleep_hours", "sleep_quality", "fatigue", "stress", "soreness", "note")
}

// WriteCSV writes e as CSV (RFC 4180, through encoding/csv, so notes with
// commas, quotes and new lines are quoted): a header row, then one row per
// day sorted by date. The columns are
//
//	date           YYYY-MM-DD
//	workouts       the workouts as kind:minutes:rpe joined by ";",
//	               e.g. "strength:60:7;intervals:20:9"
//	massage ... ginger
//	               one column per checklist item, in checklist order, with
//	               the id as its name: the RFC 3339 UTC time it was ticked,
//	               empty when not done
//	bedtime        HH:MM, empty when not set
//	sleep_hours, sleep_quality, fatigue, stress, soreness
//	               the morning check, all empty when not answered
//	note           the note as written, but see below
//
// The CSV is for spreadsheets, so it is made safe to open in one: control
// characters (but new line and tab), DEL, C1 controls, bidirectional
// overrides and isolates are written in safetext's visible form (\x1b,
// \u009b, \u202e), and a cell that starts with =, +, -, @, tab or carriage
// return gets a leading ' so that no spreadsheet takes it for a formula
// (OWASP's advice on CSV injection). The settings and exported_at are not
// part of the CSV either; the JSON export is the exact one, to import.
func WriteCSV(w io.Writer, e Export) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader()); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, d := range sortedDays(e.Days) {
		ws := make([]string, len(d.Workouts))
		for i, wo := range d.Workouts {
			ws[i] = fmt.Sprintf("%s:%d:%d", wo.Kind, wo.Minutes, wo.RPE)
		}
		row := []string{d.Date.String(), strings.Join(ws, ";")}
		for _, it := range coach.Items {
			cell := ""
			if t, ok := d.Done.At(it.ID); ok {
				cell = t.UTC().Format(time.RFC3339)
			}
			row = append(row, cell)
		}
		bed := ""
		if d.Bedtime != nil {
			bed = d.Bedtime.String()
		}
		row = append(row, bed)
		if m := d.Morning; m != nil {
			row = append(row, strconv.FormatFloat(m.SleepHours, 'f', -1, 64),
				strconv.Itoa(m.SleepQuality), strconv.Itoa(m.Fatigue), strconv.Itoa(m.Stress), strconv.Itoa(m.Soreness))
		} else {
			row = append(row, "", "", "", "", "")
		}
		row = append(row, d.Note)
		for i, c := range row {
			row[i] = csvCell(c)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// csvCell makes a cell safe to open in a spreadsheet: control characters
// in their visible form, and a ' before a cell a spreadsheet would take for
// a formula.
func csvCell(s string) string {
	s = safetext.Block(s)
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// ParseJSON reads a JSON export strictly: unknown fields, unknown item ids
// and kinds, values out of range, and a date given twice are errors that
// name the day and the field, e.g.
//
//	day 2026-11-25: workouts[0].rpe: 11 is out of range; allowed 1 to 10
//
// A format other than "cooldown-export" or a version newer than
// ExportVersion is refused. Days dated in the future are kept. The days
// come back sorted by date, with done times in UTC to the second.
func ParseJSON(r io.Reader) (Export, error) {
	dec := json.NewDecoder(r)
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return Export{}, fmt.Errorf("not a cooldown export: %v", jsonErr(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return Export{}, errors.New("not a cooldown export: more data after the JSON object")
	}
	top, err := readObject(raw, "the file")
	if err != nil {
		return Export{}, fmt.Errorf("not a cooldown export: %v", err)
	}
	var format string
	if err := getString(top, "format", &format, true); err != nil || format != ExportFormat {
		return Export{}, fmt.Errorf("not a cooldown export: \"format\" must be %q", ExportFormat)
	}
	version, err := getInt(top, "version", 1, math.MaxInt32, true)
	if err != nil {
		return Export{}, err
	}
	if version > ExportVersion {
		return Export{}, fmt.Errorf("export version %d is newer than this cooldown reads (%d): update cooldown to import it", version, ExportVersion)
	}
	if err := top.only("format", "version", "exported_at", "settings", "days"); err != nil {
		return Export{}, err
	}
	var e Export
	var at string
	if err := getString(top, "exported_at", &at, true); err != nil {
		return Export{}, err
	}
	if e.ExportedAt, err = parseTime(at, "exported_at"); err != nil {
		return Export{}, err
	}
	if e.Settings, err = parseSettings(top["settings"]); err != nil {
		return Export{}, err
	}
	var days []json.RawMessage
	if err := getValue(top, "days", &days, "a list of days", true); err != nil {
		return Export{}, err
	}
	seen := make(map[coach.Date]bool, len(days))
	e.Days = make([]coach.Day, 0, len(days))
	for i, rd := range days {
		d, err := parseDay(rd, i)
		if err != nil {
			return Export{}, err
		}
		if seen[d.Date] {
			return Export{}, fmt.Errorf("day %s: appears twice in the file", d.Date)
		}
		seen[d.Date] = true
		e.Days = append(e.Days, d)
	}
	coach.SortDays(e.Days)
	return e, nil
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("invalid JSON at byte %d: %v", se.Offset, err)
	}
	return err.Error()
}

// object is a JSON object's fields. A key given twice keeps its last value,
// as everywhere in encoding/json; names match exactly (case matters).
type object map[string]json.RawMessage

// readObject reads raw as a JSON object; what names it in errors.
func readObject(raw json.RawMessage, what string) (object, error) {
	var obj object
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return nil, fmt.Errorf("%s: want an object", what)
	}
	return obj, nil
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
	o, err := readObject(raw, "settings")
	if err != nil {
		return coach.Settings{}, err
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

// parseDay reads the i-th day; its errors start with "day DATE: " once the
// date is known, "days[i]: " before.
func parseDay(raw json.RawMessage, i int) (coach.Day, error) {
	name := fmt.Sprintf("days[%d]", i)
	o, err := readObject(raw, name)
	if err != nil {
		return coach.Day{}, err
	}
	fail := func(err error) (coach.Day, error) { return coach.Day{}, fmt.Errorf("%s: %w", name, err) }
	var ds string
	if err := getString(o, "date", &ds, true); err != nil {
		return fail(err)
	}
	date, err := coach.ParseDate(ds)
	if err == nil && date.String() != ds {
		err = errors.New("not written YYYY-MM-DD")
	}
	if err == nil {
		_, err = dayKey(date)
	}
	if err != nil {
		return fail(&coach.FieldError{Field: "date", Msg: fmt.Sprintf("%q is not a calendar date written YYYY-MM-DD", ds)})
	}
	name = "day " + ds
	d := coach.Day{Date: date}
	if err := o.only("date", "workouts", "done", "bedtime", "morning", "note"); err != nil {
		return fail(err)
	}

	var ws []json.RawMessage
	if err := getValue(o, "workouts", &ws, "a list of workouts", false); err != nil {
		return fail(err)
	}
	for j, rw := range ws {
		field := fmt.Sprintf("workouts[%d]", j)
		wo, err := readObject(rw, field)
		if err != nil {
			return fail(err)
		}
		if err := wo.only("kind", "minutes", "rpe"); err != nil {
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
		if w.RPE, err = getInt(wo, "rpe", coach.MinRPE, coach.MaxRPE, true); err != nil {
			return fail(subField(field, err))
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
