package ui

import (
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"cooldown/coach"
	"cooldown/store"
)

// screenHarness drives the whole app model over a real store in a
// temporary directory, with a clock the test sets (hs.now) and colour off,
// running commands synchronously (timers excepted) so a test reads like a
// session. It is the one harness of the screen tests: keys are pressKey's
// (helpers_test.go).
type screenHarness struct {
	t   testing.TB
	st  *store.Store
	m   *Model
	now time.Time
}

// newScreenHarness stores days and opens the app at noon of today (UTC) in
// a window of w x h cells.
func newScreenHarness(t testing.TB, today string, days []coach.Day, w, h int) *screenHarness {
	t.Helper()
	return openHarness(t, harnessStore(t, days...), today, w, h)
}

// harnessStore opens a new store in a temporary directory holding days
// under the default settings.
func harnessStore(t testing.TB, days ...coach.Day) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "cooldown.db"), store.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	if len(days) > 0 {
		if err := st.Replace(coach.DefaultSettings(), days); err != nil {
			t.Fatalf("store days: %v", err)
		}
	}
	return st
}

// openHarness opens a new app model on an existing store at noon of today
// (UTC), as a new run of the program would.
func openHarness(t testing.TB, st *store.Store, today string, w, h int) *screenHarness {
	t.Helper()
	d := mustDate(t, today)
	return openHarnessAt(t, st, time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC), time.UTC, w, h)
}

// openHarnessAt opens a new app model on an existing store at the instant
// now in location loc; the test moves the clock by setting hs.now.
func openHarnessAt(t testing.TB, st *store.Store, now time.Time, loc *time.Location, w, h int) *screenHarness {
	t.Helper()
	hs := &screenHarness{t: t, st: st, now: now}
	hs.m = New(Options{
		Store:    st,
		Now:      func() time.Time { return hs.now },
		Location: loc,
		Terminal: Terminal{Profile: colorprofile.ASCII, Dark: true},
	})
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send gives the model a message and runs the commands it returns; it
// returns how many timers (tea.Tick) they started, not waited for.
func (hs *screenHarness) send(msg tea.Msg) int {
	hs.t.Helper()
	_, cmd := hs.m.Update(msg)
	return hs.run(cmd)
}

// isTimer reports whether cmd is a timer (tea.Tick, a cursor blink), which
// the harness does not wait for.
func isTimer(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	return strings.Contains(name, "bubbletea/v2.Tick") || strings.Contains(name, "bubbletea/v2.Every") ||
		strings.Contains(name, "bubbles/v2/cursor") // the blink of a text field's cursor
}

// run runs a command and everything that follows from it, in order, and
// returns the number of timers met (not waited for).
func (hs *screenHarness) run(cmd tea.Cmd) int {
	hs.t.Helper()
	return drain(hs.t, hs.m, cmd)
}

// drain runs cmd and every command that follows from it through m, in
// order, as Bubble Tea would but synchronously, and returns how many timers
// (tea.Tick, a cursor blink) it met without waiting for them.
func drain(t testing.TB, m tea.Model, cmd tea.Cmd) (timers int) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 10000 {
			t.Fatal("commands keep producing commands")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		if isTimer(c) {
			timers++
			continue
		}
		msg := c()
		if msg == nil {
			continue
		}
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
			continue
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			continue
		}
		_, next := m.Update(msg)
		queue = append(queue, next)
	}
	return timers
}

// press sends keys one after another.
func (hs *screenHarness) press(keys ...string) {
	hs.t.Helper()
	for _, k := range keys {
		hs.send(pressKey(k))
	}
}

// typeText types text into the focused field.
func (hs *screenHarness) typeText(s string) {
	hs.t.Helper()
	for _, r := range s {
		hs.send(pressKey(string(r)))
	}
}

// open shows a screen as the home screen's keys would.
func (hs *screenHarness) open(s screen) {
	hs.t.Helper()
	hs.send(openScreenMsg{s})
}

func (hs *screenHarness) view() string { return plain(plain(hs.m.View().Content)) }

