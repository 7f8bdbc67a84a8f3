package contribution

import (
	"bytes"
	"embed"
	"fmt"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/jsondec"
)

//go:embed data/call-2019.json data/sample-2019.json data/rencontres-2027-call.json data/rencontres-2027-sample.json
var builtin embed.FS

// The built-in examples, by name.
const (
	// ExampleJournee2019 is the Journée de la civic tech et de l'engagement citoyen of
	// 18 March 2019 ([Call2019], [Sample2019]), the default.
	ExampleJournee2019 = "journee-2019"
	// ExampleRencontres2027 is the fictional Rencontres de la participation citoyenne
	// 2027 ([Rencontres2027], [Rencontres2027Sample]).
	ExampleRencontres2027 = "rencontres-2027"
)

// Examples returns the names of the built-in examples, the default first.
func Examples() []string { return []string{ExampleJournee2019, ExampleRencontres2027} }

// examplePaths returns the embedded call and sample of the example, or false.
func examplePaths(name string) (call, sample string, ok bool) {
	switch name {
	case ExampleJournee2019:
		return "data/call-2019.json", "data/sample-2019.json", true
	case ExampleRencontres2027:
		return "data/rencontres-2027-call.json", "data/rencontres-2027-sample.json", true
	}
	return "", "", false
}

// BuiltinCall returns the call of the built-in example with the name (one of
// [Examples]), decoded and validated like any user document; each call returns a fresh
// copy.
func BuiltinCall(name string) (*Call, error) {
	path, _, ok := examplePaths(name)
	if !ok {
		return nil, fmt.Errorf("contribution: no built-in example %q", name)
	}
	data, err := builtin.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := DecodeCall(data)
	if err != nil {
		return nil, fmt.Errorf("contribution: built-in call %s: %w", name, err)
	}
	return c, nil
}

// BuiltinCallJSON returns the embedded JSON document of the example's call, or nil.
func BuiltinCallJSON(name string) []byte {
	path, _, ok := examplePaths(name)
	if !ok {
		return nil
	}
	data, _ := builtin.ReadFile(path)
	return data
}

// BuiltinSample returns the sample proposals of the built-in example with the name,
// decoded and validated against c (normally [BuiltinCall] of the same name).
func BuiltinSample(name string, c *Call) ([]*Proposal, error) {
	_, path, ok := examplePaths(name)
	if !ok {
		return nil, fmt.Errorf("contribution: no built-in example %q", name)
	}
	data, err := builtin.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return DecodeProposals(data, c)
}

// Rencontres2027 returns the call of the second built-in example, which shares nothing
// with 2019: the fictional Rencontres de la participation citoyenne 2027 in Montréal,
// 8–10 June 2027 (America/Toronto), deadline 15 March 2027 23:59, with four formats of its
// own — a 30-minute talk (level, outline, recording and, when recorded, its licence), a
// 90-minute workshop for at most 25 participants (target audience, number of participants,
// how it runs, materials), a poster presented in a poster session (size, fieldwork period,
// work in progress) and a 5-minute lightning talk — and three axes of its own.
func Rencontres2027() (*Call, error) { return BuiltinCall(ExampleRencontres2027) }

// Rencontres2027Sample returns the 40 fictional sample proposals to [Rencontres2027]
// (17 talks, 7 workshops, 8 posters, 8 lightning talks, in French and English, every
// family of actors, some international), decoded and validated against c.
func Rencontres2027Sample(c *Call) ([]*Proposal, error) {
	return BuiltinSample(ExampleRencontres2027, c)
}

// Call2019 returns the built-in call for contributions to the Journée de la civic tech et
// de l'engagement citoyen of 18 March 2019: its four formats, its four axes with their
// guiding questions word for word in French with an English translation, and its rules.
// It is decoded and validated from an embedded JSON document by [DecodeCall], like any
// user document; each call returns a fresh copy.
func Call2019() (*Call, error) {
	data, err := builtin.ReadFile("data/call-2019.json")
	if err != nil {
		return nil, err
	}
	c, err := DecodeCall(data)
	if err != nil {
		return nil, fmt.Errorf("contribution: built-in call: %w", err)
	}
	return c, nil
}

// Call2019JSON returns the embedded JSON document of the built-in call, for platforms
// that want to start their own call from it.
func Call2019JSON() []byte {
	data, _ := builtin.ReadFile("data/call-2019.json")
	return data
}

// Sample2019 returns the built-in sample of fictional proposals to the 2019 call (in
// French and English, every format, axis and family, a few international), decoded and
// validated against c. The people and organisations are invented.
func Sample2019(c *Call) ([]*Proposal, error) {
	data, err := builtin.ReadFile("data/sample-2019.json")
	if err != nil {
		return nil, err
	}
	return DecodeProposals(data, c)
}

// DecodeProposals decodes a JSON array of proposals (or NDJSON, one per line) and
// validates each against the call. Problems are reported with the record's index in the
// path ("[3].title"). All proposals are returned, valid or not, in order.
func DecodeProposals(data []byte, c *Call) ([]*Proposal, error) {
	var (
		dec  Decoder
		out  []*Proposal
		all  civic.ValidationError
		recs = jsondec.NewRecords(bytes.NewReader(data), 0)
	)
	for recs.Next() {
		p := new(Proposal)
		if err := recs.RecordErr(); err != nil {
			all.Add(civic.Path{}.Index(recs.Index()-1), civic.CodeTooLarge, jsondec.DefaultMaxRecord)
			out = append(out, p)
			continue
		}
		all.Merge(civic.Path{}.Index(recs.Index()-1), dec.Decode(recs.Record(), c, p))
		out = append(out, p)
	}
	if err := recs.Err(); err != nil {
		return out, err
	}
	return out, all.Err()
}
