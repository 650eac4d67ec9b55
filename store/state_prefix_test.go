package store

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestStatePrefix(t *testing.T) {
	t.Parallel()
	s, err := Open(filepath.Join(t.TempDir(), "c.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetStates(map[string]string{"watch-seen:a": "1", "watch-seen:b": "2", "watch-dirs": "/x", "theme": "dark"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		prefix string
		want   map[string]string
	}{
		{"watch-seen:", map[string]string{"watch-seen:a": "1", "watch-seen:b": "2"}},
		{"watch-", map[string]string{"watch-seen:a": "1", "watch-seen:b": "2", "watch-dirs": "/x"}},
		{"nothing", map[string]string{}},
	}
	for _, tt := range tests {
		got, err := s.StatePrefix(tt.prefix)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("StatePrefix(%q) = %v, %v; want %v", tt.prefix, got, err, tt.want)
		}
	}
	if err := s.SetStates(map[string]string{"watch-seen:a": ""}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.StatePrefix("watch-seen:"); len(got) != 1 {
		t.Errorf("after removing a key: %v, want watch-seen:b alone", got)
	}
	if err := s.SetStates(map[string]string{strings.Repeat("k", MaxStateKey+1): "v", "ok": "v"}); err == nil {
		t.Error("a key past MaxStateKey was accepted")
	}
	if v, _ := s.State("ok"); v != "" {
		t.Errorf("a refused batch wrote %q", v)
	}
}
