package coach

import (
	"fmt"
	"time"
)

// Date is a calendar date in the person's own time zone, with no time of day
// and no location. Dates compare with == and order with Before and After;
// arithmetic is done on a day number, so daylight-saving changes can never
// double or drop a day.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateLayout is the layout of a Date in keys, flags and files: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// ParseDate reads a date written as YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, a real calendar date", s)
	}
	return DateOf(t), nil
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// DateAt returns the recovery date that the instant t belongs to in loc:
// a moment before dayStartHour (0 to 23) belongs to the previous date, so a
// check-in at 00:30 after a late session counts for the evening before.
func DateAt(t time.Time, loc *time.Location, dayStartHour int) Date {
	if loc != nil {
		t = t.In(loc)
	}
	d := DateOf(t)
	if t.Hour() < dayStartHour {
		// The previous calendar date that happened in this zone: the date of
		// the instant just before today's midnight. It is d-1 everywhere
		// except where a zone skipped a whole date (Pacific/Apia skipped
		// 2011-12-30), and a date that never happened must not be a result.
		midnight := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, t.Location())
		d = DateOf(midnight.Add(-time.Nanosecond))
	}
	return d
}

// String returns the date as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns noon of d in UTC, a safe instant for formatting the date.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
}

// Number returns the count of days since 1970-01-01 (negative before it).
// Consecutive dates have consecutive numbers.
func (d Date) Number() int {
	// Days from civil, Howard Hinnant's algorithm.
	y := d.Year
	m := int(d.Month)
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// DateFromNumber is the inverse of Date.Number.
func DateFromNumber(n int) Date {
	z := n + 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), day}
}

// AddDays returns the date n days after d (before it when n is negative).
func (d Date) AddDays(n int) Date { return DateFromNumber(d.Number() + n) }

// DaysUntil returns how many days lie from d to e (negative when e is before d).
func (d Date) DaysUntil(e Date) int { return e.Number() - d.Number() }

// Compare returns -1 when d comes before e, +1 when after, 0 when equal.
// It compares year, month and day in turn, so it is cheap enough for the
// binary searches the rules make over long histories.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	}
	return sign(d.Day - e.Day)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d comes after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	w := (d.Number() + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// ISOWeek returns the ISO 8601 year and week number of d.
func (d Date) ISOWeek() (year, week int) { return d.Time().ISOWeek() }

// Monday returns the Monday that starts d's ISO week.
func (d Date) Monday() Date {
	off := (int(d.Weekday()) + 6) % 7
	return d.AddDays(-off)
}

// weekIndex numbers ISO weeks (Monday to Sunday) consecutively: the week of
// day number n. Day -3, 1969-12-29, was a Monday and starts week 0. Counting
// weeks this way makes week 53 and year ends ordinary steps.
func weekIndex(n int) int {
	n += 3
	if n < 0 {
		return -((-n + 6) / 7)
	}
	return n / 7
}
