package interchange

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
)

// deviceExport is an export of one day using every field of version 2.
func deviceExport(t testing.TB) Export {
	d := date(t, "2026-11-28")
	return Export{
		ExportedAt: time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC),
		Settings:   coach.DefaultSettings(),
		Days: []coach.Day{{
			Date: d,
			Workouts: []coach.Workout{
				{ID: 2, Kind: coach.Endurance, Minutes: 52,
					Source: coach.Source{Kind: "fit", ID: "1101374452", File: "garmin/run.fit"},
					Start:  coach.StartAt(time.Date(2026, 11, 28, 7, 10, 3, 0, time.FixedZone("", 3600))),
					AvgHR:  142, MaxHR: 171},
				{ID: 5, Kind: coach.Strength, Minutes: 40, RPE: 8},
				{ID: 6, Kind: coach.Sport, Minutes: 30, RPE: 4,
					Source: coach.Source{Kind: "tcx", ID: "2026-11-28T18:00:00Z;x%"},
					Start:  coach.StartAt(time.Date(2026, 11, 28, 18, 0, 0, 0, time.UTC))},
			},
			Morning: &coach.Morning{SleepHours: 6.5, HoursOnly: true},
		}},
	}
}

func TestJSONVersion2RoundTrip(t *testing.T) {
	e := deviceExport(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, e); err != nil {
		t.Fatal(err)
	}
	for _, frag := range []string{
		`"version": 2,`,
		`"id": 2,
          "kind": "endurance",
          "minutes": 52,
          "source": {
            "kind": "fit",
            "id": "1101374452",
            "file": "garmin/run.fit"
          },
          "start": "2026-11-28T07:10:03+01:00",
          "avg_hr": 142,
          "max_hr": 171`,
		`"morning": {
        "sleep_hours": 6.5
      }`,
	} {
		if !strings.Contains(b.String(), frag) {
			t.Errorf("export lacks\n%s\nin\n%s", frag, b.String())
		}
	}
	got, err := ParseJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("ParseJSON: %v\n%s", err, b.String())
	}
	want := e
	want.ExportedAt = e.ExportedAt.UTC()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip\n got %+v\nwant %+v", got, want)
	}
}

// TestVersion1ImportsAsBefore: a version 1 file reads without ids, and
// the fields of version 2 are refused in it as unknown, as they always
// were, wherever the version stands in the file.
func TestVersion1ImportsAsBefore(t *testing.T) {
	const settings = `"exported_at":"2026-11-26T21:04:05Z","settings":{"sleep_target_hours":7,"diet_min_groups":3,"day_start_hour":4}`
	v1 := func(day string) string {
		return `{"format":"cooldown-export","version":1,` + settings + `,"days":[{"date":"2026-11-25",` + day + `}]}`
	}
	v1Late := func(day string) string { // the days before the version
		return `{"format":"cooldown-export",` + settings + `,"days":[{"date":"2026-11-25",` + day + `}],"version":1}`
	}
	tests := []struct {
		name, in, want string
	}{
		{"id", v1(`"workouts":[{"id":1,"kind":"sport","minutes":5,"rpe":3}]`), "day 2026-11-25: workouts[0].id: unknown field; allowed kind, minutes, rpe"},
		{"id, version last", v1Late(`"workouts":[{"id":1,"kind":"sport","minutes":5,"rpe":3}]`), "day 2026-11-25: workouts[0].id: unknown field; allowed kind, minutes, rpe"},
		{"source", v1(`"workouts":[{"kind":"sport","minutes":5,"rpe":3,"source":{"kind":"fit","id":"1"}}]`), "day 2026-11-25: workouts[0].source: unknown field; allowed kind, minutes, rpe"},
		{"no rpe", v1(`"workouts":[{"kind":"sport","minutes":5}]`), "day 2026-11-25: workouts[0].rpe: is missing"},
		{"no rpe, version last", v1Late(`"workouts":[{"kind":"sport","minutes":5}]`), "day 2026-11-25: workouts[0].rpe: is missing"},
		{"hours only", v1(`"morning":{"sleep_hours":7}`), "day 2026-11-25: morning.sleep_quality: is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseJSON(strings.NewReader(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Errorf("ParseJSON error %v, want %q", err, tt.want)
			}
		})
	}
	e, err := ParseJSON(strings.NewReader(v1(`"workouts":[{"kind":"sport","minutes":5,"rpe":3},{"kind":"strength","minutes":50,"rpe":8}]`)))
	if err != nil {
		t.Fatal(err)
	}
	if w := e.Days[0].Workouts; len(w) != 2 || w[0].ID != 0 || w[1].ID != 0 || !w[1].Source.IsZero() {
		t.Errorf("version 1 workouts %+v, want two without ids or sources", w)
	}
}

