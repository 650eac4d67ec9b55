package cli

// Tests of `cooldown import` with device files and export version 2,
// through the real binary.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// asExportV2 returns a version 1 export document (decoded) as export
// version 2 writes the same days once stored: version 2, and each day's
// workouts numbered from 1 in order.
func asExportV2(doc obj) obj {
	doc["version"] = float64(2)
	days, _ := doc["days"].([]any)
	for _, d := range days {
		ws, _ := d.(obj)["workouts"].([]any)
		for i, w := range ws {
			w.(obj)["id"] = float64(i + 1)
		}
	}
	return doc
}

// fitTestdata returns the folder of the FIT files that
// github.com/muktihari/fit ships in its module (read there, never copied).
func fitTestdata(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/muktihari/fit").Output()
	if err != nil {
		t.Skipf("github.com/muktihari/fit is not in the module cache: %v", err)
	}
	return filepath.Join(strings.TrimSpace(string(out)), "testdata")
}

// exportOf returns the days of the database's JSON export.
func exportOf(t *testing.T, db string) []obj {
	t.Helper()
	doc := decoded(t, must(t, "--db", db, "export").stdout)
	if doc["version"] != float64(2) {
		t.Errorf("export version %v, want 2", doc["version"])
	}
	var days []obj
	for _, d := range doc["days"].([]any) {
		days = append(days, d.(obj))
	}
	return days
}

// TestImportFITFiles imports real device files: the same activities in
// two files are one workout each, importing again adds nothing, and the
// workouts keep their source, start and heart rate, without an effort.
func TestImportFITFiles(t *testing.T) {
	t.Parallel()
	td := fitTestdata(t)
	sdk := filepath.Join(td, "from_official_sdk")
	db := newDB(t)
	steps := []struct {
		file, want string
	}{
		{filepath.Join(sdk, "Activity.fit"), "Activity.fit: 1 new, 0 already there\n"},
		{filepath.Join(td, "chained_Activity_activity_poolswim.fit"), "chained_Activity_activity_poolswim.fit: 1 new, 1 already there\n"},
		{filepath.Join(sdk, "Activity.fit"), "Activity.fit: 0 new, 1 already there\n"},
		{filepath.Join(sdk, "activity_poolswim.fit"), "activity_poolswim.fit: 0 new, 1 already there\n"},
		{filepath.Join(td, "from_garmin_forums", "triathlon_summary_first.fit"), "triathlon_summary_first.fit: 3 new, 0 already there, 2 not training or under a minute\n"},
		{filepath.Join(td, "from_garmin_forums", "triathlon_summary_last.fit"), "triathlon_summary_last.fit: 0 new, 3 already there, 2 not training or under a minute\n"},
	}
	for _, s := range steps {
		r := must(t, "--db", db, "import", s.file)
		if !strings.HasSuffix(r.stdout, s.want) || r.stderr != "" {
			t.Errorf("import %s:\n%s\nwant stdout ending %q", filepath.Base(s.file), r, s.want)
		}
	}
	days := exportOf(t, db)
	n := 0
	for _, d := range days {
		for _, w := range d["workouts"].([]any) {
			w := w.(obj)
			n++
			if _, ok := w["rpe"]; ok {
				t.Errorf("%s: workout %v has an rpe; want none (not yet given)", d["date"], w)
			}
			src, _ := w["source"].(obj)
			if src["kind"] != "fit" || src["id"] == "" || w["start"] == nil || w["id"] == nil {
				t.Errorf("%s: workout %v lacks its source, start or id", d["date"], w)
			}
		}
	}
	if n != 5 {
		t.Errorf("%d workouts stored, want 5 (2 pool sessions, 3 triathlon legs)", n)
	}
	// The 2021-07-20 run: its start keeps the file's local offset.
	if w := days[0]["workouts"].([]any)[0].(obj); days[0]["date"] != "2021-07-20" || w["start"] != "2021-07-20T14:11:20-07:00" {
		t.Errorf("first day %v, workout %v; want 2021-07-20 starting 14:11:20-07:00", days[0]["date"], w)
	}
	// Untracked days: training days with load, not a streak.
	var st struct {
		TrainingDays  int     `json:"training_days"`
		CurrentStreak int     `json:"current_streak"`
		LongestStreak int     `json:"longest_streak"`
		Strength      float64 `json:"recovery_strength"`
	}
	if err := json.Unmarshal([]byte(must(t, "--db", db, "status", "--json").stdout), &st); err != nil {
		t.Fatal(err)
	}
	if st.TrainingDays != 2 || st.CurrentStreak != 0 || st.LongestStreak != 0 || st.Strength != 0 {
		t.Errorf("status %+v; want 2 training days and no streak or strength", st)
	}
	must(t, "--db", db, "check")
}

