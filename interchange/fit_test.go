package interchange

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
)

// wantSession is what a test checks of a session read from a file.
type wantSession struct {
	sport, sub string
	start      string // RFC 3339
	timer      time.Duration
	offset     time.Duration
	avgHR      int
}

func checkSessions(t *testing.T, got []Session, want []wantSession) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d sessions, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Sport != w.sport || g.SubSport != w.sub || g.Start.Format(time.RFC3339) != w.start ||
			g.Timer != w.timer || g.Offset != w.offset || g.AvgHR != w.avgHR {
			t.Errorf("session %d: got %s/%s at %s, timer %v, offset %v, avg HR %d; want %s/%s at %s, timer %v, offset %v, avg HR %d",
				i, g.Sport, g.SubSport, g.Start.Format(time.RFC3339), g.Timer, g.Offset, g.AvgHR,
				w.sport, w.sub, w.start, w.timer, w.offset, w.avgHR)
		}
	}
}

// TestFITRealFiles reads the device files muktihari/fit ships, from the
// module cache.
func TestFITRealFiles(t *testing.T) {
	td := fitTestdata(t)
	tests := []struct {
		file    string
		want    []wantSession
		skipped error // ErrUnsupported or ErrNoWorkout when the file is skipped
	}{
		{file: "from_official_sdk/Activity.fit", want: []wantSession{
			{"stand_up_paddleboarding", "", "2021-07-20T21:11:20Z", time.Hour + time.Second, -7 * time.Hour, 0},
		}},
		{file: "from_official_sdk/activity_poolswim.fit", want: []wantSession{
			{"swimming", "lap_swimming", "2021-07-20T21:11:20Z", 14 * time.Minute, -7 * time.Hour, 0},
		}},
		{file: "from_official_sdk/HrmPluginTestActivity.fit", want: []wantSession{
			{"walking", "", "2022-08-29T18:31:22Z", 5*time.Minute + 8545*time.Millisecond, -6 * time.Hour, 73},
		}},
		{file: "from_official_sdk/activity_poolswim_with_hr.fit", want: []wantSession{
			{"swimming", "lap_swimming", "2016-08-13T13:10:47Z", 58*time.Minute + 5293*time.Millisecond, -6 * time.Hour, 103},
		}},
		// No session message: the workout comes from the activity's timer
		// and the records' start and heart rate.
		{file: "from_official_sdk/WithGearChangeData.fit", want: []wantSession{
			{"", "", "2022-06-22T23:08:37Z", 32*time.Minute + 58*time.Second, -6 * time.Hour, 105},
		}},
		{file: "valid_only_contain_fileid.fit", skipped: ErrNoWorkout},
		{file: "from_official_sdk/DeveloperData.fit", skipped: ErrNoWorkout},
		{file: "TestEncode.fit", skipped: ErrNoWorkout},
		{file: "from_official_sdk/Settings.fit", skipped: ErrUnsupported},
		{file: "from_official_sdk/MonitoringFile.fit", skipped: ErrUnsupported},
		{file: "from_official_sdk/WeightScaleSingleUser.fit", skipped: ErrUnsupported},
		{file: "from_official_sdk/WeightScaleMultiUser.fit", skipped: ErrUnsupported},
		{file: "from_official_sdk/WorkoutIndividualSteps.fit", skipped: ErrUnsupported},
		{file: "from_official_sdk/WorkoutRepeatSteps.fit", skipped: ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res, err := ReadPath(filepath.Join(td, tt.file), Limits{})
			if err != nil {
				t.Fatalf("ReadPath: %v", err)
			}
			if len(res.Refused) > 0 {
				t.Fatalf("refused: %v", errNames(res.Refused))
			}
			if tt.skipped != nil {
				if len(res.Skipped) != 1 || !errors.Is(res.Skipped[0], tt.skipped) {
					t.Fatalf("got skipped %v, want one %v", errNames(res.Skipped), tt.skipped)
				}
				return
			}
			checkSessions(t, res.Sessions, tt.want)
		})
	}
}

func readFITFile(t *testing.T, path string) []Session {
	t.Helper()
	res, err := ReadPath(path, Limits{})
	if err != nil || len(res.Refused)+len(res.Skipped) > 0 {
		t.Fatalf("read %s: %v %v %v", path, err, errNames(res.Refused), errNames(res.Skipped))
	}
	for i := range res.Sessions {
		res.Sessions[i].File = ""
	}
	return res.Sessions
}

