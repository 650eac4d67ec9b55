package ui

// The check-in's last two steps: the sleep plan and the summary.

import (
	"fmt"
	"sort"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// ---- sleep plan ------------------------------------------------------------

func (m *checkinModel) updateSleep(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Earlier):
		return m.setBedtime(snapClock(m.bed, -1))
	case key.Matches(msg, k.Later):
		return m.setBedtime(snapClock(m.bed, 1))
	case key.Matches(msg, k.Why):
		return openSection(coach.SectionSleep)
	}
	return nil
}

// snapClock moves c by one 15-minute step, onto the 15-minute grid.
func snapClock(c coach.Clock, dir int) coach.Clock {
	m := int(c)
	if r := m % bedtimeStep; r != 0 {
		if dir > 0 {
			m += bedtimeStep - r
		} else {
			m -= r
		}
	} else {
		m += dir * bedtimeStep
	}
	return coach.Clock(((m % 1440) + 1440) % 1440)
}

func (m *checkinModel) setBedtime(c coach.Clock) tea.Cmd {
	m.bed = c
	return m.change(func(d *coach.Day) error {
		b := c
		d.Bedtime = &b
		return nil
	})
}

func (m *checkinModel) sleepView(add func(...string)) {
	st := m.ctx.styles
	a := m.advice
	if m.date == m.ctx.today {
		add(m.para(st.Text, "When will you go to bed tonight?", "")...)
	} else {
		add(m.para(st.Text, "When did you go to bed that night?", "")...)
	}
	add("")
	bed := st.Selected.Render("‹ " + m.bed.String() + " ›")
	add(st.Text.Render(padRight("Bedtime", 14)) + bed)
	add(st.Text.Render(padRight("Wake at", 14)) + st.Accent.Render(coach.WakeTime(m.bed, a.Hours).String()) +
		st.Muted.Render("  for "+hoursText(a.Hours)+" of sleep"))
	if m.day.Bedtime == nil {
		add(st.Muted.Render(padRight("", 14) + "suggested"))
	}
	add("")
	// The target in the settings decides the sleep pillar; the raised
	// figure after a hard day is advice for that night only.
	target := hoursText(m.ctx.settings.SleepTargetHours)
	if a.Raised {
		night := "tonight"
		if m.date != m.ctx.today {
			night = "that night"
		}
		add(m.para(st.Warn, "Advice: aim for "+hoursText(a.Hours)+" "+night+" ("+a.Reason+")", st.Muted.Render("· "+target+" meets your target"))...)
	} else {
		add(m.para(st.Muted, "Sleep target "+target+"; "+m.sleepAsked()+".", "")...)
		if a.Reason != "" {
			add(m.para(st.Muted, "note: "+a.Reason, "")...)
		}
	}
}

// dayWord names the check-in's date as its questions speak of it: "today"
// for today, "that day" for a past day.
func (m *checkinModel) dayWord() string {
	if m.date == m.ctx.today {
		return "today"
	}
	return "that day"
}

// sleepAsked says when the morning answers of the date are asked, and
// never promises a question the app will not ask: home asks the training
// days of the last 7 days; for any other date m answers now.
func (m *checkinModel) sleepAsked() string {
	switch {
	case m.date == m.ctx.today:
		return "asked tomorrow morning on home"
	case m.day.IsRest():
		return "a rest day is not asked: press m to answer now"
	case !m.date.Before(m.ctx.today.AddDays(-coach.OpenQuestionDays)):
		return "asked on home, or press m to answer now"
	}
	return "no longer asked on home: press m to answer now"
}

// hoursText writes hours as "7 h" or "7.5 h".
func hoursText(h float64) string { return strconv.FormatFloat(h, 'f', -1, 64) + " h" }

