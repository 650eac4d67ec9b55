package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The binary's side of issue 12 ("Trust, part 1"): the store's promises as
// the commands keep them. The database fixtures are the store's committed
// files (store/testdata/format), one per schema version.

// schemaFixtures are the committed database files of every schema (and
// schema 1 with record versions 1 and 2).
var schemaFixtures = []string{"schema0.db", "schema1.db", "schema1-record2.db"}

// fixtureDB copies the store's committed fixture name into a fresh
// directory, mode 0600, and returns its path.
func fixtureDB(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "store", "testdata", "format", name))
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
		{"backups"},
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

// damageDays writes undecodable records under keys, as a damaged file
// leaves them.
func damageDays(t *testing.T, db string, keys ...string) {
	t.Helper()
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bolt.Tx) error {
		for _, k := range keys {
			if err := tx.Bucket([]byte("days")).Put([]byte(k), []byte{1, 9, 9}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDamagedRecordsCommands: one damaged record does not hide the rest.
// status and export work on the readable days, name the unreadable dates
// on stderr and exit 4; a partial export never replaces a file; check
// lists every one and exits 4; nothing changes the file.
func TestDamagedRecordsCommands(t *testing.T) {
	t.Parallel()
	d := today()
	db := importDays(t, nil, completeDay(d.AddDays(-3)), completeDay(d.AddDays(-2)), pendingDay(d.AddDays(-1)))
	bad1, bad2 := d.AddDays(-2).String(), d.AddDays(-10).String()
	damageDays(t, db, bad1, bad2)
	data, mtime := agedFile(t, db)
	named := "2 day records that could not be read: " + bad2 + ", " + bad1

	r := cool(t, "--db", db, "status")
	expect(t, r, exitDatabase, named, "the figures above leave them out")
	if !strings.HasPrefix(r.stdout, "cooldown: ") {
		t.Errorf("status printed no figures: %s", r)
	}
	r = cool(t, "--db", db, "status", "--json")
	expect(t, r, exitDatabase, named)
	if m := statusFields(t, r.stdout); string(m["training_days"]) != "2" {
		t.Errorf("status --json counts %s training days, want the 2 readable", m["training_days"])
	}

	r = cool(t, "--db", db, "export")
	expect(t, r, exitDatabase, named, "the export holds the readable days only")
	if !strings.Contains(r.stdout, d.AddDays(-3).String()) || strings.Contains(r.stdout, bad1) {
		t.Errorf("export should hold the readable days only:\n%s", r.stdout)
	}

	// -o naming an existing file: the partial export goes beside it.
	dir := t.TempDir()
	out := filepath.Join(dir, "backup.json")
	if err := os.WriteFile(out, []byte("an earlier, complete export\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = cool(t, "--db", db, "export", "-o", out)
	partial := filepath.Join(dir, "backup.partial.json")
	expect(t, r, exitDatabase, named, "written to "+partial+" ("+out+" exists and was left as it was)")
	if got := string(fileBytes(t, out)); got != "an earlier, complete export\n" {
		t.Errorf("the existing export was replaced: %q", got)
	}
	if p := string(fileBytes(t, partial)); !strings.Contains(p, d.AddDays(-3).String()) || strings.Contains(p, bad1) {
		t.Errorf("partial export:\n%s", p)
	}
	r = cool(t, "--db", db, "export", "-o", out)
	expect(t, r, exitDatabase, "written to "+filepath.Join(dir, "backup.partial-2.json"))
	// -o naming a new file: written there.
	fresh := filepath.Join(dir, "new.json")
	expect(t, cool(t, "--db", db, "export", "-o", fresh), exitDatabase, "written to "+fresh+"\n")
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("new partial export: %v, %v", fi, err)
	}

	r = cool(t, "--db", db, "check")
	if r.code != exitDatabase || !strings.Contains(r.stdout, db+": "+bad1+": ") || !strings.Contains(r.stdout, db+": "+bad2+": ") {
		t.Errorf("check should list both records and exit 4:\n%s", r)
	}

	fi, _ := os.Stat(db)
	if !bytes.Equal(fileBytes(t, db), data) || !fi.ModTime().Equal(mtime) {
		t.Error("a reading command changed the damaged file")
	}
}

// TestImportBounded: `cooldown import /dev/zero` answers (the parser reads
// as a stream and refuses the first byte; it used to read the endless
// file into memory), and a repeated key or bytes that are not UTF-8 are
// refused naming the day and the field, with exit 2 and nothing written.
func TestImportBounded(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	r := cool(t, "--db", db, "import", "/dev/zero")
	// Not an export by its first byte, so read as a device file: refused
	// as unsupported from its first bytes.
	expect(t, r, exitUsage, "import /dev/zero: unsupported file", "nothing was imported")
	t.Logf("import /dev/zero answered in %v", r.took)
	d := today().AddDays(-1).String()
	doc := string(exportDoc(t, nil, obj{"date": d, "note": "x"}))
	for _, tc := range []struct{ name, doc, want string }{
		{"repeated key", strings.Replace(doc, `"note": "x"`, `"note": "x", "note": "y"`, 1), "day " + d + ": note: given twice"},
		{"not UTF-8", strings.Replace(doc, `"note": "x"`, "\"note\": \"x\xff\"", 1), "day " + d + ": note: is not valid UTF-8"},
		{"byte order mark", "\uFEFF" + doc, ""},
	} {
		r := cool(t, "--db", db, "import", writeFile(t, []byte(tc.doc)))
		if tc.want == "" {
			if r.code != 0 {
				t.Errorf("%s: %s", tc.name, r)
			}
			continue
		}
		expect(t, r, exitUsage, tc.want, "nothing was imported")
	}
}

// TestBackupsAndRestore: the first change of the day leaves a backup of
// the file as it was; `cooldown backups` lists it as passing the check;
// `cooldown restore NAME` puts it back and keeps the replaced file; a
// backup that fails the check is refused with exit 4; and a backup can be
// restored into a new file when the current one is damaged.
func TestBackupsAndRestore(t *testing.T) {
	t.Parallel()
	d := today().AddDays(-1)
	imported := completeDay(d)
	imported["note"] = "as imported"
	db := importDays(t, nil, imported)
	must(t, "--db", db, "log", "--date", d.String(), "--note", "changed")
	must(t, "--db", db, "log", "--date", d.String(), "--note", "changed again")
	dir := filepath.Join(filepath.Dir(db), "backups")
	name := "cooldown-" + today().String() + ".db"
	if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("daily backup: %v, %v", fi, err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("backup folder: %v, %v", fi, err)
	}
	r := must(t, "--db", db, "backups")
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 1 ||
		!strings.HasPrefix(lines[0], today().String()+"  daily") || !strings.Contains(lines[0], " ok ") || !strings.HasSuffix(lines[0], filepath.Join(dir, name)) {
		t.Errorf("backups:\n%s", r.stdout)
	}
	before := fileBytes(t, db)
	r = must(t, "--db", db, "restore", name)
	if !strings.HasPrefix(r.stdout, "restored "+db+" from "+filepath.Join(dir, name)+"\nthe file it replaced is kept as "+dir) {
		t.Errorf("restore said:\n%s", r.stdout)
	}
	kept := strings.TrimSpace(r.stdout[strings.LastIndex(r.stdout, " as ")+4:])
	if !bytes.Equal(fileBytes(t, kept), before) {
		t.Error("the replaced file was not kept byte for byte")
	}
	if out := must(t, "--db", db, "export").stdout; !strings.Contains(out, `"note": "as imported"`) {
		t.Errorf("after restore the day is not the backup's:\n%s", out)
	}

	// A backup that fails the check is refused; nothing changes.
	bad := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(bad, fileBytes(t, filepath.Join(dir, name)), 0o600); err != nil {
		t.Fatal(err)
	}
	damageDays(t, bad, d.String())
	before = fileBytes(t, db)
	expect(t, cool(t, "--db", db, "restore", bad), exitDatabase, "restore: database "+bad+" fails the check", "nothing was changed")
	if !bytes.Equal(fileBytes(t, db), before) {
		t.Error("a refused restore changed the database")
	}

	// The current file is damaged beyond use: restore into a new file.
	fresh := filepath.Join(t.TempDir(), "new", "cooldown.db")
	r = must(t, "--db", fresh, "restore", filepath.Join(dir, name))
	if r.stdout != "restored "+fresh+" from "+filepath.Join(dir, name)+"\n" {
		t.Errorf("restore into a new file said:\n%s", r.stdout)
	}
	must(t, "--db", fresh, "check")
}
