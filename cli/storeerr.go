package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"cooldown/coach"
	"cooldown/coach/safetext"
	"cooldown/store"
)

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
