package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"cooldown/coach"
	"cooldown/content"
)

// Words, glyphs and line fitting the screens share: dates, statuses,
// pillars, wrapping and cutting text to a width.

// sectionTitle returns the title of a guide section, or its id.
func sectionTitle(id string) string {
	if s, ok := content.Lookup(id); ok && s.Title != "" {
		return s.Title
	}
	return id
}

// workoutsLine lists a day's workouts in one line.
func workoutsLine(d coach.Day) string {
	if len(d.Workouts) == 0 {
		return "no workout logged yet"
	}
	parts := make([]string, len(d.Workouts))
	for i, w := range d.Workouts {
		parts[i] = workoutText(w)
	}
	return strings.Join(parts, " + ")
}

// workoutText describes one workout: kind, minutes and effort (a device
// workout's may be not yet given).
func workoutText(w coach.Workout) string {
	if !w.EffortGiven() {
		return fmt.Sprintf("%s %d min, effort not yet given", w.Kind.Label(), w.Minutes)
	}
	return fmt.Sprintf("%s %d min, RPE %d", w.Kind.Label(), w.Minutes, w.RPE)
}

// pillarsLines shows the three pillars of a day in lines of at most w
// cells, each with a glyph, so they read without colour.
func pillarsLines(st Styles, d coach.Day, s coach.Settings, w int) []string {
	return flowParts(pillarParts(st, d, s), st.Muted.Render("  ·  "), w)
}

// pillarParts describes each pillar of a day with a glyph.
func pillarParts(st Styles, d coach.Day, s coach.Settings) []string {
	parts := make([]string, 0, 3)
	for _, p := range coach.Pillars {
		state := d.Pillar(p, s)
		text := p.String()
		// "n of min" while short of the pillar; once met, the count
		// alone (never "2 of 1").
		count := func(n, min int, unit string) string {
			if n < min {
				return fmt.Sprintf(" %d of %d", n, min)
			}
			return fmt.Sprintf(" %d %s", n, unit)
		}
		switch p {
		case coach.PillarBloodFlow:
			text += count(d.CountDone(p), coach.BloodFlowMin, "done")
		case coach.PillarDiet:
			text += count(d.CountDone(p), s.DietMinGroups, "groups")
		default:
			if state == coach.PillarPending {
				text += " pending"
			}
		}
		parts = append(parts, pillarGlyph(st, state)+" "+st.Text.Render(text))
	}
	return parts
}

// flowParts joins parts with sep into as few lines of at most w cells as
// it can; a part wider than w gets a line of its own.
func flowParts(parts []string, sep string, w int) []string {
	var out []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case lipgloss.Width(line)+lipgloss.Width(sep)+lipgloss.Width(p) <= w:
			line += sep + p
		default:
			out = append(out, line)
			line = p
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// pillarGlyph marks a pillar state: ✓ met, ◌ pending, ✗ missed.
func pillarGlyph(st Styles, p coach.PillarState) string {
	switch p {
	case coach.PillarMet:
		return st.Good.Render("✓")
	case coach.PillarPending:
		return st.Warn.Render("◌")
	}
	return st.Bad.Render("✗")
}

// statusGlyph marks a day status.
func statusGlyph(st Styles, s coach.Status) string {
	switch s {
	case coach.StatusComplete:
		return st.Good.Render("●")
	case coach.StatusPending:
		return st.Warn.Render("◐")
	case coach.StatusPartial:
		return st.Bad.Render("◑")
	}
	return st.Muted.Render("○")
}

// statusStyle is the style of a status word.
func statusStyle(st Styles, s coach.Status) lipgloss.Style {
	switch s {
	case coach.StatusComplete:
		return st.Good
	case coach.StatusPending:
		return st.Warn
	case coach.StatusPartial:
		return st.Bad
	}
	return st.Muted
}

// statusWord explains a day status in a few words.
func statusWord(s coach.Status) string {
	switch s {
	case coach.StatusComplete:
		return "complete"
	case coach.StatusPending:
		return "pending (sleep is asked tomorrow morning)"
	case coach.StatusPartial:
		return "partial"
	}
	return "rest (no workout)"
}

// strengthBar draws a percentage as a bar of w cells that reads without
// colour: filled cells are solid, empty ones shaded.
func strengthBar(st Styles, pct, w int) string {
	pct = min(max(pct, 0), 100)
	full := (pct*w + 50) / 100
	return st.Good.Render(strings.Repeat("█", full)) + st.Muted.Render(strings.Repeat("░", w-full))
}

// plural writes n with the singular or plural noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// shortDate writes a date as "Wed 25 Nov".
func shortDate(d coach.Date) string { return d.Time().Format("Mon 2 Jan") }

// longDate writes a date as "Wed 25 Nov 2026".
func longDate(d coach.Date) string { return d.Time().Format("Mon 2 Jan 2006") }

// padRight pads s with spaces to w cells.
func padRight(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// wrapText breaks plain text into lines of at most w cells at spaces; a
// word longer than w is cut.
func wrapText(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		for lipgloss.Width(word) > w {
			if line != "" {
				out = append(out, line)
				line = ""
			}
			cut := truncateRunes(word, w)
			out = append(out, cut)
			word = word[len(cut):]
		}
		switch {
		case line == "":
			line = word
		case lipgloss.Width(line)+1+lipgloss.Width(word) <= w:
			line += " " + word
		default:
			out = append(out, line)
			line = word
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// truncateRunes returns the longest prefix of plain s at most w cells wide
// (at least one rune, so wrapping always progresses).
func truncateRunes(s string, w int) string {
	width := 0
	for i, r := range s {
		rw := lipgloss.Width(string(r))
		if width+rw > w && i > 0 {
			return s[:i]
		}
		width += rw
	}
	return s
}

// fitLines joins lines, keeping at most h of them and cutting each to w
// cells.
func fitLines(lines []string, w, h int) string {
	if h <= 0 || w <= 0 {
		return ""
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = truncate(l, w)
		}
	}
	return strings.Join(lines, "\n")
}
