package coach

import (
	"fmt"
	"strconv"
)

// Message is one piece of coach advice, tied to the guide section that
// explains it.
type Message struct {
	ID      string // stable id, e.g. "hard-session"; tests and the UI key on it
	Text    string // one or two short sentences
	Section string // a guide section id, one of SectionIDs
}

// Thresholds of the coach messages.
const (
	// HooperHigh is the Hooper index (4 to 28) from which a morning check
	// counts as a rough one.
	HooperHigh = 20
	// SorenessHigh is the soreness rating (1 to 7) that counts as severe.
	SorenessHigh = 6
	// ComebackDays is the gap since the last training day after which the
	// coach welcomes the person back.
	ComebackDays = 10
	// RecentMornings is how many of the latest morning checks the sleep
	// and soreness messages look at.
	RecentMornings = 3
	// RecordMin is the shortest run that is celebrated as a new record.
	RecordMin = 3
	// MissedMin is how often a pillar must be missed in 4 weeks before the
	// coach names it.
	MissedMin = 2
)

// The message shown when no other applies.
var defaultMessage = Message{
	ID:      "steady",
	Text:    "Recovery is built one day at a time: sleep, blood flow and diet after each session.",
	Section: SectionTogether,
}

// facts is everything the rules learn about a history as of a date,
// computed once and shared by Messages and Summarize.
type facts struct {
	days  []Day // up to today, oldest first
	today Date
	s     Settings
	pass  pass
	load  Load
	sleep SleepGoal
}

func gather(days []Day, today Date, s Settings) *facts {
	f := &facts{days: upTo(days, today), today: today, s: s}
	f.pass = walk(f.days, today, s)
	f.load = Loads(f.days, today)
	f.sleep = sleepAdvice(f.pass.todayDay, f.load, s)
	return f
}

// recentMornings returns up to RecentMornings morning checks of the
// training days of the last week (today-7 to today), newest first.
func (f *facts) recentMornings() []Morning {
	out := make([]Morning, 0, RecentMornings)
	from := f.today.AddDays(-OpenQuestionDays)
	for i := len(f.days) - 1; i >= 0 && len(out) < RecentMornings && !f.days[i].Date.Before(from); i-- {
		if m := f.days[i].Morning; m != nil {
			out = append(out, *m)
		}
	}
	return out
}

// latestMorning returns the morning check of the newest training day of
// the last three days, if it has one.
func (f *facts) latestMorning() (Morning, bool) {
	from := f.today.AddDays(-3)
	for i := len(f.days) - 1; i >= 0 && !f.days[i].Date.Before(from); i-- {
		if m := f.days[i].Morning; m != nil {
			return *m, true
		}
	}
	return Morning{}, false
}

