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
	c := &cobra.Command{
		Use:     "import [--since DATE] PATH",
		Short:   "replace days and settings with those of a JSON export (- reads stdin), or merge workouts and sleep from device files",
		Example: "  cooldown import ~/cooldown-backup.json\n  cooldown import --since 2026-01-01 ~/Downloads/export.zip",
		Args: func(_ *cobra.Command, pos []string) error {
			if len(pos) != 1 {
				return usageErr("import: want one FILE (- for stdin)\nrun `cooldown import --help` for usage")
			}
			return nil
		},
		ValidArgsFunction: completeFiles,
		RunE:              func(_ *cobra.Command, pos []string) error { return runImport(e, pos, *since) },
	}
	since = importFlags(c.Flags())
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
