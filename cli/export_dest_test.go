//go:build linux

package cli

// Tests of `cooldown export -o` (issue 13, export_dest.go) and of an empty
// --db, through the binary. Special files (FIFOs, device nodes, sockets)
// are made in each test's temporary directory, never the system's.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// coolCmd returns a command running the binary with the test environment;
// the caller sets its files.
func coolCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = testEnv(t, nil)
	return cmd
}

// runCmd runs cmd, capturing stdout and stderr where the caller set none,
// and returns what it did; code is the status as a shell reports it (128
// + the signal's number for a process killed by a signal).
func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if cmd.Stdout == nil {
		cmd.Stdout = &stdout
	}
	if cmd.Stderr == nil {
		cmd.Stderr = &stderr
	}
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start), code: shellStatus(t, err)}
	return r
}

// shellStatus is the status a shell reports for a finished command.
func shellStatus(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	if err == nil {
		return 0
	}
	if !errors.As(err, &ee) {
		t.Fatalf("run: %v", err)
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ee.ExitCode()
}

// mknod makes a device node in the test's directory, or skips the test
// when this process may not (not root, or a container without CAP_MKNOD).
func mknod(t *testing.T, path string, mode uint32, major, minor int) {
	t.Helper()
	dev := major<<8 | minor // Linux's encoding for small numbers
	if err := syscall.Mknod(path, mode|0o666, dev); err != nil {
		t.Skipf("cannot make the device node %s here (%v): needs root with CAP_MKNOD", path, err)
	}
}

// rdev returns a device node's type and number.
func rdev(t *testing.T, path string) (os.FileMode, uint64) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Type(), uint64(fi.Sys().(*syscall.Stat_t).Rdev)
}

// dirNames lists a directory's entries.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// sameExport fails unless got is an export of the same data as want (an
// export to stdout of the same database).
func sameExport(t *testing.T, what, got, want string) {
	t.Helper()
	if !reflect.DeepEqual(decoded(t, got), decoded(t, want)) {
		t.Errorf("%s: not the export of the database:\ngot  %.200q\nwant %.200q", what, got, want)
	}
}

