package ui

import (
	"errors"
	"fmt"
	"reflect"
	"time"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
	"cooldown/store"
)

// What the app does when a write fails (issue 14): the file held by
// another process is retried until the write lands, with "saving…" shown;
// any other failure (a read-only file, a full disk) puts the screen back
// to what is stored and keeps the text that was typed in its field,
// marked "not saved". A screen never shows a change as saved that the file
// does not hold.

// retryDelay is how long a screen waits before trying a write again that
// found the file held by another process. Each try itself waits for the
// lock for the store's timeout (about a second).
const retryDelay = 250 * time.Millisecond

// pollEvery is how often the app asks the store whether another process
// changed the data (one small read transaction), so the screens follow the
// file without opening it on every key.
const pollEvery = 1500 * time.Millisecond

// isLocked reports whether err means that another process held the file:
// worth trying again.
func isLocked(err error) bool { return errors.Is(err, store.ErrLocked) }

// retryMsg asks the screen owner to try its held write again.
type retryMsg struct{ owner screen }

func (r retryMsg) recipient() screen { return r.owner }

// retryLater returns a timer that asks owner to try again.
func retryLater(owner screen) tea.Cmd {
	return tea.Tick(retryDelay, func(time.Time) tea.Msg { return retryMsg{owner} })
}

// pollMsg asks the parent to compare the store's data generation with the
// one the screens show.
type pollMsg struct{}

// genMsg carries the store's data generation, read by a poll.
type genMsg struct{ gen uint64 }

func poll() tea.Cmd {
	return tea.Tick(pollEvery, func(time.Time) tea.Msg { return pollMsg{} })
}

// readGeneration returns a command that reads the store's data generation;
// nothing when it cannot be read (the next poll tries again).
func readGeneration(st Store) tea.Cmd {
	return func() tea.Msg {
		g, err := st.Generation()
		if err != nil {
			return nil
		}
		return genMsg{g}
	}
}

// stateSavedMsg reports a write of UI state (a draft) to the screen and
// request that asked.
type stateSavedMsg struct {
	request
	key string
	err error
}

// saveFrom returns a command that applies change to the stored day of
// date in one read-modify-write transaction, for the request req, whose
// reply names it.
func (c *context) saveFrom(req request, date coach.Date, change func(*coach.Day) error) tea.Cmd {
	st := c.store
	return func() tea.Msg {
		day, err := st.Update(date, change)
		return savedMsg{request: req, date: date, day: day, err: err}
	}
}

// unchangedSince returns a check for a confirmation given on the day shown:
// it refuses, with an error wrapping store.ErrChanged, a stored day that
// differs from it. Use it with Store.DeleteDayIf, or first thing in an
// Update closure (ifUnchanged).
func unchangedSince(shown coach.Day) func(stored coach.Day) error {
	want := canonicalDay(shown)
	return func(stored coach.Day) error {
		if !reflect.DeepEqual(canonicalDay(stored), want) { // sameDay, shown canonicalised once
			return fmt.Errorf("%s: %w", longDate(shown.Date), store.ErrChanged)
		}
		return nil
	}
}

// ifUnchanged returns change guarded by unchangedSince(shown): it applies
// only to the day as it was shown.
func ifUnchanged(shown coach.Day, change func(*coach.Day) error) func(*coach.Day) error {
	check := unchangedSince(shown)
	return func(d *coach.Day) error {
		if err := check(*d); err != nil {
			return err
		}
		return change(d)
	}
}

// sameDay reports whether a and b hold the same record.
func sameDay(a, b coach.Day) bool { return reflect.DeepEqual(canonicalDay(a), canonicalDay(b)) }

// canonicalDay is d with the differences that do not change what it holds
// taken out: empty lists as nil, instants in UTC.
func canonicalDay(d coach.Day) coach.Day {
	c := d.Clone()
	if len(c.Workouts) == 0 {
		c.Workouts = nil
	}
	if len(c.Done) == 0 {
		c.Done = nil
	}
	for i := range c.Done {
		c.Done[i].At = c.Done[i].At.UTC().Round(0)
	}
	return c
}

// notSaved is the mark of typed text whose write failed.
func notSaved(err error) string {
	if err == nil {
		return "not saved"
	}
	return "not saved: " + err.Error()
}
