package contribution_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/internal/jsondec"
)

// Duplicate e-mails are found the same way with few contributors (a scan) and many (a
// set), each duplicate reported once at its own path.
func TestDuplicateContributors(t *testing.T) {
	c := call2019(t)
	for _, n := range []int{2, 8, 9, 40} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			p := sampleJSON(t, "p001")
			var people []any
			for i := range n {
				email := fmt.Sprintf("p%d@example.org", i%(n/2+1))
				people = append(people, map[string]any{"name": fmt.Sprintf("Personne %d", i), "email": email,
					"organisation": map[string]any{"name": "Commune", "kind": "commune", "country": "FR"}})
			}
			p["contributors"] = people
			data, err := json.Marshal(p)
			require.NoError(t, err)
			_, err = contribution.DecodeProposal(data, c)
			require.Error(t, err)
			var dups []string
			for _, e := range err.(*civic.ValidationError).Errors {
				if e.Code == civic.CodeDuplicate {
					dups = append(dups, e.Path.String())
				}
			}
			var want []string
			for i := n/2 + 1; i < n; i++ {
				want = append(want, fmt.Sprintf("contributors[%d].email", i))
			}
			require.Equal(t, want, dups)
		})
	}
}

// A proposal listing 40,000 contributors of the wrong type, or 100,000 empty ones, reports
// the first problems and too_many_problems instead of one problem per item (issue 12: 29.8 s
// and 7 s of CPU before; BenchmarkHostile in the root package measures the time per byte).
func TestHostileContributorsCapped(t *testing.T) {
	c := call2019(t)
	for name, item := range map[string]string{"numbers": "1", "empty objects": "{}"} {
		t.Run(name, func(t *testing.T) {
			data := `{"contributors":[` + strings.TrimSuffix(strings.Repeat(item+",", 40000), ",") + `]}`
			_, err := contribution.DecodeProposal([]byte(data), c)
			errs := err.(*civic.ValidationError).Errors
			require.Equal(t, jsondec.DefaultMaxProblems+1, len(errs))
			require.Equal(t, civic.CodeTooManyProblems, errs[len(errs)-1].Code)
		})
	}
}
