package contribution_test

import (
	"testing"

	"github.com/civic-observatory/civic/contribution"
)

// BenchmarkSelect500 solves a selection of 500 proposals with places per format, family
// minimums and maximums, axis minimums and English and international shares, exactly.
func BenchmarkSelect500(b *testing.B) {
	cs, q := randomInstance(42, 500)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := contribution.Select(cs, q, contribution.SelectOptions{Explain: -1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSelect500Explained adds the explanations of the five best proposals left out
// (five more exact solves).
func BenchmarkSelect500Explained(b *testing.B) {
	cs, q := randomInstance(42, 500)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := contribution.Select(cs, q, contribution.SelectOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
