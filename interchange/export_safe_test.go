package interchange

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"cooldown/coach"
	"cooldown/coach/safetext"
)

// noteExport is an export of one day holding note.
func noteExport(t testing.TB, note string) Export {
	return Export{
		ExportedAt: time.Date(2026, 11, 26, 22, 4, 5, 0, time.UTC),
		Settings:   coach.DefaultSettings(),
		Days:       []coach.Day{{Date: date(t, "2026-11-25"), Note: note}},
	}
}

// csvNote writes e as CSV and returns the file and the note cell of its
// one day, as a CSV reader sees it.
func csvNote(t testing.TB, e Export) (string, string) {
	var b bytes.Buffer
	if err := WriteCSV(&b, e); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("reading our CSV back: %d rows, %v\n%s", len(rows), err, b.Bytes())
	}
	return b.String(), rows[1][slices.Index(rows[0], "note")]
}

func TestCSVCellsOpenSafely(t *testing.T) {
	tests := []struct{ note, cell string }{
		{"legs sore", "legs sore"},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+1 kg", "'+1 kg"},
		{"-5 kg", "'-5 kg"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tindented", "'\tindented"},
		{"\r=1+1", "\\r=1+1"}, // a CR is shown, so the cell starts with a backslash
		{"a = b", "a = b"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"\x1b]0;title\x07", `\x1b]0;title\a`},
		{"a\u009b2J\u202eb\x7f", `a\u009b2J\u202eb\x7f`},
	}
	for _, tt := range tests {
		_, cell := csvNote(t, noteExport(t, tt.note))
		if cell != tt.cell {
			t.Errorf("note %q: CSV cell = %q, want %q", tt.note, cell, tt.cell)
		}
	}
}

func TestJSONEscapesControls(t *testing.T) {
	note := "a\x1b]52;c;aGk=\x07 b\x7f c\u0085\u009b d\u202e\u2066\u2069 é\n\tend"
	var b bytes.Buffer
	if err := WriteJSON(&b, noteExport(t, note)); err != nil {
		t.Fatal(err)
	}
	want := `"note": "a\u001b]52;c;aGk=\u0007 b\u007f c\u0085\u009b d\u202e\u2066\u2069 é\n\tend"`
	if !strings.Contains(b.String(), want) {
		t.Errorf("the export's note:\n%s\nwant it written as\n%s", b.String(), want)
	}
	got, err := ParseJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Days) != 1 || got.Days[0].Note != note {
		t.Errorf("imported note = %q, want %q", got.Days[0].Note, note)
	}
}

// noRawControl fails when out holds a character safetext escapes, new line
// and tab aside (a CSV keeps them in a note's cell; JSON between its
// lines).
func noRawControl(t *testing.T, what, note, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%s of note %q is not valid UTF-8", what, note)
	}
	for i, r := range out {
		if r != '\n' && r != '\t' && safetext.NeedsEscape(r) {
			t.Fatalf("%s of note %q holds %U at byte %d:\n%q", what, note, r, i, out)
		}
	}
}

// FuzzExportNote writes any note (made valid UTF-8, as every stored note
// is) to both exports: neither holds a control character raw, the CSV
// cell never starts like a formula, and the JSON reads back to the same
// note.
func FuzzExportNote(f *testing.F) {
	for _, s := range []string{"", "=1+1", "\x1b]0;x\x07", "\u009b2J", "\u202eabc", "-\n\t", "\x1bP+q\x1b\\", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		note = strings.ToValidUTF8(note, "\u009b")
		if utf8.RuneCountInString(note) > coach.MaxNoteRunes {
			return
		}
		e := noteExport(t, note)
		var js bytes.Buffer
		if err := WriteJSON(&js, e); err != nil {
			t.Fatal(err)
		}
		noRawControl(t, "the JSON export", note, js.String())
		got, err := ParseJSON(bytes.NewReader(js.Bytes()))
		if err != nil {
			t.Fatalf("ParseJSON of the export of note %q: %v", note, err)
		}
		if got.Days[0].Note != note {
			t.Fatalf("note %q came back as %q", note, got.Days[0].Note)
		}
		out, cell := csvNote(t, e)
		noRawControl(t, "the CSV export", note, out)
		if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
			t.Fatalf("note %q: CSV cell %q starts like a formula", note, cell)
		}
	})
}
