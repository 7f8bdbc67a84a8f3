package contribution

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/civic-observatory/civic"
)

// Board runs the review of a call's proposals: it holds the proposals' [Record]s, their
// reviews and the decision journal, and applies the workflow's actions one at a time, each
// checked, applied and journaled atomically. It is safe for concurrent use.
//
// Every action may carry the version of the proposal it was prepared on
// ([Request.Version]): of two actors acting at once on the same proposal from the same
// version, exactly one succeeds and the other gets [civic.CodeVersionConflict].
//
// What the workflow owns of each proposal (state, version, pending decision, time of
// submission) comes only from the board's journal and its own actions, never from the
// proposals given to [NewBoard]: those are the authors' submissions.
//
// # Storing a board
//
// A platform that keeps the journal itself keeps this contract, which "civic review"
// follows: one writer at a time per journal (a lock held from reading the store to
// committing it); the journal is the source of truth, the records are rebuilt from it
// ([NewBoard] replays it) and anything else stored beside it (reviews) is committed before
// the journal and checked against it when read back; an action is reported done only
// once its entries are durably stored (written, synced, renamed into place), so that a
// crash loses only actions nobody was told about.
type Board struct {
	mu      sync.Mutex
	w       *Workflow
	env     Env
	now     func() time.Time
	roster  *Roster
	props   map[string]*Record
	order   []string
	reviews map[string]map[string]Review // proposal → reviewer → review
	journal *Journal
}

// BoardOptions configure a [Board]. The zero value is usable.
type BoardOptions struct {
	// Event is when the event starts: withdrawals, confirmations and cancellations are
	// refused from then on. Zero: no limit.
	Event time.Time
	// Journal continues an existing journal, which [NewBoard] replays to restore the state
	// of every proposal; nil starts an empty one.
	Journal *Journal
	// Reviews are reviews already recorded.
	Reviews []Review
	// Now returns the current time, for actions whose request has none; nil is time.Now.
	Now func() time.Time
	// Roster, when not nil, lists who holds the reviewer, committee and organiser roles:
	// an action in one of them by an actor the roster does not list is refused with
	// [civic.CodeNotMember]. Without a roster the board trusts the roles its caller
	// declares (see [Actor]).
	Roster *Roster
}

// NewBoard returns a board for the call's proposals: the authors' submissions, copied. The
// state of every proposal is restored by replaying opt.Journal (a draft when the journal
// has no entry for it): a journal entry for a proposal not given, or one that does not
// follow by the workflow's table, is an error. Proposal IDs must be unique.
func NewBoard(c *Call, proposals []*Proposal, opt BoardOptions) (*Board, error) {
	b := &Board{w: ReviewWorkflow(), env: Env{Call: c, Event: opt.Event}, now: opt.Now, roster: opt.Roster,
		props: make(map[string]*Record, len(proposals)), reviews: map[string]map[string]Review{}, journal: opt.Journal}
	if b.now == nil {
		b.now = time.Now
	}
	if b.journal == nil {
		b.journal = &Journal{}
	}
	var v civic.ValidationError
	for i, p := range proposals {
		if _, dup := b.props[p.ID]; dup || p.ID == "" {
			if p.ID == "" {
				v.Add(civic.Path{}.Index(i).Key("id"), civic.CodeRequired)
			} else {
				v.Add(civic.Path{}.Index(i).Key("id"), civic.CodeDuplicate, p.ID)
			}
			continue
		}
		b.props[p.ID] = NewRecord(p)
		b.order = append(b.order, p.ID)
	}
	if b.journal.Len() > 0 {
		rp := NewReplayer(b.w)
		b.journal.mu.Lock()
		i := 0
		b.journal.each(func(e *Entry) bool {
			path := civic.Path{}.Key("journal").Index(i)
			i++
			if e.Action == ActionCheckpoint {
				return true
			}
			if _, ok := b.props[e.Proposal]; !ok {
				v.Add(path.Key("proposal"), civic.CodeUnknownRef, e.Proposal)
				return true
			}
			rp.Apply(&v, path, e)
			return true
		})
		b.journal.mu.Unlock()
		for id, st := range rp.states {
			if r, ok := b.props[id]; ok {
				r.ProposalState = *st
			}
		}
	}
	for i, r := range opt.Reviews {
		if _, ok := b.props[r.Proposal]; !ok {
			v.Add(civic.Path{}.Key("reviews").Index(i).Key("proposal"), civic.CodeUnknownRef, r.Proposal)
			continue
		}
		if b.reviews[r.Proposal] == nil {
			b.reviews[r.Proposal] = map[string]Review{}
		}
		b.reviews[r.Proposal][r.Reviewer] = r
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return b, nil
}

// Env returns what the board's rules depend on: the call and the start of the event.
func (b *Board) Env() Env { return b.env }

// Journal returns the board's journal.
func (b *Board) Journal() *Journal { return b.journal }

// Record returns a copy of the record of the proposal with the ID.
func (b *Board) Record(id string) (Record, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, ok := b.props[id]
	if !ok {
		return Record{}, false
	}
	return *p, true
}

// Records returns copies of every record, in the order given to [NewBoard].
func (b *Board) Records() []Record {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Record, len(b.order))
	for i, id := range b.order {
		out[i] = *b.props[id]
	}
	return out
}

