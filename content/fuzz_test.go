package content

import "testing"

// FuzzSearch checks that Search never panics and that every match points
// at guide text equal to the query under the search rules. The seed corpus
// runs as an ordinary test.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{
		"", " ", "\n", "inflammation", "MYOSITIS", "the", "e", "DOMS",
		"swollen or sore. Yet", "dugué", "DUGUÉ", "É", "ß", "İ", "ſ", "Σ",
		"\xff", "a\x00b", "东京", "**", "> ", "## ", "- ", "omega-3",
		"  the\t\tinflammatory\n response ",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got := Search(q)
		checkMatches(t, q, got)
		if normalizeQuery(q) == "" && len(got) != 0 {
			t.Fatalf("blank query %q matched %d times", q, len(got))
		}
	})
}
