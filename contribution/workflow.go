package contribution

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/fsm"
)

// Action is something an actor does to a proposal in the review workflow.
type Action string

// The actions of the review workflow. See [Workflow.Table] for who may take each, and from
// which state.
const (
	ActionSubmit      Action = "submit"       // an author sends the draft, while the call is open
	ActionStartReview Action = "start_review" // the organiser opens the review, after the deadline or by hand
	ActionReview      Action = "review"       // a reviewer records or edits a review
	ActionAccept      Action = "accept"       // the committee decides to accept (pending in review; at once from the waitlist)
	ActionWaitlist    Action = "waitlist"     // the committee decides to waitlist (pending)
	ActionReject      Action = "reject"       // the committee decides to reject (pending in review; at once from the waitlist)
	// The committee publishes its pending decisions, in bulk: one action per decision.
	ActionPublishAccept   Action = "publish_accept"
	ActionPublishWaitlist Action = "publish_waitlist"
	ActionPublishReject   Action = "publish_reject"
	ActionConfirm         Action = "confirm"    // an author confirms an accepted proposal
	ActionDecline         Action = "decline"    // an author declines an accepted proposal
	ActionSchedule        Action = "schedule"   // the organiser places a confirmed proposal in the programme
	ActionUnschedule      Action = "unschedule" // the organiser takes it out when the programme changes
	ActionWithdraw        Action = "withdraw"   // an author withdraws the proposal, before the event
	ActionCancel          Action = "cancel"     // the organiser cancels a confirmed contribution, before the event
)

// Actions lists every Action, in workflow order.
func Actions() []Action {
	return []Action{ActionSubmit, ActionStartReview, ActionReview, ActionAccept, ActionWaitlist,
		ActionReject, ActionPublishAccept, ActionPublishWaitlist, ActionPublishReject, ActionConfirm,
		ActionDecline, ActionSchedule, ActionUnschedule, ActionWithdraw, ActionCancel}
}

// Valid reports whether a is one of [Actions].
func (a Action) Valid() bool { return slices.Contains(Actions(), a) }

// Decision returns the decision an action takes or publishes, or "".
func (a Action) Decision() Decision {
	switch a {
	case ActionAccept, ActionPublishAccept:
		return DecisionAccept
	case ActionWaitlist, ActionPublishWaitlist:
		return DecisionWaitlist
	case ActionReject, ActionPublishReject:
		return DecisionReject
	}
	return ""
}

// publishAction returns the action that publishes d.
func publishAction(d Decision) Action {
	switch d {
	case DecisionAccept:
		return ActionPublishAccept
	case DecisionWaitlist:
		return ActionPublishWaitlist
	case DecisionReject:
		return ActionPublishReject
	}
	return ""
}

// The guards of the workflow, by the names shown in its graphs.
const (
	guardCallOpen    = "call_open_and_proposal_valid"
	guardCallClosed  = "deadline_passed_or_by_hand"
	guardNoConflict  = "no_conflict_of_interest"
	guardPendAccept  = "pending_accept"
	guardPendWait    = "pending_waitlist"
	guardPendReject  = "pending_reject"
	guardBeforeEvent = "before_event"
)

// transitions is the review workflow's transition table.
func transitions() []fsm.Transition[State, Action, Role] {
	type tr = fsm.Transition[State, Action, Role]
	author, reviewer, committee, organiser := []Role{RoleAuthor}, []Role{RoleReviewer}, []Role{RoleCommittee}, []Role{RoleOrganiser}
	t := []tr{
		{From: StateDraft, Action: ActionSubmit, To: StateSubmitted, Roles: author, Guard: guardCallOpen},
		{From: StateSubmitted, Action: ActionStartReview, To: StateInReview, Roles: organiser, Guard: guardCallClosed},
		{From: StateInReview, Action: ActionReview, To: StateInReview, Roles: reviewer, Guard: guardNoConflict},
		{From: StateInReview, Action: ActionAccept, To: StateInReview, Roles: committee},
		{From: StateInReview, Action: ActionWaitlist, To: StateInReview, Roles: committee},
		{From: StateInReview, Action: ActionReject, To: StateInReview, Roles: committee},
		{From: StateInReview, Action: ActionPublishAccept, To: StateAccepted, Roles: committee, Guard: guardPendAccept},
		{From: StateInReview, Action: ActionPublishWaitlist, To: StateWaitlisted, Roles: committee, Guard: guardPendWait},
		{From: StateInReview, Action: ActionPublishReject, To: StateRejected, Roles: committee, Guard: guardPendReject},
		{From: StateWaitlisted, Action: ActionAccept, To: StateAccepted, Roles: committee},
		{From: StateWaitlisted, Action: ActionReject, To: StateRejected, Roles: committee},
		{From: StateAccepted, Action: ActionConfirm, To: StateConfirmed, Roles: author, Guard: guardBeforeEvent},
		{From: StateAccepted, Action: ActionDecline, To: StateDeclined, Roles: author},
		{From: StateConfirmed, Action: ActionSchedule, To: StateScheduled, Roles: organiser},
		{From: StateScheduled, Action: ActionUnschedule, To: StateConfirmed, Roles: organiser},
		{From: StateConfirmed, Action: ActionCancel, To: StateCancelled, Roles: organiser, Guard: guardBeforeEvent},
		{From: StateScheduled, Action: ActionCancel, To: StateCancelled, Roles: organiser, Guard: guardBeforeEvent},
	}
	for _, s := range []State{StateDraft, StateSubmitted, StateInReview, StateWaitlisted, StateAccepted, StateConfirmed, StateScheduled} {
		t = append(t, tr{From: s, Action: ActionWithdraw, To: StateWithdrawn, Roles: author, Guard: guardBeforeEvent})
	}
	return t
}

