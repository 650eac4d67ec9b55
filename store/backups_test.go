package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// clock is a settable clock for Options.Now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func backupNames(t *testing.T, dbPath string) []string {
	t.Helper()
	all, err := ListBackups(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range all {
		names = append(names, filepath.Base(b.Path))
	}
	return names
}

// TestDailyBackup: the first write of each day (by the day-start hour)
// copies the file as it was before that write into backups/ beside it,
// 0600 in a 0700 folder; later writes that day take none.
func TestDailyBackup(t *testing.T) {
	c := &clock{at("2026-11-28 10:00")}
	p := dbPath(t)
	s, err := Open(p, Options{Now: c.now, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Replace(coach.DefaultSettings(), history(20, fixtureDate("2026-11-27"))); err != nil {
		t.Fatal(err)
	}
	if n := backupNames(t, p); len(n) != 0 {
		t.Fatalf("backups of an empty database: %v", n)
	}
	before, _ := s.Snapshot()
	if _, err := s.SetNote(fixtureDate("2026-11-27"), "changed"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetNote(fixtureDate("2026-11-27"), "changed again"); err != nil {
		t.Fatal(err)
	}
	want := []string{"cooldown-2026-11-28.db"}
	if n := backupNames(t, p); !reflect.DeepEqual(n, want) {
		t.Fatalf("backups = %v, want %v", n, want)
	}
	bp := filepath.Join(BackupDir(p), want[0])
	for path, mode := range map[string]os.FileMode{bp: 0o600, BackupDir(p): 0o700 | os.ModeDir} {
		if fi, err := os.Stat(path); err != nil || fi.Mode() != mode {
			t.Errorf("%s: mode %v, %v; want %v", path, fi.Mode(), err, mode)
		}
	}
	b, err := Open(bp, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := b.Snapshot()
	if !reflect.DeepEqual(got.Days, before.Days) {
		t.Error("the backup does not hold the state before the day's first write")
	}
	// 03:00 the next morning still belongs to the 28th (day-start hour 4).
	c.t = at("2026-11-29 03:00")
	_, _ = s.SetNote(fixtureDate("2026-11-27"), "late")
	if n := backupNames(t, p); !reflect.DeepEqual(n, want) {
		t.Errorf("before the day-start hour: backups = %v, want %v", n, want)
	}
	c.t = at("2026-11-29 05:00")
	_, _ = s.SetNote(fixtureDate("2026-11-27"), "next day")
	want = []string{"cooldown-2026-11-29.db", "cooldown-2026-11-28.db"}
	if n := backupNames(t, p); !reflect.DeepEqual(n, want) {
		t.Errorf("next day: backups = %v, want %v", n, want)
	}
	if s.BackupError() != nil {
		t.Errorf("BackupError() = %v", s.BackupError())
	}
}

// TestBackupBeforeMigration: upgrading a schema 0 file is preceded by a
// backup that reads as the old file did; reading never migrates.
func TestBackupBeforeMigration(t *testing.T) {
	p := copyFixture(t, "schema0.db")
	c := &clock{at("2026-11-28 10:00")}
	if _, err := Open(p, Options{Now: c.now, Location: time.UTC}); err != nil {
		t.Fatal(err)
	}
	names := backupNames(t, p)
	if len(names) != 2 || names[0] != "schema0-2026-11-28-before-migration.db" && names[1] != "schema0-2026-11-28-before-migration.db" {
		t.Fatalf("backups = %v, want a before-migration one and the daily one", names)
	}
	b, err := Open(filepath.Join(BackupDir(p), "schema0-2026-11-28-before-migration.db"), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	snap, _ := b.Snapshot()
	if !reflect.DeepEqual(snap.Days, dbFixtures()[0].days) {
		t.Errorf("the backup before migration holds %+v", snap.Days)
	}
	if _, raw := rawRecordV0(t, b.Path()); !raw {
		t.Error("the backup before migration is not schema 0")
	}
}

// rawRecordV0 reports whether path is a schema 0 file.
func rawRecordV0(t *testing.T, path string) (string, bool) {
	t.Helper()
	s := &Store{path: path, timeout: time.Second}
	v := 0
	err := s.view(func(tx *bolt.Tx) error { var err error; v, err = s.layout(tx); return err }, true)
	return "", err == nil && v == 0
}

// TestBackupsToRemove: the rotation keeps the backups of the newest Daily
// days, the newest of the newest Weekly ISO weeks, and the newest backup
// that passes the check.
func TestBackupsToRemove(t *testing.T) {
	end := fixtureDate("2026-11-29") // a Sunday
	var all []Backup
	for i := range 60 {
		d := end.AddDays(-i)
		all = append(all, Backup{Path: d.String(), Date: d})
	}
	good := func(bad map[string]bool) func(string) bool { return func(p string) bool { return !bad[p] } }
	removed := func(rm []Backup) map[string]bool {
		m := map[string]bool{}
		for _, b := range rm {
			m[b.Path] = true
		}
		return m
	}
	rm := removed(backupsToRemove(all, BackupPolicy{Daily: 7, Weekly: 8}, good(nil)))
	var kept []string
	for _, b := range all {
		if !rm[b.Path] {
			kept = append(kept, b.Path)
		}
	}
	// 7 days (23rd to 29th, one ISO week), then the Sundays of the 7
	// weeks before.
	want := []string{"2026-11-29", "2026-11-28", "2026-11-27", "2026-11-26", "2026-11-25", "2026-11-24", "2026-11-23",
		"2026-11-22", "2026-11-15", "2026-11-08", "2026-11-01", "2026-10-25", "2026-10-18", "2026-10-11"}
	if !reflect.DeepEqual(kept, want) {
		t.Errorf("kept %v\nwant %v", kept, want)
	}
	// Every backup of the last 40 days fails the check: the newest good
	// one, 40 days old, is kept too.
	bad := map[string]bool{}
	for i := range 40 {
		bad[end.AddDays(-i).String()] = true
	}
	rm = removed(backupsToRemove(all, BackupPolicy{Daily: 7, Weekly: 8}, good(bad)))
	if newestGood := end.AddDays(-40).String(); rm[newestGood] {
		t.Errorf("the newest backup that passes the check (%s) was removed", newestGood)
	}
	if older := end.AddDays(-41).String(); !rm[older] {
		t.Errorf("%s, older than the newest good backup and no daily or weekly one, was kept", older)
	}
}

// TestRotationKeepsTheNewestGoodBackup runs 30 days of writes on a file
// that is damaged on day 10: its backups from then on carry the damaged
// record byte for byte and fail the check, and the last good backup
// stays, whatever its age.
func TestRotationKeepsTheNewestGoodBackup(t *testing.T) {
	c := &clock{at("2026-10-01 12:00")}
	p := dbPath(t)
	s, err := Open(p, Options{Now: c.now, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Replace(coach.DefaultSettings(), history(5, fixtureDate("2026-09-30"))); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBackupPolicy(BackupPolicy{Daily: 2, Weekly: 1}); err != nil {
		t.Fatal(err)
	}
	bad := []byte{1, 9, 9}
	// A backup a killed process left half written is cleared by rotation.
	_ = os.MkdirAll(BackupDir(p), 0o700)
	stale := filepath.Join(BackupDir(p), ".cooldown-123.tmp")
	if err := os.WriteFile(stale, []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		c.t = at("2026-10-01 12:00").AddDate(0, 0, i)
		if _, err := s.SetNote(fixtureDate("2026-09-30"), c.t.String()); err != nil {
			t.Fatal(err)
		}
		if i == 9 {
			damage(t, p, map[string][]byte{"2026-09-28": bad})
		}
	}
	names := backupNames(t, p)
	want := []string{"cooldown-2026-10-30.db", "cooldown-2026-10-29.db", "cooldown-2026-10-10.db"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("backups = %v, want %v", names, want)
	}
	if rec, _ := rawRecord(t, filepath.Join(BackupDir(p), want[0]), "2026-09-28"); !bytes.Equal(rec, bad) {
		t.Errorf("the damaged record in the backup = %x, want %x byte for byte", rec, bad)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a stale temporary backup was left: %v", err)
	}
	if s.BackupError() != nil {
		t.Errorf("BackupError() = %v", s.BackupError())
	}
}

// TestRestore: a backup that passes the check replaces the file, which is
// kept first as a before-restore backup, byte for byte; a damaged backup
// is refused and nothing changes; a restore into a new path makes it.
func TestRestore(t *testing.T) {
	c := &clock{at("2026-11-28 10:00")}
	p := dbPath(t)
	s, err := Open(p, Options{Now: c.now, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Replace(coach.DefaultSettings(), history(10, fixtureDate("2026-11-27")))
	_, _ = s.SetNote(fixtureDate("2026-11-27"), "after the backup")
	backup := filepath.Join(BackupDir(p), "cooldown-2026-11-28.db")
	backupBytes := mustRead(t, backup)
	damage(t, p, map[string][]byte{"2026-11-20": {1, 9, 9}}) // the current file goes bad
	current := mustRead(t, p)

	c.t = at("2026-11-28 20:15")
	kept, err := Restore(p, backup, Options{Now: c.now, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(BackupDir(p), "cooldown-2026-11-28T201500-before-restore.db"); kept != want {
		t.Errorf("kept = %s, want %s", kept, want)
	}
	if !bytes.Equal(mustRead(t, kept), current) {
		t.Error("the replaced file was not kept byte for byte")
	}
	if !bytes.Equal(mustRead(t, p), backupBytes) {
		t.Error("the database is not the backup")
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("restored file mode %v, want 0600", fi.Mode().Perm())
	}
	if d, err := s.Day(fixtureDate("2026-11-27")); err != nil || d.Note == "after the backup" {
		t.Errorf("after restore: %+v, %v; want the backup's day", d, err)
	}

	// A backup that fails the check is refused.
	before := mustRead(t, p)
	if _, err := Restore(p, kept, Options{}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Restore(damaged) = %v, want ErrCorrupt", err)
	}
	if !bytes.Equal(mustRead(t, p), before) {
		t.Error("a refused restore changed the database")
	}

	// Into a new file (the current one is too damaged to keep using).
	fresh := filepath.Join(t.TempDir(), "new", "cooldown.db")
	if kept, err := Restore(fresh, backup, Options{}); err != nil || kept != "" {
		t.Fatalf("Restore(new path) = %q, %v", kept, err)
	}
	if !bytes.Equal(mustRead(t, fresh), backupBytes) {
		t.Error("the new file is not the backup")
	}
	if probs, err := CheckFile(fresh); err != nil || len(probs) > 0 {
		t.Errorf("check of the restored file: %v, %v", probs, err)
	}
}

// TestBackupPolicyIsMachineLocal: the policy lives in the state bucket;
// the settings and their export do not change.
func TestBackupPolicyIsMachineLocal(t *testing.T) {
	s := openNew(t)
	if p, _ := s.BackupPolicy(); p != DefaultBackupPolicy() {
		t.Errorf("default policy = %+v", p)
	}
	if err := s.SetBackupPolicy(BackupPolicy{Daily: 3, Weekly: 2}); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.BackupPolicy(); p != (BackupPolicy{Daily: 3, Weekly: 2}) {
		t.Errorf("policy = %+v", p)
	}
	if st, _ := s.Settings(); st != coach.DefaultSettings() {
		t.Errorf("settings changed: %+v", st)
	}
	if err := s.SetBackupPolicy(BackupPolicy{Daily: 0, Weekly: 2}); err == nil {
		t.Error("a policy keeping no daily backup was accepted")
	}
}

// TestWriteWaitingDuringRestoreGoesToTheRestoredFile: a write that opened
// the database and waits for its lock while a restore renames another file
// into place must not write into the old, unlinked file (its change would
// be lost): it reopens the path and writes into the restored file.
func TestWriteWaitingDuringRestoreGoesToTheRestoredFile(t *testing.T) {
	p := dbPath(t)
	s, err := Open(p, Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetNote(fixtureDate("2026-11-25"), "old file"); err != nil {
		t.Fatal(err)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	r, err := Open(restored, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.SetNote(fixtureDate("2026-11-25"), "restored file"); err != nil {
		t.Fatal(err)
	}
	oldLink := filepath.Join(t.TempDir(), "old.db")
	if err := os.Link(p, oldLink); err != nil {
		t.Skip("no hard links here:", err)
	}
	// Hold the old file's lock as a restore does.
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := lockFile(f, time.Second); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		_, err := s.SetNote(fixtureDate("2026-11-26"), "written during the restore")
		done <- err
	}()
	time.Sleep(300 * time.Millisecond) // the writer opens the old file and waits
	if err := os.Rename(restored, p); err != nil {
		t.Fatal(err)
	}
	_ = f.Close() // releases the lock
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if d, err := s.Day(fixtureDate("2026-11-26")); err != nil || d.Note != "written during the restore" {
		t.Errorf("the restored file lacks the write: %+v, %v", d, err)
	}
	old, _ := Open(oldLink, Options{ReadOnly: true})
	if _, err := old.Day(fixtureDate("2026-11-26")); !errors.Is(err, ErrNotFound) {
		t.Errorf("the write went to the old file: %v", err)
	}
}
