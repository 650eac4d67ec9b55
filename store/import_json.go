package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"cooldown/coach"
)

// The import parser: cooldown's JSON export read strictly, as a stream of
// tokens, within bounds.
//
// Limits: the file may hold at most MaxImportBytes bytes (checked while
// reading, so an endless input is refused when the limit is reached and
// `cooldown import /dev/zero` at its first byte) and at most MaxImportDays
// days of at most MaxWorkoutsPerDay workouts each. A hundred years of
// history, about 36,500 days, take some 16 MB (docs/performance.md).
//
// The days are read one at a time (encoding/json's Decoder.Token for the
// file and the list, one Decode per day), so memory stays a small multiple
// of the file. A byte order mark at the start is skipped. Every object is
// read key by key: a key given twice is refused (encoding/json would keep
// the last one silently), as is a string that is not valid UTF-8 (which
// encoding/json turns into U+FFFD silently); both errors name the day and
// the field.
const (
	MaxImportBytes = 128 << 20
	MaxImportDays  = 100_000
)

// ImportError is a refusal of an import file, as facts: the day (its date
// when known, else its position in the list; neither for the file as a
// whole), the field, and what is wrong with it. Its message reads, e.g.,
//
//	day 2026-11-25: workouts[0].rpe: 11 is out of range; allowed 1 to 10
type ImportError struct {
	Day   string // the day's date as written, "" when not known or not a day
	Index int    // the day's position in "days", -1 when not a day
	Field string // "workouts[0].rpe", "settings.day_start_hour", "" for the whole
	What  string
	kind  error // ErrNewerExport, or nil
}

// ErrNewerExport: the export was written by a newer cooldown (a version
// above ExportVersion); errors.Is matches the *ImportError that says so.
var ErrNewerExport = errors.New("export version is newer than this cooldown reads")

// Is reports whether target is the error's kind.
func (e *ImportError) Is(target error) bool { return e.kind != nil && target == e.kind }

func (e *ImportError) Error() string {
	var b strings.Builder
	switch {
	case e.Day != "":
		b.WriteString("day " + e.Day + ": ")
	case e.Index >= 0:
		fmt.Fprintf(&b, "days[%d]: ", e.Index)
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.What)
	return b.String()
}

// fileErr is an ImportError about the file as a whole or a top field.
func fileErr(field, format string, args ...any) *ImportError {
	return &ImportError{Index: -1, Field: field, What: fmt.Sprintf(format, args...)}
}

// asImportErr turns an error of a field into an ImportError about the day
// (date or index) or the top field prefix.
func asImportErr(date string, index int, prefix string, err error) *ImportError {
	var ie *ImportError
	if errors.As(err, &ie) {
		return ie
	}
	e := &ImportError{Day: date, Index: index, What: err.Error()}
	var fe *coach.FieldError
	if errors.As(err, &fe) {
		e.Field, e.What = fe.Field, fe.Msg
	}
	if prefix != "" {
		e.Field = strings.TrimSuffix(prefix+"."+e.Field, ".")
	}
	return e
}

// errTooLarge is what the limited reader returns past its limit.
var errTooLarge = errors.New("too large")

// limitedReader reads at most n bytes, then fails with errTooLarge.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// One byte more tells a file of exactly the limit from a longer one.
		var one [1]byte
		if n, err := l.r.Read(one[:]); n == 0 {
			return 0, err
		}
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// ParseJSON reads a JSON export strictly: unknown fields, unknown item ids
// and kinds, values out of range, a key given twice, text that is not
// UTF-8 and a date given twice are errors (*ImportError) that name the day
// and the field. A format other than "cooldown-export" or a version newer
// than ExportVersion is refused, whatever else the file holds. Days dated
// in the future are kept. The days come back sorted by date, with done
// times in UTC to the second, and workouts without ids (the store gives
// them ids when it writes them).
func ParseJSON(r io.Reader) (Export, error) {
	return parseJSON(r, MaxImportBytes, MaxImportDays)
}

