package interchange

import (
	"sort"
	"time"

	"cooldown/coach"
)

// The night after a date D runs from NightStartHour on D to NightEndHour
// on the next day, in the zone given to Nights: sleep recorded then is
// that night's, a nap in the afternoon is not.
const (
	NightStartHour = 18
	NightEndHour   = 14
	// maxNights bounds the nights one interval is counted in.
	maxNights = 3
)

// Nights returns the time asleep in the night after each date that the
// sleep intervals touch: the union of the intervals within the night (so
// a night recorded by a watch and a phone counts once), asleep time only
// (Sleep never holds time in bed or awake). loc is this machine's zone.
func Nights(sleep []Sleep, loc *time.Location) map[coach.Date]time.Duration {
	if loc == nil {
		loc = time.UTC
	}
	byNight := map[coach.Date][]Sleep{}
	for _, s := range sleep {
		// An interval belongs to every night it overlaps: usually one,
		// and no interval is counted in more than maxNights.
		d := nightOf(s.Start.In(loc))
		for range maxNights {
			from, to := nightBounds(d, loc)
			if !from.Before(s.End) {
				break
			}
			if to.After(s.Start) {
				byNight[d] = append(byNight[d], s)
			}
			d = d.AddDays(1)
		}
	}
	out := make(map[coach.Date]time.Duration, len(byNight))
	dates := make([]coach.Date, 0, len(byNight))
	for d := range byNight {
		dates = append(dates, d)
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	for _, d := range dates {
		from, to := nightBounds(d, loc)
		if a := Asleep(byNight[d], from, to); a > 0 {
			out[d] = a
		}
	}
	return out
}

// nightOf returns the date whose night may hold t, the earliest one:
// before NightEndHour, the night of the day before.
func nightOf(t time.Time) coach.Date {
	d := coach.DateOf(t)
	if t.Hour() < NightEndHour {
		d = d.AddDays(-1)
	}
	return d
}

// nightBounds returns the start and end of the night after d in loc.
func nightBounds(d coach.Date, loc *time.Location) (time.Time, time.Time) {
	from := time.Date(d.Year, d.Month, d.Day, NightStartHour, 0, 0, 0, loc)
	n := d.AddDays(1)
	to := time.Date(n.Year, n.Month, n.Day, NightEndHour, 0, 0, 0, loc)
	return from, to
}
