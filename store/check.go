package store

import (
	"fmt"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// Problem is one finding of Check: the key it concerns ("" for the file as
// a whole) and what is wrong.
type Problem struct {
	Key string
	Msg string
}

func (p Problem) String() string {
	if p.Key == "" {
		return p.Msg
	}
	return p.Key + ": " + p.Msg
}

// Check runs bbolt's consistency check and reads back every record: each
// day key must be a date, each record must decode and pass the coach's
// validation, the settings too. It writes nothing. The error is for a file
// that cannot be checked at all.
func (s *Store) Check() ([]Problem, error) {
	var probs []Problem
	add := func(key, format string, args ...any) {
		probs = append(probs, Problem{Key: key, Msg: fmt.Sprintf(format, args...)})
	}
	err := s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			add("", "bbolt: %v", err)
		}
		version, err := s.layout(tx)
		if err != nil {
			add("", "%v", err)
			return nil
		}
		if version == layoutEmpty {
			// A bbolt file without buckets: the first transaction of a new
			// database did not finish (a kill during the first save). It
			// holds nothing, and the next save initialises it.
			return nil
		}
		known := map[string]bool{}
		for _, b := range allBuckets {
			known[string(b)] = true
			if tx.Bucket(b) == nil && version != 0 { // schema 0 had the days bucket only
				add("", "bucket %q is missing", b)
			}
		}
		for _, name := range rootBuckets(tx) {
			if !known[name] {
				add("", "bucket %q is not cooldown's", name)
			}
		}
		if b := tx.Bucket(bucketDays); b != nil {
			_ = b.ForEach(func(k, v []byte) error {
				date, err := parseKey(k)
				if err != nil {
					add(string(k), "%v", err)
					return nil
				}
				if v == nil {
					add(string(k), "is a bucket, not a day")
					return nil
				}
				var d coach.Day
				switch {
				case version == 0:
					d, err = decodeV0(k, v)
				case len(v) > 0 && v[0] == '{':
					// A version 0 record the migration could not upgrade
					// and kept as it was.
					if d, err = decodeV0(k, v); err == nil {
						err = d.Validate()
					}
					if err != nil {
						err = fmt.Errorf("a version 0 record that could not be upgraded: %v", err)
					}
				default:
					d, err = decodeDay(date, v)
				}
				if err == nil {
					err = d.Validate()
				}
				if err != nil {
					add(string(k), "%v", err)
				}
				return nil
			})
		}
		if b := tx.Bucket(bucketSettings); b != nil {
			if v := b.Get(keySettings); v != nil {
				st, err := decodeSettings(v)
				if err == nil {
					err = st.Validate()
				}
				if err != nil {
					add("settings", "%v", err)
				}
			}
		}
		return nil
	}, true)
	return probs, wrap("check "+s.path, err)
}
