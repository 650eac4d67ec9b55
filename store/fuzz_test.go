package store

import (
	"bytes"
	"reflect"
	"testing"

	"cooldown/coach"
)

// FuzzDecodeDay: the record decoder never panics, and a decoded day that
// the coach accepts re-encodes to a record that decodes to the same day.
func FuzzDecodeDay(f *testing.F) {
	d := coach.DateFromNumber(20000)
	for _, day := range append(history(12, d), fullDay(d), coach.Day{Date: d}, deviceDay()) {
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
