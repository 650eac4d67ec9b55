package cli

// Tests of issue 15 through the real binary: text from outside (a note, a
// file name, a key from a file or the database) reaches no terminal and
// no spreadsheet raw, on every path the command line prints it.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"cooldown/coach/safetext"
)

// cliSeeds are texts that try to act on a terminal, then random strings
// drawn mostly from the dangerous bytes (fixed seed: the same every run).
// None holds NUL, which no argument or file name can.
func cliSeeds() []string {
	seeds := []string{
		"\x1b]0;pwned\x07",
		"\x1b]52;c;cHduZWQ=\x07",
		"\x1b[2J\x1b[H\x1bP+q\x1b\\",
		"\u009b2J\u009d0;t\u009c\x7f",
		"abc\u202egnp.exe\u2066x\u2069",
		"two\nlines\tand\rcr",
		"\xc2\x9b2J \x9b2J \xff\xfe",
	}
	r := rand.New(rand.NewPCG(15, 13))
	alphabet := []string{"\x1b", "]", "[", "P", "_", "\\", "\x07", "\x9b", "\xc2\x9b", "\u202e", "\n", "\t", "\r", "a", "0", ";", "\xff", "é", "="}
	for i := 0; i < 5; i++ {
		var b strings.Builder
		for n := r.IntN(16) + 1; n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		seeds = append(seeds, b.String())
	}
	return seeds
}

// noRaw fails when out holds anything a terminal would obey: bytes that
// are not UTF-8 (a lone 0x9b is CSI to some terminals) or a character
// safetext escapes, new line and tab aside. The command line styles
// nothing, so all of its output is checked.
func noRaw(t *testing.T, what, seed, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%s, seed %q: output is not valid UTF-8:\n%q", what, seed, out)
	}
	for i, r := range out {
		if r != '\n' && r != '\t' && safetext.NeedsEscape(r) {
			t.Fatalf("%s, seed %q: output holds %U at byte %d:\n%q", what, seed, r, i, out)
		}
	}
}

// shows fails unless out holds want: the path quoted the text at all.
func shows(t *testing.T, what, seed, out, want string) {
	t.Helper()
	if !strings.Contains(out, want) {
		t.Fatalf("%s, seed %q: output does not show %q:\n%s", what, seed, want, out)
	}
}

// fileName makes seed a name a file can have (no slash, no NUL), between
// markers.
func fileName(seed string) string {
	return "‹" + strings.NewReplacer("/", "_", "\x00", "_").Replace(seed) + "›"
}

