package interchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
)

// stravaHeader is the header row of a Strava bulk export's activities.csv
// as Strava writes it: repeated names and "translation missing" columns
// included.
var stravaHeader = strings.Split("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,Average Grade,Average Positive Grade,Average Negative Grade,Max Cadence,Average Cadence,Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories,Max Temperature,Average Temperature,Relative Effort,Total Work,Number of Runs,Uphill Time,Downhill Time,Other Time,Perceived Exertion,Type,Start Time,Weighted Average Power,Power Count,Prefer Perceived Exertion,Perceived Relative Effort,Commute,Total Weight Lifted,From Upload,Grade Adjusted Distance,Weather Observation Time,Weather Condition,Weather Temperature,Apparent Temperature,Dewpoint,Humidity,Weather Pressure,Wind Speed,Wind Gust,Wind Bearing,Precipitation Intensity,Sunrise Time,Sunset Time,Moon Phase,Bike,Gear,Precipitation Probability,Precipitation Type,Cloud Cover,Weather Visibility,UV Index,Weather Ozone,translation missing: en-US.lib.export.portability_exporter.activities.horton_values.jump_count,translation missing: en-US.lib.export.portability_exporter.activities.horton_values.total_grit,translation missing: en-US.lib.export.portability_exporter.activities.horton_values.avg_flow,translation missing: en-US.lib.export.portability_exporter.activities.horton_values.flagged,Average Elapsed Speed,Dirt Distance,Newly Explored Distance,Newly Explored Dirt Distance,Activity Count,Total Steps,Carbon Saved,Pool Length,Training Load,Intensity,Average Grade Adjusted Pace,Timer Time,Total Cycles,Media", ",")

