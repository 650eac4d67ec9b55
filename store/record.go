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
// Layout of record version 3 (uvarint and varint are encoding/binary's; a
// string is a uvarint length in bytes, then the UTF-8 bytes):
//
//	byte     record version (3)
//	uvarint  number of workouts, then per workout:
//	         uvarint id (1 or more, unique in the day), then the
//	         workout body:
//	         byte kind code, uvarint minutes, byte rpe (0: not yet given),
//	         byte workout flags: 1 source, 2 start, 4 heart rate
//	         string source kind, string source id, string file (flag 1)
//	         varint Unix seconds of the start, varint UTC offset in
//	         seconds (flag 2)
//	         byte average, byte maximum heart rate (flag 4)
//	uvarint  number of done items, then per item:
//	         byte item code, varint Unix seconds (UTC) of the tick
//	byte     flags: 1 bedtime, 2 morning, 4 note, 8 last id,
//	         16 hours-only morning, 32 held, 64 deleted sources
//	uvarint  bedtime in minutes after midnight      (when flag 1)
//	5 bytes  sleep in half hours, sleep quality,    (when flag 2)
//	         fatigue, stress, soreness
//	1 byte   sleep in half hours, no ratings        (when flag 16)
//	uvarint  note length in bytes, then the UTF-8 note (when flag 4)
//	uvarint  the highest workout id ever given in the day (when flag 8)
//	uvarint  number of held workouts, then per one: uvarint the id of
//	         the typed workout it may be, the workout body (when flag 32)
//	uvarint  number of deleted sources, then per one: string kind,
//	         string id (when flag 64)
//
// Version 2 is version 3 with workouts of id, kind, minutes and rpe only
// and flags 1 to 8; version 1 is version 2 without the workout ids: its
// workouts read with ids 1 to n in order. An older record is written as
// version 3 on its next write (no schema migration: all versions live in
// the same bucket).
//
// Deleted sources are the store's own memory, not part of coach.Day: the
// sources of device workouts the person removed from the day, so that an
// import never brings them back. A day deleted while it remembers any
// (or holds a device workout) leaves a deleted-day record in its place:
//
//	byte     recordDeleted (0x83)
//	uvarint  number of deleted sources, then per one: string kind,
//	         string id
//
// which every reader passes over as no day at all.
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
const recordVersion = 3

// The older record versions, read as they are: version 2 has workout ids,
// version 1 has none.
const (
	recordVersionNoIDs  = 1
	recordVersionNoDevs = 2
)

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
	flagHoursOnly
	flagHeld
	flagDeleted
)

// Workout flags of record version 3.
const (
	wflagSource = 1 << iota
	wflagStart
	wflagHR
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
	return encodeRecord(buf, d, lastID, nil)
}

