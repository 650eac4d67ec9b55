package coach

import "fmt"

// Subject names the workout of q for a question or a status line: "the
// 52-minute endurance workout at 07:10", the time in the zone that decided
// its date; without a start time (a typed workout), no time.
func (q EffortQuestion) Subject() string { return WorkoutSubject(q.Workout) }

// WorkoutSubject names w as Subject does.
func WorkoutSubject(w Workout) string {
	s := fmt.Sprintf("the %d-minute %s", w.Minutes, kindNoun(w.Kind))
	if !w.Start.IsZero() {
		s += " at " + w.Start.Format("15:04")
	}
	return s
}

// kindNoun is a workout kind as a noun in a sentence.
func kindNoun(k Kind) string {
	switch k {
	case Strength:
		return "strength workout"
	case Intervals:
		return "interval workout"
	case Endurance:
		return "endurance workout"
	case Sport:
		return "sport session"
	case Mobility:
		return "mobility session"
	}
	return "workout"
}
