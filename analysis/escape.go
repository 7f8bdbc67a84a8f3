package analysis

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The escaping of every text cell of a table or sheet, by format: category names and
// labels come from user documents (a device's name, a tool, a territory) and must not act
// in the program that opens the output.

// csvCell neutralises a text cell that a spreadsheet would take as a formula: one that
// starts with "=", "+", "-", "@", a tab or a carriage return gets a leading apostrophe, as
// the OWASP guidance on CSV injection recommends. Number columns hold numbers only and are
// not passed through it.
func csvCell(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// mdCell escapes a text cell of a Markdown table: raw HTML ("<img onerror>") is written
// as character references ("&lt;", which renders as "<"), pipes are backslash-escaped and
// line breaks become spaces.
func mdCell(s string) string {
	return mdEscaper.Replace(textCell(s))
}

var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "|", `\|`, "\n", " ", "\r", " ",
)

// textCell escapes, for a terminal, the characters a terminal acts on or hides: controls
// (ESC included), bidirectional and other format characters, and invalid bytes.
func textCell(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}
