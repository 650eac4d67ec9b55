package interchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// xmlDoc is one XML file being read token by token.
type xmlDoc struct {
	name string
	dec  *xml.Decoder
}

// where names the line the decoder has reached, for messages.
func (d *xmlDoc) where() string {
	line, _ := d.dec.InputPos()
	return fmt.Sprintf("line %d", line)
}

// fail wraps err as a FileError at the current line.
func (d *xmlDoc) fail(err error) error {
	return &FileError{File: d.name, Where: d.where(), Err: corrupt(err)}
}

// readXML reads an XML file and hands it to the reader its root element
// names: TrainingCenterDatabase (TCX), gpx (a route), HealthData (Apple).
func (rd *reader) readXML(name string, r io.Reader) (Result, error) {
	// The Apple bound is the larger; TCX and GPX are checked against
	// FileBytes by their own bounded reader below.
	br := bounded(r, rd.lim.AppleBytes, "XML file")
	dec := xml.NewDecoder(&runBound{r: br, sep: '>', max: rd.lim.TokenBytes})
	dec.Strict = true
	doc := &xmlDoc{name: name, dec: dec}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return Result{}, fmt.Errorf("%w: XML without a root element", ErrCorrupt)
		}
		if err != nil {
			// Before the root element: not an XML file this package reads
			// (an HTML page, a plist), rather than a damaged one.
			return Result{}, fmt.Errorf("%w: not well-formed XML (%s: %v)", ErrUnsupported, doc.where(), err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch start.Name.Local {
		case "TrainingCenterDatabase":
			br.n -= rd.lim.AppleBytes - rd.lim.FileBytes // now bound by FileBytes
			br.max = rd.lim.FileBytes
			s, err := readTCX(doc, rd.lim.Sessions-rd.sessions)
			return Result{Sessions: s}, err
		case "gpx":
			if !rd.linked {
				return Result{}, fmt.Errorf("%w: a GPX route alone holds no workout (read as part of a Strava export)", ErrUnsupported)
			}
			br.n -= rd.lim.AppleBytes - rd.lim.FileBytes
			br.max = rd.lim.FileBytes
			s, err := readGPX(doc)
			if err != nil {
				return Result{}, err
			}
			return Result{Sessions: []Session{s}}, nil
		case "HealthData":
			return rd.readApple(doc)
		default:
			return Result{}, fmt.Errorf("%w: XML with root element %q", ErrUnsupported, clip(start.Name.Local, 40))
		}
	}
}

// attr returns the value of the attribute named local, or "".
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// clip shortens text from a file for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// text collects the character data of the current element up to its end.
func (d *xmlDoc) text() (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := d.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", d.fail(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 0 && b.Len() < 256 {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return strings.TrimSpace(b.String()), nil
			}
			depth--
		}
	}
}