// step is what the guards look at: the proposal, the call, the actor and the time.
type step struct {
	p      *Record
	call   *Call
	actor  *Actor
	at     time.Time
	event  time.Time
	byHand bool
}

// refusal is a guard's typed error.
type refusal struct {
	code  civic.Code
	args  []any
	cause error
}

func (r *refusal) Error() string {
	return (&civic.FieldError{Code: r.code, Args: r.args}).Error()
}

func (r *refusal) Unwrap() error { return r.cause }

func stampOf(t time.Time, c *Call) string {
	if t.IsZero() {
		return "-"
	}
	if c != nil {
		t = t.In(c.Location())
	}
	return t.Format(time.RFC3339)
}

func callOpen(s *step) error {
	if s.call == nil {
		return &refusal{code: civic.CodeRequired, args: nil}
	}
	if !s.call.Open(s.at) {
		return &refusal{code: civic.CodeCallClosed, args: []any{stampOf(s.at, s.call), stampOf(s.call.Opens, s.call), stampOf(s.call.Deadline, s.call)}}
	}
	if err := s.p.Proposal.Validate(s.call); err != nil {
		return &refusal{code: civic.CodeProposalInvalid, args: []any{len(civic.FieldErrors(err))}, cause: err}
	}
	return nil
}

func callClosed(s *step) error {
	if s.byHand || s.call == nil || !s.at.Before(s.call.Deadline) {
		return nil
	}
	return &refusal{code: civic.CodeCallStillOpen, args: []any{stampOf(s.at, s.call), stampOf(s.call.Deadline, s.call)}}
}

func noConflict(s *step) error {
	if g := s.actor.ConflictWith(&s.p.Proposal); g != "" {
		return &refusal{code: civic.CodeConflict, args: []any{s.actor.ID, s.p.ID, g}}
	}
	return nil
}

func pending(d Decision) func(s *step) error {
	return func(s *step) error {
		if s.p.Pending != d {
			return &refusal{code: civic.CodeNoDecision, args: []any{s.p.ID}}
		}
		return nil
	}
}

func pendingAccept(s *step) error   { return pending(DecisionAccept)(s) }
func pendingWaitlist(s *step) error { return pending(DecisionWaitlist)(s) }
func pendingReject(s *step) error   { return pending(DecisionReject)(s) }

func beforeEvent(s *step) error {
	if s.event.IsZero() || s.at.Before(s.event) {
		return nil
	}
	return &refusal{code: civic.CodeAfterEvent, args: []any{stampOf(s.at, s.call), stampOf(s.event, s.call)}}
}

// Workflow is the review workflow: an explicit transition table over [State], [Action] and
// [Role], with named guards. It is immutable and safe for concurrent use; get the shared one
// with [ReviewWorkflow]. A Workflow holds no proposal: what it owns of each proposal is
// kept in the proposal's [Record], beside the author's submission.
type Workflow struct {
	def *fsm.Definition[State, Action, Role, *step]
	// to maps (from, action, role) to the next state, guards ignored, for replay.
	to map[[3]string]State
}

var sharedWorkflow = sync.OnceValues(func() (*Workflow, error) {
	def, err := fsm.New("review", StateDraft, States(), transitions(), map[string]fsm.Guard[*step]{
		guardCallOpen:    callOpen,
		guardCallClosed:  callClosed,
		guardNoConflict:  noConflict,
		guardPendAccept:  pendingAccept,
		guardPendWait:    pendingWaitlist,
		guardPendReject:  pendingReject,
		guardBeforeEvent: beforeEvent,
	})
	if err != nil {
		return nil, err
	}
	w := &Workflow{def: def, to: map[[3]string]State{}}
	for _, tr := range def.Table() {
		for _, r := range tr.Roles {
			w.to[[3]string{string(tr.From), string(tr.Action), string(r)}] = tr.To
		}
	}
	return w, nil
})