func (b *Board) at(t time.Time) time.Time {
	if t.IsZero() {
		return b.now()
	}
	return t
}

// Act takes one action on one proposal and journals it, or changes nothing and returns an
// [*ActionError] (or an error matching [ErrUnknownProposal]). Reviews go through
// [Board.Review], which also records the scores.
func (b *Board) Act(id string, req Request) (Entry, error) {
	if req.Action == ActionReview {
		return Entry{}, &ActionError{Proposal: id, Action: req.Action, Actor: req.Actor.ID, Role: req.Actor.Role,
			Code: civic.CodeRequired, Args: nil, Err: errors.New("contribution: use Board.Review to record a review")}
	}
	req.At = b.at(req.At)
	b.mu.Lock()
	defer b.mu.Unlock()
	p, ok := b.props[id]
	if !ok {
		return Entry{}, fmt.Errorf("%w %q", ErrUnknownProposal, id)
	}
	if aerr := b.admit(p, &req); aerr != nil {
		return Entry{}, aerr
	}
	to, aerr := b.w.check(p, &req, b.env, req.At)
	if aerr != nil {
		return Entry{}, aerr
	}
	return b.journalLocked(p, &req, to)
}

// admit checks what the board adds to the workflow's rules: the roster, and a time not
// before the journal's last entry.
func (b *Board) admit(p *Record, req *Request) *ActionError {
	fail := func(code civic.Code, args ...any) *ActionError {
		return &ActionError{Proposal: p.ID, State: p.Current(), Action: req.Action, Actor: req.Actor.ID,
			Role: req.Actor.Role, Code: code, Args: args}
	}
	if b.roster != nil && !b.roster.Holds(req.Actor) {
		return fail(civic.CodeNotMember, req.Actor.ID, string(req.Actor.Role))
	}
	if last := b.journal.lastTime(); req.At.Before(last) {
		return fail(civic.CodeTimeBackwards, req.At.UTC().Format(time.RFC3339Nano), last.Format(time.RFC3339Nano))
	}
	return nil
}

// journalLocked appends the entry of a checked action, then commits the action to p: if
// the journal refuses the entry, nothing changes.
func (b *Board) journalLocked(p *Record, req *Request, to State) (Entry, error) {
	e, err := b.journal.Append(Entry{Time: req.At, Proposal: p.ID, Action: req.Action, From: p.Current(), To: to,
		Actor: req.Actor.ID, Role: req.Actor.Role, Reason: req.Reason})
	if err != nil {
		var fe *civic.FieldError
		ae := &ActionError{Proposal: p.ID, State: p.Current(), Action: req.Action, Actor: req.Actor.ID,
			Role: req.Actor.Role, Code: civic.CodeInternal, Args: []any{err.Error()}, Err: err}
		if errors.As(err, &fe) {
			ae.Code, ae.Args = fe.Code, fe.Args
		}
		return Entry{}, ae
	}
	commit(&p.ProposalState, req.Action, to, req.At)
	return e, nil
}

