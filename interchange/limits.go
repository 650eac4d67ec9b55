package interchange

import (
	"bytes"
	"fmt"
	"io"
)

// Limits bounds every input. A zero field takes its default (see
// DefaultLimits).
type Limits struct {
	// FileBytes bounds one FIT, TCX, GPX or CSV file after decompression
	// (so it also bounds what a .gz may expand to). Default 256 MiB.
	FileBytes int64
	// AppleBytes bounds an Apple Health export.xml after decompression.
	// Default 16 GiB.
	AppleBytes int64
	// ArchiveBytes bounds everything the entries of one zip expand to.
	// Default 32 GiB.
	ArchiveBytes int64
	// Entries bounds the files in one zip or folder. Default 100,000.
	Entries int
	// Depth bounds folder nesting. Default 16.
	Depth int
	// Sessions bounds the sessions in one read. Default 200,000.
	Sessions int
	// SleepRecords bounds the sleep intervals (and effort ratings) in one
	// read. Default 2,000,000.
	SleepRecords int
	// TokenBytes bounds one XML token (an element with its attributes, or
	// text between elements) and one CSV line. Default 1 MiB.
	TokenBytes int
}

// DefaultLimits returns the bounds used where a Limits field is zero.
func DefaultLimits() Limits {
	return Limits{
		FileBytes:    256 << 20,
		AppleBytes:   16 << 30,
		ArchiveBytes: 32 << 30,
		Entries:      100_000,
		Depth:        16,
		Sessions:     200_000,
		SleepRecords: 2_000_000,
		TokenBytes:   1 << 20,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.FileBytes <= 0 {
		l.FileBytes = d.FileBytes
	}
	if l.AppleBytes <= 0 {
		l.AppleBytes = d.AppleBytes
	}
	if l.ArchiveBytes <= 0 {
		l.ArchiveBytes = d.ArchiveBytes
	}
	if l.Entries <= 0 {
		l.Entries = d.Entries
	}
	if l.Depth <= 0 {
		l.Depth = d.Depth
	}
	if l.Sessions <= 0 {
		l.Sessions = d.Sessions
	}
	if l.SleepRecords <= 0 {
		l.SleepRecords = d.SleepRecords
	}
	if l.TokenBytes <= 0 {
		l.TokenBytes = d.TokenBytes
	}
	return l
}

// boundedReader fails with ErrTooLarge once more than n bytes have come
// through, instead of silently stopping as io.LimitReader does (a silent
// stop would turn an oversized file into a "truncated" one).
type boundedReader struct {
	r    io.Reader
	n    int64 // bytes still allowed
	max  int64
	what string
}

func bounded(r io.Reader, max int64, what string) *boundedReader {
	return &boundedReader{r: r, n: max, max: max, what: what}
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.n < 0 {
		return 0, fmt.Errorf("%w: %s over %d bytes", ErrTooLarge, b.what, b.max)
	}
	if int64(len(p)) > b.n+1 {
		p = p[:b.n+1]
	}
	n, err := b.r.Read(p)
	b.n -= int64(n)
	if b.n < 0 {
		n += int(b.n) // hand on only the allowed bytes
		return n, fmt.Errorf("%w: %s over %d bytes", ErrTooLarge, b.what, b.max)
	}
	return n, err
}

// runBound fails once more than max bytes pass without the byte sep. For
// XML with sep '>', it bounds every token (a start element with its
// attributes, a run of text), which encoding/xml would otherwise hold
// whole in memory; for CSV with sep '\n', every line.
type runBound struct {
	r   io.Reader
	sep byte
	max int
	run int // bytes since the last sep
}

func (b *runBound) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	chunk := p[:n]
	if i := bytes.LastIndexByte(chunk, b.sep); i >= 0 {
		// Check the run before the first separator, then restart after the last.
		first := bytes.IndexByte(chunk, b.sep)
		if b.run+first > b.max {
			return 0, fmt.Errorf("%w: more than %d bytes without %q", ErrTooLarge, b.max, b.sep)
		}
		// Runs between separators inside the chunk.
		for rest := chunk[first+1 : i+1]; len(rest) > 0; {
			j := bytes.IndexByte(rest, b.sep)
			if j > b.max {
				return 0, fmt.Errorf("%w: more than %d bytes without %q", ErrTooLarge, b.max, b.sep)
			}
			rest = rest[j+1:]
		}
		b.run = n - i - 1
	} else {
		b.run += n
	}
	if b.run > b.max {
		return 0, fmt.Errorf("%w: more than %d bytes without %q", ErrTooLarge, b.max, b.sep)
	}
	return n, err
}
