package coach

// Reliability tests of time (issue 7; docs/reliability.md): day boundaries
// in more zones than date_test.go covers, a 30-minute DST shift, a skipped
// calendar date, a time zone change and a clock set back.

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"

	_ "time/tzdata" // zone rules must not depend on the machine's zoneinfo
)

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestDateAtDSTMoreZones steps every 5 minutes through the days around the
// daylight-saving changes of Europe/London and Australia/Lord_Howe (whose
// clocks move by 30 minutes) for every day-start hour, and checks the
// rule at every step: the date is the wall-clock date, the previous one
// before the day-start hour; dates never go back or skip; and exactly one
// date around the change is longer or shorter than 24 hours, by the size
// of the shift. (America/New_York and Australia/Sydney: TestDateAtDST.)
func TestDateAtDSTMoreZones(t *testing.T) {
	transitions := []struct {
		zone  string
		day   string        // local date of the change
		delta time.Duration // how much longer (+) or shorter (-) the odd date is
	}{
		{"Europe/London", "2026-03-29", -time.Hour},           // 01:00 GMT -> 02:00 BST
		{"Europe/London", "2026-10-25", time.Hour},            // 02:00 BST -> 01:00 GMT
		{"Australia/Lord_Howe", "2026-04-05", time.Hour / 2},  // 02:00 -> 01:30
		{"Australia/Lord_Howe", "2026-10-04", -time.Hour / 2}, // 02:00 -> 02:30
		{"America/New_York", "2026-03-08", -time.Hour},
		{"America/New_York", "2026-11-01", time.Hour},
		{"Australia/Sydney", "2026-04-05", time.Hour},
		{"Australia/Sydney", "2026-10-04", -time.Hour},
	}
	const step = 5 * time.Minute
	for _, tr := range transitions {
		loc := mustLoc(t, tr.zone)
		day := date(t, tr.day)
		// The fixture: the offset really changes during that local date.
		_, before := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, loc).Zone()
		_, after := time.Date(day.Year, day.Month, day.Day, 12, 0, 0, 0, loc).Zone()
		if got := time.Duration(before-after) * time.Second; got != tr.delta {
			t.Fatalf("%s %s: the offset changes by %v, the test expects %v", tr.zone, tr.day, got, tr.delta)
		}
		for start := MinDayStartHour; start <= MaxDayStartHour; start++ {
			t.Run(fmt.Sprintf("%s/%s/start%d", tr.zone, tr.day, start), func(t *testing.T) {
				from := time.Date(day.Year, day.Month, day.Day-2, 12, 0, 0, 0, loc)
				to := time.Date(day.Year, day.Month, day.Day+2, 12, 0, 0, 0, loc)
				steps := map[Date]int{}
				var prev Date
				for at := from; at.Before(to); at = at.Add(step) {
					got := DateAt(at, loc, start)
					lt := at.In(loc)
					want := DateOf(lt)
					if lt.Hour() < start {
						want = want.AddDays(-1)
					}
					if got != want {
						t.Fatalf("DateAt(%v, start %d) = %v, want %v", lt, start, got, want)
					}
					if !prev.IsZero() && got != prev && got != prev.AddDays(1) {
						t.Fatalf("DateAt(%v) = %v right after %v: a date was doubled or lost", lt, got, prev)
					}
					prev = got
					steps[got]++
				}
				full := int(24 * time.Hour / step)
				odd := int((24*time.Hour + tr.delta) / step)
				var odds []Date
				for d := day.AddDays(-1); d.Before(day.AddDays(2)); d = d.AddDays(1) {
					switch steps[d] {
					case full:
					case odd:
						odds = append(odds, d)
					default:
						t.Errorf("date %v lasted %v, want 24h or %v", d, time.Duration(steps[d])*step, 24*time.Hour+tr.delta)
					}
				}
				if len(odds) != 1 {
					t.Errorf("dates lasting %v around the change: %v, want exactly one", 24*time.Hour+tr.delta, odds)
				}
			})
		}
	}
}

