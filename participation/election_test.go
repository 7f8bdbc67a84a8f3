package participation_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/participation"
	"github.com/civic-observatory/civic/participation/budget"
)

// TestElectionMeasures checks that a PB device reports its election's outcome measures,
// the same as budget computes them, and that another kind of device is refused.
func TestElectionMeasures(t *testing.T) {
	d := participation.Device{ID: "pb", Kind: participation.KindBudget}
	m, _, err := participation.ElectionMeasures(&d, bytes.NewReader(budget.Villeneuve2024File()), budget.RuleGreedy)
	require.NoError(t, err)
	e, err := budget.Villeneuve2024()
	require.NoError(t, err)
	want, err := budget.Compute(e, budget.RuleGreedy)
	require.NoError(t, err)
	wm := budget.Measure(e, want)
	assert.Equal(t, wm.Cost, m.Cost)
	assert.Equal(t, wm.Funded, m.Funded)
	assert.Positive(t, m.Funded)

	_, _, err = participation.ElectionMeasures(&d, bytes.NewReader([]byte("META\nkey;value\n")), "")
	assert.Error(t, err, "a broken file")
	d.Kind = participation.KindPetition
	_, _, err = participation.ElectionMeasures(&d, bytes.NewReader(budget.Villeneuve2024File()), "")
	assert.ErrorContains(t, err, "not a participatory budget")
}
