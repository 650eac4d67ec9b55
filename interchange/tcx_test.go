package interchange

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// tcxDoc is a Garmin Training Center file as Garmin Connect exports it.
const tcxDoc = `<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xsi:schemaLocation="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd" xmlns:ns5="http://www.garmin.com/xmlschemas/ActivityGoals/v1" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2" xmlns:ns2="http://www.garmin.com/xmlschemas/UserProfile/v2" xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Activities>
    <Activity Sport="Running">
      <Id>2025-03-10T06:10:00.000Z</Id>
      <Lap StartTime="2025-03-10T06:10:00.000Z">
        <TotalTimeSeconds>1200.0</TotalTimeSeconds>
        <DistanceMeters>4000.0</DistanceMeters>
        <Calories>300</Calories>
        <AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>
        <MaximumHeartRateBpm><Value>160</Value></MaximumHeartRateBpm>
        <Intensity>Active</Intensity>
        <TriggerMethod>Manual</TriggerMethod>
        <Track>
          <Trackpoint><Time>2025-03-10T06:10:00.000Z</Time><HeartRateBpm><Value>120</Value></HeartRateBpm></Trackpoint>
          <Trackpoint><Time>2025-03-10T06:31:00.000Z</Time><HeartRateBpm><Value>158</Value></HeartRateBpm></Trackpoint>
        </Track>
      </Lap>
      <Lap StartTime="2025-03-10T06:31:00.000Z">
        <TotalTimeSeconds>600.0</TotalTimeSeconds>
        <AverageHeartRateBpm><Value>170</Value></AverageHeartRateBpm>
        <MaximumHeartRateBpm><Value>181</Value></MaximumHeartRateBpm>
        <Track>
          <Trackpoint><Time>2025-03-10T06:42:30.000Z</Time></Trackpoint>
        </Track>
      </Lap>
      <Creator xsi:type="Device_t"><Name>Forerunner 255</Name></Creator>
    </Activity>
    <Activity Sport="Biking">
      <Id>2025-03-11T17:00:00Z</Id>
      <Lap StartTime="2025-03-11T17:00:00Z"><TotalTimeSeconds>3600</TotalTimeSeconds></Lap>
    </Activity>
  </Activities>
  <Author xsi:type="Application_t"><Name>Connect Api</Name></Author>
</TrainingCenterDatabase>
`

func TestTCX(t *testing.T) {
	res := Read("run.tcx", strings.NewReader(tcxDoc), Limits{})
	if len(res.Refused)+len(res.Skipped) > 0 {
		t.Fatalf("refused %v skipped %v", errNames(res.Refused), errNames(res.Skipped))
	}
	want := []Session{
		{Source: SourceTCX, ID: "2025-03-10T06:10:00Z", File: "run.tcx", Start: time.Date(2025, 3, 10, 6, 10, 0, 0, time.UTC), Sport: "Running",
			Timer: 30 * time.Minute, Elapsed: 32*time.Minute + 30*time.Second, AvgHR: 150, MaxHR: 181},
		{Source: SourceTCX, ID: "2025-03-11T17:00:00Z", File: "run.tcx", Start: time.Date(2025, 3, 11, 17, 0, 0, 0, time.UTC), Sport: "Biking",
			Timer: time.Hour, Elapsed: time.Hour},
	}
	if !reflect.DeepEqual(res.Sessions, want) {
		t.Errorf("got  %+v\nwant %+v", res.Sessions, want)
	}
}

func TestTCXBroken(t *testing.T) {
	cut := tcxDoc[:strings.Index(tcxDoc, "<Activity Sport=\"Biking\">")+30]
	tests := []struct {
		name, doc string
		want      error
		where     string
	}{
		{"truncated", cut, ErrCorrupt, "line 30"},
		{"bad lap time", strings.Replace(tcxDoc, "1200.0", "twenty", 1), ErrCorrupt, "line 7"},
		{"mismatched tag", strings.Replace(tcxDoc, "</Lap>", "</Lapp>", 1), ErrCorrupt, "line 18"},
		{"no activity", `<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>`, ErrNoWorkout, ""},
		{"token past the bound", strings.Replace(tcxDoc, "Connect Api", strings.Repeat("x", 2<<20), 1), ErrTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Read("a.tcx", strings.NewReader(tt.doc), Limits{})
			errs := append(res.Refused, res.Skipped...)
			if len(res.Sessions) != 0 || len(errs) != 1 || !errors.Is(errs[0], tt.want) {
				t.Fatalf("got %d sessions, errors %v; want none and %v", len(res.Sessions), errNames(errs), tt.want)
			}
			if tt.where != "" && errs[0].Where != tt.where {
				t.Errorf("got where %q, want %q", errs[0].Where, tt.where)
			}
			if errs[0].File != "a.tcx" {
				t.Errorf("got file %q, want a.tcx", errs[0].File)
			}
		})
	}
}
