// Command benchtool is the measuring half of scripts/bench.sh. It drives
// programs in a private tmux server through one control-mode client (tmux
// -C), so that polling the screen costs a round trip on a pipe (about 0.1
// ms) instead of starting a tmux client for every poll (2 to 10 ms on a busy
// 2-core machine), and it times with Go's monotonic clock.
//
//	benchtool frame -L SOCKET -runs N (-case NAME -word WORD -cmd CMD)...
//	    start-to-first-frame: start CMD in a new 100x30 pane, poll
//	    capture-pane about every millisecond until WORD is on the screen,
//	    then type q and wait for the pane to close. The cases take turns
//	    run by run, so a change in machine load hits all of them alike.
//	benchtool wall -runs N (-case NAME -cmd CMD)...
//	    wall time of a command run to completion (stdout discarded), cases
//	    taking turns; also reports its peak RSS.
//	benchtool drive -L SOCKET -word WORD [-step KEYS=WORD]... -cmd CMD
//	    start CMD in a pane, wait for WORD, then for every step type KEYS
//	    (tmux send-keys words, split on spaces) and wait for WORD (an empty
//	    WORD waits 0.2 s; KEYS* repeats the keys, each time the screen has
//	    changed, until WORD shows); finally
//	    read VmHWM (peak RSS) of the program from /proc and quit it.
//
// CMD is a shell command line (run by sh -c with exec). Every measurement is
// printed as a human line and as "RESULT name median min max unit" for
// bench.sh. Any failure (a word that never shows, a program that will not
// quit) exits 1 with a message that says which case and step.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchtool frame|wall|drive [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "frame":
		err = frame(os.Args[2:])
	case "wall":
		err = wall(os.Args[2:])
	case "drive":
		err = drive(os.Args[2:])
	default:
		err = fmt.Errorf("unknown subcommand %q (want frame, wall or drive)", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtool:", err)
		os.Exit(1)
	}
}

// ---- tmux control mode ----

// ctl is one tmux control-mode client.
type ctl struct {
	size string // COLSxROWS of every pane
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
}

// attach starts a control client of size COLSxROWS on the session "bench"
// of the server at socket and waits until it answers.
func attach(socket, size string) (*ctl, error) {
	c := &ctl{size: size, cmd: exec.Command("tmux", "-L", socket, "-C", "attach-session", "-t", "bench")}
	var err error
	if c.in, err = c.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := c.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	c.out = bufio.NewReaderSize(stdout, 1<<16)
	if err := c.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start tmux control client: %w", err)
	}
	// Commands sent before the attach has finished run without a client:
	// wait for the notification that the client is in the session.
	for {
		line, err := c.out.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("attach to tmux server %s: %w", socket, err)
		}
		if strings.HasPrefix(line, "%session-changed") {
			break
		}
		if strings.HasPrefix(line, "%exit") {
			return nil, fmt.Errorf("attach to tmux server %s: %w", socket, errExited)
		}
	}
	// A control client without a size makes new windows 80x24 and resizes
	// them a moment later, which some programs (glow) handle badly; pane
	// output would flood the client, and only command replies are wanted.
	for _, cmd := range []string{"refresh-client -C " + size, "refresh-client -f no-output"} {
		if _, err := c.run(cmd); err != nil {
			return nil, err
		}
	}
	return c, nil
}

var errExited = errors.New("tmux control client exited")

// block reads the next %begin ... %end block and returns its lines.
func (c *ctl) block() ([]string, error) {
	var lines []string
	inBlock, tag := false, ""
	for {
		line, err := c.out.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("tmux control client: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if !inBlock {
			if strings.HasPrefix(line, "%begin ") {
				inBlock, tag = true, blockTag(line)
			} else if strings.HasPrefix(line, "%exit") {
				return nil, errExited
			}
			continue
		}
		if strings.HasPrefix(line, "%end ") && blockTag(line) == tag {
			return lines, nil
		}
		if strings.HasPrefix(line, "%error ") && blockTag(line) == tag {
			return nil, fmt.Errorf("tmux: %s", strings.Join(lines, "; "))
		}
		lines = append(lines, line)
	}
}

