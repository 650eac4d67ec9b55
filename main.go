// Command cooldown is a terminal recovery coach.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "cooldown: the app and its subcommands are being built; nothing to do yet")
	os.Exit(0)
}
