// Command cooldown is a terminal recovery coach.
//
// Without a subcommand it opens the app; the subcommands (status, log,
// export, import, guide, check, backups, restore) serve scripts, shell
// prompts and backups. This file only wires: the command line lives in
// cli, the rules in coach, persistence in store, the guide in content and
// the app in ui.
package main

import (
	"os"

	"cooldown/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:]))
}
