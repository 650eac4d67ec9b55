package store

import (
	"runtime"
	"sync"

	"cooldown/coach"
)

// record is one key and value of the days bucket, as bbolt holds them:
// valid only inside the transaction that read them.
type record struct{ key, value []byte }

// parallelMin is the number of days from which decodeAll splits the work
// between goroutines: below it, starting them costs more than it saves.
const parallelMin = 1024

// decodeAll decodes records, in order, into days. A long history (the app's
// start and `cooldown status` decode all of it) is split into contiguous
// parts decoded at the same time, one per processor up to four, each with
// its own slabs. On error it returns the error of the first bad record, as
// a decoding in order would.
func (s *Store) decodeAll(records []record) ([]coach.Day, error) {
	days := make([]coach.Day, len(records))
	workers := min(runtime.GOMAXPROCS(0), 4, len(records)/(parallelMin/2))
	if len(records) < parallelMin || workers < 2 {
		return days, s.decodeRange(records, days)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	part := (len(records) + workers - 1) / workers
	for w := range workers {
		lo, hi := w*part, min((w+1)*part, len(records))
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = s.decodeRange(records[lo:hi], days[lo:hi])
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return days, nil
}

// decodeRange decodes records into days (of the same length) in order,
// stopping at the first bad record.
func (s *Store) decodeRange(records []record, days []coach.Day) error {
	sl := new(slabs)
	for i, r := range records {
		d, err := s.decodeWith(sl, r.key, r.value)
		if err != nil {
			return err
		}
		days[i] = d
	}
	return nil
}
