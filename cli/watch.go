package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"cooldown/coach"
	"cooldown/coach/safetext"
	"cooldown/interchange"
	"cooldown/store"
	"cooldown/ui"
)

// Watch folders (issue 21): `cooldown import --watch DIR` imports DIR now
// and remembers it in the store's state bucket (machine-local: never in
// an export); the app scans them through ui.Importer when it opens and
// every ui.WatchEvery. A file is known by its path, size and modification
// time: one imported (or refused) with the same three is skipped, one that
// changed is read again (the merge adds nothing twice), and one modified
// less than watchSettle ago is left for the next scan, as a sync may still
// be writing it. A symlink that leads out of its folder is refused.

// watchHelp is the part of `cooldown import --help` about watch folders.
const watchHelp = "--watch DIR imports the folder now and remembers it on this machine (not in\n" +
	"exports); the app looks there when it opens and every minute while open.\n" +
	"A file is known by its path, size and modification time; one modified in\n" +
	"the last 10 seconds waits for the next look; a symlink leading out of the\n" +
	"folder is refused. --watch alone lists the folders; --unwatch DIR forgets one.\n"

// State keys of the watch folders.
const (
	watchDirsKey   = "watch-dirs"  // the folders, one absolute path a line
	watchSeenKey   = "watch-seen:" // + a hash of a file's path: "size mtime path"
	maxWatchFiles  = 10000         // files looked at per folder and scan
	watchSettle    = 10 * time.Second
	maxWatchFolder = 32 // folders remembered
)

// watcher scans the watch folders into the store; it is the app's
// ui.Importer.
type watcher struct {
	e      *env
	st     *store.Store
	settle time.Duration // files modified more recently are left for later

	// doubt holds the signatures of the files the app's scans refused
	// once: a file a sync stopped writing for a while may be refused as
	// truncated. It is refused for good (reported, and skipped while
	// unchanged) only when the next scan finds it the same; one that
	// changed in between is read again. The one-shot `import --watch`
	// (settle 0) reports at once.
	mu    sync.Mutex
	doubt map[string]string
}

var _ ui.Importer = (*watcher)(nil)

// watchDirs reads the remembered folders.
func watchDirs(st *store.Store) ([]string, error) {
	v, err := st.State(watchDirsKey)
	if err != nil || v == "" {
		return nil, err
	}
	return strings.Split(v, "\n"), nil
}

// setWatchDirs stores the folders.
func setWatchDirs(st *store.Store, dirs []string) error {
	return st.SetState(watchDirsKey, strings.Join(dirs, "\n"))
}

// signature is how a scan knows a file: size and modification time.
func signature(info fs.FileInfo, path string) string {
	return strconv.FormatInt(info.Size(), 10) + " " + strconv.FormatInt(info.ModTime().UnixNano(), 10) + " " + path
}

// seenKey is the state key of a file's signature (a path may be longer
// than a key).
func seenKey(path string) string {
	h := sha256.Sum256([]byte(path))
	return watchSeenKey + hex.EncodeToString(h[:16])
}

// ScanWatched imports the new and changed files of every watch folder.
func (w *watcher) ScanWatched() (ui.WatchReport, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	dirs, err := watchDirs(w.st)
	if err != nil {
		return ui.WatchReport{}, err
	}
	return w.scan(dirs)
}

// scan imports the new and changed files of dirs; a store error stops it
// before the signatures of what it did are kept (the next scan repeats
// them, and the merge adds nothing twice).
func (w *watcher) scan(dirs []string) (ui.WatchReport, error) {
	var r ui.WatchReport
	if len(dirs) == 0 {
		return r, nil
	}
	seen, err := w.st.StatePrefix(watchSeenKey)
	if err != nil {
		return r, err
	}
	got := map[string]string{}
	var storeErr error
	for _, dir := range dirs {
		n, refused, err := w.scanDir(dir, seen, got)
		r.Refused = append(r.Refused, refused...)
		if n > 0 {
			r.New += n
			r.Dirs = append(r.Dirs, homeName(dir, w.e.getenv("HOME")))
		}
		if err != nil {
			storeErr = err
			break
		}
	}
	if len(got) > 0 {
		if err := w.st.SetStates(got); err != nil && storeErr == nil {
			storeErr = err
		}
	}
	return r, storeErr
}

