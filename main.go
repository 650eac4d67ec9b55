// Command cooldown is a terminal recovery coach.
//
// Without a subcommand it opens the app; the subcommands (status, log,
// export, import, guide, check) serve scripts, shell prompts and backups.
// This file holds flags, subcommands and wiring only: the rules live in
// coach, persistence and file formats in store, the guide in content and
// the app in ui.
package main

import (
	"bytes"
	tea "charm.land/bubbletea/v2"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/charmbracelet/colorprofile"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"golang.org/x/term"

	"cooldown/coach"
	"cooldown/coach/safetext"
	"cooldown/content"
	"cooldown/interchange"
	"cooldown/store"
	"cooldown/ui"
)

// Exit codes; scripts rely on them.
const (
	exitOK       = 0 // done
	exitFailure  = 1 // I/O and other failures
	exitUsage    = 2 // usage error, no terminal, unknown section, invalid value
	exitLocked   = 3 // the database is held by another process
	exitDatabase = 4 // not a cooldown database, truncated, corrupt or too new
	// exitInterrupted is the shell's code for a program stopped by SIGINT
	// (128 + 2); the app quits quietly with it when interrupted from outside.
	exitInterrupted = 130
)

// exitError is an error that carries its exit code. Its message is printed
// as it is, after "cooldown: ".
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

// env is what a command reads from the world: arguments aside, everything
// a test may want to replace.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
	loc    *time.Location
	getenv func(string) string
	dbPath string // from --db or the default
	// catchSignals makes a subcommand catch the stop signals (main sets
	// it; a test that calls run in its own process does not), and sig
	// is what catches them while it runs (interrupt.go).
	catchSignals bool
	sig          *interrupts
}

// command is one subcommand.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string
	example string
	flags   func(fs *flag.FlagSet) // declares the flags, for the help text
	run     func(e *env, args []string) error
}

// commands lists the subcommands in the order the help shows them. It is
// built by a function rather than at package init, so start-up stays cheap.
func commands() []command {
	return []command{
		{
			name: "status", args: "[--json]",
			summary: "print the streak, today's state and any open question on one line",
			example: "cooldown status --json | jq .current_streak",
			flags:   func(fs *flag.FlagSet) { statusFlags(fs) },
			run:     runStatus,
		},
		{
			name: "log", args: "[--date YYYY-MM-DD] [--kind K --minutes N --rpe N] [--done ITEM]... [--sleep H --quality N --fatigue N --stress N --soreness N] [--bedtime HH:MM] [--note TEXT]",
			summary: "record or extend a day without the app",
			example: "cooldown log --kind strength --minutes 60 --rpe 7 --done foam-rolling --done berries",
			flags:   func(fs *flag.FlagSet) { logFlags(fs) },
			run:     runLog,
		},
		{
			name: "export", args: "[--format json|csv] [-o FILE]",
			summary: "write every day and the settings to stdout or a file",
			example: "cooldown export -o ~/cooldown-backup.json",
			flags:   func(fs *flag.FlagSet) { exportFlags(fs) },
			run:     runExport,
		},
		{
			name: "import", args: "[--since DATE] PATH",
			summary: "replace days and settings with those of a JSON export (- reads stdin), or merge workouts and sleep from device files",
			example: "cooldown import ~/cooldown-backup.json\n  cooldown import --since 2026-01-01 ~/Downloads/export.zip",
			flags:   func(fs *flag.FlagSet) { importFlags(fs) },
			run:     runImport,
		},
		{
			name: "guide", args: "[SECTION] [--width N]",
			summary: "print the recovery guide, or one section of it",
			example: "cooldown guide sleep --width 72 | less -R",
			flags:   func(fs *flag.FlagSet) { guideFlags(fs) },
			run:     runGuide,
		},
		{
			name: "check", args: "",
			summary: "verify the database: bbolt's consistency check and every record",
			example: "cooldown check || echo 'restore from an export'",
			run:     runCheck,
		},
		{
			name: "backups", args: "",
			summary: "list the backups of the database, newest first, and whether each passes the check",
			example: "cooldown backups",
			run:     runBackups,
		},
		{
			name: "restore", args: "BACKUP",
			summary: "check BACKUP, keep the current file as a backup, and put a copy of BACKUP in its place",
			example: "cooldown restore cooldown-2026-11-27.db",
			run:     runRestore,
		},
	}
}

func commandNames() string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return strings.Join(names, ", ")
}

func main() {
	os.Exit(run(os.Args[1:], &env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		now:    time.Now,
		loc:    time.Local,
		getenv: os.Getenv,

		catchSignals: true,
	}))
}

// run parses the global flags, runs the subcommand and returns the exit
// code, printing any error to stderr.
func run(args []string, e *env) int {
	if err := dispatch(args, e); err != nil {
		return report(e.stderr, err)
	}
	return exitOK
}

