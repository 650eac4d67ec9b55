package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"cooldown/coach/safetext"
)

// newCheckCmd is `cooldown check`.
func newCheckCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "check",
		Short:   "verify the database: bbolt's consistency check and every record",
		Example: "  cooldown check || echo 'restore from an export'",
		Args: func(_ *cobra.Command, pos []string) error {
			if len(pos) > 0 {
				return usageErr("check: unexpected argument %q (pick the database with --db PATH)", pos[0])
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE:              func(*cobra.Command, []string) error { return runCheck(e) },
	}
}

// runCheck checks the database and lists its problems.
func runCheck(e *env) error {
	st, err := openReadOnly(e)
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	problems, err := st.Check()
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	path := safetext.Line(e.dbPath)
	if len(problems) == 0 {
		_, err := fmt.Fprintf(e.stdout, "%s: ok\n", path)
		return err
	}
	for _, p := range problems {
		// A damaged key is raw bytes from the file.
		fmt.Fprintf(e.stdout, "%s: %s\n", path, safetext.Line(p.String()))
	}
	return &exitError{code: exitDatabase, msg: fmt.Sprintf("%s in %s; it was not changed.\n"+
		"restore a backup (`cooldown --db %s backups` lists them, `cooldown restore BACKUP` puts one back), "+
		"or move it aside and restore from an export with `cooldown import FILE`", plural(len(problems), "problem"), safetext.Line(e.dbPath), shellQuote(e.dbPath))}
}
