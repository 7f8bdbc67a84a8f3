package budget

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAgesAndMeasures(t *testing.T) {
	e, err := Villeneuve2024()
	require.NoError(t, err)
	o := Greedy(e, RuleGreedy)
	groups, unknown := Ages(e, o)
	require.Zero(t, unknown)
	require.Equal(t, "under-18", groups[0].Group)
	require.Equal(t, 30, groups[0].Voters, "the 30 young voters of Bord de Loire, 11 to 17")
	total := 0
	for _, g := range groups {
		total += g.Voters
		require.LessOrEqual(t, g.Represented, g.Voters)
	}
	require.Equal(t, e.NumVoters, total)

	m := Measure(e, o)
	require.Equal(t, "29/30", m.BudgetShare.RatString())
	var sum Money
	for _, s := range m.ByDistrict {
		sum += s.Cost.Minor
		require.Equal(t, "EUR", s.Cost.Currency)
	}
	require.Equal(t, o.Cost, sum, "districts add up to the funded cost")

	// No ages in the file: nil, never zeros.
	e2 := &Election{VoteType: Approval, Budget: 100, Projects: []Project{{ID: "a", Cost: 50}}}
	e2.AddBallot(Voter{ID: "1", Age: -1}, Ballot{Projects: []int32{0}})
	groups, unknown = Ages(e2, Greedy(e2, RuleGreedy))
	require.Nil(t, groups)
	require.Equal(t, 1, unknown)
	m2 := Measure(e2, Greedy(e2, RuleGreedy))
	require.Nil(t, m2.ByCategory, "no category column: n/a")
	require.Nil(t, m2.CategoryProportionality)
}
