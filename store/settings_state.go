package store

import (
	"fmt"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

func (s *Store) readSettings(tx *bolt.Tx) (coach.Settings, error) {
	b := tx.Bucket(bucketSettings)
	if b == nil {
		return coach.DefaultSettings(), nil
	}
	v := b.Get(keySettings)
	if v == nil {
		return coach.DefaultSettings(), nil
	}
	st, err := decodeSettings(v)
	if err == nil {
		err = st.Validate()
	}
	if err != nil {
		return coach.Settings{}, s.corrupt("has unreadable settings", err)
	}
	return st, nil
}

// Settings returns the stored settings, or coach.DefaultSettings when none
// are stored.
func (s *Store) Settings() (coach.Settings, error) {
	var st coach.Settings
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		st, err = s.readSettings(tx)
		return err
	}, false)
	return st, wrap("read settings", err)
}

// SetSettings validates and stores the settings.
func (s *Store) SetSettings(st coach.Settings) error {
	if err := st.Validate(); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	err := s.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketSettings).Put(keySettings, encodeSettings(st)); err != nil {
			return err
		}
		return bumpGeneration(tx)
	})
	return wrap("save settings", err)
}

// Limits of the UI state.
const (
	MaxStateKey   = 256
	MaxStateValue = 64 << 10
)

// State returns the UI state stored under key (the check-in step, the
// guide's reading position, the theme...). Keys and values are opaque to
// the store; an unset key reads as "".
func (s *Store) State(key string) (string, error) {
	var val string
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketState); b != nil && key != "" {
			val = string(b.Get([]byte(key)))
		}
		return nil
	}, false)
	return val, wrap("read state "+key, err)
}

// SetState stores value under key; "" removes the key.
func (s *Store) SetState(key, value string) error {
	if key == "" || len(key) > MaxStateKey {
		return fmt.Errorf("state key %q: want 1 to %d bytes", key, MaxStateKey)
	}
	if len(value) > MaxStateValue {
		return fmt.Errorf("state %q: value of %d bytes is too large; allowed %d", key, len(value), MaxStateValue)
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketState)
		if value == "" {
			return b.Delete([]byte(key))
		}
		return b.Put([]byte(key), []byte(value))
	})
	return wrap("save state "+key, err)
}
