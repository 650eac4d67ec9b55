package main

import "flag"

// checkDBFlag refuses an empty --db (an empty argument, or `--db=`), which would
// otherwise mean the default database: a script whose variable is unset
// (`cooldown --db "$DB" log ...`) must not write to another file than the
// one it meant.
func checkDBFlag(fs *flag.FlagSet) error {
	empty := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "db" && f.Value.String() == "" {
			empty = true
		}
	})
	if empty {
		return usageErr("--db needs a file path, and an empty one is refused rather than taken for the default database; leave --db out to use the default\nrun `cooldown --help` for usage")
	}
	return nil
}
