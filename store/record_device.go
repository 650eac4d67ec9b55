package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"time"
	"unicode/utf8"

	"cooldown/coach"
)

// The parts of record version 3 for device workouts (layout in record.go):
// the workout body with its source, start and heart rate, held workouts,
// and the deleted sources, also kept alone in a deleted-day record.

// recordDeleted starts the record left in place of a deleted day that
// remembers deleted sources: readers pass over it as no day at all.
const recordDeleted = 0x83

// isDeletedRecord reports whether v is a deleted-day record.
func isDeletedRecord(v []byte) bool { return len(v) > 0 && v[0] == recordDeleted }

// appendString appends s as a uvarint length and its bytes.
func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// appendWorkout appends the body of w (everything but its id).
func appendWorkout(buf []byte, w coach.Workout) ([]byte, error) {
	c, ok := kindCode[w.Kind]
	if !ok || w.Minutes < 0 || w.RPE < 0 || w.RPE > 255 || w.AvgHR < 0 || w.AvgHR > 255 || w.MaxHR < 0 || w.MaxHR > 255 {
		return nil, fmt.Errorf("cannot store %+v", w)
	}
	var f byte
	if !w.Source.IsZero() {
		f |= wflagSource
	}
	if !w.Start.IsZero() {
		f |= wflagStart
	}
	if w.AvgHR != 0 || w.MaxHR != 0 {
		f |= wflagHR
	}
	buf = append(buf, c)
	buf = binary.AppendUvarint(buf, uint64(w.Minutes))
	buf = append(buf, byte(w.RPE), f)
	if f&wflagSource != 0 {
		buf = appendString(buf, w.Source.Kind)
		buf = appendString(buf, w.Source.ID)
		buf = appendString(buf, w.Source.File)
	}
	if f&wflagStart != 0 {
		if u := w.Start.Unix(); u < minUnix || u > maxUnix {
			return nil, fmt.Errorf("cannot store start %v", w.Start)
		}
		_, off := w.Start.Zone()
		buf = binary.AppendVarint(buf, w.Start.Unix())
		buf = binary.AppendVarint(buf, int64(off))
	}
	if f&wflagHR != 0 {
		buf = append(buf, byte(w.AvgHR), byte(w.MaxHR))
	}
	return buf, nil
}

// appendSources appends a count and each source's kind and id.
func appendSources(buf []byte, src []coach.Source) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(src)))
	for _, s := range src {
		buf = appendString(buf, s.Kind)
		buf = appendString(buf, s.ID)
	}
	return buf
}

// encodeDeletedDay returns the record left in place of a deleted day that
// remembers deleted.
func encodeDeletedDay(deleted []coach.Source) []byte {
	return appendSources([]byte{recordDeleted}, deleted)
}

// decodeDeletedDay reads a deleted-day record.
func decodeDeletedDay(b []byte) ([]coach.Source, error) {
	r := recordReader{b: b}
	if r.byte("version") != recordDeleted {
		return nil, recordErr("not a deleted-day record")
	}
	src := r.sources("deleted")
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d bytes after the end of the record", len(r.b))
	}
	return src, r.err
}

// str reads a string of at most max bytes, valid UTF-8.
func (r *recordReader) str(what string, max int) string {
	n := r.uvarint(what, uint64(max))
	if r.err == nil && n > uint64(len(r.b)) {
		r.fail("%s: length %d does not fit the record", what, n)
	}
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	if !utf8.ValidString(s) {
		r.fail("%s: not UTF-8", what)
	}
	return s
}

// sources reads a count and that many sources (kind and id).
func (r *recordReader) sources(what string) []coach.Source {
	n := r.uvarint(what, uint64(len(r.b)/2))
	var out []coach.Source
	for i := 0; i < int(n) && r.err == nil; i++ {
		out = append(out, coach.Source{Kind: r.str(what+" kind", coach.MaxSourceKind), ID: r.str(what+" id", coach.MaxSourceID)})
	}
	return out
}

// workout reads a workout body: kind, minutes and rpe, and in record
// version 3 (device) its flags, source, start and heart rate.
func (r *recordReader) workout(what string, device bool) coach.Workout {
	c := r.byte("workout kind")
	if r.err == nil && (int(c) >= len(kindCodes) || kindCodes[c] == "") {
		r.fail("%s: unknown kind code %d", what, c)
	}
	mins := r.uvarint("workout minutes", math.MaxInt32)
	rpe := r.byte("workout rpe")
	if r.err != nil {
		return coach.Workout{}
	}
	w := coach.Workout{Kind: kindCodes[c], Minutes: int(mins), RPE: int(rpe)}
	if !device {
		return w
	}
	f := r.byte("workout flags")
	if r.err == nil && f&^(wflagSource|wflagStart|wflagHR) != 0 {
		r.fail("%s: unknown workout flags %#x", what, f)
	}
	if f&wflagSource != 0 {
		w.Source.Kind = r.str("source kind", coach.MaxSourceKind)
		w.Source.ID = r.str("source id", coach.MaxSourceID)
		w.Source.File = r.str("source file", coach.MaxSourceFile)
	}
	if f&wflagStart != 0 {
		sec := r.varint("start")
		off := r.varint("start offset")
		if r.err == nil && (sec < minUnix || sec > maxUnix || off < -18*3600 || off > 18*3600) {
			r.fail("%s: start %d%+d out of range", what, sec, off)
		}
		if r.err == nil {
			w.Start = coach.StartAt(time.Unix(sec, 0).In(time.FixedZone("", int(off))))
		}
	}
	if f&wflagHR != 0 {
		w.AvgHR = int(r.byte("average heart rate"))
		w.MaxHR = int(r.byte("maximum heart rate"))
	}
	return w
}
