package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Damaged records (issue 12 point 3): a command that reads the whole
// history works on the readable days, writes its output from them, names
// the unreadable dates on stderr and exits 4, so a script notices:
//
//	status   prints its figures from the readable days, then the warning
//	export   writes the readable days (to stdout, or -o FILE; see
//	         writePartialExport), then the warning
//	check    lists every unreadable record (one line each), exit 4

// damagedErr returns nil when keys is empty, else the exit-4 error naming
// the unreadable day records; consequence says what they mean for the
// command's output.
func damagedErr(e *env, keys []string, consequence string) error {
	if len(keys) == 0 {
		return nil
	}
	return &exitError{code: exitDatabase, msg: fmt.Sprintf(
		"warning: database %s has %s that could not be read: %s; %s\n"+
			"the records were not changed: run `cooldown --db %s check` to see what is wrong, and restore a backup (`cooldown backups`) or an export to recover them",
		e.dbPath, plural(len(keys), "day record"), strings.Join(keys, ", "), consequence, shellQuote(e.dbPath))}
}

// writePartialExport writes the export of the readable days when some
// records could not be read. It never replaces a file: when out exists
// (an earlier, complete export, perhaps) the partial one goes beside it,
// named NAME.partial.EXT (or NAME.partial-2.EXT, ...); the message says
// where it went.
func writePartialExport(e *env, out string, data []byte, damaged []string) error {
	dest, err := writeNewFile(out, data)
	if err != nil {
		return fmt.Errorf("export: cannot write the partial export beside %s: %w; nothing was written", out, err)
	}
	where := "written to " + dest
	if dest != out {
		where = fmt.Sprintf("written to %s (%s exists and was left as it was)", dest, out)
	}
	return damagedErr(e, damaged, "the export holds the readable days only, "+where)
}

// partialNames returns the names writeNewFile tries for out: out itself,
// then NAME.partial.EXT and NAME.partial-N.EXT beside it.
func partialNames(out string) []string {
	ext := filepath.Ext(out)
	stem := strings.TrimSuffix(out, ext)
	names := []string{out, stem + ".partial" + ext}
	for i := 2; i <= 99; i++ {
		names = append(names, fmt.Sprintf("%s.partial-%d%s", stem, i, ext))
	}
	return names
}

// writeNewFile writes data, mode 0600, under the first name of
// partialNames(out) that no file has, and returns it. The data goes to a
// temporary file first, which is then hard-linked to the name: the link
// fails when the name exists, so no file is ever replaced, and a reader
// never sees half of the export.
func writeNewFile(out string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	for _, name := range partialNames(out) {
		err := os.Link(tmp, name)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("every partial name beside it is taken")
}

// damagedNote ends the help of the commands that read the whole history.
const damagedNote = "When some day records cannot be read, the output is made from the\n" +
	"readable days, stderr names the others, and the exit code is 4.\n"
