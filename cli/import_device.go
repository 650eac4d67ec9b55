package cli

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/spf13/pflag"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"cooldown/coach"
	"cooldown/coach/safetext"
	"cooldown/interchange"
	"cooldown/store"
)

// `cooldown import PATH` with device files: FIT, TCX, a Strava bulk
// export, an Apple Health export, or a folder of them. cooldown's own JSON
// export keeps its path in runImport (it replaces the days of its dates);
// device files merge into the stored days, one write transaction per file
// (store.MergeImported), so a refused file leaves nothing behind while the
// others of a folder or zip still import.

// importFlags declares the flags of import.
func importFlags(fs *pflag.FlagSet) *string {
	return fs.String("since", "", "take only what is dated `DATE` (YYYY-MM-DD) or later")
}

// parseSince reads --since; "" is no bound.
func parseSince(s string) (coach.Date, error) {
	if s == "" {
		return coach.Date{}, nil
	}
	d, err := coach.ParseDate(s)
	if err != nil {
		return coach.Date{}, usageErr("import: --since %s\nrun `cooldown import --help` for usage", safetext.Line(err.Error()))
	}
	return d, nil
}

// isDeviceImport decides by content whether path holds device files: a
// folder does, and so does a file whose first byte (after a byte order
// mark and white space) is not "{", which every cooldown export starts
// with. An empty file is left to the export parser, which refuses it.
func isDeviceImport(path string) (bool, error) {
	info, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	if info.IsDir() {
		return true, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte("\uFEFF")), " \t\r\n")
	return len(head) > 0 && head[0] != '{', nil
}

// filterSince drops the days dated before since (zero: none).
func filterSince(days []coach.Day, since coach.Date) []coach.Day {
	if since.IsZero() {
		return days
	}
	out := days[:0:0]
	for _, d := range days {
		if !d.Date.Before(since) {
			out = append(out, d)
		}
	}
	return out
}

// deviceFile is what one file gives, in the order of the read.
type deviceFile struct {
	name    string
	in      store.Incoming
	notes   []string // what the mapping changed or left out
	skipped int      // sessions that are not training or under a minute
	early   int      // sessions and nights before --since
}

// importDevice reads the device files at path and merges each file into
// the stored days, printing one line per file ("N new, M already there").
// Refused files are named on stderr with the reason and the place in
// them; the exit status is then 2, after the others were imported.
func importDevice(e *env, path string, since coach.Date) error {
	res, err := interchange.ReadPath(path, interchange.Limits{})
	if err != nil {
		return fmt.Errorf("import: %s; nothing was imported", safetext.Line(err.Error()))
	}
	var files []deviceFile
	var st *store.Store
	if len(res.Sessions) > 0 || len(res.Sleep) > 0 {
		// Only a read that found something opens (and may create) the
		// database.
		if st, err = openStore(e); err != nil {
			return err
		}
		settings, err := st.Settings()
		if err != nil {
			return storeErr(e.dbPath, err)
		}
		files = groupFiles(res, e, settings.DayStartHour, since)
	}
	var total store.MergeCounts
	for _, f := range files {
		var c store.MergeCounts
		err := e.sig.commit(func() (err error) {
			c, err = st.MergeImported(f.in)
			return err
		})
		var fe *coach.FieldError
		if errors.As(err, &fe) && !errors.Is(err, store.ErrLocked) {
			// The file holds a value cooldown cannot keep: refused.
			res.Refused = append(res.Refused, &interchange.FileError{File: f.name, Err: err})
			continue
		}
		if err != nil {
			return storeErr(e.dbPath, err)
		}
		total.New += c.New
		total.Already += c.Already
		confirmCommitted(e, fileLine(f, c))
	}
	var b strings.Builder
	for _, s := range res.Skipped {
		fmt.Fprintf(&b, "cooldown: skipped %s\n", safetext.Line(s.Error()))
	}
	for _, r := range res.Refused {
		fmt.Fprintf(&b, "cooldown: refused %s; nothing was imported from it\n", safetext.Line(r.Error()))
	}
	single := len(files) == 0 && len(res.Refused)+len(res.Skipped) == 1
	if single && len(res.Skipped) == 1 {
		// The one file named holds nothing to import: say so as a refusal.
		sk := res.Skipped[0]
		where := ""
		if sk.Where != "" {
			where = sk.Where + ": "
		}
		return usageErr("import %s: %s%s; nothing was imported", safetext.Line(path), safetext.Line(where), safetext.Line(sk.Err.Error()))
	}
	_, _ = io.WriteString(e.stderr, b.String())
	if len(res.Refused) > 0 {
		rest := "the others were imported"
		if len(files) == 0 {
			rest = "nothing was imported"
		}
		return &exitError{code: exitUsage, msg: fmt.Sprintf("import %s: %s refused (listed above); %s",
			safetext.Line(path), plural(len(res.Refused), "file"), rest)}
	}
	if len(files) == 0 {
		return usageErr("import %s: no workout or sleep found; nothing was imported", safetext.Line(path))
	}
	if len(files) > 1 {
		confirmCommitted(e, fmt.Sprintf("imported %s: %d new, %d already there, into %s\n",
			plural(len(files), "file"), total.New, total.Already, msgText(e.dbPath)))
	}
	return nil
}