// encodeRecord is encodeDayAfter also keeping the day's deleted sources.
func encodeRecord(buf []byte, d coach.Day, lastID int, deleted []coach.Source) ([]byte, error) {
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
	var err error
	for i, w := range d.Workouts {
		id := w.ID
		if id == 0 {
			if next > maxWorkoutID {
				return nil, fmt.Errorf("workouts[%d]: no free id left", i)
			}
			id, next = next, next+1
		}
		present = max(present, id)
		buf = binary.AppendUvarint(buf, uint64(id))
		if buf, err = appendWorkout(buf, w); err != nil {
			return nil, fmt.Errorf("workouts[%d]: %w", i, err)
		}
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
		if d.Morning.HoursOnly {
			flags |= flagHoursOnly
		} else {
			flags |= flagMorning
		}
	}
	if d.Note != "" {
		flags |= flagNote
	}
	last := max(lastID, present) // the highest id ever given, after this write
	if last > present {
		flags |= flagLastID
	}
	if len(d.Held) > 0 {
		flags |= flagHeld
	}
	if len(deleted) > 0 {
		flags |= flagDeleted
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
		if m.HoursOnly {
			buf = append(buf, byte(half))
		} else {
			for _, r := range []int{m.SleepQuality, m.Fatigue, m.Stress, m.Soreness} {
				if r < 0 || r > 255 {
					return nil, fmt.Errorf("morning: cannot store rating %d", r)
				}
			}
			buf = append(buf, byte(half), byte(m.SleepQuality), byte(m.Fatigue), byte(m.Stress), byte(m.Soreness))
		}
	}
	if d.Note != "" {
		buf = binary.AppendUvarint(buf, uint64(len(d.Note)))
		buf = append(buf, d.Note...)
	}
	if flags&flagLastID != 0 {
		buf = binary.AppendUvarint(buf, uint64(last))
	}
	if len(d.Held) > 0 {
		if len(d.Held) > MaxWorkoutsPerDay {
			return nil, fmt.Errorf("held: cannot store %d", len(d.Held))
		}
		buf = binary.AppendUvarint(buf, uint64(len(d.Held)))
		for i, h := range d.Held {
			if h.Typed <= 0 || h.Typed > maxWorkoutID {
				return nil, fmt.Errorf("held[%d]: cannot store typed id %d", i, h.Typed)
			}
			buf = binary.AppendUvarint(buf, uint64(h.Typed))
			if buf, err = appendWorkout(buf, h.Workout); err != nil {
				return nil, fmt.Errorf("held[%d]: %w", i, err)
			}
		}
	}
	if len(deleted) > 0 {
		buf = appendSources(buf, deleted)
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
	d, x, err := decodeRecordExtra(sl, date, b)
	return d, x.last, err
}

// recordExtra is what a record holds beside its coach.Day: the highest
// workout id the day ever gave, and the sources of device workouts the
// person deleted from it.
type recordExtra struct {
	last    int
	deleted []coach.Source
}

// decodeRecordExtra decodes a day record of any version, with its extra.
func decodeRecordExtra(sl *slabs, date coach.Date, b []byte) (coach.Day, recordExtra, error) {
	var x recordExtra
	d := coach.Day{Date: date}
	r := recordReader{b: b}
	version := r.byte("version")
	if r.err == nil && version != recordVersion && version != recordVersionNoDevs && version != recordVersionNoIDs {
		return d, x, recordErr("record version %d is not known (want %d to %d)", version, recordVersionNoIDs, recordVersion)
	}
	ids := version >= recordVersionNoDevs
	// Every workout takes at least 3 bytes (4 with its id, 5 with its
	// flags), every item 2: a count larger than the rest of the record
	// allows is refused before allocating.
	perWorkout, maxWorkouts := 3, uint64(math.MaxInt32)
	if ids {
		perWorkout, maxWorkouts = 4, MaxWorkoutsPerDay
	}
	if version == recordVersion {
		perWorkout = 5
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
			w := r.workout(fmt.Sprintf("workouts[%d]", i), version == recordVersion)
			if r.err != nil {
				return d, x, r.err
			}
			w.ID = id
			d.Workouts[i] = w
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
				return d, x, r.err
			}
			if sec < minUnix || sec > maxUnix {
				return d, x, recordErr("done %s: time %d out of range", itemCodes[c], sec)
			}
			if seen&(1<<c) != 0 {
				return d, x, recordErr("done: item %s twice", itemCodes[c])
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
	known := byte(flagBedtime | flagMorning | flagNote)
	switch version {
	case recordVersionNoDevs:
		known |= flagLastID
	case recordVersion:
		known |= flagLastID | flagHoursOnly | flagHeld | flagDeleted
	}
	if r.err == nil && (flags&^known != 0 || flags&flagMorning != 0 && flags&flagHoursOnly != 0) {
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
	if flags&flagHoursOnly != 0 {
		d.Morning = sl.morning(coach.Morning{SleepHours: float64(r.byte("sleep")) / 2, HoursOnly: true})
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
	x.last = last
	if flags&flagHeld != 0 {
		n := r.uvarint("held", min(uint64(len(r.b)/5), MaxWorkoutsPerDay))
		if r.err == nil && n == 0 {
			r.fail("held: flag set, none held")
		}
		for i := 0; i < int(n) && r.err == nil; i++ {
			typed := int(r.uvarint("held typed id", maxWorkoutID))
			w := r.workout(fmt.Sprintf("held[%d]", i), true)
			d.Held = append(d.Held, coach.Held{Typed: typed, Workout: w})
		}
	}
	if flags&flagDeleted != 0 {
		x.deleted = r.sources("deleted")
		if r.err == nil && len(x.deleted) == 0 {
			r.fail("deleted: flag set, none given")
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d bytes after the end of the record", len(r.b))
	}
	if r.err != nil {
		return coach.Day{Date: date}, recordExtra{}, r.err
	}
	return d, x, nil
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
