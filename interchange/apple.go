package interchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Apple Health export names, as they appear in export.xml.
const (
	appleSleepType     = "HKCategoryTypeIdentifierSleepAnalysis"
	appleEffortType    = "HKQuantityTypeIdentifierWorkoutEffortScore" // rated by the person; not the Estimated… one
	appleHeartRateType = "HKQuantityTypeIdentifierHeartRate"
	appleDateLayout    = "2006-01-02 15:04:05 -0700"
	appleWorkoutPrefix = "HKWorkoutActivityType"
)

// appleSleepStages maps the sleep analysis values that mean asleep to a
// stage; in bed and awake are not sleep and are left out.
var appleSleepStages = map[string]string{
	"HKCategoryValueSleepAnalysisAsleepCore":        "core",
	"HKCategoryValueSleepAnalysisAsleepDeep":        "deep",
	"HKCategoryValueSleepAnalysisAsleepREM":         "rem",
	"HKCategoryValueSleepAnalysisAsleepUnspecified": "asleep",
	"HKCategoryValueSleepAnalysisAsleep":            "asleep", // before iOS 16
}

// appleEffort is one rated effort, matched to a workout by time.
type appleEffort struct {
	start, end time.Time
	value      float64
}

// readApple streams an Apple Health export.xml (its root element read):
// Workout elements become sessions, asleep sleep analysis records become
// Sleep, and WorkoutEffortScore records give the workouts their rated
// effort. Every other record is passed over token by token.
func (rd *reader) readApple(d *xmlDoc) (Result, error) {
	var res Result
	var efforts []appleEffort
	var w *Session // the workout being read
	depth := 0     // element depth inside it: its statistics are at 1, a WorkoutActivity's deeper
	// Source names repeat on every record: keep one copy of each.
	sources := map[string]string{}
	source := func(name string) string {
		if v, ok := sources[name]; ok {
			return v
		}
		v := clip(name, 100)
		if len(sources) < 1000 {
			sources[name] = v
		}
		return v
	}
	maxSessions := rd.lim.Sessions - rd.sessions
	maxSleep := rd.lim.SleepRecords - rd.sleep
	for {
		tok, err := d.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Result{}, d.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if w != nil {
				depth++
			}
			switch t.Name.Local {
			case "Record":
				switch attr(t, "type") {
				case appleSleepType:
					stage, ok := appleSleepStages[attr(t, "value")]
					if !ok {
						continue
					}
					start, end, err := appleInterval(t)
					if err != nil {
						return Result{}, &FileError{File: d.name, Where: d.where(), Err: err}
					}
					if len(res.Sleep)+len(efforts) >= maxSleep {
						return Result{}, fmt.Errorf("%w: more than %d sleep and effort records", ErrTooLarge, maxSleep)
					}
					res.Sleep = append(res.Sleep, Sleep{Start: start, End: end, Stage: stage, Source: source(attr(t, "sourceName"))})
				case appleEffortType:
					start, end, err := appleInterval(t)
					if err != nil {
						return Result{}, &FileError{File: d.name, Where: d.where(), Err: err}
					}
					v, err := strconv.ParseFloat(attr(t, "value"), 64)
					if err != nil || v < 0 || v > 10 {
						return Result{}, &FileError{File: d.name, Where: d.where(), Err: fmt.Errorf("%w: effort score %q: want 1 to 10", ErrCorrupt, clip(attr(t, "value"), 20))}
					}
					if len(res.Sleep)+len(efforts) >= maxSleep {
						return Result{}, fmt.Errorf("%w: more than %d sleep and effort records", ErrTooLarge, maxSleep)
					}
					efforts = append(efforts, appleEffort{start, end, v})
				}
			case "Workout":
				s, err := appleWorkout(t)
				if err != nil {
					return Result{}, &FileError{File: d.name, Where: d.where(), Err: err}
				}
				w, depth = &s, 0
			case "WorkoutStatistics":
				if w != nil && depth == 1 && attr(t, "type") == appleHeartRateType {
					w.AvgHR = appleBPM(attr(t, "average"))
					w.MaxHR = appleBPM(attr(t, "maximum"))
				}
			}
		case xml.EndElement:
			if w != nil && depth > 0 {
				depth--
				continue
			}
			if t.Name.Local == "Workout" && w != nil {
				if len(res.Sessions) >= maxSessions {
					return Result{}, fmt.Errorf("%w: more than %d workouts", ErrTooLarge, maxSessions)
				}
				res.Sessions = append(res.Sessions, *w)
				w = nil
			}
		}
	}
	matchEfforts(res.Sessions, efforts)
	if len(res.Sessions) == 0 && len(res.Sleep) == 0 {
		return Result{}, ErrNoWorkout
	}
	return res, nil
}

