package cli

import (
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"cooldown/content"
	"cooldown/store"
	"cooldown/ui"
)

// newGuideCmd is `cooldown guide`.
func newGuideCmd(e *env) *cobra.Command {
	var width *int
	var style *string
	c := &cobra.Command{
		Use:     "guide [SECTION] [--width N] [--style dark|light|plain]",
		Short:   "print the recovery guide, or one section of it",
		Example: "  cooldown guide sleep --width 72 | less -R",
		Args: func(_ *cobra.Command, pos []string) error {
			if len(pos) > 1 {
				return usageErr("guide: want at most one SECTION, got %q\nrun `cooldown guide --help` for usage", strings.Join(pos, " "))
			}
			return nil
		},
		ValidArgsFunction: completeSections,
		RunE:              func(_ *cobra.Command, pos []string) error { return runGuide(e, pos, width, style) },
	}
	width, style = guideFlags(c.Flags())
	c.RegisterFlagCompletionFunc("width", cobra.NoFileCompletions)
	c.RegisterFlagCompletionFunc("style", cobra.FixedCompletions(guideStyles, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// guideStyles are the values of guide's --style, as completion offers
// them, and guideStyleOf the rendering each names.
var (
	guideStyles  = []string{"dark", "light", "plain"}
	guideStyleOf = map[string]content.Style{"dark": content.StyleDark, "light": content.StyleLight, "plain": content.StylePlain}
)

func guideFlags(fs *pflag.FlagSet) (width *int, style *string) {
	width = fs.Int("width", 0, "wrap at `N` columns (default the terminal's width, or 80)")
	style = fs.String("style", "", "render in `STYLE`: dark, light or plain (default: the app's theme; plain when stdout is not a terminal or NO_COLOR is set)")
	return width, style
}

// runGuide prints the guide, or the section pos names.
func runGuide(e *env, pos []string, width *int, styleFlag *string) error {
	section := ""
	if len(pos) == 1 {
		section = pos[0]
		if _, ok := content.Lookup(section); !ok {
			return usageErr("guide: no section %q; the sections are %s", section, strings.Join(content.IDs(), ", "))
		}
	}
	tty := isTerminal(e.stdout)
	w := *width
	switch {
	case w != 0 && (w < content.MinWidth || w > content.MaxWidth):
		return usageErr("guide: invalid --width: %s", outOfRange(w, content.MinWidth, content.MaxWidth))
	case w == 0 && tty:
		if cols, _, err := term.GetSize(int(e.stdout.(interface{ Fd() uintptr }).Fd())); err == nil && cols >= content.MinWidth {
			w = min(cols, content.MaxWidth)
		}
	}
	if w == 0 {
		w = 80
	}
	style, err := guideStyle(e, tty, *styleFlag)
	if err != nil {
		return err
	}
	var out string
	if section == "" {
		out, err = content.RenderAll(w, style)
	} else {
		out, err = content.Render(section, w, style)
	}
	if err != nil {
		return err
	}
	// glamour's styles use the 256-colour palette: a terminal with 16
	// colours gets them reduced (--style on a terminal without colour
	// gets the 16). Plain text has none to reduce.
	w2 := e.stdout
	if p := guideProfile(e, tty); style != content.StylePlain && p < colorprofile.ANSI256 {
		w2 = &colorprofile.Writer{Forward: e.stdout, Profile: max(p, colorprofile.ANSI)}
	}
	_, err = io.WriteString(w2, out)
	return err
}

// guideProfile is the colour profile of stdout under the colour rules
// (content.ColorProfile), from the detection lipgloss made at start.
func guideProfile(e *env, tty bool) colorprofile.Profile {
	return content.ColorProfile(lipgloss.Writer.Profile, tty, e.getenv)
}

// guideStyle picks the guide's style without asking the terminal anything:
// --style when given; plain when the colour rules allow no colour (not a
// terminal, NO_COLOR); else the theme chosen in the app, and under the
// theme "auto" the background the app last learnt from the terminal (dark
// when it never did).
func guideStyle(e *env, tty bool, flagValue string) (content.Style, error) {
	if flagValue != "" {
		s, ok := guideStyleOf[flagValue]
		if !ok {
			return 0, usageErr("guide: invalid --style %q; allowed %s", flagValue, strings.Join(guideStyles, ", "))
		}
		return s, nil
	}
	p := guideProfile(e, tty)
	if p <= colorprofile.ASCII {
		return content.StylePlain, nil
	}
	return content.StyleFor(p, storedDark(e)), nil
}

// storedDark reads from the database, without creating it, whether the
// app draws for a dark background (ui.StoredDark); dark without one.
func storedDark(e *env) bool {
	st, err := store.Open(e.dbPath, store.Options{ReadOnly: true})
	if err != nil {
		return true
	}
	return ui.StoredDark(st)
}
