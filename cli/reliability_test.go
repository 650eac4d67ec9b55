package cli

// Reliability tests through the binary (issue 7; docs/reliability.md): bad
// files and places, kill -9 in the middle of writes, time zone changes and
// long unicode notes. They reuse main_test.go's binary (bin) and helpers.

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"cooldown/coach"
	"cooldown/store"
)

// relRun runs the binary with extra environment and an optional uid (as
// root, to get permission checks an ordinary user gets).
func relRun(t *testing.T, uid int, env []string, args ...string) result {
	t.Helper()
	exe := bin
	if uid > 0 {
		exe = publicBin(t)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = testEnv(t, env)
	if uid > 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(uid)}}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("cooldown %v: %v", args, err)
	}
	return r
}

// exactly fails unless r exited with code and printed exactly stderr.
func exactly(t *testing.T, what string, r result, code int, stderr string) {
	t.Helper()
	if r.code != code || r.stderr != stderr {
		t.Errorf("%s: got\n%s\nwant exit %d and stderr\n%q", what, r, code, stderr)
	}
}

// publicDir returns a new directory every user can enter, for tests that
// run the binary as an unprivileged user.
func publicDir(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("", "cooldown-rel-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(d, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		os.RemoveAll(d)
	})
	if err := os.Chmod(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// publicBin returns a copy of the binary that every user may run, next to
// bin (whose private directory TestMain removes at the end): the directory
// is opened to others for entry only. TestMain makes it (makePublicBin)
// before any test runs: written while parallel tests fork, the copy could
// be held open for writing by a child between fork and exec, and running
// it would fail with "text file busy".
func publicBin(t *testing.T) string {
	t.Helper()
	if publicErr != nil {
		t.Fatal(publicErr)
	}
	return publicPath
}

// makePublicBin writes the copy publicBin returns.
func makePublicBin() {
	d := filepath.Dir(bin)
	publicErr = os.Chmod(d, 0o711)
	var data []byte
	if publicErr == nil {
		data, publicErr = os.ReadFile(bin)
	}
	if publicErr == nil {
		publicPath = filepath.Join(d, "cooldown-public")
		publicErr = os.WriteFile(publicPath, data, 0o755)
	}
}

var (
	publicPath string
	publicErr  error
)

func TestBadPlaces(t *testing.T) {
	t.Parallel()
	td := today()
	valid := importDays(t, nil, completeDay(td.AddDays(-1)))
	validBytes := fileBytes(t, valid)

	t.Run("zero-length file", func(t *testing.T) {
		db := newDB(t)
		os.WriteFile(db, nil, 0o600)
		// Read: an empty history, nothing written.
		if r := must(t, "--db", db, "status"); r.stdout != "cooldown: 0-day streak (longest 0) · today: rest\n" {
			t.Errorf("status of an empty file: %q", r.stdout)
		}
		if fi, _ := os.Stat(db); fi.Size() != 0 {
			t.Errorf("status wrote to the empty file")
		}
		// Write: the file is initialised (it held nothing) and checks out.
		must(t, "--db", db, "log", "--note", "first")
		if r := must(t, "--db", db, "check"); r.stdout != db+": ok\n" {
			t.Errorf("check: %q", r.stdout)
		}
	})

	t.Run("garbage, text and truncated: exact messages", func(t *testing.T) {
		var hwm int64
		bdb, err := bolt.Open(valid, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		bdb.View(func(tx *bolt.Tx) error { hwm = tx.Size(); return nil })
		bdb.Close()
		garbage := bytes.Repeat([]byte("not a database, not at all\n"), 3000)
		for _, tc := range []struct {
			name string
			data []byte
			what string
		}{
			{"garbage", garbage, "is not a bbolt database or is damaged (invalid database)"},
			{"text", []byte("hello\n"), "is not a bbolt database or is damaged (invalid database)"},
			{"truncated", validBytes[:hwm-4096], fmt.Sprintf("is truncated: it has %d bytes but its pages reach %d", hwm-4096, hwm)},
		} {
			db := newDB(t)
			os.WriteFile(db, tc.data, 0o600)
			want := fmt.Sprintf("cooldown: database %s %s\n"+
				"the file was not changed: run `cooldown --db %s check` to see what is wrong, then restore a backup (`cooldown --db %s backups` lists them) or move it aside and restore from an export with `cooldown import FILE`\n",
				db, tc.what, shellQuote(db), shellQuote(db))
			for _, args := range [][]string{{"status"}, {"log", "--note", "x"}} {
				exactly(t, tc.name+" "+args[0], cool(t, append([]string{"--db", db}, args...)...), exitDatabase, want)
			}
			if !bytes.Equal(fileBytes(t, db), tc.data) {
				t.Errorf("%s: the file was changed", tc.name)
			}
		}
	})

	t.Run("directory", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "cooldown.db")
		os.Mkdir(dir, 0o700)
		want := fmt.Sprintf("cooldown: open store %s: it is a directory, not a database file; give the path of a file inside it (for example %s)\n",
			dir, filepath.Join(dir, "cooldown.db"))
		for _, args := range [][]string{{"status"}, {"log", "--note", "x"}, {"export"}, {"check"}} {
			exactly(t, "directory "+args[0], cool(t, append([]string{"--db", dir}, args...)...), exitFailure, want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("something was written into the directory: %v", entries)
		}
	})

	t.Run("symlink to a valid database", func(t *testing.T) {
		target := newDB(t)
		os.WriteFile(target, validBytes, 0o600)
		link := filepath.Join(t.TempDir(), "link.db")
		os.Symlink(target, link)
		r := must(t, "--db", link, "log", "--date", td.String(), "--note", "through the link")
		if want := td.String() + ": rest day, no workout (it neither adds to nor breaks a streak; add one with --kind, --minutes and --rpe)\n"; r.stdout != want {
			t.Errorf("log through a symlink: %q, want %q", r.stdout, want)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced by a file: %v", err)
		}
		days := decoded(t, must(t, "--db", target, "export").stdout)["days"].([]any)
		if len(days) != 2 || days[1].(obj)["note"] != "through the link" {
			t.Errorf("the target does not hold both days: %v", days)
		}
	})

	t.Run("dangling symlink", func(t *testing.T) {
		dir := t.TempDir()
		target := filepath.Join(dir, "target.db")
		link := filepath.Join(dir, "link.db")
		os.Symlink(target, link)
		// Reading: no database yet, an empty history; nothing created.
		if r := must(t, "--db", link, "status"); r.stdout != "cooldown: 0-day streak (longest 0) · today: rest\n" {
			t.Errorf("status through a dangling link: %q", r.stdout)
		}
		if _, err := os.Stat(target); !os.IsNotExist(err) {
			t.Errorf("status created the target: %v", err)
		}
		// Writing follows the link and creates its target, private.
		must(t, "--db", link, "log", "--note", "x")
		if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("log through a dangling link: target %v, %v; want a 0600 file", fi, err)
		}
		// A link into a directory that does not exist cannot be followed.
		gone := filepath.Join(dir, "gone.db")
		os.Symlink(filepath.Join(dir, "missing", "x.db"), gone)
		exactly(t, "link into a missing directory", cool(t, "--db", gone, "log", "--note", "x"), exitFailure,
			fmt.Sprintf("cooldown: open store %s: it is a symbolic link to %s, whose directory %s does not exist; create that directory, or give another path with --db\n",
				gone, filepath.Join(dir, "missing", "x.db"), filepath.Join(dir, "missing")))
	})

	t.Run("loose permissions", func(t *testing.T) {
		db := newDB(t)
		os.WriteFile(db, validBytes, 0o644)
		warn := fmt.Sprintf("cooldown: warning: %s has permissions 0644: other users can read your recovery log; run `chmod 600 %s`\n", db, db)
		for _, args := range [][]string{{"status"}, {"log", "--note", "still works"}} {
			r := cool(t, append([]string{"--db", db}, args...)...)
			exactly(t, "0644 "+args[0], r, exitOK, warn)
			if r.stdout == "" {
				t.Errorf("0644 %s printed nothing", args[0])
			}
		}
		if fi, _ := os.Stat(db); fi.Mode().Perm() != 0o644 {
			t.Errorf("the mode was changed behind the person's back: %v", fi.Mode().Perm())
		}
	})

	t.Run("newer schema", func(t *testing.T) {
		db := newDB(t)
		os.WriteFile(db, validBytes, 0o600)
		bdb, err := bolt.Open(db, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		bdb.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte(strconv.Itoa(store.SchemaVersion+1)))
		})
		bdb.Close()
		before := fileBytes(t, db)
		want := fmt.Sprintf("cooldown: database %s has schema version %d, newer than this cooldown understands (%d): update cooldown; the file was not changed\n",
			db, store.SchemaVersion+1, store.SchemaVersion)
		imp := writeFile(t, exportDoc(t, nil, completeDay(td)))
		for _, args := range [][]string{{"status"}, {"log", "--note", "x"}, {"export"}, {"import", imp}, {"check"}} {
			r := cool(t, append([]string{"--db", db}, args...)...)
			if r.code != exitDatabase || !strings.HasSuffix(r.stderr, want) {
				t.Errorf("newer schema, %s: got\n%s\nwant exit 4 ending %q", args[0], r, want)
			}
		}
		if !bytes.Equal(fileBytes(t, db), before) {
			t.Error("a newer database was changed")
		}
	})

	// Read-only places need permission checks, which root skips: as root
	// the binary runs as an unprivileged user (uid 65534).
	uid := 0
	if os.Geteuid() == 0 {
		uid = 65534
	}
	t.Run("read-only directory", func(t *testing.T) {
		dir := publicDir(t)
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		db := filepath.Join(ro, "cooldown.db")
		r := relRun(t, uid, nil, "--db", db, "log", "--note", "x")
		// The file does not exist yet: the message names the directory.
		exactly(t, "new database in a read-only directory", r, exitFailure,
			fmt.Sprintf("cooldown: cannot save to %s: its directory %s is not writable, so the file cannot be created\n", db, ro))
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("a file appeared in the read-only directory: %v", err)
		}
		sub := filepath.Join(ro, "sub", "cooldown.db")
		r = relRun(t, uid, nil, "--db", sub, "log", "--note", "x")
		exactly(t, "new directory in a read-only directory", r, exitFailure,
			fmt.Sprintf("cooldown: cannot save to %s: cannot create the directory %s\n", sub, filepath.Dir(sub)))
	})
	t.Run("read-only file", func(t *testing.T) {
		dir := publicDir(t)
		db := filepath.Join(dir, "cooldown.db")
		os.WriteFile(db, validBytes, 0o600)
		if uid > 0 {
			os.Chmod(db, 0o644) // readable by the unprivileged user, not writable
		} else {
			os.Chmod(db, 0o400)
		}
		before := fileBytes(t, db)
		r := relRun(t, uid, nil, "--db", db, "status")
		if r.code != 0 || !strings.HasPrefix(r.stdout, "cooldown: ") {
			t.Errorf("status of a read-only file: %s", r)
		}
		r = relRun(t, uid, nil, "--db", db, "log", "--note", "x")
		if r.code != exitFailure || !strings.Contains(r.stderr, "cooldown: cannot save to "+db+": the file is not writable") {
			t.Errorf("log into a read-only file: got\n%s\nwant exit 1 saying it cannot save to %s", r, db)
		}
		if !bytes.Equal(fileBytes(t, db), before) {
			t.Error("the read-only file was changed")
		}
	})
}

