package interchange

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
)

// fuzzLimits keep each fuzz input small and quick.
var fuzzLimits = Limits{FileBytes: 1 << 20, AppleBytes: 1 << 20, Sessions: 1000, SleepRecords: 1000, TokenBytes: 64 << 10}

// checkOneFile is what every reader promises for one file: it never
// panics, it gives sessions (or sleep) or exactly one named reason, and
// what it gives is in range.
func checkOneFile(t *testing.T, name string, data []byte) {
	res := Read(name, bytes.NewReader(data), fuzzLimits)
	errs := append(res.Refused, res.Skipped...)
	got := len(res.Sessions) + len(res.Sleep)
	if !(got > 0 && len(errs) == 0) && !(got == 0 && len(errs) == 1) {
		t.Fatalf("got %d sessions and sleep with errors %v: want some and no error, or none and one error", got, errNames(errs))
	}
	for _, e := range errs {
		if e.File != name || e.Err == nil {
			t.Fatalf("error %+v does not name %s and a reason", e, name)
		}
	}
	for _, s := range res.Sessions {
		if s.Start.IsZero() || s.Timer < 0 || s.Elapsed < 0 || s.RPE < 0 || s.AvgHR < 0 || s.MaxHR < 0 {
			t.Fatalf("session out of range: %+v", s)
		}
		if im, err := Map(s, time.UTC, 4); err == nil && (im.Minutes < 1 || im.Minutes > MaxMinutes || im.RPE < 0 || im.RPE > 10 || !im.Kind.Valid()) {
			t.Fatalf("mapped out of range: %+v from %+v", im, s)
		}
	}
	for _, s := range res.Sleep {
		if s.End.Before(s.Start) {
			t.Fatalf("sleep ends before it starts: %+v", s)
		}
	}
}

func FuzzFIT(f *testing.F) {
	start := time.Date(2025, 3, 10, 6, 10, 0, 0, time.UTC)
	f.Add(encodeFIT(f, fitFile{fileType: typedef.FileActivity,
		sessions: []*mesgdef.Session{fitSession(start, typedef.SportRunning, typedef.SubSportTrail, 30*time.Minute, 31*time.Minute, 70)},
		activity: fitActivity(start.Add(31*time.Minute), time.Hour, 30*time.Minute)}))
	f.Add(encodeFIT(f, fitFile{fileType: typedef.FileWorkout}))
	if out, err := os.ReadFile(filepath.Join(fitTestdataOrEmpty(), "from_official_sdk", "activity_multisport.fit")); err == nil {
		f.Add(out)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkOneFile(t, "f.fit", data)
		if len(data) > 0 {
			checkOneFile(t, "f.fit.gz", gzipped(t, data))
		}
	})
}

func FuzzTCX(f *testing.F) {
	f.Add([]byte(tcxDoc))
	f.Add([]byte(`<TrainingCenterDatabase><Activities><Activity Sport="Biking"><Id>2025-03-11T17:00:00Z</Id><Lap StartTime="2025-03-11T17:00:00Z"><TotalTimeSeconds>3600</TotalTimeSeconds></Lap></Activity></Activities></TrainingCenterDatabase>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkOneFile(t, "f.tcx", data) })
}

func FuzzStravaCSV(f *testing.F) {
	f.Add(stravaExport(f)[0].data)
	f.Add([]byte("Activity ID,Activity Date,Activity Type,Moving Time\n1,\"5 janv. 2024, 17:10:22\",Run,\"1,5\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkOneFile(t, "activities.csv", data) })
}

func FuzzStravaDate(f *testing.F) {
	for _, s := range []string{"Jan 5, 2024, 5:10:22 PM", "05.01.2024, 17:10:22", "5 de ene. de 2024, 5:10:22 p. m.", "2024/01/05 17:10:22"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseStravaDate(s)
		if err == nil && (got.Location() != time.UTC || got.Year() < 1990 || got.Year() > 2200) {
			t.Fatalf("parseStravaDate(%q) = %v", s, got)
		}
	})
}

func FuzzAppleHealth(f *testing.F) {
	f.Add([]byte(appleHead + appleBody + appleTail))
	f.Add([]byte(`<HealthData><Workout workoutActivityType="HKWorkoutActivityTypeYoga" duration="1" durationUnit="hr" startDate="2025-03-12 18:10:00 +0100" endDate="2025-03-12 19:10:00 +0100"/></HealthData>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkOneFile(t, "export.xml", data) })
}

// FuzzSniff feeds any bytes to the top-level reader, which decides the
// format by content.
func FuzzSniff(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0x1f, 0x8b, 8, 0})
	f.Add([]byte("\xef\xbb\xbf  <gpx/>"))
	f.Add([]byte{14, 0x10, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) { checkOneFile(t, "x", data) })
}

// fitTestdataOrEmpty is the module's testdata folder for seeds, or ""
// when the module is not there (the seed is then left out, not the
// target).
func fitTestdataOrEmpty() string {
	dir, err := fitModuleTestdata()
	if err != nil {
		return ""
	}
	return dir
}
