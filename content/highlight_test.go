package content

import (
	"regexp"
	"strings"
	"testing"
)

// TestCodeBlocksStillHighlighted guards the chroma that go.mod replaces
// (third_party): its lexers and styles load on first use, and a
// code block must still come out highlighted, not as plain text.
func TestCodeBlocksStillHighlighted(t *testing.T) {
	sgr := regexp.MustCompile("\x1b\\[[0-9;]*m")
	colours := func(md string) map[string]bool {
		t.Helper()
		out, err := renderGlamour(md, 80, StyleDark)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(sgr.ReplaceAllString(out, ""), "func main()") {
			t.Fatalf("the code is missing from the rendering:\n%q", out)
		}
		set := map[string]bool{}
		for _, code := range sgr.FindAllString(out, -1) {
			set[code] = true
		}
		return set
	}
	const code = "func main() {\n\tfmt.Println(\"hi\", 42) // greet\n}\n"
	plain := colours("```text\n" + code + "```\n")
	goCode := colours("```go\n" + code + "```\n")
	extra := 0
	for c := range goCode {
		if !plain[c] {
			extra++
		}
	}
	// Keywords, names, punctuation, strings, numbers and comments each get
	// their colour.
	if extra < 4 {
		t.Errorf("a Go code block uses %d escape codes a plain-text block does not; want 4 or more (is chroma's lexer or style missing?)", extra)
	}
}
