package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// The data generation is a counter in the meta bucket that every write
// transaction changing days or settings bumps (Update, DeleteDay,
// SetSettings, Replace; not SetState, which holds UI state only). A reader
// that remembers the generation its copy came from can ask Generation, one
// small read transaction, and skip decoding the whole history when nothing
// changed, whichever process wrote.

// readGeneration returns the stored generation; 0 when none was written.
func readGeneration(tx *bolt.Tx) uint64 {
	if b := tx.Bucket(bucketMeta); b != nil {
		if v := b.Get(keyGeneration); len(v) == 8 {
			return binary.BigEndian.Uint64(v)
		}
	}
	return 0
}

// bumpGeneration adds one to the generation inside a write transaction.
func bumpGeneration(tx *bolt.Tx) error {
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], readGeneration(tx)+1)
	return tx.Bucket(bucketMeta).Put(keyGeneration, v[:])
}

// Generation returns the data generation: it changes whenever days or
// settings change, so an equal generation means an equal history.
func (s *Store) Generation() (uint64, error) {
	var g uint64
	err := s.view(func(tx *bolt.Tx) error {
		g = readGeneration(tx)
		return nil
	}, false)
	return g, wrap("read generation", err)
}
