package coach

import "math"

// Streak holds the three streaks the coach shows.
type Streak struct {
	// Current is the number of consecutive complete training days, newest
	// first, up to today.
	Current int
	// Longest is the longest such run anywhere in the history.
	Longest int
	// Week is the number of consecutive ISO weeks, up to this one, with at
	// least one complete day.
	Week int
}

// upTo returns the days dated today or earlier: days is sorted oldest
// first, so this is a prefix, found by binary search. Days dated after
// today (from a machine whose clock differs) play no part in any rule.
func upTo(days []Day, today Date) []Day {
	return days[:searchAfter(days, today)]
}

// searchAfter returns the index of the first day dated after d.
func searchAfter(days []Day, d Date) int {
	lo, hi := 0, len(days)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if days[m].Date.Compare(d) <= 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// searchFrom returns the index of the first day dated d or later.
func searchFrom(days []Day, d Date) int {
	lo, hi := 0, len(days)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if days[m].Date.Compare(d) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Find returns the day dated date from days (sorted oldest first), by
// binary search.
func Find(days []Day, date Date) (Day, bool) {
	i := searchFrom(days, date)
	if i < len(days) && days[i].Date == date {
		return days[i], true
	}
	return Day{}, false
}

// strengthAlpha is the smoothing factor of recovery strength: with it the
// weight of a day halves every 13 training days, (1-alpha)^13 = 1/2.
var strengthAlpha = 1 - math.Pow(2, -1.0/StrengthHalfLife)

// StrengthHalfLife is the half-life of recovery strength in training days.
const StrengthHalfLife = 13

// pass is what one walk over a history, oldest first, learns: the streaks,
// recovery strength, and whether the current run is a new record.
type pass struct {
	streak    Streak
	strength  float64 // 0 to 1
	newRecord bool    // the current run is longer than every earlier run
	todayDay  *Day    // the training day dated today, nil when there is none
	status    Status  // status of todayDay
	training  int     // training days (rest days are not)
}

// walk computes every whole-history rule in a single pass over days (up to
// today only) so that a summary of ten years costs one status per day.
//
// The step rule, shared by the current and the longest streak and by
// recovery strength: a complete day extends the run; a pending day (only
// sleep not yet reported) is skipped; the day dated today is skipped while
// it is not complete (a check-in in progress never breaks anything); any
// other day is partial and ends the run. Dates without training, whether
// absent or rest days holding ticks, a note or morning answers, neither add
// nor break; nor do untracked days (Day.Untracked: device workouts alone),
// which still count as training days.
func walk(days []Day, today Date, s Settings) pass {
	var p pass
	run, before := 0, 0 // current run; longest run ended before it
	curWeek := weekIndex(today.Number())
	lastWeek, weekRun := math.MinInt, 0
	w, nextMonday := 0, Date{} // week of the day, and the Monday after it
	q := 1 - strengthAlpha
	for i := range days {
		d := &days[i]
		st := d.status(s)
		if st == StatusNone {
			// A rest day: no status, neither adds nor breaks.
			continue
		}
		p.training++
		isToday := d.Date == today
		if isToday {
			p.todayDay, p.status = d, st
		}
		switch {
		case st == StatusComplete:
			run++
			p.strength = p.strength*q + strengthAlpha
			// Numbering a date costs more than comparing it: number
			// only the first complete day of each new week.
			if !d.Date.Before(nextMonday) {
				w = weekIndex(d.Date.Number())
				nextMonday = DateFromNumber((w+1)*7 - 3)
			}
			switch {
			case w == lastWeek:
			case w == lastWeek+1:
				weekRun++
			default:
				weekRun = 1
			}
			lastWeek = w
		case st == StatusPending, isToday, d.Untracked():
			// Unknown yet, or a day of device workouts alone (the
			// person did not use cooldown that day): neither adds nor
			// breaks.
		default:
			before = max(before, run)
			run = 0
			p.strength *= q
		}
	}
	p.streak.Current = run
	p.streak.Longest = max(before, run)
	p.newRecord = run > before
	// An empty current week does not break the week streak: it may still
	// count from last week.
	if lastWeek == curWeek || lastWeek == curWeek-1 {
		p.streak.Week = weekRun
	}
	return p
}

// Streaks returns the current, longest and week streak of days (sorted
// oldest first) as of today. Days dated after today are ignored.
//
// Current counts complete training days newest first; pending days are
// skipped wherever they are, today is skipped while it is not complete, and
// the first other partial day stops the count. Longest is the longest run
// anywhere under the same rule. Week counts consecutive ISO weeks up to
// this one with at least one complete day; the current week counts once it
// has one, and while it has none the count starts from last week.
func Streaks(days []Day, today Date, s Settings) Streak {
	return walk(upTo(days, today), today, s).streak
}

// RecoveryStrength returns recovery strength, 0 to 100: an exponential moving
// average over the training days up to today, the habit-strength idea of
// Loop Habit Tracker. (It is not called Strength: that is the workout kind.)
// Starting from 0, each training day in date order
// updates the score v (0 to 1):
//
//	complete:                 v = v*(1-alpha) + alpha
//	partial:                  v = v*(1-alpha)
//	pending, today unfinished: v unchanged
//
// with alpha = 1 - 2^(-1/13) ≈ 0.0519, so the weight of a day halves every
// 13 training days: from 100 %, 13 partial days bring it to 50 %; from 0,
// n complete days bring it to 100*(1-(1-alpha)^n) %. The result is 100*v.
func RecoveryStrength(days []Day, today Date, s Settings) float64 {
	return 100 * walk(upTo(days, today), today, s).strength
}
