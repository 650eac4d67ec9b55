package coach

// OpenQuestionDays is how far back a missing morning check is still asked.
const OpenQuestionDays = 7

// OpenQuestions returns the training days of the 7 days before today
// (today-7 to today-1) that still wait for their morning check (no
// morning, or hours slept without the ratings), newest first; the
// efforts not yet given are OpenEfforts; a rest day is never asked (its morning answers can still be
// given from history). Today's own morning check is asked tomorrow, so today is never
// open.
func OpenQuestions(days []Day, today Date) []Date {
	days = upTo(days, today)
	var out []Date
	from := today.AddDays(-OpenQuestionDays)
	for i := len(days) - 1; i >= 0 && !days[i].Date.Before(from); i-- {
		if days[i].Date != today && days[i].MorningOpen() && !days[i].IsRest() {
			out = append(out, days[i].Date)
		}
	}
	return out
}

// AdherenceDays is the window of the adherence rules: 4 weeks ending today.
const AdherenceDays = 28

// PillarAdherence is how often one pillar was met over a window.
type PillarAdherence struct {
	Pillar  Pillar
	Met     int // training days with the pillar met
	Pending int // not known yet: sleep not reported, or today in progress
	Of      int // training days in the window
}

// Missed returns the number of training days on which the pillar was missed.
func (a PillarAdherence) Missed() int { return a.Of - a.Met - a.Pending }

// Adherence returns, for each pillar in checklist order, how often it was
// met over the training days of the 28 days ending today (rest days are not
// counted, nor are untracked days of device workouts alone). A pillar of the
// day dated today that is not met yet counts as pending, not missed: the
// check-in may still be in progress.
func Adherence(days []Day, today Date, s Settings) []PillarAdherence {
	days = upTo(days, today)
	out := []PillarAdherence{{Pillar: PillarSleep}, {Pillar: PillarBloodFlow}, {Pillar: PillarDiet}}
	for i := searchFrom(days, today.AddDays(-(AdherenceDays - 1))); i < len(days); i++ {
		d := &days[i]
		if d.IsRest() || d.Untracked() {
			continue
		}
		bf, diet := d.countPillars()
		states := [3]PillarState{PillarMissed, PillarMissed, PillarMissed}
		switch {
		case d.Morning == nil:
			states[PillarSleep] = PillarPending
		case d.Morning.SleepHours >= s.SleepTargetHours:
			states[PillarSleep] = PillarMet
		}
		if bf >= BloodFlowMin {
			states[PillarBloodFlow] = PillarMet
		}
		if diet >= s.DietMinGroups {
			states[PillarDiet] = PillarMet
		}
		for p, st := range states {
			if st == PillarMissed && d.Date == today {
				st = PillarPending
			}
			out[p].Of++
			switch st {
			case PillarMet:
				out[p].Met++
			case PillarPending:
				out[p].Pending++
			}
		}
	}
	return out
}

// MostMissed returns the pillar missed on the most training days of adh;
// on a tie the first in checklist order. It returns false when no pillar
// was missed.
func MostMissed(adh []PillarAdherence) (Pillar, bool) {
	best, most := Pillar(0), 0
	for _, a := range adh {
		if m := a.Missed(); m > most {
			best, most = a.Pillar, m
		}
	}
	return best, most > 0
}
