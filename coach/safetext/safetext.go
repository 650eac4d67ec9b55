// Package safetext shows text from outside (a note, a file name, a key or
// value read from a file or the database) on a terminal or in a message
// without letting it act: every character that a terminal or a
// spreadsheet could take as a command, or that could reorder what is
// shown around it, is written as a visible escape.
//
// The characters escaped are the C0 controls (U+0000 to U+001F), DEL
// (U+007F), the C1 controls (U+0080 to U+009F, among them CSI, OSC, DCS,
// APC, SOS and PM, which some terminals obey on their own), the
// bidirectional embeddings, overrides and isolates (U+202A to U+202E and
// U+2066 to U+2069, the "Trojan Source" characters) and any byte that is
// not part of valid UTF-8.
//
// The visible form is the one Go's %q uses, so a message that quotes a
// value with %q and one that goes through this package look alike:
//
//	\a \b \f \r \v  BEL, backspace, form feed, carriage return, vertical tab
//	\x1b    another C0 control, DEL, or a byte that is not valid UTF-8
//	\u009b  a C1 control
//	\u202e  a bidirectional override or isolate
//
// It is plain ASCII, so every terminal font has it and lipgloss, the ansi
// package and a terminal all count its width the same (one cell a byte);
// at 2 to 6 cells it stays short enough for a 40-column screen, unlike
// names such as <ESC> or [U+202E]; and unlike the Unicode control
// pictures (␛) it also covers C1, bidi characters and stray bytes, which
// have no picture, and needs no glyph a small console font may lack. A backslash in the text itself is left as it is: the form is
// for reading, not for parsing back.
//
// Line is for one-line views (history rows, the status line, error
// lines): newline and tab become a space. Block is for views of several
// lines (a day's note): newline and tab stay. Both return s itself, with
// no allocation, when there is nothing to escape.
//
// CheckTyped and KeepTyped are the rule at the keyboard: what a person
// types is valid UTF-8 with none of these characters but newline and tab.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

const hex = "0123456789abcdef"

// short holds the one-letter escapes %q writes for some C0 controls.
var short = [0x20]byte{'\a': 'a', '\b': 'b', '\f': 'f', '\r': 'r', '\v': 'v'}

// NeedsEscape reports whether Line and Block write r as an escape (newline
// and tab included, which Block keeps and Line turns into a space): a C0
// control, DEL, a C1 control, or a bidirectional override or isolate.
func NeedsEscape(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || isBidi(r)
}

// isBidi reports whether r is a bidirectional embedding, override or
// isolate: U+202A to U+202E, U+2066 to U+2069.
func isBidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// Line returns s for a one-line view: each newline and tab becomes a
// space, and every other character NeedsEscape names, and every byte that
// is not valid UTF-8, its escape (\x1b, \u009b, \u202e).
func Line(s string) string { return escape(s, false) }

// Block returns s for a view of several lines: newlines and tabs stay,
// and every other character NeedsEscape names, and every byte that is not
// valid UTF-8, becomes its escape (\x1b, \u009b, \u202e).
func Block(s string) string { return escape(s, true) }

// clean reports whether s holds nothing to escape: only printable ASCII
// and UTF-8 sequences outside the escaped ranges.
func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		if c < 0x80 {
			return false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || NeedsEscape(r) {
			return false
		}
		i += n
	}
	return true
}

func escape(s string, block bool) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			writeByte(&b, s[i])
		case r == '\n' || r == '\t':
			if block {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r < 0x20 || r == 0x7f:
			if r < 0x20 && short[r] != 0 {
				b.WriteByte('\\')
				b.WriteByte(short[r])
			} else {
				writeByte(&b, byte(r))
			}
		case NeedsEscape(r):
			b.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				b.WriteByte(hex[(r>>shift)&0xf])
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func writeByte(b *strings.Builder, c byte) {
	b.WriteString(`\x`)
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&0xf])
}

// typedOK reports whether a person may type r: newline, tab, and any
// character NeedsEscape does not name.
func typedOK(r rune) bool { return r == '\n' || r == '\t' || !NeedsEscape(r) }

// CheckTyped checks text a person typed (a flag's value, a paste): it must
// be valid UTF-8 and hold no control character other than newline and tab,
// and no bidirectional override or isolate. The error names the first
// character refused, in its escaped form, and where it is.
func CheckTyped(s string) error {
	pos := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		pos++
		if r == utf8.RuneError && n == 1 {
			return fmt.Errorf("byte %s at character %d is not valid UTF-8 text", Line(s[i:i+1]), pos)
		}
		if !typedOK(r) {
			what := "a control character"
			if isBidi(r) {
				what = "a text direction override"
			}
			return fmt.Errorf("%s, %s, at character %d is not allowed; use only printable characters, new lines and tabs", Line(string(r)), what, pos)
		}
		i += n
	}
	return nil
}

// KeepTyped returns s without what CheckTyped refuses (bytes that are not
// valid UTF-8 included), and how many characters or bytes it dropped. It
// returns s itself when it drops nothing.
func KeepTyped(s string) (string, int) {
	if CheckTyped(s) == nil {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	dropped := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !typedOK(r) {
			dropped++
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String(), dropped
}

// KeepTypedRunes is KeepTyped for runes, as a key press or a paste
// delivers them. It returns rs itself when it drops nothing.
func KeepTypedRunes(rs []rune) ([]rune, int) {
	bad := 0
	for _, r := range rs {
		if !typedOK(r) {
			bad++
		}
	}
	if bad == 0 {
		return rs, 0
	}
	out := make([]rune, 0, len(rs)-bad)
	for _, r := range rs {
		if typedOK(r) {
			out = append(out, r)
		}
	}
	return out, bad
}
