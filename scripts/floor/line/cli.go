//go:build !nocobra

package main

import (
	"io"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// useCLI links what cooldown's command line links: cobra, its flags and
// its completion, and mango-cobra's man page.
func useCLI() error {
	root := &cobra.Command{Use: "floor", Short: "the line floor", RunE: func(*cobra.Command, []string) error { return nil }}
	root.PersistentFlags().String("db", "", "a `PATH`")
	root.AddCommand(&cobra.Command{Use: "status", Short: "one line", Run: func(*cobra.Command, []string) {}})
	if err := root.GenBashCompletionV2(io.Discard, true); err != nil {
		return err
	}
	page, err := mcobra.NewManPage(1, root)
	if err != nil {
		return err
	}
	_, err = io.WriteString(io.Discard, page.Build(roff.NewDocument()))
	return err
}