func TestExportDestinations(t *testing.T) {
	t.Parallel()
	td := today()
	db := importDays(t, nil, completeDay(td.AddDays(-1)), pendingDay(td.AddDays(-2)))
	want := must(t, "--db", db, "export").stdout

	t.Run("dash", func(t *testing.T) {
		t.Parallel()
		r := must(t, "--db", db, "export", "-o", "-")
		sameExport(t, "-o -", r.stdout, want)
	})

	// A file someone appends to, as stdout or as another descriptor: the
	// export is appended through the descriptor, nothing before it is
	// lost, and the file is the same file afterwards (not renamed over).
	for _, tc := range []struct {
		name, path string
		asStdout   bool
	}{
		{"/dev/stdout appending", "/dev/stdout", true},
		{"/proc/self/fd/1 appending", "/proc/self/fd/1", true},
		{"/dev/fd/3 appending", "/dev/fd/3", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "log.txt")
			if err := os.WriteFile(out, []byte("keep this line\n"), 0o640); err != nil {
				t.Fatal(err)
			}
			before, _ := os.Stat(out)
			f, err := os.OpenFile(out, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cmd := coolCmd(t, "--db", db, "export", "-o", tc.path)
			if tc.asStdout {
				cmd.Stdout = f
			} else {
				cmd.ExtraFiles = []*os.File{f}
			}
			if r := runCmd(t, cmd); r.code != 0 {
				t.Fatalf("got\n%s\nwant exit 0", r)
			}
			got := string(fileBytes(t, out))
			rest, ok := strings.CutPrefix(got, "keep this line\n")
			if !ok {
				t.Fatalf("the line before the export is gone: %.100q", got)
			}
			sameExport(t, tc.path, rest, want)
			after, _ := os.Stat(out)
			if !os.SameFile(before, after) || after.Mode().Perm() != 0o640 {
				t.Errorf("the file was replaced: mode %v, same file %v", after.Mode().Perm(), os.SameFile(before, after))
			}
		})
	}

	t.Run("/dev/fd/N not open", func(t *testing.T) {
		t.Parallel()
		r := cool(t, "--db", db, "export", "-o", "/dev/fd/9")
		expect(t, r, exitUsage, "/dev/fd/9", "file descriptor 9 is not open")
		if r.stdout != "" {
			t.Errorf("stdout %q", r.stdout)
		}
	})

	t.Run("new file", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		out := filepath.Join(dir, "new.json")
		must(t, "--db", db, "export", "-o", out)
		sameExport(t, "new file", string(fileBytes(t, out)), want)
		if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
			t.Errorf("new file mode %v, want 0600", fi.Mode().Perm())
		}
		if names := dirNames(t, dir); !slices.Equal(names, []string{"new.json"}) {
			t.Errorf("files left in the directory: %v", names)
		}
	})

	// A regular file keeps its mode; one reached through links stays
	// where it is, the links stay links, and the temporary file was made
	// beside the final target (its directory is the only one that could
	// hold it, and it is gone).
	t.Run("regular file and links keep their mode", func(t *testing.T) {
		t.Parallel()
		for _, mode := range []os.FileMode{0o600, 0o640, 0o604, 0o444} {
			linkDir, targetDir := t.TempDir(), t.TempDir()
			target := filepath.Join(targetDir, "backup.json")
			if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(target, mode); err != nil {
				t.Fatal(err)
			}
			// linkDir/a -> linkDir/b (relative) -> target (absolute)
			if err := os.Symlink(target, filepath.Join(linkDir, "b")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("b", filepath.Join(linkDir, "a")); err != nil {
				t.Fatal(err)
			}
			for _, out := range []string{target, filepath.Join(linkDir, "b"), filepath.Join(linkDir, "a")} {
				os.WriteFile(target, []byte("old"), 0) // the mode stays
				must(t, "--db", db, "export", "-o", out)
				sameExport(t, out, string(fileBytes(t, target)), want)
				if fi, _ := os.Lstat(target); fi.Mode() != mode {
					t.Errorf("-o %s: target mode %v, want %v", out, fi.Mode(), mode)
				}
				for name, to := range map[string]string{"a": "b", "b": target} {
					if got, err := os.Readlink(filepath.Join(linkDir, name)); err != nil || got != to {
						t.Errorf("-o %s: link %s is %q (%v), want a link to %q", out, name, got, err, to)
					}
				}
				if names := dirNames(t, targetDir); !slices.Equal(names, []string{"backup.json"}) {
					t.Errorf("-o %s: files left beside the target: %v", out, names)
				}
				if names := dirNames(t, linkDir); !slices.Equal(names, []string{"a", "b"}) {
					t.Errorf("-o %s: files left beside the links: %v", out, names)
				}
			}
		}
	})

	t.Run("dangling symlink", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		link, target := filepath.Join(dir, "link.json"), filepath.Join(dir, "real.json")
		if err := os.Symlink("real.json", link); err != nil {
			t.Fatal(err)
		}
		must(t, "--db", db, "export", "-o", link)
		sameExport(t, "dangling link's target", string(fileBytes(t, target)), want)
		if got, err := os.Readlink(link); err != nil || got != "real.json" {
			t.Errorf("the link is now %q (%v), want a link to real.json", got, err)
		}
		if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
			t.Errorf("new target mode %v, want 0600", fi.Mode().Perm())
		}
	})

	t.Run("hard links refused", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
		os.WriteFile(a, []byte("old"), 0o600)
		if err := os.Link(a, b); err != nil {
			t.Fatal(err)
		}
		for _, out := range []string{a, b} {
			r := cool(t, "--db", db, "export", "-o", out)
			expect(t, r, exitUsage, "cannot write "+out+": the file has 2 hard links", "nothing was written")
		}
		for _, p := range []string{a, b} {
			if got := string(fileBytes(t, p)); got != "old" {
				t.Errorf("%s changed: %q", p, got)
			}
		}
	})

	t.Run("FIFO with a reader", func(t *testing.T) {
		t.Parallel()
		fifo := filepath.Join(t.TempDir(), "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(fifo) // waits for the writer
			if err != nil {
				got <- err.Error()
				return
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			got <- string(b)
		}()
		must(t, "--db", db, "export", "-o", fifo)
		sameExport(t, "FIFO", <-got, want)
		if typ, _ := rdev(t, fifo); typ != os.ModeNamedPipe {
			t.Errorf("the FIFO is now %v", typ)
		}
	})

	t.Run("FIFO without a reader", func(t *testing.T) {
		t.Parallel()
		fifo := filepath.Join(t.TempDir(), "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		r := cool(t, "--db", db, "export", "-o", fifo)
		expect(t, r, exitFailure, "cannot write "+fifo+": no program opened the FIFO for reading within 5s; nothing was written")
		if r.took > 15*time.Second {
			t.Errorf("gave up after %v, want about 5s", r.took)
		}
		if typ, _ := rdev(t, fifo); typ != os.ModeNamedPipe {
			t.Errorf("the FIFO is now %v", typ)
		}
	})

	t.Run("character devices written in place", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		null, full := filepath.Join(dir, "null"), filepath.Join(dir, "full")
		mknod(t, null, syscall.S_IFCHR, 1, 3)
		mknod(t, full, syscall.S_IFCHR, 1, 7)
		typ0, dev0 := rdev(t, null)
		must(t, "--db", db, "export", "-o", null)
		if typ, dev := rdev(t, null); typ != typ0 || dev != dev0 || typ&os.ModeCharDevice == 0 {
			t.Errorf("the device node was replaced: %v %d, was %v %d", typ, dev, typ0, dev0)
		}
		r := cool(t, "--db", db, "export", "-o", full)
		expect(t, r, exitFailure, "writing to "+full+" failed", "no space left on device")
		if typ, _ := rdev(t, full); typ&os.ModeCharDevice == 0 {
			t.Errorf("the device node was replaced: %v", typ)
		}
		if names := dirNames(t, dir); !slices.Equal(names, []string{"full", "null"}) {
			t.Errorf("files in the directory: %v", names)
		}
	})

	t.Run("block device refused", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		blk := filepath.Join(dir, "disk")
		mknod(t, blk, syscall.S_IFBLK, 7, 200) // a loop device number; never opened
		r := cool(t, "--db", db, "export", "-o", blk)
		expect(t, r, exitUsage, "cannot write "+blk+": it is a block device")
		if typ, _ := rdev(t, blk); typ&os.ModeDevice == 0 || typ&os.ModeCharDevice != 0 {
			t.Errorf("the device node was replaced: %v", typ)
		}
	})

	t.Run("socket", func(t *testing.T) {
		t.Parallel()
		dir, err := os.MkdirTemp("", "cds") // short: a socket path has at most 108 bytes
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
		sock := filepath.Join(dir, "s")
		l, err := net.Listen("unix", sock)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		got := make(chan string, 1)
		go func() {
			c, err := l.Accept()
			if err != nil {
				got <- err.Error()
				return
			}
			defer c.Close()
			b, _ := io.ReadAll(c)
			got <- string(b)
		}()
		must(t, "--db", db, "export", "-o", sock)
		sameExport(t, "socket", <-got, want)
		if typ, _ := rdev(t, sock); typ != os.ModeSocket {
			t.Errorf("the socket is now %v", typ)
		}
	})

	t.Run("directory and missing parent", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		sub := filepath.Join(dir, "sub")
		os.Mkdir(sub, 0o700)
		linkToMissing := filepath.Join(dir, "link")
		os.Symlink(filepath.Join(dir, "gone", "x.json"), linkToMissing)
		for _, tc := range []struct {
			out  string
			code int
			want string
		}{
			{sub, exitUsage, "cannot write " + sub + ": it is a directory; give the name of a file inside it, as in " + sub + "/cooldown.json; nothing was written"},
			{filepath.Join(dir, "missing", "x.json"), exitFailure, "cannot write " + dir + "/missing/x.json: its directory " + dir + "/missing does not exist; create it or pick another file; nothing was written"},
			{linkToMissing, exitFailure, "cannot write " + linkToMissing + " (a symbolic link to " + dir + "/gone/x.json): its directory " + dir + "/gone does not exist"},
			{filepath.Join(dir, "sub", "x.json", "y.json"), exitFailure, "cannot write " + dir + "/sub/x.json/y.json: its directory " + dir + "/sub/x.json does not exist"},
		} {
			r := cool(t, "--db", db, "export", "-o", tc.out)
			expect(t, r, tc.code, tc.want)
			if strings.Contains(r.stderr, ".tmp") {
				t.Errorf("-o %s: the message names a temporary file: %s", tc.out, r.stderr)
			}
		}
		if names := dirNames(t, dir); !slices.Equal(names, []string{"link", "sub"}) {
			t.Errorf("files in the directory: %v", names)
		}
		if names := dirNames(t, sub); len(names) != 0 {
			t.Errorf("files in the directory asked for: %v", names)
		}
	})
}

