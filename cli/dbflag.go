package cli

import "github.com/spf13/pflag"

// checkDBFlag refuses an empty --db (an empty argument, or `--db=`), which would
// otherwise mean the default database: a script whose variable is unset
// (`cooldown --db "$DB" log ...`) must not write to another file than the
// one it meant. It holds before or after the command.
func checkDBFlag(fs *pflag.FlagSet) error {
	empty := false
	fs.Visit(func(f *pflag.Flag) {
		if f.Name == "db" && f.Value.String() == "" {
			empty = true
		}
	})
	if empty {
		return usageErr("--db needs a file path, and an empty one is refused rather than taken for the default database; leave --db out to use the default\nrun `cooldown --help` for usage")
	}
	return nil
}
