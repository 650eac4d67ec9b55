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

// Load is the training load as of a date, computed once (by Loads) for
// every screen and for status --json. Loads are session-RPE loads (RPE x
// minutes, Foster). Chronic load and the ratio are two separate facts:
// HasChronic says the history is long enough for a chronic load (which may
// then be 0), HasRatio that the ratio is defined (chronic load above 0).
// HasZone is the one rule (see Loads) that decides both whether the
// coach speaks of a rising or spiking load and whether a screen shows a
// zone.
type Load struct {
	Acute float64 // sum of the day loads of the 7 days ending today
	// Chronic is the sum of the day loads of the 28 days ending today,
	// divided by 4; meaningful only when HasChronic.
	Chronic float64
	// HasChronic is true once the first training day is at least 27 days
	// before today (28 days of history), even when Chronic is 0.
	HasChronic bool
	// Ratio is Acute/Chronic; meaningful only when HasRatio.
	Ratio float64
	// HasRatio is HasChronic with Chronic above 0.
	HasRatio bool
	// HasZone reports that the ratio means something: HasRatio, and each
	// of the three weeks before the last 7 days carries at least
	// ZoneWeekLoad. A return after a break or a beginner's first sessions
	// give a large ratio that says nothing; then there is no zone and the
	// coach does not speak of a spike.
	HasZone bool
	Zone    Zone // ZoneUnknown when !HasZone
}

// ZoneWeekLoad is the load each of the three weeks before the last 7 days
// must carry for the ratio to have a zone: 100 is, for example, 20 minutes
// at RPE 5.
const ZoneWeekLoad = 100

// String describes the load for a status line, saying so when the ratio is
// not defined yet or means too little for a zone.
func (l Load) String() string {
	switch {
	case !l.HasChronic:
		return fmt.Sprintf("acute %.0f, chronic not yet, ratio not yet (needs 4 weeks of history)", l.Acute)
	case !l.HasRatio:
		return fmt.Sprintf("acute %.0f, chronic 0, no ratio (no load in 4 weeks)", l.Acute)
	case !l.HasZone:
		return fmt.Sprintf("acute %.0f, chronic %.1f, ratio %.2f (no zone: too little steady load before this week)", l.Acute, l.Chronic, l.Ratio)
	}
	return fmt.Sprintf("acute %.0f, chronic %.1f, ratio %.2f (%s)", l.Acute, l.Chronic, l.Ratio, l.Zone)
}

// Window lengths of the load rules, in days ending today.
const (
	AcuteDays   = 7
	ChronicDays = 28
)

// Loads returns the acute and chronic load and their ratio as of today.
// Days dated after today play no part, and rest days carry no load.
//
// History starts at the first training day (a rest day before it does not
// count): HasChronic once that day is 27 or more days before today. The
// ratio is defined (HasRatio) while the chronic load is above 0. It has a
// zone (HasZone) only when each of the three weeks before the last 7 days
// (days 27 to 21, 20 to 14 and 13 to 7 before today) carries a load of at
// least ZoneWeekLoad: enough steady chronic load for a comparison. So a
// return after three weeks without training, or a beginner's first easy
// sessions, never shows a zone or a spike.
func Loads(days []Day, today Date) Load {
	days = upTo(days, today)
	var l Load
	from28 := today.AddDays(-(ChronicDays - 1))
	from7 := today.AddDays(-(AcuteDays - 1))
	acute, chronic := 0, 0
	var weeks [3]int // load of the weeks 27-21, 20-14 and 13-7 days before today
	base := from28.Number()
	for i := searchFrom(days, from28); i < len(days); i++ {
		dl := days[i].Load()
		chronic += dl
		if !days[i].Date.Before(from7) {
			acute += dl
		} else if dl > 0 {
			weeks[(days[i].Date.Number()-base)/7] += dl
		}
	}
	l.Acute = float64(acute)
	if first, ok := firstTraining(days); !ok || first.After(from28) {
		return l
	}
	l.HasChronic = true
	l.Chronic = float64(chronic) / 4
	if chronic > 0 {
		l.HasRatio = true
		l.Ratio = l.Acute / l.Chronic
		l.HasZone = weeks[0] >= ZoneWeekLoad && weeks[1] >= ZoneWeekLoad && weeks[2] >= ZoneWeekLoad
		if l.HasZone {
			l.Zone = ZoneOf(l.Ratio)
		}
	}
	return l
}

// firstTraining returns the date of the first training day of days.
func firstTraining(days []Day) (Date, bool) {
	for i := range days {
		if !days[i].IsRest() {
			return days[i].Date, true
		}
	}
	return Date{}, false
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
