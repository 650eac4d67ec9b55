package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
	"unicode/utf8"

	"cooldown/coach"
)

// A day record is the value stored under the day's "YYYY-MM-DD" key in the
// days bucket. It is a small hand-written binary format, chosen over JSON
// because the whole history is decoded on every screen that shows it and by
// `cooldown status` every second: 3,650 days decode in well under a
// millisecond this way against several milliseconds with encoding/json.
// Layout of record version 2 (uvarint and varint are encoding/binary's):
//
//	byte     record version (2)
//	uvarint  number of workouts, then per workout:
//	         uvarint id (1 or more, unique in the day),
//	         byte kind code, uvarint minutes, byte rpe
//	uvarint  number of done items, then per item:
//	         byte item code, varint Unix seconds (UTC) of the tick
//	byte     flags: 1 bedtime, 2 morning, 4 note
//	uvarint  bedtime in minutes after midnight      (when flag 1)
//	5 bytes  sleep in half hours, sleep quality,    (when flag 2)
//	         fatigue, stress, soreness
//	uvarint  note length in bytes, then the UTF-8 note (when flag 4)
//	uvarint  the highest workout id ever given in the day (when flag 8)
//
// Version 1 is the same without the workout ids; its workouts read with
// ids 1 to n in order, and the day is written as version 2 on its next
// write (no schema migration: both versions live in the same bucket).
//
// A workout's id names it inside its day, so that an edit says which
// workout it changes (coach.Day.WorkoutIndex) and never goes by position.
// The encoder gives every workout with id 0 the next id of its day, in
// order: one above the largest id the day holds or ever gave. The highest
// id ever given is kept (flag 8) once it is above the largest id present,
// so an id freed by removing the newest workout is never given again: a
// screen still naming it can never edit a workout added after it.
//
// Kind and item codes are fixed here, independent of the order of the
// coach's lists, so that reordering the checklist never changes a file.
// Done times are kept to the second, the precision of the export format.
const recordVersion = 2

// recordVersionNoIDs is the record version without workout ids.
const recordVersionNoIDs = 1

// MaxWorkoutsPerDay bounds the workouts of one day: the store refuses to
// write more, and import refuses a day with more.
const MaxWorkoutsPerDay = coach.MaxWorkoutsPerDay

// maxWorkoutID bounds a stored workout id.
const maxWorkoutID = math.MaxInt32

const (
	flagBedtime = 1 << iota
	flagMorning
	flagNote
	flagLastID
)

// kindCodes and itemCodes are the stable codes of the record format. A code
// is never reused; new kinds and items get new codes.
var (
	kindCodes = []coach.Kind{1: coach.Strength, 2: coach.Intervals, 3: coach.Endurance, 4: coach.Sport, 5: coach.Mobility}
	itemCodes = []coach.Item{
		1: coach.Massage, 2: coach.Stretching, 3: coach.FoamRolling, 4: coach.MobilityTools,
		5: coach.FattyFish, 6: coach.Berries, 7: coach.LeafyGreens, 8: coach.NutsSeeds,
		9: coach.Turmeric, 10: coach.OliveOil, 11: coach.WholeGrains, 12: coach.Cruciferous,
		13: coach.Ginger,
	}
	kindCode = codeIndex(kindCodes)
	itemCode = codeIndex(itemCodes)
)

func codeIndex[T comparable](codes []T) map[T]byte {
	m := make(map[T]byte, len(codes))
	var zero T
	for i, c := range codes {
		if c != zero {
			m[c] = byte(i)
		}
	}
	return m
}

// errRecord marks a record that cannot be decoded.
var errRecord = errors.New("undecodable record")

func recordErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errRecord, fmt.Sprintf(format, args...))
}

// dayKey returns the bbolt key of a date, "YYYY-MM-DD". Only years 1 to
// 9999 have four-digit keys that sort in date order, so others are refused.
func dayKey(d coach.Date) ([]byte, error) {
	if d.Year < 1 || d.Year > 9999 || d != coach.DateFromNumber(d.Number()) {
		return nil, &coach.FieldError{Field: "date", Msg: fmt.Sprintf("%q is not a calendar date between 0001-01-01 and 9999-12-31", d.String())}
	}
	return []byte(d.String()), nil
}

