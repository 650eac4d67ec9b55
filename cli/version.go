package cli

import (
	"runtime"
	"runtime/debug"
)

// version returns the module version of the binary, or "dev" for a build
// from a work tree.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			return v
		}
	}
	return "dev"
}

// versionLine is what `cooldown --version` prints, from the build info:
// the module version, the VCS revision the binary was built from (with
// "modified" when the work tree had changes), and the Go version:
// "cooldown v1.2.0 (revision 8a1da82c3f0e; go1.26.0)".
func versionLine() string {
	rev, modified, goVersion := "", false, runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	return "cooldown " + version() + " (" + revisionText(rev, modified) + "; " + goVersion + ")"
}

// revisionText describes a VCS revision in a dozen hex digits.
func revisionText(rev string, modified bool) string {
	if rev == "" {
		return "revision unknown"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified {
		return "revision " + rev + ", modified"
	}
	return "revision " + rev
}
