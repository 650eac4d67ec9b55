package interchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// readGPX reads a GPX route linked from a Strava activities.csv row: its
// start is the first track point's time (else the metadata time) and its
// elapsed time runs to the last track point. Its root element has been
// read.
func readGPX(d *xmlDoc) (Session, error) {
	var first, last, meta time.Time
	var sport string
	var stack []string
	for {
		tok, err := d.dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return Session{}, d.fail(io.ErrUnexpectedEOF)
			}
			break
		}
		if err != nil {
			return Session{}, d.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			name := t.Name.Local
			if (name == "time" && (parent == "trkpt" || parent == "metadata")) || (name == "type" && parent == "trk") {
				text, err := d.text()
				if err != nil {
					return Session{}, err
				}
				if name == "type" {
					sport = text
					continue
				}
				tm, err := time.Parse(time.RFC3339, text)
				if err != nil {
					return Session{}, &FileError{File: d.name, Where: d.where(), Err: fmt.Errorf("%w: time %q: want RFC 3339", ErrCorrupt, clip(text, 40))}
				}
				switch {
				case parent == "metadata":
					meta = tm
				case first.IsZero() || tm.Before(first):
					first = tm
				}
				if parent == "trkpt" && tm.After(last) {
					last = tm
				}
				continue
			}
			if len(stack) >= maxXMLDepth {
				return Session{}, d.fail(fmt.Errorf("%w: elements nested deeper than %d", ErrTooLarge, maxXMLDepth))
			}
			stack = append(stack, name)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	s := Session{Sport: sport}
	switch {
	case !first.IsZero():
		s.Start = first.UTC()
		s.Elapsed = last.Sub(first)
	case !meta.IsZero():
		s.Start = meta.UTC()
	default:
		return Session{}, ErrNoWorkout
	}
	return s, nil
}
