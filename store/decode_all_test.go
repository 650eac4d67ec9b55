package store

import (
	"encoding/binary"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
)

// records encodes days as the days bucket holds them.
func records(t *testing.T, days []coach.Day) []record {
	t.Helper()
	out := make([]record, len(days))
	for i, d := range days {
		key, err := dayKey(d.Date)
		if err != nil {
			t.Fatal(err)
		}
		v, err := encodeDay(nil, d)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = record{key, v}
	}
	return out
}

func TestDecodeAllMatchesOneByOne(t *testing.T) {
	s := &Store{path: "test.db"}
	for _, n := range []int{0, 1, parallelMin - 1, parallelMin, 3650, 4099} {
		days := history(n, coach.Date{Year: 2026, Month: 11, Day: 25})
		recs := records(t, days)
		got, damaged := s.decodeAll(recs)
		if damaged != nil {
			t.Fatalf("%d days: damaged %v", n, damaged)
		}
		if len(got) != n {
			t.Fatalf("%d days: decoded %d", n, len(got))
		}
		for i, r := range recs {
			want, err := decodeDay(days[i].Date, r.value)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got[i], want) {
				t.Fatalf("%d days: day %d = %+v, want %+v", n, i, got[i], want)
			}
		}
	}
}

// TestDecodeAllReportsEveryBadRecord: bad records in both halves (two
// workers) are left out and named, in key order; every other day is
// decoded (one damaged record does not hide the rest).
func TestDecodeAllReportsEveryBadRecord(t *testing.T) {
	s := &Store{path: "test.db"}
	for _, n := range []int{10, 3000} {
		days := history(n, coach.Date{Year: 2026, Month: 11, Day: 25})
		recs := records(t, days)
		bad := []int{1, n / 2, n - 2}
		recs[bad[2]].value = []byte{9}
		recs[bad[0]].value = []byte{recordVersion, 200}
		recs[bad[1]].value = nil // a nested bucket reads as a nil value
		got, damaged := s.decodeAll(recs)
		var wantKeys []string
		var want []coach.Day
		for i, d := range days {
			if slices.Contains(bad, i) {
				wantKeys = append(wantKeys, d.Date.String())
				continue
			}
			w, _ := decodeDay(d.Date, recs[i].value)
			want = append(want, w)
		}
		if !reflect.DeepEqual(damaged, wantKeys) {
			t.Errorf("%d days: damaged = %v, want %v", n, damaged, wantKeys)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d days: the readable days differ (got %d, want %d)", n, len(got), len(want))
		}
	}
}

func TestDecodedDaysShareNoWritableMemory(t *testing.T) {
	s := &Store{path: "test.db"}
	days := history(40, coach.Date{Year: 2026, Month: 11, Day: 25})
	got, damaged := s.decodeAll(records(t, days))
	if damaged != nil {
		t.Fatal(damaged)
	}
	before := make([]coach.Day, len(got))
	for i, d := range got {
		before[i] = d.Clone()
	}
	// Grow and change one day the ways callers may: neighbours cut from
	// the same slabs must not see it.
	d := &got[10]
	d.Workouts = append(d.Workouts, coach.Workout{Kind: coach.Sport, Minutes: 5, RPE: 2})
	d.Done = append(d.Done, coach.Tick{Item: coach.Ginger, At: time.Unix(0, 0).UTC()})
	if d.Bedtime != nil {
		*d.Bedtime = 1
	}
	if d.Morning != nil {
		d.Morning.Fatigue = 7
	}
	for i := range got {
		if i != 10 && !reflect.DeepEqual(got[i], before[i]) {
			t.Fatalf("changing day 10 changed day %d: %+v, was %+v", i, got[i], before[i])
		}
	}
}

func TestSeenMaskHoldsEveryItemCode(t *testing.T) {
	// decodeDayInto and encodeDay keep the item codes met in a uint64.
	if len(itemCodes) > 64 {
		t.Fatalf("%d item codes do not fit the 64-bit mask; widen it", len(itemCodes))
	}
}

func TestDecodedTicksAreInChecklistOrder(t *testing.T) {
	at := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	var d coach.Day
	d.Date = coach.Date{Year: 2026, Month: 11, Day: 25}
	for _, it := range coach.Items {
		d.SetDone(it.ID, true, at)
	}
	v, err := encodeDay(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeDay(d.Date, v)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Done, d.Done) {
		t.Errorf("decoded ticks %v, want %v", got.Done, d.Done)
	}
}

func TestEncodeRefusesAnItemTwice(t *testing.T) {
	at := time.Unix(1_700_000_000, 0).UTC()
	d := coach.Day{Date: coach.Date{Year: 2026, Month: 11, Day: 25}, Done: coach.Ticks{{Item: coach.Berries, At: at}, {Item: coach.Berries, At: at}}}
	if _, err := encodeDay(nil, d); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("encodeDay with berries twice = %v, want an error saying twice", err)
	}
}

func TestTicksWrittenOutOfOrderDecodeInChecklistOrder(t *testing.T) {
	// A record with ginger (code 13) before berries (code 6): not what
	// encodeDay writes, but a valid record.
	at := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC).Unix()
	rec := []byte{recordVersion, 0, 2, byte(itemCode[coach.Ginger])}
	rec = binary.AppendVarint(rec, at)
	rec = append(rec, itemCode[coach.Berries])
	rec = binary.AppendVarint(rec, at)
	rec = append(rec, 0) // no flags
	d, err := decodeDay(coach.Date{Year: 2026, Month: 11, Day: 25}, rec)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.DoneItems(); len(d.Done) != 2 || d.Done[0].Item != coach.Berries || d.Done[1].Item != coach.Ginger {
		t.Errorf("ticks = %v, want berries then ginger", got)
	}
}
