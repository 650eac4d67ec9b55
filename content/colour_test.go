package content

import (
	"testing"

	"github.com/charmbracelet/colorprofile"
)

func TestColorProfile(t *testing.T) {
	for _, tc := range []struct {
		name     string
		detected colorprofile.Profile
		tty      bool
		env      map[string]string
		want     colorprofile.Profile
	}{
		{"terminal", colorprofile.TrueColor, true, nil, colorprofile.TrueColor},
		{"terminal, 256", colorprofile.ANSI256, true, nil, colorprofile.ANSI256},
		{"NO_COLOR=1 on a terminal", colorprofile.TrueColor, true, map[string]string{"NO_COLOR": "1"}, colorprofile.ASCII},
		{"NO_COLOR=yes: colorprofile keeps colour", colorprofile.TrueColor, true, map[string]string{"NO_COLOR": "yes"}, colorprofile.ASCII},
		{"NO_COLOR=0", colorprofile.TrueColor, true, map[string]string{"NO_COLOR": "0"}, colorprofile.ASCII},
		{"NO_COLOR on a pipe", colorprofile.NoTTY, false, map[string]string{"NO_COLOR": "x"}, colorprofile.NoTTY},
		{"pipe", colorprofile.TrueColor, false, nil, colorprofile.NoTTY},
		{"pipe, CLICOLOR_FORCE=1", colorprofile.NoTTY, false, map[string]string{"CLICOLOR_FORCE": "1"}, colorprofile.ANSI256},
		{"pipe, CLICOLOR_FORCE=yes", colorprofile.NoTTY, false, map[string]string{"CLICOLOR_FORCE": "yes"}, colorprofile.ANSI256},
		{"pipe, CLICOLOR_FORCE=1, truecolor", colorprofile.TrueColor, false, map[string]string{"CLICOLOR_FORCE": "1"}, colorprofile.TrueColor},
		{"pipe, CLICOLOR_FORCE=0", colorprofile.ANSI, false, map[string]string{"CLICOLOR_FORCE": "0"}, colorprofile.NoTTY},
		{"pipe, CLICOLOR_FORCE and NO_COLOR", colorprofile.ANSI256, false, map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, colorprofile.NoTTY},
		{"dumb terminal", colorprofile.NoTTY, true, nil, colorprofile.NoTTY},
	} {
		getenv := func(k string) string { return tc.env[k] }
		if got := ColorProfile(tc.detected, tc.tty, getenv); got != tc.want {
			t.Errorf("%s: ColorProfile(%v, tty %v) = %v, want %v", tc.name, tc.detected, tc.tty, got, tc.want)
		}
	}
}

func TestStyleFor(t *testing.T) {
	for _, tc := range []struct {
		p    colorprofile.Profile
		dark bool
		want Style
	}{
		{colorprofile.NoTTY, true, StylePlain},
		{colorprofile.ASCII, false, StylePlain},
		{colorprofile.ANSI, true, StyleDark},
		{colorprofile.TrueColor, false, StyleLight},
	} {
		if got := StyleFor(tc.p, tc.dark); got != tc.want {
			t.Errorf("StyleFor(%v, dark %v) = %v, want %v", tc.p, tc.dark, got, tc.want)
		}
	}
}
