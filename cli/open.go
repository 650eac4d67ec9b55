package cli

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"

	"cooldown/coach/safetext"
	"cooldown/store"
)

// openStore opens the database for reading and writing, creating it when
// it does not exist, and prints its warnings (such as loose permissions)
// to stderr.
func openStore(e *env) (*store.Store, error) {
	st, err := store.Open(e.dbPath, store.Options{Now: e.now, Location: e.loc})
	if err != nil {
		return nil, storeErr(e.dbPath, err)
	}
	for _, w := range st.Warnings() {
		fmt.Fprintf(e.stderr, "cooldown: warning: %s\n", safetext.Line(w))
	}
	return st, nil
}

// errNoDatabase says that a command that only reads found no database.
var errNoDatabase = errors.New("no database yet")

// openReadOnly opens the database for reading, as status, export, check and
// backups do: bbolt opens it read-only and they never write, whatever its
// schema (an older one is read as it is, never migrated), so they work
// while another process writes and leave the file as it was, bytes and
// modification time. A missing file is errNoDatabase.
func openReadOnly(e *env) (*store.Store, error) {
	st, err := store.Open(e.dbPath, store.Options{ReadOnly: true, Now: e.now, Location: e.loc})
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, errNoDatabase
	case errors.Is(err, store.ErrReadOnly):
		if fi, serr := os.Stat(e.dbPath); serr == nil && fi.Size() == 0 {
			return nil, errNoDatabase // an empty file holds nothing yet
		}
	}
	if err != nil {
		return nil, err
	}
	for _, w := range st.Warnings() {
		fmt.Fprintf(e.stderr, "cooldown: warning: %s\n", safetext.Line(w))
	}
	return st, nil
}

// readSnapshot reads everything stored in one read transaction.
func readSnapshot(e *env) (store.Snapshot, error) {
	st, err := openReadOnly(e)
	if err != nil {
		return store.Snapshot{}, err
	}
	return st.Snapshot()
}

// isTerminal reports whether f is a terminal.
func isTerminal(f any) bool {
	if fd, ok := f.(interface{ Fd() uintptr }); ok {
		return term.IsTerminal(int(fd.Fd()))
	}
	return false
}