// ReviewWorkflow returns the review workflow. It is built once, on first use, and shared:
// it is immutable. It never fails: the table is static and tested.
func ReviewWorkflow() *Workflow {
	w, err := sharedWorkflow()
	if err != nil {
		panic(err) // a bug in the static table: TestWorkflowTable catches it
	}
	return w
}

// Transition is one row of the workflow's table: Action takes a proposal from From to To,
// for the Roles listed, if the named Guard (when there is one) allows it.
type Transition struct {
	From   State  `json:"from"`
	Action Action `json:"action"`
	To     State  `json:"to"`
	Roles  []Role `json:"roles"`
	Guard  string `json:"guard,omitempty"`
}

// Table returns the transition table, in definition order.
func (w *Workflow) Table() []Transition {
	var out []Transition
	for _, tr := range w.def.Table() {
		out = append(out, Transition{From: tr.From, Action: tr.Action, To: tr.To, Roles: tr.Roles, Guard: tr.Guard})
	}
	return out
}

// DOT returns the workflow as a Graphviz digraph, deterministic (sorted), for documentation.
func (w *Workflow) DOT() string { return w.def.DOT() }

// Mermaid returns the workflow as a Mermaid state diagram, deterministic (sorted).
func (w *Workflow) Mermaid() string { return w.def.Mermaid() }

// Next returns the state action by role leads to from the state, guards not evaluated: what
// a journal replay checks. ok is false when the table has no such transition.
func (w *Workflow) Next(from State, action Action, role Role) (State, bool) {
	to, ok := w.to[[3]string{string(from), string(action), string(role)}]
	return to, ok
}

// Request is an action an actor asks to take on a proposal. A platform builds it once it
// has authenticated the actor (see [Actor]); its time is the platform's clock, never a time
// an author wrote.
type Request struct {
	// Action is the action to take.
	Action Action `json:"action"`
	// Actor is who takes it, in which role.
	Actor Actor `json:"actor"`
	// At is when the action is taken, by the platform's clock; the zero time means now. A
	// journal refuses a time before its last entry's ([civic.CodeTimeBackwards]).
	At time.Time `json:"at,omitzero"`
	// Version, when not nil, is the proposal's version the action was prepared on: the
	// action fails with [civic.CodeVersionConflict] if the proposal has moved on
	// (optimistic concurrency).
	Version *int64 `json:"version,omitempty"`
	// Reason explains the action; it is journaled.
	Reason string `json:"reason,omitempty"`
	// ByHand lets the organiser start the review before the deadline.
	ByHand bool `json:"byHand,omitempty"`
}

// Env is what the workflow's rules depend on besides the proposal: the call and the
// start of the event. The zero Event means no limit: withdrawals, confirmations and
// cancellations are then always possible.
type Env struct {
	Call  *Call
	Event time.Time
}

// ActionError reports an action that was refused: which proposal, in which state, which
// action, by whom in which role, and why, as a stable [civic.Code] with its arguments. Its
// message is localised with [ActionError.Localize]. errors.As finds it, and also a
// [*civic.FieldError] with the same code (so [civic.ErrorCode] works); Unwrap reaches the
// cause, such as the proposal's [*civic.ValidationError] when a submission is refused, or
// the internal state machine's error.
type ActionError struct {
	Proposal string
	State    State
	Action   Action
	Actor    string
	Role     Role
	Code     civic.Code
	Args     []any
	Err      error
}

// Error returns a stable English description.
func (e *ActionError) Error() string {
	return fmt.Sprintf("contribution: %s %q by %q (%s) from %q: %s: %s", e.Proposal, e.Action, e.Actor, e.Role, e.State,
		e.Code, e.Message(language.English))
}

// Localize renders the reason with p (see [civic.NewPrinter]).
func (e *ActionError) Localize(p *message.Printer) string {
	return p.Sprintf(string(e.Code), e.Args...)
}

// Message renders the reason in the supported language closest to tag.
func (e *ActionError) Message(tag language.Tag) string { return e.Localize(civic.NewPrinter(tag)) }

// FieldError returns the reason as a field error at the path of the action.
func (e *ActionError) FieldError() *civic.FieldError {
	return &civic.FieldError{Path: civic.Path{}.Key("action"), Code: e.Code, Args: e.Args}
}

// Unwrap returns the reason as a [*civic.FieldError] and the cause, if any.
func (e *ActionError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.FieldError()}
	}
	return []error{e.FieldError(), e.Err}
}