// golden compares the whole screen with testdata/<test name>.golden (run
// the tests with -update to rewrite it) and checks that no line of it ends
// in a cut word (words_test.go).
func (hs *screenHarness) golden() {
	hs.t.Helper()
	frame := hs.m.View().Content
	golden.RequireEqual(hs.t, []byte(asciiFrame(frame)))
	checkWords(hs.t, frame, func() string { return wideView(hs.m, hs.m.ctx.width, hs.m.ctx.height) })
}

// mustContain fails unless the screen shows every one of want.
func (hs *screenHarness) mustContain(want ...string) {
	hs.t.Helper()
	v := hs.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			hs.t.Fatalf("screen does not show %q:\n%s", w, v)
		}
	}
}

// testHistory builds n calendar days of training ending at end: most days
// complete, every seventh a rest day, some partial, the newest two pending
// (no morning check yet). It is deterministic.
func testHistory(end coach.Date, n int) []coach.Day {
	at := time.Date(end.Year, end.Month, end.Day, 19, 0, 0, 0, time.UTC)
	var days []coach.Day
	for i := n - 1; i >= 0; i-- {
		date := end.AddDays(-i)
		if date.Number()%7 == 3 {
			continue // a rest day
		}
		kind := coach.Kinds[date.Number()%len(coach.Kinds)]
		d := coach.Day{Date: date, Workouts: []coach.Workout{{Kind: kind, Minutes: 30 + 5*(date.Number()%7), RPE: 3 + date.Number()%6}}}
		d.SetDone(coach.Stretching, true, at)
		d.SetDone(coach.Berries, true, at)
		if date.Number()%5 != 0 {
			d.SetDone(coach.LeafyGreens, true, at)
			d.SetDone(coach.FattyFish, true, at)
		}
		if i >= 2 {
			d.Morning = &coach.Morning{SleepHours: 6.5 + float64(date.Number()%4)/2, SleepQuality: 2, Fatigue: 1 + date.Number()%4, Stress: 2, Soreness: 3}
		}
		if date.Number()%11 == 0 {
			c := coach.Clock(22*60 + 30)
			d.Bedtime = &c
			d.Note = "legs felt heavy; easy spin tomorrow"
		}
		days = append(days, d)
	}
	return days
}

func mustDate(t testing.TB, s string) coach.Date {
	t.Helper()
	d, err := coach.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// windowSize is the message of a window of w x h cells.
func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// wheel is one turn of the mouse wheel, up or down.
func wheel(up bool) tea.MouseWheelMsg {
	b := tea.MouseWheelDown
	if up {
		b = tea.MouseWheelUp
	}
	return tea.MouseWheelMsg{Button: b}
}

// newBenchHarness opens the app with the colours and glamour style people
// see (true colour, dark), not the plain style go test falls back to, over
// n days of history ending today.
func newBenchHarness(b *testing.B, n, w, h int) *screenHarness {
	b.Helper()
	today := "2026-11-26"
	st, err := store.Open(filepath.Join(b.TempDir(), "cooldown.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if n > 0 {
		if err := st.Replace(coach.DefaultSettings(), testHistory(mustDate(b, today), n)); err != nil {
			b.Fatal(err)
		}
	}
	hs := openHarness(b, st, today, w, h)
	hs.m.ctx.term = Terminal{Profile: colorprofile.TrueColor, Dark: true}
	hs.m.ctx.setTheme(hs.m.ctx.theme)
	hs.send(windowSize(w, h))
	return hs
}

// benchKeys measures Update and View for each key of keys in turn; the
// commands a key returns (timers, saves) are not run.
func benchKeys(b *testing.B, hs *screenHarness, keys ...string) {
	msgs := make([]tea.Msg, len(keys))
	for i, k := range keys {
		msgs[i] = pressKey(k)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		hs.m.Update(msgs[i%len(msgs)])
		_ = plain(hs.m.View().Content)
	}
}

// benchSizes are the window sizes of the key benchmarks.
var benchSizes = [][2]int{{80, 24}, {200, 60}}
