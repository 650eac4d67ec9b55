package interchange

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
)

func runFIT(t testing.TB, start time.Time) []byte {
	return encodeFIT(t, fitFile{fileType: typedef.FileActivity,
		sessions: []*mesgdef.Session{fitSession(start, typedef.SportRunning, typedef.SubSportGeneric, 30*time.Minute, 30*time.Minute, 0)}})
}

// TestFolder: a folder gives everything importable in it; a corrupt file
// is refused and named while the others still read.
func TestFolder(t *testing.T) {
	t1 := time.Date(2025, 3, 10, 6, 0, 0, 0, time.UTC)
	good := runFIT(t, t1)
	dir := writeFiles(t,
		zipFile{"a.fit", good},
		zipFile{"sub/b.FIT.gz", gzipped(t, runFIT(t, t1.Add(24*time.Hour)))},
		zipFile{"sub/deeper/c.tcx", []byte(tcxDoc)},
		zipFile{"broken.fit", good[:len(good)-5]},
		zipFile{"notes.txt", []byte("hello")},
		zipFile{"workout.fit", encodeFIT(t, fitFile{fileType: typedef.FileWorkout})},
		zipFile{".hidden/x.fit", good},
	)
	res, err := ReadPath(dir, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, s := range res.Sessions {
		files = append(files, strings.TrimPrefix(s.File, dir+string(filepath.Separator)))
	}
	if want := []string{"a.fit", "sub/b.FIT.gz", "sub/deeper/c.tcx", "sub/deeper/c.tcx"}; strings.Join(files, " ") != strings.Join(want, " ") {
		t.Errorf("got sessions from %q, want %q", files, want)
	}
	if len(res.Refused) != 1 || res.Refused[0].File != filepath.Join(dir, "broken.fit") || !errors.Is(res.Refused[0], ErrCorrupt) {
		t.Errorf("got refused %v, want broken.fit, corrupt", errNames(res.Refused))
	}
	if len(res.Skipped) != 2 || !strings.HasSuffix(res.Skipped[0].File, "notes.txt") || !strings.HasSuffix(res.Skipped[1].File, "workout.fit") {
		t.Errorf("got skipped %v, want notes.txt and workout.fit", errNames(res.Skipped))
	}
}

// TestFolderSymlinks: a symlink to a file inside the folder is read; one
// that points outside it is refused, not followed.
func TestFolderSymlinks(t *testing.T) {
	outside := writeFiles(t, zipFile{"secret.fit", runFIT(t, time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC))})
	dir := writeFiles(t, zipFile{"real/a.fit", runFIT(t, time.Date(2025, 3, 10, 6, 0, 0, 0, time.UTC))})
	links := map[string]string{
		"inside.fit":   filepath.Join(dir, "real", "a.fit"),
		"relative.fit": filepath.Join("real", "a.fit"),
		"outside.fit":  filepath.Join(outside, "secret.fit"),
		"outdir":       outside,
		"dangling":     filepath.Join(dir, "nothing-here"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("skipped: cannot make symlinks here: %v", err)
		}
	}
	res, err := ReadPath(dir, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range res.Sessions {
		if s.Start.Month() != 3 {
			t.Errorf("read %s, the file outside the folder", s.File)
		}
		got = append(got, filepath.Base(s.File))
	}
	if strings.Join(got, " ") != "inside.fit a.fit relative.fit" {
		t.Errorf("got sessions from %q, want the inside file and its two links", got)
	}
	var outsideRefused, danglingRefused bool
	for _, e := range res.Refused {
		switch filepath.Base(e.File) {
		case "outside.fit", "outdir":
			outsideRefused = outsideRefused || errors.Is(e, ErrOutside)
		case "dangling":
			danglingRefused = true
		}
	}
	if !outsideRefused || !danglingRefused {
		t.Errorf("got refused %v, want outside.fit (ErrOutside) and dangling", errNames(res.Refused))
	}
}

// TestZipBounds: an entry whose path leaves the archive is refused;
// expansion past ArchiveBytes and more than Entries files are refused; the
// other entries still read.
func TestZipBounds(t *testing.T) {
	good := runFIT(t, time.Date(2025, 3, 10, 6, 0, 0, 0, time.UTC))
	write := func(data []byte) string {
		p := filepath.Join(t.TempDir(), "in.zip")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("path leaves the archive", func(t *testing.T) {
		p := write(zipOf(t, zipFile{"../evil.fit", good}, zipFile{"/abs.fit", good}, zipFile{`..\win.fit`, good}, zipFile{"ok/a.fit", good}))
		res, err := ReadPath(p, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Sessions) != 1 || res.Sessions[0].File != p+":ok/a.fit" {
			t.Errorf("got sessions %+v, want only ok/a.fit", res.Sessions)
		}
		if len(res.Refused) != 3 {
			t.Fatalf("got refused %v, want the three escaping entries", errNames(res.Refused))
		}
		for _, e := range res.Refused {
			if !errors.Is(e, ErrOutside) {
				t.Errorf("got %v, want ErrOutside", e)
			}
		}
	})
	// A FIT file of a megabyte of records, which deflate shrinks a lot.
	rec := mesgdef.NewRecord(nil)
	var recs []*mesgdef.Record
	for i := range 100_000 {
		r := *rec
		r.Timestamp = time.Date(2025, 3, 10, 6, 0, 0, 0, time.UTC).Add(time.Duration(i%2) * time.Hour)
		r.HeartRate = 120
		recs = append(recs, &r)
	}
	big := encodeFIT(t, fitFile{fileType: typedef.FileActivity, records: recs})
	t.Run("expansion past the bound", func(t *testing.T) {
		p := write(zipOf(t, zipFile{"a.fit", good}, zipFile{"bomb.fit", big}))
		res, err := ReadPath(p, Limits{ArchiveBytes: int64(len(big) / 2)})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Sessions) != 1 || len(res.Refused) != 1 || !errors.Is(res.Refused[0], ErrTooLarge) || res.Refused[0].File != p+":bomb.fit" {
			t.Errorf("got %d sessions, refused %v; want a.fit read and bomb.fit refused as too large", len(res.Sessions), errNames(res.Refused))
		}
		res, _ = ReadPath(p, Limits{})
		if len(res.Sessions) != 2 || len(res.Refused) != 0 {
			t.Errorf("within the default bound: got %d sessions, refused %v; want 2", len(res.Sessions), errNames(res.Refused))
		}
	})
	t.Run("gzip expanding past FileBytes", func(t *testing.T) {
		gz := gzipped(t, big)
		res := Read("bomb.fit.gz", bytes.NewReader(gz), Limits{FileBytes: int64(len(big) / 2)})
		if len(res.Refused) != 1 || !errors.Is(res.Refused[0], ErrTooLarge) {
			t.Errorf("got refused %v, want bomb.fit.gz too large", errNames(res.Refused))
		}
		if len(gz) > len(big)/10 {
			t.Fatalf("the gzip is %d bytes for %d: not the expansion this test needs", len(gz), len(big))
		}
	})
	t.Run("more files than Entries", func(t *testing.T) {
		p := write(zipOf(t, zipFile{"a.fit", good}, zipFile{"b.fit", good}, zipFile{"c.fit", good}))
		res, err := ReadPath(p, Limits{Entries: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Sessions) != 2 || len(res.Refused) != 1 || !errors.Is(res.Refused[0], ErrTooLarge) {
			t.Errorf("got %d sessions, refused %v; want 2 and the archive named as too large", len(res.Sessions), errNames(res.Refused))
		}
	})
	t.Run("corrupt zip", func(t *testing.T) {
		data := zipOf(t, zipFile{"a.fit", good})
		p := write(data[:len(data)-30])
		res, err := ReadPath(p, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Refused) != 1 || !errors.Is(res.Refused[0], ErrCorrupt) || res.Refused[0].File != p {
			t.Errorf("got refused %v, want the zip refused as corrupt", errNames(res.Refused))
		}
	})
	t.Run("empty zip", func(t *testing.T) {
		p := write(zipOf(t))
		res, err := ReadPath(p, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Skipped) != 1 || !errors.Is(res.Skipped[0], ErrNoWorkout) || res.Skipped[0].File != p {
			t.Errorf("got skipped %v, want the zip named: no workout recorded", errNames(res.Skipped))
		}
	})
	t.Run("zip from a stream", func(t *testing.T) {
		res := Read("-", bytes.NewReader(zipOf(t, zipFile{"a.fit", good})), Limits{})
		if len(res.Skipped) != 1 || !errors.Is(res.Skipped[0], ErrUnsupported) {
			t.Errorf("got skipped %v, want unsupported (a zip needs random access)", errNames(res.Skipped))
		}
	})
}

func TestFolderDepth(t *testing.T) {
	good := runFIT(t, time.Date(2025, 3, 10, 6, 0, 0, 0, time.UTC))
	dir := writeFiles(t, zipFile{"a/a.fit", good}, zipFile{"a/b/c/d.fit", good})
	res, err := ReadPath(dir, Limits{Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Sessions) != 1 || len(res.Refused) != 1 || !errors.Is(res.Refused[0], ErrTooLarge) {
		t.Errorf("got %d sessions, refused %v; want a/a.fit only and a/b/c refused as too deep", len(res.Sessions), errNames(res.Refused))
	}
}

func TestRunBound(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		fail bool
	}{
		{"<a><b>", 3, false},
		{"<abcd>", 3, true},
		{"<a>xxxx>", 3, true},
		{"<a>xx>yyy", 3, false},
		{"<a>xx>yyyy", 3, true},
	}
	for _, tt := range tests {
		for _, chunk := range []int{1, 2, 64} {
			rb := &runBound{r: &chunked{s: tt.in, n: chunk}, sep: '>', max: tt.max}
			_, err := readAll(rb)
			if (err != nil) != tt.fail || (err != nil && !errors.Is(err, ErrTooLarge)) {
				t.Errorf("runBound(%q, max %d, chunks of %d): got error %v, want failure %v", tt.in, tt.max, chunk, err, tt.fail)
			}
		}
	}
}

type chunked struct {
	s string
	n int
}

func (c *chunked) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, errEOF
	}
	n := min(c.n, len(p), len(c.s))
	copy(p, c.s[:n])
	c.s = c.s[n:]
	return n, nil
}

