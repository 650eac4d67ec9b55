package interchange

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/muktihari/fit/decoder"
)

// appleGen generates an Apple Health export.xml of about size bytes on
// the fly, never held whole: day after day of heart rate records (each
// with a metadata child, as the Watch writes them), step counts, a night's
// sleep stages, one workout with its statistics and a rated effort.
type appleGen struct {
	size    int64
	written int64
	buf     []byte
	off     int
	day     time.Time
	tailed  bool
	// heartOnly leaves out sleep and workouts: every record is one the
	// reader passes over, so nothing is kept.
	heartOnly bool
	// checkEvery > 0: every that many bytes, force a collection and
	// keep the largest heap still in use after it in live.
	checkEvery, nextCheck int64
	live                  uint64
	// counts of what was generated, to check the reader against
	workouts, sleep int
}

func newAppleGen(size int64) *appleGen {
	return &appleGen{size: size, buf: []byte(appleHead), day: time.Date(2015, 1, 1, 0, 0, 0, 0, time.FixedZone("", 3600))}
}

func (g *appleGen) Read(p []byte) (int, error) {
	if g.checkEvery > 0 && g.written >= g.nextCheck {
		g.nextCheck += g.checkEvery
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		g.live = max(g.live, ms.HeapAlloc)
	}
	for g.off == len(g.buf) {
		if g.tailed {
			return 0, io.EOF
		}
		g.buf, g.off = g.buf[:0], 0
		if g.written >= g.size {
			g.buf = append(g.buf, appleTail...)
			g.tailed = true
			break
		}
		g.nextDay()
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	g.written += int64(n)
	return n, nil
}

const appleDate = "2006-01-02 15:04:05 -0700"

func (g *appleGen) record(typ, unit, value string, start, end time.Time, meta bool) {
	b := g.buf
	b = append(b, ` <Record type="`...)
	b = append(b, typ...)
	b = append(b, `" sourceName="Ann’s Apple Watch" sourceVersion="11.3" device="&lt;&lt;HKDevice: 0x300c0a8f0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:11.3&gt;" unit="`...)
	b = append(b, unit...)
	b = append(b, `" creationDate="`...)
	b = end.AppendFormat(b, appleDate)
	b = append(b, `" startDate="`...)
	b = start.AppendFormat(b, appleDate)
	b = append(b, `" endDate="`...)
	b = end.AppendFormat(b, appleDate)
	b = append(b, `" value="`...)
	b = append(b, value...)
	if meta {
		b = append(b, "\">\n  <MetadataEntry key=\"HKMetadataKeyHeartRateMotionContext\" value=\"0\"/>\n </Record>\n"...)
	} else {
		b = append(b, "\"/>\n"...)
	}
	g.buf = b
}

func (g *appleGen) nextDay() {
	d := g.day
	g.day = d.AddDate(0, 0, 1)
	for i := range 300 {
		t := d.Add(time.Duration(i) * 4 * time.Minute)
		g.record("HKQuantityTypeIdentifierHeartRate", "count/min", strconv.Itoa(55+i%90), t, t, true)
	}
	if g.heartOnly {
		return
	}
	for i := range 48 {
		t := d.Add(time.Duration(i) * 30 * time.Minute)
		g.record("HKQuantityTypeIdentifierStepCount", "count", strconv.Itoa(i*7%400), t, t.Add(10*time.Minute), false)
	}
	night := d.Add(-90 * time.Minute)
	g.record(appleSleepType, "", "HKCategoryValueSleepAnalysisInBed", night, night.Add(8*time.Hour), false)
	stages := []string{"Core", "Deep", "Core", "REM", "Core", "Deep", "REM", "Core"}
	for i, s := range stages {
		t := night.Add(time.Duration(i) * time.Hour)
		g.record(appleSleepType, "", "HKCategoryValueSleepAnalysisAsleep"+s, t, t.Add(50*time.Minute), false)
		g.sleep++
	}
	w := d.Add(17 * time.Hour)
	g.record(appleEffortType, "appleEffortScore", strconv.Itoa(1+g.workouts%10), w, w.Add(50*time.Minute), false)
	b := g.buf
	b = append(b, ` <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="48.5" durationUnit="min" sourceName="Ann’s Apple Watch" sourceVersion="11.3" creationDate="`...)
	b = w.Add(time.Hour).AppendFormat(b, appleDate)
	b = append(b, `" startDate="`...)
	b = w.AppendFormat(b, appleDate)
	b = append(b, `" endDate="`...)
	b = w.Add(50*time.Minute).AppendFormat(b, appleDate)
	b = append(b, "\">\n  <MetadataEntry key=\"HKIndoorWorkout\" value=\"0\"/>\n  <WorkoutStatistics type=\"HKQuantityTypeIdentifierHeartRate\" startDate=\""...)
	b = w.AppendFormat(b, appleDate)
	b = append(b, `" endDate="`...)
	b = w.Add(50*time.Minute).AppendFormat(b, appleDate)
	b = append(b, "\" average=\"151.3\" minimum=\"98\" maximum=\"177\" unit=\"count/min\"/>\n </Workout>\n"...)
	g.buf = b
	g.workouts++
}

// peakHeap samples the heap while f runs and returns the largest value of
// runtime/metrics' heap objects (live and not yet swept: what the process
// holds, which depends on when the collector runs), in bytes.
func peakHeap(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			mu.Lock()
			peak = max(peak, sample[0].Value.Uint64())
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak
}

// appleBenchBytes is the size of the generated export: 64 MiB unless
// COOLDOWN_APPLE_BYTES says otherwise (2147483648 for the 2 GiB figure in
// docs/performance.md).
func appleBenchBytes(b *testing.B) int64 {
	if s := os.Getenv("COOLDOWN_APPLE_BYTES"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			b.Fatalf("COOLDOWN_APPLE_BYTES=%q: want a number of bytes", s)
		}
		return n
	}
	return 64 << 20
}

