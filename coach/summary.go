package coach

import "math"

// Summary is everything the home screen and cooldown status show, as of
// one date. Every count covers days up to Today only.
type Summary struct {
	Today       Date
	TodayStatus Status // StatusNone when today is a rest day or has no record
	Streak      Streak
	// Strength is recovery strength, 0 to 100 (see RecoveryStrength);
	// StrengthPercent is the same rounded to a whole percent.
	Strength        float64
	StrengthPercent int
	TrainingDays    int // training days up to today; rest days are not counted
	Load            Load
	OpenQuestions   []Date // days waiting for their morning check, newest first
	// OpenEfforts are the device workouts of the 7-day window whose
	// effort is not yet given (OpenEfforts).
	OpenEfforts []EffortQuestion
	Message     Message
	SleepAdvice SleepGoal // for the night after today
}

// Summarize computes the summary of days (sorted oldest first) as of
// today in one pass over the history plus binary-searched windows.
func Summarize(days []Day, today Date, s Settings) Summary {
	f := gather(days, today, s)
	sum := Summary{
		Today:           today,
		TodayStatus:     StatusNone,
		Streak:          f.pass.streak,
		Strength:        100 * f.pass.strength,
		StrengthPercent: int(math.Round(100 * f.pass.strength)),
		TrainingDays:    f.pass.training,
		Load:            f.load,
		OpenQuestions:   OpenQuestions(f.days, today),
		OpenEfforts:     OpenEfforts(f.days, today),
		Message:         defaultMessage,
		SleepAdvice:     f.sleep,
	}
	if f.pass.todayDay != nil {
		sum.TodayStatus = f.pass.status
	}
	if m := f.messages(); len(m) > 0 {
		sum.Message = m[0]
	}
	return sum
}
