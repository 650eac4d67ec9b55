package interchange

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/muktihari/fit/encoder"
	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
	"github.com/muktihari/fit/proto"
)

// fitTestdata returns the testdata folder of the muktihari/fit module in
// the module cache. Its files (Garmin's SDK samples among them) are read
// from there and never copied into this repository.
func fitTestdata(t testing.TB) string {
	t.Helper()
	dir, err := fitModuleTestdata()
	if err != nil {
		t.Skipf("skipped: %v; run `go mod download` to test on the module's real device files", err)
	}
	return dir
}

func fitModuleTestdata() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/muktihari/fit").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		return "", fmt.Errorf("the github.com/muktihari/fit module directory is not available (go list: %v)", err)
	}
	td := filepath.Join(dir, "testdata")
	if _, err := os.Stat(td); err != nil {
		return "", fmt.Errorf("%s is missing: %w", td, err)
	}
	return td, nil
}

// fitFile is the content of one encoded FIT activity.
type fitFile struct {
	fileType typedef.File
	sessions []*mesgdef.Session
	activity *mesgdef.Activity
	records  []*mesgdef.Record
}

var fitCreated = time.Date(2025, 3, 10, 6, 0, 0, 0, time.UTC)

// encodeFIT makes a FIT file with the library's encoder.
func encodeFIT(t testing.TB, f fitFile) []byte {
	t.Helper()
	fid := mesgdef.NewFileId(nil)
	fid.Type = f.fileType
	fid.Manufacturer = typedef.ManufacturerDevelopment
	fid.SerialNumber = 4242
	fid.TimeCreated = fitCreated
	msgs := []proto.Message{fid.ToMesg(nil)}
	for _, r := range f.records {
		msgs = append(msgs, r.ToMesg(nil))
	}
	for _, s := range f.sessions {
		msgs = append(msgs, s.ToMesg(nil))
	}
	if f.activity != nil {
		msgs = append(msgs, f.activity.ToMesg(nil))
	}
	var buf bytes.Buffer
	if err := encoder.New(&buf).Encode(&proto.FIT{Messages: msgs}); err != nil {
		t.Fatalf("encode FIT: %v", err)
	}
	return buf.Bytes()
}

// fitSession builds a session message.
func fitSession(start time.Time, sport typedef.Sport, sub typedef.SubSport, timer, elapsed time.Duration, rpe uint8) *mesgdef.Session {
	s := mesgdef.NewSession(nil)
	s.Timestamp = start.Add(elapsed)
	s.StartTime = start
	s.Sport, s.SubSport = sport, sub
	s.TotalTimerTime = uint32(timer / time.Millisecond)
	s.TotalElapsedTime = uint32(elapsed / time.Millisecond)
	s.WorkoutRpe = rpe
	s.AvgHeartRate, s.MaxHeartRate = 140, 172
	return s
}

// fitActivity builds an activity message whose local timestamp is offset
// from its timestamp.
func fitActivity(end time.Time, offset time.Duration, timer time.Duration) *mesgdef.Activity {
	a := mesgdef.NewActivity(nil)
	a.Timestamp = end
	a.LocalTimestamp = end.Add(offset)
	a.TotalTimerTime = uint32(timer / time.Millisecond)
	a.NumSessions = 1
	return a
}

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipOf makes a zip archive holding the files, in the order given.
func zipOf(t testing.TB, files ...zipFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type zipFile struct {
	name string
	data []byte
}

// writeFiles writes files into a new temporary folder and returns it.
func writeFiles(t testing.TB, files ...zipFile) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// errNames lists the files and reasons of refused or skipped entries.
func errNames(es []*FileError) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Error())
	}
	return out
}

var errEOF = io.EOF

func readAll(r io.Reader) ([]byte, error) { return io.ReadAll(r) }