// adviceFor returns the sleep advice for the night after day, from the
// stored history with day in place of its stored copy. It looks only at
// the 28 days the load rules read (and the first day, which decides
// whether a load ratio exists), so it costs the same for any history.
func adviceFor(days []coach.Day, day coach.Day, s coach.Settings) coach.SleepGoal {
	from := day.Date.AddDays(-(coach.ChronicDays - 1))
	i := sort.Search(len(days), func(i int) bool { return !days[i].Date.Before(from) })
	j := sort.Search(len(days), func(i int) bool { return !days[i].Date.Before(day.Date) })
	window := make([]coach.Day, 0, j-i+2)
	if i > 0 {
		window = append(window, days[0])
	}
	window = append(window, days[i:j]...)
	window = append(window, day)
	return coach.SleepAdvice(window, day.Date, s)
}

// ---- summary ---------------------------------------------------------------

// summaryMessage is the coach message of today's check-in. A past day has
// none: the coach speaks of now ("tonight", "today"), and the summary of a
// past day already lists what that day lacks, in words about that day.
func (m *checkinModel) summaryMessage() coach.Message {
	if m.date == m.ctx.today {
		return m.ctx.summary.Message
	}
	return coach.Message{}
}

// missing lists what the day still lacks, in a few words each.
func (m *checkinModel) missing() []string {
	s := m.ctx.settings
	d := m.day
	var out []string
	if len(d.Workouts) == 0 {
		out = append(out, "workout: none logged yet")
	}
	for _, w := range d.Workouts {
		if !w.EffortGiven() {
			out = append(out, "effort: not yet given for "+coach.WorkoutSubject(w)+" (effort step)")
		}
	}
	if n := d.CountDone(coach.PillarBloodFlow); n < coach.BloodFlowMin {
		out = append(out, fmt.Sprintf("blood flow: tick at least %d (%d of %d)", coach.BloodFlowMin-n, n, coach.BloodFlowMin))
	}
	if n := d.CountDone(coach.PillarDiet); n < s.DietMinGroups {
		out = append(out, fmt.Sprintf("diet: tick %d more (%d of %d groups)", s.DietMinGroups-n, n, s.DietMinGroups))
	}
	switch d.Pillar(coach.PillarSleep, s) {
	case coach.PillarPending:
		text := "sleep: " + m.sleepAsked() + " (target " + hoursText(s.SleepTargetHours)
		if m.advice.Raised {
			text += "; " + hoursText(m.advice.Hours) + " advised"
		}
		out = append(out, text+")")
	case coach.PillarMissed:
		out = append(out, fmt.Sprintf("sleep: %s reported, target %s", hoursText(d.Morning.SleepHours), hoursText(s.SleepTargetHours)))
	}
	return out
}

func (m *checkinModel) summaryView(add func(...string)) {
	st := m.ctx.styles
	s := m.ctx.settings
	status := m.day.Status(s)
	add(st.Text.Render("Status  ") + statusGlyph(st, status) + " " + statusStyle(st, status).Render(statusWord(status)))
	for _, l := range pillarsLines(st, m.day, s, m.width-8) {
		add("        " + l)
	}
	if len(m.day.Workouts) > 0 {
		add(st.Text.Render("        ") + st.Muted.Render(workoutsLine(m.day)))
	}
	if m.day.Bedtime != nil {
		add(st.Text.Render("        ") + st.Muted.Render("bed "+m.day.Bedtime.String()+", wake "+coach.WakeTime(*m.day.Bedtime, m.advice.Hours).String()))
	}
	add("")
	m.morningView(add)
	m.noteView(add)
	if miss := m.missing(); len(miss) > 0 {
		add(st.Subtitle.Render("Still to do"))
		for _, l := range miss {
			for i, wl := range wrapText(l, max(m.width-4, 1)) {
				bullet := "    "
				if i == 0 {
					bullet = st.Muted.Render("  • ")
				}
				add(bullet + st.Text.Render(wl))
			}
		}
		add("")
	}
	msg := m.summaryMessage()
	if msg.Text != "" {
		for i, l := range wrapText(msg.Text, max(m.width-8, 10)) {
			if i == 0 {
				add(st.Subtitle.Render("Coach   ") + st.Text.Render(l))
			} else {
				add("        " + st.Text.Render(l))
			}
		}
		if msg.Section != "" {
			add("        " + st.Muted.Render("→ ") + st.Link.Render(sectionTitle(msg.Section)) + st.Muted.Render("  (i)"))
		}
	}
}
