package contribution_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/civic-observatory/civic/bench/gen"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/schema"
)

// The benchmarks of the performance section. The bulk figures compared with ajv
// come from bench/compare.sh, which runs every validator on the same corpus in one run;
// these benchmarks follow the Go side between runs of that script.
//
//	go test ./contribution -run '^$' -bench . -benchmem -cpu 1

// benchCorpusSize is the size of the corpus of BenchmarkBulk, as in the issue.
const benchCorpusSize = 100_000

var benchCorpus = sync.OnceValues(func() ([][]byte, int) {
	g, err := gen.New(gen.Options{Seed: 1, NoCheck: true})
	if err != nil {
		panic(err)
	}
	out := make([][]byte, benchCorpusSize)
	valid := 0
	for i := range out {
		rec, fault := g.Next()
		out[i] = bytes.Clone(rec)
		if fault == gen.FaultNone {
			valid++
		}
	}
	return out, valid
})

func benchCall(b *testing.B) *contribution.Call {
	b.Helper()
	c, err := contribution.Call2019()
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// benchDoc is the first proposal of the built-in sample, a research presentation with
// every section filled (about 2.5 kB of French text).
func benchDoc(b *testing.B, c *contribution.Call) []byte {
	b.Helper()
	g, err := gen.New(gen.Options{Seed: 1, Invalid: -1})
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := g.Next()
	return bytes.Clone(doc)
}

// BenchmarkDecodeValidate decodes and validates one valid proposal with a reused Decoder.
func BenchmarkDecodeValidate(b *testing.B) {
	c := benchCall(b)
	doc := benchDoc(b, c)
	var (
		dec contribution.Decoder
		p   contribution.Proposal
	)
	if err := dec.Decode(doc, c, &p); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if err := dec.Decode(doc, c, &p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBulk decodes and validates the 100,000 proposals of the benchmark corpus
// (generated in-process by bench/gen, seed 1: about 90% valid) per operation, on one
// goroutine, and reports docs/s.
func BenchmarkBulk(b *testing.B) {
	c := benchCall(b)
	docs, want := benchCorpus()
	var size int64
	for _, d := range docs {
		size += int64(len(d))
	}
	var (
		dec contribution.Decoder
		p   contribution.Proposal
	)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		valid := 0
		for _, d := range docs {
			if dec.Decode(d, c, &p) == nil {
				valid++
			}
		}
		if valid != want {
			b.Fatalf("%d valid, want %d", valid, want)
		}
	}
	b.ReportMetric(float64(b.N)*float64(len(docs))/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkSanthosh validates the same corpus with santhosh-tekuri/jsonschema/v6 on the
// schema of the proposals to the 2019 call (UnmarshalJSON + Validate, formats asserted),
// the comparison point of the issue (ours must be at least 4 times faster).
func BenchmarkSanthosh(b *testing.B) {
	c := benchCall(b)
	raw, err := schema.ProposalFor(c)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		b.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	comp.AssertFormat()
	if err := comp.AddResource("proposal.json", doc); err != nil {
		b.Fatal(err)
	}
	sch, err := comp.Compile("proposal.json")
	if err != nil {
		b.Fatal(err)
	}
	docs, want := benchCorpus()
	var size int64
	for _, d := range docs {
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		valid := 0
		for _, d := range docs {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(d))
			if err == nil && sch.Validate(inst) == nil {
				valid++
			}
		}
		if valid != want {
			b.Fatalf("%d valid, want %d", valid, want)
		}
	}
	b.ReportMetric(float64(b.N)*float64(len(docs))/b.Elapsed().Seconds(), "docs/s")
}
