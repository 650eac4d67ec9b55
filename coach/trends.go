package coach

// StatusesBetween returns the status of every date from from to to, both
// included, oldest first: StatusNone for a date without training and for a
// date after today (a future-dated day plays no part until its date comes).
// It returns nil when to is before from. The streak screen draws its heat
// map from it.
func StatusesBetween(days []Day, from, to, today Date, s Settings) []Status {
	n := from.DaysUntil(to) + 1
	if n <= 0 {
		return nil
	}
	out := make([]Status, n)
	base := from.Number()
	last := to
	if today.Before(last) {
		last = today
	}
	for i := searchFrom(days, from); i < len(days) && !days[i].Date.After(last); i++ {
		out[days[i].Date.Number()-base] = days[i].status(s)
	}
	return out
}

// SleepAverage is the mean of the reported sleep over a window of days.
type SleepAverage struct {
	Hours   float64 // mean hours slept; 0 when Reports is 0
	Reports int     // morning checks in the window
}

// AverageSleep returns the mean reported sleep of the training days among
// the n days ending today.
func AverageSleep(days []Day, today Date, n int) SleepAverage {
	var a SleepAverage
	if n <= 0 {
		return a
	}
	days = upTo(days, today)
	sum := 0.0
	for i := searchFrom(days, today.AddDays(-(n - 1))); i < len(days); i++ {
		if m := days[i].Morning; m != nil {
			sum += m.SleepHours
			a.Reports++
		}
	}
	if a.Reports > 0 {
		a.Hours = sum / float64(a.Reports)
	}
	return a
}

// HooperTrend compares the Hooper index (4 very good to 28 very bad) of
// the latest morning checks with the ones before them.
type HooperTrend struct {
	Recent  float64 // mean of the latest RecentN mornings
	RecentN int
	Before  float64 // mean of the BeforeN mornings before those
	BeforeN int
}

// HasTrend reports whether both windows hold at least one morning.
func (h HooperTrend) HasTrend() bool { return h.RecentN > 0 && h.BeforeN > 0 }

// Change returns Recent - Before: negative means the body feels better.
func (h HooperTrend) Change() float64 { return h.Recent - h.Before }

// Hooper returns the mean Hooper index of the last n rated mornings up
// to today and of the n reported mornings before them. Mornings are counted,
// not dates, so weeks without training do not empty the windows.
func Hooper(days []Day, today Date, n int) HooperTrend {
	var h HooperTrend
	if n <= 0 {
		return h
	}
	days = upTo(days, today)
	sumR, sumB := 0, 0
	for i := len(days) - 1; i >= 0 && h.BeforeN < n; i-- {
		m := days[i].Morning
		if m == nil || !m.Rated() {
			continue
		}
		if h.RecentN < n {
			sumR += m.Hooper()
			h.RecentN++
		} else {
			sumB += m.Hooper()
			h.BeforeN++
		}
	}
	if h.RecentN > 0 {
		h.Recent = float64(sumR) / float64(h.RecentN)
	}
	if h.BeforeN > 0 {
		h.Before = float64(sumB) / float64(h.BeforeN)
	}
	return h
}
