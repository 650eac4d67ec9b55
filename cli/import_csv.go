package cli

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
)

// A CSV file given to import gets a word of advice with its refusal:
// import reads cooldown's JSON export (and device files), not the CSV
// export, which is for spreadsheets, nor any other CSV file.

// Advice added to the refusal of a CSV file.
const (
	exportCSVAdvice = "import reads cooldown's JSON export, not its CSV export (that one is for spreadsheets): write the JSON with `cooldown export -o FILE`"
	otherCSVAdvice  = "import reads cooldown's JSON export (`cooldown export`) and FIT, TCX, Apple Health and Strava files; this looks like another CSV file"
)

// headBytes is how much of a file csvAdvice looks at: the header line of
// cooldown's CSV export is about 250 bytes.
const headBytes = 1024

// csvAdvice returns err, a refused import (a usage error), with a line of
// advice when head, the start of the file, looks like CSV. Any other
// error is returned as it is.
func csvAdvice(err error, head []byte) error {
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitUsage {
		return err
	}
	switch {
	case isExportCSV(head):
		return &exitError{code: ee.code, msg: ee.msg + "\n" + exportCSVAdvice}
	case looksCSV(head):
		return &exitError{code: ee.code, msg: ee.msg + "\n" + otherCSVAdvice}
	}
	return err
}

// fileHead returns the start of the file at path, nothing when it cannot
// be read.
func fileHead(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, headBytes)
	n, _ := io.ReadFull(f, head)
	return head[:n]
}

// peekHead returns a reader that reads what r reads, and the start of it.
func peekHead(r io.Reader) (io.Reader, []byte) {
	br := bufio.NewReaderSize(r, headBytes)
	head, _ := br.Peek(headBytes)
	return br, head
}

// firstLine is the first line of head, without a byte order mark.
func firstLine(head []byte) []byte {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		head = head[:i]
	}
	return head
}

// isExportCSV reports whether head starts as cooldown's CSV export does.
func isExportCSV(head []byte) bool {
	return bytes.HasPrefix(firstLine(head), []byte("date,workouts,"))
}

// looksCSV reports whether head starts with a line of text holding at
// least one comma or semicolon, and no brace (JSON) or angle bracket
// (XML). Strava's activities.csv, which import reads, is not one: a
// refusal of it is about its content, not its format (its header holds
// "Activity ID" and "Activity Date", as interchange's sniff tells it).
func looksCSV(head []byte) bool {
	l := firstLine(head)
	if len(l) == 0 || bytes.ContainsAny(l, "{}<>\x00") {
		return false
	}
	if bytes.Contains(l, []byte("Activity ID")) && bytes.Contains(l, []byte("Activity Date")) {
		return false
	}
	for _, c := range l {
		if c < ' ' && c != '\t' {
			return false
		}
	}
	return bytes.ContainsAny(l, ",;")
}