// The database is never an export's destination, by any of its names.
func TestExportNeverOverwritesDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "cooldown.db")
	must(t, "--db", db, "import", writeFile(t, exportDoc(t, nil, completeDay(today().AddDays(-1)))))
	os.Symlink("cooldown.db", filepath.Join(dir, "link.db"))
	other := t.TempDir()
	os.Symlink(dir, filepath.Join(other, "dirlink"))
	original := fileBytes(t, db)

	appendTo := func(t *testing.T) *os.File {
		f, err := os.OpenFile(db, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	for _, tc := range []struct {
		name string
		out  string                      // -o
		cwd  string                      // the command's directory, when not ""
		prep func(*testing.T, *exec.Cmd) // files for the command
	}{
		{name: "path", out: db},
		{name: "symlink", out: filepath.Join(dir, "link.db")},
		{name: "relative path", out: "cooldown.db", cwd: dir},
		{name: "dot-dot path", out: "../" + filepath.Base(dir) + "/./cooldown.db", cwd: dir},
		{name: "through a linked directory", out: filepath.Join(other, "dirlink", "cooldown.db")},
		{name: "/dev/fd/3 appending to it", out: "/dev/fd/3", prep: func(t *testing.T, c *exec.Cmd) { c.ExtraFiles = []*os.File{appendTo(t)} }},
		{name: "/dev/stdout appending to it", out: "/dev/stdout", prep: func(t *testing.T, c *exec.Cmd) { c.Stdout = appendTo(t) }},
		{name: "stdout appending to it", prep: func(t *testing.T, c *exec.Cmd) { c.Stdout = appendTo(t) }},
		{name: "hard link", out: filepath.Join(dir, "hard.db"), prep: func(t *testing.T, c *exec.Cmd) {
			if err := os.Link(db, filepath.Join(dir, "hard.db")); err != nil && !errors.Is(err, os.ErrExist) {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Remove(filepath.Join(dir, "hard.db")) })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"--db", db, "export"}
			if tc.out != "" {
				args = append(args, "-o", tc.out)
			}
			for _, format := range []string{"json", "csv"} {
				cmd := coolCmd(t, append(args, "--format", format)...)
				cmd.Dir = tc.cwd
				if tc.prep != nil {
					tc.prep(t, cmd)
				}
				r := runCmd(t, cmd)
				name := tc.out
				if name == "" {
					name = "stdout"
				}
				expect(t, r, exitUsage, "export: "+name+" is the database itself ("+db+"): an export written there would destroy it; pick another file; nothing was written")
				if !bytes.Equal(fileBytes(t, db), original) {
					t.Fatalf("the database changed")
				}
			}
		})
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"cooldown.db", "link.db"}) {
		t.Errorf("files beside the database: %v", names)
	}
	must(t, "--db", db, "check")
}