func TestVersion2Errors(t *testing.T) {
	head := `{"format":"cooldown-export","version":2,"exported_at":"2026-11-26T21:04:05Z","settings":{"sleep_target_hours":7,"diet_min_groups":3,"day_start_hour":4},"days":[`
	day := func(fields string) string { return head + `{"date":"2026-11-25",` + fields + `}]}` }
	src := `"source":{"kind":"fit","id":"1"}`
	tests := []struct {
		name, in, want string
	}{
		{"typed without rpe", day(`"workouts":[{"id":1,"kind":"sport","minutes":5}]`), "day 2026-11-25: workouts[0].rpe: is missing; only a workout from a device file may be without its effort"},
		{"id twice", day(`"workouts":[{"id":1,"kind":"sport","minutes":5,"rpe":3},{"id":1,"kind":"sport","minutes":6,"rpe":3}]`), "day 2026-11-25: workouts[1].id: 1 is given twice in the day"},
		{"id 0", day(`"workouts":[{"id":0,"kind":"sport","minutes":5,"rpe":3}]`), "day 2026-11-25: workouts[0].id: 0 is out of range; allowed 1 to 2147483647"},
		{"source without id", day(`"workouts":[{"kind":"sport","minutes":5,"source":{"kind":"fit"}}]`), "day 2026-11-25: workouts[0].source.id: is missing"},
		{"source field", day(`"workouts":[{"kind":"sport","minutes":5,"source":{"kind":"fit","id":"1","x":1}}]`), "day 2026-11-25: workouts[0].source.x: unknown field; allowed kind, id, file"},
		{"start", day(`"workouts":[{"kind":"sport","minutes":5,` + src + `,"start":"07:10"}]`), `day 2026-11-25: workouts[0].start: "07:10" is not an RFC 3339 time`},
		{"start typed", day(`"workouts":[{"kind":"sport","minutes":5,"rpe":3,"start":"2026-11-25T07:10:00Z"}]`), "day 2026-11-25: workouts[0].start: a workout typed by hand has no start time"},
		{"heart rate", day(`"workouts":[{"kind":"sport","minutes":5,` + src + `,"max_hr":300}]`), "day 2026-11-25: workouts[0].max_hr: 300 is out of range; allowed 0 to 250"},
		{"rpe 0", day(`"workouts":[{"kind":"sport","minutes":5,"rpe":0,` + src + `}]`), "day 2026-11-25: workouts[0].rpe: 0 is out of range; allowed 1 to 10"},
		{"some ratings", day(`"morning":{"sleep_hours":7,"fatigue":3}`), "day 2026-11-25: morning.sleep_quality: is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseJSON(strings.NewReader(tt.in))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("ParseJSON error %v\nwant one starting %q", err, tt.want)
			}
		})
	}
}

func TestCSVVersion2Columns(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, deviceExport(t)); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows %d, %v", len(rows), err)
	}
	cell := func(name string) string { return rows[1][slices.Index(rows[0], name)] }
	want := map[string]string{
		"workouts":      "endurance:52:;strength:40:8;sport:30:4",
		"workout_ids":   "2;5;6",
		"sources":       "fit:1101374452;;tcx:2026-11-28T18%3A00%3A00Z%3Bx%25",
		"starts":        "2026-11-28T07:10:03+01:00;;2026-11-28T18:00:00Z",
		"heart_rates":   "142/171;;",
		"sleep_hours":   "6.5",
		"sleep_quality": "",
		"soreness":      "",
	}
	for col, w := range want {
		if got := cell(col); got != w {
			t.Errorf("%s = %q, want %q", col, got, w)
		}
	}
}
