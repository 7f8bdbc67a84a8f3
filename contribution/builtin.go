package contribution

import (
	"bytes"
	"embed"
	"fmt"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/jsondec"
)

//go:embed data/call-2019.json data/sample-2019.json
var builtin embed.FS

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
