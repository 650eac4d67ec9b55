// Command genhistory writes a synthetic cooldown history as an export file
// (the format `cooldown import` reads), for scripts/bench.sh.
//
//	go run ./scripts/genhistory -days 3650 -o history.json
//
// The history is deterministic for a given -seed and -end: one training day
// per calendar date ending at -end (default: today in the local time zone,
// the day starting at 04:00, as cooldown counts it). Most days are complete,
// some partial; the newest day has no morning answers yet, so the home screen
// shows an open question, and today's check-in is in progress.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"
)

type export struct {
	Format     string   `json:"format"`
	Version    int      `json:"version"`
	ExportedAt string   `json:"exported_at"`
	Settings   settings `json:"settings"`
	Days       []day    `json:"days"`
}

type settings struct {
	SleepTargetHours float64 `json:"sleep_target_hours"`
	DietMinGroups    int     `json:"diet_min_groups"`
	DayStartHour     int     `json:"day_start_hour"`
}

type workout struct {
	Kind    string `json:"kind"`
	Minutes int    `json:"minutes"`
	RPE     int    `json:"rpe"`
}

type morning struct {
	SleepHours   float64 `json:"sleep_hours"`
	SleepQuality int     `json:"sleep_quality"`
	Fatigue      int     `json:"fatigue"`
	Stress       int     `json:"stress"`
	Soreness     int     `json:"soreness"`
}

type day struct {
	Date     string            `json:"date"`
	Workouts []workout         `json:"workouts"`
	Done     map[string]string `json:"done"`
	Bedtime  string            `json:"bedtime,omitempty"`
	Morning  *morning          `json:"morning,omitempty"`
	Note     string            `json:"note,omitempty"`
}

var (
	kinds     = []string{"strength", "intervals", "endurance", "sport", "mobility"}
	bloodFlow = []string{"massage", "stretching", "foam-rolling", "mobility-tools"}
	diet      = []string{"fatty-fish", "berries", "leafy-greens", "nuts-seeds", "turmeric", "olive-oil", "whole-grains", "cruciferous", "ginger"}
	bedtimes  = []string{"21:30", "22:00", "22:30", "23:00", "23:30"}
	notes     = []string{"legs day", "felt strong", "tired after work", "long run by the river", "new squat record"}
)

func main() {
	n := flag.Int("days", 3650, "number of training days, one per calendar date")
	endFlag := flag.String("end", "", "newest date, YYYY-MM-DD (default: today, local time, day starting at 04:00)")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "-", "output file (- for stdout)")
	flag.Parse()
	if err := run(*n, *endFlag, *seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genhistory:", err)
		os.Exit(1)
	}
}

func run(n int, endFlag string, seed uint64, out string) error {
	if n < 1 {
		return fmt.Errorf("-days must be at least 1, got %d", n)
	}
	end := time.Now().Add(-4 * time.Hour)
	if endFlag != "" {
		t, err := time.ParseInLocation(time.DateOnly, endFlag, time.Local)
		if err != nil {
			return fmt.Errorf("-end: %w", err)
		}
		end = t
	}
	end = time.Date(end.Year(), end.Month(), end.Day(), 12, 0, 0, 0, time.Local)
	r := rand.New(rand.NewPCG(seed, 2026))
	e := export{
		Format:     "cooldown-export",
		Version:    1,
		ExportedAt: end.UTC().Format(time.RFC3339),
		Settings:   settings{SleepTargetHours: 7, DietMinGroups: 3, DayStartHour: 4},
		Days:       make([]day, 0, n),
	}
	for i := n - 1; i >= 0; i-- {
		date := end.AddDate(0, 0, -i)
		e.Days = append(e.Days, genDay(r, date, i))
	}
	data, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if out == "-" {
		_, err = os.Stdout.Write(data)
		return err
	}
	return os.WriteFile(out, data, 0o600)
}

// genDay makes the record of one training day; age is its distance from the
// newest day (0 for the newest).
func genDay(r *rand.Rand, date time.Time, age int) day {
	d := day{Date: date.Format(time.DateOnly), Done: map[string]string{}}
	for range 1 + r.IntN(10)/8 { // one workout, sometimes two
		d.Workouts = append(d.Workouts, workout{
			Kind:    kinds[r.IntN(len(kinds))],
			Minutes: 20 + 5*r.IntN(20),
			RPE:     3 + r.IntN(7),
		})
	}
	at := time.Date(date.Year(), date.Month(), date.Day(), 19, 0, 0, 0, time.Local)
	mark := func(id string) {
		at = at.Add(time.Duration(1+r.IntN(9)) * time.Minute)
		d.Done[id] = at.UTC().Format(time.RFC3339)
	}
	complete := r.IntN(100) < 85
	if age == 0 {
		complete = false // today: a check-in in progress
	}
	if complete || r.IntN(2) == 0 {
		mark(bloodFlow[r.IntN(len(bloodFlow))])
	}
	groups := 1 + r.IntN(3)
	if complete {
		groups = 3 + r.IntN(4)
	}
	for _, i := range r.Perm(len(diet))[:groups] {
		mark(diet[i])
	}
	d.Bedtime = bedtimes[r.IntN(len(bedtimes))]
	if age > 1 { // the night after yesterday is still an open question
		sleep := 7 + 0.5*float64(r.IntN(4))
		if !complete && r.IntN(2) == 0 {
			sleep = 5.5 + 0.5*float64(r.IntN(3))
		}
		d.Morning = &morning{
			SleepHours:   sleep,
			SleepQuality: 1 + r.IntN(7),
			Fatigue:      1 + r.IntN(7),
			Stress:       1 + r.IntN(7),
			Soreness:     1 + r.IntN(7),
		}
	}
	if r.IntN(10) == 0 {
		d.Note = notes[r.IntN(len(notes))]
	}
	return d
}