// ErrUnknownProposal is returned for an action on a proposal a [Board] does not hold.
var ErrUnknownProposal = errors.New("contribution: unknown proposal")

// check decides an action without changing anything: it returns the next state, or the
// refusal. It is the whole of the workflow's rules.
func (w *Workflow) check(p *Record, req *Request, env Env, at time.Time) (State, *ActionError) {
	from := p.Current()
	fail := func(code civic.Code, cause error, args ...any) (State, *ActionError) {
		return from, &ActionError{Proposal: p.ID, State: from, Action: req.Action, Actor: req.Actor.ID,
			Role: req.Actor.Role, Code: code, Args: args, Err: cause}
	}
	if req.Version != nil && *req.Version != p.Version {
		return fail(civic.CodeVersionConflict, nil, *req.Version, p.Version)
	}
	if !from.Valid() {
		return fail(civic.CodeUnknownState, nil, string(from))
	}
	if !req.Action.Valid() {
		return fail(civic.CodeUnknownAction, nil, string(req.Action))
	}
	if !req.Actor.Role.Valid() {
		return fail(civic.CodeUnknownValue, nil, string(req.Actor.Role))
	}
	if req.Actor.ID == "" {
		return fail(civic.CodeRequired, nil)
	}
	s := step{p: p, call: env.Call, actor: &req.Actor, at: at, event: env.Event, byHand: req.ByHand}
	to, err := w.def.Fire(from, req.Action, req.Actor.Role, &s)
	if err != nil {
		var te *fsm.TransitionError
		var r *refusal
		switch {
		case errors.As(err, &r):
			return fail(r.code, r.cause, r.args...)
		case errors.Is(err, fsm.ErrForbidden):
			return fail(civic.CodeWrongRole, err, string(req.Actor.Role), string(req.Action), string(from))
		case errors.Is(err, fsm.ErrIllegal):
			return fail(civic.CodeIllegalAction, err, string(req.Action), string(from))
		case errors.As(err, &te):
			return fail(civic.CodeInternal, err, te.Error())
		default:
			return fail(civic.CodeInternal, err, err.Error())
		}
	}
	if req.Actor.Role == RoleAuthor && !req.Actor.isContributor(&p.Proposal) {
		return fail(civic.CodeNotAuthor, nil, req.Actor.ID, p.ID)
	}
	return to, nil
}

// Apply takes the action on p, checking every rule first: the version (when req.Version is
// set), the state, the action, the role, the guards (the call is open and the proposal
// valid to submit, the deadline passed or the review started by hand, no conflict of
// interest for a reviewer, a pending decision to publish, the event not started to
// withdraw, confirm or cancel), and that an author is a contributor of p. On success it
// updates what the workflow owns of p (State, Version, Pending, and Submitted on
// submission, from req.At: the platform's clock) and returns the journal entry to append
// (sequence number and hashes left to [Journal.Append]). On refusal p is unchanged and the
// error is an [*ActionError].
//
// Apply does not lock p and does not journal: serialise the actions on one proposal and
// append each entry before acting again, or use a [Board], which does both.
func (w *Workflow) Apply(p *Record, req Request, env Env) (Entry, error) {
	at := req.At
	if at.IsZero() {
		at = time.Now()
	}
	to, aerr := w.check(p, &req, env, at)
	if aerr != nil {
		return Entry{}, aerr
	}
	from := p.Current()
	commit(&p.ProposalState, req.Action, to, at)
	return Entry{Time: at, Proposal: p.ID, Action: req.Action, From: from, To: to,
		Actor: req.Actor.ID, Role: req.Actor.Role, Reason: req.Reason}, nil
}

// commit applies a checked transition to p.
func commit(p *ProposalState, action Action, to State, at time.Time) {
	switch action {
	case ActionSubmit:
		if p.Submitted.IsZero() {
			p.Submitted = at.UTC().Round(0)
		}
	case ActionAccept, ActionWaitlist, ActionReject:
		if p.State == StateInReview {
			p.Pending = action.Decision()
		}
	case ActionPublishAccept, ActionPublishWaitlist, ActionPublishReject, ActionWithdraw:
		p.Pending = ""
	}
	p.State = to
	p.Version++
}

// Permitted returns the actions actor may take on p now, in env, at time at (zero: now),
// guards evaluated, sorted by name. An author who is not a contributor of p may take none.
func (w *Workflow) Permitted(p *Record, actor Actor, env Env, at time.Time) []Action {
	if at.IsZero() {
		at = time.Now()
	}
	if actor.Role == RoleAuthor && !actor.isContributor(&p.Proposal) {
		return nil
	}
	s := step{p: p, call: env.Call, actor: &actor, at: at, event: env.Event}
	return w.def.Permitted(p.Current(), actor.Role, &s)
}