func dispatch(args []string, e *env) error {
	fs := newFlagSet("cooldown")
	db := fs.String("db", "", "the database file (default $XDG_DATA_HOME/cooldown/cooldown.db)")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(e.stdout)
			return nil
		}
		return usageErr("%s\nrun `cooldown --help` for usage", safetext.Line(err.Error())) // it may quote an argument
	}
	if *showVersion {
		fmt.Fprintf(e.stdout, "cooldown %s (%s)\n", version(), runtime.Version())
		return nil
	}
	if err := checkDBFlag(fs); err != nil {
		return err
	}
	e.dbPath = *db
	if e.dbPath == "" {
		p, err := defaultDBPath(e.getenv)
		if err != nil {
			return err
		}
		e.dbPath = p
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return runApp(e)
	}
	name := rest[0]
	if name == "help" {
		return runHelp(e, rest[1:])
	}
	if c, ok := findCommand(name); ok {
		if e.catchSignals {
			e.sig = catchInterrupts(e)
		}
		return c.run(e, rest[1:])
	}
	return usageErr("unknown command %q; the commands are %s (see `cooldown --help`)", name, commandNames())
}

// report prints err to w and returns its exit code. Every error message
// the command line prints passes here, so this is where text from outside
// that a message quotes (a path, a key, a value from a file) is made
// harmless: safetext.Block shows its control characters, which a terminal
// would otherwise obey. The messages' own line breaks stay; the places
// that quote a value use safetext.Line, so a value cannot start a line.
func report(w io.Writer, err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintf(w, "cooldown: %s\n", safetext.Block(ee.msg))
		}
		return ee.code
	}
	fmt.Fprintf(w, "cooldown: %s\n", safetext.Block(err.Error()))
	return exitFailure
}

// newFlagSet returns a flag set that reports errors to its caller rather
// than printing them, so every message starts with "cooldown: ".
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseArgs parses flags that may come before, between or after the
// positional arguments (`cooldown guide sleep --width 40`); "--" ends the
// flags.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseCommand parses the flags of subcommand c, printing its help to
// stdout for --help.
func parseCommand(e *env, c string, fs *flag.FlagSet, args []string) (pos []string, help bool, err error) {
	pos, err = parseArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printCommandHelp(e.stdout, c)
		return nil, true, nil
	}
	if err != nil {
		for _, global := range []string{"db", "version"} {
			if strings.HasSuffix(err.Error(), "not defined: -"+global) {
				return nil, false, usageErr("%s: --%s is a global flag: put it before the command, as in `cooldown --%s ... %s`", c, global, global, c)
			}
		}
		return nil, false, usageErr("%s: %s\nrun `cooldown %s --help` for usage", c, safetext.Line(err.Error()), c) // it may quote an argument
	}
	return pos, false, nil
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func printUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString(`cooldown: a terminal recovery coach

Usage:
  cooldown [--db PATH]                open the app (needs a terminal)
  cooldown [--db PATH] COMMAND [FLAGS]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Global flags (before the command):
  --db PATH    the database file; default $XDG_DATA_HOME/cooldown/cooldown.db,
               or ~/.local/share/cooldown/cooldown.db when XDG_DATA_HOME is unset
  --version    print the version and exit
  --help       print this help

Run ` + "`cooldown COMMAND --help`" + ` for a command's flags and an example.

Exit codes: 0 done, 1 failure, 2 usage error or no terminal,
3 database in use by another process, 4 database unreadable or corrupt;
129, 130, 131, 143 stopped by SIGHUP, SIGINT, SIGQUIT, SIGTERM. A change
that was saved exits 0 even when its confirmation cannot be printed.
`)
	io.WriteString(w, b.String())
}

func printCommandHelp(w io.Writer, name string) {
	c, ok := findCommand(name)
	if !ok {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: cooldown [--db PATH] %s %s\n\n%s.\n", c.name, c.args, upperFirst(c.summary))
	if c.flags != nil {
		fs := newFlagSet(c.name)
		c.flags(fs)
		b.WriteString("\nFlags:\n")
		fs.VisitAll(func(f *flag.Flag) {
			name, usage := flag.UnquoteUsage(f)
			arg := "--" + f.Name
			if len(f.Name) == 1 {
				arg = "-" + f.Name
			}
			if name != "" {
				arg += " " + name
			}
			fmt.Fprintf(&b, "  %-20s %s", arg, usage)
			if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" && f.DefValue != "[]" {
				fmt.Fprintf(&b, " (default %s)", f.DefValue)
			}
			b.WriteString("\n")
		})
	}
	if extra := commandNotes(c.name); extra != "" {
		b.WriteString("\n" + extra)
	}
	fmt.Fprintf(&b, "\nExample:\n  %s\n", c.example)
	io.WriteString(w, b.String())
}

