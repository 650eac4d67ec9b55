package coach

import (
	"fmt"
	"strconv"
	"strings"
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
	Section: messageSection("steady"),
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

// recentMornings returns up to RecentMornings morning checks of the last
// week (today-7 to today), newest first; the morning answers of a rest day
// count too: they describe a real morning.
func (f *facts) recentMornings() []Morning {
	out := make([]Morning, 0, RecentMornings)
	from := f.today.AddDays(-OpenQuestionDays)
	for i := len(f.days) - 1; i >= 0 && len(out) < RecentMornings && !f.days[i].Date.Before(from); i-- {
		if m := f.days[i].Morning; m != nil && m.Rated() {
			out = append(out, *m)
		}
	}
	return out
}

// latestMorning returns the morning check of the newest day of the last
// three days (training or rest), if it has one.
func (f *facts) latestMorning() (Morning, bool) {
	from := f.today.AddDays(-3)
	for i := len(f.days) - 1; i >= 0 && !f.days[i].Date.Before(from); i-- {
		if m := f.days[i].Morning; m != nil && m.Rated() {
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
	add := func(id, format string, args ...any) {
		out = append(out, Message{ID: id, Text: fmt.Sprintf(format, args...), Section: messageSection(id)})
	}
	last := f.lastTraining()
	if last == nil {
		add("welcome", "Welcome. After your next workout, run a check-in: sleep, blood flow and diet, a few minutes each.")
		return out
	}
	mornings := f.recentMornings()
	latest, hasLatest := f.latestMorning()

	// Safety first: same-day warning signs, in a calm "if you also
	// notice" form; a very sore morning by itself is normal.
	switch {
	case hasLatest && latest.Soreness >= MaxRating:
		add("soreness-warning", "Soreness %d of 7 is normal after unaccustomed work. If you also notice dark, cola-coloured urine or swelling far beyond the effort, get care today.", latest.Soreness)
	case sorenessRising(mornings):
		add("soreness-warning", "Soreness rose three mornings in a row (%d, %d, %d). If you also notice dark, cola-coloured urine or swelling far beyond the effort, get care today.",
			mornings[2].Soreness, mornings[1].Soreness, mornings[0].Soreness)
	}
	persistent := len(mornings) == RecentMornings
	for _, m := range mornings {
		persistent = persistent && m.Soreness >= SorenessHigh
	}
	if persistent {
		add("soreness-persistent", "Soreness has been %d or more on your last %d morning checks. If it has not eased within a week, see a clinician.", SorenessHigh, RecentMornings)
	}

	// Load: a trend to watch, never a diagnosis, and only when the ratio
	// means something (Load.HasZone).
	l := f.load
	switch {
	case l.HasZone && l.Ratio > RatioSpike:
		add("load-spike", "This week's load is %.1f times your 4-week average: a spike, a trend to watch with how you feel. An easier day or two lets recovery catch up.", l.Ratio)
	case l.HasRatio && !l.HasZone && l.Ratio > RatioRising:
		add("load-build-up", "New to this load, or back after a break? Build up gradually. The load ratio means little until you have a few steady weeks.")
	}

	// How the body felt on the latest morning check.
	if hasLatest {
		if h := latest.Hooper(); h >= HooperHigh {
			add("hooper-high", "Your last morning check scored %d of 28 (higher is rougher): recovery may be falling behind on sleep, stress, fatigue or soreness. Keep today light.", h)
		}
		if latest.Soreness >= SorenessHigh && latest.Soreness < MaxRating && !persistent {
			add("soreness-high", "Soreness %d of 7 on your last morning check: repair is under way. Move gently today; hard training can wait.", latest.Soreness)
		}
	}

	// The latest session, if it was today or yesterday. The coach does
	// not advise what the day already holds.
	if !last.Date.Before(f.today.AddDays(-1)) {
		if w, ok := hardWorkout(last); ok {
			if last.IsDone(Massage) || last.IsDone(FoamRolling) {
				add("hard-session", "%s at RPE %d: easy movement, a meal with protein and a good night's sleep help you recover.", w.Kind.Label(), w.RPE)
			} else {
				add("hard-session", "%s at RPE %d: easy movement, a meal with protein and a good night's sleep. Massage or foam rolling too, if they help you feel better.", w.Kind.Label(), w.RPE)
			}
		}
	}

	// Sleep: advice for tonight.
	if l.HasZone && l.Ratio > RatioRising {
		add("load-rising", "Your load is rising (ratio %.2f, a trend to watch). Aim for %s of sleep tonight and notice how you feel.", l.Ratio, hours(max(f.sleep.Hours, RaisedSleepHours)))
	} else if f.sleep.Raised {
		add("sleep-after-hard-day", "After a hard day, aim for %s of sleep tonight instead of %s: most repair happens while you sleep.", hours(f.sleep.Hours), hours(f.s.SleepTargetHours))
	}
	short := 0
	for _, m := range mornings {
		if m.SleepHours < f.s.SleepTargetHours {
			short++
		}
	}
	if short >= 2 {
		add("short-sleep", "You slept under %s on %d of your last %d mornings. An earlier bedtime is the simplest recovery habit there is.", hours(f.s.SleepTargetHours), short, len(mornings))
	}

	// Today's check-in (a training day; a rest day has none).
	if d := f.pass.todayDay; d != nil {
		bf, diet := d.countPillars()
		if bf < BloodFlowMin {
			add("today-blood-flow", "One blood-flow item meets that pillar today: a few minutes of massage, foam rolling or stretching counts.")
		}
		if n := f.s.DietMinGroups - diet; n > 0 {
			add("today-diet", "%d more food %s would meet today's diet pillar: %s all count.", n, plural(n, "group", "groups"), undoneFoods(d, 3))
		}
		if f.pass.status == StatusPending {
			add("today-pending", "Today is done except sleep: answer the morning check tomorrow and the day counts as complete.")
		}
	}

	// Habits.
	if f.pass.newRecord && f.pass.streak.Current >= RecordMin {
		add("new-longest", "%d complete days in a row: your longest streak yet. Steady habits like this are what make recovery work.", f.pass.streak.Current)
	}
	if gap := last.Date.DaysUntil(f.today); gap >= ComebackDays {
		add("comeback", "%d days since your last session. Welcome back: start easy, build up gradually, and run a check-in afterwards.", gap)
	}
	adh := Adherence(f.days, f.today, f.s)
	if p, ok := MostMissed(adh); ok {
		a := adh[p]
		if n := a.Missed(); n >= MissedMin {
			switch p {
			case PillarDiet:
				add("diet-most-missed", "Diet is the pillar you missed most in 4 weeks (%d of %d days). One more food group a day closes the gap.", n, a.Of)
			case PillarBloodFlow:
				add("blood-flow-most-missed", "Blood flow is the pillar you missed most in 4 weeks (%d of %d days). A few minutes of massage, rolling or stretching meets it.", n, a.Of)
			case PillarSleep:
				add("sleep-most-missed", "Sleep is the pillar you missed most in 4 weeks (%d of %d days). A fixed bedtime is the easiest way to reach %s.", n, a.Of, hours(f.s.SleepTargetHours))
			}
		}
	}
	return out
}

// lastTraining returns the newest training day up to today, nil when there
// is none.
func (f *facts) lastTraining() *Day {
	for i := len(f.days) - 1; i >= 0; i-- {
		if !f.days[i].IsRest() {
			return &f.days[i]
		}
	}
	return nil
}

// sorenessRising reports whether soreness rose on each of the latest three
// morning checks (mornings is newest first).
func sorenessRising(mornings []Morning) bool {
	return len(mornings) >= 3 && mornings[2].Soreness < mornings[1].Soreness && mornings[1].Soreness < mornings[0].Soreness
}

// undoneFoods names up to n food groups not yet ticked on d, in checklist
// order: "fatty fish, berries or leafy greens".
func undoneFoods(d *Day, n int) string {
	var names []string
	for _, it := range Items {
		if it.Pillar == PillarDiet && !d.IsDone(it.ID) && len(names) < n {
			names = append(names, strings.ToLower(it.Label))
		}
	}
	switch len(names) {
	case 0:
		return "any group"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
