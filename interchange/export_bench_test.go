package interchange

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
)

const tenYears = 3650

var benchEnd = coach.Date{Year: 2026, Month: time.November, Day: 25}

func BenchmarkWriteJSON(b *testing.B) {
	e := Export{ExportedAt: benchEnd.Time(), Settings: coach.DefaultSettings(), Days: history(tenYears, benchEnd)}
	for b.Loop() {
		if err := WriteJSON(io.Discard, e); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseJSON(b *testing.B) {
	var buf bytes.Buffer
	_ = WriteJSON(&buf, Export{ExportedAt: benchEnd.Time(), Settings: coach.DefaultSettings(), Days: history(tenYears, benchEnd)})
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := ParseJSON(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	e := Export{ExportedAt: benchEnd.Time(), Settings: coach.DefaultSettings(), Days: history(tenYears, benchEnd)}
	for b.Loop() {
		if err := WriteCSV(io.Discard, e); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParseJSON: the import parser never panics, and what it accepts
// writes out and parses back to the same export.
func FuzzParseJSON(f *testing.F) {
	var b bytes.Buffer
	_ = WriteJSON(&b, sampleExport(f))
	f.Add(b.String())
	b.Reset()
	_ = WriteJSON(&b, deviceExport(f))
	f.Add(b.String())
	f.Add(`{"format":"cooldown-export","version":1,"exported_at":"2026-11-26T21:04:05Z","settings":{"sleep_target_hours":7,"diet_min_groups":3,"day_start_hour":4},"days":[]}`)
	f.Add(`{"format":"cooldown-export","version":1,"days":[{"date":"2026-11-25","done":{"x":1}}]}`)
	f.Add(`{"format":"cooldown-export","version":1e400}`)
	f.Add(`{"format":"cooldown-export","version":1,"exported_at":"2026-11-26T21:04:05Z","settings":{"sleep_target_hours":7,"diet_min_groups":3,"day_start_hour":4},"days":[{"date":"0000-01-01"},{"date":"10000-01-01"}]}`)
	f.Add(`[`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, in string) {
		e, err := ParseJSON(strings.NewReader(in))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteJSON(&out, e); err != nil {
			t.Fatal(err)
		}
		back, err := ParseJSON(&out)
		if err != nil {
			t.Fatalf("our own output does not parse: %v\n%s", err, out.Bytes())
		}
		if !reflect.DeepEqual(back, e) {
			t.Fatalf("round trip changed the export:\n got %+v\nwant %+v", back, e)
		}
	})
}
