package content

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Glamour styles every cell on its own: each padding space carries its own
// colour codes and a reset, so the output is about 14 times the size of
// the text and a terminal viewport spends most of its time copying escape
// codes. compactSGR rewrites the output with the fewest SGR (colour and
// attribute) changes that show exactly the same thing:
//
//   - the style of every printed rune is tracked; a new SGR sequence is
//     written only where the style of what is visible changes;
//   - a space shows only its background (and an underline, strike-through
//     or reverse video, which glamour's guide styles do not use here), so a
//     space whose background matches the current one is printed in the
//     current style, whatever its foreground, weight or slant;
//   - every line starts and ends in the default style, so any single line
//     (as a viewport shows it) is self-contained.
//
// Input holding an escape sequence other than SGR, SGR parameters this
// code does not know, control characters or invalid UTF-8 is returned
// unchanged (glamour's output for the guide has none of these).

// sgrState is the set of SGR attributes that can be active.
type sgrState struct {
	fg, bg string // SGR parameters selecting the colour, e.g. "38;5;252"; "" is the default
	attrs  uint16 // bit n set: SGR attribute n (1 bold ... 9 crossed out) is on
}

const (
	attrUnderline = 1 << 4
	attrBlink     = 1 << 5
	attrReverse   = 1 << 7
	attrCrossed   = 1 << 9
	// attrsVisibleOnSpace are the attributes that draw something in a
	// blank cell.
	attrsVisibleOnSpace = attrUnderline | attrReverse | attrCrossed
)

// blankLooksSame reports whether a space printed in style a looks the same
// as one printed in style b.
func blankLooksSame(a, b sgrState) bool {
	if a.attrs&attrsVisibleOnSpace != 0 || b.attrs&attrsVisibleOnSpace != 0 {
		return a == b
	}
	return a.bg == b.bg
}

// params returns the SGR parameters that set s from the default state.
func (s sgrState) params() string {
	var p []string
	for n := 1; n <= 9; n++ {
		if s.attrs&(1<<n) != 0 {
			p = append(p, strconv.Itoa(n))
		}
	}
	if s.fg != "" {
		p = append(p, s.fg)
	}
	if s.bg != "" {
		p = append(p, s.bg)
	}
	return strings.Join(p, ";")
}

// apply updates s with the parameters of one SGR sequence. It returns
// false for parameters it does not understand. Colours are kept as
// substrings of params, so applying a sequence does not allocate.
func (s *sgrState) apply(params string) bool {
	if params == "" {
		*s = sgrState{}
		return true
	}
	if strings.IndexByte(params, ':') >= 0 {
		return false
	}
	for i := 0; i <= len(params); {
		j := nextParam(params, i)
		p := params[i:j]
		n, err := strconv.Atoi(p)
		if err != nil && p != "" {
			return false
		}
		switch {
		case p == "" || n == 0:
			*s = sgrState{}
		case n >= 1 && n <= 9:
			s.attrs |= 1 << n
		case n == 22:
			s.attrs &^= 1<<1 | 1<<2
		case n >= 23 && n <= 29 && n != 26:
			s.attrs &^= 1 << (n - 20)
		case n >= 30 && n <= 37, n >= 90 && n <= 97:
			s.fg = p
		case n == 39:
			s.fg = ""
		case n >= 40 && n <= 47, n >= 100 && n <= 107:
			s.bg = p
		case n == 49:
			s.bg = ""
		case n == 38 || n == 48:
			// "38;5;n" or "38;2;r;g;b" (and 48 for the background).
			if j >= len(params) {
				return false
			}
			k := nextParam(params, j+1)
			count := 0
			switch params[j+1 : k] {
			case "5":
				count = 1
			case "2":
				count = 3
			default:
				return false
			}
			for ; count > 0; count-- {
				if k >= len(params) {
					return false
				}
				k = nextParam(params, k+1)
			}
			if n == 38 {
				s.fg = params[i:k]
			} else {
				s.bg = params[i:k]
			}
			j = k
		default:
			return false
		}
		i = j + 1
	}
	return true
}

// nextParam returns the end of the SGR parameter that starts at i.
func nextParam(params string, i int) int {
	if k := strings.IndexByte(params[i:], ';'); k >= 0 {
		return i + k
	}
	return len(params)
}

// cell is one rune of a line and the style it is printed in.
type cell struct {
	r     rune
	style sgrState
}

// parseLine splits a line into styled runes, starting in style st. It
// returns the style at the end of the line and false if the line holds an
// escape sequence it cannot interpret.
func parseLine(line string, st sgrState, cells []cell) ([]cell, sgrState, bool) {
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			if i+1 >= len(line) || line[i+1] != '[' {
				return cells, st, false
			}
			j := i + 2
			for j < len(line) && (line[j] >= '0' && line[j] <= '9' || line[j] == ';' || line[j] == ':') {
				j++
			}
			if j >= len(line) || line[j] != 'm' || !st.apply(line[i+2:j]) {
				return cells, st, false
			}
			i = j + 1
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if r < 0x20 || r == 0x7f || r == utf8.RuneError && size == 1 {
			return cells, st, false
		}
		cells = append(cells, cell{r, st})
		i += size
	}
	return cells, st, true
}

// compactSGR returns s with redundant SGR sequences removed; see the
// comment at the top of this file.
func compactSGR(s string) string {
	var b strings.Builder
	b.Grow(len(s) / 4)
	var st sgrState
	var cells []cell
	lines := strings.Split(s, "\n")
	for li, line := range lines {
		if li > 0 {
			b.WriteByte('\n')
		}
		var ok bool
		cells, st, ok = parseLine(line, st, cells[:0])
		if !ok {
			return s
		}
		var cur sgrState
		for _, c := range cells {
			want := c.style
			if c.r == ' ' && blankLooksSame(cur, want) {
				want = cur
			}
			if want != cur {
				b.WriteString("\x1b[")
				switch {
				case want == sgrState{}:
					// "\x1b[m" resets.
				case cur != sgrState{}:
					b.WriteString("0;")
					b.WriteString(want.params())
				default:
					b.WriteString(want.params())
				}
				b.WriteByte('m')
				cur = want
			}
			b.WriteRune(c.r)
		}
		if cur != (sgrState{}) {
			b.WriteString("\x1b[m")
		}
	}
	return b.String()
}