func TestHostileTextOnCommandLine(t *testing.T) {
	t.Parallel()
	for _, seed := range cliSeeds() {
		note := "«" + strings.ToValidUTF8(seed, "\u009b") + "»"
		day := completeDay(today().AddDays(-1))
		day["note"] = note

		// A stored note: import keeps it (valid UTF-8), and every command
		// that reads it shows it safely.
		dir := filepath.Join(t.TempDir(), fileName(seed))
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		db := filepath.Join(dir, "cooldown.db")
		src := filepath.Join(dir, fileName(seed)+".json")
		if err := os.WriteFile(src, exportDoc(t, nil, day), 0o600); err != nil {
			t.Fatal(err)
		}
		r := must(t, "--db", db, "import", src)
		noRaw(t, "import", seed, r.stdout+r.stderr)
		shows(t, "import", seed, r.stdout, safetext.Line(db))
		for _, args := range [][]string{{"status"}, {"status", "--json"}, {"check"}} {
			r := must(t, append([]string{"--db", db}, args...)...)
			noRaw(t, strings.Join(args, " "), seed, r.stdout+r.stderr)
		}
		shows(t, "check", seed, must(t, "--db", db, "check").stdout, safetext.Line(db)+": ok")

		js := must(t, "--db", db, "export").stdout
		noRaw(t, "export", seed, js)
		var exp struct{ Days []struct{ Note string } }
		if err := json.Unmarshal([]byte(js), &exp); err != nil || len(exp.Days) != 1 || exp.Days[0].Note != note {
			t.Fatalf("seed %q: the JSON export does not hold the note exactly (%v):\n%s", seed, err, js)
		}
		cs := must(t, "--db", db, "export", "--format", "csv").stdout
		noRaw(t, "export --format csv", seed, cs)
		rows, err := csv.NewReader(strings.NewReader(cs)).ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("seed %q: CSV export: %v\n%s", seed, err, cs)
		}
		if cell := rows[1][slices.Index(rows[0], "note")]; cell != safetext.Block(note) {
			t.Fatalf("seed %q: CSV note cell %q, want %q", seed, cell, safetext.Block(note))
		}

		// A warning quoting the path (loose permissions).
		if err := os.Chmod(db, 0o644); err != nil {
			t.Fatal(err)
		}
		r = must(t, "--db", db, "status")
		noRaw(t, "status with a warning", seed, r.stderr)
		shows(t, "status with a warning", seed, r.stderr, "warning: "+safetext.Line(db))
		os.Chmod(db, 0o600)

		// The keyboard rule: log --note refuses what a person could not
		// type, naming the flag.
		arg := strings.ReplaceAll(seed, "\x00", "")
		r = cool(t, "--db", db, "log", "--note", arg)
		noRaw(t, "log --note", seed, r.stdout+r.stderr)
		if safetext.CheckTyped(arg) != nil {
			expect(t, r, exitUsage, "log: invalid --note: ")
		}

		// File names in messages.
		missing := filepath.Join(dir, fileName(seed)+"-missing.json")
		r = cool(t, "--db", db, "import", missing)
		noRaw(t, "import of a missing file", seed, r.stderr)
		shows(t, "import of a missing file", seed, r.stderr, safetext.Line(missing))
		bad := filepath.Join(dir, fileName(seed)+"-bad.json")
		os.WriteFile(bad, []byte("{not json"), 0o600)
		r = cool(t, "--db", db, "import", bad)
		noRaw(t, "import of a bad file", seed, r.stderr)
		shows(t, "import of a bad file", seed, r.stderr, "import "+safetext.Line(bad)+": ")
		nodb := filepath.Join(dir, fileName(seed)+"-none.db")
		r = cool(t, "--db", nodb, "export")
		noRaw(t, "export of a missing database", seed, r.stderr)
		shows(t, "export of a missing database", seed, r.stderr, safetext.Line(nodb))
		out := filepath.Join(dir, fileName(seed), "out.json")
		r = cool(t, "--db", db, "export", "-o", out)
		noRaw(t, "export -o into a missing directory", seed, r.stderr)
		shows(t, "export -o into a missing directory", seed, r.stderr, safetext.Line(out))
		r = cool(t, "--db", dir, "status")
		noRaw(t, "a directory as the database", seed, r.stderr)
		shows(t, "a directory as the database", seed, r.stderr, safetext.Line(dir))

		// Keys and values from a file, and names given as arguments.
		key := strings.ToValidUTF8(seed, "\u009b")
		for _, doc := range []map[string]any{
			{"format": "cooldown-export", "version": 1, "exported_at": "2026-11-26T21:04:05Z", key: 1},
			{"format": "cooldown-export", "version": 1, "exported_at": "2026-11-26T21:04:05Z", "settings": obj{"sleep_target_hours": 7, "diet_min_groups": 3, "day_start_hour": 4},
				"days": []any{obj{"date": "2026-11-20", key: 1}}},
			{"format": "cooldown-export", "version": 1, "exported_at": "2026-11-26T21:04:05Z", "settings": obj{"sleep_target_hours": 7, "diet_min_groups": 3, "day_start_hour": 4},
				"days": []any{obj{"date": "2026-11-20", "done": obj{key: "2026-11-20T19:00:00Z"}, "workouts": []any{obj{"kind": key, "minutes": 1, "rpe": 1}}}}},
			{"format": "cooldown-export", "version": 1, "exported_at": key},
		} {
			b, _ := json.Marshal(doc)
			r = coolWith(t, opts{stdin: string(b)}, "--db", db, "import", "-")
			noRaw(t, "import of hostile keys", seed, r.stderr)
			if r.code != exitUsage {
				t.Fatalf("seed %q: import of %s: want exit 2, got\n%s", seed, b, r)
			}
		}
		for _, args := range [][]string{{arg}, {"guide", arg}, {"log", "--" + arg}, {"status", arg}, {"help", arg}, {"--" + arg}, {"log", "--minutes", arg}} {
			r = cool(t, append([]string{"--db", db}, args...)...)
			noRaw(t, "cooldown "+strings.Join(args, " "), seed, r.stdout+r.stderr)
			if r.code != exitUsage {
				t.Fatalf("seed %q: cooldown %q: want exit 2, got\n%s", seed, args, r)
			}
			// Only the messages' own line breaks: the advice line, or none.
			if n := strings.Count(r.stderr, "\n"); n > 2 {
				t.Fatalf("seed %q: cooldown %q: the argument started a line of its own:\n%s", seed, args, r.stderr)
			}
		}

		// A key in the database that is no date: check names it.
		bdb, err := bolt.Open(db, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := bdb.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("days")).Put([]byte(fileName(seed)), []byte{1}) }); err != nil {
			t.Fatal(err)
		}
		bdb.Close()
		r = cool(t, "--db", db, "check")
		noRaw(t, "check of a bad key", seed, r.stdout+r.stderr)
		shows(t, "check of a bad key", seed, r.stdout, safetext.Line(fileName(seed)))
		if r.code != exitDatabase {
			t.Fatalf("seed %q: check of a bad key: want exit 4, got\n%s", seed, r)
		}
		for _, args := range [][]string{{"status"}, {"export"}, {"log", "--note", "x"}} {
			r = cool(t, append([]string{"--db", db}, args...)...)
			noRaw(t, "a damaged database: "+strings.Join(args, " "), seed, r.stdout+r.stderr)
		}
	}
}

