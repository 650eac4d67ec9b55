package cli

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"cooldown/content"
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
	style = fs.String("style", "", "render in `STYLE`: dark, light or plain (default: the terminal's background, plain when stdout is not a terminal or NO_COLOR is set)")
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
		return usageErr("guide: invalid --width %d; allowed %d to %d", w, content.MinWidth, content.MaxWidth)
	case w == 0 && tty:
		if cols, _, err := term.GetSize(int(e.stdout.(interface{ Fd() uintptr }).Fd())); err == nil && cols >= content.MinWidth {
			w = min(cols, content.MaxWidth)
		}
	}
	if w == 0 {
		w = 80
	}
	// Colours only for a terminal that has them. The background was read
	// once already, when Bubble Tea initialised lipgloss; ask lipgloss
	// rather than querying the terminal a second time.
	// --style, when given, wins over all of that, and nothing is asked.
	style := content.StylePlain
	if *styleFlag != "" {
		s, ok := guideStyleOf[*styleFlag]
		if !ok {
			return usageErr("guide: invalid --style %q; allowed %s", *styleFlag, strings.Join(guideStyles, ", "))
		}
		style = s
	} else if tty && e.getenv("NO_COLOR") == "" && lipgloss.ColorProfile() != termenv.Ascii {
		style = content.StyleLight
		if lipgloss.HasDarkBackground() {
			style = content.StyleDark
		}
	}
	var out string
	var err error
	if section == "" {
		out, err = content.RenderAll(w, style)
	} else {
		out, err = content.Render(section, w, style)
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(e.stdout, out)
	return err
}
