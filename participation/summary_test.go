package participation_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/participation"
)

func TestSummariserMatchesSummarise(t *testing.T) {
	b := builtin(t)
	var m participation.Summariser
	for i := range b.Devices {
		m.Add(&b.Devices[i])
	}
	assert.Equal(t, participation.Summarise(b.Devices), m.Summary())
	assert.Equal(t, participation.Summary{Indicators: map[string]int{}}, new(participation.Summariser).Summary(), "the zero value")
	s := m.Summary()
	assert.Less(t, s.EvaluatedShare, 0.7, "most devices are not evaluated in the fictional data, as in the field")
	assert.GreaterOrEqual(t, len(s.Indicators), 6)
}

// ExampleSummarySheet publishes the summary of the built-in Baromètre as CSV.
func ExampleSummarySheet() {
	b, err := participation.Barometre2019()
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	participation.SummarySheet(participation.Summarise(b.Devices)).Write(&buf, "csv", 5, language.French)
	lines := strings.Split(buf.String(), "\n")
	for _, l := range lines[:4] {
		os.Stdout.WriteString(l + "\n")
	}
	// Output:
	// metric,value,value_masked
	// devices,120,false
	// evaluated,62,false
	// evaluated_share,0.5167,false
}
