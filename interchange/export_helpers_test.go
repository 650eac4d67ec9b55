package interchange

// Helpers of the export and import tests, as store's tests had them.

import (
	"testing"
	"time"

	"cooldown/coach"
	"cooldown/coach/coachtest"
)

func date(t testing.TB, s string) coach.Date {
	t.Helper()
	d, err := coach.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func ptr[T any](v T) *T { return &v }

// doneAt returns when item was ticked on d, the zero time when it is not.
func doneAt(d coach.Day, item coach.Item) time.Time {
	at, _ := d.Done.At(item)
	return at
}

// The shared fixtures (coach/coachtest) under the names these tests use.
var (
	ticks      = coachtest.Ticks
	withoutIDs = coachtest.WithoutIDs
	fullDay    = coachtest.FullDay
	history    = coachtest.History
)
