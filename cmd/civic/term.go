package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civic-observatory/civic"
)

// termSafe returns s as a terminal may show it: every character a terminal acts on or
// hides (C0 and C1 controls, ESC and DEL included, line breaks, bidirectional and other
// format characters such as U+202E or U+200B) and every invalid byte is written as an
// escape (\x1b, \u202e, \xff), so that a name, a reason or an identifier written by
// someone else can neither move the cursor, recolour the screen, reorder a line nor print
// a fake line of its own.
func termSafe(s string) string {
	i := strings.IndexFunc(s, unsafeRune)
	if i < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
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
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) || r == utf8.RuneError
}

// maxPrinted bounds the problems a command prints for one input; past it, one line says
// how many were left out, so that output and memory stay bounded however bad the input.
const maxPrinted = 1000

// problemPrinter prints problems one by one as they are found, localised, each value
// escaped for the terminal, up to maxPrinted, then counts the others.
type problemPrinter struct {
	e       *env
	w       io.Writer
	prefix  string // "file: "
	printed int
	omitted int
}

// print writes every problem of err (a *civic.ValidationError or *civic.FieldError), or
// returns false when err holds none.
func (p *problemPrinter) print(err error) bool {
	problems := civic.FieldErrors(err)
	if problems == nil {
		return false
	}
	for _, fe := range problems {
		p.one(fe, fe.Path.String())
	}
	return true
}

func (p *problemPrinter) one(fe *civic.FieldError, path string) {
	if p.printed >= maxPrinted {
		p.omitted++
		return
	}
	p.printed++
	if path == "" {
		path = "$"
	}
	fmt.Fprintf(p.w, "%s%s: %s: %s\n", termSafe(p.prefix), termSafe(path), fe.Code, termSafe(fe.Localize(p.e.p)))
}

// done prints how many problems were left out, if any.
func (p *problemPrinter) done() {
	if p.omitted > 0 {
		fmt.Fprintf(p.w, label(p.e.lang, "%s… et %d autres problèmes non affichés\n", "%s… and %d more problems not shown\n"), termSafe(p.prefix), p.omitted)
	}
}
