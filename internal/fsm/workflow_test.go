package fsm

import (
	"errors"

	"github.com/civic-observatory/civic"
)

// A small review workflow used by every test of the package. It has a guarded action
// (submit, reject), an action split between roles with different destinations (withdraw),
// a self-transition (comment), an internal transition (archive) and two final states.

type state string
type action string
type role string

const (
	draft       state = "draft"
	submitted   state = "submitted"
	underReview state = "under_review"
	accepted    state = "accepted"
	rejected    state = "rejected"
	published   state = "published"
	withdrawn   state = "withdrawn"
	archived    state = "archived"

	submit      action = "submit"
	withdraw    action = "withdraw"
	startReview action = "start_review"
	comment     action = "comment"
	accept      action = "accept"
	reject      action = "reject"
	publish     action = "publish"
	reopen      action = "reopen"
	archive     action = "archive"

	author    role = "author"
	moderator role = "moderator"
	admin     role = "admin"
)

// review is the guard context: what the guards look at.
type review struct {
	complete  bool // the proposal has every required section
	reasoned  bool // the rejection carries a reason
	explosive bool // the guards panic (a bug in a caller's guard)
}

// The guards' typed errors, shared values so that tests can compare them by identity.
var (
	errIncomplete = &civic.FieldError{Path: civic.Path{}.Key("title"), Code: civic.CodeRequired}
	errNoReason   = &civic.FieldError{Path: civic.Path{}.Key("reason"), Code: civic.CodeRequired}
	errBoom       = errors.New("boom")
)

func isComplete(r review) error {
	if r.explosive {
		panic(errBoom)
	}
	if !r.complete {
		return errIncomplete
	}
	return nil
}

func hasReason(r review) error {
	if r.explosive {
		panic("boom")
	}
	if !r.reasoned {
		return errNoReason
	}
	return nil
}

var reviewStates = []state{draft, submitted, underReview, accepted, rejected, published, withdrawn, archived}

var reviewTable = []Transition[state, action, role]{
	{From: draft, Action: submit, To: submitted, Roles: []role{author}, Guard: "complete"},
	{From: submitted, Action: withdraw, To: withdrawn, Roles: []role{author}},
	{From: submitted, Action: withdraw, To: draft, Roles: []role{admin}},
	{From: submitted, Action: startReview, To: underReview, Roles: []role{moderator, admin}},
	{From: underReview, Action: comment, To: underReview, Roles: []role{moderator, admin}},
	{From: underReview, Action: accept, To: accepted, Roles: []role{moderator}},
	{From: underReview, Action: reject, To: rejected, Roles: []role{moderator}, Guard: "reasoned"},
	{From: accepted, Action: publish, To: published, Roles: []role{admin}},
	{From: rejected, Action: reopen, To: submitted, Roles: []role{admin}},
	{From: rejected, Action: archive, To: archived},
}

func reviewGuards() map[string]Guard[review] {
	return map[string]Guard[review]{"complete": isComplete, "reasoned": hasReason}
}

type reviewDefinition = Definition[state, action, role, review]

func newReview() (*reviewDefinition, error) {
	return New("review", draft, reviewStates, reviewTable, reviewGuards())
}

func mustReview(tb interface{ Fatal(...any) }) *reviewDefinition {
	d, err := newReview()
	if err != nil {
		tb.Fatal(err)
	}
	return d
}
