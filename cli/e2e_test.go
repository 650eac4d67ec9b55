package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cooldown/coach"
	"cooldown/store"
)

// e2eScript runs the app twice; the second run waits for the file go2, so
// the test can read the database between the two.
const e2eScript = `"$BIN" --db "$DB"
echo "exited $?"
while [ ! -f go2 ]; do sleep 0.05; done
clear
"$BIN" --db "$DB"
echo $? > rc`

// TestEndToEndCheckinInTmux completes most of a check-in by keys in tmux,
// quits, reopens, finds the check-in where it was left, finishes it, and
// reads the result back from the file.
func TestEndToEndCheckinInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test; skipped with -short")
	}
	db := filepath.Join(t.TempDir(), "data", "cooldown.db")
	p := startPane(t, []string{"BIN=" + bin, "DB=" + db}, e2eScript)
	today := coach.DateAt(time.Now(), time.UTC, coach.DefaultSettings().DayStartHour) // the pane runs in UTC

	// First run: workout, minutes, effort, blood flow, two diet groups.
	p.waitScreen("Check-in not started")
	p.keys("Enter")
	p.waitScreen("Step 1 of 7")
	p.keys("2")
	p.waitScreen("Step 2 of 7")
	p.keys("BSpace", "BSpace", "5", "0")
	p.waitScreen("50")
	p.keys("Enter")
	p.waitScreen("Step 3 of 7")
	p.keys("7") // a digit on the effort step chooses and moves on
	p.waitScreen("Step 4 of 7")
	p.keys("Down", "Down", "Space")
	p.waitScreen("[x] Foam rolling")
	p.keys("Enter")
	p.waitScreen("Step 5 of 7")
	p.keys("Space", "Down", "Space")
	p.waitScreen("2 done, 3 needed")
	p.keys("q")
	p.waitScreen("exited 0")

	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Day(today)
	if err != nil {
		t.Fatalf("read today after the first run: %v", err)
	}
	want := coach.Workout{ID: 1, Kind: coach.Intervals, Minutes: 50, RPE: 7} // the store gives the id
	if len(d.Workouts) != 1 || d.Workouts[0] != want {
		t.Fatalf("workouts = %+v, want [%+v]", d.Workouts, want)
	}
	if got := fmt.Sprint(d.DoneItems()); got != "[foam-rolling fatty-fish berries]" {
		t.Fatalf("items = %s", got)
	}

	// Second run: home says where the check-in stands; continue resumes
	// on the diet step with the ticks in place.
	if err := os.WriteFile(filepath.Join(p.dir, "go2"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	p.waitScreen("Check-in step 5 of 7 (diet)")
	p.keys("Enter")
	p.waitScreen("[x] Berries")
	p.keys("Down", "Down", "Space") // a new run starts at the top of the list
	p.waitScreen("3 done, 3 needed")
	p.keys("Enter")
	p.waitScreen("Step 6 of 7")
	p.waitScreen("22:30")
	p.keys("Right", "Right")
	p.waitScreen("23:00")
	p.keys("Enter")
	p.waitScreen("Step 7 of 7")
	p.keys("Enter")
	p.waitScreen("Check-in finished")
	p.keys("q")
	if rc := p.waitDone(); rc != 0 {
		t.Fatalf("second run exited %d", rc)
	}

	d, err = st.Day(today)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Status(coach.DefaultSettings()); got != coach.StatusPending {
		t.Errorf("status = %v, want pending (sleep is asked tomorrow)", got)
	}
	if d.Bedtime == nil || d.Bedtime.String() != "23:00" {
		t.Errorf("bedtime = %v, want 23:00", d.Bedtime)
	}
	// The check-in is stored as finished (ui's state key for the step).
	if v, _ := st.State("checkin-step:" + today.String()); v != "done" {
		t.Errorf("stored step = %q, want done", v)
	}
}
