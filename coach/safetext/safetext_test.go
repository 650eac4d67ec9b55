package safetext

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLineAndBlock(t *testing.T) {
	tests := []struct {
		name, in, line, block string
	}{
		{"plain", "legs sore, slept well", "legs sore, slept well", "legs sore, slept well"},
		{"empty", "", "", ""},
		{"unicode kept", "é 日本 🙂 \ufffd ½", "é 日本 🙂 \ufffd ½", "é 日本 🙂 \ufffd ½"},
		{"newline and tab", "a\nb\tc", "a b c", "a\nb\tc"},
		{"carriage return", "a\r\nb", `a\r b`, "a\\r\nb"},
		{"osc title", "\x1b]0;pwned\x07", `\x1b]0;pwned\a`, `\x1b]0;pwned\a`},
		{"osc 52 clipboard", "\x1b]52;c;aGk=\x1b\\", `\x1b]52;c;aGk=\x1b\`, `\x1b]52;c;aGk=\x1b\`},
		{"nul and del", "a\x00b\x7f", `a\x00b\x7f`, `a\x00b\x7f`},
		{"c1 csi as a character", "a\u009b2Jb", `a\u009b2Jb`, `a\u009b2Jb`},
		{"c1 range ends", "\u0080\u009f\u00a0", `\u0080\u009f` + "\u00a0", `\u0080\u009f` + "\u00a0"},
		{"bidi override", "abc\u202egnp.exe", `abc\u202egnp.exe`, `abc\u202egnp.exe`},
		{"bidi range", "\u202a\u202d\u2066\u2069\u2029\u200f", `\u202a\u202d\u2066\u2069` + "\u2029\u200f", `\u202a\u202d\u2066\u2069` + "\u2029\u200f"},
		{"invalid bytes", "a\xffb\x9b2J\xc3", `a\xffb\x9b2J\xc3`, `a\xffb\x9b2J\xc3`},
		{"backslash stays", `C:\x1b`, `C:\x1b`, `C:\x1b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Line(tt.in); got != tt.line {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
			}
			if got := Block(tt.in); got != tt.block {
				t.Errorf("Block(%q) = %q, want %q", tt.in, got, tt.block)
			}
		})
	}
}

// TestSameAsQuote checks the promise of the package comment: each escape
// is the one Go's %q writes for that character or byte.
func TestSameAsQuote(t *testing.T) {
	for _, s := range []string{"\a", "\b", "\f", "\r", "\v", "\x1b", "\x00", "\x7f", "\u0085", "\u009b", "\u202e", "\u2066", "\xff", "\x9b"} {
		want := strconv.Quote(s)
		want = want[1 : len(want)-1]
		if got := Line(s); got != want {
			t.Errorf("Line(%q) = %s, want %s as %%q writes it", s, got, want)
		}
	}
}

func TestNoAllocationWhenClean(t *testing.T) {
	s := strings.Repeat("legs sore, slept well é ", 20)
	if n := testing.AllocsPerRun(100, func() { _ = Line(s); _ = Block(s) }); n != 0 {
		t.Errorf("Line and Block of clean text allocate %v times, want 0", n)
	}
}

func TestCheckTyped(t *testing.T) {
	tests := []struct {
		in      string
		wantErr string // "" when accepted
		kept    string
		dropped int
	}{
		{"legs sore\n\tslept well é 🙂", "", "legs sore\n\tslept well é 🙂", 0},
		{"", "", "", 0},
		{"ab\x1b]0;x\x07", `\x1b, a control character, at character 3`, "ab]0;x", 2},
		{"a\u202eb", `\u202e, a text direction override, at character 2`, "ab", 1},
		{"a\rb", `\r, a control character, at character 2`, "ab", 1},
		{"é\u009b", `\u009b, a control character, at character 2`, "é", 1},
		{"a\x7f", `\x7f, a control character, at character 2`, "a", 1},
		{"a\xffb", `byte \xff at character 2 is not valid UTF-8`, "ab", 1},
	}
	for _, tt := range tests {
		err := CheckTyped(tt.in)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("CheckTyped(%q) = %v, want nil", tt.in, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("CheckTyped(%q) = %v, want an error holding %q", tt.in, err, tt.wantErr)
		}
		kept, n := KeepTyped(tt.in)
		if kept != tt.kept || n != tt.dropped {
			t.Errorf("KeepTyped(%q) = %q, %d; want %q, %d", tt.in, kept, n, tt.kept, tt.dropped)
		}
		if CheckTyped(kept) != nil {
			t.Errorf("CheckTyped(KeepTyped(%q)) = %v, want nil", tt.in, CheckTyped(kept))
		}
		if utf8.ValidString(tt.in) {
			rs, n := KeepTypedRunes([]rune(tt.in))
			if string(rs) != tt.kept || n != tt.dropped {
				t.Errorf("KeepTypedRunes(%q) = %q, %d; want %q, %d", tt.in, string(rs), n, tt.kept, tt.dropped)
			}
		}
	}
}

