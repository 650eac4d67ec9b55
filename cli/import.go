package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"cooldown/coach/safetext"
	"cooldown/store"
)

// newImportCmd is `cooldown import`.
func newImportCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "import FILE",
		Short:   "replace days and settings with those of a JSON export (- reads stdin); all or nothing",
		Example: "  cooldown import ~/cooldown-backup.json",
		Args: func(_ *cobra.Command, pos []string) error {
			if len(pos) != 1 {
				return usageErr("import: want one FILE (- for stdin)\nrun `cooldown import --help` for usage")
			}
			return nil
		},
		ValidArgsFunction: completeFiles,
		RunE:              func(_ *cobra.Command, pos []string) error { return runImport(e, pos) },
	}
}

// runImport imports the file pos[0] names.
func runImport(e *env, pos []string) error {
	name := pos[0]
	in := e.stdin
	if name == "-" {
		name = "stdin"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("import: %s", safetext.Line(err.Error()))
		}
		defer f.Close()
		in = f
	}
	// Parse and check the whole file before opening the database. The
	// parser reads it as a stream, within store.MaxImportBytes.
	exp, err := store.ParseJSON(in)
	var ie *store.ImportError
	switch {
	case errors.Is(err, store.ErrNewerExport):
		return usageErr("import %s: %s: update cooldown to import it\nnothing was imported", safetext.Line(name), safetext.Line(err.Error()))
	case errors.As(err, &ie):
		return usageErr("import %s: %s\nnothing was imported", safetext.Line(name), safetext.Line(err.Error()))
	case err != nil:
		return fmt.Errorf("import %s: %s; nothing was imported", safetext.Line(name), safetext.Line(err.Error()))
	}
	st, err := openStore(e)
	if err != nil {
		return err
	}
	if err := e.sig.commit(func() error { return st.Replace(exp.Settings, exp.Days) }); err != nil {
		return storeErr(e.dbPath, err)
	}
	confirmCommitted(e, fmt.Sprintf("imported %s into %s\n", plural(len(exp.Days), "day"), msgText(e.dbPath)))
	return nil
}
