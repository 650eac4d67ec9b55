package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"cooldown/store"
)

// Backups and restore (product.md "Storage"; the store takes the backups,
// see store/backups.go).

// newBackupsCmd is `cooldown backups`.
func newBackupsCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "backups",
		Short:   "list the backups of the database, newest first, and whether each passes the check",
		Example: "  cooldown backups",
		Args: func(_ *cobra.Command, pos []string) error {
			if len(pos) > 0 {
				return usageErr("backups: unexpected argument %q (pick the database with --db PATH)", pos[0])
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE:              func(*cobra.Command, []string) error { return runBackups(e) },
	}
}

// runBackups lists the backups of the database, newest first, one line
// each: the day, why it was taken, its size, whether it passes the check,
// and its path. It opens no database for writing and changes no file.
func runBackups(e *env) error {
	all, err := store.ListBackups(e.dbPath)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		_, err := fmt.Fprintf(e.stdout, "no backups of %s yet; they are taken in %s by the first change of each day\n",
			e.dbPath, store.BackupDir(e.dbPath))
		return err
	}
	var b strings.Builder
	for _, bk := range all {
		state := "ok"
		switch probs, err := store.CheckFile(bk.Path); {
		case err != nil:
			state = "unreadable"
		case len(probs) > 0:
			state = "fails check (" + plural(len(probs), "problem") + ")"
		}
		fmt.Fprintf(&b, "%s  %-16s  %9d bytes  %-24s  %s\n", bk.Date, bk.Reason, bk.Size, state, bk.Path)
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return err
}