// TestKillDuringLog runs `cooldown log` back to back in a child shell and
// kills the whole group with SIGKILL at a random moment (0 to 50 ms after
// the start; every tenth run 100 to 300 ms), 200 times. A change counts
// as acknowledged once its command exited 0 (the shell then prints
// "ack N"). After each kill the database must pass the store's check and
// `cooldown check`, and hold every acknowledged change.
func TestKillDuringLog(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping 200 kills")
	}
	t.Parallel()
	db := newDB(t)
	base := today().AddDays(-20000)
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	const kills = 200
	next, acked, midWrite := 0, 0, 0
	want := map[string]string{} // date -> note
	for k := 0; k < kills; k++ {
		script := fmt.Sprintf(`i=%d; while [ $i -lt %d ]; do "$BIN" --db "$DB" log --date "$(date -u -d "%s + $i days" +%%F)" --note "n$i" --done berries >/dev/null || exit 9; echo "ack $i"; i=$((i+1)); done`,
			next, next+50, base)
		cmd := exec.Command("sh", "-c", script)
		cmd.Env = append(testEnv(t, nil), "BIN="+bin, "DB="+db)
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		var out bytes.Buffer
		cmd.Stdout = &out
		cmd.Stderr = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(r.Intn(50_000)) * time.Microsecond
		if k%10 == 9 {
			// Now and then a longer run, so that changes are acknowledged
			// even on a loaded machine where a process takes 50 ms to start.
			delay = 100*time.Millisecond + delay*4
		}
		time.Sleep(delay)
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		last := next - 1
		sc := bufio.NewScanner(bytes.NewReader(out.Bytes()))
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "ack ") {
				n, err := strconv.Atoi(strings.TrimPrefix(line, "ack "))
				if err == nil && n > last {
					last = n
					want[base.AddDays(n).String()] = "n" + strconv.Itoa(n)
					acked++
				}
			} else if strings.TrimSpace(line) != "" && !strings.Contains(line, "Killed") {
				t.Fatalf("kill %d: the child said %q", k, line)
			}
		}
		next = last + 2 // the next run starts past the one that may have been cut short
		if _, err := os.Stat(db); os.IsNotExist(err) {
			continue // killed before the first open
		}
		st, err := store.Open(db, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("kill %d: open after SIGKILL: %v", k, err)
		}
		probs, err := st.Check()
		if err != nil || len(probs) != 0 {
			t.Fatalf("kill %d: Check: %v %v", k, probs, err)
		}
		days, err := st.Days()
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, d := range days {
			got[d.Date.String()] = d.Note
		}
		for date, note := range want {
			if got[date] != note {
				t.Fatalf("kill %d: acknowledged change of %s lost: note %q, want %q", k, date, got[date], note)
			}
		}
		midWrite = len(got) - len(want) // changes whose command was killed before it reported
		if k%20 == 0 {
			if r := cool(t, "--db", db, "check"); r.code != 0 {
				t.Fatalf("kill %d: cooldown check: %s", k, r)
			}
		}
	}
	must(t, "--db", db, "check")
	t.Logf("%d kills survived, %d acknowledged changes all present, %d unacknowledged changes found on disk too, data lost: none", kills, acked, midWrite)
	if acked < 20 {
		t.Errorf("only %d changes were acknowledged in %d runs: the kills came too early to test anything", acked, kills)
	}
}

