package content

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// Style selects how the guide is rendered.
type Style int

// The rendering styles. StylePlain has no escape codes at all: use it when
// NO_COLOR is set or the output is not a terminal.
const (
	StyleDark Style = iota
	StyleLight
	StylePlain
)

// String returns the style's name.
func (s Style) String() string {
	switch s {
	case StyleDark:
		return "dark"
	case StyleLight:
		return "light"
	case StylePlain:
		return "plain"
	}
	return fmt.Sprintf("Style(%d)", int(s))
}

// Width limits of Render. A width below MinWidth renders at MinWidth (so
// the output is then wider than asked: callers show a "too small" message
// below it anyway); a width above MaxWidth renders at MaxWidth.
const (
	MinWidth = 20
	MaxWidth = 1000
)

// margin is the left and right margin glamour's document style adds.
const margin = 2

type renderKey struct {
	id    string
	width int
	style Style
}

var (
	cacheMu sync.Mutex
	cache   = map[renderKey]string{}

	// glamourCalls counts renders that went to glamour (cache misses); the
	// tests use it to prove the cache works.
	glamourCalls atomic.Int64
)

// Render returns section id rendered for a terminal width columns wide in
// the given style. No line of the result is wider than width (for width at
// least MinWidth). Results are cached per (id, width, style), so a second
// call with the same arguments does no glamour work. It is safe to call
// from several goroutines.
func Render(id string, width int, style Style) (string, error) {
	s, ok := Lookup(id)
	if !ok {
		return "", fmt.Errorf("render guide: unknown section %q", id)
	}
	width = clampWidth(width)
	key := renderKey{s.ID, width, style}
	cacheMu.Lock()
	out, hit := cache[key]
	cacheMu.Unlock()
	if hit {
		return out, nil
	}
	out, err := renderMarkdown(s, width, style)
	if err != nil {
		return "", fmt.Errorf("render guide section %s: %w", id, err)
	}
	cacheMu.Lock()
	cache[key] = out
	cacheMu.Unlock()
	return out, nil
}

// RenderAll returns the whole guide, every section in reading order,
// rendered as Render does.
func RenderAll(width int, style Style) (string, error) {
	var b strings.Builder
	for _, id := range order {
		out, err := Render(id, width, style)
		if err != nil {
			return "", err
		}
		b.WriteString(out)
	}
	return b.String(), nil
}

func clampWidth(w int) int {
	return min(max(w, MinWidth), MaxWidth)
}

// renderMarkdown renders a section's markdown with glamour and, for the
// coloured styles, removes the redundant escape codes (see compactSGR).
// Plain text loses the padding glamour adds at the end of every line, so
// piped output and copied text carry no trailing blanks, and gets the
// rules under its headings (see plainStyle).
func renderMarkdown(s Section, width int, style Style) (string, error) {
	out, err := renderGlamour(s.Markdown, width, style)
	if err != nil {
		return out, err
	}
	if style == StylePlain {
		// The plain style sets no colour or attribute; stripping anyway
		// keeps the promise of no escape codes whatever glamour adds.
		return underlineHeadings(trimLineEnds(ansi.Strip(out)), s.Headings), nil
	}
	return compactSGR(out), nil
}

// trimLineEnds removes the spaces at the end of every line of s.
func trimLineEnds(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// renderGlamour runs glamour. glamour's word-wrap width is the whole
// width: it takes the document margins off it itself, so the text is
// width-2*margin wide, with margin blank columns on either side.
func renderGlamour(md string, width int, style Style) (string, error) {
	glamourCalls.Add(1)
	opts := []glamour.TermRendererOption{
		glamour.WithWordWrap(width),
	}
	switch style {
	case StyleLight:
		opts = append(opts, glamour.WithStandardStyle(styles.LightStyle))
	case StylePlain:
		opts = append(opts, glamour.WithStyles(plainStyle()))
	default:
		opts = append(opts, glamour.WithStandardStyle(styles.DarkStyle))
	}
	r, err := glamour.NewTermRenderer(opts...)
	if err != nil {
		return "", err
	}
	return r.Render(md)
}

// resetCache empties the render cache (tests and benchmarks).
func resetCache() {
	cacheMu.Lock()
	clear(cache)
	cacheMu.Unlock()
}
