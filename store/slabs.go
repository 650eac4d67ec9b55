package store

import "cooldown/coach"

// slabChunk is how many workouts, ticks, bedtimes or mornings one backing
// array of a slab holds.
const slabChunk = 512

// slabs hands out the small parts of decoded days (workout and tick lists,
// bedtimes, mornings) from shared backing arrays, so that decoding a long
// history costs a few allocations per 512 days instead of four per day.
// Every part handed out is its own region: a list has its capacity cut to
// its length, so appending to it copies instead of writing into a
// neighbour. A nil *slabs allocates every part on its own.
type slabs struct {
	workouts []coach.Workout
	ticks    []coach.Tick
	clocks   []coach.Clock
	mornings []coach.Morning
}

// carve returns n zeroed elements from *slab, starting a new backing array
// when the current one is full.
func carve[T any](slab *[]T, n int) []T {
	if n > slabChunk {
		return make([]T, n)
	}
	if len(*slab)+n > cap(*slab) {
		*slab = make([]T, 0, slabChunk)
	}
	start := len(*slab)
	*slab = (*slab)[:start+n]
	return (*slab)[start : start+n : start+n]
}

// workoutList returns a zeroed list of n workouts.
func (s *slabs) workoutList(n int) []coach.Workout {
	if s == nil {
		return make([]coach.Workout, n)
	}
	return carve(&s.workouts, n)
}

// tickList returns a zeroed list of n ticks.
func (s *slabs) tickList(n int) coach.Ticks {
	if s == nil {
		return make(coach.Ticks, n)
	}
	return carve(&s.ticks, n)
}

// clock returns a pointer to a new clock holding c.
func (s *slabs) clock(c coach.Clock) *coach.Clock {
	if s == nil {
		return &c
	}
	p := &carve(&s.clocks, 1)[0]
	*p = c
	return p
}

// morning returns a pointer to a new morning check holding m.
func (s *slabs) morning(m coach.Morning) *coach.Morning {
	if s == nil {
		return &m
	}
	p := &carve(&s.mornings, 1)[0]
	*p = m
	return p
}
