package interchange

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// appleHead is the start of an Apple Health export.xml as the Health app
// writes it (the DTD shortened).
const appleHead = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
]>
<HealthData locale="en_GB">
 <ExportDate value="2025-03-14 08:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexNotSet" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>
`

// appleBody holds heart rate, sleep, effort and workout elements.
const appleBody = ` <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Ann’s Apple Watch" sourceVersion="11.3" device="&lt;&lt;HKDevice: 0x300c0a8f0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:11.3&gt;" unit="count/min" creationDate="2025-03-10 07:12:01 +0100" startDate="2025-03-10 07:11:58 +0100" endDate="2025-03-10 07:11:58 +0100" value="128">
  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>
 </Record>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Ann’s Apple Watch" sourceVersion="11.3" creationDate="2025-03-11 07:00:00 +0100" startDate="2025-03-10 22:40:00 +0100" endDate="2025-03-11 06:50:00 +0100" value="HKCategoryValueSleepAnalysisInBed"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Ann’s Apple Watch" sourceVersion="11.3" creationDate="2025-03-11 07:00:00 +0100" startDate="2025-03-10 23:00:00 +0100" endDate="2025-03-11 01:00:00 +0100" value="HKCategoryValueSleepAnalysisAsleepCore"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Ann’s Apple Watch" sourceVersion="11.3" creationDate="2025-03-11 07:00:00 +0100" startDate="2025-03-11 01:00:00 +0100" endDate="2025-03-11 02:00:00 +0100" value="HKCategoryValueSleepAnalysisAsleepDeep"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Ann’s Apple Watch" sourceVersion="11.3" creationDate="2025-03-11 07:00:00 +0100" startDate="2025-03-11 02:00:00 +0100" endDate="2025-03-11 02:20:00 +0100" value="HKCategoryValueSleepAnalysisAwake"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Ann’s Apple Watch" sourceVersion="11.3" creationDate="2025-03-11 07:00:00 +0100" startDate="2025-03-11 02:20:00 +0100" endDate="2025-03-11 04:00:00 +0100" value="HKCategoryValueSleepAnalysisAsleepREM"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Ann’s iPhone" sourceVersion="18.3" creationDate="2025-03-11 07:00:00 +0100" startDate="2025-03-11 04:00:00 +0100" endDate="2025-03-11 06:30:00 +0100" value="HKCategoryValueSleepAnalysisAsleepUnspecified"/>
 <Record type="HKQuantityTypeIdentifierEstimatedWorkoutEffortScore" sourceName="Ann’s Apple Watch" sourceVersion="11.3" unit="appleEffortScore" creationDate="2025-03-10 08:03:00 +0100" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100" value="5"/>
 <Record type="HKQuantityTypeIdentifierWorkoutEffortScore" sourceName="Fitness" sourceVersion="18.3" unit="appleEffortScore" creationDate="2025-03-10 08:10:00 +0100" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100" value="7"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="52.5" durationUnit="min" sourceName="Ann’s Apple Watch" sourceVersion="11.3" device="&lt;&lt;HKDevice: 0x300c0a8f0&gt;, name:Apple Watch&gt;" creationDate="2025-03-10 08:02:10 +0100" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100">
  <MetadataEntry key="HKIndoorWorkout" value="0"/>
  <MetadataEntry key="HKTimeZone" value="Europe/Berlin"/>
  <WorkoutEvent type="HKWorkoutEventTypePause" date="2025-03-10 07:40:00 +0100" duration="0" durationUnit="min"/>
  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100" sum="612.4" unit="kcal"/>
  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100" average="151.3" minimum="98" maximum="177" unit="count/min"/>
  <WorkoutActivity uuid="5D5C1C4E-0C1A-4E4F-9A6E-2B6F0E1D9C11" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100" duration="52.5" durationUnit="min">
   <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100" average="99" minimum="60" maximum="120" unit="count/min"/>
  </WorkoutActivity>
  <WorkoutRoute sourceName="Ann’s Apple Watch" sourceVersion="11.3" creationDate="2025-03-10 08:02:15 +0100" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100">
   <FileReference path="/workout-routes/route_2025-03-10_8.02am.gpx"/>
  </WorkoutRoute>
 </Workout>
 <Workout workoutActivityType="HKWorkoutActivityTypeTraditionalStrengthTraining" duration="45" durationUnit="min" sourceName="Ann’s Apple Watch" sourceVersion="11.3" creationDate="2025-03-12 19:00:00 +0100" startDate="2025-03-12 18:10:00 +0100" endDate="2025-03-12 19:00:00 +0100">
 </Workout>
 <ActivitySummary dateComponents="2025-03-10" activeEnergyBurned="700" activeEnergyBurnedGoal="600" activeEnergyBurnedUnit="Cal" appleMoveTime="0" appleMoveTimeGoal="0" appleExerciseTime="60" appleExerciseTimeGoal="30" appleStandHours="12" appleStandHoursGoal="12"/>
