package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// Backups (product.md "Storage"). A backup is a consistent copy of the
// database file made by bbolt inside a read transaction (tx.WriteTo), so
// damaged records travel byte for byte. Backups live in the folder
// "backups" beside the database (mode 0700, files 0600) and are named
// after the database and the day they were taken:
//
//	backups/cooldown-2026-11-28.db                         the daily one
//	backups/cooldown-2026-11-28-before-migration.db        before a schema upgrade
//	backups/cooldown-2026-11-28T201530-before-restore.db   the file a restore replaced
//
// The daily backup is taken by the first write of each day (by the
// day-start hour, in the store's location), before that write and while
// its lock is held, so it holds the day's starting state; a write that
// migrates an older schema takes one before migrating, and fails rather
// than migrate without it. A daily backup that cannot be written does not
// stop the write: BackupError reports it.
//
// After each new backup the folder is rotated: the backups of the newest
// BackupPolicy.Daily days are kept, the newest backup of each of the
// newest BackupPolicy.Weekly ISO weeks, and the newest backup that passes
// Check, whatever its age; every other backup of this database is removed.
// The policy is machine-local: it is kept in the state bucket, never in
// the exported settings.

// BackupPolicy says how many backups are kept.
type BackupPolicy struct {
	Daily  int // the backups of this many newest days
	Weekly int // the newest backup of this many newest ISO weeks
}

// DefaultBackupPolicy keeps 7 daily and 8 weekly backups.
func DefaultBackupPolicy() BackupPolicy { return BackupPolicy{Daily: 7, Weekly: 8} }

// maxBackupKeep bounds each count of the policy.
const maxBackupKeep = 366

// State keys of the backup policy.
var (
	keyBackupDaily  = []byte("store.backups.daily")
	keyBackupWeekly = []byte("store.backups.weekly")
)

// Backup reasons, as the file names carry them.
const (
	BackupDaily           = "daily"
	BackupBeforeMigration = "before-migration"
	BackupBeforeRestore   = "before-restore"
)

// Backup is one backup file of a database.
type Backup struct {
	Path    string
	Date    coach.Date // the day it was taken, by the day-start hour
	Reason  string     // BackupDaily, BackupBeforeMigration or BackupBeforeRestore
	Size    int64
	ModTime time.Time
}

// BackupDir returns the folder that holds the backups of the database at
// dbPath: "backups" beside it.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// backupStem is the name backups of dbPath start with: its file name
// without the extension.
func backupStem(dbPath string) string {
	base := filepath.Base(dbPath)
	return base[:len(base)-len(filepath.Ext(base))]
}

func backupPattern(dbPath string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(backupStem(dbPath)) +
		`-(\d{4}-\d{2}-\d{2})(T\d{6})?(-before-migration|-before-restore)?\.db$`)
}

// ListBackups returns the backups of the database at dbPath, newest first
// (by day, then by modification time). It reads the folder only.
func ListBackups(dbPath string) ([]Backup, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", dir, err)
	}
	re := backupPattern(dbPath)
	var out []Backup
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		date, err := coach.ParseDate(m[1])
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		reason := BackupDaily
		if m[3] != "" {
			reason = m[3][1:]
		}
		out = append(out, Backup{Path: filepath.Join(dir, e.Name()), Date: date, Reason: reason, Size: fi.Size(), ModTime: fi.ModTime()})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Date.Compare(out[j].Date); c != 0 {
			return c > 0
		}
		return out[i].ModTime.After(out[j].ModTime)
	})
	return out, nil
}

// BackupPolicy returns the stored backup policy, DefaultBackupPolicy when
// none is stored.
func (s *Store) BackupPolicy() (BackupPolicy, error) {
	var p BackupPolicy
	err := s.view(func(tx *bolt.Tx) error {
		p = readBackupPolicy(tx)
		return nil
	}, false)
	return p, wrap("read backup policy", err)
}

// SetBackupPolicy stores the backup policy in the state bucket; each count
// must be 1 to 366.
func (s *Store) SetBackupPolicy(p BackupPolicy) error {
	for _, n := range []struct {
		field string
		v     int
	}{{"daily", p.Daily}, {"weekly", p.Weekly}} {
		if n.v < 1 || n.v > maxBackupKeep {
			return &coach.FieldError{Field: "backups." + n.field, Msg: fmt.Sprintf("%d is out of range; allowed 1 to %d", n.v, maxBackupKeep)}
		}
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketState)
		if err := b.Put(keyBackupDaily, []byte(strconv.Itoa(p.Daily))); err != nil {
			return err
		}
		return b.Put(keyBackupWeekly, []byte(strconv.Itoa(p.Weekly)))
	})
	return wrap("save backup policy", err)
}