// commandNotes returns what a command's help says beyond its flags.
func commandNotes(name string) string {
	switch name {
	case "log":
		var ids []string
		for _, it := range coach.Items {
			ids = append(ids, string(it.ID))
		}
		var kinds []string
		for _, k := range coach.Kinds {
			kinds = append(kinds, string(k))
		}
		return "Everything given is written to one day in one transaction; a date after\n" +
			"today is refused. A workout needs --kind, --minutes and --rpe together.\n" +
			"The morning check (--sleep and the four ratings, 1 very good to 7 very\n" +
			"bad) is about last night: without --date it answers the newest training\n" +
			"day still waiting for it (the one `cooldown status` lists as open).\n" +
			"  kinds: " + strings.Join(kinds, ", ") + "\n" +
			"  items: " + wrapList(ids, 9) + "\n"
	case "status":
		return damagedNote
	case "export":
		return "-o FILE: a new file is made with mode 0600; an existing file (or the file a\n" +
			"symbolic link leads to) is replaced by a rename, keeping its mode, so it is\n" +
			"never half written; a FIFO or a character device is written in place; -,\n" +
			"/dev/stdout and /dev/fd/N write to that descriptor. The database itself,\n" +
			"a directory and a file with several hard links are refused (exit 2).\n" + damagedNote
	case "import":
		return "A cooldown export is read and checked completely before anything is\n" +
			"written; then its days replace the stored days of the same dates and its\n" +
			"settings become the stored settings, in one transaction.\n" + deviceImportHelp
	case "guide":
		return "Sections: " + wrapList(content.IDs(), 10) + "\n" +
			"Plain text without escape codes when stdout is not a terminal or NO_COLOR is set;\n" +
			"CLICOLOR_FORCE keeps colour on a pipe. The colours follow the app's theme\n" +
			"(--style overrides it); the terminal is never asked.\n"
	case "check":
		return "Exit 0 when the database is sound, 4 when it is not.\n"
	case "backups":
		return "Backups are taken in the folder backups/ beside the database by the first\n" +
			"change of each day and before any upgrade; 7 daily and 8 weekly ones are\n" +
			"kept, and the newest that passes the check whatever its age.\n"
	case "restore":
		return "BACKUP must pass the check. The current file is kept in backups/ first\n" +
			"(even a damaged one); then the copy replaces it in one rename. With --db\n" +
			"naming a file that does not exist, the backup is restored into it.\n" +
			"Exit 4 when BACKUP fails the check, 3 when the database is in use.\n"
	}
	return ""
}

func wrapList(words []string, indent int) string {
	var b strings.Builder
	col := indent
	for i, w := range words {
		if i > 0 {
			if col+2+len(w) > 78 {
				b.WriteString(",\n" + strings.Repeat(" ", indent))
				col = indent
			} else {
				b.WriteString(", ")
				col += 2
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func runHelp(e *env, args []string) error {
	if len(args) == 0 {
		printUsage(e.stdout)
		return nil
	}
	if _, ok := findCommand(args[0]); !ok {
		return usageErr("unknown command %q; the commands are %s", args[0], commandNames())
	}
	printCommandHelp(e.stdout, args[0])
	return nil
}

// version returns the module version of the binary, or "dev" for a build
// from a work tree.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			return v
		}
	}
	return "dev"
}

// defaultDBPath follows the XDG base directory rules:
// $XDG_DATA_HOME/cooldown/cooldown.db, else ~/.local/share/cooldown/cooldown.db.
func defaultDBPath(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "cooldown", "cooldown.db"), nil
	}
	home := getenv("HOME")
	if home == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", &exitError{code: exitFailure, msg: "cannot find the home directory for the default database; set XDG_DATA_HOME or pass --db PATH"}
		}
		home = h
	}
	return filepath.Join(home, ".local", "share", "cooldown", "cooldown.db"), nil
}

// storeErr turns an error from the store into a message that names the
// path and says what to do next, with its exit code. The store's errors
// state the facts (kind, path, dates, cause); the advice is written here.
func storeErr(path string, err error) error {
	var fe *coach.FieldError
	var se *store.Error
	msg := ""
	if err != nil {
		msg = safetext.Block(err.Error())
		if !strings.Contains(msg, safetext.Line(path)) {
			msg += " (" + safetext.Line(path) + ")"
		}
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrLocked):
		return &exitError{code: exitLocked, msg: msg + "\nclose the other cooldown, or try again in a moment"}
	case errors.Is(err, store.ErrTooNew):
		return &exitError{code: exitDatabase, msg: msg + ": update cooldown; the file was not changed"}
	case errors.Is(err, store.ErrCorrupt), errors.Is(err, store.ErrDamaged):
		q := shellQuote(path)
		return &exitError{code: exitDatabase, msg: msg + "\nthe file was not changed: run `cooldown --db " + q +
			" check` to see what is wrong, then restore a backup (`cooldown --db " + q + " backups` lists them)" +
			" or move it aside and restore from an export with `cooldown import FILE`"}
	case errors.Is(err, store.ErrBadPath) && errors.As(err, &se):
		switch {
		case strings.HasPrefix(se.What, "it is a directory"):
			msg += fmt.Sprintf("; give the path of a file inside it (for example %s)", filepath.Join(se.Path, "cooldown.db"))
		case strings.HasPrefix(se.What, "it is a symbolic link"):
			msg += "; create that directory, or give another path with --db"
		}
		return &exitError{code: exitFailure, msg: msg}
	case errors.Is(err, errNoDatabase):
		return &exitError{code: exitFailure, msg: fmt.Sprintf("no database at %s yet: record a day with `cooldown log` or open the app, or pick another file with --db PATH", safetext.Line(path))}
	case errors.As(err, &fe):
		return &exitError{code: exitUsage, msg: fe.Error()}
	}
	return &exitError{code: exitFailure, msg: msg}
}