// parseKey reads a day key; it must be written exactly as dayKey writes it.
func parseKey(k []byte) (coach.Date, error) {
	num := func(b []byte) int {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	if len(k) == 10 && k[4] == '-' && k[7] == '-' {
		y, m, d := num(k[:4]), num(k[5:7]), num(k[8:])
		date := coach.Date{Year: y, Month: time.Month(m), Day: d}
		if y >= 1 && m >= 1 && m <= 12 && d >= 1 && date == coach.DateFromNumber(date.Number()) {
			return date, nil
		}
	}
	return coach.Date{}, recordErr("key %q is not a date written YYYY-MM-DD", k)
}

// encodeDay appends the record of d to buf. d must be valid; a value the
// format cannot hold is an error, never silently changed.
func encodeDay(buf []byte, d coach.Day) ([]byte, error) {
	return encodeDayAfter(buf, d, 0)
}

// encodeDayAfter is encodeDay for a day whose stored record had given
// workout ids up to lastID: new workouts get ids above it.
func encodeDayAfter(buf []byte, d coach.Day, lastID int) ([]byte, error) {
	if len(d.Workouts) > MaxWorkoutsPerDay {
		return nil, &coach.FieldError{Field: "workouts", Msg: fmt.Sprintf("%d workouts; allowed at most %d a day", len(d.Workouts), MaxWorkoutsPerDay)}
	}
	next := 1 // the id the next workout without one gets
	for i, w := range d.Workouts {
		if w.ID < 0 || w.ID > maxWorkoutID {
			return nil, fmt.Errorf("workouts[%d]: cannot store id %d", i, w.ID)
		}
		if w.ID > 0 && d.WorkoutIndex(w.ID) != i {
			return nil, fmt.Errorf("workouts[%d]: id %d is given twice", i, w.ID)
		}
		next = max(next, w.ID+1)
	}
	if lastID > maxWorkoutID {
		return nil, fmt.Errorf("workouts: cannot store last id %d", lastID)
	}
	next = max(next, lastID+1)
	present := 0 // the largest id the record holds
	buf = append(buf, recordVersion)
	buf = binary.AppendUvarint(buf, uint64(len(d.Workouts)))
	for i, w := range d.Workouts {
		c, ok := kindCode[w.Kind]
		if !ok || w.Minutes < 0 || w.RPE < 0 || w.RPE > 255 {
			return nil, fmt.Errorf("workouts[%d]: cannot store %+v", i, w)
		}
		id := w.ID
		if id == 0 {
			if next > maxWorkoutID {
				return nil, fmt.Errorf("workouts[%d]: no free id left", i)
			}
			id, next = next, next+1
		}
		present = max(present, id)
		buf = binary.AppendUvarint(buf, uint64(id))
		buf = append(buf, c)
		buf = binary.AppendUvarint(buf, uint64(w.Minutes))
		buf = append(buf, byte(w.RPE))
	}
	var ticked uint64 // item codes met so far (codes are below 64)
	for _, t := range d.Done {
		c, ok := itemCode[t.Item]
		if !ok {
			return nil, fmt.Errorf("done: cannot store unknown item %q", string(t.Item))
		}
		if ticked&(1<<c) != 0 {
			return nil, fmt.Errorf("done: cannot store item %q twice", string(t.Item))
		}
		ticked |= 1 << c
	}
	buf = binary.AppendUvarint(buf, uint64(len(d.Done)))
	// Items in code order, so equal days give equal bytes.
	for c, id := range itemCodes {
		if id == "" {
			continue
		}
		if t, ok := d.Done.At(id); ok {
			if t.Unix() < minUnix || t.Unix() > maxUnix {
				return nil, fmt.Errorf("done[%q]: cannot store time %v", string(id), t)
			}
			buf = append(buf, byte(c))
			buf = binary.AppendVarint(buf, t.Unix())
		}
	}
	var flags byte
	if d.Bedtime != nil {
		flags |= flagBedtime
	}
	if d.Morning != nil {
		flags |= flagMorning
	}
	if d.Note != "" {
		flags |= flagNote
	}
	last := max(lastID, present) // the highest id ever given, after this write
	if last > present {
		flags |= flagLastID
	}
	buf = append(buf, flags)
	if d.Bedtime != nil {
		if *d.Bedtime < 0 {
			return nil, fmt.Errorf("bedtime: cannot store %d", *d.Bedtime)
		}
		buf = binary.AppendUvarint(buf, uint64(*d.Bedtime))
	}
	if m := d.Morning; m != nil {
		half := m.SleepHours * 2
		if half != math.Trunc(half) || half < 0 || half > 255 {
			return nil, fmt.Errorf("morning.sleep_hours: cannot store %v", m.SleepHours)
		}
		for _, r := range []int{m.SleepQuality, m.Fatigue, m.Stress, m.Soreness} {
			if r < 0 || r > 255 {
				return nil, fmt.Errorf("morning: cannot store rating %d", r)
			}
		}
		buf = append(buf, byte(half), byte(m.SleepQuality), byte(m.Fatigue), byte(m.Stress), byte(m.Soreness))
	}
	if d.Note != "" {
		buf = binary.AppendUvarint(buf, uint64(len(d.Note)))
		buf = append(buf, d.Note...)
	}
	if flags&flagLastID != 0 {
		buf = binary.AppendUvarint(buf, uint64(last))
	}
	return buf, nil
}

// recordReader reads a record and remembers the first error.
type recordReader struct {
	b   []byte
	err error
}

func (r *recordReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = recordErr(format, args...)
	}
}

