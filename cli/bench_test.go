package cli

import (
	"io"
	"testing"
)

// BenchmarkCommandTree is what cobra adds to every run of cooldown before
// a command starts: building the command tree, finding the command and
// parsing its flags (`status --json --db PATH`). docs/performance.md sets
// it beside the whole run of `status --json`.
func BenchmarkCommandTree(b *testing.B) {
	e := &env{stdout: io.Discard, stderr: io.Discard}
	args := []string{"status", "--json", "--db", "/nonexistent/cooldown.db"}
	b.ReportAllocs()
	for b.Loop() {
		root := newRoot(e)
		c, rest, err := root.Find(args)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.ParseFlags(rest); err != nil {
			b.Fatal(err)
		}
		if err := c.ValidateArgs(c.Flags().Args()); err != nil {
			b.Fatal(err)
		}
	}
}
