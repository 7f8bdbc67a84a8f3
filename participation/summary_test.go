package participation_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/participation"
)

// TestSummaryUnknown checks that a figure nothing rests on is unknown ("n/a", null, an
// empty CSV field), never 0: no population, no budget, no contributions, no evaluation.
func TestSummaryUnknown(t *testing.T) {
	devs := []participation.Device{{
		Outcomes:   participation.Outcomes{Participants: 40},
		Evaluation: participation.Evaluation{Format: "none", Indicators: []participation.Indicator{{Name: "taux"}}},
	}}
	s := participation.Summarise(devs)
	assert.Nil(t, s.ParticipationRate, "no population")
	assert.Nil(t, s.CostPerParticipant, "no budget")
	assert.Nil(t, s.TakenIntoAccount, "no contributions")
	require.NotNil(t, s.EvaluatedShare)
	assert.Zero(t, *s.EvaluatedShare, "a known zero stays 0")
	assert.Nil(t, participation.Summarise(nil).EvaluatedShare, "no devices")

	for _, tc := range []struct{ format, want string }{
		{"text", "n/a"},
		{"csv", "participation_rate_median,,false\n"},
		{"json", `"value": null`},
	} {
		var buf bytes.Buffer
		require.NoError(t, participation.SummarySheet(s).Write(&buf, tc.format, 1, language.English))
		out := buf.String()
		assert.Contains(t, out, tc.want, tc.format)
		assert.NotContains(t, out, "0.0000 %", tc.format)
		assert.NotContains(t, out, "0.00\n", tc.format)
		if tc.format == "text" {
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, "Median participation") || strings.HasPrefix(l, "Cost per participant") || strings.HasPrefix(l, "Share of contributions") {
					assert.True(t, strings.HasSuffix(strings.TrimSpace(l), "n/a"), "%q", l)
				}
			}
		}
	}
	var buf bytes.Buffer
	require.NoError(t, participation.IndicatorSheet(s, language.English).Write(&buf, "text", 1, language.English))
	assert.Contains(t, buf.String(), "n/a", "share of evaluated devices when none is evaluated")
}

// TestAgeGroups checks the under-18 group, first, and that a device counts it.
func TestAgeGroups(t *testing.T) {
	assert.Equal(t, []string{"under-18", "18-24", "25-39", "40-59", "60+"}, participation.AgeGroups())
	d := builtin(t).Devices[0]
	d.Outcomes.Ages = map[string]int64{"under-18": 10, "18-24": 5}
	require.NoError(t, d.Validate())
	var buf bytes.Buffer
	require.NoError(t, participation.WriteCSV(&buf, []participation.Device{d}, false))
	assert.Contains(t, buf.String(), "age_under_18")
	rd := participation.NewReader(&buf)
	got, ok := rd.Next()
	require.True(t, ok)
	require.NoError(t, rd.RowErr())
	assert.Equal(t, d.Outcomes.Ages, got.Outcomes.Ages)
}

// TestSummaryCurrencies checks that budgets are added up within one currency only: a
// budget in another currency is reported apart and left out of the cost per participant.
func TestSummaryCurrencies(t *testing.T) {
	devs := []participation.Device{
		{Means: participation.Means{Budget: 5000}, Outcomes: participation.Outcomes{Participants: 100}},
		{Means: participation.Means{Budget: 1000, Currency: "EUR"}, Outcomes: participation.Outcomes{Participants: 100}},
		{Means: participation.Means{Budget: 900000, Currency: "PLN"}, Outcomes: participation.Outcomes{Participants: 10}},
		{Means: participation.Means{Budget: 300, Currency: "CHF"}},
		{Means: participation.Means{Budget: 100, Currency: "PLN"}},
	}
	s := participation.Summarise(devs)
	assert.Equal(t, int64(6000), s.Budget)
	assert.Equal(t, map[string]int64{"PLN": 900100, "CHF": 300}, s.OtherBudgets)
	require.NotNil(t, s.CostPerParticipant)
	assert.InDelta(t, 30.0, *s.CostPerParticipant, 1e-9, "euros only")
	assert.Equal(t, 2, s.CostDevices)

	d := builtin(t).Devices[0]
	d.Means.Currency = "eur"
	assert.ErrorContains(t, d.Validate(), "invalid_currency")
	d.Means.Currency = "PLN"
	require.NoError(t, d.Validate())
	var buf bytes.Buffer
	require.NoError(t, participation.WriteCSV(&buf, []participation.Device{d}, false))
	got, ok := participation.NewReader(&buf).Next()
	require.True(t, ok)
	assert.Equal(t, "PLN", got.Means.Currency)
}

func TestSummariserMatchesSummarise(t *testing.T) {
	b := builtin(t)
	var m participation.Summariser
	for i := range b.Devices {
		m.Add(&b.Devices[i])
	}
	assert.Equal(t, participation.Summarise(b.Devices), m.Summary())
	assert.Equal(t, participation.Summary{Indicators: map[string]int{}}, new(participation.Summariser).Summary(), "the zero value")
	s := m.Summary()
	require.NotNil(t, s.EvaluatedShare)
	assert.Less(t, *s.EvaluatedShare, 0.7, "most devices are not evaluated in the fictional data, as in the field")
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
