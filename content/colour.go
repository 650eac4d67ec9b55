package content

import "github.com/charmbracelet/colorprofile"

// The colour rules of cooldown, in one place: the app and `cooldown guide`
// both decide here whether what they write gets colour.
//
//   - NO_COLOR set to any non-empty value means no colour ("yes" and "0"
//     included; colorprofile reads it as a boolean, so it is checked here).
//     On a terminal bold and reverse video stay (the ASCII profile); on
//     anything else nothing but text is written.
//   - Output that is not a terminal gets no escape codes at all, unless
//     CLICOLOR_FORCE is set to a value other than "" and "0" (and NO_COLOR
//     is not set).
//   - Otherwise the profile detected for the terminal stands.

// ColorProfile applies the colour rules to the profile colorprofile
// detected for an output (lipgloss detects it for stdout at start, in
// lipgloss.Writer.Profile; passing it here spares a second detection,
// which reads terminfo and inside tmux runs `tmux info`). tty says whether
// the output is a terminal; getenv reads the environment.
func ColorProfile(detected colorprofile.Profile, tty bool, getenv func(string) string) colorprofile.Profile {
	switch {
	case getenv("NO_COLOR") != "":
		if tty {
			return colorprofile.ASCII
		}
		return colorprofile.NoTTY
	case !tty:
		if f := getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
			return max(detected, colorprofile.ANSI256)
		}
		return colorprofile.NoTTY
	}
	return detected
}

// StyleFor is the guide style for a colour profile and a background: plain
// text (no escape codes) without colour, else dark or light.
func StyleFor(p colorprofile.Profile, dark bool) Style {
	switch {
	case p <= colorprofile.ASCII:
		return StylePlain
	case dark:
		return StyleDark
	}
	return StyleLight
}