func readBackupPolicy(tx *bolt.Tx) BackupPolicy {
	p := DefaultBackupPolicy()
	b := tx.Bucket(bucketState)
	if b == nil {
		return p
	}
	get := func(k []byte, v *int) {
		if n, err := strconv.Atoi(string(b.Get(k))); err == nil && n >= 1 && n <= maxBackupKeep {
			*v = n
		}
	}
	get(keyBackupDaily, &p.Daily)
	get(keyBackupWeekly, &p.Weekly)
	return p
}

// BackupError returns why the last daily backup this store tried could not
// be written, or nil.
func (s *Store) BackupError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.backupErr
}

func (s *Store) setBackupErr(err error) {
	s.mu.Lock()
	s.backupErr = err
	s.mu.Unlock()
}

// backupBeforeWrite takes the backups due before a write on db, whose
// exclusive lock the caller holds: the daily one, and one before a
// migration. Only a failed backup before a migration is returned.
func (s *Store) backupBeforeWrite(db *bolt.DB) error {
	var migrate, taken bool
	policy := DefaultBackupPolicy()
	err := db.View(func(tx *bolt.Tx) error {
		v, err := s.layout(tx)
		if err != nil || v == layoutEmpty || !holdsData(tx) {
			return nil // nothing worth a copy; the write reports any error
		}
		policy = readBackupPolicy(tx)
		start := coach.DefaultSettings().DayStartHour
		if !isV0(tx) {
			if st, err := s.readSettings(tx); err == nil {
				start = st.DayStartHour
			}
		}
		today := coach.DateAt(s.now(), s.loc, start)
		if v != SchemaVersion {
			migrate = true
			name := fmt.Sprintf("%s-%s-before-migration.db", backupStem(s.path), today)
			if _, err := s.writeBackup(tx, name); err != nil {
				return err
			}
			taken = true
		}
		name := fmt.Sprintf("%s-%s.db", backupStem(s.path), today)
		if _, err := os.Stat(filepath.Join(BackupDir(s.path), name)); err == nil {
			return nil
		}
		_, err = s.writeBackup(tx, name)
		s.setBackupErr(err)
		taken = taken || err == nil
		return nil
	})
	if err != nil {
		if migrate {
			return fmt.Errorf("no backup could be taken before upgrading %s, so it was not upgraded: %w", s.path, err)
		}
		return err
	}
	if taken {
		s.rotate(policy)
	}
	return nil
}

// holdsData reports whether the file holds any day or settings.
func holdsData(tx *bolt.Tx) bool {
	if b := tx.Bucket(bucketDays); b != nil {
		if k, _ := b.Cursor().First(); k != nil {
			return true
		}
	}
	if b := tx.Bucket(bucketSettings); b != nil && b.Get(keySettings) != nil {
		return true
	}
	return false
}

