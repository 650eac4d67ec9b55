package coach

import "fmt"

// Zone is the band the acute:chronic load ratio falls in. The bands are
// widely used but disputed: show them as a trend to watch, never as a
// diagnosis.
type Zone int

// The zones. ZoneUnknown is used while the ratio is undefined.
const (
	ZoneUnknown Zone = iota
	ZoneLow          // ratio below 0.8
	ZoneSteady       // 0.8 to 1.3, both inclusive
	ZoneRising       // above 1.3 up to 1.5
	ZoneSpike        // above 1.5
)

// Zone boundaries of the load ratio.
const (
	RatioLow    = 0.8
	RatioRising = 1.3
	RatioSpike  = 1.5
)

// String returns the zone as a word: low, steady, rising, spike, or unknown.
func (z Zone) String() string {
	switch z {
	case ZoneLow:
		return "low"
	case ZoneSteady:
		return "steady"
	case ZoneRising:
		return "rising"
	case ZoneSpike:
		return "spike"
	}
	return "unknown"
}

// ZoneOf returns the zone of a load ratio: below 0.8 low, 0.8 to 1.3 steady
// (1.3 included), above 1.3 to 1.5 rising, above 1.5 spike.
func ZoneOf(ratio float64) Zone {
	switch {
	case ratio < RatioLow:
		return ZoneLow
	case ratio <= RatioRising:
		return ZoneSteady
	case ratio <= RatioSpike:
		return ZoneRising
	case ratio > RatioSpike:
		return ZoneSpike
	}
	return ZoneUnknown // NaN
}

// Load is the training load as of a date. Loads are session-RPE loads
// (RPE x minutes, Foster).
type Load struct {
	Acute   float64 // sum of the day loads of the 7 days ending today
	Chronic float64 // sum of the day loads of the 28 days ending today, / 4
	// Ratio is Acute/Chronic; meaningful only when HasRatio.
	Ratio float64
	// HasRatio is false until the first training day is at least 27 days
	// before today (28 days of history) and while Chronic is 0.
	HasRatio bool
	Zone     Zone // ZoneUnknown when !HasRatio
}

// String describes the load for a status line, saying so when the ratio is
// not defined yet.
func (l Load) String() string {
	if !l.HasRatio {
		return fmt.Sprintf("acute %.0f, chronic %.0f, ratio not yet (needs 4 weeks of history)", l.Acute, l.Chronic)
	}
	return fmt.Sprintf("acute %.0f, chronic %.1f, ratio %.2f (%s)", l.Acute, l.Chronic, l.Ratio, l.Zone)
}

// Window lengths of the load rules, in days ending today.
const (
	AcuteDays   = 7
	ChronicDays = 28
)

// Loads returns the acute and chronic load and their ratio as of today.
// Days dated after today play no part.
func Loads(days []Day, today Date) Load {
	days = upTo(days, today)
	var l Load
	from28 := today.AddDays(-(ChronicDays - 1))
	from7 := today.AddDays(-(AcuteDays - 1))
	acute, chronic := 0, 0
	for i := searchFrom(days, from28); i < len(days); i++ {
		dl := days[i].Load()
		chronic += dl
		if !days[i].Date.Before(from7) {
			acute += dl
		}
	}
	l.Acute = float64(acute)
	l.Chronic = float64(chronic) / 4
	if len(days) > 0 && !days[0].Date.After(from28) && chronic > 0 {
		l.HasRatio = true
		l.Ratio = l.Acute / l.Chronic
		l.Zone = ZoneOf(l.Ratio)
	}
	return l
}

// DailyLoads returns the day loads of the n days ending today, oldest
// first; a date without a training day has load 0. Days dated after today
// play no part.
func DailyLoads(days []Day, today Date, n int) []int {
	if n <= 0 {
		return nil
	}
	out := make([]int, n)
	days = upTo(days, today)
	from := today.AddDays(-(n - 1))
	base := from.Number()
	for i := searchFrom(days, from); i < len(days); i++ {
		out[days[i].Date.Number()-base] += days[i].Load()
	}
	return out
}
