package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cooldown/coach"
	"cooldown/coach/safetext"
	"cooldown/store"
)

type logOptions struct {
	date, kind, bedtime, note          string
	minutes, rpe                       int
	done                               []string
	sleep                              float64
	quality, fatigue, stress, soreness int
}

// logGroups are the flags that go together: a workout, the morning check.
var logGroups = [][]string{
	{"kind", "minutes", "rpe"},
	{"sleep", "quality", "fatigue", "stress", "soreness"},
}

// newLogCmd is `cooldown log`.
func newLogCmd(e *env) *cobra.Command {
	var o *logOptions
	c := &cobra.Command{
		Use:     "log [--date YYYY-MM-DD] [--kind K --minutes N --rpe N] [--done ITEM]... [--sleep H --quality N --fatigue N --stress N --soreness N] [--bedtime HH:MM] [--note TEXT]",
		Short:   "record or extend a day without the app",
		Example: "  cooldown log --kind strength --minutes 60 --rpe 7 --done foam-rolling --done berries",
		Args: func(_ *cobra.Command, pos []string) error {
			if len(pos) > 0 {
				return usageErr("log: unexpected argument %q (every value goes with a flag)\nrun `cooldown log --help` for usage", pos[0])
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE:              func(c *cobra.Command, _ []string) error { return runLog(e, o, c.Flags()) },
	}
	o = logFlags(c.Flags())
	for _, g := range logGroups {
		c.MarkFlagsRequiredTogether(g...)
	}
	c.RegisterFlagCompletionFunc("kind", completeKinds)
	c.RegisterFlagCompletionFunc("done", completeItems)
	for _, f := range []string{"date", "minutes", "rpe", "sleep", "quality", "fatigue", "stress", "soreness", "bedtime", "note"} {
		c.RegisterFlagCompletionFunc(f, cobra.NoFileCompletions)
	}
	return c
}

func logFlags(fs *pflag.FlagSet) *logOptions {
	o := &logOptions{}
	fs.StringVar(&o.date, "date", "", "the `YYYY-MM-DD` day (default today; not after today)")
	fs.StringVar(&o.kind, "kind", "", "add a workout of this `KIND`: strength, intervals, endurance, sport, mobility")
	fs.IntVar(&o.minutes, "minutes", 0, "the workout's length in minutes, `N` from 1 to 600")
	fs.IntVar(&o.rpe, "rpe", 0, "the workout's effort as session RPE, `N` from 1 to 10")
	fs.StringArrayVar(&o.done, "done", nil, "tick a checklist `ITEM` (repeatable)")
	fs.Float64Var(&o.sleep, "sleep", 0, "morning check: `HOURS` slept, 0 to 16 in half hours")
	fs.IntVar(&o.quality, "quality", 0, "morning check: sleep quality, `N` from 1 (very good) to 7 (very bad)")
	fs.IntVar(&o.fatigue, "fatigue", 0, "morning check: fatigue, `N` from 1 to 7")
	fs.IntVar(&o.stress, "stress", 0, "morning check: stress, `N` from 1 to 7")
	fs.IntVar(&o.soreness, "soreness", 0, "morning check: muscle soreness, `N` from 1 to 7")
	fs.StringVar(&o.bedtime, "bedtime", "", "planned bedtime, `HH:MM`")
	fs.StringVar(&o.note, "note", "", "the day's note, `TEXT` of at most 2000 characters (replaces the note)")
	return o
}

// flagOfField names the log flag that sets a field of coach's errors.
func flagOfField(field string) (string, bool) {
	switch field {
	case "date", "kind", "minutes", "rpe", "bedtime", "note", "done":
		return "--" + field, true
	case "morning.sleep_hours":
		return "--sleep", true
	case "morning.sleep_quality":
		return "--quality", true
	case "morning.fatigue", "morning.stress", "morning.soreness":
		return "--" + strings.TrimPrefix(field, "morning."), true
	}
	return "", false
}

// invalid turns a coach validation error into a usage error that names
// the flag once, in one form for every flag: "invalid --minutes: 0 is out
// of range 1 to 600", "invalid --kind: "yoga" is not a workout kind; ...".
func invalid(err error) error {
	var fe *coach.FieldError
	if errors.As(err, &fe) {
		field := fe.Field
		if i := strings.LastIndexByte(field, '.'); i >= 0 && strings.HasPrefix(field, "workouts[") {
			field = field[i+1:]
		}
		name := fe.Field
		if f, ok := flagOfField(field); ok {
			name = f
		}
		return invalidFlag(name, "%s", rangeMsg(fe))
	}
	return err
}

// invalidFlag is the usage error of `cooldown log` for a flag whose value
// is refused.
func invalidFlag(flag, format string, a ...any) error {
	return usageErr("log: invalid %s: %s", flag, fmt.Sprintf(format, a...))
}

// rangeMsg is what a field error says about the value: a value out of its
// range in the command line's one form, "0 is out of range 1 to 600".
func rangeMsg(fe *coach.FieldError) string {
	if r := fe.Range; r != nil {
		return outOfRange(r.Value, r.Min, r.Max)
	}
	// "is not valid UTF-8 text" reads after the flag without its verb.
	return strings.TrimPrefix(fe.Msg, "is ")
}

// outOfRange is the command line's words for a value out of its range.
func outOfRange(v, lo, hi any) string {
	return fmt.Sprintf("%v is out of range %v to %v", v, lo, hi)
}

// runLog records the day the flags in fs describe. cobra has checked
// that the flags of each of logGroups come all or none.
func runLog(e *env, o *logOptions, fs *pflag.FlagSet) error {
	set := map[string]bool{}
	fs.Visit(func(f *pflag.Flag) { set[f.Name] = true })

	// Gather and check everything before opening the database.
	var workout *coach.Workout
	if set["kind"] {
		w := coach.Workout{Kind: coach.Kind(o.kind), Minutes: o.minutes, RPE: o.rpe}
		if err := coach.ValidateWorkout(w, ""); err != nil {
			return invalid(err)
		}
		workout = &w
	}
	var morning *coach.Morning
	if set["sleep"] {
		m := coach.Morning{SleepHours: o.sleep, SleepQuality: o.quality, Fatigue: o.fatigue, Stress: o.stress, Soreness: o.soreness}
		if err := coach.ValidateMorning(m); err != nil {
			return invalid(err)
		}
		morning = &m
	}
	var items []coach.Item
	for _, id := range o.done {
		if _, ok := coach.LookupItem(coach.Item(id)); !ok {
			var ids []string
			for _, it := range coach.Items {
				ids = append(ids, string(it.ID))
			}
			return invalidFlag("--done", "%q is not a checklist item; allowed %s", id, strings.Join(ids, ", "))
		}
		items = append(items, coach.Item(id))
	}
	var bedtime *coach.Clock
	if set["bedtime"] {
		c, err := coach.ParseClock(o.bedtime)
		if err != nil {
			return invalidFlag("--bedtime", "%q is not a time of day; want HH:MM between 00:00 and 23:59", o.bedtime)
		}
		bedtime = &c
	}
	if set["note"] {
		if err := coach.ValidateNote(o.note); err != nil {
			return invalid(err)
		}
		// The keyboard rule: what a person types holds no control
		// character but new line and tab (the stored note may, from an
		// import; every view escapes it).
		if err := safetext.CheckTyped(o.note); err != nil {
			return invalid(&coach.FieldError{Field: "note", Msg: err.Error()})
		}
	}
	var date coach.Date
	if set["date"] {
		d, err := coach.ParseDate(o.date)
		if err != nil {
			return invalidFlag("--date", "%q is not a calendar date; want YYYY-MM-DD", o.date)
		}
		date = d
	}
	if workout == nil && morning == nil && len(items) == 0 && bedtime == nil && !set["note"] {
		return usageErr("log: nothing to record: give a workout (--kind, --minutes, --rpe), --done ITEM, the morning check (--sleep and the four ratings), --bedtime or --note\nrun `cooldown log --help` for usage")
	}

	st, err := openStore(e)
	if err != nil {
		return err
	}
	settings, err := st.Settings()
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	now := e.now()
	today := coach.DateAt(now, e.loc, settings.DayStartHour)
	if date.IsZero() {
		date = today
		if morning != nil {
			// The morning check is about last night, so it belongs to the
			// training day before it: the one `status` lists as open.
			if workout != nil || len(items) > 0 || bedtime != nil || set["note"] {
				return usageErr("log: the morning check belongs to the training day before last night, the other flags to today: give --date, or log them in two commands")
			}
			recent, err := st.DaysBetween(today.AddDays(-coach.OpenQuestionDays), today)
			if errors.Is(err, store.ErrDamaged) {
				err = nil // an unreadable day cannot be the open one; `check` names it
			}
			if err != nil {
				return storeErr(e.dbPath, err)
			}
			open := coach.OpenQuestions(recent, today)
			if len(open) == 0 {
				return usageErr("log: no training day of the last %d days is waiting for its morning check; give the day with --date YYYY-MM-DD", coach.OpenQuestionDays)
			}
			date = open[0]
		}
	}
	if date.After(today) {
		return invalidFlag("--date", "%s is in the future; allowed up to today, %s", date, today)
	}
	update := func(d *coach.Day) error {
		if workout != nil {
			d.Workouts = append(d.Workouts, *workout)
		}
		for _, it := range items {
			if !d.IsDone(it) { // keep when it was first ticked
				d.SetDone(it, true, now)
			}
		}
		if morning != nil {
			m := *morning
			d.Morning = &m
		}
		if bedtime != nil {
			c := *bedtime
			d.Bedtime = &c
		}
		if set["note"] {
			d.Note = o.note
		}
		return d.ValidateEntry(today)
	}
	var day coach.Day
	err = e.sig.commit(func() (err error) {
		day, err = st.Update(date, update)
		return err
	})
	if err != nil {
		var fe *coach.FieldError
		if errors.As(err, &fe) {
			return invalid(err)
		}
		return storeErr(e.dbPath, err)
	}
	if berr := st.BackupError(); berr != nil {
		fmt.Fprintf(e.stderr, "cooldown: warning: the change was saved, but today's backup could not be written: %s\n", safetext.Line(berr.Error()))
	}
	confirmCommitted(e, safetext.Line(dayLine(day, settings))+"\n")
	return nil
}

// dayLine describes a day's status in one line:
// "2026-11-25: pending (sleep pending, blood flow met, diet met)".
func dayLine(d coach.Day, s coach.Settings) string {
	if d.IsRest() {
		// Ticks, a bedtime, a note or morning answers on a date without a
		// workout are kept, but the day is a rest day: say so.
		return fmt.Sprintf("%s: rest day, no workout (it neither adds to nor breaks a streak; add one with --kind, --minutes and --rpe)", d.Date)
	}
	parts := make([]string, 0, len(coach.Pillars))
	for _, p := range coach.Pillars {
		parts = append(parts, p.String()+" "+d.Pillar(p, s).String())
	}
	return fmt.Sprintf("%s: %s (%s)", d.Date, d.Status(s), strings.Join(parts, ", "))
}
