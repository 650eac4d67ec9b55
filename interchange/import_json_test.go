package interchange

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"cooldown/coach"
)

const importHead = `{"format":"cooldown-export","version":1,"exported_at":"2026-11-26T21:04:05Z","settings":{"sleep_target_hours":7,"diet_min_groups":3,"day_start_hour":4},"days":[`

// importDay is an export holding one day with fields.
func importDay(fields string) string { return importHead + `{"date":"2026-11-25",` + fields + `}]}` }

// TestImportExact pins issue 12 point 6: a key given twice and text that
// is not UTF-8 are refused with the day and the field, where encoding/json
// would keep the last key and turn the bytes into U+FFFD, silently.
func TestImportExact(t *testing.T) {
	tests := []struct {
		name, in string
		want     ImportError
	}{
		{"note twice", importDay(`"note":"a","note":"b"`), ImportError{Day: "2026-11-25", Index: 0, Field: "note", What: "given twice"}},
		{"date twice", importHead + `{"date":"2026-11-25","date":"2026-11-26"}]}`, ImportError{Index: 0, Field: "date", What: "given twice"}},
		{"rpe twice", importDay(`"workouts":[{"kind":"sport","minutes":5,"rpe":3,"rpe":9}]`), ImportError{Day: "2026-11-25", Index: 0, Field: "workouts[0].rpe", What: "given twice"}},
		{"done twice", importDay(`"done":{"berries":"2026-11-25T19:00:00Z","berries":"2026-11-25T20:00:00Z"}`), ImportError{Day: "2026-11-25", Index: 0, Field: `done["berries"]`, What: "given twice"}},
		{"morning twice", importDay(`"morning":{"sleep_hours":7,"sleep_hours":8}`), ImportError{Day: "2026-11-25", Index: 0, Field: "morning.sleep_hours", What: "given twice"}},
		{"settings twice", strings.Replace(importHead, `"day_start_hour":4`, `"day_start_hour":4,"day_start_hour":5`, 1) + `]}`, ImportError{Index: -1, Field: "settings.day_start_hour", What: "given twice"}},
		{"days twice", importHead + `],"days":[]}`, ImportError{Index: -1, Field: "days", What: "given twice"}},

		{"note not UTF-8", importDay(`"note":"ok \xff there"`), ImportError{Day: "2026-11-25", Index: 0, Field: "note", What: "is not valid UTF-8"}},
		{"kind not UTF-8", importDay(`"workouts":[{"kind":"sport","minutes":5,"rpe":3},{"kind":"str\xc3ngth","minutes":5,"rpe":3}]`), ImportError{Day: "2026-11-25", Index: 0, Field: "workouts[1].kind", What: "is not valid UTF-8"}},
		{"done time not UTF-8", importDay(`"done":{"berries":"2026-11-25T19:00:00Z\xe2\x82"}`), ImportError{Day: "2026-11-25", Index: 0, Field: `done["berries"]`, What: "is not valid UTF-8"}},
		{"key not UTF-8", importDay(`"morning":{"sleep\xfe":7}`), ImportError{Day: "2026-11-25", Index: 0, Field: "morning", What: "is not valid UTF-8"}},
		{"exported_at not UTF-8", strings.Replace(importHead, `21:04:05Z`, "21:04:05Z\xff", 1) + `]}`, ImportError{Index: -1, Field: "exported_at", What: "is not valid UTF-8"}},
		{"bedtime not UTF-8", importDay(`"bedtime":"22:30\x80"`), ImportError{Day: "2026-11-25", Index: 0, Field: "bedtime", What: "is not valid UTF-8"}},

		{"too many workouts", importDay(`"workouts":[` + strings.Repeat(`{"kind":"sport","minutes":5,"rpe":3},`, coach.MaxWorkoutsPerDay) + `{"kind":"sport","minutes":5,"rpe":3}]`),
			ImportError{Day: "2026-11-25", Index: 0, Field: "workouts", What: fmt.Sprintf("%d workouts; allowed at most %d a day", coach.MaxWorkoutsPerDay+1, coach.MaxWorkoutsPerDay)}},
		{"days an object", strings.TrimSuffix(importHead, "[") + `{"a":[1]}}`, ImportError{Index: -1, Field: "days", What: "is not a list of days"}},
		{"days null", strings.TrimSuffix(importHead, "[") + `null}`, ImportError{Index: -1, Field: "days", What: "null is not a list of days"}},
		// Fields in another order: not an export is said first.
		{"days before a wrong format", `{"days":[{"date":"x"}],"format":"other","version":1}`, ImportError{Index: -1, What: `not a cooldown export: "format" must be "cooldown-export"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseJSON(strings.NewReader(withBytes(tc.in)))
			var ie *ImportError
			if !errors.As(err, &ie) || *ie != tc.want {
				t.Errorf("ParseJSON error = %#v (%v)\nwant %#v", err, err, &tc.want)
			}
		})
	}
}

// withBytes replaces each \xHH written in s (JSON has no such escape) by
// the byte HH, so that the cases above can hold bytes that are not UTF-8.
func withBytes(s string) string {
	return regexp.MustCompile(`\\x[0-9a-f]{2}`).ReplaceAllStringFunc(s, func(m string) string {
		b, _ := strconv.ParseUint(m[2:], 16, 8)
		return string([]byte{byte(b)})
	})
}

// TestImportByteOrderMark: a file starting with a UTF-8 byte order mark
// (as some editors save) is read.
func TestImportByteOrderMark(t *testing.T) {
	e, err := ParseJSON(strings.NewReader("\uFEFF" + importDay(`"note":"with a BOM"`)))
	if err != nil || len(e.Days) != 1 || e.Days[0].Note != "with a BOM" {
		t.Errorf("ParseJSON(BOM + export) = %+v, %v", e.Days, err)
	}
}

// endless is an input that never ends: the same byte forever.
type endless byte

func (b endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// TestImportBounds: the size limit is checked while reading, so an endless
// input ends; a file of exactly the limit is read; the number of days is
// bounded.
func TestImportBounds(t *testing.T) {
	doc := importDay(`"note":"x"`)
	if _, err := parseJSON(strings.NewReader(doc), int64(len(doc)), 10); err != nil {
		t.Errorf("a file of exactly the limit: %v", err)
	}
	_, err := parseJSON(strings.NewReader(doc+" "), int64(len(doc)), 10)
	if want := fmt.Sprintf("the file is larger than %d bytes, the most an import reads", len(doc)); err == nil || err.Error() != want {
		t.Errorf("one byte over the limit: %v, want %q", err, want)
	}
	// Spaces forever: JSON allows them, only the limit stops them.
	_, err = parseJSON(endless(' '), 1<<20, 10)
	if err == nil || !strings.Contains(err.Error(), "larger than 1048576 bytes") {
		t.Errorf("endless spaces: %v, want the size limit", err)
	}
	// /dev/zero: refused at its first byte.
	counter := &countingReader{r: endless(0)}
	_, err = ParseJSON(counter)
	if err == nil || !strings.Contains(err.Error(), "not a cooldown export: invalid JSON at byte 1") {
		t.Errorf("zeros: %v", err)
	}
	if counter.n > 64<<10 {
		t.Errorf("zeros: read %d bytes before refusing, want one buffer's worth", counter.n)
	}
	days := importHead + strings.Repeat(`{"date":"2026-11-25"},`, 3)
	_, err = parseJSON(strings.NewReader(strings.Replace(days, `"2026-11-25"},{"date":"2026-11-25"},{"date":"2026-11-25"},`, `"2026-11-23"},{"date":"2026-11-24"},{"date":"2026-11-25"},{"date":"2026-11-26"}]}`, 1)), 1<<20, 3)
	if want := "days: more than 3 days; an import holds at most 3"; err == nil || err.Error() != want {
		t.Errorf("4 days with a bound of 3: %v, want %q", err, want)
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// hundredYears is an export of 100 years of history, one day every day.
func hundredYears() []byte {
	var buf bytes.Buffer
	_ = WriteJSON(&buf, Export{ExportedAt: benchEnd.Time(), Settings: coach.DefaultSettings(), Days: history(36500, benchEnd)})
	return buf.Bytes()
}

// BenchmarkParseJSON100Years imports 100 years of history and reports the
// file's size, the bytes allocated per byte of file, and the heap the
// parsed export holds (docs/performance.md).
func BenchmarkParseJSON100Years(b *testing.B) {
	data := hundredYears()
	// Memory first: b.Loop keeps its last results alive, which would
	// blur what one parsed export holds. kept is the live heap with the
	// export minus the live heap once it is dropped.
	var before, with, without runtime.MemStats
	runtime.ReadMemStats(&before)
	kept, err := ParseJSON(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	runtime.ReadMemStats(&with)
	total := with.TotalAlloc - before.TotalAlloc
	runtime.GC()
	runtime.ReadMemStats(&with)
	runtime.KeepAlive(kept)
	kept = Export{}
	runtime.GC()
	runtime.ReadMemStats(&without)
	keptBytes := int64(with.HeapAlloc) - int64(without.HeapAlloc)
	runtime.KeepAlive(data)

	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseJSON(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data))/1e6, "file-MB")
	b.ReportMetric(float64(total)/float64(len(data)), "alloc/file-byte")
	b.ReportMetric(float64(keptBytes)/1e6, "kept-MB")
}
