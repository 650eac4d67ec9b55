package interchange

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/muktihari/fit/decoder"
	"github.com/muktihari/fit/kit/datetime"
	"github.com/muktihari/fit/profile/basetype"
	"github.com/muktihari/fit/profile/mesgdef"
	"github.com/muktihari/fit/profile/typedef"
	"github.com/muktihari/fit/profile/untyped/mesgnum"
	"github.com/muktihari/fit/proto"
)

// FIT field numbers read straight from record messages, which are too
// many to turn each into a mesgdef value.
const (
	fitFieldTimestamp = 253
	fitFieldHeartRate = 3
)

// fitListener receives every message of one FIT sequence from the decoder
// as it is decoded and keeps only the few values a Session needs, so a
// file's memory stays the decoder's buffer whatever its length.
type fitListener struct {
	fileID    *mesgdef.FileId
	sessions  []*mesgdef.Session
	activity  *mesgdef.Activity
	sport     typedef.Sport // from a sport or lap message, for files without a session
	subSport  typedef.SubSport
	maxSess   int
	tooMany   bool
	first     time.Time // first and last record timestamps
	last      time.Time
	hrSum     int
	hrN       int
	hrMax     int
	lapTimer  uint64 // sum of lap timer times (ms), for files without a session
	lapsTimed bool
}

func (l *fitListener) OnMesg(m proto.Message) {
	switch m.Num {
	case mesgnum.FileId:
		if l.fileID == nil {
			l.fileID = mesgdef.NewFileId(&m)
		}
	case mesgnum.Session:
		if len(l.sessions) >= l.maxSess {
			l.tooMany = true
			return
		}
		l.sessions = append(l.sessions, mesgdef.NewSession(&m))
	case mesgnum.Activity:
		l.activity = mesgdef.NewActivity(&m)
	case mesgnum.Sport:
		s := mesgdef.NewSport(&m)
		l.sport, l.subSport = s.Sport, s.SubSport
	case mesgnum.Lap:
		lap := mesgdef.NewLap(&m)
		if l.sport == typedef.SportInvalid || l.sport == typedef.SportGeneric {
			l.sport, l.subSport = lap.Sport, lap.SubSport
		}
		if lap.TotalTimerTime != basetype.Uint32Invalid {
			l.lapTimer += uint64(lap.TotalTimerTime)
			l.lapsTimed = true
		}
	case mesgnum.Record:
		if v := m.FieldValueByNum(fitFieldTimestamp).Uint32(); v != basetype.Uint32Invalid {
			t := datetime.ToTime(v)
			if l.first.IsZero() || t.Before(l.first) {
				l.first = t
			}
			if t.After(l.last) {
				l.last = t
			}
		}
		if hr := m.FieldValueByNum(fitFieldHeartRate).Uint8(); hr != basetype.Uint8Invalid && hr > 0 {
			l.hrSum += int(hr)
			l.hrN++
			l.hrMax = max(l.hrMax, int(hr))
		}
	}
}

// readFIT reads a FIT file, chained or not, through the decoder's message
// listener (broadcast only: the decoder keeps no message), and returns one
// Session per session message of each activity in it.
func readFIT(r io.Reader, maxSessions int) ([]Session, error) {
	var out []Session
	var kinds []typedef.File
	activities := 0
	// One decoder and one listener for the whole file; the listener's
	// state is cleared before each sequence of a chained file.
	lis := &fitListener{sport: typedef.SportInvalid, maxSess: maxSessions}
	dec := decoder.New(r, decoder.WithMesgListener(lis), decoder.WithBroadcastOnly())
	for dec.Next() {
		*lis = fitListener{sport: typedef.SportInvalid, maxSess: maxSessions - len(out)}
		if _, err := dec.Decode(); err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, err
			}
			return nil, corrupt(fmt.Errorf("FIT sequence %d: %w", len(kinds)+1, err))
		}
		if lis.tooMany {
			return nil, fmt.Errorf("%w: more than %d sessions", ErrTooLarge, maxSessions)
		}
		if lis.fileID == nil {
			// A chained sequence without file_id (extra heart rate data):
			// nothing of its own to import.
			continue
		}
		kinds = append(kinds, lis.fileID.Type)
		// A file_id without a type (some apps' encoders) counts as an
		// activity when it holds activity messages.
		untyped := lis.fileID.Type == typedef.FileInvalid && (len(lis.sessions) > 0 || lis.activity != nil)
		if lis.fileID.Type != typedef.FileActivity && !untyped {
			continue
		}
		activities++
		out = append(out, lis.result()...)
	}
	switch {
	case len(out) > 0:
		return out, nil
	case activities > 0:
		return nil, ErrNoWorkout
	case len(kinds) == 0:
		return nil, fmt.Errorf("%w: FIT file without a file_id message", ErrUnsupported)
	case kinds[0] == typedef.FileInvalid:
		return nil, fmt.Errorf("%w: FIT file of no stated type, without activity messages", ErrUnsupported)
	default:
		return nil, fmt.Errorf("%w: FIT %s file, not an activity", ErrUnsupported, kinds[0])
	}
}