// unescape reverses the escapes of Line and Block for text that holds no
// backslash of its own: the fuzz target uses it to check that nothing is
// lost and nothing is made up.
func unescape(t *testing.T, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && strings.IndexByte("abfrv", s[i+1]) >= 0 {
			b.WriteByte(map[byte]byte{'a': '\a', 'b': '\b', 'f': '\f', 'r': '\r', 'v': '\v'}[s[i+1]])
			i++
			continue
		}
		switch {
		case strings.HasPrefix(s[i:], `\x`) && i+4 <= len(s):
			v, err := strconv.ParseUint(s[i+2:i+4], 16, 8)
			if err != nil {
				t.Fatalf("bad escape in %q at %d", s, i)
			}
			b.WriteByte(byte(v))
			i += 3
		case strings.HasPrefix(s[i:], `\u`) && i+6 <= len(s):
			v, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
			if err != nil {
				t.Fatalf("bad escape in %q at %d", s, i)
			}
			b.WriteRune(rune(v))
			i += 5
		default:
			t.Fatalf("stray backslash in %q at %d", s, i)
		}
	}
	return b.String()
}

// FuzzEscape checks, for any bytes: the output is valid UTF-8 with no
// character NeedsEscape names (Block keeps newline and tab, Line has
// neither); escaping again changes nothing; and, for input without a
// backslash, undoing the escapes gives the input back (Line's spaces
// aside), so no character is lost or invented.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "plain", "a\nb\tc", "\x1b]0;x\x07", "\u009b2J", "\u202eabc", "\xff\xfe", "é\x00🙂", "\x1bP+q\x1b\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line, block := Line(s), Block(s)
		for name, out := range map[string]string{"Line": line, "Block": block} {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q is not valid UTF-8", name, s, out)
			}
			for _, r := range out {
				if NeedsEscape(r) && !(name == "Block" && (r == '\n' || r == '\t')) {
					t.Fatalf("%s(%q) = %q holds %U", name, s, out, r)
				}
			}
		}
		if Line(line) != line || Block(block) != block || Line(block) != line {
			t.Fatalf("escaping %q twice changes it", s)
		}
		if strings.IndexFunc(s, func(r rune) bool { return r == '\n' || r == '\t' }) < 0 && line != block {
			t.Fatalf("Line(%q) = %q, Block = %q; want the same without newline and tab", s, line, block)
		}
		if !strings.Contains(s, `\`) {
			if got := unescape(t, block); got != s {
				t.Fatalf("unescape(Block(%q)) = %q", s, got)
			}
			flat := strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
			if got := unescape(t, line); got != flat {
				t.Fatalf("unescape(Line(%q)) = %q, want %q", s, got, flat)
			}
		}
		if kept, _ := KeepTyped(s); CheckTyped(kept) != nil || Block(kept) != kept {
			t.Fatalf("KeepTyped(%q) = %q still holds what the keyboard rule refuses", s, kept)
		}
	})
}

// BenchmarkLine measures Line on a 2,000-character note (the longest a
// note can be), clean and with a control character in every tenth place:
// views call it on each frame.
func BenchmarkLine(b *testing.B) {
	clean := strings.Repeat("legs sore é", 200)[:2000]
	hostile := strings.Repeat("legs\x1b]0;x", 200)
	for _, bc := range []struct{ name, s string }{{"clean", clean}, {"hostile", hostile}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.s)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Line(bc.s)
			}
		})
	}
}
