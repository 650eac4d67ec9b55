package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// Schema version 0 is the layout before the meta bucket: a single "days"
// bucket whose values are JSON, with the checklist as a plain list of item
// ids (no times), for example
//
//	{"workouts":[{"kind":"strength","minutes":60,"rpe":7}],
//	 "done":["berries","foam-rolling"],"bedtime":"22:30",
//	 "morning":{"sleep_hours":7.5,"sleep_quality":2,"fatigue":3,"stress":2,"soreness":4},
//	 "note":"legs"}
//
// Migrating to version 1 gives every done item the time noon UTC of its
// date (the real time was never recorded), rewrites every day as a version
// 1 record, and creates the other buckets and the meta bucket, all in the
// write transaction that Open runs. A day that cannot be migrated (it does
// not decode, or fails validation) is kept byte for byte, never dropped:
// it then reads as a damaged record, and Check names it and says why. A
// backup of the file is taken before any migration (backups.go).

type v0Day struct {
	Workouts []struct {
		Kind    string `json:"kind"`
		Minutes int    `json:"minutes"`
		RPE     int    `json:"rpe"`
	} `json:"workouts"`
	Done    []string       `json:"done"`
	Bedtime *string        `json:"bedtime"`
	Morning *coachMorning0 `json:"morning"`
	Note    string         `json:"note"`
}

type coachMorning0 struct {
	SleepHours   float64 `json:"sleep_hours"`
	SleepQuality int     `json:"sleep_quality"`
	Fatigue      int     `json:"fatigue"`
	Stress       int     `json:"stress"`
	Soreness     int     `json:"soreness"`
}

// isV0Layout reports whether the root buckets are those of schema version 0.
func isV0Layout(names []string) bool {
	return len(names) == 1 && names[0] == string(bucketDays)
}

// isV0 reports whether tx reads a schema 0 file: one that a store which
// does not write reads as it is, without migrating it.
func isV0(tx *bolt.Tx) bool {
	return tx.Bucket(bucketMeta) == nil && tx.Bucket(bucketDays) != nil
}

// decodeV0 reads a schema 0 day record as migrating it would.
func (s *Store) decodeV0(key, v []byte) (coach.Day, error) {
	d, err := decodeV0(key, v)
	if err != nil {
		return coach.Day{}, s.damaged([]string{string(key)})
	}
	return d, nil
}

// migrate brings the file from schema version from to SchemaVersion inside
// tx.
func (s *Store) migrate(tx *bolt.Tx, from int) error {
	switch from {
	case layoutEmpty: // a new file: nothing to convert
	case 0:
		if err := s.migrateV0(tx); err != nil {
			return err
		}
	default:
		return s.corrupt(fmt.Sprintf("has schema version %d, which no cooldown wrote", from), nil)
	}
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
}

func (s *Store) migrateV0(tx *bolt.Tx) error {
	b := tx.Bucket(bucketDays)
	type rec struct{ k, v []byte }
	var recs []rec
	err := b.ForEach(func(k, v []byte) error {
		d, err := decodeV0(k, v)
		if err != nil {
			return nil // kept as it is: it reads as damaged, Check says why
		}
		nv, err := encodeValid(d)
		if err != nil {
			return nil
		}
		recs = append(recs, rec{append([]byte(nil), k...), nv})
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := b.Put(r.k, r.v); err != nil {
			return err
		}
	}
	return nil
}

func decodeV0(k, v []byte) (coach.Day, error) {
	date, err := parseKey(k)
	if err != nil {
		return coach.Day{}, err
	}
	if v == nil {
		return coach.Day{}, fmt.Errorf("is a bucket, not a day")
	}
	var old v0Day
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&old); err != nil {
		return coach.Day{}, err
	}
	d := coach.Day{Date: date, Note: old.Note}
	for i, w := range old.Workouts {
		d.Workouts = append(d.Workouts, coach.Workout{ID: i + 1, Kind: coach.Kind(w.Kind), Minutes: w.Minutes, RPE: w.RPE})
	}
	for _, id := range old.Done {
		d.SetDone(coach.Item(id), true, date.Time())
	}
	if old.Bedtime != nil {
		c, err := coach.ParseClock(*old.Bedtime)
		if err != nil {
			return coach.Day{}, err
		}
		d.Bedtime = &c
	}
	if m := old.Morning; m != nil {
		d.Morning = &coach.Morning{SleepHours: m.SleepHours, SleepQuality: m.SleepQuality, Fatigue: m.Fatigue, Stress: m.Stress, Soreness: m.Soreness}
	}
	return d, nil
}
