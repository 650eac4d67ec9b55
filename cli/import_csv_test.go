package cli

import (
	"errors"
	"strings"
	"testing"
)

func TestCSVAdvice(t *testing.T) {
	refused := usageErr("import x: unsupported file; nothing was imported")
	tests := []struct {
		name string
		err  error
		head string
		want string // the advice line added, "" for none
	}{
		{"the CSV export", refused, "date,workouts,massage,stretching\n2026-11-20,strength:60:7,", exportCSVAdvice},
		{"the CSV export with a byte order mark and CRLF", refused, "\uFEFFdate,workouts,massage\r\n", exportCSVAdvice},
		{"another CSV file", refused, "Date,Distance,Time\n1,2,3\n", otherCSVAdvice},
		{"semicolons", refused, "a;b;c\n", otherCSVAdvice},
		{"Strava's activities.csv, refused for its content", refused, "Activity ID,Activity Date,Activity Name,Activity Type\n1,x,y,z\n", ""},
		{"JSON", refused, `{"days": [], "x": "a,b"}`, ""},
		{"XML", refused, `<?xml version="1.0"?><a b="1,2"/>`, ""},
		{"binary", refused, "\x0e\x10,\x00\x01", ""},
		{"text without commas", refused, "hello\n", ""},
		{"empty", refused, "", ""},
		{"not a usage error", errors.New("open x: permission denied"), "date,workouts,\n", ""},
		{"no error", nil, "date,workouts,\n", ""},
	}
	for _, tt := range tests {
		got := csvAdvice(tt.err, []byte(tt.head))
		switch {
		case tt.want == "" && got != tt.err:
			t.Errorf("%s: csvAdvice = %v, want the error unchanged (%v)", tt.name, got, tt.err)
		case tt.want != "":
			var ee *exitError
			if !errors.As(got, &ee) || ee.code != exitUsage || ee.msg != refused.Error()+"\n"+tt.want {
				t.Errorf("%s: csvAdvice = %q, want the refusal then %q", tt.name, got, tt.want)
			}
		}
	}
}

func TestCSVAdviceWords(t *testing.T) {
	for _, a := range []string{exportCSVAdvice, otherCSVAdvice} {
		if !strings.Contains(a, "import reads cooldown's JSON export") {
			t.Errorf("advice %q does not say that import reads cooldown's JSON export", a)
		}
	}
}
