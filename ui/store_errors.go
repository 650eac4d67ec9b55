package ui

import (
	"errors"

	"cooldown/store"
)

// errText is the text the app shows for err: the store states the facts
// (kind, path, dates), and the app adds what to do about them.
func errText(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, store.ErrCorrupt), errors.Is(err, store.ErrDamaged):
		return msg + ": run `cooldown check` and restore a backup (`cooldown backups`) or an export"
	case errors.Is(err, store.ErrTooNew):
		return msg + ": update cooldown; the file was not changed"
	}
	return msg
}
