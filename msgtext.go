package main

import (
	"strconv"
	"strings"
	"unicode"
)

// msgText is how a path or a value from outside (a flag, a file name, a
// link's target) appears in a message of the command line. Every message
// of export_dest.go, committed.go and interrupt.go passes such text through
// here, so that the escaping of issue 15 (package coach/safetext) has one
// place to wrap. Today a text with a control character (an escape
// sequence in a file name, a newline) is shown Go-quoted, so it cannot
// move the cursor or forge a second line; any other text is shown as it
// is.
func msgText(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strconv.Quote(s)
}
