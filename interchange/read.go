package interchange

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
)

// ReadPath reads everything importable at path: one file (FIT, .fit.gz,
// TCX, an Apple Health export.xml or export.zip, a Strava export zip or
// its activities.csv) or a folder (every file in it, a Strava export
// unpacked). The error is for a path that cannot be opened at all; a file
// that is refused or holds nothing to import is listed in the Result.
func ReadPath(path string, lim Limits) (Result, error) {
	lim = lim.withDefaults()
	info, err := os.Stat(path)
	if err != nil {
		return Result{}, fmt.Errorf("read %s: %w", path, err)
	}
	if info.IsDir() {
		return readFolder(path, lim)
	}
	f, err := os.Open(path)
	if err != nil {
		return Result{}, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, sniffBytes)
	if sniff(br) == formatZip {
		// The zip reader needs random access: read from the file itself.
		return readZip(path, f, info.Size(), lim), nil
	}
	rd := newReader(lim)
	return rd.stream(path, br, false), nil
}

// Read reads one file from r, deciding its format by content; name is
// only used in messages. A zip needs random access (use ReadPath or
// ReadZip): from a stream it is ErrUnsupported.
func Read(name string, r io.Reader, lim Limits) Result {
	rd := newReader(lim.withDefaults())
	return rd.stream(name, r, false)
}

// reader carries the bounds and the counts shared by one read (a folder
// or a zip counts sessions and sleep across all its files).
type reader struct {
	lim      Limits
	sessions int
	sleep    int
	linked   bool // reading a file a Strava activities.csv row names
}

func newReader(lim Limits) *reader { return &reader{lim: lim} }

// stream reads one file from r. inGzip is set for the content of a .gz, so
// a gzip inside a gzip is refused instead of unwrapped again.
func (rd *reader) stream(name string, r io.Reader, inGzip bool) Result {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < sniffBytes {
		br = bufio.NewReaderSize(r, sniffBytes)
	}
	var res Result
	var err error
	switch sniff(br) {
	case formatFIT:
		res.Sessions, err = readFIT(bounded(br, rd.lim.FileBytes, "FIT file"), rd.lim.Sessions-rd.sessions)
	case formatGzip:
		if inGzip {
			err = fmt.Errorf("%w: a gzip inside a gzip", ErrUnsupported)
			break
		}
		var zr *gzip.Reader
		zr, err = gzip.NewReader(br)
		if err != nil {
			err = fmt.Errorf("%w: gzip: %w", ErrCorrupt, err)
			break
		}
		zr.Multistream(false)
		return rd.stream(name, zr, true)
	case formatZip:
		err = fmt.Errorf("%w: a zip needs random access; read it as a file", ErrUnsupported)
	case formatXML:
		res, err = rd.readXML(name, br)
	case formatStravaCSV:
		res, err = rd.readStrava(name, br, nil)
	default:
		err = fmt.Errorf("%w: not a FIT, TCX, Apple Health or Strava file", ErrUnsupported)
	}
	if err != nil {
		return fileResult(name, err)
	}
	for i := range res.Sessions {
		if res.Sessions[i].File == "" {
			res.Sessions[i].File = name
		}
	}
	for i := range res.Sleep {
		res.Sleep[i].File = name
	}
	rd.sessions += len(res.Sessions)
	rd.sleep += len(res.Sleep)
	return res
}

// corrupt marks a decoding error as ErrCorrupt unless it already carries
// a reason (a bound that was hit, for one).
func corrupt(err error) error {
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrCorrupt) || errors.Is(err, ErrUnsupported) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrCorrupt, err)
}
