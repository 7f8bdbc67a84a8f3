package contribution_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// TestCallAxesProblemsHaveFullPaths checks that the problems of the axes a call holds,
// decoded by axis.Set.UnmarshalJSON, are reported under the call's path.
func TestCallAxesProblemsHaveFullPaths(t *testing.T) {
	data := contribution.Call2019JSON()
	bad := bytes.Replace(data, []byte("\n  \"axes\": ["), []byte("\n  \"axes\": [{\"id\": 7, \"colour\": \"red\"}, "), 1)
	require.NotEqual(t, data, bad, "the call document has an axes member")
	_, err := contribution.DecodeCall(bad)
	require.Error(t, err)
	var v *civic.ValidationError
	require.ErrorAs(t, err, &v)
	require.True(t, v.Has(civic.CodeUnknownField, civic.Path{}.Key("axes").Index(0).Key("colour")), "%v", err)
	require.True(t, v.Has(civic.CodeType, civic.Path{}.Key("axes").Index(0).Key("id")), "%v", err)
}
