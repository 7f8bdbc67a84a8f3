package analysis_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/analysis"
)

func TestSheetMasking(t *testing.T) {
	rates := []analysis.Rate{
		{Category: "académique", Accepted: 9, Decided: 16, Rate: 9.0 / 16},
		{Category: "entreprise", Accepted: 2, Decided: 6, Rate: 2.0 / 6},  // few accepted
		{Category: "association", Accepted: 8, Decided: 9, Rate: 8.0 / 9}, // few refused
		{Category: "citoyen", Accepted: 0, Decided: 3, Rate: 0},           // few decided
	}
	sh := analysis.RateSheet("rates", rates)
	tests := []struct {
		format string
		want   []string
	}{
		{"text", []string{"académique          9       16  56.25 %", "entreprise         <5        6       <5", "association        <5        9       <5", "citoyen            <5       <5       <5"}},
		{"csv", []string{"category,accepted,decided,rate,accepted_masked,decided_masked,rate_masked\n", "académique,9,16,0.5625,false,false,false\n",
			"entreprise,,6,,true,false,true\n", "citoyen,,,,true,true,true\n"}},
		{"md", []string{"| category | accepted | decided | rate |\n| --- | --- | --- | --- |\n", "| entreprise | &lt;5 | 6 | &lt;5 |"}},
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
	r := analysis.Represent(map[string]int64{"18-24": 40, "25-39": 60, "0-17": 3}, map[string]float64{"18-24": 0.10, "25-39": 0.24, "40-59": 0.33, "60+": 0.33})
	_, err := json.Marshal(r)
	require.NoError(t, err)
	last := r.Rows[len(r.Rows)-1]
	assert.Equal(t, "0-17", last.Category)
	assert.Nil(t, last.Ratio)
	var buf bytes.Buffer
	require.NoError(t, analysis.RepresentationSheet("ages", r).Write(&buf, "json", 5, language.English))
	assert.True(t, json.Valid(buf.Bytes()))
	assert.Contains(t, buf.String(), `"participants": null`, "3 participants aged 0-17 are masked")
}

func TestRepresent(t *testing.T) {
	r := analysis.Represent(map[string]int64{"young": 10, "old": 30}, map[string]float64{"young": 50, "old": 50})
	assert.InDelta(t, 0.25, r.TVD, 1e-9)
	assert.Equal(t, "old", r.Rows[0].Category)
	require.NotNil(t, r.Rows[0].Ratio)
	assert.InDelta(t, 1.5, *r.Rows[0].Ratio, 1e-9)
	assert.Equal(t, int64(10), r.Rows[1].Count)
}

// TestMaskingCannotBeUndone checks that no masked count can be recovered from what a
// table prints: every row and column holding a masked count has its total hidden, and so
// has the grand total.
func TestMaskingCannotBeUndone(t *testing.T) {
	tab := analysis.NewTab("kind", "level")
	for range 7 {
		tab.Add([]string{"a"}, []string{"x"})
	}
	tab.Add([]string{"a"}, []string{"y"})
	tab.Add([]string{"a"}, []string{"y"})
	for range 6 {
		tab.Add([]string{"b"}, []string{"y"})
	}
	var buf bytes.Buffer
	require.NoError(t, tab.Table(language.French).Write(&buf, "csv", 5))
	// CSV: numbers only in number columns; masked counts and the totals that would reveal
	// them are empty, flagged, without a share; shares are of the 13 published.
	assert.Equal(t, "kind,level,count,masked,share,denominator\n"+
		"a,x,7,false,0.538462,13\na,y,,true,,13\na,(total),,true,,13\n"+
		"b,x,0,false,0.000000,13\nb,y,6,false,0.461538,13\nb,(total),6,false,0.461538,13\n"+
		"(total),x,7,false,0.538462,13\n(total),y,,true,,13\n(total),(total),,true,,13\n", buf.String())
	buf.Reset()
	require.NoError(t, tab.Table(language.French).Write(&buf, "text", 5))
	assert.Equal(t, "kind \\ level  x   y  total\na             7  <5      *\nb             0   6      6\ntotal         7   *      *\n", buf.String())
	buf.Reset()
	require.NoError(t, tab.Table(language.French).Write(&buf, "json", 5))
	assert.Contains(t, buf.String(), `"records": 0`)
}

// ExampleRateSheet publishes acceptance rates with groups below 5 masked: the rate of a
// family with few refusals would reveal them.
func ExampleRateSheet() {
	rates := []analysis.Rate{
		{Category: "public", Accepted: 9, Decided: 14, Rate: 9.0 / 14},
		{Category: "association", Accepted: 6, Decided: 8, Rate: 6.0 / 8},
	}
	analysis.RateSheet("rates_family", rates).Write(os.Stdout, "text", 5, language.French)
	// Output:
	// category     accepted  decided     rate
	// public              9       14  64.29 %
	// association        <5        8       <5
}
