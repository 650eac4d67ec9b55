package cli

import "cooldown/coach/safetext"

// msgText is how a path or a value from outside (a flag, a file name, a
// link's target) appears in a message of the command line: in safetext's
// one-line visible form, so an escape sequence in a file name cannot act
// on the terminal and a newline cannot forge a second line.
func msgText(s string) string { return safetext.Line(s) }