// An empty --db is a usage error, never the default database.
func TestEmptyDBFlag(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	for _, args := range [][]string{
		{"--db", "", "log", "--note", "x"},
		{"--db=", "log", "--note", "x"},
		{"--db", "", "status"},
		{"--db=", "export"},
		{"--db", "", "import", writeFile(t, exportDoc(t, nil, completeDay(today())))},
	} {
		r := coolWith(t, opts{env: []string{"XDG_DATA_HOME=" + data}}, args...)
		expect(t, r, exitUsage, "--db needs a file path, and an empty one is refused rather than taken for the default database; leave --db out to use the default")
		if r.stdout != "" {
			t.Errorf("%q: stdout %q", args, r.stdout)
		}
	}
	if names := dirNames(t, data); len(names) != 0 {
		t.Errorf("the default database's directory was touched: %v", names)
	}
}

// A path with control characters reaches a message in safetext's visible
// form, on one line, never raw (msgText).
func TestExportMessageQuotesControlCharacters(t *testing.T) {
	t.Parallel()
	db := importDays(t, nil, completeDay(today().AddDays(-1)))
	dir := t.TempDir()
	out := filepath.Join(dir, "a\x1b[2Jb\nc", "x.json")
	r := cool(t, "--db", db, "export", "-o", out)
	shown := dir + `/a\x1b[2Jb c/x.json`
	expect(t, r, exitFailure, "cannot write "+shown+": its directory "+dir+`/a\x1b[2Jb c does not exist`)
	if strings.ContainsAny(r.stderr, "\x1b") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("a control character reached stderr: %q", r.stderr)
	}
}

// A file in a directory this user cannot write: the rename is impossible,
// so nothing is replaced, and the message names the file and its
// directory, never the temporary file. As root the binary runs as an
// unprivileged user (uid 65534), as reliability_test.go does.
func TestExportReadOnlyDirectory(t *testing.T) {
	t.Parallel()
	uid := 0
	if os.Geteuid() == 0 {
		uid = 65534
	}
	dir := publicDir(t)
	db := filepath.Join(dir, "cooldown.db")
	os.WriteFile(db, fileBytes(t, importDays(t, nil, completeDay(today().AddDays(-1)))), 0o600)
	os.Chmod(db, 0o644) // readable by the unprivileged user
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o755)
	out := filepath.Join(ro, "backup.json")
	os.WriteFile(out, []byte("old"), 0o666)
	os.Chmod(out, 0o666)
	os.Chmod(ro, 0o555)
	r := relRun(t, uid, nil, "--db", db, "export", "-o", out)
	want := "cooldown: export: cannot write " + out + ": cannot create a file in its directory " + ro + ": permission denied; nothing was written\n"
	if r.code != exitFailure || !strings.HasSuffix(r.stderr, want) {
		t.Errorf("got\n%s\nwant exit 1 and stderr ending %q", r, want)
	}
	if got := string(fileBytes(t, out)); got != "old" {
		t.Errorf("the file changed: %q", got)
	}
	if names := dirNames(t, ro); !slices.Equal(names, []string{"backup.json"}) {
		t.Errorf("files in the directory: %v", names)
	}
}
