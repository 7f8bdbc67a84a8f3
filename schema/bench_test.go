package schema_test

import (
	"testing"

	"github.com/civic-observatory/civic/schema"
)

// BenchmarkGenerate measures the reflection of every generic schema and of the proposal
// schema of the built-in call.
func BenchmarkGenerate(b *testing.B) {
	c := builtinCall(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, name := range schema.Types() {
			if _, err := schema.Generate(name); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := schema.ProposalFor(c); err != nil {
			b.Fatal(err)
		}
	}
}
