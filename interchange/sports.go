package interchange

import (
	"strings"

	"cooldown/coach"
)

// notTraining marks sports that are not training: they are left out of an
// import (meditation, breathing, multisport transitions, and being moved
// by a machine).
const notTraining coach.Kind = "-"

// defaultKind is the kind of a sport the tables do not know (FIT generic,
// Strava "Workout", Apple "Other"): most such recordings are steady
// cardio, and endurance triggers no strength or interval advice.
const defaultKind = coach.Endurance

// subSportKinds decide before the sport when the sub-sport is specific
// (FIT's training/strength_training, fitness_equipment/yoga, ...). Keys
// are normalised names (see norm).
var subSportKinds = map[string]coach.Kind{
	"strengthtraining":     coach.Strength,
	"cardiotraining":       coach.Endurance,
	"hiit":                 coach.Intervals,
	"amrap":                coach.Intervals,
	"emom":                 coach.Intervals,
	"tabata":               coach.Intervals,
	"yoga":                 coach.Mobility,
	"pilates":              coach.Mobility,
	"flexibilitytraining":  coach.Mobility,
	"breathing":            notTraining,
	"biketoruntransition":  notTraining,
	"runtobiketransition":  notTraining,
	"swimtobiketransition": notTraining,
}

// sportKinds maps sport names from every source, normalised: FIT sport
// names ("running"), TCX ("Biking"), Strava activity types ("Weight
// Training") and Apple's HKWorkoutActivityType… names without the prefix.
var sportKinds = map[string]coach.Kind{}

func init() {
	add := func(k coach.Kind, names string) {
		for _, n := range strings.Fields(names) {
			sportKinds[n] = k
		}
	}
	add(notTraining, `transition meditation breathing mindfulness driving motorcycling
		boating flying motorsports videogaming snowmobiling hanggliding skydiving`)
	add(coach.Strength, `training strengthtraining weighttraining traditionalstrengthtraining
		functionalstrengthtraining coretraining`)
	add(coach.Intervals, `hiit highintensityintervaltraining crossfit crosstraining
		mixedmetaboliccardiotraining`)
	add(coach.Endurance, `running run trailrun virtualrun cycling ride biking virtualride
		mountainbikeride gravelride ebikeride emountainbikeride ebiking handcycle handcycling
		velomobile swimming swim walking walk hiking hike crosscountryskiing nordicski
		backcountryski rollerski rowing virtualrow paddling paddlesports kayaking canoeing
		standuppaddleboarding standuppaddling inlineskating inlineskate iceskating iceskate
		skatingsports snowshoeing snowshoe mountaineering elliptical stairstepper stairclimbing
		stairs steptraining floorclimbing fitnessequipment wheelchair wheelchairpushwalk
		wheelchairpushrun wheelchairwalkpace wheelchairrunpace mixedcardio jumprope grinding
		swimbikerun multisport geocaching waterfitness`)
	add(coach.Sport, `basketball soccer football tennis americanfootball australianfootball golf
		discgolf discsports racket badminton squash racquetball pickleball padel tabletennis
		volleyball baseball softball cricket rugby hockey lacrosse handball waterpolo teamsport
		boxing kickboxing martialarts mixedmartialarts wrestling fencing rockclimbing rockclimb
		climbing bouldering alpineskiing alpineski downhillskiing snowboarding snowboard snowsports
		surfing surfingsports windsurfing windsurf kitesurfing kitesurf wakeboarding waterskiing
		wakesurfing watersports sailing sail rafting diving underwaterdiving snorkeling poolapnea
		archery shooting tactical equestriansports horsebackriding gymnastics trackandfield
		bowling curling dance cardiodance socialdance skateboard play fitnessgaming parasport
		wintersport jumpmaster`)
	add(coach.Mobility, `yoga pilates barre mobility flexibility taichi mindandbody
		preparationandrecovery cooldown fishing hunting`)
}

// norm lower-cases a sport name and keeps only letters and digits, so
// "Weight Training", "weight_training" and "HKWorkoutActivityTypeWeightTraining"
// meet.
func norm(s string) string {
	s = strings.TrimPrefix(s, appleWorkoutPrefix)
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// kindOf returns the kind for a sport and sub-sport as read, notTraining
// for what is not training, and whether the tables knew it.
func kindOf(sport, subSport string) (coach.Kind, bool) {
	if k, ok := subSportKinds[norm(subSport)]; ok {
		return k, true
	}
	if k, ok := sportKinds[norm(sport)]; ok {
		return k, true
	}
	return defaultKind, false
}
