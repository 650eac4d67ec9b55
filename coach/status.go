package coach

// Status is the state of a training day's recovery.
type Status int

// The statuses. StatusNone means no training day: either nothing is
// recorded for the date, or the date is a rest day (a day without a
// workout, which may still hold ticks, a bedtime, a note or morning
// answers). Files say "none"; screens say "rest" (see Label).
const (
	StatusNone Status = iota
	StatusPartial
	StatusPending
	StatusComplete
)

// String returns the status as written in files: none, partial, pending or
// complete.
func (s Status) String() string {
	switch s {
	case StatusPartial:
		return "partial"
	case StatusPending:
		return "pending"
	case StatusComplete:
		return "complete"
	}
	return "none"
}

// Label returns the status in the words every screen and the one-line
// status use: complete, pending, partial, or rest for a date without
// training. (String is the word of files and status --json, where a rest
// day stays "none".)
func (s Status) Label() string {
	if s == StatusNone {
		return "rest"
	}
	return s.String()
}

// PillarState is how far one pillar of a day is met.
type PillarState int

// The pillar states. Sleep is pending until it is reported.
const (
	PillarMissed PillarState = iota
	PillarPending
	PillarMet
)

// String returns the state as a word.
func (p PillarState) String() string {
	switch p {
	case PillarPending:
		return "pending"
	case PillarMet:
		return "met"
	}
	return "missed"
}

// CountDone returns how many items of pillar p are ticked on d.
func (d Day) CountDone(p Pillar) int {
	n := 0
	for _, t := range d.Done {
		if ip, ok := itemPillar(t.Item); ok && ip == p {
			n++
		}
	}
	return n
}

// countPillars counts the ticked blood-flow and diet items of d in one pass
// over its checklist.
func (d *Day) countPillars() (bloodFlow, diet int) {
	for _, t := range d.Done {
		switch ip, ok := itemPillar(t.Item); {
		case !ok:
		case ip == PillarBloodFlow:
			bloodFlow++
		case ip == PillarDiet:
			diet++
		}
	}
	return bloodFlow, diet
}

// Pillar returns the state of pillar p of d under settings s.
func (d Day) Pillar(p Pillar, s Settings) PillarState {
	switch p {
	case PillarSleep:
		if d.Morning == nil {
			return PillarPending
		}
		if d.Morning.SleepHours >= s.SleepTargetHours {
			return PillarMet
		}
	case PillarBloodFlow:
		if d.CountDone(PillarBloodFlow) >= BloodFlowMin {
			return PillarMet
		}
	case PillarDiet:
		if d.CountDone(PillarDiet) >= s.DietMinGroups {
			return PillarMet
		}
	}
	return PillarMissed
}

// Status returns StatusNone for a rest day (no workout), complete when all
// three pillars are met, pending when only sleep is not yet reported, and
// partial otherwise.
func (d Day) Status(s Settings) Status { return d.status(s) }

// status is Status without copying the day; the rules walk whole histories
// with it, so it reads the checklist once.
func (d *Day) status(s Settings) Status {
	if len(d.Workouts) == 0 {
		return StatusNone
	}
	if len(d.Done) < BloodFlowMin+s.DietMinGroups {
		return StatusPartial
	}
	bf, diet := d.countPillars()
	if bf < BloodFlowMin || diet < s.DietMinGroups {
		return StatusPartial
	}
	switch {
	case d.Morning == nil:
		return StatusPending
	case d.Morning.SleepHours >= s.SleepTargetHours:
		return StatusComplete
	}
	return StatusPartial
}