// appleWorkout reads a Workout element's attributes.
func appleWorkout(t xml.StartElement) (Session, error) {
	start, end, err := appleInterval(t)
	if err != nil {
		return Session{}, err
	}
	typ := attr(t, "workoutActivityType")
	s := Session{
		Source:  SourceAppleHealth,
		Start:   start,
		Sport:   clip(typ, 80),
		Elapsed: end.Sub(start),
	}
	if d := attr(t, "duration"); d != "" {
		v, err := strconv.ParseFloat(d, 64)
		if err != nil || v < 0 {
			return Session{}, fmt.Errorf("%w: workout duration %q is not a number", ErrCorrupt, clip(d, 20))
		}
		switch attr(t, "durationUnit") {
		case "min", "":
			s.Timer = seconds(v * 60)
		case "s", "sec":
			s.Timer = seconds(v)
		case "hr", "h":
			s.Timer = seconds(v * 3600)
		default:
			return Session{}, fmt.Errorf("%w: workout duration unit %q", ErrCorrupt, clip(attr(t, "durationUnit"), 20))
		}
	}
	s.ID = fmt.Sprintf("%s %s %s", start.Format(time.RFC3339), strings.TrimPrefix(s.Sport, appleWorkoutPrefix), clip(attr(t, "sourceName"), 60))
	return s, nil
}

// appleInterval reads startDate and endDate ("2024-03-01 07:10:00 +0100").
// The offset Apple writes is the phone's zone when the export was made,
// not where the workout happened, so only the instant is kept.
func appleInterval(t xml.StartElement) (time.Time, time.Time, error) {
	start, err := time.Parse(appleDateLayout, attr(t, "startDate"))
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("%w: startDate %q: want YYYY-MM-DD hh:mm:ss +hhmm", ErrCorrupt, clip(attr(t, "startDate"), 40))
	}
	end, err := time.Parse(appleDateLayout, attr(t, "endDate"))
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("%w: endDate %q: want YYYY-MM-DD hh:mm:ss +hhmm", ErrCorrupt, clip(attr(t, "endDate"), 40))
	}
	if end.Before(start) {
		return time.Time{}, time.Time{}, fmt.Errorf("%w: endDate before startDate", ErrCorrupt)
	}
	return start.UTC(), end.UTC(), nil
}

func appleBPM(s string) int {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || v > 300 {
		return 0
	}
	return int(v + 0.5)
}

// matchEfforts gives each workout the rated effort recorded for it: the
// effort sample Apple relates to a workout spans (or starts within) the
// workout's time, so the one overlapping it, nearest its start, is taken.
func matchEfforts(ws []Session, efforts []appleEffort) {
	if len(efforts) == 0 {
		return
	}
	sort.Slice(efforts, func(i, j int) bool { return efforts[i].start.Before(efforts[j].start) })
	const slack = time.Minute
	for i := range ws {
		w := &ws[i]
		end := w.Start.Add(w.Elapsed)
		// The first effort that could overlap: start after w.Start-slack-…
		// efforts are short, so search from those starting a day before.
		j := sort.Search(len(efforts), func(k int) bool { return !efforts[k].start.Before(w.Start.Add(-24 * time.Hour)) })
		best, bestGap := -1, time.Duration(1<<62)
		for ; j < len(efforts) && !efforts[j].start.After(end.Add(slack)); j++ {
			e := efforts[j]
			if e.end.Before(w.Start.Add(-slack)) {
				continue
			}
			gap := e.start.Sub(w.Start)
			if gap < 0 {
				gap = -gap
			}
			if gap < bestGap {
				best, bestGap = j, gap
			}
		}
		if best >= 0 {
			w.RPE = efforts[best].value
		}
	}
}
