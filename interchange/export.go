package interchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cooldown/coach"
	"cooldown/coach/safetext"
)

// The interchange formats of product.md "Interchange formats". Scripts and
// tests rely on them: change them only with a new ExportVersion.
//
// Version 2 (device workouts) adds to each workout its id and, for a
// workout from a device file, its source, start time and heart rate, and
// leaves rpe out while the effort is not yet given; a morning may hold
// sleep_hours alone (the ratings not yet answered). ParseJSON reads
// versions 1 and 2; a version 1 file imports exactly as before (no ids:
// the store numbers the workouts).
const (
	ExportFormat  = "cooldown-export"
	ExportVersion = 2
)

// Export is the content of an export file.
type Export struct {
	ExportedAt time.Time // written in UTC to the second
	Settings   coach.Settings
	Days       []coach.Day // written sorted by date
}

type jsonExport struct {
	Format     string       `json:"format"`
	Version    int          `json:"version"`
	ExportedAt string       `json:"exported_at"`
	Settings   jsonSettings `json:"settings"`
	Days       []jsonDay    `json:"days"`
}

type jsonSettings struct {
	SleepTargetHours float64 `json:"sleep_target_hours"`
	DietMinGroups    int     `json:"diet_min_groups"`
	DayStartHour     int     `json:"day_start_hour"`
}

type jsonDay struct {
	Date     string        `json:"date"`
	Workouts []jsonWorkout `json:"workouts"`
	Done     doneList      `json:"done"`
	Bedtime  string        `json:"bedtime,omitempty"`
	Morning  *jsonMorning  `json:"morning,omitempty"`
	Note     string        `json:"note,omitempty"`
}

type jsonWorkout struct {
	ID      int         `json:"id,omitempty"`
	Kind    string      `json:"kind"`
	Minutes int         `json:"minutes"`
	RPE     int         `json:"rpe,omitempty"` // absent: effort not yet given
	Source  *jsonSource `json:"source,omitempty"`
	Start   string      `json:"start,omitempty"`
	AvgHR   int         `json:"avg_hr,omitempty"`
	MaxHR   int         `json:"max_hr,omitempty"`
}

type jsonSource struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
	File string `json:"file,omitempty"`
}

type jsonMorning struct {
	SleepHours   float64 `json:"sleep_hours"`
	SleepQuality int     `json:"sleep_quality,omitempty"` // the ratings are absent together
	Fatigue      int     `json:"fatigue,omitempty"`
	Stress       int     `json:"stress,omitempty"`
	Soreness     int     `json:"soreness,omitempty"`
}

// workoutJSON is w as export version 2 writes it.
func workoutJSON(w coach.Workout) jsonWorkout {
	jw := jsonWorkout{ID: w.ID, Kind: string(w.Kind), Minutes: w.Minutes, RPE: w.RPE, AvgHR: w.AvgHR, MaxHR: w.MaxHR}
	if !w.Source.IsZero() {
		jw.Source = &jsonSource{Kind: w.Source.Kind, ID: w.Source.ID, File: w.Source.File}
	}
	if !w.Start.IsZero() {
		jw.Start = w.Start.Format(time.RFC3339)
	}
	return jw
}

// doneList is the checklist of a day, written as an object in checklist
// order (a Go map would be written in alphabetical order).
type doneList []doneEntry

type doneEntry struct {
	id string
	at time.Time
}

func (l doneList) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range l {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.id)
		b.Write(k)
		b.WriteByte(':')
		b.WriteString(`"` + e.at.UTC().Format(time.RFC3339) + `"`)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// doneOf lists d's ticked items in checklist order, then any unknown ones
// (an invalid day is still written faithfully) by id.
func doneOf(d coach.Day) doneList {
	l := make(doneList, 0, len(d.Done))
	known := map[coach.Item]bool{}
	for _, it := range coach.Items {
		known[it.ID] = true
		if t, ok := d.Done.At(it.ID); ok {
			l = append(l, doneEntry{string(it.ID), t})
		}
	}
	var extra doneList
	for _, t := range d.Done {
		if !known[t.Item] {
			extra = append(extra, doneEntry{string(t.Item), t.At})
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].id < extra[j].id })
	return append(l, extra...)
}

