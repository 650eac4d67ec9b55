package interchange

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// The activities.csv columns this reader uses. Strava repeats some names
// (Elapsed Time, Max Heart Rate, Distance, ...): the first occurrence with
// a value that parses wins. Columns it does not know, including Strava's
// "translation missing: ..." headers, are ignored.
const (
	stravaID       = "Activity ID"
	stravaDate     = "Activity Date"
	stravaType     = "Activity Type"
	stravaElapsed  = "Elapsed Time"
	stravaMoving   = "Moving Time"
	stravaRPE      = "Perceived Exertion"
	stravaAvgHR    = "Average Heart Rate"
	stravaMaxHR    = "Max Heart Rate"
	stravaFilename = "Filename"
)

// linker reads the file an activities.csv row names (a path relative to
// the folder of activities.csv); ok is false when no such file is there.
type linker func(filename string) (res Result, ok bool)

// readStrava reads a Strava bulk export's activities.csv. Each row is one
// session; with link set, the FIT, GPX or TCX file the row names is read
// too and the two make one session (the file gives the start instant and
// the FIT local offset, the row the type, times and effort the person
// may have edited on Strava). Dates are UTC in the export.
func (rd *reader) readStrava(name string, r io.Reader, link linker) (Result, error) {
	cr := csv.NewReader(&runBound{r: bounded(r, rd.lim.FileBytes, "activities.csv"), sep: '\n', max: rd.lim.TokenBytes})
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return Result{}, &FileError{File: name, Where: "line 1", Err: corrupt(err)}
	}
	cols := map[string][]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		cols[h] = append(cols[h], i)
	}
	for _, need := range []string{stravaID, stravaDate, stravaType} {
		if len(cols[need]) == 0 {
			return Result{}, &FileError{File: name, Where: "line 1", Err: fmt.Errorf("%w: no %q column", ErrUnsupported, need)}
		}
	}
	var res Result
	maxSessions := rd.lim.Sessions - rd.sessions
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			where := ""
			if errors.As(err, &pe) {
				where = fmt.Sprintf("line %d", pe.Line)
				err = pe.Err
			}
			return Result{}, &FileError{File: name, Where: where, Err: corrupt(err)}
		}
		line, _ := cr.FieldPos(0)
		where := fmt.Sprintf("line %d", line)
		get := func(col string) string {
			for _, i := range cols[col] {
				if v := strings.TrimSpace(row[i]); v != "" {
					return v
				}
			}
			return ""
		}
		num := func(col string) float64 {
			for _, i := range cols[col] {
				if v, ok := parseNumber(row[i]); ok {
					return v
				}
			}
			return 0
		}
		if len(res.Sessions) >= maxSessions {
			return Result{}, fmt.Errorf("%w: more than %d activities", ErrTooLarge, maxSessions)
		}
		id := get(stravaID)
		if id == "" || strings.Trim(id, "0123456789") != "" || len(id) > 20 {
			return Result{}, &FileError{File: name, Where: where, Err: fmt.Errorf("%w: activity id %q is not a number", ErrCorrupt, clip(id, 30))}
		}
		start, err := parseStravaDate(get(stravaDate))
		if err != nil {
			return Result{}, &FileError{File: name, Where: where, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
		}
		s := Session{
			Source:  SourceStrava,
			ID:      id,
			File:    name,
			Start:   start,
			Sport:   clip(get(stravaType), 80),
			Timer:   seconds(num(stravaMoving)),
			Elapsed: seconds(num(stravaElapsed)),
			RPE:     num(stravaRPE),
			AvgHR:   bpm(num(stravaAvgHR)),
			MaxHR:   bpm(num(stravaMaxHR)),
		}
		if f := get(stravaFilename); f != "" && link != nil {
			lr, ok := link(f)
			if ok {
				res.Refused = append(res.Refused, lr.Refused...)
				res.Skipped = append(res.Skipped, lr.Skipped...)
				if len(lr.Sessions) > 0 {
					s = mergeLinked(s, nearest(lr.Sessions, s.Start))
				}
			}
		}
		res.Sessions = append(res.Sessions, s)
	}
	if len(res.Sessions) == 0 {
		return res, ErrNoWorkout
	}
	return res, nil
}

// mergeLinked makes one session of a row and its linked file.
func mergeLinked(row, file Session) Session {
	row.File = file.File
	if !file.Start.IsZero() {
		row.Start = file.Start
	}
	if file.OffsetFrom != OffsetNone {
		row.Offset, row.OffsetFrom = file.Offset, OffsetLinkedFile
	}
	if row.Sport == "" {
		row.Sport = file.Sport
	}
	row.SubSport = file.SubSport
	if row.Timer == 0 {
		row.Timer = file.Timer
	}
	if row.Elapsed == 0 {
		row.Elapsed = file.Elapsed
	}
	if row.RPE == 0 {
		row.RPE = file.RPE
	}
	if row.AvgHR == 0 {
		row.AvgHR = file.AvgHR
	}
	if row.MaxHR == 0 {
		row.MaxHR = file.MaxHR
	}
	return row
}

// nearest returns the session whose start is closest to t (a linked FIT
// file of a multisport activity holds several).
func nearest(ss []Session, t time.Time) Session {
	best := ss[0]
	for _, s := range ss[1:] {
		if s.Start.Sub(t).Abs() < best.Start.Sub(t).Abs() {
			best = s
		}
	}
	return best
}

// parseNumber reads a number as Strava's locales write it: "1234.5",
// "1234,5", "1,234.5" or "1.234,5".
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 32 {
		return 0, false
	}
	dot, comma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	switch {
	case dot >= 0 && comma >= 0 && comma > dot: // 1.234,5
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case dot >= 0 && comma >= 0: // 1,234.5
		s = strings.ReplaceAll(s, ",", "")
	case comma >= 0:
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0, false
	}
	return v, true
}

func bpm(v float64) int {
	if v <= 0 || v > 300 {
		return 0
	}
	return int(v + 0.5)
}
