//go:build linux

package cli

// The "write beside, never replace" mode of an export destination
// (destOptions.besideTag), for the partial export of a damaged database
// (issue 12). No command uses it yet, so it is tested on the function.

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestExportBesideNeverReplaces(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "backup.json")
	if err := os.WriteFile(target, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(target, 0o640)
	link := filepath.Join(t.TempDir(), "link.json")
	os.Symlink(target, link)
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	db := filepath.Join(t.TempDir(), "cooldown.db")

	for i, tc := range []struct {
		out, want string
	}{
		{target, "backup.partial.json"},
		{link, "backup.partial-2.json"},
		{target, "backup.partial-3.json"},
		{filepath.Join(dir, "fresh.json"), "fresh.json"}, // nothing to keep
	} {
		d, err := resolveDest(tc.out, db, destOptions{besideTag: "partial"})
		if err != nil {
			t.Fatal(err)
		}
		data := []byte{'0' + byte(i)}
		if err := d.write(e, data, nil); err != nil {
			t.Fatalf("-o %s: %v", tc.out, err)
		}
		if want := filepath.Join(dir, tc.want); d.written != want {
			t.Errorf("-o %s: written to %s, want %s", tc.out, d.written, want)
		}
		if got := fileBytes(t, filepath.Join(dir, tc.want)); !bytes.Equal(got, data) {
			t.Errorf("%s holds %q, want %q", tc.want, got, data)
		}
	}
	if got := string(fileBytes(t, target)); got != "old" {
		t.Errorf("the existing file was replaced: %q", got)
	}
	for _, name := range []string{"backup.json", "backup.partial.json", "backup.partial-2.json"} {
		if fi, _ := os.Stat(filepath.Join(dir, name)); fi.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v, want the target's 0640", name, fi.Mode().Perm())
		}
	}
	want := []string{"backup.json", "backup.partial-2.json", "backup.partial-3.json", "backup.partial.json", "fresh.json"}
	if names := dirNames(t, dir); !slices.Equal(names, want) {
		t.Errorf("files: %v, want %v", names, want)
	}
}
