package interchange

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
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
// times in UTC to the second. Versions 1 and 2 are read: a version 1 file
// reads exactly as before, its workouts without ids (the store gives them
// ids when it writes them) and with version 2's fields refused as unknown;
// a version 2 file keeps the workouts' ids, sources, starts and heart
// rates, efforts not yet given, and hours slept without ratings.
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
		v1                             v1Check
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
			if seen["version"] && versionErr == nil {
				v1.known, v1.is = true, version == 1
			}
			if err := readDays(dec, readErr, maxDays, dates, &e, later, &v1); err != nil {
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
	case version == 1 && v1.err != nil && (firstErr == nil || dayIndex(firstErr) >= v1.err.Index):
		// The days came before the version: a field of version 2 in a
		// version 1 file is refused as it always was.
		return Export{}, v1.err
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
func readDays(dec *json.Decoder, readErr func(error) error, maxDays int, dates map[coach.Date]bool, e *Export, later func(error), v1 *v1Check) error {
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
			if err := skipRest(dec); err != nil {
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
		d, err := parseDay(raw, i, v1)
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

// skipRest reads past the rest of an object or list whose opening delim
// was read already.
func skipRest(dec *json.Decoder) error {
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

// v1Check is what readDays knows of the version: known when the version
// came before the days (then is says whether it is 1), else err keeps the
// first day that holds a field of version 2, refused if the version turns
// out to be 1.
type v1Check struct {
	known, is bool
	err       *ImportError
}

// dayIndex returns the day position an import error names, -1 for the
// file or a top field (which comes first).
func dayIndex(err error) int {
	var ie *ImportError
	if errors.As(err, &ie) {
		return ie.Index
	}
	return -1
}
