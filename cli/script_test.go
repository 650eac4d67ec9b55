package cli

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// The command-line sessions in testdata/script/*.txtar: each runs
// cooldown (this test binary, which testscript runs as the command
// "cooldown": see TestMain) and checks its output and exit code.
//
// In a script, `cool CODE [-now TIME] ARGS...` runs `cooldown ARGS...`
// and fails unless it exits with CODE exactly (testscript's `!` only
// tells zero from non-zero). Its clock is fixed: scriptNow, or TIME
// (RFC 3339). The clock reaches the child through scriptNowEnv, which
// only this test binary reads; the cooldown binary knows no such
// variable.

// scriptNow is the clock of every script, unless `cool -now` sets another:
// Friday 2026-11-20, 12:00 UTC.
const scriptNow = "2026-11-20T12:00:00Z"

// scriptNowEnv carries a script's clock to the cooldown it runs.
const scriptNowEnv = "COOLDOWN_SCRIPT_NOW"

// scriptCommands are the programs testscript runs from the test binary.
var scriptCommands = map[string]func(){"cooldown": scriptCooldown}

// scriptCooldown is cooldown as a script runs it: run, with the script's
// clock when it has one.
func scriptCooldown() {
	e := &env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		now:    time.Now,
		loc:    time.Local,
		getenv: os.Getenv,

		catchSignals: true,
	}
	if v := os.Getenv(scriptNowEnv); v != "" {
		now, err := time.Parse(time.RFC3339, v)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", scriptNowEnv, err)
			os.Exit(100)
		}
		e.now = func() time.Time { return now }
	}
	os.Exit(run(os.Args[1:], e))
}

// updateScripts rewrites the files that `cmp stdout FILE` compares with
// (go test ./cli -run TestScripts -update-scripts); read them before
// committing.
var updateScripts = flag.Bool("update-scripts", false, "rewrite the compared files of the scripts")

func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *updateScripts,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "UTC")
			env.Setenv("HOME", env.WorkDir+"/home")
			env.Setenv("XDG_DATA_HOME", env.WorkDir+"/data")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"cool": cmdCool,
		},
	})
}

// cmdCool is the script command `cool CODE [-now TIME] ARGS...`.
func cmdCool(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: cool CODE [-now TIME] ARGS... (give the exit code rather than !)")
	}
	if len(args) < 1 {
		ts.Fatalf("usage: cool CODE [-now TIME] ARGS...")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("cool: exit code %q: %v", args[0], err)
	}
	args = args[1:]
	now := scriptNow
	if len(args) >= 2 && args[0] == "-now" {
		now, args = args[1], args[2:]
	}
	if _, err := time.Parse(time.RFC3339, now); err != nil {
		ts.Fatalf("cool -now: %v", err)
	}
	old := ts.Getenv(scriptNowEnv)
	ts.Setenv(scriptNowEnv, now)
	err = ts.Exec("cooldown", args...)
	ts.Setenv(scriptNowEnv, old)
	got := 0
	if err != nil {
		ee, ok := err.(interface{ ExitCode() int })
		if !ok {
			ts.Fatalf("cooldown: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("cooldown %v: exit %d, want %d", args, got, want)
	}
}