// hours formats a number of hours for a message: "8 h", "7.5 h".
func hours(h float64) string {
	return strconv.FormatFloat(h, 'f', -1, 64) + " h"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Messages returns every coach message that applies to the history as of
// today, most important first: safety, then load, then today's session,
// then habits. Each is a pure function of days, today and s. Days dated
// after today play no part.
func Messages(days []Day, today Date, s Settings) []Message {
	return gather(days, today, s).messages()
}

// Advise returns the most important coach message as of today, or a
// gentle default when none applies.
func Advise(days []Day, today Date, s Settings) Message {
	if m := gather(days, today, s).messages(); len(m) > 0 {
		return m[0]
	}
	return defaultMessage
}

func (f *facts) messages() []Message {
	var out []Message
	add := func(id, section, format string, args ...any) {
		out = append(out, Message{ID: id, Text: fmt.Sprintf(format, args...), Section: section})
	}
	if len(f.days) == 0 {
		add("welcome", SectionOverview, "Welcome. After your next workout, run a check-in: sleep, blood flow and diet, a few minutes each.")
		return out
	}
	last := &f.days[len(f.days)-1]
	mornings := f.recentMornings()

	// Safety first: severe soreness that persists is for a clinician.
	persistent := len(mornings) == RecentMornings
	for _, m := range mornings {
		persistent = persistent && m.Soreness >= SorenessHigh
	}
	if persistent {
		add("soreness-persistent", SectionAbout, "Soreness has been severe on your last %d morning checks. If it does not ease, or a joint hurts, please see a clinician.", RecentMornings)
	}

	// Load: a trend to watch, never a diagnosis.
	if f.load.HasRatio && f.load.Ratio > RatioSpike {
		add("load-spike", SectionTwoSides, "This week's load is %.1f times your 4-week average, a spike to watch. An easier day or two lets recovery catch up.", f.load.Ratio)
	}

	// How the body felt on the latest morning check.
	if m, ok := f.latestMorning(); ok {
		if h := m.Hooper(); h >= HooperHigh {
			add("hooper-high", SectionAcute, "Your last morning check scored %d of 28 (higher is rougher). Keep today light and let the inflammation settle.", h)
		}
		if m.Soreness >= SorenessHigh && !persistent {
			add("soreness-high", SectionTwoSides, "Soreness %d of 7 on your last morning check: repair is under way. Move gently today; hard training can wait.", m.Soreness)
		}
	}

	// The latest session, if it was today or yesterday.
	if !last.Date.Before(f.today.AddDays(-1)) {
		if w, ok := hardWorkout(last); ok && !(last.IsDone(FoamRolling) && last.IsDone(Stretching)) {
			add("hard-session", SectionMicroTears, "%s at RPE %d leaves micro-tears to repair: foam roll and stretch the worked muscles for ten easy minutes.", w.Kind.Label(), w.RPE)
		}
	}

	// Sleep.
	if f.load.HasRatio && f.load.Ratio > RatioRising {
		add("load-rising", SectionSleep, "Your load is rising (ratio %.2f, a trend to watch). Aim for %s of sleep tonight: that is when repair happens.", f.load.Ratio, hours(max(f.sleep.Hours, RaisedSleepHours)))
	} else if f.sleep.Raised {
		add("sleep-after-hard-day", SectionSleep, "After a hard day, aim for %s of sleep tonight instead of %s: muscle repair happens mostly in deep sleep.", hours(f.sleep.Hours), hours(f.s.SleepTargetHours))
	}
	short := 0
	for _, m := range mornings {
		if m.SleepHours < f.s.SleepTargetHours {
			short++
		}
	}
	if short >= 2 {
		add("short-sleep", SectionSleep, "You slept under %s on %d of your last %d mornings. An earlier bedtime is the simplest recovery tool there is.", hours(f.s.SleepTargetHours), short, len(mornings))
	}

	// Today's check-in.
	if d := f.pass.todayDay; d != nil {
		bf, diet := d.countPillars()
		if bf < BloodFlowMin {
			add("today-blood-flow", SectionBloodFlow, "One blood-flow item completes that pillar today: five minutes of stretching or foam rolling is enough.")
		}
		if n := f.s.DietMinGroups - diet; n > 0 {
			add("today-diet", SectionDiet, "%d more food %s would meet today's diet pillar: berries, leafy greens or fatty fish all count.", n, plural(n, "group", "groups"))
		}
		if f.pass.status == StatusPending {
			add("today-pending", SectionSleep, "Today is done except sleep: answer the morning check tomorrow and the day counts as complete.")
		}
	}

	// Habits.
	if f.pass.newRecord && f.pass.streak.Current >= RecordMin {
		add("new-longest", SectionTogether, "%d complete days in a row: your longest streak yet. Steady habits like this are what make recovery work.", f.pass.streak.Current)
	}
	if gap := last.Date.DaysUntil(f.today); gap >= ComebackDays {
		add("comeback", SectionTogether, "%d days since your last session. Welcome back: start easy, and run a check-in afterwards.", gap)
	}
	adh := Adherence(f.days, f.today, f.s)
	if p, ok := MostMissed(adh); ok {
		a := adh[p]
		if n := a.Missed(); n >= MissedMin {
			switch p {
			case PillarDiet:
				add("diet-most-missed", SectionDiet, "Diet is the pillar you missed most in 4 weeks (%d of %d days). One more food group a day, like berries, closes the gap.", n, a.Of)
			case PillarBloodFlow:
				add("blood-flow-most-missed", SectionBloodFlow, "Blood flow is the pillar you missed most in 4 weeks (%d of %d days). Five minutes of stretching after training is enough.", n, a.Of)
			case PillarSleep:
				add("sleep-most-missed", SectionSleep, "Sleep is the pillar you missed most in 4 weeks (%d of %d days). A fixed bedtime is the easiest way to reach %s.", n, a.Of, hours(f.s.SleepTargetHours))
			}
		}
	}
	return out
}
