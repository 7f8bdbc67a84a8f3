package budget

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

func ids(e *Election, ps []int) []string {
	out := make([]string, len(ps))
	for k, p := range ps {
		out[k] = e.Projects[p].ID
	}
	slices.Sort(out)
	return out
}

// exceptions lists the files whose selected column no rule of this package reproduces, and why.
var exceptions = map[string]string{
	// Warsaw funds projects by its own rules (a project needs a share of the district's
	// votes, and projects are funded beyond the strict greedy order when money is left
	// over in a subarea): the file's rule is "greedy" but its outcome is not greedy's.
	"Poland_Warszawa_2020_Bialoleka.pb": "Warsaw-specific rule",
}

// TestRulesReproduceSelected checks, for every real file that has a selected column and
// names a rule this package implements, that the computed outcome is the official one.
func TestRulesReproduceSelected(t *testing.T) {
	checked := 0
	for _, path := range realFiles(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			e, _ := readFile(t, path)
			want, ok := e.SelectedInFile()
			rule, known := RuleName(e.Rule)
			if !ok || !known {
				t.Logf("no selected column or unknown rule %q: outcome not compared", e.Rule)
				return
			}
			o, err := Compute(e, rule)
			require.NoError(t, err)
			if why, ok := exceptions[name]; ok {
				require.NotEqual(t, ids(e, want), ids(e, o.Selected), "%s is listed as an exception (%s) but now matches", name, why)
				return
			}
			require.Equal(t, ids(e, want), ids(e, o.Selected), rule)
			checked++
			cost := Money(0)
			for _, p := range o.Selected {
				cost += e.Projects[p].Cost
			}
			require.Equal(t, cost, o.Cost)
			require.LessOrEqual(t, o.Cost, e.Budget)
		})
	}
	require.Equal(t, 9, checked, "files compared with their selected column")
}