// TestImportFolderWithRefusedFile: in a folder, a truncated file is
// refused and named, the others import, exit 2; a Strava row and the FIT
// file of the same session are one workout.
func TestImportFolderWithRefusedFile(t *testing.T) {
	t.Parallel()
	td := fitTestdata(t)
	dir := t.TempDir()
	// WithGearChangeData.fit records a 33-minute session at 2022-06-22
	// 23:08:37 UTC: its Strava row starts 60 s later.
	csv := "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Moving Time,Filename,Perceived Exertion\n" +
		"901,\"Jun 22, 2022, 11:09:37 PM\",Ride,Ride,2100,1980,,\n" +
		"902,\"Jun 24, 2022, 6:00:00 AM\",Lift,Weight Training,2700,2700,,7.0\n"
	truncated := []byte{14, 0x20, 0x08, 0x08, 0xe8, 0x03, 0, 0, '.', 'F', 'I', 'T', 0, 0, 0x40, 0}
	for name, data := range map[string][]byte{"activities.csv": []byte(csv), "broken.fit": truncated} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db := newDB(t)
	r := cool(t, "--db", db, "import", dir)
	expect(t, r, 2, "broken.fit", "refused", "nothing was imported from it", "1 file refused")
	if !strings.Contains(r.stdout, "activities.csv: 2 new, 0 already there") {
		t.Errorf("stdout:\n%s\nwant activities.csv: 2 new", r.stdout)
	}
	r = must(t, "--db", db, "import", filepath.Join(td, "from_official_sdk", "WithGearChangeData.fit"))
	if !strings.Contains(r.stdout, "WithGearChangeData.fit: 0 new, 1 already there") {
		t.Errorf("the FIT file of a Strava row:\n%s\nwant 0 new, 1 already there", r.stdout)
	}
	days := exportOf(t, db)
	if len(days) != 2 {
		t.Fatalf("%d days, want 2", len(days))
	}
	if w := days[1]["workouts"].([]any)[0].(obj); w["rpe"] != float64(7) || w["kind"] != "strength" {
		t.Errorf("the lift %v, want strength at rpe 7 (Perceived Exertion)", w)
	}
}

// TestImportTypedHeldBack: a workout typed by hand of the same kind and
// about the same minutes holds the import back, and stays as typed.
func TestImportTypedHeldBack(t *testing.T) {
	t.Parallel()
	td := fitTestdata(t)
	db := newDB(t)
	must(t, "--db", db, "log", "--date", "2022-06-22", "--kind", "endurance", "--minutes", "35", "--rpe", "6")
	r := must(t, "--db", db, "import", filepath.Join(td, "from_official_sdk", "WithGearChangeData.fit"))
	if !strings.Contains(r.stdout, "0 new, 0 already there, 1 held back") {
		t.Errorf("import:\n%s\nwant 1 held back", r)
	}
	w := exportOf(t, db)[0]["workouts"].([]any)
	if len(w) != 1 || w[0].(obj)["minutes"] != float64(35) || w[0].(obj)["source"] != nil {
		t.Errorf("workouts %v, want the typed one alone, unchanged", w)
	}
	r = must(t, "--db", db, "import", filepath.Join(td, "from_official_sdk", "WithGearChangeData.fit"))
	if !strings.Contains(r.stdout, "0 new, 1 already there") {
		t.Errorf("import again:\n%s\nwant 1 already there (held)", r)
	}
}

