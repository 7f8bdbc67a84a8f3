package civic

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// ErrInvalid is matched by every [*ValidationError] and every [*FieldError]:
// errors.Is(err, civic.ErrInvalid) tells a document problem from an I/O or usage error.
var ErrInvalid = errors.New("civic: invalid document")

// FieldError is one problem found in a document: where it is, what it is (a stable
// [Code]), and the arguments its message needs.
//
// Codes are API and never change meaning; message text is not API. Render a message with
// [FieldError.Localize], or read the stable English form from [FieldError.Error].
type FieldError struct {
	// Path locates the offending value from the root of the document.
	Path Path `json:"-"`
	// Code is the stable machine code, from the list in [Codes].
	Code Code `json:"code"`
	// Args are the message arguments, in the order documented for the code.
	Args []any `json:"args,omitempty"`
}

// Error returns "path: code: English message" ("speakers[1].email: invalid_email: …"),
// or "code: message" at the root.
func (e *FieldError) Error() string {
	msg := e.Code.String() + ": " + e.Message(language.English)
	if len(e.Path) == 0 {
		return msg
	}
	return e.Path.String() + ": " + msg
}

// Is reports whether target is [ErrInvalid].
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// Localize renders the message with a printer built on a catalog that holds this package's
// messages (see [Messages] and [NewPrinter]).
func (e *FieldError) Localize(p *message.Printer) string {
	return p.Sprintf(string(e.Code), e.Args...)
}

// Message renders the message in the language closest to tag among those of [Messages]
// (French or English). It builds a printer for each call: to render many messages, make one
// printer with [NewPrinter] and call [FieldError.Localize].
func (e *FieldError) Message(tag language.Tag) string {
	return e.Localize(NewPrinter(tag))
}

// MarshalJSON writes the error as a JSON object with its path in both forms, code,
// arguments and English message.
func (e *FieldError) MarshalJSON() ([]byte, error) {
	return marshalProblem(e, NewPrinter(language.English))
}

// Problem is the JSON form of a [FieldError] rendered in one language, as the command-line
// tool and the example HTTP server emit it.
type Problem struct {
	Path    string `json:"path"`
	Pointer string `json:"pointer"`
	Code    Code   `json:"code"`
	Args    []any  `json:"args,omitempty"`
	Message string `json:"message"`
}

// Problem returns the error rendered with p.
func (e *FieldError) Problem(p *message.Printer) Problem {
	return Problem{Path: e.Path.String(), Pointer: e.Path.Pointer(), Code: e.Code, Args: e.Args, Message: e.Localize(p)}
}

// ValidationError holds every problem found in a document, in the order they were found.
// The zero value is an empty collector: call [ValidationError.Add] for each problem, then
// [ValidationError.Err], which is nil when nothing was added.
type ValidationError struct {
	Errors []*FieldError
}

// Add records a problem at path.
func (v *ValidationError) Add(path Path, code Code, args ...any) {
	v.Errors = append(v.Errors, &FieldError{Path: path, Code: code, Args: args})
}

// Merge appends the problems of err: those of a *ValidationError or a *FieldError found with
// errors.As, each path prefixed with prefix. Any other non-nil error is recorded as
// [CodeInternal] at prefix.
func (v *ValidationError) Merge(prefix Path, err error) {
	if err == nil {
		return
	}
	var ve *ValidationError
	var fe *FieldError
	switch {
	case errors.As(err, &ve):
		for _, e := range ve.Errors {
			v.Errors = append(v.Errors, &FieldError{Path: prefix.Join(e.Path), Code: e.Code, Args: e.Args})
		}
	case errors.As(err, &fe):
		v.Errors = append(v.Errors, &FieldError{Path: prefix.Join(fe.Path), Code: fe.Code, Args: fe.Args})
	default:
		v.Add(prefix, CodeInternal, err.Error())
	}
}

// Len returns the number of problems recorded.
func (v *ValidationError) Len() int { return len(v.Errors) }

// Err returns v when it holds at least one problem, and nil otherwise.
func (v *ValidationError) Err() error {
	if v == nil || len(v.Errors) == 0 {
		return nil
	}
	return v
}

// Error lists every problem, one per line after a count.
func (v *ValidationError) Error() string {
	switch len(v.Errors) {
	case 0:
		return "civic: no problems"
	case 1:
		return "civic: invalid document: " + v.Errors[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "civic: invalid document: %d problems", len(v.Errors))
	for _, e := range v.Errors {
		b.WriteString("\n\t")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns each [*FieldError], so errors.As finds them.
func (v *ValidationError) Unwrap() []error {
	errs := make([]error, len(v.Errors))
	for i, e := range v.Errors {
		errs[i] = e
	}
	return errs
}

// Is reports whether target is [ErrInvalid].
func (v *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Has reports whether some problem has the code, and at the path when path is not nil.
func (v *ValidationError) Has(code Code, path Path) bool {
	for _, e := range v.Errors {
		if e.Code == code && (path == nil || e.Path.String() == path.String()) {
			return true
		}
	}
	return false
}

// Problems renders every problem with p.
func (v *ValidationError) Problems(p *message.Printer) []Problem {
	out := make([]Problem, len(v.Errors))
	for i, e := range v.Errors {
		out[i] = e.Problem(p)
	}
	return out
}

// ErrorCode returns the code of the first [*FieldError] in err's tree, or "" when there is none.
func ErrorCode(err error) Code {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Code
	}
	return ""
}

// FieldErrors returns every [*FieldError] in err: those of a *ValidationError, or err
// itself when it is a *FieldError, or nil.
func FieldErrors(err error) []*FieldError {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Errors
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return []*FieldError{fe}
	}
	return nil
}
