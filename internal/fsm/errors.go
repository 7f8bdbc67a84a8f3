package fsm

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors. A [*TransitionError] matches exactly one of ErrIllegal, ErrForbidden,
// ErrGuard and ErrInternal with errors.Is, according to its [Reason].
var (
	// ErrIllegal: the state has no transition for the action.
	ErrIllegal = errors.New("fsm: illegal transition")
	// ErrForbidden: the transition exists from this state, but not for this role.
	ErrForbidden = errors.New("fsm: transition forbidden for this role")
	// ErrGuard: the transition exists for this role, but its guard refused it.
	ErrGuard = errors.New("fsm: transition refused by its guard")
	// ErrInternal: a bug (a panicking guard, or the state machine library) was turned into
	// an error instead of crashing the caller.
	ErrInternal = errors.New("fsm: internal error")
	// ErrUnknownState is the cause of an illegal transition fired from a state the
	// definition does not list (a corrupted or foreign stored value).
	ErrUnknownState = errors.New("fsm: unknown state")
	// ErrDefinition is matched by every [*DefinitionError].
	ErrDefinition = errors.New("fsm: invalid definition")
)

// Reason says why a transition was refused.
type Reason string

// The reasons of a [TransitionError], each matched by its sentinel error.
const (
	ReasonIllegal   Reason = "illegal"   // no transition for the action from this state (ErrIllegal)
	ReasonForbidden Reason = "forbidden" // the transition exists, but not for this role (ErrForbidden)
	ReasonGuard     Reason = "guard"     // the guard refused; Err holds its error (ErrGuard)
	ReasonInternal  Reason = "internal"  // a recovered panic or a library bug; Err holds it (ErrInternal)
)

// TransitionError reports an action that could not be taken. It is not generic, so callers
// find it with errors.As whatever their state, action and role types; the typed values are
// kept as strings.
//
// errors.Is(err, ErrIllegal), ErrForbidden, ErrGuard or ErrInternal tells the [Reason];
// errors.Is and errors.As also reach the cause in Err, such as the typed error a guard
// returned.
type TransitionError struct {
	Machine string // name of the definition
	From    string // state the action was fired from
	Action  string
	Role    string
	Reason  Reason
	Guard   string // name of the guard that refused, for ReasonGuard (and a panicking guard)
	Err     error  // cause: the guard's error, a recovered panic, or ErrUnknownState; may be nil
}

// Error describes the refusal in stable English.
func (e *TransitionError) Error() string {
	var b strings.Builder
	b.WriteString("fsm: ")
	b.WriteString(e.Machine)
	b.WriteString(": ")
	switch e.Reason {
	case ReasonIllegal:
		b.WriteString("no transition " + strconv.Quote(e.Action) + " from state " + strconv.Quote(e.From))
	case ReasonForbidden:
		b.WriteString("role " + strconv.Quote(e.Role) + " may not " + strconv.Quote(e.Action) + " from state " + strconv.Quote(e.From))
	case ReasonGuard:
		b.WriteString(strconv.Quote(e.Action) + " from state " + strconv.Quote(e.From) + " refused by guard " + strconv.Quote(e.Guard))
	default:
		b.WriteString("internal error on " + strconv.Quote(e.Action) + " from state " + strconv.Quote(e.From))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause, so errors.Is and errors.As reach a guard's own error.
func (e *TransitionError) Unwrap() error { return e.Err }

// Is reports whether target is the sentinel of e's [Reason].
func (e *TransitionError) Is(target error) bool {
	switch e.Reason {
	case ReasonIllegal:
		return target == ErrIllegal
	case ReasonForbidden:
		return target == ErrForbidden
	case ReasonGuard:
		return target == ErrGuard
	case ReasonInternal:
		return target == ErrInternal
	}
	return false
}

// DefinitionError lists every problem found in a transition table by [New].
type DefinitionError struct {
	Name     string   // name of the definition
	Problems []string // one English sentence per problem, in table order
}

// Error lists the problems, one per line after a count.
func (e *DefinitionError) Error() string {
	if len(e.Problems) == 1 {
		return "fsm: " + e.Name + ": invalid definition: " + e.Problems[0]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "fsm: %s: invalid definition: %d problems", e.Name, len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(p)
	}
	return b.String()
}

// Is reports whether target is [ErrDefinition].
func (e *DefinitionError) Is(target error) bool { return target == ErrDefinition }

// panicError turns a recovered value into an error, keeping an error value reachable.
func panicError(v any) error {
	if err, ok := v.(error); ok {
		return fmt.Errorf("panic: %w", err)
	}
	return fmt.Errorf("panic: %v", v)
}
