package styles

import (
	"embed"
	"io/fs"
	"sort"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed *.xml
var embedded embed.FS

// Registry of the styles registered with Register. The embedded styles are
// not in it: they are parsed on first use (Get, Names or Load), not at
// package initialisation, into a map of their own, so that loading them
// never writes to a map callers may read.
var Registry = map[string]*chroma.Style{}

// Fallback style. Reassign to change the default fallback style. Until the
// embedded styles load it is nil; Load sets it to "swapoff" unless it was
// reassigned before.
var Fallback *chroma.Style

var (
	loadOnce       sync.Once
	embeddedStyles map[string]*chroma.Style
)

// Load parses the embedded styles, once. Get and Names call it; call it
// yourself before reading Fallback or the deprecated style variables.
func Load() {
	loadOnce.Do(func() {
		loaded := map[string]*chroma.Style{}
		files, err := fs.ReadDir(embedded, ".")
		if err != nil {
			panic(err)
		}
		for _, file := range files {
			if file.IsDir() {
				continue
			}
			r, err := embedded.Open(file.Name())
			if err != nil {
				panic(err)
			}
			style, err := chroma.NewXMLStyle(r)
			if err != nil {
				panic(err)
			}
			loaded[style.Name] = style
			_ = r.Close()
		}
		embeddedStyles = loaded
		if Fallback == nil {
			Fallback = loaded["swapoff"]
		}
		setCompat(loaded)
	})
}

// Register a chroma.Style. A registered style wins over an embedded one of
// the same name.
func Register(style *chroma.Style) *chroma.Style {
	Registry[style.Name] = style
	return style
}

// Names of all available styles.
func Names() []string {
	Load()
	out := []string{}
	for name := range embeddedStyles {
		if _, ok := Registry[name]; !ok {
			out = append(out, name)
		}
	}
	for name := range Registry {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Get named style, or Fallback.
func Get(name string) *chroma.Style {
	if style, ok := Registry[name]; ok {
		return style
	}
	Load()
	if style, ok := embeddedStyles[name]; ok {
		return style
	}
	return Fallback
}
