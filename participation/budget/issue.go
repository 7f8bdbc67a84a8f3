package budget

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/civic-observatory/civic"
)

// Issue is one problem found in a Pabulib file: where (line and column, 1-based; the
// column counts bytes from the start of the line to the start of the field), in which
// section and field, what (a stable [civic.Code] with its arguments), and whether it is only
// a warning. Warnings are what pabulib's own checker tolerates (a votes column that
// disagrees with the ballots, selected projects above the budget); errors make the
// election unusable as it stands.
type Issue struct {
	Line    int        `json:"line"`
	Column  int        `json:"column"`
	Section string     `json:"section,omitempty"`
	Field   string     `json:"field,omitempty"`
	Code    civic.Code `json:"code"`
	Args    []any      `json:"args,omitempty"`
	Warning bool       `json:"warning,omitempty"`
	Path    civic.Path `json:"-"`
}

// FieldError returns the issue as a [civic.FieldError], its path naming the section, the
// row's key and the column ("VOTES.v12.vote").
func (i *Issue) FieldError() *civic.FieldError {
	return &civic.FieldError{Path: i.Path, Code: i.Code, Args: i.Args}
}

// Localize renders "line 12, column 5: PROJECTS.L010.cost: must be positive (is -5)" in the
// printer's language.
func (i *Issue) Localize(p *message.Printer, tag language.Tag) string {
	fr := civic.MatchLanguage(tag) == language.French
	var b strings.Builder
	if i.Line > 0 {
		if fr {
			fmt.Fprintf(&b, "ligne %d, colonne %d : ", i.Line, i.Column)
		} else {
			fmt.Fprintf(&b, "line %d, column %d: ", i.Line, i.Column)
		}
	}
	if i.Warning {
		if fr {
			b.WriteString("avertissement : ")
		} else {
			b.WriteString("warning: ")
		}
	}
	if len(i.Path) > 0 {
		b.WriteString(i.Path.String())
		if fr {
			b.WriteString(" : ")
		} else {
			b.WriteString(": ")
		}
	}
	b.WriteString(p.Sprintf(string(i.Code), i.Args...))
	return b.String()
}

// Error returns the English form, with the code.
func (i *Issue) Error() string {
	s := ""
	if i.Line > 0 {
		s = fmt.Sprintf("line %d, column %d: ", i.Line, i.Column)
	}
	if len(i.Path) > 0 {
		s += i.Path.String() + ": "
	}
	return s + string(i.Code) + ": " + i.FieldError().Message(language.English)
}

// ReadError holds the errors found while reading a file, in file order. It matches
// [civic.ErrInvalid]; errors.As also finds each [*civic.FieldError].
type ReadError struct {
	Issues []Issue
	// Truncated is true when more errors were found than the reader keeps.
	Truncated bool
}

func (e *ReadError) Error() string {
	if len(e.Issues) == 1 {
		return "budget: " + e.Issues[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "budget: %d problems", len(e.Issues))
	for k := range e.Issues {
		b.WriteString("\n\t")
		b.WriteString(e.Issues[k].Error())
	}
	return b.String()
}

// Is reports whether target is [civic.ErrInvalid].
func (e *ReadError) Is(target error) bool { return target == civic.ErrInvalid }

// Unwrap returns each issue as a [*civic.FieldError].
func (e *ReadError) Unwrap() []error {
	out := make([]error, len(e.Issues))
	for k := range e.Issues {
		out[k] = e.Issues[k].FieldError()
	}
	return out
}
