package opendata

import (
	"strconv"

	"github.com/civic-observatory/civic"
)

// Layout names the layout of a file: which tool wrote it and how.
type Layout string

// The layouts read.
const (
	// LayoutDecidim is Decidim's export of proposals (open data, or an admin export), in
	// CSV with flattened keys ("title/ca", "category/id") or in JSON.
	LayoutDecidim Layout = "decidim"
	// LayoutPAM2016 is the layout of the Barcelona PAM 2016 proposals (decidim.barcelona's
	// first platform, one row per proposal of its open data).
	LayoutPAM2016 Layout = "decidim-pam2016"
	// LayoutConsul is a CONSUL proposals CSV: Decide Madrid's as researchers publish it
	// (numSupports, isAssociation…), or with CONSUL's own column names (cached_votes_up…).
	LayoutConsul Layout = "consul"
)

// Source is what the user names: the tool, whatever the layout.
type Source string

// The sources.
const (
	SourceAny     Source = ""        // detect from the header
	SourceDecidim Source = "decidim" // LayoutDecidim or LayoutPAM2016
	SourceConsul  Source = "consul"  // LayoutConsul
)

// Origin is who a proposal comes from, as the platform records it.
type Origin string

// The origins.
const (
	OriginOfficial     Origin = "official"     // the institution (Decidim: the organization; PAM: "official")
	OriginCitizen      Origin = "citizen"      // a participant in their own name
	OriginOrganization Origin = "organization" // an association or collective (Decidim user group, PAM "organization", CONSUL isAssociation)
	OriginMeeting      Origin = "meeting"      // collected in a face-to-face meeting
	OriginUnknown      Origin = ""             // the file does not say
)

// Family maps the origin to the families of actors of the model: official proposals to
// public actors, organisations to associations and collectives, citizens to citizens. A
// meeting gathers people of every family, so a proposal from a meeting has none ("").
func (o Origin) Family() civic.Family {
	switch o {
	case OriginOfficial:
		return civic.FamilyPublic
	case OriginOrganization:
		return civic.FamilyAssociation
	case OriginCitizen:
		return civic.FamilyCitizen
	}
	return ""
}

// State is the state of a proposal, in a vocabulary common to the sources. A state the
// source names otherwise (a Decidim custom state) is kept as the source writes it.
type State string

// The states.
const (
	StateNotAnswered State = "not_answered" // Decidim: no answer published (an empty state)
	StateEvaluating  State = "evaluating"   // Decidim: under evaluation
	StateAccepted    State = "accepted"
	StateRejected    State = "rejected"
	StateWithdrawn   State = "withdrawn"
	StateOpen        State = "open"     // CONSUL: still collecting supports
	StateArchived    State = "archived" // CONSUL: closed without reaching the threshold of supports
)

// Decided reports whether the state is a decision of the institution: accepted or
// rejected. Acceptance rates are accepted ÷ decided.
func (s State) Decided() bool { return s == StateAccepted || s == StateRejected }

// Proposal is one proposal read from the open data of a platform: what analyses use.
// Author names, e-mails and bodies are not kept (see the package documentation).
type Proposal struct {
	Layout    Layout `json:"layout"`
	ID        string `json:"id"`
	Reference string `json:"reference,omitempty"`
	// Title is keyed by locale; "und" when the source does not say which.
	Title  civic.Text `json:"title,omitempty"`
	Origin Origin     `json:"origin"`
	// Category and Subcategory are names (Decidim: in the first locale of the file, or the
	// category's ID when it has no name).
	Category    string `json:"category,omitempty"`
	Subcategory string `json:"subcategory,omitempty"`
	// Scope is the territorial scope: a Decidim scope's name; "city" or "district" in PAM
	// 2016, with the district's name in District.
	Scope    string `json:"scope,omitempty"`
	District string `json:"district,omitempty"`
	State    State  `json:"state"`
	// RawState is the state as the source writes it, when it differs from State.
	RawState string `json:"rawState,omitempty"`
	// Supports, Comments and Endorsements are nil when unknown (a column absent, an empty
	// field: Decidim leaves votes empty when they are hidden).
	Supports     *int64 `json:"supports"`
	Comments     *int64 `json:"comments"`
	Endorsements *int64 `json:"endorsements"`
	// Created, Published and Answered are dates, known to the day (times of day are not
	// kept).
	Created   civic.Date `json:"created,omitzero"`
	Published civic.Date `json:"published,omitzero"`
	Answered  civic.Date `json:"answered,omitzero"`
	// Amendment is true for a Decidim amendment of another proposal.
	Amendment bool `json:"amendment,omitempty"`
}

// Family is the family of actors of the proposal's origin ([Origin.Family]).
func (p *Proposal) Family() civic.Family { return p.Origin.Family() }

// Year is the year the proposal was created (published when the creation is unknown), ""
// when neither is known.
func (p *Proposal) Year() string {
	d := p.Created
	if d.IsZero() {
		d = p.Published
	}
	if d.IsZero() {
		return ""
	}
	return strconv.Itoa(d.Year)
}
