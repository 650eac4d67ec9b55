package ui

import (
	"fmt"
	"testing"
)

// BenchmarkGuideKey measures a key press in the pager: scrolling a section
// rendered in the dark style, with a search's matches highlighted.
func BenchmarkGuideKey(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(b *testing.B) {
			hs := newBenchHarness(b, 3650, s[0], s[1])
			hs.send(openSectionMsg{"diet"})
			if guideOf(hs).shown == nil || guideOf(hs).shown.key.style != guideOf(hs).style() {
				b.Fatal("section not rendered in the users' style")
			}
			hs.press("ctrl+d")
			keys := make([]string, 0, 40)
			for i := 0; i < 20; i++ {
				keys = append(keys, "j")
			}
			for i := 0; i < 20; i++ {
				keys = append(keys, "k")
			}
			b.Run("scroll", func(b *testing.B) { benchKeys(b, hs, keys...) })
			hs.press("/")
			hs.typeText("inflammation")
			hs.press("enter")
			b.Run("scroll-highlighted", func(b *testing.B) { benchKeys(b, hs, keys...) })
			b.Run("next-match", func(b *testing.B) { benchKeys(b, hs, "n") })
		})
	}
}

// BenchmarkGuideSearch measures a whole search of the guide once every
// section has been rendered: the enter key, the search command over the
// thirteen rendered sections, taking its result, and the next frame.
func BenchmarkGuideSearch(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(b *testing.B) {
			hs := newBenchHarness(b, 3650, s[0], s[1])
			hs.send(openSectionMsg{"overview"})
			hs.press("/")
			hs.typeText("inflammation")
			hs.press("enter") // renders every section once
			queries := []string{"sleep", "inflammation", "foam roll", "xylophone"}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				g := guideOf(hs)
				g.searching = true
				g.input.SetValue(queries[i%len(queries)])
				_, cmd := hs.m.Update(pressKey("enter"))
				hs.m.Update(cmd())
				_ = plain(hs.m.View().Content)
			}
		})
	}
}
