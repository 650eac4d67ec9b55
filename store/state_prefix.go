package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// StatePrefix returns every UI state value whose key starts with prefix,
// read in one transaction (the watch folders remember one key per file).
func (s *Store) StatePrefix(prefix string) (map[string]string, error) {
	out := map[string]string{}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketState)
		if b == nil || prefix == "" {
			return nil
		}
		c := b.Cursor()
		p := []byte(prefix)
		for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
			out[string(k)] = string(v)
		}
		return nil
	}, false)
	return out, wrap("read state "+prefix, err)
}

// SetStates stores every key of kv in one write transaction, within the
// limits of SetState; "" removes a key.
func (s *Store) SetStates(kv map[string]string) error {
	for k, v := range kv {
		if k == "" || len(k) > MaxStateKey {
			return fmt.Errorf("state key %q: want 1 to %d bytes", k, MaxStateKey)
		}
		if len(v) > MaxStateValue {
			return fmt.Errorf("state %q: value of %d bytes is too large; allowed %d", k, len(v), MaxStateValue)
		}
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketState)
		for k, v := range kv {
			var err error
			if v == "" {
				err = b.Delete([]byte(k))
			} else {
				err = b.Put([]byte(k), []byte(v))
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	return wrap("save state", err)
}
