package interchange

import (
	"errors"
	"fmt"
)

// The reasons a file is refused or skipped; test with errors.Is.
var (
	// ErrUnsupported: the file is readable but of a kind that holds no
	// workout for cooldown (a FIT planned workout, settings, monitoring or
	// weight file, a route alone, an unknown format). Not an error.
	ErrUnsupported = errors.New("unsupported file")
	// ErrNoWorkout: an activity file that records no workout.
	ErrNoWorkout = errors.New("no workout recorded")
	// ErrCorrupt: the file is truncated or does not follow its format.
	ErrCorrupt = errors.New("truncated or corrupt")
	// ErrTooLarge: the file, a gzip or zip expansion, or a count in it is
	// past the bound set in Limits.
	ErrTooLarge = errors.New("past the size bound")
	// ErrOutside: a zip entry whose path leaves the archive, or a symlink
	// in a folder that points outside it.
	ErrOutside = errors.New("path leaves the folder or archive")
)

// FileError is a file that was refused or skipped: which file, where in it
// (a line, row or byte position, when known) and why.
type FileError struct {
	File  string // the file name, or the path inside a folder or zip
	Where string // "line 12", "row 4", "" when the whole file is concerned
	Err   error  // wraps one of the Err* reasons above
}

// Error names the file, the place in it and the reason.
func (e *FileError) Error() string {
	if e.Where == "" {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.File, e.Where, e.Err)
}

// Unwrap returns the reason, for errors.Is.
func (e *FileError) Unwrap() error { return e.Err }

// skippable reports whether err means "nothing to import" rather than a
// file that could not be read.
func skippable(err error) bool {
	return errors.Is(err, ErrUnsupported) || errors.Is(err, ErrNoWorkout)
}

// fileResult files a per-file error under Refused or Skipped.
func fileResult(name string, err error) Result {
	var fe *FileError
	if !errors.As(err, &fe) {
		fe = &FileError{File: name, Err: err}
	} else if fe.File == "" {
		fe.File = name
	}
	if skippable(err) {
		return Result{Skipped: []*FileError{fe}}
	}
	return Result{Refused: []*FileError{fe}}
}
