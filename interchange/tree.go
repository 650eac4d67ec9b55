package interchange

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// entry is one file of a folder or zip.
type entry struct {
	name string // slash-separated, relative to the folder or archive
	open func() (io.ReadCloser, error)
}

// ReadZip reads a zip archive (a Strava bulk export, an Apple Health
// export.zip, or any zip of device files): every entry as ReadPath reads a
// folder. name is used in messages. An entry whose path leaves the
// archive is refused with ErrOutside; the expansion of all entries
// together is bounded by Limits.ArchiveBytes.
func ReadZip(name string, r io.ReaderAt, size int64, lim Limits) Result {
	return readZip(name, r, size, lim.withDefaults())
}

func readZip(name string, r io.ReaderAt, size int64, lim Limits) Result {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return fileResult(name, corrupt(fmt.Errorf("zip: %w", err)))
	}
	var res Result
	var entries []entry
	budget := &budget{left: lim.ArchiveBytes, max: lim.ArchiveBytes}
	for _, f := range zr.File {
		inner := name + ":" + f.Name
		if strings.HasSuffix(f.Name, "/") {
			continue // a folder
		}
		clean := strings.ReplaceAll(f.Name, `\`, "/")
		if !filepath.IsLocal(filepath.FromSlash(clean)) || !fs.ValidPath(path.Clean(clean)) {
			res.Refused = append(res.Refused, &FileError{File: inner, Err: ErrOutside})
			continue
		}
		if hidden(clean) {
			continue
		}
		if len(entries) >= lim.Entries {
			res.Refused = append(res.Refused, &FileError{File: name, Err: fmt.Errorf("%w: more than %d files", ErrTooLarge, lim.Entries)})
			break
		}
		f := f
		entries = append(entries, entry{name: path.Clean(clean), open: func() (io.ReadCloser, error) {
			rc, err := f.Open()
			if err != nil {
				return nil, corrupt(err)
			}
			return readCloser{budget.reader(rc), rc}, nil
		}})
	}
	if len(entries) == 0 && len(res.Refused) == 0 {
		return fileResult(name, fmt.Errorf("%w: a zip with no files", ErrNoWorkout))
	}
	newReader(lim).tree(name+":", entries, &res)
	return res
}

// readFolder reads every file in dir and below. Files are opened through
// os.Root; a symlink to a file inside dir is read, one that points outside
// dir is refused (ErrOutside), and a symlink to a folder is not followed.
func readFolder(dir string, lim Limits) (Result, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return Result{}, fmt.Errorf("read folder %s: %w", dir, err)
	}
	defer root.Close()
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return Result{}, fmt.Errorf("read folder %s: %w", dir, err)
	}
	var res Result
	var entries []entry
	fsys := root.FS()
	werr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		show := filepath.Join(dir, filepath.FromSlash(p))
		if err != nil {
			res.Refused = append(res.Refused, &FileError{File: show, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != "." && hidden(p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if strings.Count(p, "/")+1 > lim.Depth && p != "." {
				res.Refused = append(res.Refused, &FileError{File: show, Err: fmt.Errorf("%w: folders nested deeper than %d", ErrTooLarge, lim.Depth)})
				return fs.SkipDir
			}
			return nil
		}
		open := p
		if d.Type()&fs.ModeSymlink != 0 {
			// Resolve the link and open its target by its path inside
			// the folder, so os.Root never follows a link itself.
			target, err := insideTarget(realDir, show)
			if err != nil {
				res.Refused = append(res.Refused, &FileError{File: show, Err: err})
				return nil
			}
			info, err := root.Stat(target)
			if err != nil {
				res.Refused = append(res.Refused, &FileError{File: show, Err: err})
				return nil
			}
			if !info.Mode().IsRegular() {
				return nil // a linked folder is not followed
			}
			open = target
		} else if !d.Type().IsRegular() {
			return nil // devices, pipes, sockets
		}
		if len(entries) >= lim.Entries {
			res.Refused = append(res.Refused, &FileError{File: dir, Err: fmt.Errorf("%w: more than %d files", ErrTooLarge, lim.Entries)})
			return fs.SkipAll
		}
		entries = append(entries, entry{name: p, open: func() (io.ReadCloser, error) { return root.Open(open) }})
		return nil
	})
	if werr != nil {
		return res, fmt.Errorf("read folder %s: %w", dir, werr)
	}
	newReader(lim).tree(dir+string(filepath.Separator), entries, &res)
	return res, nil
}

// hidden reports names that are never device files: dot files
// (.DS_Store) and macOS's __MACOSX folder in zips.
func hidden(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") || part == "__MACOSX" {
			return true
		}
	}
	return false
}

// tree reads the entries of a folder or zip. Each Strava activities.csv
// is read first, with the files its rows name; every other entry is read
// on its own. prefix is put before entry names in messages. A zip inside a
// folder is read as a zip; a zip inside a zip is not.
func (rd *reader) tree(prefix string, entries []entry, res *Result) {
	sort.Slice(entries, func(i, j int) bool { return entries[i].name < entries[j].name })
	byName := make(map[string]int, len(entries))
	for i, e := range entries {
		byName[e.name] = i
	}
	used := make([]bool, len(entries))
	// Each Strava export (an activities.csv, with the files its rows name
	// under the same folder) is read before the loose files.
	for i, e := range entries {
		if path.Base(e.name) != "activities.csv" {
			continue
		}
		used[i] = true
		dir := path.Dir(e.name)
		link := func(filename string) (Result, bool) {
			p := path.Clean(path.Join(dir, strings.ReplaceAll(filename, `\`, "/")))
			j, ok := byName[p]
			if !ok || used[j] {
				return Result{}, false
			}
			used[j] = true
			rd.linked = true
			defer func() { rd.linked = false }()
			return rd.entry(prefix, entries[j]), true
		}
		res.add(rd.csvEntry(prefix, e, link))
	}
	for i, e := range entries {
		if !used[i] {
			res.add(rd.entry(prefix, e))
		}
	}
}

// entry reads one entry of a tree.
func (rd *reader) entry(prefix string, e entry) Result {
	name := prefix + e.name
	rc, err := e.open()
	if err != nil {
		return fileResult(name, err)
	}
	defer rc.Close()
	if f, ok := rc.(*os.File); ok && isZip(f) {
		// A zip in a folder (a Strava or Apple export dropped in a watch
		// folder) is read as a zip, with the same bounds.
		info, err := f.Stat()
		if err != nil {
			return fileResult(name, err)
		}
		return readZip(name, f, info.Size(), rd.lim)
	}
	return rd.stream(name, rc, false)
}

// isZip reports whether f starts with a zip's magic number.
func isZip(f *os.File) bool {
	var head [4]byte
	n, _ := f.ReadAt(head[:], 0)
	return n == 4 && string(head[:2]) == "PK" && (string(head[2:]) == "\x03\x04" || string(head[2:]) == "\x05\x06")
}

// csvEntry reads a tree's activities.csv with its linked files.
func (rd *reader) csvEntry(prefix string, e entry, link linker) Result {
	name := prefix + e.name
	rc, err := e.open()
	if err != nil {
		return fileResult(name, err)
	}
	defer rc.Close()
	res, err := rd.readStrava(name, rc, link)
	if err != nil {
		out := fileResult(name, err)
		out.Refused = append(res.Refused, out.Refused...)
		out.Skipped = append(res.Skipped, out.Skipped...)
		return out
	}
	rd.sessions += len(res.Sessions)
	return res
}

// budget bounds what all entries of one zip expand to together.
type budget struct{ left, max int64 }

func (b *budget) reader(r io.Reader) io.Reader { return &budgetReader{r, b} }

type budgetReader struct {
	r io.Reader
	b *budget
}

func (br *budgetReader) Read(p []byte) (int, error) {
	if br.b.left <= 0 {
		return 0, fmt.Errorf("%w: the zip expands past %d bytes", ErrTooLarge, br.b.max)
	}
	if int64(len(p)) > br.b.left {
		p = p[:br.b.left]
	}
	n, err := br.r.Read(p)
	br.b.left -= int64(n)
	return n, err
}

type readCloser struct {
	io.Reader
	io.Closer
}

// insideTarget resolves the symlink at link and returns its target as a
// slash path relative to realDir (dir with its own links resolved), or
// ErrOutside when the target is not inside it.
func insideTarget(realDir, link string) (string, error) {
	target, err := filepath.EvalSymlinks(link)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(realDir, target)
	if err != nil || !filepath.IsLocal(rel) {
		return "", ErrOutside
	}
	return filepath.ToSlash(rel), nil
}
