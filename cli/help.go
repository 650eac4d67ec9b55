package cli

import (
	"strings"

	"cooldown/coach"
	"cooldown/content"
)

// commandNotes returns what a command's help says beyond its flags.
func commandNotes(name string) string {
	switch name {
	case "log":
		var ids []string
		for _, it := range coach.Items {
			ids = append(ids, string(it.ID))
		}
		var kinds []string
		for _, k := range coach.Kinds {
			kinds = append(kinds, string(k))
		}
		return "Everything given is written to one day in one transaction; a date after\n" +
			"today is refused. A workout needs --kind, --minutes and --rpe together.\n" +
			"The morning check (--sleep and the four ratings, 1 very good to 7 very\n" +
			"bad) is about last night: without --date it answers the newest training\n" +
			"day still waiting for it (the one `cooldown status` lists as open).\n" +
			"  kinds: " + strings.Join(kinds, ", ") + "\n" +
			"  items: " + wrapList(ids, 9) + "\n"
	case "status":
		return damagedNote
	case "export":
		return "-o FILE: a new file is made with mode 0600; an existing file (or the file a\n" +
			"symbolic link leads to) is replaced by a rename, keeping its mode, so it is\n" +
			"never half written; a FIFO or a character device is written in place; -,\n" +
			"/dev/stdout and /dev/fd/N write to that descriptor. The database itself,\n" +
			"a directory and a file with several hard links are refused (exit 2).\n" + damagedNote
	case "import":
		return "A cooldown export is read and checked completely before anything is\n" +
			"written; then its days replace the stored days of the same dates and its\n" +
			"settings become the stored settings, in one transaction.\n" + deviceImportHelp + watchHelp
	case "guide":
		return "Sections: " + wrapList(content.IDs(), 10) + "\n" +
			"Plain text without escape codes when stdout is not a terminal or NO_COLOR is set;\n" +
			"CLICOLOR_FORCE keeps colour on a pipe. The colours follow the app's theme\n" +
			"(--style overrides it); the terminal is never asked.\n"
	case "check":
		return "Exit 0 when the database is sound, 4 when it is not.\n"
	case "backups":
		return "Backups are taken in the folder backups/ beside the database by the first\n" +
			"change of each day and before any upgrade; 7 daily and 8 weekly ones are\n" +
			"kept, and the newest that passes the check whatever its age.\n"
	case "restore":
		return "BACKUP must pass the check. The current file is kept in backups/ first\n" +
			"(even a damaged one); then the copy replaces it in one rename. With --db\n" +
			"naming a file that does not exist, the backup is restored into it.\n" +
			"Exit 4 when BACKUP fails the check, 3 when the database is in use.\n"
	}
	return ""
}

func wrapList(words []string, indent int) string {
	var b strings.Builder
	col := indent
	for i, w := range words {
		if i > 0 {
			if col+2+len(w) > 78 {
				b.WriteString(",\n" + strings.Repeat(" ", indent))
				col = indent
			} else {
				b.WriteString(", ")
				col += 2
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