// writeBackup copies the file as tx sees it to the backup folder under
// name (through a temporary file, so a backup is never half written) and
// returns its path.
func (s *Store) writeBackup(tx *bolt.Tx, name string) (string, error) {
	dir := BackupDir(s.path)
	if err := mkdirPrivate(dir); err != nil {
		return "", err
	}
	final := filepath.Join(dir, name)
	return final, writeFileSynced(dir, final, func(w io.Writer) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// mkdirPrivate makes dir with mode 0700 when it does not exist.
func mkdirPrivate(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create backup folder: %w", err)
	}
	return os.Chmod(dir, 0o700) // whatever the umask
}

// writeFileSynced writes final (mode 0600) with write, through a temporary
// file in dir that is synced and renamed, then syncs dir.
func writeFileSynced(dir, final string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(dir, ".cooldown-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	if err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), final); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// rotate removes the backups policy does not keep (see the top of this
// file). Its errors are not the write's: they go to BackupError.
func (s *Store) rotate(policy BackupPolicy) {
	// Backups are written only under the database's exclusive lock, which
	// the caller holds: a temporary file left in the folder now is from a
	// process killed while writing one.
	if tmps, err := filepath.Glob(filepath.Join(BackupDir(s.path), ".cooldown-*.tmp")); err == nil {
		for _, t := range tmps {
			_ = os.Remove(t)
		}
	}
	all, err := ListBackups(s.path)
	if err != nil {
		s.setBackupErr(err)
		return
	}
	for _, b := range backupsToRemove(all, policy, passesCheck) {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			s.setBackupErr(fmt.Errorf("rotate backups: %w", err))
		}
	}
}

// backupsToRemove returns the backups of all (newest first) that policy
// does not keep; good says whether a backup passes the check, and is asked
// from the newest down until one does.
func backupsToRemove(all []Backup, policy BackupPolicy, good func(path string) bool) []Backup {
	keep := make([]bool, len(all))
	days := map[coach.Date]bool{}
	weeks := map[[2]int]bool{}
	for i, b := range all {
		if days[b.Date] || len(days) < policy.Daily {
			days[b.Date] = true
			keep[i] = true
		}
		y, w := b.Date.ISOWeek()
		if wk := [2]int{y, w}; !weeks[wk] && len(weeks) < policy.Weekly {
			weeks[wk] = true // the first met is the newest of its week
			keep[i] = true
		}
	}
	for i, b := range all {
		if good(b.Path) {
			keep[i] = true
			break
		}
	}
	var out []Backup
	for i, b := range all {
		if !keep[i] {
			out = append(out, b)
		}
	}
	return out
}

// passesCheck reports whether the file at path is a database that Check
// finds nothing wrong with.
func passesCheck(path string) bool {
	probs, err := CheckFile(path)
	return err == nil && len(probs) == 0
}

// CheckFile runs Check on the database file at path, opened read-only (a
// backup, say).
func CheckFile(path string) ([]Problem, error) {
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	return s.Check()
}

// Restore puts a copy of the backup at backupPath in the place of the
// database at dbPath. The backup must pass Check (else an ErrCorrupt
// error about the backup). The current file, when there is one, is kept
// first as a before-restore backup, byte for byte (even a damaged file);
// then the copy is written beside it, synced and renamed over it, all
// while the current file's lock is held, so no write of another process is
// lost in between. When dbPath does not exist (restoring into a new file),
// its folder is made (0700) and the copy put there. Restore returns the
// path of the kept file ("" when there was none).
func Restore(dbPath, backupPath string, opts Options) (kept string, err error) {
	probs, err := CheckFile(backupPath)
	if err != nil {
		return "", err
	}
	if len(probs) > 0 {
		return "", &Error{Kind: ErrCorrupt, Path: backupPath, What: fmt.Sprintf("fails the check (%d problems; the first: %s)", len(probs), probs[0])}
	}
	s := &Store{path: dbPath, timeout: opts.Timeout}
	s.applyOptions(opts)
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("restore %s: %w", dbPath, err)
	}
	cur, err := os.OpenFile(dbPath, os.O_RDWR, 0)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("restore %s: %w", dbPath, err)
	default:
		defer cur.Close()
		if err := lockFile(cur, s.timeout); err != nil {
			return "", s.locked(err)
		}
		if fi, err := cur.Stat(); err == nil && fi.Size() > 0 {
			now := s.now().In(s.loc)
			start := coach.DefaultSettings().DayStartHour
			name := fmt.Sprintf("%s-%sT%s-before-restore.db", backupStem(dbPath), coach.DateAt(now, s.loc, start), now.Format("150405"))
			bdir := BackupDir(dbPath)
			if err := mkdirPrivate(bdir); err != nil {
				return "", fmt.Errorf("restore %s: keep the current file: %w", dbPath, err)
			}
			kept = filepath.Join(bdir, name)
			err := writeFileSynced(bdir, kept, func(w io.Writer) error {
				_, err := io.Copy(w, io.NewSectionReader(cur, 0, fi.Size()))
				return err
			})
			if err != nil {
				return "", fmt.Errorf("restore %s: keep the current file as %s: %w; nothing was changed", dbPath, kept, err)
			}
		}
	}
	src, err := os.Open(backupPath)
	if err != nil {
		return kept, fmt.Errorf("restore %s: %w", dbPath, err)
	}
	defer src.Close()
	err = writeFileSynced(dir, dbPath, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
	if err != nil {
		return kept, fmt.Errorf("restore %s from %s: %w; the current file was not replaced", dbPath, backupPath, err)
	}
	return kept, nil
}
