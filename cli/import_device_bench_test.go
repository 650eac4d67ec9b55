package cli

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
)

// benchEnv is an env for running a command in this process.
func benchEnv(db string) *env {
	return &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
		now: time.Now, loc: time.UTC, getenv: os.Getenv, dbPath: db}
}

// stravaFolder writes a Strava bulk export of n manual activities (one a
// day, ending 2026-11-25) unpacked in a folder, and returns it.
func stravaFolder(b *testing.B, n int) string {
	dir := b.TempDir()
	var sb strings.Builder
	sb.WriteString("Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Moving Time,Filename,Perceived Exertion\n")
	end := time.Date(2026, 11, 25, 7, 10, 0, 0, time.UTC)
	types := []string{"Run", "Ride", "Weight Training", "Swim", "Yoga"}
	for i := range n {
		at := end.AddDate(0, 0, -i)
		fmt.Fprintf(&sb, "%d,\"%s\",Session %d,%s,%d,%d,,%s\n", 1000+i, at.Format("Jan 2, 2006, 3:04:05 PM"), i, types[i%len(types)], 3000+i%600, 2700+i%600, []string{"", "6.0"}[i%2])
	}
	if err := os.WriteFile(filepath.Join(dir, "activities.csv"), []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	return dir
}

// peakRSS returns this process's peak resident set (Linux), in MB.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(v), "%f", &kb)
			return kb / 1024
		}
	}
	return 0
}

func benchImport(b *testing.B, path string, again bool) {
	db := filepath.Join(b.TempDir(), "c.db")
	if again {
		if err := importDevice(benchEnv(db), path, coach.Date{}); err != nil {
			b.Fatal(err)
		}
	}
	var ms runtime.MemStats
	for b.Loop() {
		if !again {
			b.StopTimer()
			db = filepath.Join(b.TempDir(), fmt.Sprint("c", b.N, ".db"))
			b.StartTimer()
		}
		if err := importDevice(benchEnv(db), path, coach.Date{}); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapSys)/(1<<20), "heap-sys-MB")
	b.ReportMetric(peakRSS(), "peak-RSS-MB")
}

// BenchmarkImportFITTestdata imports the FIT files of muktihari/fit's
// module (25 FIT files, 12 sessions kept) into a new database, and again.
func BenchmarkImportFITTestdata(b *testing.B) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/muktihari/fit").Output()
	if err != nil {
		b.Skip(err)
	}
	td := filepath.Join(strings.TrimSpace(string(out)), "testdata")
	b.Run("new", func(b *testing.B) { benchImport(b, td, false) })
	b.Run("again", func(b *testing.B) { benchImport(b, td, true) })
}

// BenchmarkImportStravaFolder imports a generated Strava export of 3,650
// manual activities (ten years, one file) into a new database, and again.
func BenchmarkImportStravaFolder(b *testing.B) {
	dir := stravaFolder(b, 3650)
	b.Run("new", func(b *testing.B) { benchImport(b, dir, false) })
	b.Run("again", func(b *testing.B) { benchImport(b, dir, true) })
}
