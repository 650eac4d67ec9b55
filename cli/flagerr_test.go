package cli

import (
	"errors"
	"io"
	"testing"

	"github.com/spf13/pflag"
)

func TestFlagValueMsg(t *testing.T) {
	tests := []struct {
		args []string
		want string // "" means flagValueMsg leaves the error alone
	}{
		{[]string{"--n", "hard"}, `invalid --n: "hard" is not a whole number`},
		{[]string{"--n", "99999999999999999999"}, `invalid --n: "99999999999999999999" is out of range`},
		{[]string{"--h", "lots"}, `invalid --h: "lots" is not a number`},
		{[]string{"--h", "1e999"}, `invalid --h: "1e999" is out of range`},
		{[]string{"--nope"}, ""},
	}
	for _, tt := range tests {
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.Int("n", 0, "")
		fs.Float64("h", 0, "")
		err := fs.Parse(tt.args)
		if err == nil {
			t.Fatalf("Parse(%q) = nil, want an error", tt.args)
		}
		got, ok := flagValueMsg(err)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("flagValueMsg(%v) = %q, %v; want %q", err, got, ok, tt.want)
		}
	}
	if _, ok := flagValueMsg(errors.New("other")); ok {
		t.Error("flagValueMsg(other error) is ok, want not")
	}
}
