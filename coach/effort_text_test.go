package coach

import (
	"testing"
	"time"
)

func TestWorkoutSubject(t *testing.T) {
	d0 := Date{Year: 2026, Month: time.November, Day: 25}
	plus := deviceWorkout(d0, 52, 0)
	plus.Start = StartAt(time.Date(2026, 11, 25, 7, 10, 0, 0, time.FixedZone("", 3600)))
	tests := []struct {
		name string
		w    Workout
		want string
	}{
		{"device endurance", deviceWorkout(d0, 52, 0), "the 52-minute endurance workout at 07:10"},
		{"start in its own zone", plus, "the 52-minute endurance workout at 07:10"},
		{"typed, no start", Workout{Kind: Strength, Minutes: 40, RPE: 7}, "the 40-minute strength workout"},
		{"intervals", Workout{Kind: Intervals, Minutes: 1}, "the 1-minute interval workout"},
		{"sport", Workout{Kind: Sport, Minutes: 90}, "the 90-minute sport session"},
		{"mobility", Workout{Kind: Mobility, Minutes: 20}, "the 20-minute mobility session"},
		{"unknown kind", Workout{Kind: "yoga", Minutes: 20}, "the 20-minute workout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WorkoutSubject(tt.w); got != tt.want {
				t.Errorf("WorkoutSubject() = %q, want %q", got, tt.want)
			}
			if got := (EffortQuestion{Date: d0, Workout: tt.w}).Subject(); got != tt.want {
				t.Errorf("Subject() = %q, want %q", got, tt.want)
			}
		})
	}
}