// BenchmarkAppleHealthExport streams a generated export through Read and
// reports its throughput, the peak heap while reading, the largest heap
// still in use after a forced collection at each eighth of the stream
// (the reader's own memory plus the result so far), and the size of what
// the result keeps (sessions and sleep intervals). "records-only"
// holds heart rate records alone, which the reader passes over.
func BenchmarkAppleHealthExport(b *testing.B) {
	size := appleBenchBytes(b)
	for _, heartOnly := range []bool{false, true} {
		name := "full"
		if heartOnly {
			name = "records-only"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			var peak, live uint64
			for range b.N {
				runtime.GC()
				g := newAppleGen(size)
				g.heartOnly = heartOnly
				g.checkEvery = size / 8
				var res Result
				peak = max(peak, peakHeap(func() { res = Read("export.xml", g, Limits{}) }))
				live = max(live, g.live)
				if heartOnly {
					if len(res.Skipped) != 1 || !errors.Is(res.Skipped[0], ErrNoWorkout) {
						b.Fatalf("got %v, want no workout recorded", errNames(res.Skipped))
					}
					continue
				}
				if len(res.Refused)+len(res.Skipped) > 0 || len(res.Sessions) != g.workouts || len(res.Sleep) != g.sleep {
					b.Fatalf("got %d workouts, %d sleep, errors %v; want %d, %d", len(res.Sessions), len(res.Sleep), errNames(res.Refused), g.workouts, g.sleep)
				}
				kept := len(res.Sessions)*int(unsafe.Sizeof(Session{})) + len(res.Sleep)*int(unsafe.Sizeof(Sleep{}))
				b.ReportMetric(float64(g.workouts), "workouts")
				b.ReportMetric(float64(g.sleep), "sleep-intervals")
				b.ReportMetric(float64(kept)/(1<<20), "result-MiB")
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(live)/(1<<20), "live-after-GC-MiB")
		})
	}
}

// BenchmarkFITBigActivity reads the library's 2.4 MB big_activity.fit
// through the listener and reports the peak heap, the file's own bytes
// included.
func BenchmarkFITBigActivity(b *testing.B) {
	data := bigActivity(b)
	var peak uint64
	for range b.N {
		runtime.GC()
		var res Result
		peak = max(peak, peakHeap(func() { res = Read("big_activity.fit", bytes.NewReader(data), Limits{}) }))
		if len(res.Sessions) != 1 {
			b.Fatalf("got %d sessions, refused %v; want 1", len(res.Sessions), errNames(res.Refused))
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// BenchmarkFITBigActivityDecodeAll is the comparison the listener is
// chosen against: the library's Decode, keeping every message.
func BenchmarkFITBigActivityDecodeAll(b *testing.B) {
	data := bigActivity(b)
	var peak uint64
	for range b.N {
		runtime.GC()
		var n int
		peak = max(peak, peakHeap(func() {
			f, err := decoder.New(bytes.NewReader(data)).Decode()
			if err != nil {
				b.Fatal(err)
			}
			n = len(f.Messages)
		}))
		if n == 0 {
			b.Fatal("no messages")
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

func bigActivity(b *testing.B) []byte {
	data, err := os.ReadFile(filepath.Join(fitTestdata(b), "big_activity.fit"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	return data
}

// TestAppleGenRead checks the generator and the reader against each
// other on a small export: every workout, sleep stage and effort found.
func TestAppleGenRead(t *testing.T) {
	g := newAppleGen(2 << 20)
	res := Read("export.xml", g, Limits{})
	if len(res.Refused)+len(res.Skipped) > 0 || len(res.Sessions) != g.workouts || len(res.Sleep) != g.sleep || g.workouts < 5 {
		t.Fatalf("got %d workouts, %d sleep, errors %v; want %d, %d", len(res.Sessions), len(res.Sleep), errNames(res.Refused), g.workouts, g.sleep)
	}
	for i, s := range res.Sessions {
		if want := float64(1 + i%10); s.RPE != want || s.AvgHR != 151 || s.Timer != 48*time.Minute+30*time.Second {
			t.Fatalf("workout %d: got %+v, want RPE %v, HR 151, 48m30s", i, s, want)
		}
	}
}
