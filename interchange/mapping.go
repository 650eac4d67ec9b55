package interchange

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"cooldown/coach"
)

// The reasons Map leaves a session out; test with errors.Is.
var (
	// ErrNotTraining: meditation, breathing, a multisport transition,
	// driving and the like.
	ErrNotTraining = errors.New("not training")
	// ErrTooShort: under a minute of moving time.
	ErrTooShort = errors.New("under a minute")
)

// MaxMinutes is the longest workout cooldown keeps; longer sessions are
// capped with a note.
const MaxMinutes = 600

// Source is where an imported workout came from.
type Source struct {
	Kind SourceKind
	ID   string // the activity's own id in that source
	File string
}

// Imported is one session mapped to coach values: the workout for a day.
type Imported struct {
	Date    coach.Date
	Kind    coach.Kind
	Minutes int       // 1 to MaxMinutes
	RPE     int       // CR-10, 1 to 10; 0 = not yet given
	Start   time.Time // the start instant, in the zone that decided Date
	// ZoneFrom says where that zone came from: the file, a linked FIT
	// file, or (OffsetNone) the zone the caller passed.
	ZoneFrom     OffsetSource
	AvgHR, MaxHR int
	Source       Source
	Notes        []string // what the mapping changed or guessed, for the person
}

// Map turns a session into a workout for a coach day. loc is this
// machine's zone, used when the file gives no offset (the zone at the
// session's date, so a session recorded while travelling can land on the
// neighbouring day); dayStartHour is coach's setting (a session before it
// counts for the evening before). The kind comes from the sport tables
// (README "Workouts from device files"); minutes from the moving time
// (else the elapsed time), rounded, capped at MaxMinutes with a note;
// the effort is the one the person rated, rounded to the CR-10 scale, or
// 0 when not given. A session that is not training (ErrNotTraining) or
// under a minute (ErrTooShort) gives an error instead.
func Map(s Session, loc *time.Location, dayStartHour int) (Imported, error) {
	kind, known := kindOf(s.Sport, s.SubSport)
	what := s.Sport
	if s.SubSport != "" {
		what += "/" + s.SubSport
	}
	if kind == notTraining {
		return Imported{}, fmt.Errorf("%s session at %s: %w", what, s.Start.Format(time.RFC3339), ErrNotTraining)
	}
	var notes []string
	if !known {
		notes = append(notes, fmt.Sprintf("sport %q is not in the table; counted as %s", clip(what, 60), kind))
	}
	dur := s.Timer
	if dur <= 0 {
		dur = s.Elapsed
		if dur > 0 {
			notes = append(notes, "no moving time in the file; elapsed time used")
		}
	}
	if dur < time.Minute {
		return Imported{}, fmt.Errorf("%s session at %s (%s): %w", what, s.Start.Format(time.RFC3339), dur.Round(time.Second), ErrTooShort)
	}
	minutes := int(math.Round(dur.Minutes()))
	if minutes > MaxMinutes {
		notes = append(notes, fmt.Sprintf("recorded %d minutes; capped at %d", minutes, MaxMinutes))
		minutes = MaxMinutes
	}
	rpe := 0
	if s.RPE > 0 {
		if r := int(math.Round(s.RPE)); s.RPE <= 10 {
			rpe = max(r, 1)
		} else {
			notes = append(notes, fmt.Sprintf("effort %g is past the CR-10 scale; not taken", s.RPE))
		}
	}
	zone := loc
	if s.OffsetFrom != OffsetNone {
		zone = time.FixedZone(offsetName(s.Offset), int(s.Offset/time.Second))
	}
	if zone == nil {
		zone = time.UTC
	}
	return Imported{
		Date:     coach.DateAt(s.Start, zone, dayStartHour),
		Kind:     kind,
		Minutes:  minutes,
		RPE:      rpe,
		Start:    s.Start.In(zone),
		ZoneFrom: s.OffsetFrom,
		AvgHR:    s.AvgHR,
		MaxHR:    s.MaxHR,
		Source:   Source{Kind: s.Source, ID: s.ID, File: s.File},
		Notes:    notes,
	}, nil
}

// offsetName writes an offset as "+01:00".
func offsetName(d time.Duration) string {
	sign := '+'
	if d < 0 {
		sign, d = '-', -d
	}
	return fmt.Sprintf("%c%02d:%02d", sign, int(d.Hours()), int(d.Minutes())%60)
}

// Asleep returns the time asleep within [from, to): the union of the
// intervals, so a night recorded by both a watch and a phone counts once.
func Asleep(sleep []Sleep, from, to time.Time) time.Duration {
	type span struct{ a, b time.Time }
	var spans []span
	for _, s := range sleep {
		a, b := s.Start, s.End
		if a.Before(from) {
			a = from
		}
		if b.After(to) {
			b = to
		}
		if b.After(a) {
			spans = append(spans, span{a, b})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].a.Before(spans[j].a) })
	var total time.Duration
	var cur span
	for i, s := range spans {
		switch {
		case i == 0:
			cur = s
		case !s.a.After(cur.b):
			if s.b.After(cur.b) {
				cur.b = s.b
			}
		default:
			total += cur.b.Sub(cur.a)
			cur = s
		}
	}
	if len(spans) > 0 {
		total += cur.b.Sub(cur.a)
	}
	return total
}