func (r *recordReader) byte(what string) byte {
	if r.err != nil {
		return 0
	}
	if len(r.b) == 0 {
		r.fail("%s: record ends early", what)
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *recordReader) uvarint(what string, max uint64) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("%s: bad number", what)
		return 0
	}
	if v > max {
		r.fail("%s: %d is larger than %d", what, v, max)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *recordReader) varint(what string) int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("%s: bad number", what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

// maxUnix bounds the done times a record may hold: years 1 to 9999.
var (
	minUnix = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	maxUnix = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
)

// decodeDay decodes the record b of the day dated date. The result shares
// no memory with b. It checks the format only; coach validation is the
// caller's business (Check reports both).
func decodeDay(date coach.Date, b []byte) (coach.Day, error) {
	return decodeDayInto(nil, date, b)
}

// decodeDayInto is decodeDay taking the day's small parts from sl (nil:
// allocated on their own), for decoding many days at once.
func decodeDayInto(sl *slabs, date coach.Date, b []byte) (coach.Day, error) {
	d, _, err := decodeRecord(sl, date, b)
	return d, err
}

// decodeRecord is decodeDayInto also returning the highest workout id the
// day ever gave (at least the largest id it holds), for the next write.
func decodeRecord(sl *slabs, date coach.Date, b []byte) (coach.Day, int, error) {
	d := coach.Day{Date: date}
	r := recordReader{b: b}
	version := r.byte("version")
	if r.err == nil && version != recordVersion && version != recordVersionNoIDs {
		return d, 0, recordErr("record version %d is not known (want %d or %d)", version, recordVersionNoIDs, recordVersion)
	}
	ids := version == recordVersion
	// Every workout takes at least 3 bytes (4 with its id), every item 2:
	// a count larger than the rest of the record allows is refused before
	// allocating.
	perWorkout, maxWorkouts := 3, uint64(math.MaxInt32)
	if ids {
		perWorkout, maxWorkouts = 4, MaxWorkoutsPerDay
	}
	nw := r.uvarint("workouts", min(uint64(len(r.b)/perWorkout), maxWorkouts))
	if nw > 0 {
		d.Workouts = sl.workoutList(int(nw))
		for i := range d.Workouts {
			id := i + 1
			if ids {
				id = int(r.uvarint("workout id", maxWorkoutID))
				if r.err == nil && (id == 0 || d.WorkoutIndex(id) >= 0) {
					r.fail("workouts[%d]: id %d is not a free id above 0", i, id)
				}
			}
			c := r.byte("workout kind")
			if r.err == nil && (int(c) >= len(kindCodes) || kindCodes[c] == "") {
				r.fail("workouts[%d]: unknown kind code %d", i, c)
			}
			mins := r.uvarint("workout minutes", math.MaxInt32)
			rpe := r.byte("workout rpe")
			if r.err != nil {
				return d, 0, r.err
			}
			d.Workouts[i] = coach.Workout{ID: id, Kind: kindCodes[c], Minutes: int(mins), RPE: int(rpe)}
		}
	}
	nd := r.uvarint("done", uint64(len(r.b)/2))
	if nd > 0 {
		d.Done = sl.tickList(int(nd))
		var seen uint64 // item codes met so far (codes are below 64)
		inOrder := true
		for i := range d.Done {
			c := r.byte("item")
			if r.err == nil && (int(c) >= len(itemCodes) || itemCodes[c] == "") {
				r.fail("done: unknown item code %d", c)
			}
			sec := r.varint("done time")
			if r.err != nil {
				return d, 0, r.err
			}
			if sec < minUnix || sec > maxUnix {
				return d, 0, recordErr("done %s: time %d out of range", itemCodes[c], sec)
			}
			if seen&(1<<c) != 0 {
				return d, 0, recordErr("done: item %s twice", itemCodes[c])
			}
			if seen>>c != 0 {
				inOrder = false // a lower code after a higher one
			}
			seen |= 1 << c
			d.Done[i] = coach.Tick{Item: itemCodes[c], At: time.Unix(sec, 0).UTC()}
		}
		// encodeDay writes items in code order, which is checklist order
		// (TestDecodedTicksAreInChecklistOrder): only a record written
		// otherwise needs sorting.
		if !inOrder {
			d.Done.Sort()
		}
	}
	flags := r.byte("flags")
	if r.err == nil && (flags&^(flagBedtime|flagMorning|flagNote|flagLastID) != 0 || version == recordVersionNoIDs && flags&flagLastID != 0) {
		r.fail("unknown flags %#x", flags)
	}
	if flags&flagBedtime != 0 {
		d.Bedtime = sl.clock(coach.Clock(r.uvarint("bedtime", 1439)))
	}
	if flags&flagMorning != 0 {
		m := coach.Morning{SleepHours: float64(r.byte("sleep")) / 2}
		m.SleepQuality = int(r.byte("sleep quality"))
		m.Fatigue = int(r.byte("fatigue"))
		m.Stress = int(r.byte("stress"))
		m.Soreness = int(r.byte("soreness"))
		d.Morning = sl.morning(m)
	}
	if flags&flagNote != 0 {
		n := r.uvarint("note", uint64(len(r.b)))
		if r.err == nil && (n == 0 || n > uint64(len(r.b))) {
			r.fail("note: length %d does not fit the record", n)
		}
		if r.err == nil {
			d.Note = string(r.b[:n])
			r.b = r.b[n:]
			if !utf8.ValidString(d.Note) {
				r.fail("note: not UTF-8")
			}
		}
	}
	last := 0
	for _, w := range d.Workouts {
		last = max(last, w.ID)
	}
	if flags&flagLastID != 0 {
		given := int(r.uvarint("last workout id", maxWorkoutID))
		if r.err == nil && given <= last {
			r.fail("last workout id %d is not above the largest id %d", given, last)
		}
		last = given
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d bytes after the end of the record", len(r.b))
	}
	if r.err != nil {
		return coach.Day{Date: date}, 0, r.err
	}
	return d, last, nil
}

// Settings record: version byte, sleep target in half hours, diet minimum,
// day-start hour.
const settingsVersion = 1

func encodeSettings(s coach.Settings) []byte {
	return []byte{settingsVersion, byte(s.SleepTargetHours * 2), byte(s.DietMinGroups), byte(s.DayStartHour)}
}

func decodeSettings(b []byte) (coach.Settings, error) {
	if len(b) != 4 || b[0] != settingsVersion {
		return coach.Settings{}, recordErr("settings record of %d bytes is not version %d", len(b), settingsVersion)
	}
	return coach.Settings{SleepTargetHours: float64(b[1]) / 2, DietMinGroups: int(b[2]), DayStartHour: int(b[3])}, nil
}