func sortedDays(days []coach.Day) []coach.Day {
	out := append([]coach.Day(nil), days...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// WriteJSON writes e in the JSON export format (version 2), indented by
// two spaces: days sorted by date, done times and exported_at in RFC 3339
// UTC to the second, a workout's start in RFC 3339 with its offset,
// bedtime, morning and note left out when absent, and in a workout the
// id (when it has one), source, start and heart rate when known and rpe
// when given. DEL, the C1
// controls and the bidirectional overrides and isolates are written as \u
// escapes (the C0 controls already are), so a terminal or an editor showing
// the file is not driven by a note; the file still reads back to exactly
// the same text.
func WriteJSON(w io.Writer, e Export) error {
	out := jsonExport{
		Format:     ExportFormat,
		Version:    ExportVersion,
		ExportedAt: e.ExportedAt.UTC().Format(time.RFC3339),
		Settings: jsonSettings{
			SleepTargetHours: e.Settings.SleepTargetHours,
			DietMinGroups:    e.Settings.DietMinGroups,
			DayStartHour:     e.Settings.DayStartHour,
		},
		Days: make([]jsonDay, 0, len(e.Days)),
	}
	for _, d := range sortedDays(e.Days) {
		jd := jsonDay{Date: d.Date.String(), Workouts: make([]jsonWorkout, 0, len(d.Workouts)), Done: doneOf(d), Note: d.Note}
		for _, wo := range d.Workouts {
			jd.Workouts = append(jd.Workouts, workoutJSON(wo))
		}
		if d.Bedtime != nil {
			jd.Bedtime = d.Bedtime.String()
		}
		if m := d.Morning; m != nil {
			jd.Morning = &jsonMorning{SleepHours: m.SleepHours, SleepQuality: m.SleepQuality, Fatigue: m.Fatigue, Stress: m.Stress, Soreness: m.Soreness}
		}
		out.Days = append(out.Days, jd)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	if _, err := w.Write(escapeJSON(b.Bytes())); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}

// escapeJSON rewrites, in JSON that encoding/json wrote, each DEL, C1
// control and bidirectional override or isolate as a \u escape. Outside its
// strings that JSON is ASCII, so they can only stand inside a string, where
// the escape means the same character; encoding/json escapes the C0
// controls and writes only valid UTF-8.
func escapeJSON(b []byte) []byte {
	if !bytes.ContainsFunc(b, func(r rune) bool { return r >= 0x7f && safetext.NeedsEscape(r) }) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r >= 0x7f && safetext.NeedsEscape(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

// csvHeader is the header row of the CSV export.
func csvHeader() []string {
	h := []string{"date", "workouts"}
	for _, it := range coach.Items {
		h = append(h, string(it.ID))
	}
	return append(h, "bedtime", "sleep_hours", "sleep_quality", "fatigue", "stress", "soreness", "note",
		"workout_ids", "sources", "starts", "heart_rates")
}

// WriteCSV writes e as CSV (RFC 4180, through encoding/csv, so notes with
// commas, quotes and new lines are quoted): a header row, then one row per
// day sorted by date. The columns are
//
//	date           YYYY-MM-DD
//	workouts       the workouts as kind:minutes:rpe joined by ";",
//	               e.g. "strength:60:7;intervals:20:9"; rpe is empty
//	               while a device workout's effort is not yet given
//	               ("endurance:52:")
//	massage ... ginger
//	               one column per checklist item, in checklist order, with
//	               the id as its name: the RFC 3339 UTC time it was ticked,
//	               empty when not done
//	bedtime        HH:MM, empty when not set
//	sleep_hours, sleep_quality, fatigue, stress, soreness
//	               the morning check, all empty when not answered; the
//	               four ratings empty when only the hours are known
//	note           the note as written, but see below
//	workout_ids    (version 2) the workouts' ids, in the order of
//	               workouts, joined by ";"
//	sources        (version 2) per workout kind:id of its device file,
//	               empty for a typed workout ("fit:1101374452;"); a ";",
//	               ":" or "%" in them is written %3B, %3A, %25
//	starts         (version 2) per workout its RFC 3339 start with the
//	               offset, empty for a typed workout
//	heart_rates    (version 2) per workout avg/max in beats per minute,
//	               empty when not known ("142/171")
//
// The CSV is for spreadsheets, so it is made safe to open in one: control
// characters (but new line and tab), DEL, C1 controls, bidirectional
// overrides and isolates are written in safetext's visible form (\x1b,
// \u009b, \u202e), and a cell that starts with =, +, -, @, tab or carriage
// return gets a leading ' so that no spreadsheet takes it for a formula
// (OWASP's advice on CSV injection). The settings and exported_at are not
// part of the CSV either; the JSON export is the exact one, to import.
func WriteCSV(w io.Writer, e Export) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader()); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, d := range sortedDays(e.Days) {
		ws := make([]string, len(d.Workouts))
		for i, wo := range d.Workouts {
			ws[i] = fmt.Sprintf("%s:%d:", wo.Kind, wo.Minutes)
			if wo.EffortGiven() {
				ws[i] += strconv.Itoa(wo.RPE)
			}
		}
		row := []string{d.Date.String(), strings.Join(ws, ";")}
		for _, it := range coach.Items {
			cell := ""
			if t, ok := d.Done.At(it.ID); ok {
				cell = t.UTC().Format(time.RFC3339)
			}
			row = append(row, cell)
		}
		bed := ""
		if d.Bedtime != nil {
			bed = d.Bedtime.String()
		}
		row = append(row, bed)
		if m := d.Morning; m != nil && m.HoursOnly {
			row = append(row, strconv.FormatFloat(m.SleepHours, 'f', -1, 64), "", "", "", "")
		} else if m != nil {
			row = append(row, strconv.FormatFloat(m.SleepHours, 'f', -1, 64),
				strconv.Itoa(m.SleepQuality), strconv.Itoa(m.Fatigue), strconv.Itoa(m.Stress), strconv.Itoa(m.Soreness))
		} else {
			row = append(row, "", "", "", "", "")
		}
		row = append(row, d.Note)
		row = append(row, workoutColumns(d.Workouts)...)
		for i, c := range row {
			row[i] = csvCell(c)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// csvCell makes a cell safe to open in a spreadsheet: control characters
// in their visible form, and a ' before a cell a spreadsheet would take for
// a formula.
func csvCell(s string) string {
	s = safetext.Block(s)
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// workoutColumns returns the version 2 columns of a day's workouts:
// workout_ids, sources, starts and heart_rates, each a list in the order
// of the workouts joined by ";".
func workoutColumns(ws []coach.Workout) []string {
	ids, srcs, starts, hrs := make([]string, len(ws)), make([]string, len(ws)), make([]string, len(ws)), make([]string, len(ws))
	for i, w := range ws {
		ids[i] = strconv.Itoa(w.ID)
		if !w.Source.IsZero() {
			srcs[i] = csvEscapeList(w.Source.Kind) + ":" + csvEscapeList(w.Source.ID)
		}
		if !w.Start.IsZero() {
			starts[i] = w.Start.Format(time.RFC3339)
		}
		if w.AvgHR != 0 || w.MaxHR != 0 {
			hrs[i] = fmt.Sprintf("%d/%d", w.AvgHR, w.MaxHR)
		}
	}
	return []string{strings.Join(ids, ";"), strings.Join(srcs, ";"), strings.Join(starts, ";"), strings.Join(hrs, ";")}
}

// csvEscapeList writes "%", ";" and ":" in s as %25, %3B and %3A, so a
// source id cannot split a list cell.
func csvEscapeList(s string) string {
	return strings.NewReplacer("%", "%25", ";", "%3B", ":", "%3A").Replace(s)
}
