package interchange

import "time"

// SourceKind names the kind of file a session came from.
type SourceKind string

// The source kinds.
const (
	SourceFIT         SourceKind = "fit"
	SourceTCX         SourceKind = "tcx"
	SourceStrava      SourceKind = "strava"
	SourceAppleHealth SourceKind = "apple-health"
)

// OffsetSource says where a session's local UTC offset came from.
type OffsetSource string

// The offset sources. With OffsetNone the caller uses the machine's zone
// at the session's start, which can shift a day for a session recorded
// while travelling.
const (
	OffsetNone       OffsetSource = ""
	OffsetFIT        OffsetSource = "fit-local-timestamp"
	OffsetLinkedFile OffsetSource = "linked-fit-file"
)

// Session is one recorded training session as the file gives it, before
// any mapping to coach values.
type Session struct {
	Source SourceKind // the kind of file (a Strava row with its linked file is SourceStrava)
	ID     string     // the activity's own id, stable across re-reads of the same data
	File   string     // the file name (for a folder or zip, the path inside it)

	Start      time.Time     // start instant, UTC
	Offset     time.Duration // local offset east of UTC; meaningful only when OffsetFrom is not OffsetNone
	OffsetFrom OffsetSource

	Sport    string // sport as read (FIT "running", Strava "Run", Apple "HKWorkoutActivityTypeRunning")
	SubSport string // sub-sport as read ("" when the format has none)

	Timer   time.Duration // moving time (timer time, pauses excluded); 0 when not given
	Elapsed time.Duration // elapsed time, pauses included; 0 when not given

	// RPE is the effort the person rated, on the CR-10 scale as a decimal
	// (FIT's workout_rpe 70 is 7.0); 0 means not given.
	RPE float64

	AvgHR, MaxHR int // beats per minute; 0 when not given
}

// Sleep is one interval of sleep from an Apple Health export: time asleep
// (core, deep, REM or unspecified), never time in bed or awake.
type Sleep struct {
	Start, End time.Time // UTC
	Stage      string    // "core", "deep", "rem" or "asleep" (unspecified)
	Source     string    // the recording app or device (Apple's sourceName)
	File       string
}

// Result is what one read gives: the sessions and sleep found, and the
// files that were refused or skipped, each with the reason.
type Result struct {
	Sessions []Session
	Sleep    []Sleep
	// Refused lists files that could not be read: truncated, corrupt,
	// too large, or leaving the folder or archive. Nothing from them is in
	// Sessions or Sleep.
	Refused []*FileError
	// Skipped lists files that were read but hold nothing to import:
	// ErrUnsupported (a planned workout, settings, monitoring, weight, an
	// unknown file) or ErrNoWorkout.
	Skipped []*FileError
}

func (r *Result) add(o Result) {
	r.Sessions = append(r.Sessions, o.Sessions...)
	r.Sleep = append(r.Sleep, o.Sleep...)
	r.Refused = append(r.Refused, o.Refused...)
	r.Skipped = append(r.Skipped, o.Skipped...)
}
