package interchange

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
)

func sampleExport(t testing.TB) Export {
	days := []coach.Day{
		fullDay(date(t, "2026-11-25")),
		{Date: date(t, "2026-11-26"), Workouts: []coach.Workout{{Kind: coach.Mobility, Minutes: 15, RPE: 2}}},
		{Date: date(t, "2099-01-01"), Note: "future, kept"},
		fullDay(date(t, "2024-02-29")),
	}
	return Export{
		ExportedAt: time.Date(2026, 11, 26, 22, 4, 5, 0, time.FixedZone("CET", 3600)),
		Settings:   coach.Settings{SleepTargetHours: 7.5, DietMinGroups: 3, DayStartHour: 4},
		Days:       days,
	}
}

func TestJSONRoundTrip(t *testing.T) {
	e := sampleExport(t)
	var first bytes.Buffer
	if err := WriteJSON(&first, e); err != nil {
		t.Fatal(err)
	}
	got, err := ParseJSON(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatalf("ParseJSON of our own export: %v\n%s", err, first.Bytes())
	}
	var second bytes.Buffer
	if err := WriteJSON(&second, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Errorf("WriteJSON -> ParseJSON -> WriteJSON differs:\n%s\n---\n%s", first.Bytes(), second.Bytes())
	}
	want := e
	want.ExportedAt = e.ExportedAt.UTC()
	want.Days = sortedDays(e.Days) // export version 2 carries the ids
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseJSON:\n got %+v\nwant %+v", got, want)
	}
}

