package coach

import (
	"fmt"
	"testing"
	"time"
	_ "time/tzdata" // DST tests must not depend on the machine's zoneinfo
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"2026-11-26", Date{2026, time.November, 26}, false},
		{"2024-02-29", Date{2024, time.February, 29}, false}, // leap year
		{"2000-02-29", Date{2000, time.February, 29}, false}, // divisible by 400
		{"2100-02-29", Date{}, true},                         // divisible by 100: not leap
		{"2023-02-29", Date{}, true},
		{"2026-13-01", Date{}, true},
		{"2026-04-31", Date{}, true},
		{"2026-1-05", Date{}, true},
		{"26-01-05", Date{}, true},
		{"2026-01-05 ", Date{}, true},
		{"", Date{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err == nil && got.String() != tt.in {
			t.Errorf("ParseDate(%q).String() = %q, want the input", tt.in, got.String())
		}
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2024-02-28", 1, "2024-02-29"},
		{"2024-02-29", 1, "2024-03-01"},
		{"2024-03-01", -1, "2024-02-29"},
		{"2023-02-28", 1, "2023-03-01"},
		{"2100-02-28", 1, "2100-03-01"},
		{"2000-02-28", 1, "2000-02-29"},
		{"2026-12-31", 1, "2027-01-01"},
		{"2027-01-01", -1, "2026-12-31"},
		{"2024-01-01", 366, "2025-01-01"},
		{"2025-01-01", 365, "2026-01-01"},
		{"2026-11-26", -3650, "2016-11-28"},
		{"1970-01-01", -1, "1969-12-31"},
	}
	for _, tt := range tests {
		d, _ := ParseDate(tt.from)
		if got := d.AddDays(tt.n).String(); got != tt.want {
			t.Errorf("%s.AddDays(%d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

// TestDateNumberRoundTrip checks Number against the time package and
// DateFromNumber as its inverse over about 5,500 years either side of 1970.
func TestDateNumberRoundTrip(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 12, 0, 0, 0, time.UTC)
	for n := -2_000_000; n <= 2_000_000; n += 7 {
		d := DateFromNumber(n)
		if got := d.Number(); got != n {
			t.Fatalf("DateFromNumber(%d) = %v, whose Number is %d", n, d, got)
		}
		if n%997 == 0 {
			want := DateOf(epoch.AddDate(0, 0, n))
			if d != want {
				t.Fatalf("DateFromNumber(%d) = %v, want %v (time package)", n, d, want)
			}
			if got, want := d.Weekday(), epoch.AddDate(0, 0, n).Weekday(); got != want {
				t.Fatalf("%v.Weekday() = %v, want %v", d, got, want)
			}
		}
		if next := DateFromNumber(n + 1); !d.Before(next) || !next.After(d) || d.Compare(next) != -1 || next.Compare(d) != 1 || d.Compare(d) != 0 {
			t.Fatalf("%v and %v do not compare in order", d, next)
		}
	}
}

func TestISOWeekAndMonday(t *testing.T) {
	tests := []struct {
		date     string
		year     int
		week     int
		monday   string
		weekdays time.Weekday
	}{
		{"2020-12-31", 2020, 53, "2020-12-28", time.Thursday},
		{"2021-01-03", 2020, 53, "2020-12-28", time.Sunday},
		{"2021-01-04", 2021, 1, "2021-01-04", time.Monday},
		{"2026-12-31", 2026, 53, "2026-12-28", time.Thursday},
		{"2027-01-03", 2026, 53, "2026-12-28", time.Sunday},
		{"2027-01-04", 2027, 1, "2027-01-04", time.Monday},
		{"2024-12-30", 2025, 1, "2024-12-30", time.Monday},
		{"2024-02-29", 2024, 9, "2024-02-26", time.Thursday},
	}
	for _, tt := range tests {
		d, _ := ParseDate(tt.date)
		y, w := d.ISOWeek()
		if y != tt.year || w != tt.week || d.Monday().String() != tt.monday || d.Weekday() != tt.weekdays {
			t.Errorf("%s: ISOWeek %d-W%02d Monday %s %v; want %d-W%02d Monday %s %v",
				tt.date, y, w, d.Monday(), d.Weekday(), tt.year, tt.week, tt.monday, tt.weekdays)
		}
	}
}

// TestWeekIndex checks that weekIndex changes exactly when the ISO week
// does, across every year end from 1960 to 2060 (week 53 included).
func TestWeekIndex(t *testing.T) {
	start := Date{1960, time.January, 1}.Number()
	end := Date{2060, time.December, 31}.Number()
	for n := start; n < end; n++ {
		a, b := DateFromNumber(n), DateFromNumber(n+1)
		ay, aw := a.ISOWeek()
		by, bw := b.ISOWeek()
		sameISO := ay == by && aw == bw
		wa, wb := weekIndex(n), weekIndex(n+1)
		if sameISO && wa != wb || !sameISO && wb != wa+1 {
			t.Fatalf("weekIndex(%v)=%d, weekIndex(%v)=%d; ISO weeks %d-W%d and %d-W%d", a, wa, b, wb, ay, aw, by, bw)
		}
		if weekIndex(a.Monday().Number()) != wa {
			t.Fatalf("weekIndex of %v differs from its Monday's", a)
		}
	}
}

func TestDateAtDayStartHour(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		at    time.Time
		start int
		want  string
	}{
		{time.Date(2026, 11, 26, 0, 30, 0, 0, ny), 4, "2026-11-25"},
		{time.Date(2026, 11, 26, 3, 59, 0, 0, ny), 4, "2026-11-25"},
		{time.Date(2026, 11, 26, 4, 0, 0, 0, ny), 4, "2026-11-26"},
		{time.Date(2026, 11, 26, 23, 59, 0, 0, ny), 4, "2026-11-26"},
		{time.Date(2026, 11, 26, 0, 0, 0, 0, ny), 0, "2026-11-26"},
		{time.Date(2027, 1, 1, 1, 0, 0, 0, ny), 4, "2026-12-31"},
		{time.Date(2024, 3, 1, 2, 0, 0, 0, ny), 4, "2024-02-29"},
		// The instant is read in loc, not in its own location.
		{time.Date(2026, 11, 26, 6, 0, 0, 0, time.UTC), 4, "2026-11-25"},
	}
	for _, tt := range tests {
		if got := DateAt(tt.at, ny, tt.start).String(); got != tt.want {
			t.Errorf("DateAt(%v, start %d) = %s, want %s", tt.at, tt.start, got, tt.want)
		}
	}
}

// TestDateAtDST steps through every 15 minutes of the days around each
// daylight-saving change and checks that no date is doubled (dates never
// go back) or lost (they never skip), that each date lasts 24 hours except
// the one spanning the change (23 or 25), and that the day-start rule
// holds at every step.
func TestDateAtDST(t *testing.T) {
	transitions := []struct {
		zone string
		day  string // local date of the change
	}{
		{"America/New_York", "2026-03-08"}, // 02:00 -> 03:00
		{"America/New_York", "2026-11-01"}, // 02:00 -> 01:00
		{"Australia/Sydney", "2026-04-05"}, // 03:00 -> 02:00
		{"Australia/Sydney", "2026-10-04"}, // 02:00 -> 03:00
		{"America/New_York", "2024-03-10"},
		{"Australia/Sydney", "2024-04-07"},
	}
	for _, tr := range transitions {
		loc, err := time.LoadLocation(tr.zone)
		if err != nil {
			t.Fatal(err)
		}
		day, _ := ParseDate(tr.day)
		for start := MinDayStartHour; start <= MaxDayStartHour; start++ {
			t.Run(fmt.Sprintf("%s/%s/start%d", tr.zone, tr.day, start), func(t *testing.T) {
				from := time.Date(day.Year, day.Month, day.Day-2, 12, 0, 0, 0, loc)
				to := time.Date(day.Year, day.Month, day.Day+2, 12, 0, 0, 0, loc)
				steps := map[Date]int{}
				var prev Date
				for at := from; at.Before(to); at = at.Add(15 * time.Minute) {
					got := DateAt(at, loc, start)
					lt := at.In(loc)
					want := DateOf(lt)
					if lt.Hour() < start {
						want = want.AddDays(-1)
					}
					if got != want {
						t.Fatalf("DateAt(%v) = %v, want %v", lt, got, want)
					}
					if !prev.IsZero() && got != prev && got != prev.AddDays(1) {
						t.Fatalf("DateAt(%v) = %v right after %v: a date was doubled or lost", lt, got, prev)
					}
					prev = got
					steps[got]++
				}
				odd := 0
				for d := day.AddDays(-1); d.Before(day.AddDays(2)); d = d.AddDays(1) {
					switch n := steps[d]; n {
					case 96:
					case 92, 100:
						odd++
					default:
						t.Errorf("date %v lasted %d quarter hours, want 92, 96 or 100", d, n)
					}
				}
				if odd != 1 {
					t.Errorf("%d dates of 23 or 25 hours around the change, want exactly 1 (%v)", odd, steps)
				}
			})
		}
	}
}

func TestClock(t *testing.T) {
	tests := []struct {
		in      string
		want    Clock
		wantErr bool
	}{
		{"00:00", 0, false},
		{"22:30", 22*60 + 30, false},
		{"23:59", 23*60 + 59, false},
		{"24:00", 0, true},
		{"12:60", 0, true},
		{"7:30", 0, true},
		{"07:3", 0, true},
		{"07-30", 0, true},
		{"+7:30", 0, true},
		{"0a:00", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseClock(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	add := []struct {
		c    string
		d    time.Duration
		want string
	}{
		{"22:30", 8 * time.Hour, "06:30"},
		{"23:45", 30 * time.Minute, "00:15"},
		{"00:15", -30 * time.Minute, "23:45"},
		{"10:00", 48 * time.Hour, "10:00"},
	}
	for _, tt := range add {
		c, _ := ParseClock(tt.c)
		if got := c.Add(tt.d).String(); got != tt.want {
			t.Errorf("%s.Add(%v) = %s, want %s", tt.c, tt.d, got, tt.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-26", "2024-02-29", "2100-02-29", "0000-01-01", "9999-12-31", "2026-1-1", "", "2026-02-30", "２０２６-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Errorf("ParseDate(%q) = %v, which formats as %q", s, d, d.String())
		}
		if DateFromNumber(d.Number()) != d {
			t.Errorf("ParseDate(%q) = %v, which does not survive Number", s, d)
		}
	})
}

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"00:00", "22:30", "23:59", "24:00", "7:30", "12:60", "", "1:2:3", "-1:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClock(s)
		if err != nil {
			return
		}
		if c < 0 || c >= 1440 || c.String() != s {
			t.Errorf("ParseClock(%q) = %d, which formats as %q", s, c, c.String())
		}
	})
}

// TestWeekStreakBeforeEpoch checks the week bookkeeping of walk on dates
// before 1970, where day numbers are negative.
func TestWeekStreakBeforeEpoch(t *testing.T) {
	s := DefaultSettings()
	for _, last := range []string{"1969-12-31", "1970-01-04", "1970-01-05", "1960-02-29"} {
		days := history(t, last, "C-C--C---C-----C")
		got := Streaks(days, date(t, last), s).Week
		weeks := map[[2]int]bool{}
		for _, d := range days {
			y, w := d.Date.ISOWeek()
			weeks[[2]int{y, w}] = true
		}
		if got != len(weeks) {
			t.Errorf("week streak ending %s = %d, want %d", last, got, len(weeks))
		}
	}
}
