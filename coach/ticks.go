package coach

import (
	"slices"
	"time"
)

// Tick is one checklist item ticked, and when (UTC).
type Tick struct {
	Item Item
	At   time.Time
}

// Ticks holds the checklist items ticked on a day, each at most once, in
// checklist order (the order of Items; unknown items last). It is a small
// slice rather than a map so that a long history decodes and walks without
// a map per day: a day has at most 13 items. Set and Remove never write
// into the slice they were given, so a copy of a Day never sees another
// copy's change.
type Ticks []Tick

// At returns when item was ticked, and whether it is.
func (t Ticks) At(item Item) (time.Time, bool) {
	for _, k := range t {
		if k.Item == item {
			return k.At, true
		}
	}
	return time.Time{}, false
}

// Has reports whether item is ticked.
func (t Ticks) Has(item Item) bool {
	_, ok := t.At(item)
	return ok
}

// Set returns t with item ticked at (in UTC), replacing an earlier tick of
// the same item, in checklist order. t itself is not changed.
func (t Ticks) Set(item Item, at time.Time) Ticks {
	out := make(Ticks, 0, len(t)+1)
	for _, k := range t {
		if k.Item != item {
			out = append(out, k)
		}
	}
	out = append(out, Tick{Item: item, At: at.UTC()})
	out.Sort()
	return out
}

// Remove returns t without item (nil when nothing is left). t itself is
// not changed.
func (t Ticks) Remove(item Item) Ticks {
	if !t.Has(item) {
		return t
	}
	var out Ticks
	for _, k := range t {
		if k.Item != item {
			out = append(out, k)
		}
	}
	return out
}

// Sort puts t in checklist order, in place; items of the same rank (only
// unknown ones) keep their order.
func (t Ticks) Sort() {
	if slices.IsSortedFunc(t, compareTicks) {
		return
	}
	slices.SortStableFunc(t, compareTicks)
}

func compareTicks(a, b Tick) int { return itemRank(a.Item) - itemRank(b.Item) }

// itemRank is the position of id in Items, len(Items) for an unknown id.
func itemRank(id Item) int {
	for i, it := range Items {
		if it.ID == id {
			return i
		}
	}
	return len(Items)
}
