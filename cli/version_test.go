package cli

import "testing"

func TestRevisionText(t *testing.T) {
	for _, tc := range []struct {
		rev      string
		modified bool
		want     string
	}{
		{"", false, "revision unknown"},
		{"", true, "revision unknown"},
		{"8a1da82c3f0e4b5d6a7b8c9d0e1f2a3b4c5d6e7f", false, "revision 8a1da82c3f0e"},
		{"8a1da82c3f0e4b5d6a7b8c9d0e1f2a3b4c5d6e7f", true, "revision 8a1da82c3f0e, modified"},
		{"abc", false, "revision abc"},
	} {
		if got := revisionText(tc.rev, tc.modified); got != tc.want {
			t.Errorf("revisionText(%q, %v): got %q, want %q", tc.rev, tc.modified, got, tc.want)
		}
	}
}
