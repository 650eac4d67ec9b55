package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cooldown/coach"
)

// morningQuestion is one of the four 1-7 ratings of the morning check, with
// the words for both ends of its scale.
type morningQuestion struct {
	label     string
	low, high string // the words for 1 and 7
}

// morningQuestions are the ratings in the order they are asked.
var morningQuestions = [4]morningQuestion{
	{"Sleep quality", "very good", "very bad"},
	{"Fatigue", "very low", "very high"},
	{"Stress", "very low", "very high"},
	{"Muscle soreness", "none", "very sore"},
}

// morningForm is the morning check of one date, answered on the home
// screen: hours slept (field 0) and the four ratings (fields 1 to 4). A
// rating of 0 is not answered yet.
type morningForm struct {
	date    coach.Date
	field   int
	hours   float64
	ratings [4]int
	typed   string // digits typed for the hours so far
	// hoursSet: the person changed the hours (so hours slept that a
	// phone's import brings while the form is open never replace them).
	hoursSet bool
}

func newMorningForm(date coach.Date, target float64) *morningForm {
	return &morningForm{date: date, hours: target}
}

// move goes to the previous (-1) or next (+1) question.
// edit applies a key that changes the answers (move between questions,
// step a value, a digit, a half hour) and reports whether it was one.
func (f *morningForm) edit(msg tea.KeyPressMsg, k homeKeyMap) bool {
	switch {
	case key.Matches(msg, k.Up):
		f.move(-1)
	case key.Matches(msg, k.Down):
		f.move(1)
	case key.Matches(msg, k.Less):
		f.step(-1)
	case key.Matches(msg, k.More):
		f.step(1)
	case key.Matches(msg, k.Digit):
		f.digit(msg.String())
	case key.Matches(msg, k.Half):
		f.half()
	default:
		return false
	}
	return true
}

func (f *morningForm) move(n int) {
	f.field = (f.field + n + 5) % 5
	f.typed = ""
}

// step changes the focused answer: half an hour, or one point of a rating
// (an unanswered rating starts in the middle).
func (f *morningForm) step(n int) {
	f.typed = ""
	if f.field == 0 {
		f.hours = math.Min(math.Max(f.hours+0.5*float64(n), coach.MinSleepHours), coach.MaxSleepHours)
		f.hoursSet = true
		return
	}
	r := &f.ratings[f.field-1]
	if *r == 0 {
		*r = 4
		return
	}
	*r = min(max(*r+n, coach.MinRating), coach.MaxRating)
}

// digit handles a typed digit: whole hours (two digits make 10 to 16), or
// a rating 1 to 7, after which the next question is focused.
func (f *morningForm) digit(d string) {
	n, err := strconv.Atoi(d)
	if err != nil {
		return
	}
	if f.field == 0 {
		typed := f.typed + d
		v, _ := strconv.Atoi(typed)
		if v > coach.MaxSleepHours || len(typed) > 2 {
			typed, v = d, n
		}
		f.typed, f.hours, f.hoursSet = typed, float64(v), true
		return
	}
	if n >= coach.MinRating && n <= coach.MaxRating {
		f.ratings[f.field-1] = n
		if f.field < 4 {
			f.move(1)
		}
	}
}

// half adds half an hour to whole hours typed ("7." reads 7.5).
func (f *morningForm) half() {
	if f.field == 0 && f.hours+0.5 <= coach.MaxSleepHours {
		f.hours = math.Floor(f.hours) + 0.5
		f.typed, f.hoursSet = "", true
	}
}

// focusMissing moves to the first unanswered rating.
func (f *morningForm) focusMissing() {
	for i, r := range f.ratings {
		if r == 0 {
			f.field = i + 1
			return
		}
	}
}

// morning returns the answers, or which one is missing.
func (f *morningForm) morning() (coach.Morning, error) {
	for i, r := range f.ratings {
		if r == 0 {
			q := morningQuestions[i]
			return coach.Morning{}, fmt.Errorf("%s: choose 1 (%s) to 7 (%s)", strings.ToLower(q.label), q.low, q.high)
		}
	}
	m := coach.Morning{SleepHours: f.hours, SleepQuality: f.ratings[0], Fatigue: f.ratings[1], Stress: f.ratings[2], Soreness: f.ratings[3]}
	return m, coach.ValidateMorning(m)
}

// view draws the form: one line a question, the focused one marked.
func (f *morningForm) view(st Styles, w int, label func(string) string, indent string) []string {
	lines := []string{label("Morning") + st.Text.Render("after "+longDate(f.date))}
	const qw = 17
	// A narrow window drops the indent, draws the scales tight and names
	// the ends of the focused scale on a line of its own.
	narrow := w < lipgloss.Width(indent)+2+qw+21+26
	if narrow {
		indent = ""
	}
	row := func(i int, name, value, hint string) string {
		cur := "  "
		nameStyle := st.Text
		if f.field == i {
			cur = st.Cursor.Render("› ")
			nameStyle = st.Accent
		}
		return indent + cur + nameStyle.Render(padRight(name, qw)) + value + st.Muted.Render(hint)
	}
	hours := fmt.Sprintf("‹ %4.1f h ›", f.hours)
	hoursHint := "  half-hour steps"
	if narrow {
		hoursHint = ""
	}
	lines = append(lines, row(0, "Hours slept", f.valueStyle(st, 0).Render(hours), hoursHint))
	for i, q := range morningQuestions {
		hint := "  1 " + q.low + " · 7 " + q.high
		if narrow {
			hint = ""
		}
		lines = append(lines, row(i+1, q.label, ratingScale(st, f.ratings[i], f.field == i+1, narrow), hint))
	}
	if narrow && f.field > 0 {
		q := morningQuestions[f.field-1]
		lines = append(lines, indent+"  "+st.Muted.Render("1 "+q.low+" · 7 "+q.high))
	}
	return lines
}

func (f *morningForm) valueStyle(st Styles, field int) lipgloss.Style {
	if f.field == field {
		return st.Selected
	}
	return st.Text
}

// ratingScale draws 1 to 7 with the chosen value bracketed, readable
// without colour.
func ratingScale(st Styles, v int, focused, tight bool) string {
	var b strings.Builder
	for i := coach.MinRating; i <= coach.MaxRating; i++ {
		if i == v {
			style := st.Accent
			if focused {
				style = st.Selected
			}
			b.WriteString(style.Render(fmt.Sprintf("[%d]", i)))
			continue
		}
		if tight {
			if i == v+1 {
				b.WriteString(st.Muted.Render(fmt.Sprintf("%d", i)))
			} else {
				b.WriteString(st.Muted.Render(fmt.Sprintf(" %d", i)))
			}
			continue
		}
		b.WriteString(st.Muted.Render(fmt.Sprintf(" %d ", i)))
	}
	return b.String()
}
