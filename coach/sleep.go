package coach

import (
	"fmt"
	"math"
	"time"
)

// Hard-day thresholds: a day is hard when it holds a strength or intervals
// workout at RPE 7 or more, or when its day load reaches HardDayLoad
// (60 minutes at RPE 7). After a hard day, or with the load ratio above
// 1.3, the sleep advice is raised to at least RaisedSleepHours.
const (
	HardRPE          = 7
	HardDayLoad      = 420
	RaisedSleepHours = 8.0
)

// SleepGoal is how long to sleep the night after a date, as SleepAdvice
// returns it. (It cannot share the function's name.)
type SleepGoal struct {
	Hours float64 // the advice: the target, or more after a hard day
	// Raised reports that Hours is above the person's sleep target.
	Raised bool
	// Reason says why the advice is raised, e.g. "hard day: strength at
	// RPE 8"; it is set whenever a reason applies, even when the target
	// is already 8 h or more.
	Reason string
}

// hardWorkout returns the first strength or intervals workout of d at
// RPE 7 or more.
func hardWorkout(d *Day) (Workout, bool) {
	for _, w := range d.Workouts {
		if (w.Kind == Strength || w.Kind == Intervals) && w.RPE >= HardRPE {
			return w, true
		}
	}
	return Workout{}, false
}

// hardReason says why d is a hard day, or "" when it is not.
func hardReason(d *Day) string {
	if w, ok := hardWorkout(d); ok {
		return fmt.Sprintf("hard day: %s at RPE %d", w.Kind, w.RPE)
	}
	if l := d.Load(); l >= HardDayLoad {
		return fmt.Sprintf("hard day: load %d", l)
	}
	return ""
}

// SleepAdvice returns the sleep advice for the night after today: the
// sleep target, raised to at least 8 h when the day dated today was hard
// (a strength or intervals workout at RPE 7 or more, or a day load of 420
// or more) or when the acute:chronic load ratio is above 1.3 and means
// something (Load.HasZone). It is advice for that night only: the sleep
// pillar of a day is met by the target in the settings, never by it.
func SleepAdvice(days []Day, today Date, s Settings) SleepGoal {
	days = upTo(days, today)
	var todayDay *Day
	if n := len(days); n > 0 && days[n-1].Date == today {
		todayDay = &days[n-1]
	}
	return sleepAdvice(todayDay, Loads(days, today), s)
}

func sleepAdvice(todayDay *Day, l Load, s Settings) SleepGoal {
	a := SleepGoal{Hours: s.SleepTargetHours}
	if todayDay != nil && !todayDay.IsRest() {
		a.Reason = hardReason(todayDay)
	}
	if a.Reason == "" && l.HasZone && l.Ratio > RatioRising {
		a.Reason = fmt.Sprintf("load ratio %.2f is above %.1f", l.Ratio, RatioRising)
	}
	if a.Reason != "" && a.Hours < RaisedSleepHours {
		a.Hours, a.Raised = RaisedSleepHours, true
	}
	return a
}

// WakeTime returns the time of day hours after bed (rounded to the
// minute), wrapping past midnight: the wake time a planned bedtime implies.
func WakeTime(bed Clock, hours float64) Clock {
	return bed.Add(time.Duration(math.Round(hours*60)) * time.Minute)
}
