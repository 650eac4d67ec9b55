package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/muktihari/fit/encoder"
	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
	"github.com/muktihari/fit/proto"
)

// runFIT encodes, with the library's encoder, a FIT activity file of one
// 52-minute run (timer time) starting at start, without an effort.
func runFIT(t *testing.T, start time.Time) []byte {
	t.Helper()
	fid := mesgdef.NewFileId(nil)
	fid.Type = typedef.FileActivity
	fid.Manufacturer = typedef.ManufacturerDevelopment
	fid.SerialNumber = 4242
	fid.TimeCreated = start
	s := mesgdef.NewSession(nil)
	s.StartTime, s.Timestamp = start, start.Add(55*time.Minute)
	s.Sport, s.SubSport = typedef.SportRunning, typedef.SubSportGeneric
	s.TotalTimerTime = uint32(52 * time.Minute / time.Millisecond)
	s.TotalElapsedTime = uint32(55 * time.Minute / time.Millisecond)
	s.AvgHeartRate, s.MaxHeartRate = 142, 171
	var buf bytes.Buffer
	if err := encoder.New(&buf).Encode(&proto.FIT{Messages: []proto.Message{fid.ToMesg(nil), s.ToMesg(nil)}}); err != nil {
		t.Fatalf("encode FIT: %v", err)
	}
	return buf.Bytes()
}

// TestWatchFolderInTmux: a FIT file dropped in a watch folder shows up on
// home, in the real binary, as today's workout with its effort asked; one
// key answers it, and `status --json` then carries its load (52 x 6).
func TestWatchFolderInTmux(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	watch := t.TempDir()
	must(t, "--db", db, "import", "--watch", watch)

	// A start inside today's recovery day (it starts at 04:00 UTC), before now.
	now := time.Now().UTC()
	dayStart := time.Date(now.Year(), now.Month(), now.Day(), 4, 0, 0, 0, time.UTC)
	if now.Before(dayStart) {
		dayStart = dayStart.AddDate(0, 0, -1)
	}
	start := dayStart.Add(now.Sub(dayStart) / 2).Truncate(time.Second)
	file := filepath.Join(watch, "run.fit")
	if err := os.WriteFile(file, runFIT(t, start), 0o600); err != nil {
		t.Fatal(err)
	}
	// Synced a while ago: the app's first scan takes it.
	old := now.Add(-time.Minute)
	if err := os.Chtimes(file, old, old); err != nil {
		t.Fatal(err)
	}

	p := startPane(t, []string{"BIN=" + bin, "DB=" + db}, appScript)
	p.waitScreen("1 workout imported from " + watch)
	p.waitScreen("Endurance 52 min, effort not yet given")
	p.waitScreen("How hard was the 52-minute endurance workout at " + start.Format("15:04") + "?")
	p.keys("6")
	p.waitScreen("effort saved")
	p.keys("q")
	if rc := p.waitDone(); rc != 0 {
		t.Fatalf("the app exited %d; stderr %q", rc, p.file("stderr"))
	}
	var st struct {
		AcuteLoad     float64  `json:"acute_load"`
		TrainingDays  int      `json:"training_days"`
		OpenQuestions []string `json:"open_questions"`
	}
	r := must(t, "--db", db, "status", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
		t.Fatalf("status --json: %v\n%s", err, r)
	}
	if st.AcuteLoad != 52*6 || st.TrainingDays != 1 || len(st.OpenQuestions) != 0 {
		t.Errorf("status after the answer: %+v; want acute load 312, 1 training day, no open question", st)
	}
}
