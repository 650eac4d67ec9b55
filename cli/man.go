package cli

import (
	"io"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// newManCmd is `cooldown man`: the man page, made from the command tree
// by mango-cobra, with the sections a command tree cannot say.
func newManCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "print the man page (roff), as in `cooldown man | man -l -`",
		Hidden:                true,
		DisableFlagsInUseLine: true,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErr("man: unexpected argument %q\nrun `cooldown man --help` for usage", args[0])
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(c *cobra.Command, _ []string) error {
			page, err := manPage(root)
			if err != nil {
				return err
			}
			_, err = io.WriteString(c.OutOrStdout(), page)
			return err
		},
	}
}

// manPage renders the man page of root in roff. mango stamps today's
// date in its header.
func manPage(root *cobra.Command) (string, error) {
	fillLong(root)
	page, err := mcobra.NewManPage(1, root)
	if err != nil {
		return "", err
	}
	// The help's lines are wrapped for a terminal; man wraps by itself.
	paras := strings.Split(root.Long, "\n\n")
	for i, p := range paras {
		paras[i] = strings.ReplaceAll(p, "\n", " ")
	}
	page = page.WithLongDescription(strings.Join(paras, "\n")).
		WithSection("Exit Status", manExitStatus).
		WithSection("Files", manFiles).
		WithSection("Environment", manEnvironment).
		WithSection("Examples", manExamples)
	return page.Build(roff.NewDocument()), nil
}

// manExitStatus is the README's table of exit codes.
const manExitStatus = `0: done.
1: failure: I/O and the like.
2: usage error, no terminal, unknown guide section, invalid value.
3: the database is in use by another process for longer than about a second.
4: the database is not a cooldown database, is truncated or corrupt, or is from a newer cooldown; some day records are unreadable (status and export still write the readable days); a backup to restore fails the check.
129, 130, 131, 143: stopped by SIGHUP, SIGINT, SIGQUIT or SIGTERM (128 + the signal's number, as a shell reports it): the app after saving what it could; a command stopped before its commit wrote nothing.
A command that committed a change (log, import) exits 0 even when printing its confirmation fails, with a note on stderr.`

// manFiles, manEnvironment and manExamples are the man page's other
// sections; a new line starts a paragraph.
const manFiles = `$XDG_DATA_HOME/cooldown/cooldown.db, or ~/.local/share/cooldown/cooldown.db when XDG_DATA_HOME is unset: the database (a bbolt file, mode 0600), unless --db names another.
backups/ beside the database: the daily and weekly backups that ` + "`cooldown backups`" + ` lists and ` + "`cooldown restore`" + ` puts back.`

const manEnvironment = `XDG_DATA_HOME: where the database lives (see FILES).
NO_COLOR: when set, the app and the guide use no colour.
TZ: the time zone that decides which calendar day "today" is.`

const manExamples = `cooldown status --json | jq .current_streak
cooldown log --kind strength --minutes 60 --rpe 7 --done foam-rolling --done berries
cooldown log --sleep 7.5 --quality 2 --fatigue 3 --stress 2 --soreness 4
cooldown export -o ~/cooldown-backup.json
cooldown guide sleep --width 72 | less -R
source <(cooldown completion bash)`
