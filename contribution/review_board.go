package contribution

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/civic-observatory/civic"
)

// Board runs the review of a call's proposals: it holds the proposals, their reviews and
// the decision journal, and applies the workflow's actions one at a time, each checked,
// applied and journaled atomically. It is safe for concurrent use.
//
// Every action may carry the version of the proposal it was prepared on
// ([Request.Version]): of two actors acting at once on the same proposal from the same
// version, exactly one succeeds and the other gets [civic.CodeVersionConflict].
type Board struct {
	mu      sync.Mutex
	w       *Workflow
	env     Env
	now     func() time.Time
	props   map[string]*Proposal
	order   []string
	reviews map[string]map[string]Review // proposal → reviewer → review
	journal *Journal
}

// BoardOptions configure a [Board]. The zero value is usable.
type BoardOptions struct {
	// Event is when the event starts: withdrawals, confirmations and cancellations are
	// refused from then on. Zero: no limit.
	Event time.Time
	// Journal continues an existing journal; nil starts an empty one.
	Journal *Journal
	// Reviews are reviews already recorded.
	Reviews []Review
	// Now returns the current time, for actions whose request has none; nil is time.Now.
	Now func() time.Time
}

// NewBoard returns a board for the call's proposals. The board keeps the proposal
// pointers: the caller must not change them afterwards, and reads them back with
// [Board.Proposal] or [Board.Proposals]. Proposal IDs must be unique.
func NewBoard(c *Call, proposals []*Proposal, opt BoardOptions) (*Board, error) {
	b := &Board{w: ReviewWorkflow(), env: Env{Call: c, Event: opt.Event}, now: opt.Now,
		props: make(map[string]*Proposal, len(proposals)), reviews: map[string]map[string]Review{}, journal: opt.Journal}
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
		if p.State != "" && !p.State.Valid() {
			v.Add(civic.Path{}.Index(i).Key("state"), civic.CodeUnknownState, string(p.State))
		}
		b.props[p.ID] = p
		b.order = append(b.order, p.ID)
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

// Proposal returns a copy of the proposal with the ID.
func (b *Board) Proposal(id string) (Proposal, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, ok := b.props[id]
	if !ok {
		return Proposal{}, false
	}
	return *p, true
}

// Proposals returns copies of every proposal, in the order given to [NewBoard].
func (b *Board) Proposals() []Proposal {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Proposal, len(b.order))
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
	e, err := b.w.Apply(p, req, b.env)
	if err != nil {
		return Entry{}, err
	}
	return b.journal.Append(e), nil
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
		from := p.State
		if from == "" {
			from = StateDraft
		}
		return Entry{}, &ActionError{Proposal: p.ID, State: from, Action: ActionReview, Actor: actor.ID, Role: actor.Role,
			Code: civic.CodeNotReviewer, Args: []any{actor.ID}}
	}
	// Check the action first (state, conflict), then the scores, then apply both.
	to, aerr := b.w.check(p, &req, b.env, req.At)
	if aerr != nil {
		return Entry{}, aerr
	}
	if err := r.Validate(b.env.Call, p); err != nil {
		return Entry{}, err
	}
	from := p.State
	b.w.commit(p, ActionReview, to, req.At)
	if b.reviews[p.ID] == nil {
		b.reviews[p.ID] = map[string]Review{}
	}
	r.Scores = slices.Clone(r.Scores)
	b.reviews[p.ID][actor.ID] = r
	return b.journal.Append(Entry{Time: req.At, Proposal: p.ID, Action: ActionReview, From: from, To: to,
		Actor: actor.ID, Role: actor.Role, Reason: req.Reason}), nil
}

// Reviews returns every review, sorted by proposal then reviewer.
func (b *Board) Reviews() []Review {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []Review
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
		if p.State == StateInReview && reviewer.ConflictWith(p) == "" {
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
func (b *Board) bulk(ids []string, action func(p *Proposal) Action, req Request) ([]Entry, error) {
	var errs []error
	type planned struct {
		p  *Proposal
		r  Request
		to State
	}
	plan := make([]planned, 0, len(ids))
	for _, id := range ids {
		p := b.props[id]
		r := req
		r.Action = action(p)
		r.Version = nil
		if _, aerr := b.w.check(p, &r, b.env, r.At); aerr != nil {
			errs = append(errs, aerr)
			continue
		}
		plan = append(plan, planned{p: p, r: r})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := make([]Entry, 0, len(plan))
	for _, x := range plan {
		e, err := b.w.Apply(x.p, x.r, b.env)
		if err != nil { // cannot happen: checked above under the same lock
			return out, err
		}
		out = append(out, b.journal.Append(e))
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
	return b.bulk(ids, func(*Proposal) Action { return ActionStartReview }, req)
}

// Publish publishes the committee's pending decisions on every proposal in review, as
// req.Actor (the committee), all or nothing: if any proposal in review has no decision
// yet ([civic.CodeNoDecision]) or any action is refused, nothing is published.
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
	return b.bulk(ids, func(p *Proposal) Action {
		if a := publishAction(p.Pending); a != "" {
			return a
		}
		return ActionPublishAccept // refused by its guard with no_decision
	}, req)
}

// History returns the journal entries of one proposal, in order.
func (b *Board) History(id string) []Entry { return b.journal.History(id) }
