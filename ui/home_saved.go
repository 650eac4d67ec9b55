package ui

import (
	"fmt"

	"cooldown/coach"
)

// morningSavedText says what saving the morning answers of day changed,
// from the figures before and after the write: "Saved. 6.5 h is under your
// 7 h target: Thu 26 Nov is partial; current streak 0, was 5".
func morningSavedText(day coach.Day, before, after coach.Summary, s coach.Settings) string {
	if day.Morning == nil {
		return "saved " + longDate(day.Date)
	}
	h, target := hoursText(day.Morning.SleepHours), hoursText(s.SleepTargetHours)
	sleep := h + " meets your " + target + " target"
	if day.Morning.SleepHours < s.SleepTargetHours {
		sleep = h + " is under your " + target + " target"
	}
	status := shortDate(day.Date) + " is " + day.Status(s).Label()
	if day.IsRest() {
		status = shortDate(day.Date) + " is a rest day"
	}
	streak := fmt.Sprintf("current streak %d", after.Streak.Current)
	if after.Streak.Current != before.Streak.Current {
		streak += fmt.Sprintf(", was %d", before.Streak.Current)
	}
	return "Saved. " + sleep + ": " + status + "; " + streak
}
