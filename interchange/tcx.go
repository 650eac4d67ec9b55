package interchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"
)

// maxXMLDepth bounds element nesting in TCX and GPX files.
const maxXMLDepth = 64

// tcxActivity gathers one <Activity> of a TCX file.
type tcxActivity struct {
	sport      string
	id         string
	start      time.Time
	timer      float64 // seconds, summed over laps
	hrWeighted float64 // lap average heart rate times lap seconds
	hrSeconds  float64
	maxHR      int
	end        time.Time // the latest trackpoint or lap end
	// the lap being read
	lapStart time.Time
	lapSecs  float64
	lapAvgHR int
}

// readTCX reads the Activities of a Garmin Training Center file, one
// session per Activity; its root element has been read.
func readTCX(d *xmlDoc, maxSessions int) ([]Session, error) {
	var out []Session
	var stack []string
	var act *tcxActivity
	parent := func() string {
		if len(stack) == 0 {
			return ""
		}
		return stack[len(stack)-1]
	}
	for {
		tok, err := d.dec.Token()
		if err == io.EOF {
			if len(stack) > 0 || act != nil {
				return nil, d.fail(io.ErrUnexpectedEOF)
			}
			break
		}
		if err != nil {
			return nil, d.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			var text string
			needText := (name == "Id" && parent() == "Activity") ||
				(name == "TotalTimeSeconds" && parent() == "Lap") ||
				(name == "Value" && (parent() == "AverageHeartRateBpm" || parent() == "MaximumHeartRateBpm")) ||
				(name == "Time" && parent() == "Trackpoint")
			if needText && act != nil {
				if text, err = d.text(); err != nil {
					return nil, err
				}
				if err := act.set(name, parent(), text, stack); err != nil {
					return nil, &FileError{File: d.name, Where: d.where(), Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
				}
				continue
			}
			if len(stack) >= maxXMLDepth {
				return nil, d.fail(fmt.Errorf("%w: elements nested deeper than %d", ErrTooLarge, maxXMLDepth))
			}
			stack = append(stack, name)
			switch name {
			case "Activity":
				act = &tcxActivity{sport: attr(t, "Sport")}
			case "Lap":
				if act != nil {
					act.lapSecs, act.lapAvgHR = 0, 0
					act.lapStart, _ = time.Parse(time.RFC3339, attr(t, "StartTime"))
				}
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case name == "Lap" && act != nil:
				act.endLap()
			case name == "Activity" && act != nil:
				if s, ok := act.session(); ok {
					if len(out) >= maxSessions {
						return nil, fmt.Errorf("%w: more than %d sessions", ErrTooLarge, maxSessions)
					}
					out = append(out, s)
				}
				act = nil
			}
		}
	}
	if len(out) == 0 {
		return nil, ErrNoWorkout
	}
	return out, nil
}

// set takes the text of one element the reader asked for.
func (a *tcxActivity) set(name, parent, text string, stack []string) error {
	switch name {
	case "Id":
		a.id = text
		t, err := time.Parse(time.RFC3339, text)
		if err == nil {
			a.start = t
		}
	case "TotalTimeSeconds":
		v, err := strconv.ParseFloat(text, 64)
		if err != nil || v < 0 || v > 1e7 {
			return fmt.Errorf("lap time %q is not a number of seconds", clip(text, 30))
		}
		a.lapSecs = v
	case "Value":
		v, err := strconv.Atoi(text)
		if err != nil || v < 0 || v > 300 {
			return fmt.Errorf("heart rate %q is not a number of beats per minute", clip(text, 30))
		}
		if parent == "AverageHeartRateBpm" && len(stack) >= 2 && stack[len(stack)-2] == "Lap" {
			a.lapAvgHR = v
		} else if parent == "MaximumHeartRateBpm" && len(stack) >= 2 && stack[len(stack)-2] == "Lap" {
			a.maxHR = max(a.maxHR, v)
		}
	case "Time":
		t, err := time.Parse(time.RFC3339, text)
		if err != nil {
			return fmt.Errorf("trackpoint time %q: want RFC 3339", clip(text, 40))
		}
		if t.After(a.end) {
			a.end = t
		}
	}
	return nil
}

func (a *tcxActivity) endLap() {
	a.timer += a.lapSecs
	if a.lapAvgHR > 0 && a.lapSecs > 0 {
		a.hrWeighted += float64(a.lapAvgHR) * a.lapSecs
		a.hrSeconds += a.lapSecs
	}
	if !a.lapStart.IsZero() {
		if a.start.IsZero() || a.lapStart.Before(a.start) {
			a.start = a.lapStart
		}
		if end := a.lapStart.Add(seconds(a.lapSecs)); end.After(a.end) {
			a.end = end
		}
	}
}

func (a *tcxActivity) session() (Session, bool) {
	if a.start.IsZero() {
		return Session{}, false
	}
	s := Session{
		Source: SourceTCX,
		ID:     a.start.UTC().Format(time.RFC3339),
		Start:  a.start.UTC(),
		Sport:  a.sport,
		Timer:  seconds(a.timer),
		MaxHR:  a.maxHR,
	}
	if a.end.After(a.start) {
		s.Elapsed = a.end.Sub(a.start)
	}
	if a.hrSeconds > 0 {
		s.AvgHR = int(a.hrWeighted/a.hrSeconds + 0.5)
	}
	return s, s.Timer > 0 || s.Elapsed > 0
}

// seconds converts a count of seconds to a duration, bounded to a year so
// a wild value cannot overflow.
func seconds(v float64) time.Duration {
	if v <= 0 || v != v {
		return 0
	}
	v = min(v, 366*24*3600)
	return time.Duration(v * float64(time.Second))
}
