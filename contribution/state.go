package contribution

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/jsondec"
)

// State is where a proposal stands in the review workflow. The empty state is a draft.
type State string

// The states of the review workflow.
const (
	StateDraft      State = "draft"
	StateSubmitted  State = "submitted"
	StateInReview   State = "in_review"
	StateAccepted   State = "accepted"
	StateWaitlisted State = "waitlisted"
	StateRejected   State = "rejected"
	StateConfirmed  State = "confirmed"
	StateDeclined   State = "declined"
	StateScheduled  State = "scheduled"
	StateWithdrawn  State = "withdrawn"
	StateCancelled  State = "cancelled"
)

// States lists every State, in workflow order.
func States() []State {
	return []State{StateDraft, StateSubmitted, StateInReview, StateAccepted, StateWaitlisted,
		StateRejected, StateConfirmed, StateDeclined, StateScheduled, StateWithdrawn, StateCancelled}
}

// Valid reports whether s is one of [States].
func (s State) Valid() bool { return slices.Contains(States(), s) }

// Decision is the selection committee's decision on a proposal in review, held pending
// until the decisions are published.
type Decision string

// The decisions of the selection committee.
const (
	DecisionAccept   Decision = "accept"
	DecisionWaitlist Decision = "waitlist"
	DecisionReject   Decision = "reject"
)

// Decisions lists every Decision.
func Decisions() []Decision { return []Decision{DecisionAccept, DecisionWaitlist, DecisionReject} }

// Valid reports whether d is one of [Decisions].
func (d Decision) Valid() bool { return slices.Contains(Decisions(), d) }

// WorkflowFields returns the members a proposal document never holds because the review
// workflow owns them: "submitted", "state", "version", "pending". [DecodeProposal]
// refuses each with [civic.CodeUnknownField], with or without a call.
func WorkflowFields() []string { return []string{"submitted", "state", "version", "pending"} }

// Record is what a platform stores about one proposal: the author's submission, exactly as
// the author wrote it, beside what the review workflow owns: the state, the version, the
// committee's pending decision and the time of submission, taken from the server's clock.
//
// The split is a trust boundary. A [Proposal] is what an author writes: [DecodeProposal]
// refuses a submission carrying state, pending, version, submitted or review data
// ([civic.CodeUnknownField]), so no author document can move a proposal in the workflow.
// A Record is never built from an author's document: a [Board] builds its records from
// the proposals and its journal (see [NewBoard]), and a platform restores them from the
// journal ([Replayer], [VerifyJournal]) or from a store only it writes ([DecodeRecords]).
//
// In JSON a record is {"proposal": {…}, "state": …, "version": …, "pending": …,
// "submitted": …}: the submission stays a document of its own.
type Record struct {
	// Proposal is the author's submission.
	Proposal `json:"proposal"`
	// ProposalState is what the workflow owns.
	ProposalState
}

// NewRecord returns the record of a draft: a copy of p, in no state yet (a draft), version 0.
func NewRecord(p *Proposal) *Record { return &Record{Proposal: *p} }

// Current returns the record's state, [StateDraft] for the empty state.
func (r *Record) Current() State {
	if r.State == "" {
		return StateDraft
	}
	return r.State
}

// DecodeRecords decodes records a platform stored itself (a JSON array of records, or
// NDJSON, one per line; see [Record]) strictly: unknown members, wrong types, an unknown
// state or decision and a negative version are reported with their paths. Each proposal
// is validated against the call as [DecodeProposals] does, under "proposal". All records
// are returned, valid or not, in order.
//
// Only decode what the platform itself wrote: an author's document is a [Proposal].
func DecodeRecords(data []byte, c *Call) ([]*Record, error) {
	var (
		dec  Decoder
		d    = jsondec.New(nil, jsondec.Limits{})
		out  []*Record
		all  civic.ValidationError
		recs = jsondec.NewRecords(bytes.NewReader(data), 0)
	)
	for recs.Next() {
		r := new(Record)
		out = append(out, r)
		path := civic.Path{}.Index(recs.Index() - 1)
		if err := recs.RecordErr(); err != nil {
			all.Add(path, civic.CodeTooLarge, jsondec.DefaultMaxRecord)
			continue
		}
		d.Reset(recs.Record())
		dec.decodeRecord(d, recs.Record(), c, r)
		d.End()
		all.Merge(path, d.Check(func(v *civic.ValidationError, path civic.Path) { r.Check(v, path, c) }))
	}
	if err := recs.Err(); err != nil {
		return out, err
	}
	return out, all.Err()
}

// Check records the problems of the record at path: those of its proposal against the
// call (under "proposal"), an unknown state or decision, a negative version.
func (r *Record) Check(v *civic.ValidationError, path civic.Path, c *Call) {
	r.Proposal.Check(v, path.Key("proposal"), c)
	if r.State != "" && !r.State.Valid() {
		v.Add(path.Key("state"), civic.CodeUnknownState, string(r.State))
	}
	if r.Pending != "" && !r.Pending.Valid() {
		v.Add(path.Key("pending"), civic.CodeUnknownValue, string(r.Pending))
	}
	if r.Version < 0 {
		v.Add(path.Key("version"), civic.CodeOutOfRange, 0, int64(1)<<53, r.Version)
	}
}

func (dec *Decoder) decodeRecord(d *jsondec.Decoder, data []byte, c *Call, r *Record) {
	if !d.Object() {
		return
	}
	seen := false
	for d.Next() {
		switch string(d.Key()) {
		case "proposal":
			dec.decodeProposal(d, data, c, &r.Proposal)
			seen = true
		case "state":
			r.State = State(d.Str())
		case "version":
			r.Version = d.Int()
		case "pending":
			r.Pending = Decision(d.Str())
		case "submitted":
			r.Submitted = d.Time()
		default:
			d.Unknown()
		}
	}
	if !seen && !d.Fatal() {
		d.Errors().Add(d.Path().Key("proposal"), civic.CodeRequired)
	}
}

// MarshalJSON writes the record as {"proposal": {…}, "state": …, "version": …, "pending":
// …, "submitted": …}, the proposal as [Proposal.MarshalJSON] writes it.
func (r Record) MarshalJSON() ([]byte, error) {
	p, err := json.Marshal(&r.Proposal)
	if err != nil {
		return nil, err
	}
	st, err := json.Marshal(r.ProposalState)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(p)+len(st)+16)
	out = append(out, `{"proposal":`...)
	out = append(out, p...)
	if len(st) > 2 {
		out = append(out, ',')
		out = append(out, st[1:len(st)-1]...)
	}
	return append(out, '}'), nil
}

// UnmarshalJSON reads a record strictly, as [DecodeRecords] does without a call (answers
// kept as written), without validating it.
func (r *Record) UnmarshalJSON(data []byte) error {
	var dec Decoder
	d := jsondec.New(data, jsondec.Limits{})
	*r = Record{}
	dec.decodeRecord(d, data, nil, r)
	d.End()
	return d.Err()
}