func parseJSON(r io.Reader, maxBytes int64, maxDays int) (Export, error) {
	br := bufio.NewReader(&limitedReader{r: r, n: maxBytes})
	if bom, err := br.Peek(3); err == nil && string(bom) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	dec := json.NewDecoder(br)
	// readErr describes an error of the decoder: the limit, the syntax or
	// the reading.
	readErr := func(err error) error {
		var se *json.SyntaxError
		switch {
		case errors.Is(err, errTooLarge):
			return fileErr("", "the file is larger than %d bytes, the most an import reads", maxBytes)
		case errors.As(err, &se):
			return fileErr("", "not a cooldown export: invalid JSON at byte %d: %v", se.Offset, err)
		case err == io.EOF, errors.Is(err, io.ErrUnexpectedEOF):
			return fileErr("", "not a cooldown export: invalid JSON: the file ends early")
		}
		return fmt.Errorf("read: %w", err)
	}
	tok, err := dec.Token()
	if err != nil {
		return Export{}, readErr(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return Export{}, fileErr("", "not a cooldown export: the file: want an object")
	}

	// The fields may come in any order. A file that is not an export, or
	// of a newer version, is refused as such whatever else is wrong in it,
	// so the first other error waits in firstErr until the end.
	var (
		e                              Export
		format, at                     string
		version                        int
		formatErr, versionErr          error
		firstErr                       error
		seen                           = map[string]bool{}
		haveAt, haveSettings, haveDays bool
		raw                            json.RawMessage
	)
	later := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	dates := map[coach.Date]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return Export{}, readErr(err)
		}
		key := tok.(string)
		if seen[key] {
			later(fileErr(key, "given twice"))
		}
		seen[key] = true
		if key == "days" {
			haveDays = true
			if err := readDays(dec, readErr, maxDays, dates, &e, later); err != nil {
				return Export{}, err
			}
			continue
		}
		if err := dec.Decode(&raw); err != nil {
			return Export{}, readErr(err)
		}
		if !utf8.Valid(raw) {
			later(fileErr(badUTF8Field(key, raw), "is not valid UTF-8"))
			continue
		}
		switch key {
		case "format":
			if json.Unmarshal(raw, &format) != nil || format != ExportFormat {
				formatErr = fileErr("", "not a cooldown export: %q must be %q", "format", ExportFormat)
			}
		case "version":
			v, err := intOf(raw, "version", 1, math.MaxInt32)
			if err != nil {
				versionErr = err
			}
			version = v
		case "exported_at":
			haveAt = true
			if err := getValue(object{key: raw}, key, &at, "a string", true); err != nil {
				later(asImportErr("", -1, "", err))
			} else if e.ExportedAt, err = parseTime(at, key); err != nil {
				later(asImportErr("", -1, "", err))
			}
		case "settings":
			haveSettings = true
			if e.Settings, err = parseSettings(raw); err != nil {
				later(asImportErr("", -1, "settings", err))
			}
		default:
			later(fileErr(key, "unknown field; allowed format, version, exported_at, settings, days"))
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return Export{}, readErr(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		if errors.Is(err, errTooLarge) {
			return Export{}, readErr(err)
		}
		return Export{}, fileErr("", "not a cooldown export: more data after the JSON object")
	}
	switch {
	case !seen["format"] || formatErr != nil:
		return Export{}, fileErr("", "not a cooldown export: %q must be %q", "format", ExportFormat)
	case !seen["version"]:
		return Export{}, fileErr("version", "is missing")
	case versionErr != nil:
		return Export{}, asImportErr("", -1, "", versionErr)
	case version > ExportVersion:
		err := fileErr("", "export version %d is newer than this cooldown reads (%d)", version, ExportVersion)
		err.kind = ErrNewerExport
		return Export{}, err
	case firstErr != nil:
		return Export{}, firstErr
	case !haveAt:
		return Export{}, fileErr("exported_at", "is missing")
	case !haveSettings:
		return Export{}, fileErr("settings", "is missing")
	case !haveDays:
		return Export{}, fileErr("days", "is missing")
	}
	coach.SortDays(e.Days)
	return e, nil
}

// readDays reads the list of days, one day at a time, into e.Days. An
// error of a day goes to later, and the rest of the list is read without
// being kept; an error of the file itself is returned.
func readDays(dec *json.Decoder, readErr func(error) error, maxDays int, dates map[coach.Date]bool, e *Export, later func(error)) error {
	tok, err := dec.Token()
	if err != nil {
		return readErr(err)
	}
	if tok == nil {
		later(fileErr("days", "null is not a list of days"))
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		if ok { // an object: read past it
			var skip json.RawMessage
			if err := decodeRest(dec, d, &skip); err != nil {
				return readErr(err)
			}
		}
		later(fileErr("days", "is not a list of days"))
		return nil
	}
	var raw json.RawMessage
	failed := false
	for i := 0; dec.More(); i++ {
		if err := dec.Decode(&raw); err != nil {
			return readErr(err)
		}
		if failed {
			continue
		}
		if i == maxDays {
			later(fileErr("days", "more than %d days; an import holds at most %d", maxDays, maxDays))
			failed = true
			continue
		}
		d, err := parseDay(raw, i)
		if err == nil && dates[d.Date] {
			err = &ImportError{Day: d.Date.String(), Index: i, What: "appears twice in the file"}
		}
		if err != nil {
			later(err)
			failed = true
			continue
		}
		dates[d.Date] = true
		e.Days = append(e.Days, d)
	}
	if e.Days == nil {
		e.Days = []coach.Day{}
	}
	_, err = dec.Token() // ']'
	if err != nil {
		return readErr(err)
	}
	return nil
}

// decodeRest reads the rest of an object or list whose opening delim was
// read already.
func decodeRest(dec *json.Decoder, open json.Delim, _ *json.RawMessage) error {
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

// object is a JSON object's fields as raw values.
type object map[string]json.RawMessage

// readObject reads raw as a JSON object, key by key; what is its field
// path ("" for a day), which errors name. A key given twice is refused:
// the error comes with the object read so far (first values kept).
func readObject(raw json.RawMessage, what string) (object, error) {
	notObject := &coach.FieldError{Field: what, Msg: "want an object"}
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if d, ok := tok.(json.Delim); err != nil || !ok || d != '{' {
		return nil, notObject
	}
	obj := object{}
	var dup *coach.FieldError
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, notObject
		}
		key := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, notObject
		}
		if _, twice := obj[key]; twice {
			if dup == nil {
				field := key
				switch what {
				case "":
				case "done":
					field = fmt.Sprintf("done[%q]", key)
				default:
					field = what + "." + key
				}
				dup = &coach.FieldError{Field: field, Msg: "given twice"}
			}
			continue // the first stays, so that the error can name the day
		}
		obj[key] = v
	}
	if dup != nil {
		return obj, dup
	}
	return obj, nil
}

