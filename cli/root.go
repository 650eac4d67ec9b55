package cli

// The command tree. Every command is a cobra.Command built by a function
// of its own file (newStatusCmd in status.go, ...) around the env it runs
// in; this file puts them together and turns what cobra returns into an
// exit code.

import (
	"errors"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cooldown/coach/safetext"
)

// Run runs cooldown with args (os.Args[1:]) against this process's
// standard streams, clock and environment, and returns the exit code.
func Run(args []string) int {
	return run(args, &env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		now:    time.Now,
		loc:    time.Local,
		getenv: os.Getenv,

		catchSignals: true,
	})
}

// run builds the command tree for e, runs args and returns the exit code,
// printing any error to stderr.
func run(args []string, e *env) int {
	root := newRoot(e)
	root.SetArgs(args)
	c, err := root.ExecuteC()
	if err != nil {
		return report(e.stderr, usageOf(c, err))
	}
	return exitOK
}

// usageOf classifies an error by where it comes from, never by its text:
// a command's run and its argument checks return *exitError, which
// carries its code; anything else comes from cobra (an unknown command, a
// flag group) and is a usage error.
func usageOf(c *cobra.Command, err error) error {
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	return usageErr("%s%s\nrun `%s --help` for usage", commandPrefix(c), safetext.Line(err.Error()), c.CommandPath()) // it may quote an argument
}

// commandPrefix is how a message about command c starts: "log: ", or
// nothing for cooldown itself.
func commandPrefix(c *cobra.Command) string {
	if c == nil || !c.HasParent() {
		return ""
	}
	return c.Name() + ": "
}

// needsDB marks the commands that use the database (Annotations): the
// root's hook resolves --db for them only, so that help, completion and
// the man page never look at it.
const needsDB = "cooldown-db"

// exitCodesText is the table of exit codes, in the root help and the man
// page.
const exitCodesText = `0 done; 1 failure (I/O and the like); 2 usage error or no terminal;
3 database in use by another process; 4 database unreadable or corrupt;
129, 130, 131, 143 stopped by SIGHUP, SIGINT, SIGQUIT, SIGTERM. A change
that was saved exits 0 even when its confirmation cannot be printed.`

// newRoot builds the command tree for e: cooldown itself, which opens the
// app, and its commands.
func newRoot(e *env) *cobra.Command {
	cobra.EnableCommandSorting = false // the help lists the commands in this order
	var db string
	var showVersion bool
	root := &cobra.Command{
		Use:   "cooldown",
		Short: "a terminal recovery coach",
		Long: "cooldown: a terminal recovery coach.\n\n" +
			"Without a command it opens the app (needs a terminal); the commands serve\n" +
			"scripts, shell prompts and backups. --db works before or after the command.\n\n" +
			"Exit codes: " + exitCodesText,
		Annotations:   map[string]string{needsDB: "yes"},
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErr("unknown command %q; the commands are %s (see `cooldown --help`)", args[0], commandNames())
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		PersistentPreRunE: func(c *cobra.Command, _ []string) error {
			if c.Annotations[needsDB] == "" || showVersion {
				return nil
			}
			if err := checkDBFlag(c.Flags()); err != nil {
				return err
			}
			e.dbPath = db
			if e.dbPath == "" {
				p, err := defaultDBPath(e.getenv)
				if err != nil {
					return err
				}
				e.dbPath = p
			}
			if c.HasParent() && e.catchSignals {
				e.sig = catchInterrupts(e)
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error {
			if showVersion {
				_, err := c.OutOrStdout().Write([]byte(versionLine() + "\n"))
				return err
			}
			return runApp(e)
		},
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.PersistentFlags().StringVar(&db, "db", "", "the database `PATH`; default $XDG_DATA_HOME/cooldown/cooldown.db, or ~/.local/share/cooldown/cooldown.db when XDG_DATA_HOME is unset")
	root.MarkPersistentFlagFilename("db")
	root.Flags().BoolVar(&showVersion, "version", false, "print the version and exit")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if msg, ok := flagValueMsg(err); ok {
			return usageErr("%s%s\nrun `%s --help` for usage", commandPrefix(c), safetext.Line(msg), c.CommandPath())
		}
		return usageErr("%s%s\nrun `%s --help` for usage", commandPrefix(c), safetext.Line(err.Error()), c.CommandPath()) // it may quote an argument
	})
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetHelpCommand(newHelpCmd(root))
	for _, c := range commandsOf(e) {
		if c.Annotations == nil {
			c.Annotations = map[string]string{}
		}
		c.Annotations[needsDB] = "yes"
		c.RunE = withCode(c.RunE)
		root.AddCommand(c)
	}
	root.RunE = withCode(root.RunE)
	// The long help is written when asked for: the guide's notes read
	// its section index, which status, run by a prompt, has no use for.
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		fillLong(root)
		help(c, args)
	})
	root.AddCommand(newCompletionCmd(root), newManCmd(root))
	return root
}

// commandsOf returns the commands that work on the database, in the
// order the help shows them.
func commandsOf(e *env) []*cobra.Command {
	return []*cobra.Command{
		newStatusCmd(e), newLogCmd(e), newExportCmd(e), newImportCmd(e),
		newGuideCmd(e), newCheckCmd(e), newBackupsCmd(e), newRestoreCmd(e),
	}
}

// commandNames lists the commands that work on the database.
func commandNames() string {
	var names []string
	for _, c := range commandsOf(&env{}) {
		names = append(names, c.Name())
	}
	return strings.Join(names, ", ")
}

// withCode makes every error of run carry an exit code: one without it
// (an I/O error) is a failure, exit 1, so that usageOf can tell it from
// cobra's own.
func withCode(run func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
	return func(c *cobra.Command, args []string) error {
		err := run(c, args)
		var ee *exitError
		if err == nil || errors.As(err, &ee) {
			return err
		}
		return &exitError{code: exitFailure, msg: err.Error()}
	}
}

// newHelpCmd is `cooldown help [COMMAND]`: a command's help, the same as
// `cooldown COMMAND --help`; an unknown command is a usage error.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "print the help of cooldown or of one command",
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, c := range root.Commands() {
				if c.IsAvailableCommand() {
					names = append(names, cobra.CompletionWithDesc(c.Name(), c.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			c, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				return usageErr("unknown command %q; the commands are %s", strings.Join(args, " "), commandNames())
			}
			c.InitDefaultHelpFlag()
			return c.Help()
		},
	}
}

// fillLong writes the long help of root's commands: the summary, then
// commandNotes.
func fillLong(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Long != "" || c.Annotations[needsDB] == "" {
			continue
		}
		c.Long = upperFirst(c.Short) + ".\n"
		if notes := commandNotes(c.Name()); notes != "" {
			c.Long += "\n" + strings.TrimSuffix(notes, "\n")
		}
	}
}
