package jsondec

import (
	"bytes"
	"encoding/json"
	"testing"
)

// BenchmarkProposal decodes a ~600-byte French proposal into a struct by hand, reusing the
// decoder as bulk validation does.
func BenchmarkProposal(b *testing.B) {
	data := compactProposal(b)
	d := New(data, Limits{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d.Reset(data)
		var p proposal
		decodeProposal(d, &p, false)
		d.End()
		if d.Err() != nil {
			b.Fatal(d.Err())
		}
	}
}

// BenchmarkProposalNew is BenchmarkProposal with a new decoder for each document.
func BenchmarkProposalNew(b *testing.B) {
	data := compactProposal(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d := New(data, Limits{})
		var p proposal
		decodeProposal(d, &p, false)
		d.End()
		if d.Err() != nil {
			b.Fatal(d.Err())
		}
	}
}

// BenchmarkProposalEncodingJSON is the same decoding with encoding/json, unknown fields
// refused.
func BenchmarkProposalEncodingJSON(b *testing.B) {
	data := compactProposal(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var p proposal
		if err := dec.Decode(&p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProposalUnmarshal is json.Unmarshal, which cannot refuse unknown fields.
func BenchmarkProposalUnmarshal(b *testing.B) {
	data := compactProposal(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var p proposal
		if err := json.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSkip checks the syntax of the proposal without decoding it.
func BenchmarkSkip(b *testing.B) {
	data := compactProposal(b)
	d := New(data, Limits{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d.Reset(data)
		d.End()
	}
}

// BenchmarkProposalValidate decodes the proposal and checks its e-mail addresses.
func BenchmarkProposalValidate(b *testing.B) {
	data := compactProposal(b)
	d := New(data, Limits{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d.Reset(data)
		var p proposal
		decodeProposal(d, &p, true)
		d.End()
		if d.Err() != nil {
			b.Fatal(d.Err())
		}
	}
}

// compactProposal returns the proposal without indentation, as a form posts it.
func compactProposal(b *testing.B) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(proposalJSON)); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkValid(b *testing.B) {
	data := compactProposal(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		json.Valid(data)
	}
}
