package store

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"cooldown/coach"
)

// FuzzDecodeDay: the record decoder never panics, and a decoded day that
// the coach accepts re-encodes to a record that decodes to the same day.
func FuzzDecodeDay(f *testing.F) {
	d := coach.DateFromNumber(20000)
	for _, day := range append(history(12, d), fullDay(d), coach.Day{Date: d}) {
		day.Date = d
		b, err := encodeDay(nil, day)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{})
	f.Add([]byte{1})
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add([]byte{1, 0, 1, 13, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0})
	f.Add([]byte{1, 0, 0, 4, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		orig := append([]byte(nil), b...)
		day, err := decodeDay(d, b)
		if !bytes.Equal(b, orig) {
			t.Fatal("decodeDay changed its input")
		}
		if err != nil || day.Validate() != nil {
			return
		}
		re, err := encodeDay(nil, day)
		if err != nil {
			t.Fatalf("valid decoded day %+v does not encode: %v", day, err)
		}
		back, err := decodeDay(d, re)
		if err != nil {
			t.Fatalf("re-encoded day does not decode: %v", err)
		}
		if !reflect.DeepEqual(back, day) {
			t.Fatalf("round trip changed the day:\n got %+v\nwant %+v", back, day)
		}
	})
}

// FuzzParseJSON: the import parser never panics, and what it accepts
// writes out and parses back to the same export.
func FuzzParseJSON(f *testing.F) {
	var b bytes.Buffer
	_ = WriteJSON(&b, sampleExport(f))
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