// shellQuote quotes s for a shell when it needs it. A name holding
// control characters or bytes that are not UTF-8 is written as bash's
// $'...' with safetext's escapes, which bash reads back to the same bytes.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == '~' || r == '+' || r == ':' ||
			(r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9'))
	}) < 0 {
		return s
	}
	if safetext.Block(s) != s || strings.ContainsAny(s, "\n\t") {
		return "$'" + safetext.Line(strings.NewReplacer(`\`, `\\`, "'", `\'`, "\n", `\n`, "\t", `\t`).Replace(s)) + "'"
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// openStore opens the database for reading and writing, creating it when
// it does not exist, and prints its warnings (such as loose permissions)
// to stderr.
func openStore(e *env) (*store.Store, error) {
	st, err := store.Open(e.dbPath, store.Options{Now: e.now, Location: e.loc})
	if err != nil {
		return nil, storeErr(e.dbPath, err)
	}
	for _, w := range st.Warnings() {
		fmt.Fprintf(e.stderr, "cooldown: warning: %s\n", safetext.Line(w))
	}
	return st, nil
}

// errNoDatabase says that a command that only reads found no database.
var errNoDatabase = errors.New("no database yet")

// openReadOnly opens the database for reading, as status, export, check and
// backups do: bbolt opens it read-only and they never write, whatever its
// schema (an older one is read as it is, never migrated), so they work
// while another process writes and leave the file as it was, bytes and
// modification time. A missing file is errNoDatabase.
func openReadOnly(e *env) (*store.Store, error) {
	st, err := store.Open(e.dbPath, store.Options{ReadOnly: true, Now: e.now, Location: e.loc})
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, errNoDatabase
	case errors.Is(err, store.ErrReadOnly):
		if fi, serr := os.Stat(e.dbPath); serr == nil && fi.Size() == 0 {
			return nil, errNoDatabase // an empty file holds nothing yet
		}
	}
	if err != nil {
		return nil, err
	}
	for _, w := range st.Warnings() {
		fmt.Fprintf(e.stderr, "cooldown: warning: %s\n", safetext.Line(w))
	}
	return st, nil
}

// readSnapshot reads everything stored in one read transaction.
func readSnapshot(e *env) (store.Snapshot, error) {
	st, err := openReadOnly(e)
	if err != nil {
		return store.Snapshot{}, err
	}
	return st.Snapshot()
}

// isTerminal reports whether f is a terminal.
func isTerminal(f any) bool {
	if fd, ok := f.(interface{ Fd() uintptr }); ok {
		return term.IsTerminal(int(fd.Fd()))
	}
	return false
}

// runApp opens the app when stdin and stdout are terminals.
func runApp(e *env) error {
	if !isTerminal(e.stdin) || !isTerminal(e.stdout) {
		return &exitError{code: exitUsage, msg: "the app needs a terminal on stdin and stdout\n" +
			"for scripts use a command: " + commandNames() + " (see `cooldown --help`)"}
	}
	// The colour profile, from what lipgloss detected at start (no query:
	// the app asks for the background through Bubble Tea once it runs).
	t := ui.DetectTerminal()
	st, err := openStore(e)
	if err != nil {
		return err
	}
	if os.Getenv("GOGC") == "" {
		appGC()
	}
	if err := ui.Run(ui.Options{Store: st, Now: e.now, Location: e.loc, Terminal: t, Version: version()}); err != nil {
		var se *ui.SignalError
		if errors.As(err, &se) {
			return signalExit(e, se)
		}
		if errors.Is(err, tea.ErrInterrupted) {
			// SIGINT from outside (ctrl+c is a key and quits normally):
			// every change was already saved; the terminal is restored.
			return &exitError{code: exitInterrupted}
		}
		return storeErr(e.dbPath, err)
	}
	return nil
}

// appGC sets the app's garbage collection. The app lives for minutes and
// its live heap is small (a few MB): collecting when it has grown by a
// quarter, not doubled, keeps its peak memory under 25 MB with a 10-year
// history, at a cost no key press shows. But at start, decoding the history
// allocates a few MB at once, and a collector set that tight would run
// several times before the first frame: it stays off (under a 64 MB guard)
// for the first moments, which draw the first frame, then settles at 25%.
// docs/performance.md has the figures. GOGC, when set, wins over all this.
func appGC() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(64 << 20)
	time.AfterFunc(startupGCDelay, func() {
		debug.SetGCPercent(25)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

// startupGCDelay is how long the collector stays off at start: far longer
// than loading a 10-year history and drawing the first frame take.
const startupGCDelay = 250 * time.Millisecond

// ---- status ----

func statusFlags(fs *flag.FlagSet) *bool {
	return fs.Bool("json", false, "print JSON instead of one line")
}

// statusJSON is the contract of `cooldown status --json`.
type statusJSON struct {
	Today            string   `json:"today"`
	TodayStatus      string   `json:"today_status"`
	CurrentStreak    int      `json:"current_streak"`
	LongestStreak    int      `json:"longest_streak"`
	WeekStreak       int      `json:"week_streak"`
	RecoveryStrength int      `json:"recovery_strength"`
	TrainingDays     int      `json:"training_days"`
	AcuteLoad        float64  `json:"acute_load"`
	ChronicLoad      *float64 `json:"chronic_load"`
	LoadRatio        *float64 `json:"load_ratio"`
	OpenQuestions    []string `json:"open_questions"`
}

func runStatus(e *env, args []string) error {
	fs := newFlagSet("status")
	asJSON := statusFlags(fs)
	pos, help, err := parseCommand(e, "status", fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("status: unexpected argument %q\nrun `cooldown status --help` for usage", pos[0])
	}
	// status is a one-shot process that a prompt may run every second: it
	// allocates a few megabytes reading a long history and exits, so
	// garbage collection would only cost time. The memory limit brings the
	// collector back should a history ever be that large.
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(64 << 20)
	snap, err := readSnapshot(e)
	if errors.Is(err, errNoDatabase) {
		// No database yet: an empty history, for a prompt on a new machine.
		snap, err = store.Snapshot{Settings: coach.DefaultSettings()}, nil
	}
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	today := coach.DateAt(e.now(), e.loc, snap.Settings.DayStartHour)
	sum := coach.Summarize(snap.Days, today, snap.Settings)

	var b bytes.Buffer
	if *asJSON {
		out := statusJSON{
			Today:            today.String(),
			TodayStatus:      sum.TodayStatus.String(),
			CurrentStreak:    sum.Streak.Current,
			LongestStreak:    sum.Streak.Longest,
			WeekStreak:       sum.Streak.Week,
			RecoveryStrength: sum.StrengthPercent,
			TrainingDays:     sum.TrainingDays,
			AcuteLoad:        sum.Load.Acute,
			OpenQuestions:    []string{},
		}
		// chronic_load and load_ratio are two facts: chronic is a number
		// (maybe 0) once the history is long enough; the ratio only while
		// chronic is above 0.
		if sum.Load.HasChronic {
			chronic := sum.Load.Chronic
			out.ChronicLoad = &chronic
		}
		if sum.Load.HasRatio {
			ratio := math.Round(sum.Load.Ratio*100) / 100
			out.LoadRatio = &ratio
		}
		for _, d := range sum.OpenQuestions {
			out.OpenQuestions = append(out.OpenQuestions, d.String()+": morning check")
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(&b, "cooldown: %d-day streak (longest %d) · today: %s", sum.Streak.Current, sum.Streak.Longest, sum.TodayStatus.Label())
		if n := len(sum.OpenQuestions); n > 0 {
			fmt.Fprintf(&b, " · open: %s morning check", sum.OpenQuestions[0])
			if n > 1 {
				fmt.Fprintf(&b, " (+%d more)", n-1)
			}
		}
		b.WriteByte('\n')
	}
	if _, err = e.stdout.Write(b.Bytes()); err != nil {
		return err
	}
	return damagedErr(e, snap.Damaged, "the figures above leave them out")
}

// ---- log ----

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

type logOptions struct {
	date, kind, bedtime, note          string
	minutes, rpe                       int
	done                               stringList
	sleep                              float64
	quality, fatigue, stress, soreness int
}

func logFlags(fs *flag.FlagSet) *logOptions {
	o := &logOptions{}
	fs.StringVar(&o.date, "date", "", "the `YYYY-MM-DD` day (default today; not after today)")
	fs.StringVar(&o.kind, "kind", "", "add a workout of this `KIND`: strength, intervals, endurance, sport, mobility")
	fs.IntVar(&o.minutes, "minutes", 0, "the workout's length in minutes, `N` from 1 to 600")
	fs.IntVar(&o.rpe, "rpe", 0, "the workout's effort as session RPE, `N` from 1 to 10")
	fs.Var(&o.done, "done", "tick a checklist `ITEM` (repeatable)")
	fs.Float64Var(&o.sleep, "sleep", 0, "morning check: `HOURS` slept, 0 to 16 in half hours")
	fs.IntVar(&o.quality, "quality", 0, "morning check: sleep quality, `N` from 1 (very good) to 7 (very bad)")
	fs.IntVar(&o.fatigue, "fatigue", 0, "morning check: fatigue, `N` from 1 to 7")
	fs.IntVar(&o.stress, "stress", 0, "morning check: stress, `N` from 1 to 7")
	fs.IntVar(&o.soreness, "soreness", 0, "morning check: muscle soreness, `N` from 1 to 7")
	fs.StringVar(&o.bedtime, "bedtime", "", "planned bedtime, `HH:MM`")
	fs.StringVar(&o.note, "note", "", "the day's note, `TEXT` of at most 2000 characters (replaces the note)")
	return o
}

// flagOfField names the log flag that sets a field of coach's errors.
func flagOfField(field string) (string, bool) {
	switch field {
	case "date", "kind", "minutes", "rpe", "bedtime", "note", "done":
		return "--" + field, true
	case "morning.sleep_hours":
		return "--sleep", true
	case "morning.sleep_quality":
		return "--quality", true
	case "morning.fatigue", "morning.stress", "morning.soreness":
		return "--" + strings.TrimPrefix(field, "morning."), true
	}
	return "", false
}

// invalid turns a coach validation error into a usage error naming the
// flag and the field.
func invalid(err error) error {
	var fe *coach.FieldError
	if errors.As(err, &fe) {
		field := fe.Field
		if i := strings.LastIndexByte(field, '.'); i >= 0 && strings.HasPrefix(field, "workouts[") {
			field = field[i+1:]
		}
		if f, ok := flagOfField(field); ok {
			return usageErr("log: invalid %s (%s): %s", f, fe.Field, fe.Msg)
		}
		return usageErr("log: invalid %s: %s", fe.Field, fe.Msg)
	}
	return err
}

func runLog(e *env, args []string) error {
	fs := newFlagSet("log")
	o := logFlags(fs)
	pos, help, err := parseCommand(e, "log", fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("log: unexpected argument %q (every value goes with a flag)\nrun `cooldown log --help` for usage", pos[0])
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	// Gather and check everything before opening the database.
	var workout *coach.Workout
	if err := together(set, "a workout", "kind", "minutes", "rpe"); err != nil {
		return err
	}
	if set["kind"] {
		w := coach.Workout{Kind: coach.Kind(o.kind), Minutes: o.minutes, RPE: o.rpe}
		if err := coach.ValidateWorkout(w, ""); err != nil {
			return invalid(err)
		}
		workout = &w
	}
	var morning *coach.Morning
	if err := together(set, "the morning check", "sleep", "quality", "fatigue", "stress", "soreness"); err != nil {
		return err
	}
	if set["sleep"] {
		m := coach.Morning{SleepHours: o.sleep, SleepQuality: o.quality, Fatigue: o.fatigue, Stress: o.stress, Soreness: o.soreness}
		if err := coach.ValidateMorning(m); err != nil {
			return invalid(err)
		}
		morning = &m
	}
	var items []coach.Item
	for _, id := range o.done {
		if _, ok := coach.LookupItem(coach.Item(id)); !ok {
			var ids []string
			for _, it := range coach.Items {
				ids = append(ids, string(it.ID))
			}
			return usageErr("log: invalid --done (done): %q is not a checklist item; allowed %s", id, strings.Join(ids, ", "))
		}
		items = append(items, coach.Item(id))
	}
	var bedtime *coach.Clock
	if set["bedtime"] {
		c, err := coach.ParseClock(o.bedtime)
		if err != nil {
			return usageErr("log: invalid --bedtime (bedtime): %v", err)
		}
		bedtime = &c
	}
	if set["note"] {
		if err := coach.ValidateNote(o.note); err != nil {
			return invalid(err)
		}
		// The keyboard rule: what a person types holds no control
		// character but new line and tab (the stored note may, from an
		// import; every view escapes it).
		if err := safetext.CheckTyped(o.note); err != nil {
			return invalid(&coach.FieldError{Field: "note", Msg: err.Error()})
		}
	}
	var date coach.Date
	if set["date"] {
		d, err := coach.ParseDate(o.date)
		if err != nil {
			return usageErr("log: invalid --date (date): %v", err)
		}
		date = d
	}
	if workout == nil && morning == nil && len(items) == 0 && bedtime == nil && !set["note"] {
		return usageErr("log: nothing to record: give a workout (--kind, --minutes, --rpe), --done ITEM, the morning check (--sleep and the four ratings), --bedtime or --note\nrun `cooldown log --help` for usage")
	}

	st, err := openStore(e)
	if err != nil {
		return err
	}
	settings, err := st.Settings()
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	now := e.now()
	today := coach.DateAt(now, e.loc, settings.DayStartHour)
	if date.IsZero() {
		date = today
		if morning != nil {
			// The morning check is about last night, so it belongs to the
			// training day before it: the one `status` lists as open.
			if workout != nil || len(items) > 0 || bedtime != nil || set["note"] {
				return usageErr("log: the morning check belongs to the training day before last night, the other flags to today: give --date, or log them in two commands")
			}
			recent, err := st.DaysBetween(today.AddDays(-coach.OpenQuestionDays), today)
			if errors.Is(err, store.ErrDamaged) {
				err = nil // an unreadable day cannot be the open one; `check` names it
			}
			if err != nil {
				return storeErr(e.dbPath, err)
			}
			open := coach.OpenQuestions(recent, today)
			if len(open) == 0 {
				return usageErr("log: no training day of the last %d days is waiting for its morning check; give the day with --date YYYY-MM-DD", coach.OpenQuestionDays)
			}
			date = open[0]
		}
	}
	if date.After(today) {
		return usageErr("log: invalid --date (date): %s is in the future; allowed up to today, %s", date, today)
	}
	update := func(d *coach.Day) error {
		if workout != nil {
			d.Workouts = append(d.Workouts, *workout)
		}
		for _, it := range items {
			if !d.IsDone(it) { // keep when it was first ticked
				d.SetDone(it, true, now)
			}
		}
		if morning != nil {
			m := *morning
			d.Morning = &m
		}
		if bedtime != nil {
			c := *bedtime
			d.Bedtime = &c
		}
		if set["note"] {
			d.Note = o.note
		}
		return d.ValidateEntry(today)
	}
	var day coach.Day
	err = e.sig.commit(func() (err error) {
		day, err = st.Update(date, update)
		return err
	})
	if err != nil {
		var fe *coach.FieldError
		if errors.As(err, &fe) {
			return invalid(err)
		}
		return storeErr(e.dbPath, err)
	}
	if berr := st.BackupError(); berr != nil {
		fmt.Fprintf(e.stderr, "cooldown: warning: the change was saved, but today's backup could not be written: %s\n", safetext.Line(berr.Error()))
	}
	confirmCommitted(e, safetext.Line(dayLine(day, settings))+"\n")
	return nil
}

// together checks that the flags of a group are given all or none.
func together(set map[string]bool, what string, names ...string) error {
	var given, missing []string
	for _, n := range names {
		if set[n] {
			given = append(given, "--"+n)
		} else {
			missing = append(missing, "--"+n)
		}
	}
	if len(given) == 0 || len(missing) == 0 {
		return nil
	}
	return usageErr("log: %s needs %s together; missing %s", what, flagList(names), strings.Join(missing, ", "))
}

func flagList(names []string) string {
	f := make([]string, len(names))
	for i, n := range names {
		f[i] = "--" + n
	}
	if len(f) == 1 {
		return f[0]
	}
	return strings.Join(f[:len(f)-1], ", ") + " and " + f[len(f)-1]
}

// dayLine describes a day's status in one line:
// "2026-11-25: pending (sleep pending, blood flow met, diet met)".
func dayLine(d coach.Day, s coach.Settings) string {
	if d.IsRest() {
		// Ticks, a bedtime, a note or morning answers on a date without a
		// workout are kept, but the day is a rest day: say so.
		return fmt.Sprintf("%s: rest day, no workout (it neither adds to nor breaks a streak; add one with --kind, --minutes and --rpe)", d.Date)
	}
	parts := make([]string, 0, len(coach.Pillars))
	for _, p := range coach.Pillars {
		parts = append(parts, p.String()+" "+d.Pillar(p, s).String())
	}
	return fmt.Sprintf("%s: %s (%s)", d.Date, d.Status(s), strings.Join(parts, ", "))
}

// ---- export and import ----

type exportOptions struct {
	format, out string
}

func exportFlags(fs *flag.FlagSet) *exportOptions {
	o := &exportOptions{}
	fs.StringVar(&o.format, "format", "json", "the file `FORMAT`: json or csv")
	fs.StringVar(&o.out, "o", "", "write to `FILE` instead of stdout (see below)")
	return o
}

func runExport(e *env, args []string) error {
	fs := newFlagSet("export")
	o := exportFlags(fs)
	pos, help, err := parseCommand(e, "export", fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("export: unexpected argument %q (write to a file with -o FILE)", pos[0])
	}
	var write func(io.Writer, interchange.Export) error
	switch o.format {
	case "json":
		write = interchange.WriteJSON
	case "csv":
		write = interchange.WriteCSV
	default:
		return usageErr("export: invalid --format %q; allowed json or csv", o.format)
	}
	// Check where the export goes before reading anything (export_dest.go).
	dest, err := resolveDest(o.out, e.dbPath, destOptions{})
	if err != nil {
		return err
	}
	snap, err := readSnapshot(e)
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	var b bytes.Buffer
	if err := write(&b, interchange.Export{ExportedAt: e.now(), Settings: snap.Settings, Days: snap.Days}); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if len(snap.Damaged) > 0 {
		// A partial export never replaces a file: it goes beside it.
		dest.opts.besideTag = "partial"
	}
	if err := dest.write(e, b.Bytes(), e.sig); err != nil {
		return err
	}
	if len(snap.Damaged) == 0 {
		return nil
	}
	consequence := "the export holds the readable days only"
	if dest.written != "" {
		consequence += ", written to " + msgText(dest.written)
		if dest.written != dest.target {
			consequence += " (" + msgText(dest.target) + " exists and was left as it was)"
		}
	}
	return damagedErr(e, snap.Damaged, consequence)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func runImport(e *env, args []string) error {
	fs := newFlagSet("import")
	sinceFlag := importFlags(fs)
	pos, help, err := parseCommand(e, "import", fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("import: want one FILE (- for stdin)\nrun `cooldown import --help` for usage")
	}
	since, err := parseSince(*sinceFlag)
	if err != nil {
		return err
	}
	name := pos[0]
	in := e.stdin
	if name == "-" {
		name = "stdin"
	} else {
		// Device files (import_device.go) by content; cooldown's own
		// export below.
		if device, err := isDeviceImport(name); err == nil && device {
			return importDevice(e, name, since)
		}
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("import: %s", safetext.Line(err.Error()))
		}
		defer f.Close()
		in = f
	}
	// Parse and check the whole file before opening the database. The
	// parser reads it as a stream, within interchange.MaxImportBytes.
	exp, err := interchange.ParseJSON(in)
	var ie *interchange.ImportError
	switch {
	case errors.Is(err, interchange.ErrNewerExport):
		return usageErr("import %s: %s: update cooldown to import it\nnothing was imported", safetext.Line(name), safetext.Line(err.Error()))
	case errors.As(err, &ie):
		return usageErr("import %s: %s\nnothing was imported", safetext.Line(name), safetext.Line(err.Error()))
	case err != nil:
		return fmt.Errorf("import %s: %s; nothing was imported", safetext.Line(name), safetext.Line(err.Error()))
	}
	st, err := openStore(e)
	if err != nil {
		return err
	}
	exp.Days = filterSince(exp.Days, since)
	if err := e.sig.commit(func() error { return st.Replace(exp.Settings, exp.Days) }); err != nil {
		return storeErr(e.dbPath, err)
	}
	confirmCommitted(e, fmt.Sprintf("imported %s into %s\n", plural(len(exp.Days), "day"), msgText(e.dbPath)))
	return nil
}

// ---- guide ----

func guideFlags(fs *flag.FlagSet) (*int, *string) {
	return fs.Int("width", 0, "wrap at `N` columns (default the terminal's width, or 80)"),
		fs.String("style", "", "`dark`, light or plain (default the app's theme; plain when not a terminal or NO_COLOR is set)")
}

func runGuide(e *env, args []string) error {
	fs := newFlagSet("guide")
	width, styleFlag := guideFlags(fs)
	pos, help, err := parseCommand(e, "guide", fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageErr("guide: want at most one SECTION, got %q\nrun `cooldown guide --help` for usage", strings.Join(pos, " "))
	}
	section := ""
	if len(pos) == 1 {
		section = pos[0]
		if _, ok := content.Lookup(section); !ok {
			return usageErr("guide: no section %q; the sections are %s", section, strings.Join(content.IDs(), ", "))
		}
	}
	tty := isTerminal(e.stdout)
	w := *width
	switch {
	case w != 0 && (w < content.MinWidth || w > content.MaxWidth):
		return usageErr("guide: invalid --width %d; allowed %d to %d", w, content.MinWidth, content.MaxWidth)
	case w == 0 && tty:
		if cols, _, err := term.GetSize(int(e.stdout.(interface{ Fd() uintptr }).Fd())); err == nil && cols >= content.MinWidth {
			w = min(cols, content.MaxWidth)
		}
	}
	if w == 0 {
		w = 80
	}
	style, err := guideStyle(e, tty, *styleFlag)
	if err != nil {
		return err
	}
	var out string
	if section == "" {
		out, err = content.RenderAll(w, style)
	} else {
		out, err = content.Render(section, w, style)
	}
	if err != nil {
		return err
	}
	// glamour's styles use the 256-colour palette: a terminal with 16
	// colours gets them reduced (--style on a terminal without colour
	// gets the 16). Plain text has none to reduce.
	w2 := e.stdout
	if p := guideProfile(e, tty); style != content.StylePlain && p < colorprofile.ANSI256 {
		w2 = &colorprofile.Writer{Forward: e.stdout, Profile: max(p, colorprofile.ANSI)}
	}
	_, err = io.WriteString(w2, out)
	return err
}

// guideProfile is the colour profile of stdout under the colour rules
// (content.ColorProfile), from the detection lipgloss made at start.
func guideProfile(e *env, tty bool) colorprofile.Profile {
	return content.ColorProfile(lipgloss.Writer.Profile, tty, e.getenv)
}

// guideStyle picks the guide's style without asking the terminal anything:
// --style when given; plain when the colour rules allow no colour (not a
// terminal, NO_COLOR); else the theme chosen in the app, and under the
// theme "auto" the background the app last learnt from the terminal (dark
// when it never did).
func guideStyle(e *env, tty bool, flagValue string) (content.Style, error) {
	switch flagValue {
	case "dark":
		return content.StyleDark, nil
	case "light":
		return content.StyleLight, nil
	case "plain":
		return content.StylePlain, nil
	case "":
	default:
		return 0, usageErr("guide: invalid --style %q; want dark, light or plain", flagValue)
	}
	p := guideProfile(e, tty)
	if p <= colorprofile.ASCII {
		return content.StylePlain, nil
	}
	return content.StyleFor(p, storedDark(e)), nil
}

// storedDark reads from the database, without creating it, whether the
// app draws for a dark background (ui.StoredDark); dark without one.
func storedDark(e *env) bool {
	st, err := store.Open(e.dbPath, store.Options{ReadOnly: true})
	if err != nil {
		return true
	}
	return ui.StoredDark(st)
}

// ---- check ----

func runCheck(e *env, args []string) error {
	fs := newFlagSet("check")
	pos, help, err := parseCommand(e, "check", fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("check: unexpected argument %q (pick the database with --db PATH before the command)", pos[0])
	}
	st, err := openReadOnly(e)
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	problems, err := st.Check()
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	path := safetext.Line(e.dbPath)
	if len(problems) == 0 {
		_, err := fmt.Fprintf(e.stdout, "%s: ok\n", path)
		return err
	}
	for _, p := range problems {
		// A damaged key is raw bytes from the file.
		fmt.Fprintf(e.stdout, "%s: %s\n", path, safetext.Line(p.String()))
	}
	return &exitError{code: exitDatabase, msg: fmt.Sprintf("%s in %s; it was not changed.\n"+
		"restore a backup (`cooldown --db %s backups` lists them, `cooldown restore BACKUP` puts one back), "+
		"or move it aside and restore from an export with `cooldown import FILE`", plural(len(problems), "problem"), safetext.Line(e.dbPath), shellQuote(e.dbPath))}
}