// badUTF8Field returns the path of the first string in raw, the value of
// field ("" for a day), that is not valid UTF-8: "note",
// "workouts[1].kind", `done["berries"]`; for a bad key, the path of its
// object.
func badUTF8Field(field string, raw json.RawMessage) string {
	type container struct {
		path      string
		array     bool
		index     int
		key       string
		expectKey bool
	}
	var stack []*container
	valuePath := func() string {
		if len(stack) == 0 {
			return field
		}
		c := stack[len(stack)-1]
		switch {
		case c.array:
			return fmt.Sprintf("%s[%d]", c.path, c.index)
		case c.path == "done":
			return fmt.Sprintf("done[%q]", c.key)
		case c.path == "":
			return c.key
		}
		return c.path + "." + c.key
	}
	advance := func() { // a value of the top container was read
		if len(stack) == 0 {
			return
		}
		if c := stack[len(stack)-1]; c.array {
			c.index++
		} else {
			c.expectKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	start := int64(0)
	for {
		tok, err := dec.Token()
		if err != nil {
			return field
		}
		end := dec.InputOffset()
		bad := !utf8.Valid(raw[start:end])
		start = end
		if len(stack) > 0 && stack[len(stack)-1].expectKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				advance()
				continue
			}
			c := stack[len(stack)-1]
			if bad {
				return c.path
			}
			c.key, c.expectKey = tok.(string), false
			continue
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				stack = append(stack, &container{path: valuePath(), array: t == '[', expectKey: t == '{'})
				continue
			}
			stack = stack[:len(stack)-1]
		case string:
			if bad {
				return valuePath()
			}
		}
		advance()
	}
}

// intOf reads raw as a whole number from lo to hi.
func intOf(raw json.RawMessage, field string, lo, hi int) (int, error) {
	return getInt(object{field: raw}, field, lo, hi, true)
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
func parseDay(raw json.RawMessage, i int) (coach.Day, error) {
	name := ""
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
	if err == nil {
		_, err = dayKey(date)
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
	if len(ws) > MaxWorkoutsPerDay {
		return fail(&coach.FieldError{Field: "workouts", Msg: fmt.Sprintf("%d workouts; allowed at most %d a day", len(ws), MaxWorkoutsPerDay)})
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
