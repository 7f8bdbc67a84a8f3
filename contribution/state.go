package contribution

import "slices"

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
