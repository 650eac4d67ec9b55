package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The binary's side of issue 12 ("Trust, part 1"): the store's promises as
// the commands keep them. The database fixtures are the store's committed
// files (store/testdata/format), one per schema version.

// schemaFixtures are the committed database files of every schema.
var schemaFixtures = []string{"schema0.db", "schema1.db"}

// fixtureDB copies the store's committed fixture name into a fresh
// directory, mode 0600, and returns its path.
func fixtureDB(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("store", "testdata", "format", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "data", "cooldown.db")
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// agedFile returns the bytes and modification time of path, after
// setting the time in the past so that any write shows.
func agedFile(t *testing.T, path string) ([]byte, time.Time) {
	t.Helper()
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	return fileBytes(t, path), old
}

// TestReadingCommandsNeverWrite: status, export, check and backups leave a
// file of every schema exactly as it was (bytes and modification time); a
// schema 0 file is read as it is, not migrated.
func TestReadingCommandsNeverWrite(t *testing.T) {
	t.Parallel()
	commands := [][]string{
		{"status"},
		{"status", "--json"},
		{"export"},
		{"export", "--format", "csv"},
		{"check"},
	}
	for _, name := range schemaFixtures {
		t.Run(name, func(t *testing.T) {
			db := fixtureDB(t, name)
			data, mtime := agedFile(t, db)
			for _, c := range commands {
				r := cool(t, append([]string{"--db", db}, c...)...)
				if r.code != 0 {
					t.Errorf("cooldown %s: want exit 0, got\n%s", strings.Join(c, " "), r)
				}
				fi, err := os.Stat(db)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(fileBytes(t, db), data) || !fi.ModTime().Equal(mtime) {
					t.Fatalf("cooldown %s changed %s (modified %v)", strings.Join(c, " "), name, fi.ModTime())
				}
			}
			// The days are there, read as they are.
			r := must(t, "--db", db, "export")
			if !strings.Contains(r.stdout, `"date": "2026-11-26"`) {
				t.Errorf("export of %s lacks 2026-11-26:\n%s", name, r.stdout)
			}
		})
	}
}