// fileLine is the line printed for one imported file.
func fileLine(f deviceFile, c store.MergeCounts) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d new, %d already there", safetext.Line(f.name), c.New, c.Already)
	if c.Held > 0 {
		fmt.Fprintf(&b, ", %d held back (possibly a workout typed by hand; the app asks)", c.Held)
	}
	if c.Deleted > 0 {
		fmt.Fprintf(&b, ", %d deleted before (not imported again)", c.Deleted)
	}
	if c.Sleep > 0 {
		fmt.Fprintf(&b, ", hours slept of %s", plural(c.Sleep, "night"))
	}
	if f.skipped > 0 {
		fmt.Fprintf(&b, ", %d not training or under a minute", f.skipped)
	}
	if f.early > 0 {
		fmt.Fprintf(&b, ", %d before --since", f.early)
	}
	b.WriteString("\n")
	for _, n := range f.notes {
		b.WriteString("  note: " + safetext.Line(n) + "\n")
	}
	return b.String()
}

// groupFiles maps the sessions and sleep of res to coach values, grouped
// by file in the order they were read.
func groupFiles(res interchange.Result, e *env, dayStart int, since coach.Date) []deviceFile {
	var files []*deviceFile
	byName := map[string]*deviceFile{}
	file := func(name string) *deviceFile {
		if f, ok := byName[name]; ok {
			return f
		}
		f := &deviceFile{name: name}
		byName[name] = f
		files = append(files, f)
		return f
	}
	for _, s := range res.Sessions {
		f := file(s.File)
		imp, err := interchange.Map(s, e.loc, dayStart)
		if err != nil {
			f.skipped++
			continue
		}
		if !since.IsZero() && imp.Date.Before(since) {
			f.early++
			continue
		}
		for _, n := range imp.Notes {
			f.notes = append(f.notes, fmt.Sprintf("%s %s: %s", imp.Date, imp.Start.Format("15:04"), n))
		}
		f.in.Workouts = append(f.in.Workouts, store.IncomingWorkout{Date: imp.Date, Workout: workoutOf(imp)})
	}
	sleepByFile := map[string][]interchange.Sleep{}
	var sleepFiles []string
	for _, s := range res.Sleep {
		if _, ok := sleepByFile[s.File]; !ok {
			sleepFiles = append(sleepFiles, s.File)
		}
		sleepByFile[s.File] = append(sleepByFile[s.File], s)
	}
	for _, name := range sleepFiles {
		f := file(name)
		for d, asleep := range interchange.Nights(sleepByFile[name], e.loc) {
			if !since.IsZero() && d.Before(since) {
				continue
			}
			if f.in.Nights == nil {
				f.in.Nights = map[coach.Date]time.Duration{}
			}
			f.in.Nights[d] = asleep
		}
	}
	out := make([]deviceFile, 0, len(files))
	for _, f := range files {
		if len(f.in.Workouts) > 0 || len(f.in.Nights) > 0 || f.skipped > 0 || f.early > 0 {
			out = append(out, *f)
		}
	}
	return out
}

// workoutOf is the coach workout of an imported session. A heart rate
// past coach.MaxHeartRate is a sensor's error and left out; the file name
// is kept up to coach.MaxSourceFile bytes.
func workoutOf(imp interchange.Imported) coach.Workout {
	w := coach.Workout{
		Kind: imp.Kind, Minutes: imp.Minutes, RPE: imp.RPE,
		Source: coach.Source{Kind: string(imp.Source.Kind), ID: imp.Source.ID, File: clipBytes(imp.Source.File, coach.MaxSourceFile)},
		Start:  coach.StartAt(imp.Start),
		AvgHR:  imp.AvgHR, MaxHR: imp.MaxHR,
	}
	if w.AvgHR < 0 || w.AvgHR > coach.MaxHeartRate {
		w.AvgHR = 0
	}
	if w.MaxHR < 0 || w.MaxHR > coach.MaxHeartRate {
		w.MaxHR = 0
	}
	return w
}

// clipBytes cuts s to at most n bytes at a character boundary.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// deviceImportHelp is the part of `cooldown import --help` about device
// files.
const deviceImportHelp = "Anything else is read as device files, by content: FIT (.fit, .fit.gz),\n" +
	"TCX, a Strava bulk export (zip or folder), an Apple Health export\n" +
	"(export.zip or export.xml), or a folder of them. Each file merges into the\n" +
	"stored days on its own, all or nothing: importing again adds nothing, one\n" +
	"session from two sources (start within 2 minutes, minutes within 10 %) is\n" +
	"one workout, a workout typed by hand of the same kind and about the same\n" +
	"minutes holds the import back for the app to ask, a workout you deleted is\n" +
	"not imported again, and nothing you entered is overwritten. Refused files\n" +
	"are named on stderr and the exit status is 2.\n"
