package contribution_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/contribution"
)

// TestReviewSample2019 checks the simulated review of the sample: the sample is not
// changed, every proposal ends decided, the accepted ones are exactly the selection and all
// confirmed, the journal verifies, and a second run gives the same result.
func TestReviewSample2019(t *testing.T) {
	c, err := contribution.Call2019()
	require.NoError(t, err)
	ps, err := contribution.Sample2019(c)
	require.NoError(t, err)
	r, err := contribution.ReviewSample2019(c, ps)
	require.NoError(t, err)
	for i, p := range ps {
		require.Equal(t, *p, r.Proposals[i].Proposal, "the records hold the submissions unchanged")
	}
	require.Len(t, r.Proposals, len(ps))
	require.Equal(t, 3, r.Reviewers)
	require.GreaterOrEqual(t, r.Reviews, len(ps), "every proposal is reviewed")
	count := map[contribution.State]int{}
	for _, p := range r.Proposals {
		count[p.State]++
	}
	require.Equal(t, len(r.Selection.Selected), count[contribution.StateConfirmed])
	require.Equal(t, 4, count[contribution.StateWaitlisted])
	require.Equal(t, len(ps)-len(r.Selection.Selected)-4, count[contribution.StateRejected])
	var confirmed []string
	for _, p := range r.Confirmed() {
		confirmed = append(confirmed, p.ID)
	}
	require.ElementsMatch(t, r.Selection.Selected, confirmed)

	var buf bytes.Buffer
	_, err = r.Board.Journal().WriteTo(&buf)
	require.NoError(t, err)
	res, err := contribution.VerifyJournal(&buf, contribution.ReviewWorkflow())
	require.NoError(t, err)

	again, err := contribution.ReviewSample2019(c, ps)
	require.NoError(t, err)
	require.Equal(t, r.Selection.Selected, again.Selection.Selected)
	buf.Reset()
	_, err = again.Board.Journal().WriteTo(&buf)
	require.NoError(t, err)
	res2, err := contribution.VerifyJournal(&buf, contribution.ReviewWorkflow())
	require.NoError(t, err)
	require.Equal(t, res.Head, res2.Head, "the same journal on every run")
}
