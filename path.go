package civic

import (
	"strconv"
	"strings"
)

// Step is one element of a [Path]: an object member name or an array index.
type Step struct {
	// Name is the JSON member name, when the step is not an index.
	Name string
	// Index is the array index, when IsIndex is true.
	Index int
	// IsIndex tells an index step from a member step.
	IsIndex bool
}

// Path locates a value inside a JSON document, using JSON member names (not Go field
// names), because the people who read it wrote JSON. The zero value is the document root.
//
// A Path renders two ways: [Path.String] gives the dotted form people read
// ("speakers[1].email") and [Path.Pointer] gives the RFC 6901 JSON Pointer that JSON Schema
// validators report ("/speakers/1/email").
type Path []Step

// Key returns a new path with the member name appended. The receiver is not modified.
func (p Path) Key(name string) Path {
	q := make(Path, len(p), len(p)+1)
	copy(q, p)
	return append(q, Step{Name: name})
}

// Index returns a new path with the array index appended. The receiver is not modified.
func (p Path) Index(i int) Path {
	q := make(Path, len(p), len(p)+1)
	copy(q, p)
	return append(q, Step{Index: i, IsIndex: true})
}

// Join returns p followed by the steps of q, as a new path.
func (p Path) Join(q Path) Path {
	r := make(Path, 0, len(p)+len(q))
	return append(append(r, p...), q...)
}

// String returns the dotted form: members joined by dots, indexes in brackets. Member
// names that are not plain identifiers are quoted in brackets (["a.b"]). The root is "".
func (p Path) String() string {
	var b strings.Builder
	for i, s := range p {
		switch {
		case s.IsIndex:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.Index))
			b.WriteByte(']')
		case isIdent(s.Name):
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Name)
		default:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(s.Name))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// Pointer returns the RFC 6901 JSON Pointer: "" for the root, else "/a/0/b", with "~"
// written "~0" and "/" written "~1".
func (p Path) Pointer() string {
	var b strings.Builder
	for _, s := range p {
		b.WriteByte('/')
		if s.IsIndex {
			b.WriteString(strconv.Itoa(s.Index))
			continue
		}
		for _, r := range s.Name {
			switch r {
			case '~':
				b.WriteString("~0")
			case '/':
				b.WriteString("~1")
			default:
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// ParsePointer parses an RFC 6901 JSON Pointer. Reference tokens made only of decimal
// digits (without a leading zero) become index steps.
func ParsePointer(s string) (Path, error) {
	if s == "" {
		return nil, nil
	}
	if s[0] != '/' {
		return nil, &PointerError{Pointer: s}
	}
	var p Path
	for _, tok := range strings.Split(s[1:], "/") {
		if strings.Contains(strings.ReplaceAll(strings.ReplaceAll(tok, "~0", ""), "~1", ""), "~") {
			return nil, &PointerError{Pointer: s}
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		if n, err := strconv.Atoi(tok); err == nil && n >= 0 && (tok == "0" || tok[0] != '0') && tok[0] != '+' {
			p = append(p, Step{Index: n, IsIndex: true})
			continue
		}
		p = append(p, Step{Name: tok})
	}
	return p, nil
}

// PointerError reports a malformed JSON Pointer.
type PointerError struct{ Pointer string }

func (e *PointerError) Error() string {
	return "civic: malformed JSON pointer " + strconv.Quote(e.Pointer)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return false
	}
	return true
}

// HasPrefix reports whether p is q or lies inside the value q locates.
func (p Path) HasPrefix(q Path) bool {
	if len(q) > len(p) {
		return false
	}
	for i := range q {
		if p[i] != q[i] {
			return false
		}
	}
	return true
}
