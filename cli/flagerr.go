package cli

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/spf13/pflag"
)

// flagValueMsg words a flag value that does not parse in the form of every
// other refused value, "invalid --rpe: "hard" is not a whole number",
// instead of pflag's "invalid argument "hard" for "--rpe" flag:
// strconv.ParseInt: parsing "hard": invalid syntax". ok is false for any
// other error.
func flagValueMsg(err error) (msg string, ok bool) {
	var ive *pflag.InvalidValueError
	if !errors.As(err, &ive) || ive.GetFlag() == nil {
		return "", false
	}
	what := "is not a valid value"
	switch ive.GetFlag().Value.Type() {
	case "int", "int64", "uint":
		what = "is not a whole number"
	case "float64":
		what = "is not a number"
	}
	if errors.Is(err, strconv.ErrRange) {
		what = "is out of range"
	}
	return fmt.Sprintf("invalid --%s: %q %s", ive.GetFlag().Name, ive.GetValue(), what), true
}
