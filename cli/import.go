package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"cooldown/coach/safetext"
	"cooldown/interchange"
)

// newImportCmd is `cooldown import`.
func newImportCmd(e *env) *cobra.Command {
	var since *string
	var watch, unwatch bool
	c := &cobra.Command{
		Use:     "import [--since DATE] PATH | --watch [DIR] | --unwatch DIR",
		Short:   "replace days and settings with those of a JSON export (- reads stdin), or merge workouts and sleep from device files",
		Example: "  cooldown import ~/cooldown-backup.json\n  cooldown import --since 2026-01-01 ~/Downloads/export.zip\n  cooldown import --watch ~/Watch      # now, and whenever the app is open\n  cooldown import --watch              # list the watch folders",
		Args: func(_ *cobra.Command, pos []string) error {
			if (watch || unwatch) && len(pos) <= 1 {
				return nil
			}
			if len(pos) != 1 {
				return usageErr("import: want one FILE (- for stdin)\nrun `cooldown import --help` for usage")
			}
			return nil
		},
		ValidArgsFunction: completeFiles,
		RunE: func(_ *cobra.Command, pos []string) error {
			if watch || unwatch {
				if *since != "" {
					return usageErr("import: --since does not apply to --watch or --unwatch (a watch folder takes everything new)")
				}
				if unwatch && len(pos) == 0 {
					return usageErr("import --unwatch: want the DIR to stop watching\nrun `cooldown import --watch` to list them")
				}
				return runWatch(e, pos, unwatch)
			}
			return runImport(e, pos, *since)
		},
	}
	since = importFlags(c.Flags())
	c.Flags().BoolVar(&watch, "watch", false, "import the folder DIR now and whenever the app is open (this machine only); alone, list the watch folders")
	c.Flags().BoolVar(&unwatch, "unwatch", false, "stop watching the folder DIR")
	c.MarkFlagsMutuallyExclusive("watch", "unwatch")
	c.RegisterFlagCompletionFunc("since", cobra.NoFileCompletions)
	return c
}

// runImport imports the file pos[0] names: cooldown's own export, or
// device files (import_device.go), told apart by content.
func runImport(e *env, pos []string, sinceFlag string) error {
	since, err := parseSince(sinceFlag)
	if err != nil {
		return err
	}
	name := pos[0]
	in := e.stdin
	var head []byte // the start of stdin, for csvAdvice
	if name == "-" {
		name = "stdin"
		in, head = peekHead(e.stdin)
	} else {
		if device, err := isDeviceImport(name); err == nil && device {
			return csvAdvice(importDevice(e, name, since), fileHead(name))
		}
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("import: %s", safetext.Line(err.Error()))
		}
		defer f.Close()
		in = f
	}
	// Parse and check the whole file before opening the database. The
	// parser reads it as a stream, within interchange.MaxImportBytes.
	exp, err := interchange.ParseJSON(in)
	var ie *interchange.ImportError
	switch {
	case errors.Is(err, interchange.ErrNewerExport):
		return usageErr("import %s: %s: update cooldown to import it\nnothing was imported", safetext.Line(name), safetext.Line(err.Error()))
	case errors.As(err, &ie):
		return csvAdvice(usageErr("import %s: %s\nnothing was imported", safetext.Line(name), safetext.Line(err.Error())), head)
	case err != nil:
		return fmt.Errorf("import %s: %s; nothing was imported", safetext.Line(name), safetext.Line(err.Error()))
	}
	st, err := openStore(e)
	if err != nil {
		return err
	}
	exp.Days = filterSince(exp.Days, since)
	if err := e.sig.commit(func() error { return st.Replace(exp.Settings, exp.Days) }); err != nil {
		return storeErr(e.dbPath, err)
	}
	confirmCommitted(e, fmt.Sprintf("imported %s into %s\n", plural(len(exp.Days), "day"), msgText(e.dbPath)))
	return nil
}
