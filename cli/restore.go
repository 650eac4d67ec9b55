package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"cooldown/store"
)

// newRestoreCmd is `cooldown restore`.
func newRestoreCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "restore BACKUP",
		Short:   "check BACKUP, keep the current file as a backup, and put a copy of BACKUP in its place",
		Example: "  cooldown restore cooldown-2026-11-27.db",
		Args: func(_ *cobra.Command, pos []string) error {
			if len(pos) != 1 {
				return usageErr("restore: want one BACKUP (a path, or a name that `cooldown backups` lists)\nrun `cooldown restore --help` for usage")
			}
			return nil
		},
		ValidArgsFunction: completeFiles,
		RunE:              func(_ *cobra.Command, pos []string) error { return runRestore(e, pos) },
	}
}

// runRestore puts a copy of BACKUP (a path, or the name of a file in the
// backups folder) in the database's place, after checking it and keeping
// the current file as a backup.
func runRestore(e *env, pos []string) error {
	backup := pos[0]
	if _, err := os.Stat(backup); err != nil && !strings.ContainsRune(backup, filepath.Separator) {
		backup = filepath.Join(store.BackupDir(e.dbPath), backup)
	}
	if _, err := os.Stat(backup); err != nil {
		return fmt.Errorf("restore: %w; nothing was changed (`cooldown backups` lists the backups)", err)
	}
	kept, err := store.Restore(e.dbPath, backup, store.Options{Now: e.now, Location: e.loc})
	var se *store.Error
	switch {
	case errors.Is(err, store.ErrCorrupt) && errors.As(err, &se) && se.Path == backup:
		return &exitError{code: exitDatabase, msg: fmt.Sprintf("restore: %v\nnothing was changed: pick another backup (`cooldown backups` shows which pass the check)", err)}
	case errors.As(err, &se):
		return storeErr(se.Path, err) // the backup's path, or the database's
	case err != nil:
		return err
	}
	msg := fmt.Sprintf("restored %s from %s\n", e.dbPath, backup)
	if kept != "" {
		msg += fmt.Sprintf("the file it replaced is kept as %s\n", kept)
	}
	_, err = fmt.Fprint(e.stdout, msg)
	return err
}
