package cli

import (
	"os"
	"path/filepath"
)

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