func TestJSONShape(t *testing.T) {
	d := fullDay(date(t, "2026-11-25"))
	d.Workouts = d.Workouts[:1]
	d.Done = ticks(map[coach.Item]time.Time{
		coach.Berries:     time.Date(2026, 11, 25, 19, 40, 10, 0, time.UTC),
		coach.FoamRolling: time.Date(2026, 11, 25, 20, 2, 0, 0, time.FixedZone("CET", 3600)),
	})
	d.Note = "legs day"
	bare := coach.Day{Date: date(t, "2026-11-24")}
	var b bytes.Buffer
	err := WriteJSON(&b, Export{
		ExportedAt: time.Date(2026, 11, 26, 21, 4, 5, 0, time.UTC),
		Settings:   coach.DefaultSettings(),
		Days:       []coach.Day{d, bare},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "format": "cooldown-export",
  "version": 2,
  "exported_at": "2026-11-26T21:04:05Z",
  "settings": {
    "sleep_target_hours": 7,
    "diet_min_groups": 3,
    "day_start_hour": 4
  },
  "days": [
    {
      "date": "2026-11-24",
      "workouts": [],
      "done": {}
    },
    {
      "date": "2026-11-25",
      "workouts": [
        {
          "id": 1,
          "kind": "strength",
          "minutes": 60,
          "rpe": 7
        }
      ],
      "done": {
        "foam-rolling": "2026-11-25T19:02:00Z",
        "berries": "2026-11-25T19:40:10Z"
      },
      "bedtime": "22:30",
      "morning": {
        "sleep_hours": 7.5,
        "sleep_quality": 2,
        "fatigue": 3,
        "stress": 2,
        "soreness": 4
      },
      "note": "legs day"
    }
  ]
}
`
	if got := b.String(); got != want {
		t.Errorf("WriteJSON:\n%s\nwant\n%s", got, want)
	}
}

func TestParseJSONErrors(t *testing.T) {
	const head = `{"format":"cooldown-export","version":1,"exported_at":"2026-11-26T21:04:05Z","settings":{"sleep_target_hours":7,"diet_min_groups":3,"day_start_hour":4},"days":[`
	day := func(fields string) string { return head + `{"date":"2026-11-25",` + fields + `}]}` }
	tests := []struct {
		name, in, want string
	}{
		{"rpe", day(`"workouts":[{"kind":"strength","minutes":60,"rpe":11}]`), "day 2026-11-25: workouts[0].rpe: 11 is out of range; allowed 1 to 10"},
		{"minutes", day(`"workouts":[{"kind":"strength","minutes":0,"rpe":5}]`), "day 2026-11-25: workouts[0].minutes: 0 is out of range; allowed 1 to 600"},
		{"fraction", day(`"workouts":[{"kind":"strength","minutes":60.5,"rpe":5}]`), "day 2026-11-25: workouts[0].minutes: 60.5 is not a whole number"},
		{"kind", day(`"workouts":[{"kind":"yoga","minutes":60,"rpe":5}]`), `day 2026-11-25: workouts[0].kind: "yoga" is not a workout kind`},
		{"workout field", day(`"workouts":[{"kind":"sport","minutes":60,"rpe":5,"hr":150}]`), "day 2026-11-25: workouts[0].hr: unknown field"},
		{"item", day(`"done":{"chocolate":"2026-11-25T19:02:00Z"}`), `day 2026-11-25: done["chocolate"]: "chocolate" is not a checklist item; allowed massage,`},
		{"done time", day(`"done":{"berries":"yesterday"}`), `day 2026-11-25: done["berries"]: "yesterday" is not an RFC 3339 time`},
		{"day field", day(`"mood":"great"`), "day 2026-11-25: mood: unknown field; allowed date, workouts, done, bedtime, morning, note"},
		{"bedtime", day(`"bedtime":"25:00"`), `day 2026-11-25: bedtime: "25:00": want HH:MM`},
		{"morning range", day(`"morning":{"sleep_hours":7.5,"sleep_quality":8,"fatigue":3,"stress":2,"soreness":4}`), "day 2026-11-25: morning.sleep_quality: 8 is out of range; allowed 1 to 7"},
		{"morning half hours", day(`"morning":{"sleep_hours":7.2,"sleep_quality":2,"fatigue":3,"stress":2,"soreness":4}`), "day 2026-11-25: morning.sleep_hours: 7.2 is not in half hours"},
		{"morning missing", day(`"morning":{"sleep_hours":7.5}`), "day 2026-11-25: morning.sleep_quality: is missing"},
		{"note", day(`"note":"` + strings.Repeat("é", 2001) + `"`), "day 2026-11-25: note: 2001 characters is too long; allowed at most 2000"},
		{"date", head + `{"date":"2026-02-30"}]}`, `days[0]: date: "2026-02-30" is not a calendar date`},
		{"no date", head + `{"note":"x"}]}`, `days[0]: date: is missing`},
		{"duplicate", head + `{"date":"2026-11-25"},{"date":"2026-11-25"}]}`, "day 2026-11-25: appears twice in the file"},

		{"format", `{"format":"something-else","version":1}`, `not a cooldown export: "format" must be "cooldown-export"`},
		{"not json", `hello`, "not a cooldown export: invalid JSON"},
		{"array", `[1,2]`, "not a cooldown export: the file: want an object"},
		{"trailing", head + `]} {}`, "not a cooldown export: more data after the JSON object"},
		{"newer", `{"format":"cooldown-export","version":3,"exported_at":"2026-11-26T21:04:05Z","future":true}`, "export version 3 is newer than this cooldown reads (2)"},
		{"top field", head + `],"extra":1}`, "extra: unknown field; allowed format, version, exported_at, settings, days"},
		{"settings", `{"format":"cooldown-export","version":1,"exported_at":"2026-11-26T21:04:05Z","settings":{"sleep_target_hours":11,"diet_min_groups":3,"day_start_hour":4},"days":[]}`, "settings.sleep_target_hours: 11 is out of range"},
		{"exported_at", `{"format":"cooldown-export","version":1,"exported_at":"today","settings":{},"days":[]}`, `exported_at: "today" is not an RFC 3339 time`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseJSON(strings.NewReader(tc.in))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("ParseJSON error = %v\nwant one starting %q", err, tc.want)
			}
		})
	}
}

func TestParseJSONKeepsFutureDaysAndSorts(t *testing.T) {
	in := `{"format":"cooldown-export","version":1,"exported_at":"2026-11-26T21:04:05+01:00",
	"settings":{"sleep_target_hours":7,"diet_min_groups":3,"day_start_hour":4},
	"days":[{"date":"2099-01-01","workouts":[],"done":{"ginger":"2099-01-01T10:00:00.9+02:00"}},{"date":"2026-11-25"}]}`
	e, err := ParseJSON(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Days) != 2 || e.Days[0].Date.String() != "2026-11-25" || e.Days[1].Date.String() != "2099-01-01" {
		t.Fatalf("days = %+v, want 2026-11-25 then 2099-01-01", e.Days)
	}
	if got, want := doneAt(e.Days[1], coach.Ginger), time.Date(2099, 1, 1, 8, 0, 0, 0, time.UTC); got != want {
		t.Errorf("done time = %v, want %v (UTC, to the second)", got, want)
	}
	if want := time.Date(2026, 11, 26, 20, 4, 5, 0, time.UTC); e.ExportedAt != want {
		t.Errorf("exported_at = %v, want %v", e.ExportedAt, want)
	}
}

func TestWriteCSV(t *testing.T) {
	e := sampleExport(t)
	var b bytes.Buffer
	if err := WriteCSV(&b, e); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("our CSV does not parse: %v", err)
	}
	header := "date,workouts,massage,stretching,foam-rolling,mobility-tools,fatty-fish,berries,leafy-greens,nuts-seeds,turmeric,olive-oil,whole-grains,cruciferous,ginger,bedtime,sleep_hours,sleep_quality,fatigue,stress,soreness,note,workout_ids,sources,starts,heart_rates"
	if got := strings.Join(rows[0], ","); got != header {
		t.Errorf("header = %s\nwant     %s", got, header)
	}
	if len(rows) != 1+len(e.Days) {
		t.Fatalf("%d rows, want %d", len(rows), 1+len(e.Days))
	}
	full := fullDay(date(t, "2026-11-25"))
	want := []string{"2026-11-25", "strength:60:7;intervals:20:9", "", "", "2026-11-25T19:02:00Z", "", "", "2026-11-25T19:40:10Z",
		"", "", "", "2026-11-25T20:02:00Z", "", "", "2026-11-25T21:02:00Z", "22:30", "7.5", "2", "3", "2", "4", full.Note, "1;2", ";", ";", ";"}
	if !reflect.DeepEqual(rows[2], want) {
		t.Errorf("row of 2026-11-25:\n got %q\nwant %q", rows[2], want)
	}
	if rows[1][0] != "2024-02-29" || rows[4][0] != "2099-01-01" {
		t.Errorf("rows not sorted by date: %s, %s", rows[1][0], rows[4][0])
	}
	if empty := rows[3]; empty[15] != "" || empty[16] != "" || empty[21] != "" {
		t.Errorf("absent bedtime, morning and note should be empty cells: %q", empty)
	}
}