// scanDir imports the files of one folder not yet seen as they are now,
// adding their signatures to got.
func (w *watcher) scanDir(dir string, seen, got map[string]string) (int, []string, error) {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return 0, nil, nil // not there now (an unmounted disk): the next scan looks again
	}
	var refused []string
	imported, files := 0, 0
	visited := map[string]bool{}
	walkErr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if files++; files > maxWatchFiles {
			return filepath.SkipAll
		}
		visited[seenKey(path)] = true
		info, err := os.Lstat(path)
		if err != nil {
			return nil
		}
		key, sig := seenKey(path), signature(info, path)
		if seen[key] == sig {
			return nil
		}
		if time.Since(info.ModTime()) < w.settle {
			return nil // still being written, maybe: the next scan
		}
		target := path
		if info.Mode()&fs.ModeSymlink != 0 {
			t, err := filepath.EvalSymlinks(path)
			if rel, rerr := filepath.Rel(root, t); err != nil || rerr != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				refused = append(refused, safetext.Line(path)+": a symlink that leads out of the watch folder")
				got[key] = sig
				return nil
			}
			if ti, err := os.Stat(t); err != nil || !ti.Mode().IsRegular() {
				return nil
			}
			target = t
		} else if !info.Mode().IsRegular() {
			return nil
		}
		n, why, err := w.importFile(target)
		if err != nil {
			return err
		}
		imported += n
		if why != "" {
			if w.settle > 0 && w.doubt[path] != sig {
				if w.doubt == nil {
					w.doubt = map[string]string{}
				}
				w.doubt[path] = sig // maybe still being synced: the next scan decides
				return nil
			}
			delete(w.doubt, path)
			refused = append(refused, safetext.Line(path)+": "+why)
		}
		got[key] = sig
		return nil
	})
	if walkErr == nil && files <= maxWatchFiles {
		// Forget the files gone from the folder, so the state does not
		// grow with every file the folder ever held.
		for k, v := range seen {
			if _, _, p := splitSignature(v); !visited[k] && strings.HasPrefix(p, root+string(filepath.Separator)) {
				got[k] = ""
			}
		}
	}
	return imported, refused, walkErr
}

// splitSignature reads a stored signature: size, mtime and path.
func splitSignature(v string) (size, mtime, path string) {
	size, rest, _ := strings.Cut(v, " ")
	mtime, path, _ = strings.Cut(rest, " ")
	return size, mtime, path
}

// importFile merges the device file at path into the store and returns
// the workouts added, or why it was refused; an error is the store's.
func (w *watcher) importFile(path string) (int, string, error) {
	res, err := interchange.ReadPath(path, interchange.Limits{})
	if err != nil {
		return 0, safetext.Line(err.Error()), nil
	}
	if len(res.Refused) > 0 {
		return 0, safetext.Line(res.Refused[0].Error()), nil
	}
	settings, err := w.st.Settings()
	if err != nil {
		return 0, "", err
	}
	n := 0
	for _, f := range groupFiles(res, w.e, settings.DayStartHour, coach.Date{}) {
		c, err := w.st.MergeImported(f.in)
		var fe *coach.FieldError
		if errors.As(err, &fe) && !errors.Is(err, store.ErrLocked) {
			return n, safetext.Line(err.Error()), nil
		}
		if err != nil {
			return n, "", err
		}
		n += c.New
	}
	return n, "", nil
}

// homeName writes path with the home folder as "~".
func homeName(path, home string) string {
	if home != "" && home != "/" {
		if rel, err := filepath.Rel(home, path); err == nil && !strings.HasPrefix(rel, "..") {
			if rel == "." {
				return "~"
			}
			return "~" + string(filepath.Separator) + rel
		}
	}
	return path
}

// runWatch is `cooldown import --watch [DIR]` and `--unwatch DIR`: with
// DIR, remember it and import it now; without, list the folders.
func runWatch(e *env, pos []string, unwatch bool) error {
	st, err := openStore(e)
	if err != nil {
		return err
	}
	dirs, err := watchDirs(st)
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	if len(pos) == 0 {
		for _, d := range dirs {
			fmt.Fprintln(e.stdout, safetext.Line(d))
		}
		return nil
	}
	dir, err := filepath.Abs(pos[0])
	if err != nil {
		return usageErr("import: %s", safetext.Line(err.Error()))
	}
	if unwatch {
		i := slices.Index(dirs, dir)
		if i < 0 {
			return usageErr("import --unwatch %s: not a watch folder\nrun `cooldown import --watch` to list them", safetext.Line(dir))
		}
		if err := setWatchDirs(st, slices.Delete(dirs, i, i+1)); err != nil {
			return storeErr(e.dbPath, err)
		}
		confirmCommitted(e, "no longer watching "+msgText(dir)+"\n")
		return nil
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return usageErr("import --watch %s: not a folder", safetext.Line(dir))
	}
	if strings.Contains(dir, "\n") {
		return usageErr("import --watch: a folder name with a line break cannot be watched")
	}
	if !slices.Contains(dirs, dir) {
		if len(dirs) >= maxWatchFolder {
			return usageErr("import --watch: already %d watch folders; remove one with --unwatch", maxWatchFolder)
		}
		if err := setWatchDirs(st, append(dirs, dir)); err != nil {
			return storeErr(e.dbPath, err)
		}
	}
	w := &watcher{e: e, st: st}
	r, err := w.scan([]string{dir})
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	for _, f := range r.Refused {
		fmt.Fprintf(e.stderr, "cooldown: refused %s; nothing was imported from it\n", f)
	}
	confirmCommitted(e, fmt.Sprintf("watching %s: %d new workouts now; the app looks there when it opens and every minute\n", msgText(dir), r.New))
	if len(r.Refused) > 0 {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("import --watch %s: %s refused (listed above)", safetext.Line(dir), plural(len(r.Refused), "file"))}
	}
	return nil
}