// stravaCSV writes activities.csv with the rows given as column → value;
// "Name#2" sets the second column of that name.
func stravaCSV(t testing.TB, rows ...map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(stravaHeader)
	for _, r := range rows {
		rec := make([]string, len(stravaHeader))
		seen := map[string]int{}
		for i, h := range stravaHeader {
			seen[h]++
			key := h
			if seen[h] > 1 {
				key = h + "#" + string(rune('0'+seen[h]))
			}
			rec[i] = r[key]
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// stravaExport is a small bulk export: a strength session with a linked
// FIT file (local offset +1h, rated effort only in the file), a run with a
// GPX file, a ride with a TCX file, a manual activity with no file, and a
// row whose file is missing from the export.
func stravaExport(t testing.TB) []zipFile {
	fitStart := time.Date(2025, 3, 10, 17, 0, 12, 0, time.UTC)
	fitData := encodeFIT(t, fitFile{fileType: typedef.FileActivity,
		sessions: []*mesgdef.Session{fitSession(fitStart, typedef.SportTraining, typedef.SubSportStrengthTraining, 45*time.Minute, 50*time.Minute, 60)},
		activity: fitActivity(fitStart.Add(50*time.Minute), time.Hour, 45*time.Minute)})
	gpx := `<?xml version="1.0" encoding="UTF-8"?>
<gpx creator="StravaGPX" version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
 <metadata><time>2025-03-11T06:00:00Z</time></metadata>
 <trk><name>Morning Run</name><type>running</type><trkseg>
  <trkpt lat="52.5" lon="13.4"><ele>34</ele><time>2025-03-11T06:00:05Z</time></trkpt>
  <trkpt lat="52.6" lon="13.4"><ele>35</ele><time>2025-03-11T06:41:05Z</time></trkpt>
 </trkseg></trk>
</gpx>`
	tcx := strings.Replace(strings.Replace(tcxDoc, "2025-03-11T17:00:00Z", "2025-03-12T16:00:00Z", -1), "<Activity Sport=\"Running\">", "<Activity Sport=\"Other\">", 1)
	csvData := stravaCSV(t,
		map[string]string{"Activity ID": "111", "Activity Date": "Mar 10, 2025, 5:00:12 PM", "Activity Name": "Evening, \"heavy\" lift", "Activity Type": "Weight Training",
			"Elapsed Time": "3000", "Filename": "activities/111.fit.gz", "Elapsed Time#2": "3000.0", "Moving Time": "2700.0", "Max Heart Rate#2": "", "Average Heart Rate": ""},
		map[string]string{"Activity ID": "222", "Activity Date": "Mar 11, 2025, 6:00:05 AM", "Activity Type": "Run", "Elapsed Time": "2460",
			"Filename": "activities/222.gpx.gz", "Moving Time": "2400.0", "Perceived Exertion": "6.0", "Max Heart Rate": "178.0", "Average Heart Rate": "151.0"},
		map[string]string{"Activity ID": "333", "Activity Date": "Mar 10, 2025, 6:10:00 AM", "Activity Type": "Ride", "Filename": "activities/333.tcx"},
		map[string]string{"Activity ID": "444", "Activity Date": "Mar 12, 2025, 7:30:00 PM", "Activity Type": "Yoga", "Elapsed Time": "1800",
			"Moving Time": "1800.0", "Perceived Exertion": "3.0"},
		map[string]string{"Activity ID": "555", "Activity Date": "Mar 13, 2025, 7:30:00 AM", "Activity Type": "Walk", "Elapsed Time": "1200",
			"Filename": "activities/555.fit.gz", "Moving Time": "1100.0"},
	)
	return []zipFile{
		{"activities.csv", csvData},
		{"activities/111.fit.gz", gzipped(t, fitData)},
		{"activities/222.gpx.gz", gzipped(t, []byte(gpx))},
		{"activities/333.tcx", []byte(tcx)},
		{"profile.csv", []byte("Email Address,First Name\nsomeone@example.com,Some\n")},
		{".DS_Store", []byte{0, 0, 0, 1, 'B', 'u', 'd', '1'}},
	}
}

func stravaWant(prefix string) []Session {
	at := func(m time.Month, d, h, min, s int) time.Time { return time.Date(2025, m, d, h, min, s, 0, time.UTC) }
	return []Session{
		{Source: SourceStrava, ID: "111", File: prefix + "activities/111.fit.gz", Start: at(3, 10, 17, 0, 12), Offset: time.Hour, OffsetFrom: OffsetLinkedFile,
			Sport: "Weight Training", SubSport: "strength_training", Timer: 45 * time.Minute, Elapsed: 50 * time.Minute, RPE: 6, AvgHR: 140, MaxHR: 172},
		{Source: SourceStrava, ID: "222", File: prefix + "activities/222.gpx.gz", Start: at(3, 11, 6, 0, 5),
			Sport: "Run", Timer: 40 * time.Minute, Elapsed: 41 * time.Minute, RPE: 6, AvgHR: 151, MaxHR: 178},
		{Source: SourceStrava, ID: "333", File: prefix + "activities/333.tcx", Start: at(3, 10, 6, 10, 0),
			Sport: "Ride", Timer: 30 * time.Minute, Elapsed: 32*time.Minute + 30*time.Second, AvgHR: 150, MaxHR: 181},
		{Source: SourceStrava, ID: "444", File: prefix + "activities.csv", Start: at(3, 12, 19, 30, 0),
			Sport: "Yoga", Timer: 30 * time.Minute, Elapsed: 30 * time.Minute, RPE: 3},
		{Source: SourceStrava, ID: "555", File: prefix + "activities.csv", Start: at(3, 13, 7, 30, 0),
			Sport: "Walk", Timer: 1100 * time.Second, Elapsed: 20 * time.Minute},
	}
}

// TestStravaExport reads the same export unpacked in a folder and as a
// zip: each row and its linked file are one session, manual activities
// come from the row, and the linked files are not read again on their own.
func TestStravaExport(t *testing.T) {
	files := stravaExport(t)
	dir := writeFiles(t, files...)
	zipPath := filepath.Join(t.TempDir(), "export_12345.zip")
	if err := os.WriteFile(zipPath, zipOf(t, files...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, prefix string
	}{
		{"folder", dir, dir + string(filepath.Separator)},
		{"zip", zipPath, zipPath + ":"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ReadPath(tt.path, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Refused) > 0 {
				t.Errorf("refused %v, want none", errNames(res.Refused))
			}
			if len(res.Skipped) != 1 || res.Skipped[0].File != tt.prefix+"profile.csv" || !errors.Is(res.Skipped[0], ErrUnsupported) {
				t.Errorf("got skipped %v, want only profile.csv, unsupported", errNames(res.Skipped))
			}
			if want := stravaWant(tt.prefix); !reflect.DeepEqual(res.Sessions, want) {
				t.Errorf("got\n%+v\nwant\n%+v", res.Sessions, want)
			}
		})
	}
}

// TestStravaCSVAlone: activities.csv read on its own gives the rows
// without their files.
func TestStravaCSVAlone(t *testing.T) {
	res := Read("activities.csv", bytes.NewReader(stravaExport(t)[0].data), Limits{})
	if len(res.Sessions) != 5 || len(res.Refused)+len(res.Skipped) != 0 {
		t.Fatalf("got %d sessions, refused %v; want 5, none", len(res.Sessions), errNames(res.Refused))
	}
	if s := res.Sessions[0]; s.Timer != 45*time.Minute || s.OffsetFrom != OffsetNone || s.RPE != 0 || s.Start != time.Date(2025, 3, 10, 17, 0, 12, 0, time.UTC) {
		t.Errorf("row 111 alone: got %+v, want the row's own values", s)
	}
}

func TestStravaBroken(t *testing.T) {
	good := map[string]string{"Activity ID": "1", "Activity Date": "Mar 10, 2025, 5:00:12 PM", "Activity Type": "Run", "Moving Time": "600"}
	bad := func(k, v string) map[string]string {
		m := map[string]string{}
		for a, b := range good {
			m[a] = b
		}
		m[k] = v
		return m
	}
	tests := []struct {
		name  string
		data  []byte
		want  error
		where string
	}{
		{"date not understood", stravaCSV(t, good, bad("Activity Date", "10/03/2025, 17:00:12")), ErrCorrupt, "line 3"},
		{"id not a number", stravaCSV(t, good, good, bad("Activity ID", "x1")), ErrCorrupt, "line 4"},
		{"row with too few columns", append(stravaCSV(t, good), "2,\"Mar 10, 2025, 5:00:12 PM\",Run\n"...), ErrCorrupt, "line 3"},
		{"unclosed quote", append(stravaCSV(t, good), "3,\"Mar 10\n"...), ErrCorrupt, "line 3"},
		{"no Activity Type column", []byte("Activity ID,Activity Date\n1,\"Mar 10, 2025, 5:00:12 PM\"\n"), ErrUnsupported, "line 1"},
		{"line past the bound", stravaCSV(t, bad("Activity Name", strings.Repeat("x", 2<<20))), ErrTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Read("activities.csv", bytes.NewReader(tt.data), Limits{})
			errs := append(res.Refused, res.Skipped...)
			if len(res.Sessions) != 0 || len(errs) != 1 || !errors.Is(errs[0], tt.want) || errs[0].Where != tt.where {
				t.Fatalf("got %d sessions, errors %v; want none and %v at %q", len(res.Sessions), errNames(errs), tt.want, tt.where)
			}
		})
	}
}

func TestStravaDates(t *testing.T) {
	want := time.Date(2024, 1, 5, 17, 10, 22, 0, time.UTC)
	good := []string{
		"Jan 5, 2024, 5:10:22 PM",
		"January 5, 2024, 5:10:22 PM",
		"5 Jan 2024, 17:10:22",
		"5. Jan. 2024, 17:10:22",
		"05.01.2024, 17:10:22",
		"5 janv. 2024, 17:10:22",
		"5 ene 2024, 17:10:22",
		"5 de ene. de 2024, 5:10:22 p. m.",
		"5 gen 2024, 17:10:22",
		"5 jan. 2024 17:10:22",
		"2024-01-05 17:10:22",
		"2024-01-05T17:10:22Z",
		"2024/01/05 17:10:22",
	}
	for _, s := range good {
		got, err := parseStravaDate(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseStravaDate(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	months := map[string]time.Month{"5 mars 2024, 17:10:22": 3, "5 März 2024, 17:10:22": 3, "5 juin 2024, 17:10:22": 6,
		"5 juil. 2024, 17:10:22": 7, "5 août 2024, 17:10:22": 8, "5 Okt. 2024, 17:10:22": 10, "5 déc. 2024, 17:10:22": 12,
		"5 mei 2024, 17:10:22": 5, "5 dez. 2024, 17:10:22": 12, "Dec 5, 2024, 12:10:22 AM": 12}
	for s, m := range months {
		got, err := parseStravaDate(s)
		if err != nil || got.Month() != m {
			t.Errorf("parseStravaDate(%q) = %v, %v; want month %v", s, got, err, m)
		}
	}
	if got, _ := parseStravaDate("Dec 5, 2024, 12:10:22 AM"); got.Hour() != 0 {
		t.Errorf("12:10 AM: got hour %d, want 0", got.Hour())
	}
	for _, s := range []string{"01/05/2024, 17:10:22", "Jan 32, 2024, 5:10:22 PM", "yesterday", "", "Jan 5, 2024", "Feb 30, 2024, 1:00:00 PM", "Jan 5, 2024, 13:10:22 PM", "Jan Feb 5, 2024, 1:00:00"} {
		if got, err := parseStravaDate(s); err == nil {
			t.Errorf("parseStravaDate(%q) = %v, want an error", s, got)
		}
	}
}

// TestStravaLinkedFileBroken: a row whose linked file is corrupt keeps the
// row's own values and lists the file as refused; two exports unpacked in
// one folder each link their own files.
func TestStravaLinkedFileBroken(t *testing.T) {
	files := stravaExport(t)
	var two []zipFile
	for _, f := range files {
		data := f.data
		if f.name == "activities/111.fit.gz" {
			data = data[:len(data)/2]
		}
		two = append(two, zipFile{"a/" + f.name, data}, zipFile{"b/" + f.name, f.data})
	}
	dir := writeFiles(t, two...)
	res, err := ReadPath(dir, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	prefix := dir + string(filepath.Separator)
	if len(res.Refused) != 1 || res.Refused[0].File != prefix+"a/activities/111.fit.gz" || !errors.Is(res.Refused[0], ErrCorrupt) {
		t.Errorf("got refused %v, want a/activities/111.fit.gz, corrupt", errNames(res.Refused))
	}
	if len(res.Sessions) != 10 {
		t.Fatalf("got %d sessions, want 10 (5 rows in each export, linked files not read again)", len(res.Sessions))
	}
	if s := res.Sessions[0]; s.ID != "111" || s.File != prefix+"a/activities.csv" || s.OffsetFrom != OffsetNone || s.Timer != 45*time.Minute {
		t.Errorf("row with a broken file: got %+v, want the row's own values", s)
	}
	if got, want := res.Sessions[5:], stravaWant(prefix+"b/"); !reflect.DeepEqual(got, want) {
		t.Errorf("second export:\n got %+v\nwant %+v", got, want)
	}
}
