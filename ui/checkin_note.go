package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
	"cooldown/coach/safetext"
)

// The day's note is written on the summary step: n opens a text area, esc
// saves it. While it is open every other key is typed into it.

// noteRows is the height of the note's text area.
const noteRows = 4

func newNoteArea(dark bool) textarea.Model {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	ta.Placeholder = "how it went, what hurt, what helped"
	ta.CharLimit = coach.MaxNoteRunes
	ta.SetStyles(noteStyles(dark))
	ta.SetHeight(noteRows)
	return ta
}

// startNote opens the note for typing, filled with the stored note. A
// note imported with control characters opens without them (the keyboard
// rule), with a notice; closing it unchanged keeps the stored note as it
// is.
func (m *checkinModel) startNote() tea.Cmd {
	m.noting = true
	m.note.SetWidth(max(m.width-8, 10))
	text, dropped := safetext.KeepTyped(m.day.Note)
	m.note.SetValue(text)
	m.noteAt = m.note.Value()
	if m.noteKept != "" {
		m.note.SetValue(m.noteKept) // typed before a write that failed
		dropped = 0
	}
	if dropped > 0 {
		return tea.Batch(m.note.Focus(), showInfo(droppedNotice(dropped)+"; esc unchanged keeps the stored note"))
	}
	return m.note.Focus()
}

// droppedNotice says how many characters the keyboard rule left out.
func droppedNotice(n int) string {
	if n == 1 {
		return "left out 1 control character"
	}
	return "left out " + strconv.Itoa(n) + " control characters"
}

// updateNote types into the note; esc validates it and saves it. A note the
// coach refuses stays open with what was typed. What is typed or pasted
// reaches the text area without control characters (but new line and tab)
// and bidirectional overrides: the keyboard rule of safetext. The text
// area would drop most controls itself but keeps the bidi ones, and turns
// a tab into spaces before a filter after it could see it.
func (m *checkinModel) updateNote(msg tea.KeyPressMsg) tea.Cmd {
	if !key.Matches(msg, m.keys.NoteDone) {
		var notice tea.Cmd
		msg, dropped := typed(msg)
		if dropped > 0 {
			notice = showInfo(droppedNotice(dropped) + " the note cannot hold")
			if msg.Text == "" {
				return notice
			}
		}
		var cmd tea.Cmd
		m.note, cmd = m.note.Update(msg)
		return tea.Batch(cmd, notice)
	}
	text := m.note.Value()
	if err := coach.ValidateNote(text); err != nil {
		return showError(err)
	}
	m.noting = false
	m.note.Blur()
	if text == m.noteAt || text == m.day.Note { // the day as stored: a note that failed is not in it
		m.noteKept, m.noteErr = "", nil
		return nil
	}
	return m.saveNote(text)
}

// noteView adds the note to the summary: the open text area, the stored
// note, or how to add one.
func (m *checkinModel) noteView(add func(...string)) {
	st := m.ctx.styles
	switch {
	case !m.noting && m.noteKept != "":
		add(st.Subtitle.Render("Note    ") + st.Warn.Render(notSaved(nil)+": n edits it, esc saves it again"))
		for i, l := range wrapText(strings.Join(strings.Fields(m.noteKept), " "), max(m.width-8, 10)) {
			if i == 3 {
				add("        " + st.Muted.Render("…"))
				break
			}
			add("        " + st.Text.Render(l))
		}
	case m.noting:
		add(st.Subtitle.Render("Note"))
		for _, l := range strings.Split(m.note.View(), "\n") {
			add("  " + l)
		}
		add(noteRoom(st, m.note.Value()))
	case m.day.Note != "":
		// A note from an import may hold control characters: shown, not
		// obeyed.
		lines := wrapText(strings.Join(strings.Fields(safetext.Line(m.day.Note)), " "), max(m.width-8, 10))
		for i, l := range lines {
			if i == 2 && len(lines) > 3 {
				add("        " + st.Text.Render(truncate(l, max(m.width-10, 1))) + st.Muted.Render(" …"))
				break
			}
			if i == 0 {
				add(st.Subtitle.Render("Note    ") + st.Text.Render(l))
			} else {
				add("        " + st.Text.Render(l))
			}
		}
	default:
		add(st.Muted.Render("Note    none yet: n adds one"))
	}
	add("")
}

// updatePaste types a paste into the open field, the note or the minutes,
// under the keyboard rule (typedPaste); elsewhere a paste does nothing.
func (m *checkinModel) updatePaste(msg tea.PasteMsg) tea.Cmd {
	if m.date.IsZero() || !m.typing() {
		return nil
	}
	msg, dropped := typedPaste(msg)
	if !m.noting {
		return m.typeMinutes(msg)
	}
	var notice tea.Cmd
	if dropped > 0 {
		notice = showInfo(droppedNotice(dropped) + " the note cannot hold")
	}
	var cmd tea.Cmd
	m.note, cmd = m.note.Update(msg)
	return tea.Batch(cmd, notice)
}

// noteNear is how close to the note's limit the box starts counting down.
const noteNear = 200

// noteRoom is the line under the note box: what esc does with the text
// (the help line says only "esc done"), and the limit, or near the limit
// how many characters are left.
func noteRoom(st Styles, note string) string {
	left := coach.MaxNoteRunes - utf8.RuneCountInString(note)
	lead := st.Muted.Render("  esc saves the note · ")
	switch {
	case left > noteNear:
		return lead + st.Muted.Render("at most "+thousands(coach.MaxNoteRunes)+" characters")
	case left <= 0:
		return lead + st.Warn.Render("no characters left")
	}
	return lead + st.Warn.Render(nounCount(left, "character", "characters")+" left")
}
