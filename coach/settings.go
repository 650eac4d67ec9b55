package coach

// Settings are the person's rules for a complete day.
type Settings struct {
	SleepTargetHours float64 // 6 to 10 in half hours; default 7
	DietMinGroups    int     // 1 to 9; default 3
	DayStartHour     int     // 0 to 6; default 4
}

// Limits of the settings.
const (
	MinSleepTarget  = 6.0
	MaxSleepTarget  = 10.0
	MinDietGroups   = 1
	MaxDietGroups   = 9
	MinDayStartHour = 0
	MaxDayStartHour = 6
	// BloodFlowMin is how many blood-flow items meet the pillar.
	BloodFlowMin = 1
)

// DefaultSettings returns the settings of a new database.
func DefaultSettings() Settings {
	return Settings{SleepTargetHours: 7, DietMinGroups: 3, DayStartHour: 4}
}
