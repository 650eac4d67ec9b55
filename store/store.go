// Package store keeps cooldown's data in one bbolt file. It is the only
// package that imports bbolt.
//
// No file handle is kept between operations: every method opens the file
// with a timeout, runs exactly one transaction and closes it, so the app,
// `cooldown status` run by a shell prompt every second, and a second copy of
// the app can share the file. Reads take bbolt's shared lock (ReadOnly);
// writes take the exclusive lock and are read-modify-writes of the stored
// record inside one transaction, so two processes ticking different items
// of the same day both keep their change.
//
// A file that is not ours (not a bbolt file, truncated, holding buckets we
// do not know, or written by a newer schema) is never written to: it is
// inspected with a read-only open first and refused with ErrCorrupt or
// ErrTooNew.
package store

import (
	"time"
)

// SchemaVersion is the layout of the file this program writes. Version 0 is
// the layout before the meta bucket existed (see migrate.go).
const SchemaVersion = 1

// DefaultTimeout is how long an operation waits for another process to
// release the file.
const DefaultTimeout = time.Second

// Bucket and key names.
var (
	bucketMeta     = []byte("meta")     // schema version, data generation
	bucketDays     = []byte("days")     // "YYYY-MM-DD" -> day record (record.go)
	bucketSettings = []byte("settings") // "settings" -> settings record
	bucketState    = []byte("state")    // opaque UI state: key -> value

	allBuckets = [][]byte{bucketMeta, bucketDays, bucketSettings, bucketState}

	keySchema     = []byte("schema")
	keyGeneration = []byte("generation")
	keySettings   = []byte("settings")
)