// Permitted returns the actions actor may take on the proposal now (or at at), sorted.
func (b *Board) Permitted(id string, actor Actor, at time.Time) ([]Action, error) {
	at = b.at(at)
	b.mu.Lock()
	defer b.mu.Unlock()
	p, ok := b.props[id]
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownProposal, id)
	}
	if b.roster != nil && !b.roster.Holds(actor) {
		return nil, nil
	}
	return b.w.Permitted(p, actor, b.env, at), nil
}

// Review records r, by the actor (a reviewer), on a proposal in review, replacing the
// reviewer's earlier review of it: reviews can be edited until the decisions are
// published. The review is checked against the call's criteria first (every criterion
// that applies scored once, within its scale), then the action (the proposal is in
// review, the actor is a reviewer with no conflict of interest with it); on any problem
// nothing is recorded. r.Reviewer is set to the actor's ID and r.Updated to the time of
// the action.
func (b *Board) Review(actor Actor, r Review, req Request) (Entry, error) {
	req.Action = ActionReview
	req.Actor = actor
	req.At = b.at(req.At)
	r.Reviewer = actor.ID
	r.Updated = req.At.UTC().Round(0)
	b.mu.Lock()
	defer b.mu.Unlock()
	p, ok := b.props[r.Proposal]
	if !ok {
		return Entry{}, fmt.Errorf("%w %q", ErrUnknownProposal, r.Proposal)
	}
	if actor.Role != RoleReviewer || actor.ID == "" {
		return Entry{}, &ActionError{Proposal: p.ID, State: p.Current(), Action: ActionReview, Actor: actor.ID, Role: actor.Role,
			Code: civic.CodeNotReviewer, Args: []any{actor.ID}}
	}
	if aerr := b.admit(p, &req); aerr != nil {
		return Entry{}, aerr
	}
	// Check the action first (state, conflict), then the scores, then apply both.
	to, aerr := b.w.check(p, &req, b.env, req.At)
	if aerr != nil {
		return Entry{}, aerr
	}
	if err := r.Validate(b.env.Call, &p.Proposal); err != nil {
		return Entry{}, err
	}
	e, err := b.journalLocked(p, &req, to)
	if err != nil {
		return Entry{}, err
	}
	if b.reviews[p.ID] == nil {
		b.reviews[p.ID] = map[string]Review{}
	}
	r.Scores = slices.Clone(r.Scores)
	b.reviews[p.ID][actor.ID] = r
	return e, nil
}

// Reviews returns every review, sorted by proposal then reviewer.
func (b *Board) Reviews() []Review {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := []Review{}
	for _, m := range b.reviews {
		for _, r := range m {
			out = append(out, r)
		}
	}
	sortReviews(out)
	return out
}

// ReviewerView returns, anonymised ([Proposal.Anonymised]), the proposals in review that
// the reviewer may review (no conflict of interest), in board order.
func (b *Board) ReviewerView(reviewer Actor) []*Proposal {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []*Proposal
	for _, id := range b.order {
		p := b.props[id]
		if p.State == StateInReview && reviewer.ConflictWith(&p.Proposal) == "" {
			out = append(out, p.Anonymised(b.env.Call))
		}
	}
	return out
}

// Scores aggregates the reviews into a score out of 100 per reviewed proposal.
func (b *Board) Scores(a Aggregation) map[string]float64 {
	reviews := b.Reviews()
	b.mu.Lock()
	defer b.mu.Unlock()
	return Aggregate(b.env.Call, reviews, func(id string) string {
		if p, ok := b.props[id]; ok {
			return p.Format
		}
		return ""
	}, a)
}