// TestTimeZoneChangeBinary: a day logged under one zone keeps its date
// when the database is read under another.
func TestTimeZoneChangeBinary(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	r := relRun(t, 0, []string{"TZ=Pacific/Kiritimati"}, "--db", db, "log", "--date", "2026-01-10", "--note", "east")
	if r.code != 0 {
		t.Fatal(r)
	}
	first := must(t, "--db", db, "export").stdout
	for _, tz := range []string{"TZ=Pacific/Pago_Pago", "TZ=America/New_York", "TZ=Australia/Lord_Howe"} {
		r := relRun(t, 0, []string{tz}, "--db", db, "export")
		if !reflect.DeepEqual(decoded(t, r.stdout), decoded(t, first)) {
			t.Errorf("export under %s differs:\n%s\nwant\n%s", tz, r.stdout, first)
		}
		if !strings.Contains(r.stdout, `"date": "2026-01-10"`) {
			t.Errorf("under %s the date moved: %s", tz, r.stdout)
		}
	}
}

// TestLongUnicodeNote: a note of exactly 2,000 characters mixing combining
// marks, wide CJK and emoji goes in with `cooldown log --note`, comes out
// of export byte for byte, and survives import into a new database; 2,001
// characters are refused.
func TestLongUnicodeNote(t *testing.T) {
	t.Parallel()
	note := strings.Repeat("e\u0301\u0328 漢字\U0001F600 ok", 200)
	if n := len([]rune(note)); n != coach.MaxNoteRunes {
		t.Fatalf("fixture: %d runes", n)
	}
	db := newDB(t)
	must(t, "--db", db, "log", "--note", note)
	exp := must(t, "--db", db, "export").stdout
	day := decoded(t, exp)["days"].([]any)[0].(obj)
	if day["note"] != note {
		t.Errorf("export changed the note")
	}
	db2 := newDB(t)
	if r := coolWith(t, opts{stdin: exp}, "--db", db2, "import", "-"); r.code != 0 {
		t.Fatal(r)
	}
	if got := decoded(t, must(t, "--db", db2, "export").stdout); !reflect.DeepEqual(got, decoded(t, exp)) {
		t.Errorf("export, import, export changed the data")
	}
	csv := must(t, "--db", db2, "export", "--format", "csv").stdout
	if !strings.Contains(csv, note) {
		t.Errorf("the CSV export lacks the note")
	}
	r := cool(t, "--db", db, "log", "--note", note+"x")
	exactly(t, "2001 characters", r, exitUsage, "cooldown: log: invalid --note: 2001 characters is too long; allowed at most 2000\n")
}
