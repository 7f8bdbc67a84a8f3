package contribution_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/contribution"
)

func TestAcceptanceRates(t *testing.T) {
	c, err := contribution.Call2019()
	require.NoError(t, err)
	ps, err := contribution.Sample2019(c)
	require.NoError(t, err)
	states := []contribution.State{contribution.StateAccepted, contribution.StateRejected, contribution.StateConfirmed,
		contribution.StateWaitlisted, contribution.StateSubmitted, contribution.StateWithdrawn}
	rs := make([]*contribution.Record, len(ps))
	for i, p := range ps {
		rs[i] = contribution.NewRecord(p)
		rs[i].State = states[i%len(states)]
	}
	dims := contribution.ProposalDimensions(c)
	format, _ := analysis.FindDimension(dims, "format")
	rates := contribution.AcceptanceRates(rs, format, language.French)
	var acc, dec int
	for _, r := range rates {
		acc, dec = acc+r.Accepted, dec+r.Decided
		assert.InDelta(t, float64(r.Accepted)/float64(r.Decided), r.Rate, 1e-12)
	}
	want := 0
	for _, p := range rs {
		if p.State != contribution.StateSubmitted && p.State != contribution.StateWithdrawn {
			want++
		}
	}
	assert.Equal(t, want, dec, "submitted and withdrawn proposals are not decided")
	assert.Equal(t, want/2, acc)
}
