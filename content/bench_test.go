package content

import (
	"testing"
)

// BenchmarkRenderCold renders one section with the cache emptied before
// every call: the cost of a first visit at a new width.
func BenchmarkRenderCold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		resetCache()
		if _, err := Render("diet", 80, StyleDark); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderCached renders a section that is already in the cache.
func BenchmarkRenderCached(b *testing.B) {
	if _, err := Render("diet", 80, StyleDark); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render("diet", 80, StyleDark); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch searches the whole guide for a word that occurs often.
func BenchmarkSearch(b *testing.B) {
	Search("warm-up") // build the indexes outside the loop
	b.ReportAllocs()
	for b.Loop() {
		if len(Search("inflammation")) == 0 {
			b.Fatal("no matches")
		}
	}
}

// BenchmarkSearchPhrase searches for a phrase that spans lines.
func BenchmarkSearchPhrase(b *testing.B) {
	Search("warm-up")
	b.ReportAllocs()
	for b.Loop() {
		if len(Search("the small blood vessels near the")) == 0 {
			b.Fatal("no matches")
		}
	}
}

// BenchmarkRenderColdPlain is BenchmarkRenderCold in the plain style, the
// rules under the headings included.
func BenchmarkRenderColdPlain(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		resetCache()
		if _, err := Render("diet", 80, StylePlain); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUnderlineHeadings is the plain style's own pass: the rules
// under the headings of a rendered section.
func BenchmarkUnderlineHeadings(b *testing.B) {
	s, _ := Lookup("diet")
	out, err := renderGlamour(s.Markdown, 80, StylePlain)
	if err != nil {
		b.Fatal(err)
	}
	out = trimLineEnds(out)
	b.ReportAllocs()
	for b.Loop() {
		underlineHeadings(out, s.Headings)
	}
}
