package event

import (
	"strings"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/text"
)

// checkLabel checks a title or name: the rules of [civic.Text.Check], then, in each
// language that passed them, a single line with no bidirectional formatting character
// ([civic.CodeControlChar], [civic.CodeBidiChar]). Markup is not refused: a title is plain
// text, and every export escapes it (« x<y », « <script> » are shown as written).
func checkLabel(v *civic.ValidationError, path civic.Path, t civic.Text, required bool, max int) {
	var w civic.ValidationError
	t.Check(&w, path, required, max)
	v.Errors = append(v.Errors, w.Errors...)
	for _, k := range t.Languages() {
		p := path.Key(k)
		if hasPath(&w, p) {
			continue
		}
		check.String(v, p, t[k], text.Rule{Name: true})
	}
}

func hasPath(v *civic.ValidationError, p civic.Path) bool {
	s := p.String()
	for _, e := range v.Errors {
		if e.Path.String() == s {
			return true
		}
	}
	return false
}

// Markup returns the first fragment of s that reads as markup, and whether there is one:
// for tools that want to warn about it; no check of this module refuses markup, which is
// plain text that every export escapes. It finds an HTML or XML tag, closing tag, comment, declaration or processing instruction ("<b>",
// "</p>", "<!--", "<?xml"), or a character reference ("&amp;", "&#60;", "&#x3C;"). A lone
// "<", ">" or "&" followed by a space ("démocratie participative & numérique") is text.
func Markup(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			if i+1 < len(s) && (isLetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0) {
				return fragment(s[i:], '>'), true
			}
		case '&':
			if n := charRef(s[i+1:]); n > 0 {
				return s[i : i+1+n], true
			}
		}
	}
	return "", false
}

// fragment returns s up to and including the first stop byte, at most 40 bytes, cut on a
// character boundary.
func fragment(s string, stop byte) string {
	if j := strings.IndexByte(s, stop); j >= 0 && j < 40 {
		return s[:j+1]
	}
	n := min(len(s), 40)
	for n > 0 && n < len(s) && s[n]&0xc0 == 0x80 {
		n--
	}
	return s[:n]
}

// charRef returns the length of a character reference body ("amp;", "#60;", "#x3C;") at
// the start of s, or 0.
func charRef(s string) int {
	i := 0
	switch {
	case strings.HasPrefix(s, "#x") || strings.HasPrefix(s, "#X"):
		i = 2
		for i < len(s) && i < 10 && (isDigit(s[i]) || s[i]|0x20 >= 'a' && s[i]|0x20 <= 'f') {
			i++
		}
		if i == 2 {
			return 0
		}
	case strings.HasPrefix(s, "#"):
		i = 1
		for i < len(s) && i < 10 && isDigit(s[i]) {
			i++
		}
		if i == 1 {
			return 0
		}
	default:
		for i < len(s) && i < 32 && (isLetter(s[i]) || i > 0 && isDigit(s[i])) {
			i++
		}
		if i == 0 {
			return 0
		}
	}
	if i < len(s) && s[i] == ';' {
		return i + 1
	}
	return 0
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