func TestImportSince(t *testing.T) {
	t.Parallel()
	td := fitTestdata(t)
	db := newDB(t)
	r := must(t, "--db", db, "import", "--since", "2023-09-03", filepath.Join(td, "from_garmin_forums", "triathlon_summary_first.fit"))
	if !strings.Contains(r.stdout, "0 new, 0 already there, 2 not training or under a minute, 3 before --since") {
		t.Errorf("import --since:\n%s", r)
	}
	expect(t, cool(t, "--db", db, "import", "--since", "yesterday", filepath.Join(td, "big_activity.fit")), 2, "--since")
}

func TestImportUnsupportedFile(t *testing.T) {
	t.Parallel()
	td := fitTestdata(t)
	db := newDB(t)
	r := cool(t, "--db", db, "import", filepath.Join(td, "from_official_sdk", "Settings.fit"))
	expect(t, r, 2, "unsupported file", "nothing was imported")
	if _, err := os.Stat(db); err == nil {
		t.Error("an unsupported file created the database")
	}
}

// TestImportAppleHealthSleep: Apple Health's sleep fills the hours slept
// of the night after a training day (asleep, not in bed), without ratings,
// and never over the person's answer.
func TestImportAppleHealthSleep(t *testing.T) {
	t.Parallel()
	xml := `<?xml version="1.0" encoding="UTF-8"?>
<HealthData locale="en_GB">
 <ExportDate value="2025-03-14 08:00:00 +0000"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="2025-03-10 22:30:00 +0000" endDate="2025-03-11 07:00:00 +0000" value="HKCategoryValueSleepAnalysisInBed"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="2025-03-10 23:00:00 +0000" endDate="2025-03-11 03:00:00 +0000" value="HKCategoryValueSleepAnalysisAsleepCore"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="2025-03-11 03:30:00 +0000" endDate="2025-03-11 06:40:00 +0000" value="HKCategoryValueSleepAnalysisAsleepREM"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="2025-03-11 22:00:00 +0000" endDate="2025-03-12 06:00:00 +0000" value="HKCategoryValueSleepAnalysisAsleepCore"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="52.5" durationUnit="min" sourceName="Watch" startDate="2025-03-10 07:10:00 +0000" endDate="2025-03-10 08:02:00 +0000"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30" durationUnit="min" sourceName="Watch" startDate="2025-03-11 07:10:00 +0000" endDate="2025-03-11 07:40:00 +0000"/>
</HealthData>
`
	p := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(p, []byte(xml), 0o600); err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	must(t, "--db", db, "log", "--date", "2025-03-11", "--kind", "strength", "--minutes", "40", "--rpe", "7",
		"--sleep", "5", "--quality", "3", "--fatigue", "3", "--stress", "3", "--soreness", "3")
	r := must(t, "--db", db, "import", p)
	if !strings.Contains(r.stdout, "export.xml: 2 new, 0 already there, hours slept of 1 night") {
		t.Errorf("import:\n%s\nwant 2 new and 1 night", r)
	}
	days := exportOf(t, db)
	if m, _ := days[0]["morning"].(obj); !reflect.DeepEqual(m, obj{"sleep_hours": 7.0}) {
		t.Errorf("morning after 2025-03-10: %v, want 7 hours asleep (not 8.5 in bed) and no ratings", m)
	}
	if m, _ := days[1]["morning"].(obj); m["sleep_hours"] != float64(5) || m["fatigue"] != float64(3) {
		t.Errorf("morning after 2025-03-11: %v, want the answer kept (5 hours)", m)
	}
}

// TestImportTruncatedFile: one named file that is truncated is refused,
// named with the reason, and nothing is written.
func TestImportTruncatedFile(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "run.fit")
	if err := os.WriteFile(p, []byte{14, 0x20, 0x08, 0x08, 0xe8, 0x03, 0, 0, '.', 'F', 'I', 'T', 0, 0, 0x40, 0}, 0o600); err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	expect(t, cool(t, "--db", db, "import", p), 2, "run.fit", "truncated or corrupt", "nothing was imported")
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused file created the database")
	}
}