`

const appleTail = "</HealthData>\n"

func appleWant(file string) Result {
	cet := time.FixedZone("", 3600)
	at := func(d, h, m int) time.Time { return time.Date(2025, 3, d, h, m, 0, 0, cet).UTC() }
	return Result{
		Sessions: []Session{
			{Source: SourceAppleHealth, ID: "2025-03-10T06:10:00Z Running Ann’s Apple Watch", File: file, Start: at(10, 7, 10),
				Sport: "HKWorkoutActivityTypeRunning", Timer: 52*time.Minute + 30*time.Second, Elapsed: 52 * time.Minute, RPE: 7, AvgHR: 151, MaxHR: 177},
			{Source: SourceAppleHealth, ID: "2025-03-12T17:10:00Z TraditionalStrengthTraining Ann’s Apple Watch", File: file, Start: at(12, 18, 10),
				Sport: "HKWorkoutActivityTypeTraditionalStrengthTraining", Timer: 45 * time.Minute, Elapsed: 50 * time.Minute},
		},
		Sleep: []Sleep{
			{Start: at(10, 23, 0), End: at(11, 1, 0), Stage: "core", Source: "Ann’s Apple Watch", File: file},
			{Start: at(11, 1, 0), End: at(11, 2, 0), Stage: "deep", Source: "Ann’s Apple Watch", File: file},
			{Start: at(11, 2, 20), End: at(11, 4, 0), Stage: "rem", Source: "Ann’s Apple Watch", File: file},
			{Start: at(11, 4, 0), End: at(11, 6, 30), Stage: "asleep", Source: "Ann’s iPhone", File: file},
		},
	}
}

// TestAppleHealth: workouts with their heart rate and the effort the
// person rated (not Apple's estimate), and sleep without time in bed or
// awake.
func TestAppleHealth(t *testing.T) {
	res := Read("export.xml", strings.NewReader(appleHead+appleBody+appleTail), Limits{})
	if want := appleWant("export.xml"); !reflect.DeepEqual(res, want) {
		t.Errorf("got\n%+v\nwant\n%+v", res, want)
	}
	asleep := Asleep(res.Sleep, time.Date(2025, 3, 10, 18, 0, 0, 0, time.UTC), time.Date(2025, 3, 11, 12, 0, 0, 0, time.UTC))
	if want := 7*time.Hour + 10*time.Minute; asleep != want {
		t.Errorf("asleep that night: got %v, want %v (in bed and awake left out)", asleep, want)
	}
}

// TestAppleHealthZip reads an export.zip as the Health app makes it: the
// export.xml is read, the clinical document and routes are skipped.
func TestAppleHealthZip(t *testing.T) {
	zipPath := filepath.Join(t.TempDir(), "export.zip")
	data := zipOf(t,
		zipFile{"apple_health_export/export.xml", []byte(appleHead + appleBody + appleTail)},
		zipFile{"apple_health_export/export_cda.xml", []byte(`<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"></ClinicalDocument>`)},
		zipFile{"apple_health_export/workout-routes/route_2025-03-10_8.02am.gpx", []byte(`<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="2"><time>2025-03-10T06:10:00Z</time></trkpt></trkseg></trk></gpx>`)},
	)
	if err := os.WriteFile(zipPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := ReadPath(zipPath, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := appleWant(zipPath + ":apple_health_export/export.xml")
	if !reflect.DeepEqual(res.Sessions, want.Sessions) || !reflect.DeepEqual(res.Sleep, want.Sleep) {
		t.Errorf("got\n%+v\n%+v\nwant\n%+v\n%+v", res.Sessions, res.Sleep, want.Sessions, want.Sleep)
	}
	if len(res.Refused) != 0 || len(res.Skipped) != 2 || !errors.Is(res.Skipped[0], ErrUnsupported) || !errors.Is(res.Skipped[1], ErrUnsupported) {
		t.Errorf("got refused %v, skipped %v; want the CDA and the route skipped as unsupported", errNames(res.Refused), errNames(res.Skipped))
	}
}

func TestAppleHealthBroken(t *testing.T) {
	full := appleHead + appleBody + appleTail
	tests := []struct {
		name, doc string
		lim       Limits
		want      error
		where     string
	}{
		{"truncated", full[:len(full)-40], Limits{}, ErrCorrupt, "line 50"},
		{"bad workout date", strings.Replace(full, `startDate="2025-03-12 18:10:00 +0100"`, `startDate="12/03/2025"`, 1), Limits{}, ErrCorrupt, "line 48"},
		{"bad sleep date", strings.Replace(full, `endDate="2025-03-11 02:00:00 +0100" value="HKCategoryValueSleepAnalysisAsleepDeep"`, `endDate="soon" value="HKCategoryValueSleepAnalysisAsleepDeep"`, 1), Limits{}, ErrCorrupt, "line 29"},
		{"effort out of range", strings.Replace(full, `unit="appleEffortScore" creationDate="2025-03-10 08:10:00 +0100" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100" value="7"`, `unit="appleEffortScore" creationDate="2025-03-10 08:10:00 +0100" startDate="2025-03-10 07:10:00 +0100" endDate="2025-03-10 08:02:00 +0100" value="70"`, 1), Limits{}, ErrCorrupt, "line 34"},
		{"too many workouts", full, Limits{Sessions: 1}, ErrTooLarge, ""},
		{"too many sleep records", full, Limits{SleepRecords: 3}, ErrTooLarge, ""},
		{"past the size bound", full, Limits{AppleBytes: int64(len(full) - 1)}, ErrTooLarge, "line 51"},
		{"nothing in it", appleHead + appleTail, Limits{}, ErrNoWorkout, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Read("export.xml", strings.NewReader(tt.doc), tt.lim)
			errs := append(res.Refused, res.Skipped...)
			if len(res.Sessions)+len(res.Sleep) != 0 || len(errs) != 1 || !errors.Is(errs[0], tt.want) || errs[0].Where != tt.where {
				t.Fatalf("got %d sessions, %d sleep, errors %v; want none and %v at %q", len(res.Sessions), len(res.Sleep), errNames(errs), tt.want, tt.where)
			}
		})
	}
}