// blockTag is the command number of a %begin/%end/%error line.
func blockTag(line string) string {
	f := strings.Fields(line)
	if len(f) < 3 {
		return ""
	}
	return f[2]
}

// run sends one tmux command and returns the lines it printed.
func (c *ctl) run(command string) ([]string, error) {
	if _, err := fmt.Fprintln(c.in, command); err != nil {
		return nil, err
	}
	return c.block()
}

func (c *ctl) close() {
	c.in.Close()
	_ = c.cmd.Wait()
}

// tmuxQuote quotes s for tmux's command parser (single quotes, as in sh).
func tmuxQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// pane is one program started in its own window.
type pane struct {
	id  string
	pid int
}

func (c *ctl) start(command string) (pane, error) {
	lines, err := c.run("new-window -d -P -F '#{pane_id} #{pane_pid} #{pane_width}x#{pane_height}' " + tmuxQuote("exec "+command))
	if err != nil {
		return pane{}, err
	}
	if len(lines) != 1 {
		return pane{}, fmt.Errorf("new-window printed %q", lines)
	}
	f := strings.Fields(lines[0])
	if len(f) != 3 {
		return pane{}, fmt.Errorf("new-window printed %q", lines[0])
	}
	pid, err := strconv.Atoi(f[1])
	if err != nil {
		return pane{}, fmt.Errorf("new-window printed %q", lines[0])
	}
	p := pane{id: f[0], pid: pid}
	if f[2] != c.size {
		_, _ = c.run("kill-pane -t " + p.id)
		return pane{}, fmt.Errorf("the pane is %s, not %s", f[2], c.size)
	}
	return p, nil
}

func (c *ctl) screen(p pane) (string, error) {
	lines, err := c.run("capture-pane -p -t " + p.id)
	return strings.Join(lines, "\n"), err
}

// waitFor polls the pane about every millisecond until word shows.
func (c *ctl) waitFor(p pane, word string, timeout time.Duration) (time.Time, error) {
	deadline := time.Now().Add(timeout)
	for {
		s, err := c.screen(p)
		now := time.Now()
		if err != nil {
			return now, fmt.Errorf("%w (did the program exit? run it by hand to see its message)", err)
		}
		if strings.Contains(s, word) {
			return now, nil
		}
		if now.After(deadline) {
			return now, fmt.Errorf("%q did not appear within %v; the screen shows:\n%s", word, timeout, s)
		}
		time.Sleep(time.Millisecond)
	}
}

// waitChange polls the pane until its screen differs from before.
func (c *ctl) waitChange(p pane, before string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		s, err := c.screen(p)
		if err != nil {
			return err
		}
		if s != before {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the screen did not change within %v; it shows:\n%s", timeout, s)
		}
		time.Sleep(time.Millisecond)
	}
}

func (c *ctl) alive(p pane) bool {
	lines, err := c.run("list-panes -a -F '#{pane_id}'")
	return err == nil && slices.Contains(lines, p.id)
}

// quit types q and waits for the pane to close; it kills the pane (and
// reports an error) if q does not end the program within 3 s.
func (c *ctl) quit(p pane) error {
	if _, err := c.run("send-keys -t " + p.id + " q"); err != nil {
		return err
	}
	deadline := time.Now().Add(3 * time.Second)
	for c.alive(p) {
		if time.Now().After(deadline) {
			_, _ = c.run("kill-pane -t " + p.id)
			return errors.New("q did not quit the program within 3 s")
		}
		time.Sleep(2 * time.Millisecond)
	}
	return nil
}

// ---- statistics ----

