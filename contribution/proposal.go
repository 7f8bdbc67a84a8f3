package contribution

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"github.com/civic-observatory/civic"
)

// Proposal is a proposed contribution to an event, sent in answer to a [Call]: what its
// author writes, and nothing the workflow owns (state, version, decisions, the time of
// submission: see [Record]). The zero value is an empty draft.
type Proposal struct {
	// ID identifies the proposal, matching [civic.IDPattern].
	ID string `json:"id"`
	// Title is the proposal's title.
	Title string `json:"title"`
	// Summary presents the proposal.
	Summary string `json:"summary"`
	// Format is the ID of one of the call's formats.
	Format string `json:"format"`
	// Language is the BCP 47 tag of the language the contribution would be given in.
	Language string `json:"language"`
	// Axes are the IDs of the call's axes the proposal addresses (formats with Axes only).
	Axes []string `json:"axes,omitempty"`
	// Questions are references ("1.3") to the guiding questions the proposal addresses;
	// each must belong to one of Axes.
	Questions []string `json:"questions,omitempty"`
	// Contributors are the people who would present, the first being the contact.
	Contributors []civic.Person `json:"contributors"`
	// Answers are the answers to the questions of the format's form ([Format.Fields]).
	// In the JSON document each answer is a member of the proposal named after its field
	// ("results", "pitch"…), after the members above.
	Answers Answers `json:"-"`
}

// Families returns the families of the proposal's contributors, without repetition, in
// the order of [civic.Families].
func (p *Proposal) Families() []civic.Family {
	var out []civic.Family
	for _, f := range civic.Families() {
		for _, c := range p.Contributors {
			if c.Family() == f {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// Family returns the family of the proposal's first contributor, the one the diversity of
// the programme counts it under, or "" without contributors.
func (p *Proposal) Family() civic.Family {
	if len(p.Contributors) == 0 {
		return ""
	}
	return p.Contributors[0].Family()
}

// International reports whether some contributor's organisation is based outside the call's home country.
func (p *Proposal) International(c *Call) bool {
	for _, x := range p.Contributors {
		if x.Organisation != nil && c.International(x.Organisation.Country) {
			return true
		}
	}
	return false
}

// MarshalJSON writes the proposal as one JSON object: its own members, then one member
// per answer, named after its field.
func (p Proposal) MarshalJSON() ([]byte, error) {
	type plain Proposal
	b, err := json.Marshal((*plain)(&p))
	if err != nil || len(p.Answers) == 0 {
		return b, err
	}
	for _, a := range p.Answers {
		if slices.Contains(ReservedFields(), a.Field) {
			return nil, fmt.Errorf("contribution: answer %q has the name of a member of every proposal", a.Field)
		}
	}
	return appendAnswers(b[:len(b)-1], p.Answers, len(b) > 2)
}

// UnmarshalJSON reads a proposal with encoding/json. Answers are kept as written
// ([KindRaw]) since no call says how to read them: validating the proposal against its
// call reads them. Prefer [DecodeProposal], which reads answers against the call.
func (p *Proposal) UnmarshalJSON(data []byte) error {
	type plain Proposal
	var q plain
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return &json.UnmarshalTypeError{Value: fmt.Sprint(tok), Type: reflect.TypeFor[Proposal]()}
	}
	own := map[string]json.RawMessage{}
	var answers Answers
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if slices.Contains(ReservedFields(), key) {
			own[key] = raw
			continue
		}
		answers = append(answers, Answer{Field: key, Value: Value{Kind: KindRaw, Text: string(raw)}})
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	mine, err := json.Marshal(own)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(mine, &q); err != nil {
		return err
	}
	*p = Proposal(q)
	p.Answers = answers
	return nil
}
