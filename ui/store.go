package ui

import (
	"cooldown/coach"
	"cooldown/store"
)

// Store is what the app needs from the database. *store.Store satisfies it;
// screen tests may use a real store in a temporary directory.
type Store interface {
	Path() string
	ReadOnly() bool
	Snapshot() (store.Snapshot, error)
	Generation() (uint64, error)
	Update(date coach.Date, change func(*coach.Day) error) (coach.Day, error)
	DeleteDay(date coach.Date) error
	// DeleteDayIf deletes the day only when check accepts the day as
	// stored, inside the write transaction (a confirmation given on the
	// day shown; see unchangedSince).
	DeleteDayIf(date coach.Date, check func(stored coach.Day) error) error
	// SetEffort gives the effort of workout id of date, and
	// AnswerSameSession answers whether a held device workout is the typed
	// workout typedID, each on the day as stored now in one write
	// (store.Store's methods of the same names).
	SetEffort(date coach.Date, id, rpe int) (coach.Day, error)
	AnswerSameSession(date coach.Date, typedID int, src coach.Source, same bool) (coach.Day, error)
	SetSettings(s coach.Settings) error
	State(key string) (string, error)
	SetState(key, value string) error
}
