package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"cooldown/store"
)

// Backups and restore (product.md "Storage"; the store takes the backups,
// see store/backups.go).

// runBackups lists the backups of the database, newest first, one line
// each: the day, why it was taken, its size, whether it passes the check,
// and its path. It opens no database for writing and changes no file.
func runBackups(e *env, args []string) error {
	fs := newFlagSet("backups")
	pos, help, err := parseCommand(e, "backups", fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("backups: unexpected argument %q (pick the database with --db PATH before the command)", pos[0])
	}
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

// runRestore puts a copy of BACKUP (a path, or the name of a file in the
// backups folder) in the database's place, after checking it and keeping
// the current file as a backup.
func runRestore(e *env, args []string) error {
	fs := newFlagSet("restore")
	pos, help, err := parseCommand(e, "restore", fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("restore: want one BACKUP (a path, or a name that `cooldown backups` lists)\nrun `cooldown restore --help` for usage")
	}
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
