package ui

import (
	"errors"
	"testing"

	"cooldown/store"
)

// TestErrText: the store's errors state facts; the app adds what to do.
func TestErrText(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"corrupt", &store.Error{Kind: store.ErrCorrupt, Path: "/d/c.db", What: "is truncated"},
			"database /d/c.db is truncated: run `cooldown check` and restore a backup (`cooldown backups`) or an export"},
		{"damaged", &store.DamagedError{Path: "/d/c.db", Keys: []string{"2026-11-19"}},
			"database /d/c.db has an unreadable day record: 2026-11-19: run `cooldown check` and restore a backup (`cooldown backups`) or an export"},
		{"too new", &store.Error{Kind: store.ErrTooNew, Path: "/d/c.db", Version: 9},
			"database /d/c.db has schema version 9, newer than this cooldown understands (1): update cooldown; the file was not changed"},
		{"other", errors.New("cannot save to /d/c.db: the file is not writable"), "cannot save to /d/c.db: the file is not writable"},
	}
	for _, tc := range tests {
		if got := errText(tc.err); got != tc.want {
			t.Errorf("%s: errText = %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
