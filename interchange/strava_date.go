package interchange

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// stravaMonths maps the first letters of a month name, as Strava's
// locales abbreviate it, to the month: English, German, French, Spanish,
// Italian, Portuguese and Dutch.
var stravaMonths = map[string]time.Month{
	"jan": 1, "ene": 1, "gen": 1, "janv": 1,
	"feb": 2, "fév": 2, "fev": 2,
	"mar": 3, "mär": 3, "mrt": 3,
	"apr": 4, "avr": 4, "abr": 4,
	"may": 5, "mai": 5, "mei": 5, "mag": 5,
	"jun": 6, "juin": 6, "giu": 6,
	"jul": 7, "juil": 7, "lug": 7,
	"aug": 8, "aoû": 8, "aou": 8, "ago": 8,
	"sep": 9, "set": 9,
	"oct": 10, "okt": 10, "out": 10, "ott": 10,
	"nov": 11,
	"dec": 12, "déc": 12, "dez": 12, "dic": 12,
}

// parseStravaDate reads activities.csv's "Activity Date", a UTC time
// written in the account's locale. Supported:
//
//	Jan 5, 2024, 7:10:22 AM   (en-US)
//	5 Jan 2024, 07:10:22      (en-GB and the day-first locales: de, fr, es, it, pt, nl month names)
//	5. Jan. 2024, 07:10:22    (de)
//	05.01.2024, 07:10:22      (numeric, day first, dots)
//	2024-01-05 07:10:22       (ISO, also with T and Z)
//	2024/01/05 07:10:22       (year first, slashes)
//
// A numeric date with slashes and the year last (01/05/2024) is refused:
// it cannot tell January 5 from May 1.
func parseStravaDate(s string) (time.Time, error) {
	orig := s
	if len(s) > 64 {
		return time.Time{}, fmt.Errorf("date %q is too long", clip(s, 64))
	}
	for _, layout := range []string{"2006-01-02 15:04:05", time.RFC3339, "2006-01-02T15:04:05", "2006/01/02 15:04:05", "2006/1/2 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	bad := func(why string) (time.Time, error) {
		return time.Time{}, fmt.Errorf("date %q %s (supported: \"Jan 5, 2024, 7:10:22 AM\", \"5 Jan 2024, 07:10:22\", \"05.01.2024, 07:10:22\", \"2024-01-05 07:10:22\")", clip(orig, 40), why)
	}
	lower := strings.ToLower(s)
	// The time is the last run of digits and colons holding a colon.
	ci := strings.LastIndexByte(lower, ':')
	if ci < 0 {
		return bad("has no time of day")
	}
	ts := strings.LastIndexFunc(lower[:ci], func(r rune) bool { return !unicode.IsDigit(r) && r != ':' }) + 1
	te := ci + 1
	for te < len(lower) && (lower[te] >= '0' && lower[te] <= '9' || lower[te] == ':') {
		te++
	}
	clock, datePart, tail := lower[ts:te], lower[:ts], lower[te:]
	parts := strings.Split(clock, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return bad("has no hh:mm:ss time")
	}
	var hms [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) > 2 {
			return bad("has no hh:mm:ss time")
		}
		hms[i] = v
	}
	marker := strings.Map(func(r rune) rune {
		if r == '.' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, tail)
	switch {
	case strings.HasPrefix(marker, "pm"):
		if hms[0] < 1 || hms[0] > 12 {
			return bad("has an hour that is not 1 to 12 before PM")
		}
		hms[0] = hms[0]%12 + 12
	case strings.HasPrefix(marker, "am"):
		if hms[0] < 1 || hms[0] > 12 {
			return bad("has an hour that is not 1 to 12 before AM")
		}
		hms[0] %= 12
	case marker != "" && marker != "utc" && marker != "z":
		return bad("has text after the time")
	}
	// The date: numbers and at most one month word.
	var nums []string
	var month time.Month
	fields := strings.FieldsFunc(datePart, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '/' || r == '-'
	})
	slashes := strings.Contains(datePart, "/")
	for _, f := range fields {
		f = strings.Trim(f, ".")
		if f == "" {
			continue
		}
		if unicode.IsDigit([]rune(f)[0]) {
			nums = append(nums, strings.Split(f, ".")...)
			continue
		}
		if m := monthOf(f); m != 0 {
			if month != 0 {
				return bad("names two months")
			}
			month = m
		}
		// other words ("de", "um", "à") are connectives
	}
	var day, year int
	switch {
	case month != 0 && len(nums) == 2:
		a, _ := strconv.Atoi(nums[0])
		b, _ := strconv.Atoi(nums[1])
		if len(nums[0]) == 4 {
			year, day = a, b
		} else {
			day, year = a, b
		}
	case month == 0 && len(nums) == 3 && !slashes:
		// 05.01.2024: day first.
		d, _ := strconv.Atoi(nums[0])
		m, _ := strconv.Atoi(nums[1])
		y, _ := strconv.Atoi(nums[2])
		if len(nums[2]) != 4 {
			return bad("is not day.month.year")
		}
		day, month, year = d, time.Month(m), y
	case month == 0 && slashes:
		return bad("is ambiguous (month/day or day/month)")
	default:
		return bad("is not in a supported format")
	}
	t := time.Date(year, month, day, hms[0], hms[1], hms[2], 0, time.UTC)
	if year < 1990 || year > 2200 || month < 1 || month > 12 || t.Day() != day || hms[0] > 23 || hms[1] > 59 || hms[2] > 60 {
		return bad("is not a real date and time")
	}
	return t, nil
}

// monthOf returns the month a word names, or 0.
func monthOf(w string) time.Month {
	r := []rune(w)
	if len(r) >= 4 {
		if m, ok := stravaMonths[string(r[:4])]; ok {
			return m
		}
	}
	if len(r) >= 3 {
		return stravaMonths[string(r[:3])]
	}
	return 0
}
