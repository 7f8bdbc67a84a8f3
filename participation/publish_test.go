package participation_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/participation"
)

func TestSheetMasking(t *testing.T) {
	rates := []participation.Rate{
		{Category: "académique", Accepted: 9, Decided: 16, Rate: 9.0 / 16},
		{Category: "entreprise", Accepted: 2, Decided: 6, Rate: 2.0 / 6},  // few accepted
		{Category: "association", Accepted: 8, Decided: 9, Rate: 8.0 / 9}, // few refused
		{Category: "citoyen", Accepted: 0, Decided: 3, Rate: 0},           // few decided
	}
	sh := participation.RateSheet("rates", rates)
	tests := []struct {
		format string
		want   []string
	}{
		{"text", []string{"académique          9       16  56.25 %", "entreprise         <5        6       <5", "association        <5        9       <5", "citoyen            <5       <5       <5"}},
		{"csv", []string{"category,accepted,decided,rate\n", "académique,9,16,0.5625\n", "entreprise,,6,\n", "citoyen,,,\n"}},
		{"md", []string{"| category | accepted | decided | rate |\n| --- | --- | --- | --- |\n", "| entreprise | <5 | 6 | <5 |"}},
		{"json", []string{`"accepted": null`, `"rate": 0.5625`}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, sh.Write(&buf, tt.format, 5, language.French))
			for _, w := range tt.want {
				assert.Contains(t, buf.String(), w)
			}
		})
	}
	var buf bytes.Buffer
	require.NoError(t, sh.Write(&buf, "csv", 1, language.French))
	assert.NotContains(t, buf.String(), ",,", "k=1 masks nothing")
	assert.Error(t, sh.Write(&buf, "xml", 5, language.French))
}

// TestRepresentationJSON checks that a category absent from the reference has no ratio,
// and that the result encodes to JSON (an infinite ratio would not).
func TestRepresentationJSON(t *testing.T) {
	r := participation.Represent(map[string]int64{"18-24": 40, "25-39": 60, "0-17": 3}, participation.FranceAges2019())
	_, err := json.Marshal(r)
	require.NoError(t, err)
	last := r.Rows[len(r.Rows)-1]
	assert.Equal(t, "0-17", last.Category)
	assert.Nil(t, last.Ratio)
	var buf bytes.Buffer
	require.NoError(t, participation.RepresentationSheet("ages", r).Write(&buf, "json", 5, language.English))
	assert.True(t, json.Valid(buf.Bytes()))
	assert.Contains(t, buf.String(), `"participants": null`, "3 participants aged 0-17 are masked")
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
	assert.Less(t, s.EvaluatedShare, 0.7, "most devices are not evaluated in the fictional data, as in the field")
	assert.GreaterOrEqual(t, len(s.Indicators), 6)
}

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
	dims := participation.ProposalDimensions(c)
	format, _ := participation.FindDimension(dims, "format")
	rates := participation.AcceptanceRates(rs, format, language.French)
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

// ExampleRateSheet publishes acceptance rates with groups below 5 masked: the rate of a
// family with few refusals would reveal them.
func ExampleRateSheet() {
	rates := []participation.Rate{
		{Category: "public", Accepted: 9, Decided: 14, Rate: 9.0 / 14},
		{Category: "association", Accepted: 6, Decided: 8, Rate: 6.0 / 8},
	}
	participation.RateSheet("rates_family", rates).Write(os.Stdout, "text", 5, language.French)
	// Output:
	// category     accepted  decided     rate
	// public              9       14  64.29 %
	// association        <5        8       <5
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
	// metric,value
	// devices,120
	// evaluated,67
	// evaluated_share,0.5583
}