// TestFITSameActivities: the chained file holds Activity.fit and
// activity_poolswim.fit, and gives the same sessions with the same ids.
func TestFITSameActivities(t *testing.T) {
	td := fitTestdata(t)
	chained := readFITFile(t, filepath.Join(td, "chained_Activity_activity_poolswim.fit"))
	want := append(readFITFile(t, filepath.Join(td, "from_official_sdk/Activity.fit")),
		readFITFile(t, filepath.Join(td, "from_official_sdk/activity_poolswim.fit"))...)
	if !reflect.DeepEqual(chained, want) {
		t.Errorf("chained file:\n got %+v\nwant %+v", chained, want)
	}
}

// TestFITTriathlon: the two triathlon files (summary messages first or
// last) are one activity: the same five sessions, and three workouts once
// the transitions are dropped.
func TestFITTriathlon(t *testing.T) {
	td := fitTestdata(t)
	first := readFITFile(t, filepath.Join(td, "from_garmin_forums/triathlon_summary_first.fit"))
	last := readFITFile(t, filepath.Join(td, "from_garmin_forums/triathlon_summary_last.fit"))
	if !reflect.DeepEqual(first, last) {
		t.Fatalf("summary first and last differ:\n%+v\n%+v", first, last)
	}
	var got []string
	for _, s := range first {
		im, err := Map(s, time.UTC, 4)
		if errors.Is(err, ErrNotTraining) {
			got = append(got, "dropped "+s.Sport)
			continue
		}
		if err != nil {
			t.Fatalf("Map(%s): %v", s.Sport, err)
		}
		got = append(got, fmt.Sprintf("%s %s %d", im.Date, im.Kind, im.Minutes))
	}
	want := []string{"2023-09-02 endurance 11", "dropped transition", "2023-09-02 endurance 26", "dropped transition", "2023-09-02 endurance 26"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFITEncoded reads files made with the library's encoder.
func TestFITEncoded(t *testing.T) {
	start := time.Date(2025, 3, 10, 6, 10, 0, 0, time.UTC)
	rec := func(at time.Duration, hr uint8) *mesgdef.Record {
		r := mesgdef.NewRecord(nil)
		r.Timestamp = start.Add(at)
		r.HeartRate = hr
		return r
	}
	tests := []struct {
		name    string
		file    fitFile
		want    []Session
		skipped error
	}{
		{
			name: "rated effort 70 is 7, local offset +1h",
			file: fitFile{fileType: typedef.FileActivity,
				sessions: []*mesgdef.Session{fitSession(start, typedef.SportTraining, typedef.SubSportStrengthTraining, 50*time.Minute, 55*time.Minute, 70)},
				activity: fitActivity(start.Add(55*time.Minute), time.Hour, 50*time.Minute)},
			want: []Session{{Source: SourceFIT, ID: "255-4242-1741586400-1741587000", Start: start, Offset: time.Hour, OffsetFrom: OffsetFIT,
				Sport: "training", SubSport: "strength_training", Timer: 50 * time.Minute, Elapsed: 55 * time.Minute, RPE: 7, AvgHR: 140, MaxHR: 172}},
		},
		{
			name: "effort 0 is not given; no activity message, no offset",
			file: fitFile{fileType: typedef.FileActivity,
				sessions: []*mesgdef.Session{fitSession(start, typedef.SportRunning, typedef.SubSportGeneric, 30*time.Minute, 31*time.Minute, 0)}},
			want: []Session{{Source: SourceFIT, ID: "255-4242-1741586400-1741587000", Start: start,
				Sport: "running", Timer: 30 * time.Minute, Elapsed: 31 * time.Minute, AvgHR: 140, MaxHR: 172}},
		},
		{
			name: "multisport: one session per session message",
			file: fitFile{fileType: typedef.FileActivity, sessions: []*mesgdef.Session{
				fitSession(start, typedef.SportCycling, typedef.SubSportRoad, 40*time.Minute, 40*time.Minute, 0),
				fitSession(start.Add(40*time.Minute), typedef.SportTransition, typedef.SubSportBikeToRunTransition, time.Minute, time.Minute, 0),
				fitSession(start.Add(41*time.Minute), typedef.SportRunning, typedef.SubSportGeneric, 20*time.Minute, 20*time.Minute, 80),
			}},
			want: []Session{
				{Source: SourceFIT, ID: "255-4242-1741586400-1741587000", Start: start, Sport: "cycling", SubSport: "road", Timer: 40 * time.Minute, Elapsed: 40 * time.Minute, AvgHR: 140, MaxHR: 172},
				{Source: SourceFIT, ID: "255-4242-1741586400-1741589400", Start: start.Add(40 * time.Minute), Sport: "transition", SubSport: "bike_to_run_transition", Timer: time.Minute, Elapsed: time.Minute, AvgHR: 140, MaxHR: 172},
				{Source: SourceFIT, ID: "255-4242-1741586400-1741589460", Start: start.Add(41 * time.Minute), Sport: "running", Timer: 20 * time.Minute, Elapsed: 20 * time.Minute, RPE: 8, AvgHR: 140, MaxHR: 172},
			},
		},
		{
			name: "no session: from activity and records",
			file: fitFile{fileType: typedef.FileActivity,
				records:  []*mesgdef.Record{rec(0, 100), rec(10*time.Minute, 150), rec(25*time.Minute, 161)},
				activity: fitActivity(start.Add(25*time.Minute), -5*time.Hour, 24*time.Minute)},
			want: []Session{{Source: SourceFIT, ID: "255-4242-1741586400-1741587000", Start: start, Offset: -5 * time.Hour, OffsetFrom: OffsetFIT,
				Timer: 24 * time.Minute, Elapsed: 25 * time.Minute, AvgHR: 137, MaxHR: 161}},
		},
		{
			name: "no session: records alone give the elapsed time",
			file: fitFile{fileType: typedef.FileActivity,
				records: []*mesgdef.Record{rec(0, 0xFF), rec(12*time.Minute, 0xFF)}},
			want: []Session{{Source: SourceFIT, ID: "255-4242-1741586400-1741587000", Start: start, Elapsed: 12 * time.Minute}},
		},
		{
			name:    "no session, no records, no timer: no workout recorded",
			file:    fitFile{fileType: typedef.FileActivity, activity: fitActivity(start, 0, 0)},
			skipped: ErrNoWorkout,
		},
		{
			name:    "planned workout file: unsupported",
			file:    fitFile{fileType: typedef.FileWorkout},
			skipped: ErrUnsupported,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := encodeFIT(t, tt.file)
			for _, form := range []struct {
				name string
				data []byte
			}{{"a.fit", data}, {"a.fit.gz", gzipped(t, data)}} {
				res := Read(form.name, bytes.NewReader(form.data), Limits{})
				if len(res.Refused) > 0 {
					t.Fatalf("%s refused: %v", form.name, errNames(res.Refused))
				}
				if tt.skipped != nil {
					if len(res.Skipped) != 1 || !errors.Is(res.Skipped[0], tt.skipped) || res.Skipped[0].File != form.name {
						t.Fatalf("%s: got skipped %v, want %s: %v", form.name, errNames(res.Skipped), form.name, tt.skipped)
					}
					continue
				}
				for i := range tt.want {
					tt.want[i].File = form.name
				}
				if !reflect.DeepEqual(res.Sessions, tt.want) {
					t.Errorf("%s:\n got %+v\nwant %+v", form.name, res.Sessions, tt.want)
				}
			}
		})
	}
}

// TestFITBroken: a truncated or corrupt FIT file is refused, named, with
// nothing taken from it.
func TestFITBroken(t *testing.T) {
	td := fitTestdata(t)
	good, err := os.ReadFile(filepath.Join(td, "from_official_sdk/Activity.fit"))
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 0x55
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"half.fit", good[:len(good)/2], ErrCorrupt},
		{"header-only.fit", good[:14], ErrCorrupt},
		{"flipped.fit", flipped, ErrCorrupt},
		{"half.fit.gz", gzipped(t, good)[:len(good)/4], ErrCorrupt},
		{"trailing.fit", append(append([]byte(nil), good...), 0xde, 0xad, 0xbe, 0xef), ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Read(tt.name, bytes.NewReader(tt.data), Limits{})
			if len(res.Sessions) != 0 || len(res.Refused) != 1 || !errors.Is(res.Refused[0], tt.want) || res.Refused[0].File != tt.name {
				t.Fatalf("got %d sessions, refused %v; want none and %s refused with %v", len(res.Sessions), errNames(res.Refused), tt.name, tt.want)
			}
		})
	}
}

// TestFITBounds: a FIT file, or a .fit.gz that expands, past FileBytes is
// refused as too large.
func TestFITBounds(t *testing.T) {
	td := fitTestdata(t)
	good, err := os.ReadFile(filepath.Join(td, "from_official_sdk/Activity.fit"))
	if err != nil {
		t.Fatal(err)
	}
	lim := Limits{FileBytes: int64(len(good)) - 1}
	for _, tt := range []struct {
		name string
		data []byte
	}{{"big.fit", good}, {"big.fit.gz", gzipped(t, good)}} {
		res := Read(tt.name, bytes.NewReader(tt.data), lim)
		if len(res.Refused) != 1 || !errors.Is(res.Refused[0], ErrTooLarge) {
			t.Errorf("%s with FileBytes %d: got refused %v, want ErrTooLarge", tt.name, lim.FileBytes, errNames(res.Refused))
		}
	}
	res := Read("ok.fit", bytes.NewReader(good), Limits{FileBytes: int64(len(good))})
	if len(res.Sessions) != 1 {
		t.Errorf("a file exactly at the bound: got %d sessions, refused %v; want 1", len(res.Sessions), errNames(res.Refused))
	}
}