func summary(name string, xs []float64, unit string) {
	s := slices.Clone(xs)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	fmt.Printf("  %-22s median %8.2f %s   min %8.2f   max %8.2f   (n=%d)\n", name, med, unit, s[0], s[len(s)-1], len(s))
	fmt.Printf("RESULT %s %.2f %.2f %.2f %s\n", name, med, s[0], s[len(s)-1], unit)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// ---- subcommands ----

func frame(args []string) error {
	fs := flag.NewFlagSet("frame", flag.ContinueOnError)
	socket := fs.String("L", "", "tmux socket name of a server with a session named bench")
	size := fs.String("size", "100x30", "pane size, COLSxROWS")
	runs := fs.Int("runs", 15, "runs per case")
	timeout := fs.Duration("timeout", 5*time.Second, "longest wait for a first frame")
	failures := fs.Int("failures", 0, "runs per case that may show no frame (and are run again)")
	var names, words, cmds list
	fs.Var(&names, "case", "case name (repeat)")
	fs.Var(&words, "word", "text that shows the frame is complete (one per case)")
	fs.Var(&cmds, "cmd", "command line (one per case)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *socket == "" || len(names) == 0 || len(names) != len(words) || len(names) != len(cmds) {
		return errors.New("frame: need -L and, for every -case, one -word and one -cmd")
	}
	c, err := attach(*socket, *size)
	if err != nil {
		return err
	}
	defer c.close()
	times := make([][]float64, len(names))
	failed := make([]int, len(names))
	for run := 0; run < *runs; run++ {
		for i := range names {
			d, err := c.firstFrame(cmds[i], words[i], *timeout)
			for err != nil && errors.Is(err, errNoFrame) && failed[i] < *failures {
				failed[i]++
				short, _, _ := strings.Cut(err.Error(), "; the screen shows")
				fmt.Printf("  note: %s, run %d: %s; run again (%d of %d allowed failures)\n", names[i], run+1, short, failed[i], *failures)
				d, err = c.firstFrame(cmds[i], words[i], *timeout)
			}
			if err != nil {
				return fmt.Errorf("%s, run %d: %w", names[i], run+1, err)
			}
			times[i] = append(times[i], d)
			time.Sleep(20 * time.Millisecond) // let the exit settle
		}
	}
	for i := range names {
		summary(names[i], times[i], "ms")
		if failed[i] > 0 {
			fmt.Printf("  %-22s %d runs showed no complete frame within %v and were run again\n", names[i], failed[i], *timeout)
			fmt.Printf("RESULT %s-failures %d %d %d runs\n", names[i], failed[i], failed[i], failed[i])
		}
	}
	return nil
}

var errNoFrame = errors.New("no complete frame")

// firstFrame starts command in a new pane and returns the milliseconds until
// word shows; then it quits the program.
func (c *ctl) firstFrame(command, word string, timeout time.Duration) (float64, error) {
	t0 := time.Now()
	p, err := c.start(command)
	if err != nil {
		return 0, err
	}
	t1, err := c.waitFor(p, word, timeout)
	if err != nil {
		_, _ = c.run("kill-pane -t " + p.id)
		return 0, fmt.Errorf("%w: %w", errNoFrame, err)
	}
	return ms(t1.Sub(t0)), c.quit(p)
}

func wall(args []string) error {
	fs := flag.NewFlagSet("wall", flag.ContinueOnError)
	runs := fs.Int("runs", 15, "runs per case")
	var names, cmds list
	fs.Var(&names, "case", "case name (repeat)")
	fs.Var(&cmds, "cmd", "command line (one per case)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(names) == 0 || len(names) != len(cmds) {
		return errors.New("wall: need, for every -case, one -cmd")
	}
	times := make([][]float64, len(names))
	rss := make([][]float64, len(names))
	for run := -1; run < *runs; run++ { // run -1 warms the page cache
		for i := range names {
			cmd := exec.Command("sh", "-c", "exec "+cmds[i])
			var stderr strings.Builder
			cmd.Stderr = &stderr
			t0 := time.Now()
			err := cmd.Run()
			d := time.Since(t0)
			if err != nil {
				return fmt.Errorf("%s: %s: %w\n%s", names[i], cmds[i], err, stderr.String())
			}
			if run < 0 {
				continue
			}
			times[i] = append(times[i], ms(d))
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				rss[i] = append(rss[i], float64(ru.Maxrss)/1024)
			}
		}
	}
	for i := range names {
		summary(names[i], times[i], "ms")
		if len(rss[i]) > 0 {
			summary(names[i]+"-rss", rss[i], "MB")
		}
	}
	return nil
}

