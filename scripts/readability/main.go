// Command readability measures the Flesch-Kincaid grade level of the guide
// (content/guide/*.md), per section and overall, on the plain text of the
// body: headings and the sources section are left out, emphasis marks and
// list bullets are removed.
//
//	go run ./scripts/readability [DIR]
//
// DIR defaults to content/guide. The grade is
//
//	0.39 * words/sentences + 11.8 * syllables/words - 15.59
//
// A sentence ends at ".", "!" or "?" followed by white space or the end of
// a paragraph, and every paragraph and list item ends one (a list item
// without a full stop is still a sentence to a reader). A word is a run of
// letters, digits, "'" and "."; hyphenated words count as one word whose
// syllables are those of its parts. Syllables come from a vowel-group
// heuristic (see syllables), good to about one syllable in ten on English
// prose, which is the usual precision of readability formulas.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// counts holds the totals a grade is computed from.
type counts struct{ sentences, words, syllables int }

func (c *counts) add(o counts) {
	c.sentences += o.sentences
	c.words += o.words
	c.syllables += o.syllables
}

// grade returns the Flesch-Kincaid grade level of c.
func (c counts) grade() float64 {
	if c.words == 0 || c.sentences == 0 {
		return 0
	}
	return 0.39*float64(c.words)/float64(c.sentences) + 11.8*float64(c.syllables)/float64(c.words) - 15.59
}

// plainUnits returns the paragraphs and list items of a markdown section as
// plain text, one unit each, headings left out.
func plainUnits(md string) []string {
	var units []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			units = append(units, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "#"):
			flush()
		case strings.HasPrefix(t, "- "):
			flush()
			cur = append(cur, strings.TrimPrefix(t, "- "))
			flush()
		default:
			cur = append(cur, t)
		}
	}
	flush()
	for i, u := range units {
		units[i] = strings.ReplaceAll(u, "*", "")
	}
	return units
}

// measure counts sentences, words and syllables of one unit of text.
func measure(unit string) counts {
	var c counts
	fields := strings.Fields(unit)
	for i, f := range fields {
		w := strings.TrimFunc(f, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		if w != "" {
			c.words++
			c.syllables += syllables(w)
		}
		last := i == len(fields)-1
		if !last && strings.ContainsAny(f[len(f)-1:], ".!?") {
			c.sentences++
		}
	}
	if c.words > 0 {
		c.sentences++ // the unit's end ends a sentence
	}
	return c
}

// syllables estimates the syllables of a word: the number of groups of
// vowels (a, e, i, o, u, y), less one for a silent final "e" (but not in
// "-le" after a consonant, as in "muscle", or "-ee"), less one for a final
// "-es" or "-ed" that does not follow t or d or (for "-es") s, x, z, ch, sh
// or g; at least one. A word with digits counts one syllable per group of
// digits; hyphenated words count their parts.
func syllables(word string) int {
	if strings.Contains(word, "-") {
		n := 0
		for _, p := range strings.Split(word, "-") {
			if p != "" {
				n += syllables(p)
			}
		}
		return max(n, 1)
	}
	w := strings.ToLower(word)
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		n, in := 0, false
		for _, r := range w {
			d := unicode.IsDigit(r)
			if d && !in {
				n++
			}
			in = d
		}
		return max(n, 1)
	}
	isVowel := func(r rune) bool { return strings.ContainsRune("aeiouyéèêàâäöüïî", r) }
	rs := []rune(strings.TrimSuffix(w, "'s"))
	n, in := 0, false
	for _, r := range rs {
		v := isVowel(r)
		if v && !in {
			n++
		}
		in = v
	}
	k := len(rs)
	switch {
	case k > 2 && rs[k-1] == 'e' && !isVowel(rs[k-2]) && !(rs[k-2] == 'l' && !isVowel(rs[k-3])):
		n-- // silent final e: "make", "stroke"
	case k > 3 && rs[k-2] == 'e' && rs[k-1] == 'd' && !strings.ContainsRune("td", rs[k-3]) && !isVowel(rs[k-3]):
		n-- // "worked", "planned"
	case k > 3 && rs[k-2] == 'e' && rs[k-1] == 's' && !strings.ContainsRune("sxzgcd", rs[k-3]) && !isVowel(rs[k-3]) && !(rs[k-3] == 'h' && strings.ContainsRune("cs", rs[k-4])):
		n-- // "makes", "times" after a silent e
	}
	return max(n, 1)
}

func main() {
	dir := "content/guide"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "readability: no markdown files in %s\n", dir)
		os.Exit(1)
	}
	sort.Strings(files)
	var total counts
	fmt.Printf("%-22s %6s %6s %6s %6s %6s\n", "section", "words", "sent.", "w/s", "syl/w", "grade")
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".md")
		if id == "sources" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(os.Stderr, "readability: %v\n", err)
			os.Exit(1)
		}
		var c counts
		for _, u := range plainUnits(string(b)) {
			c.add(measure(u))
		}
		total.add(c)
		report(id, c)
	}
	report("overall", total)
}

func report(name string, c counts) {
	fmt.Printf("%-22s %6d %6d %6.1f %6.2f %6.1f\n", name, c.words, c.sentences,
		float64(c.words)/float64(max(c.sentences, 1)), float64(c.syllables)/float64(max(c.words, 1)), c.grade())
}