// TestSniffByContent: names do not decide; an HTML page or a property
// list is unsupported, not refused.
func TestSniffByContent(t *testing.T) {
	good := runFIT(t, time.Date(2025, 3, 10, 6, 0, 0, 0, time.UTC))
	tests := []struct {
		name string
		data []byte
		want error // nil: one session
	}{
		{"activity.txt", good, nil},
		{"ride.tcx.gz", gzipped(t, good), nil},
		{"export.xml", good, nil},
		{"a.fit", []byte(tcxDoc), nil},
		{"page.html", []byte("<!DOCTYPE html><html><body><p>hi<br></body></html>"), ErrUnsupported},
		{"settings.plist", []byte(`<?xml version="1.0"?><plist version="1.0"><dict/></plist>`), ErrUnsupported},
		{"a.fit", []byte("not a fit file at all"), ErrUnsupported},
		{"empty.fit", nil, ErrUnsupported},
		{"b.fit.gz", gzipped(t, gzipped(t, good)), ErrUnsupported},
	}
	for _, tt := range tests {
		res := Read(tt.name, bytes.NewReader(tt.data), Limits{})
		errs := append(res.Refused, res.Skipped...)
		if tt.want == nil {
			if len(res.Sessions) == 0 || len(errs) != 0 {
				t.Errorf("%s: got %d sessions, errors %v; want sessions", tt.name, len(res.Sessions), errNames(errs))
			}
			continue
		}
		if len(res.Sessions) != 0 || len(res.Skipped) != 1 || !errors.Is(res.Skipped[0], tt.want) {
			t.Errorf("%s: got %d sessions, refused %v, skipped %v; want skipped %v", tt.name, len(res.Sessions), errNames(res.Refused), errNames(res.Skipped), tt.want)
		}
	}
}
