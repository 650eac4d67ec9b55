//go:build cooldowntest

package ui

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

// A binary built with -tags cooldowntest panics on purpose when the
// environment asks: COOLDOWN_TEST_PANIC=update, view or command makes the
// app panic at that stage once "!" is pressed. The reliability tests use it
// to check that a panic restores the terminal; the product is never built
// with this tag.
func init() {
	stage := os.Getenv("COOLDOWN_TEST_PANIC")
	if stage == "" {
		return
	}
	panicHook = func(at string, msg tea.Msg) bool {
		k, ok := msg.(tea.KeyPressMsg)
		return ok && at == stage && k.String() == "!"
	}
}