// result turns what one activity sequence held into sessions: one per
// session message, or, when there is none, one from the activity, lap and
// record messages if they say when and how long.
func (l *fitListener) result() []Session {
	id := l.fileID
	base := fmt.Sprintf("%d-%d-%d", id.Manufacturer, id.SerialNumber, unixOrZero(id.TimeCreated))
	offset, hasOffset := l.localOffset()
	var out []Session
	for _, s := range l.sessions {
		start := s.StartTime
		if start.IsZero() || s.StartTime.Equal(datetime.Epoch()) {
			start = l.first
		}
		if start.IsZero() {
			continue
		}
		out = append(out, Session{
			Source:   SourceFIT,
			ID:       fmt.Sprintf("%s-%d", base, start.Unix()),
			Start:    start.UTC(),
			Sport:    sportName(s.Sport),
			SubSport: subSportName(s.SubSport),
			Timer:    fitDuration(s.TotalTimerTime),
			Elapsed:  fitDuration(s.TotalElapsedTime),
			RPE:      fitRPE(s.WorkoutRpe),
			AvgHR:    fitHR(s.AvgHeartRate),
			MaxHR:    fitHR(s.MaxHeartRate),
		})
	}
	if len(l.sessions) == 0 {
		if s, ok := l.fromActivity(base); ok {
			out = append(out, s)
		}
	}
	if hasOffset {
		for i := range out {
			out[i].Offset, out[i].OffsetFrom = offset, OffsetFIT
		}
	}
	return out
}

// fromActivity builds the one session of an activity file that has no
// session message: start from the first record, time from the activity's
// timer, else the laps', else the records' span.
func (l *fitListener) fromActivity(base string) (Session, bool) {
	var timer time.Duration
	if l.activity != nil {
		timer = fitDuration(l.activity.TotalTimerTime)
	}
	if timer == 0 && l.lapsTimed {
		timer = time.Duration(l.lapTimer) * time.Millisecond
	}
	start := l.first
	if start.IsZero() && timer > 0 && l.activity != nil && !l.activity.Timestamp.IsZero() {
		start = l.activity.Timestamp.Add(-timer)
	}
	var elapsed time.Duration
	if !l.first.IsZero() {
		elapsed = l.last.Sub(l.first)
	}
	if start.IsZero() || (timer == 0 && elapsed == 0) {
		return Session{}, false
	}
	s := Session{
		Source:   SourceFIT,
		ID:       fmt.Sprintf("%s-%d", base, start.Unix()),
		Start:    start.UTC(),
		Sport:    sportName(l.sport),
		SubSport: subSportName(l.subSport),
		Timer:    timer,
		Elapsed:  elapsed,
		MaxHR:    l.hrMax,
	}
	if l.hrN > 0 {
		s.AvgHR = (l.hrSum + l.hrN/2) / l.hrN
	}
	return s, true
}

// localOffset is the activity's local_timestamp minus its timestamp, the
// zone the device was set to, rounded to a quarter hour.
func (l *fitListener) localOffset() (time.Duration, bool) {
	a := l.activity
	if a == nil || a.Timestamp.IsZero() || a.LocalTimestamp.IsZero() ||
		a.Timestamp.Equal(datetime.Epoch()) || a.LocalTimestamp.Equal(datetime.Epoch()) {
		return 0, false
	}
	off := a.LocalTimestamp.Sub(a.Timestamp).Round(15 * time.Minute)
	if off < -14*time.Hour || off > 14*time.Hour {
		return 0, false
	}
	return off, true
}

func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// fitDuration converts a FIT time in milliseconds (scale 1000) to a
// duration; the invalid value is 0.
func fitDuration(ms uint32) time.Duration {
	if ms == basetype.Uint32Invalid {
		return 0
	}
	return time.Duration(ms) * time.Millisecond
}

// fitRPE converts FIT's workout_rpe, which is stored ten times the CR-10
// value (70 is 7), to the CR-10 scale; 0 and the invalid value are "not
// given".
func fitRPE(v uint8) float64 {
	if v == basetype.Uint8Invalid || v == 0 {
		return 0
	}
	return float64(v) / 10
}

func fitHR(v uint8) int {
	if v == basetype.Uint8Invalid {
		return 0
	}
	return int(v)
}

func sportName(s typedef.Sport) string {
	if s == typedef.SportInvalid {
		return ""
	}
	return s.String()
}

func subSportName(s typedef.SubSport) string {
	if s == typedef.SubSportInvalid || s == typedef.SubSportGeneric {
		return ""
	}
	return s.String()
}