// TestLogNoteKeyboardRule: log --note takes new lines and tabs and refuses
// any other control character or a bidi override, exit 2, naming the flag
// and the character in its visible form; nothing is written.
func TestLogNoteKeyboardRule(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	must(t, "--db", db, "log", "--note", "legs sore\n\tslept well")
	for _, tt := range []struct{ note, want string }{
		{"a\x1b]0;x\x07", `log: invalid --note: \x1b, a control character, at character 2`},
		{"abc\u202egnp", `log: invalid --note: \u202e, a text direction override, at character 4`},
		{"a\rb", `\r, a control character`},
		{"\xffab", `log: invalid --note: not valid UTF-8 text`},
	} {
		r := cool(t, "--db", db, "log", "--note", tt.note)
		expect(t, r, exitUsage, tt.want)
	}
	js := must(t, "--db", db, "export").stdout
	if !strings.Contains(js, `"note": "legs sore\n\tslept well"`) {
		t.Errorf("a refused note changed the stored one:\n%s", js)
	}
}

// TestImportKeepsOldNotes: a file whose notes hold control characters (an
// old export, someone else's file) imports whole, and its export gives
// them back exactly.
func TestImportKeepsOldNotes(t *testing.T) {
	t.Parallel()
	day := completeDay(today().AddDays(-1))
	day["note"] = "old\x1b[1mbold\x1b[0m \u009b \u202e\x7f"
	db := importDays(t, nil, day)
	js := must(t, "--db", db, "export").stdout
	var exp struct{ Days []struct{ Note string } }
	if err := json.Unmarshal([]byte(js), &exp); err != nil || exp.Days[0].Note != day["note"] {
		t.Errorf("export after import: %v\n%s", err, js)
	}
	if !bytes.Contains([]byte(js), []byte(`\u001b[1mbold\u001b[0m \u009b \u202e\u007f`)) {
		t.Errorf("the export writes the note's controls raw:\n%q", js)
	}
}

// TestShellQuoteControls: the path a message suggests to the shell
// (`cooldown --db PATH check`) is shown without control characters and, in
// bash, means the same bytes.
func TestShellQuoteControls(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"/home/me/cooldown.db", "/home/me/cooldown.db"},
		{"/tmp/my db", "'/tmp/my db'"},
		{"/tmp/it's", `'/tmp/it'\''s'`},
		{"/tmp/a\x1b]0;x\x07b", `$'/tmp/a\x1b]0;x\ab'`},
		{"/tmp/x\ny\tz 'q' \\ \xff \u202e", `$'/tmp/x\ny\tz \'q\' \\ \xff \u202e'`},
	} {
		got := shellQuote(tt.in)
		if got != tt.want {
			t.Errorf("shellQuote(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if _, err := exec.LookPath("bash"); err == nil {
			cmd := exec.Command("bash", "-c", "printf %s "+got)
			cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8") // \u needs a UTF-8 locale
			out, err := cmd.Output()
			if err != nil || string(out) != tt.in {
				t.Errorf("bash reads %s as %q (%v), want %q", got, out, err, tt.in)
			}
		}
	}
}
