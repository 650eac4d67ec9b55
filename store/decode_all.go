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
// its own slabs. A record that cannot be decoded is left out of days and
// its key is returned in damaged, in key order: one damaged record never
// hides the others.
func (s *Store) decodeAll(records []record) (days []coach.Day, damaged []string) {
	days = make([]coach.Day, len(records))
	workers := min(runtime.GOMAXPROCS(0), 4, len(records)/(parallelMin/2))
	if len(records) < parallelMin || workers < 2 {
		bad := s.decodeRange(records, days)
		return compact(days, records, bad)
	}
	bads := make([][]int, workers)
	panics := make([]any, workers)
	var wg sync.WaitGroup
	part := (len(records) + workers - 1) / workers
	for w := range workers {
		lo, hi := w*part, min((w+1)*part, len(records))
		wg.Add(1)
		go func() {
			defer wg.Done()
			// The records point into bbolt's memory map: a file truncated
			// meanwhile faults here, in this goroutine (guardWorker).
			panics[w] = guardWorker(func() {
				for _, i := range s.decodeRange(records[lo:hi], days[lo:hi]) {
					bads[w] = append(bads[w], lo+i)
				}
			})
		}()
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p) // in the caller's goroutine, where view recovers it
		}
	}
	var bad []int
	for _, b := range bads {
		bad = append(bad, b...)
	}
	return compact(days, records, bad)
}

// compact removes the days at the positions bad (ascending) and returns
// the rest with the keys of the records left out.
func compact(days []coach.Day, records []record, bad []int) ([]coach.Day, []string) {
	if len(bad) == 0 {
		return days, nil
	}
	keys := make([]string, len(bad))
	out := days[:0]
	next := 0
	for i := range days {
		if next < len(bad) && bad[next] == i {
			keys[next] = string(records[i].key)
			next++
			continue
		}
		out = append(out, days[i])
	}
	return out, keys
}

// decodeRange decodes records into days (of the same length) in order and
// returns the positions of the records that could not be decoded.
func (s *Store) decodeRange(records []record, days []coach.Day) (bad []int) {
	sl := new(slabs)
	for i, r := range records {
		d, err := s.decodeWith(sl, r.key, r.value)
		if err != nil {
			bad = append(bad, i)
			continue
		}
		days[i] = d
	}
	return bad
}