func drive(args []string) error {
	fs := flag.NewFlagSet("drive", flag.ContinueOnError)
	socket := fs.String("L", "", "tmux socket name of a server with a session named bench")
	size := fs.String("size", "100x30", "pane size, COLSxROWS")
	name := fs.String("case", "app", "name for the result")
	word := fs.String("word", "", "text of the first screen")
	command := fs.String("cmd", "", "command line")
	timeout := fs.Duration("timeout", 10*time.Second, "longest wait for a screen")
	failures := fs.Int("failures", 0, "times the first screen may fail to show (the program is started again)")
	trace := fs.Bool("trace", false, "print the RSS after every step")
	var steps list
	fs.Var(&steps, "step", "KEYS=WORD: tmux send-keys words, then text to wait for (repeat)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *socket == "" || *word == "" || *command == "" {
		return errors.New("drive: need -L, -word and -cmd")
	}
	c, err := attach(*socket, *size)
	if err != nil {
		return err
	}
	defer c.close()
	var p pane
	for try := 0; ; try++ {
		if p, err = c.start(*command); err != nil {
			return err
		}
		if _, err = c.waitFor(p, *word, *timeout); err == nil {
			break
		}
		_, _ = c.run("kill-pane -t " + p.id)
		if try >= *failures {
			return fmt.Errorf("%s, first screen: %w", *name, err)
		}
		short, _, _ := strings.Cut(err.Error(), "; the screen shows")
		fmt.Printf("  note: %s, first screen: %s; start again\n", *name, short)
	}
	defer c.run("kill-pane -t " + p.id) //nolint:errcheck // gone already when it quit
	for i, s := range steps {
		keys, want, ok := strings.Cut(s, "=")
		if !ok {
			return fmt.Errorf("step %q: want KEYS=WORD", s)
		}
		// KEYS* repeats the keys (up to 12 times) until WORD shows:
		// "Escape*=home" backs out of however deep a screen is. A repeat
		// waits for the screen to change first, so that a slow answer to
		// one press never meets a second press it did not need.
		keys, rep := strings.CutSuffix(keys, "*")
		var err error
		for try := 0; try < 12; try++ {
			before, serr := c.screen(p)
			if serr != nil {
				return fmt.Errorf("%s, step %d (%s): %w", *name, i+1, keys, serr)
			}
			if _, err = c.run("send-keys -t " + p.id + " " + keys); err != nil {
				return fmt.Errorf("%s, step %d (%s): %w", *name, i+1, keys, err)
			}
			if want == "" {
				time.Sleep(200 * time.Millisecond)
				break
			}
			if !rep {
				_, err = c.waitFor(p, want, *timeout)
				break
			}
			if err = c.waitChange(p, before, *timeout); err != nil {
				break
			}
			if _, err = c.waitFor(p, want, 300*time.Millisecond); err == nil {
				break
			}
		}
		if err != nil {
			return fmt.Errorf("%s, step %d (keys %s): %w", *name, i+1, keys, err)
		}
		if *trace {
			hwm, rss, err := peakRSS(p.pid)
			if err != nil {
				return err
			}
			fmt.Printf("    step %2d %-24q VmHWM %6.1f MB   VmRSS %6.1f MB\n", i+1, s, hwm, rss)
		}
	}
	time.Sleep(300 * time.Millisecond) // let off-loop work (rendering) finish
	hwm, rss, err := peakRSS(p.pid)
	if err != nil {
		return err
	}
	fmt.Printf("  %-22s VmHWM %6.1f MB   VmRSS %6.1f MB   (after %d steps)\n", *name, hwm, rss, len(steps))
	fmt.Printf("RESULT %s-peak-rss %.1f %.1f %.1f MB\n", *name, hwm, hwm, hwm)
	return c.quit(p)
}

// peakRSS reads VmHWM and VmRSS of pid, in MB.
func peakRSS(pid int) (hwm, rss float64, err error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, fmt.Errorf("read peak RSS: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmHWM:":
			hwm = kb / 1024
		case "VmRSS:":
			rss = kb / 1024
		}
	}
	if hwm == 0 {
		return 0, 0, fmt.Errorf("no VmHWM in /proc/%d/status", pid)
	}
	return hwm, rss, nil
}