// Decide records the committee's decision on a proposal: pending while the proposal is
// in review (nobody is told until [Board.Publish]), applied at once for a waitlisted one.
func (b *Board) Decide(id string, d Decision, req Request) (Entry, error) {
	switch d {
	case DecisionAccept:
		req.Action = ActionAccept
	case DecisionWaitlist:
		req.Action = ActionWaitlist
	case DecisionReject:
		req.Action = ActionReject
	default:
		return Entry{}, &ActionError{Proposal: id, Action: Action(d), Actor: req.Actor.ID, Role: req.Actor.Role,
			Code: civic.CodeUnknownValue, Args: []any{string(d)}}
	}
	return b.Act(id, req)
}

// bulk applies one action per listed proposal, all or nothing: every action is checked on
// a copy first; if any is refused, nothing changes and every refusal is returned.
func (b *Board) bulk(ids []string, action func(p *Record) Action, req Request) ([]Entry, error) {
	var errs []error
	type planned struct {
		p  *Record
		r  Request
		to State
	}
	plan := make([]planned, 0, len(ids))
	for _, id := range ids {
		p := b.props[id]
		r := req
		r.Action = action(p)
		r.Version = nil
		if aerr := b.admit(p, &r); aerr != nil {
			errs = append(errs, aerr)
			continue
		}
		to, aerr := b.w.check(p, &r, b.env, r.At)
		if aerr != nil {
			errs = append(errs, aerr)
			continue
		}
		// The journal's limits, checked now so that nothing is half-applied.
		if err := b.journal.Check(&Entry{Time: r.At, Proposal: p.ID, Action: r.Action, From: p.Current(), To: to,
			Actor: r.Actor.ID, Role: r.Actor.Role, Reason: r.Reason}); err != nil {
			errs = append(errs, err)
			continue
		}
		plan = append(plan, planned{p: p, r: r, to: to})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := make([]Entry, 0, len(plan))
	for _, x := range plan {
		e, err := b.journalLocked(x.p, &x.r, x.to)
		if err != nil { // cannot happen: checked above under the same lock
			return out, err
		}
		out = append(out, e)
	}
	return out, nil
}

// StartReview moves every submitted proposal into review, as the organiser req.Actor:
// after the deadline, or before it when req.ByHand is set. All or nothing.
func (b *Board) StartReview(req Request) ([]Entry, error) {
	req.At = b.at(req.At)
	b.mu.Lock()
	defer b.mu.Unlock()
	var ids []string
	for _, id := range b.order {
		if b.props[id].State == StateSubmitted {
			ids = append(ids, id)
		}
	}
	return b.bulk(ids, func(*Record) Action { return ActionStartReview }, req)
}

// Publish publishes the committee's pending decisions on every proposal in review, as
// req.Actor (the committee), all or nothing: if any proposal in review has no decision
// yet ([civic.CodeNoDecision]) or any action is refused, nothing is published. After the
// decisions it appends a checkpoint ([ActionCheckpoint]) naming the head before it, and
// returns it last: publish the journal's head with the decisions.
func (b *Board) Publish(req Request) ([]Entry, error) {
	req.At = b.at(req.At)
	b.mu.Lock()
	defer b.mu.Unlock()
	var ids []string
	for _, id := range b.order {
		if b.props[id].State == StateInReview {
			ids = append(ids, id)
		}
	}
	out, err := b.bulk(ids, func(p *Record) Action {
		if a := publishAction(p.Pending); a != "" {
			return a
		}
		return ActionPublishAccept // refused by its guard with no_decision
	}, req)
	if err != nil || len(out) == 0 {
		return out, err
	}
	cp, err := b.journal.Checkpoint(req.At, req.Actor.ID, req.Actor.Role)
	if err != nil { // cannot happen: the same time and actor were just accepted
		return out, err
	}
	return append(out, cp), nil
}

// History returns the journal entries of one proposal, in order.
func (b *Board) History(id string) []Entry { return b.journal.History(id) }