// TestDateAtApiaSkippedDay: Pacific/Apia moved across the date line at the
// end of 2011-12-29 (UTC-10), whose next instant was 2011-12-31 00:00
// (UTC+14): 2011-12-30 never happened there. Dates are calendar dates and
// DateAt reads the wall clock, so:
//   - with the day starting at midnight, 2011-12-30 is never a recovery
//     date, and the 29th and 31st follow each other instant by instant;
//   - with a later day-start hour h, the first h hours of the 31st belong
//     to "the evening before" by the wall-clock rule, which is 2011-12-30:
//     a check-in at 00:30 after a late session on the 29th is filed under
//     the 30th, a different record from the 29th's workout. That is what
//     the product does today (a one-off of a skipped date; reported in
//     docs/reliability.md, not changed here).
func TestDateAtApiaSkippedDay(t *testing.T) {
	apia := mustLoc(t, "Pacific/Apia")
	last29 := time.Date(2011, 12, 29, 23, 59, 0, 0, apia)
	first31 := time.Date(2011, 12, 31, 0, 0, 0, 0, apia)
	if gap := first31.Sub(last29); gap != time.Minute {
		t.Fatalf("fixture: 2011-12-29 23:59 to 2011-12-31 00:00 in Apia is %v, want 1m (the skipped day)", gap)
	}
	skipped := date(t, "2011-12-30")
	from := time.Date(2011, 12, 28, 12, 0, 0, 0, apia)
	to := time.Date(2012, 1, 1, 12, 0, 0, 0, apia)
	for start := MinDayStartHour; start <= MaxDayStartHour; start++ {
		t.Run(fmt.Sprintf("start%d", start), func(t *testing.T) {
			var seen []Date
			hours := map[Date]time.Duration{}
			var prev Date
			for at := from; at.Before(to); at = at.Add(time.Minute) {
				got := DateAt(at, apia, start)
				if !prev.IsZero() && got.Before(prev) {
					t.Fatalf("DateAt(%v) = %v after %v: dates went back", at.In(apia), got, prev)
				}
				if got != prev {
					seen = append(seen, got)
				}
				prev = got
				hours[got] += time.Minute
			}
			if start == 0 {
				want := []Date{date(t, "2011-12-28"), date(t, "2011-12-29"), date(t, "2011-12-31"), date(t, "2012-01-01")}
				if !reflect.DeepEqual(seen, want) {
					t.Errorf("dates seen: %v, want %v (no 2011-12-30)", seen, want)
				}
				return
			}
			// 2011-12-30 never happened in Apia, so it is never a date: the
			// first `start` hours of the 31st still belong to the 29th, the
			// last date that did happen.
			if got := hours[skipped]; got != 0 {
				t.Errorf("2011-12-30, a date Apia skipped, lasted %v; want it never to be a date", got)
			}
			if got, want := hours[date(t, "2011-12-29")], time.Duration(24)*time.Hour; got != want {
				t.Errorf("2011-12-29 lasted %v, want %v (its own hours after %02d:00 and the first %d of the 31st)", got, want, start, start)
			}
			at := time.Date(2011, 12, 31, 0, 30, 0, 0, apia)
			if got, want := DateAt(at, apia, start), date(t, "2011-12-29"); got != want {
				t.Errorf("DateAt(31st 00:30, start %d) = %v, want %v", start, got, want)
			}
		})
	}

	// A streak across the skipped date: the 29th and the 31st are two
	// calendar dates apart, and the 30th, a date without training, neither
	// adds nor breaks.
	s := DefaultSettings()
	for _, tc := range []struct {
		pattern string // 2011-12-28 .. 2012-01-01, one ISO week
		want    Streak
	}{
		{"CC-CC", Streak{4, 4, 1}},
		{"CC-XC", Streak{1, 2, 1}},
		{"CCCCC", Streak{5, 5, 1}}, // a day filed under the 30th counts like any other
		{"CCXCC", Streak{2, 2, 1}},
	} {
		days := history(t, "2012-01-01", tc.pattern)
		if got := Streaks(days, date(t, "2012-01-01"), s); got != tc.want {
			t.Errorf("Streaks(%s ending 2012-01-01) = %+v, want %+v", tc.pattern, got, tc.want)
		}
	}
	if n := date(t, "2011-12-29").DaysUntil(date(t, "2011-12-31")); n != 2 {
		t.Errorf("2011-12-29 to 2011-12-31: %d days, want 2 calendar days", n)
	}
}

// TestTimeZoneChangeBetweenRuns: days are stored by calendar date, so the
// same history read in another zone keeps every date; only "today" moves
// with the zone, and with it what counts as past.
func TestTimeZoneChangeBetweenRuns(t *testing.T) {
	s := DefaultSettings()
	days := history(t, "2026-11-26", "CCPCC")
	// 2026-11-26 18:00 UTC: the 26th in London, already the 27th (07:00)
	// in Auckland, still the 26th (10:00) in Los Angeles.
	at := time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		zone  string
		today string
		want  Summary
	}{
		{"Europe/London", "2026-11-26", Summary{TodayStatus: StatusComplete, TrainingDays: 5}},
		{"Pacific/Auckland", "2026-11-27", Summary{TodayStatus: StatusNone, TrainingDays: 5}},
		{"America/Los_Angeles", "2026-11-26", Summary{TodayStatus: StatusComplete, TrainingDays: 5}},
	} {
		today := DateAt(at, mustLoc(t, tc.zone), s.DayStartHour)
		if today.String() != tc.today {
			t.Fatalf("%s: today %v, want %s", tc.zone, today, tc.today)
		}
		before := fmt.Sprint(days)
		sum := Summarize(days, today, s)
		if fmt.Sprint(days) != before {
			t.Errorf("%s: Summarize changed the stored days", tc.zone)
		}
		if sum.TodayStatus != tc.want.TodayStatus || sum.TrainingDays != tc.want.TrainingDays || sum.Streak.Current != 4 {
			t.Errorf("%s: today %v status %v, %d training days, streak %d; want %v, %d, 4",
				tc.zone, today, sum.TodayStatus, sum.TrainingDays, sum.Streak.Current, tc.want.TodayStatus, tc.want.TrainingDays)
		}
	}
}

// TestClockSetBackIgnoresFutureDays: days dated after today (written while
// the clock was ahead, or imported from such a machine) play no part in
// anything Summarize reports until their date comes: the summary equals
// that of the history cut at today.
func TestClockSetBackIgnoresFutureDays(t *testing.T) {
	s := DefaultSettings()
	r := rand.New(rand.NewSource(7))
	const kinds = "CCCPX--"
	for i := 0; i < 300; i++ {
		n := 1 + r.Intn(80)
		p := make([]byte, n)
		for j := range p {
			p[j] = kinds[r.Intn(len(kinds))]
		}
		last := date(t, "2026-11-26").AddDays(r.Intn(40) - 20)
		days := history(t, last.String(), string(p))
		today := last.AddDays(-r.Intn(n + 5))
		var past []Day
		for _, d := range days {
			if !d.Date.After(today) {
				past = append(past, d)
			}
		}
		got, want := Summarize(days, today, s), Summarize(past, today, s)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("pattern %s ending %v, today %v: summary with future days\n %+v\nwant\n %+v", p, last, today, got, want)
		}
	}
}
