package contribution

import (
	"slices"
	"strings"

	"github.com/civic-observatory/civic"
)

// Role is the part an actor plays in the review workflow. Every action of the workflow
// states which roles may take it (see [Workflow.Table]).
type Role string

// The roles of the review workflow.
const (
	// RoleAuthor is a contributor of the proposal: submits, confirms or declines, withdraws.
	RoleAuthor Role = "author"
	// RoleReviewer scores proposals in review against the call's criteria.
	RoleReviewer Role = "reviewer"
	// RoleCommittee is the selection committee: it decides, then publishes its decisions.
	RoleCommittee Role = "committee"
	// RoleOrganiser runs the call: starts the review, schedules and cancels.
	RoleOrganiser Role = "organiser"
)

// Roles lists every Role.
func Roles() []Role { return []Role{RoleAuthor, RoleReviewer, RoleCommittee, RoleOrganiser} }

// Valid reports whether r is one of [Roles].
func (r Role) Valid() bool { return slices.Contains(Roles(), r) }

// Actor is someone who takes an action in the review workflow, in one role. The zero
// value is nobody and may take no action.
//
// Roles are asserted, not proven, here: the platform authenticates the person (a session,
// a signed token…) and builds the Actor; the workflow trusts the role it is given. What it
// checks itself: an author's e-mail address is one of the proposal's contributors'
// ([civic.EmailKey]), a reviewer has no conflict of interest, and, when the [Board] has a
// [Roster], that the actor holds the role they act in. "civic review" is an operator's
// tool: whoever runs it is trusted with every role, and its --roster flag narrows that.
type Actor struct {
	// ID identifies the actor in the journal ("rev-1", an e-mail address…). Required.
	ID string `json:"id"`
	// Role is the part the actor plays in this action.
	Role Role `json:"role"`
	// Email is the actor's address: an author is recognised by it among the proposal's
	// contributors, and a reviewer may not review a proposal they contribute to.
	Email string `json:"email,omitempty"`
	// Organisation is the name of the body the actor belongs to: a reviewer may not review
	// a proposal one of whose contributors belongs to it.
	Organisation string `json:"organisation,omitempty"`
	// Conflicts are the IDs of the proposals the actor declared a conflict of interest with.
	Conflicts []string `json:"conflicts,omitempty"`
}

// Conflict grounds, the third argument of [civic.CodeConflict].
const (
	ConflictOrganisation = "organisation" // the reviewer belongs to a contributor's organisation
	ConflictContributor  = "contributor"  // the reviewer is a contributor
	ConflictDeclared     = "declared"     // the reviewer declared a conflict with the proposal
)

// ConflictWith returns why the actor may not review p ([ConflictContributor],
// [ConflictOrganisation] or [ConflictDeclared]), or "" when nothing stands in the way.
// Addresses are compared by [civic.EmailKey], organisation names without regard to case
// or surrounding space.
func (a *Actor) ConflictWith(p *Proposal) string {
	if slices.Contains(a.Conflicts, p.ID) {
		return ConflictDeclared
	}
	if a.isContributor(p) {
		return ConflictContributor
	}
	if org := fold(a.Organisation); org != "" {
		for _, c := range p.Contributors {
			if c.Organisation != nil && fold(c.Organisation.Name) == org {
				return ConflictOrganisation
			}
		}
	}
	return ""
}

// isContributor reports whether the actor's e-mail address is one of p's contributors'.
func (a *Actor) isContributor(p *Proposal) bool {
	email := civic.EmailKey(a.Email)
	if email == "" {
		return false
	}
	for _, c := range p.Contributors {
		if civic.EmailKey(c.Email) == email {
			return true
		}
	}
	return false
}

// Roster lists who holds the roles a platform grants: reviewers, the committee and the
// organisers, by actor ID. Authors are not listed: an author is recognised by e-mail
// among the proposal's contributors. IDs that are e-mail addresses are compared by
// [civic.EmailKey], others exactly.
type Roster struct {
	Reviewers  []string `json:"reviewers,omitempty"`
	Committee  []string `json:"committee,omitempty"`
	Organisers []string `json:"organisers,omitempty"`
}

// Holds reports whether the roster lets a act in a.Role: always for an author, else when
// a.ID is listed for the role.
func (r *Roster) Holds(a Actor) bool {
	var ids []string
	switch a.Role {
	case RoleAuthor:
		return true
	case RoleReviewer:
		ids = r.Reviewers
	case RoleCommittee:
		ids = r.Committee
	case RoleOrganiser:
		ids = r.Organisers
	}
	key := a.ID
	if strings.Contains(key, "@") {
		key = civic.EmailKey(key)
	}
	for _, id := range ids {
		if id == a.ID || strings.Contains(id, "@") && civic.EmailKey(id) == key {
			return true
		}
	}
	return false
}

func fold(s string) string {
	s = strings.TrimSpace(s)
	// Fast path: addresses and most names are already lower-case ASCII.
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// Anonymised returns a copy of the proposal for a reviewer's blind reading: the
// contributors' names, e-mail addresses, roles and organisations are removed (each
// contributor is kept as an empty [civic.Person], so their number shows), and so are the
// answers that the form of the proposal's format in the call c marks as identifying
// ([Field.Identifying]: a 2019 project's support document, an evaluator's name). The
// proposal itself is not changed.
func (p *Proposal) Anonymised(c *Call) *Proposal {
	q := *p
	q.Contributors = make([]civic.Person, len(p.Contributors))
	q.Axes = slices.Clone(p.Axes)
	q.Questions = slices.Clone(p.Questions)
	var fields []Field
	if c != nil {
		if f, ok := c.Format(p.Format); ok {
			fields = f.Fields
		}
	}
	q.Answers = anonymise(fields, p.Answers)
	return &q
}

// anonymise returns a deep copy of the answers without those of identifying fields.
func anonymise(fields []Field, as []Answer) []Answer {
	if as == nil {
		return nil
	}
	out := make([]Answer, 0, len(as))
	for _, a := range as {
		f, ok := findField(fields, a.Field)
		if ok && f.Identifying {
			continue
		}
		var sub []Field
		var item *Field
		if ok {
			sub, item = f.Fields, f.Item
		}
		out = append(out, Answer{Field: a.Field, Value: anonymiseValue(sub, item, a.Value)})
	}
	return out
}

func anonymiseValue(fields []Field, item *Field, v Value) Value {
	switch v.Kind {
	case KindGroup:
		v.Fields = anonymise(fields, v.Fields)
	case KindList:
		items := make([]Value, len(v.Items))
		for i, it := range v.Items {
			if item != nil {
				items[i] = anonymiseValue(item.Fields, item.Item, it)
			} else {
				items[i] = anonymiseValue(nil, nil, it)
			}
		}
		v.Items = items
	}
	return v
}
