package interchange

import (
	"bufio"
	"bytes"
)

// format is what the first bytes of a file say it is.
type format int

const (
	formatUnknown format = iota
	formatFIT
	formatGzip
	formatZip
	formatXML // TCX, GPX or Apple Health: the root element decides
	formatStravaCSV
)

// sniffBytes is how much of a file sniff looks at.
const sniffBytes = 4096

// sniff decides a file's format from its first bytes, never its name.
func sniff(br *bufio.Reader) format {
	head, _ := br.Peek(sniffBytes) // a short file gives what it has
	switch {
	case len(head) >= 12 && (head[0] == 12 || head[0] == 14) && string(head[8:12]) == ".FIT":
		return formatFIT
	case len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b:
		return formatGzip
	case len(head) >= 4 && string(head[:2]) == "PK" && (string(head[2:4]) == "\x03\x04" || string(head[2:4]) == "\x05\x06"):
		return formatZip
	}
	text := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(text, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '<' {
		return formatXML
	}
	line := text
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if bytes.Contains(line, []byte("Activity ID")) && bytes.Contains(line, []byte("Activity Date")) {
		return formatStravaCSV
	}
	return formatUnknown
}
