package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime/debug"

	"github.com/spf13/cobra"

	"cooldown/coach"
	"cooldown/store"
)

// newStatusCmd is `cooldown status`.
func newStatusCmd(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:     "status [--json]",
		Short:   "print the streak, today's state and any open question on one line",
		Example: "  cooldown status --json | jq .current_streak",
		Args: func(_ *cobra.Command, pos []string) error {
			if len(pos) > 0 {
				return usageErr("status: unexpected argument %q\nrun `cooldown status --help` for usage", pos[0])
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE:              func(*cobra.Command, []string) error { return runStatus(e, &asJSON) },
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of one line")
	return c
}

// statusJSON is the contract of `cooldown status --json`.
type statusJSON struct {
	Today            string   `json:"today"`
	TodayStatus      string   `json:"today_status"`
	CurrentStreak    int      `json:"current_streak"`
	LongestStreak    int      `json:"longest_streak"`
	WeekStreak       int      `json:"week_streak"`
	RecoveryStrength int      `json:"recovery_strength"`
	TrainingDays     int      `json:"training_days"`
	AcuteLoad        float64  `json:"acute_load"`
	ChronicLoad      *float64 `json:"chronic_load"`
	LoadRatio        *float64 `json:"load_ratio"`
	OpenQuestions    []string `json:"open_questions"`
}

// runStatus prints the status line, or its JSON with *asJSON.
func runStatus(e *env, asJSON *bool) error {
	// status is a one-shot process that a prompt may run every second: it
	// allocates a few megabytes reading a long history and exits, so
	// garbage collection would only cost time. The memory limit brings the
	// collector back should a history ever be that large.
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(64 << 20)
	snap, err := readSnapshot(e)
	if errors.Is(err, errNoDatabase) {
		// No database yet: an empty history, for a prompt on a new machine.
		snap, err = store.Snapshot{Settings: coach.DefaultSettings()}, nil
	}
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	today := coach.DateAt(e.now(), e.loc, snap.Settings.DayStartHour)
	sum := coach.Summarize(snap.Days, today, snap.Settings)

	var b bytes.Buffer
	if *asJSON {
		out := statusJSON{
			Today:            today.String(),
			TodayStatus:      sum.TodayStatus.String(),
			CurrentStreak:    sum.Streak.Current,
			LongestStreak:    sum.Streak.Longest,
			WeekStreak:       sum.Streak.Week,
			RecoveryStrength: sum.StrengthPercent,
			TrainingDays:     sum.TrainingDays,
			AcuteLoad:        sum.Load.Acute,
			OpenQuestions:    []string{},
		}
		// chronic_load and load_ratio are two facts: chronic is a number
		// (maybe 0) once the history is long enough; the ratio only while
		// chronic is above 0.
		if sum.Load.HasChronic {
			chronic := sum.Load.Chronic
			out.ChronicLoad = &chronic
		}
		if sum.Load.HasRatio {
			ratio := math.Round(sum.Load.Ratio*100) / 100
			out.LoadRatio = &ratio
		}
		for _, q := range openItems(sum) {
			out.OpenQuestions = append(out.OpenQuestions, q.date.String()+": "+q.what)
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(&b, "cooldown: %d-day streak (longest %d) · today: %s", sum.Streak.Current, sum.Streak.Longest, sum.TodayStatus.Label())
		if open := openItems(sum); len(open) > 0 {
			n := len(open)
			fmt.Fprintf(&b, " · open: %s %s", open[0].date, open[0].what)
			if n > 1 {
				fmt.Fprintf(&b, " (+%d more)", n-1)
			}
		}
		b.WriteByte('\n')
	}
	if _, err = e.stdout.Write(b.Bytes()); err != nil {
		return err
	}
	return damagedErr(e, snap.Damaged, "the figures above leave them out")
}

// openItem is one open question of the status: its date and what is asked.
type openItem struct {
	date coach.Date
	what string // "morning check", "effort of the 52-minute endurance workout at 07:10"
}

// openItems lists the open questions of sum: the morning checks, then the
// efforts not yet given (both within the 7-day window), each newest first.
func openItems(sum coach.Summary) []openItem {
	out := make([]openItem, 0, len(sum.OpenQuestions)+len(sum.OpenEfforts))
	for _, d := range sum.OpenQuestions {
		out = append(out, openItem{d, "morning check"})
	}
	for _, q := range sum.OpenEfforts {
		out = append(out, openItem{q.Date, "effort of " + q.Subject()})
	}
	return out
}
