package opendata_test

import (
	"encoding/csv"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/internal/shared"
	"github.com/civic-observatory/civic/participation/opendata"
)

const pamFile = "real/civic/decidim_barcelona_pam2016/pam2016_proposals.csv"

// readAll reads a file in full, failing on any problem, and returns its proposals and
// warnings.
func readAll(t testing.TB, path string, src opendata.Source) ([]*opendata.Proposal, []*civic.FieldError) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var warns []*civic.FieldError
	rd := opendata.NewReader(f, opendata.Options{Source: src, Warn: func(e *civic.FieldError) { warns = append(warns, e) }})
	var out []*opendata.Proposal
	for {
		p, ok := rd.Next()
		if !ok {
			break
		}
		require.NoError(t, rd.RowErr())
		c := *p
		out = append(out, &c)
	}
	require.NoError(t, rd.Err())
	return out, warns
}

// rawCounts counts, straight from the raw CSV with encoding/csv and the column names, the
// decided proposals (accepted or rejected) and the accepted ones of each value of a
// column: an independent check of the reader and of the rates.
func rawCounts(t *testing.T, path, column string) (accepted, decided map[string]int) {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col, status := -1, -1
	for i, h := range recs[0] {
		switch h {
		case column:
			col = i
		case "status":
			status = i
		}
	}
	accepted, decided = map[string]int{}, map[string]int{}
	for _, r := range recs[1:] {
		switch r[status] {
		case "accepted":
			accepted[r[col]]++
			decided[r[col]]++
		case "rejected":
			decided[r[col]]++
		}
	}
	return accepted, decided
}

func TestPAM2016(t *testing.T) {
	path := shared.Path(t, pamFile)
	ps, warns := readAll(t, path, opendata.SourceDecidim)
	// wc -l gives 10861 lines: the header and 10,860 proposals, none spanning two lines.
	require.Len(t, ps, 10860)
	// The file has 17 columns; those not read are listed, once each.
	var unused []string
	for _, w := range warns {
		require.Equal(t, civic.CodeUnusedColumn, w.Code, w.Error())
		unused = append(unused, w.Args[0].(string))
	}
	require.Equal(t, []string{"positive_comments", "neutral_comments", "negative_comments"}, unused)
	first := ps[0]
	require.Equal(t, opendata.LayoutPAM2016, first.Layout)
	require.Equal(t, "BCN-2016-01-3", first.Reference)
	require.Equal(t, opendata.OriginOfficial, first.Origin)
	require.Equal(t, civic.FamilyPublic, first.Family())
	require.Equal(t, "Bon viure", first.Category)
	require.Equal(t, "Gràcia", first.District)
	require.Equal(t, civic.DayDate(2016, 1, 22), first.Created)
	require.EqualValues(t, 17, *first.Supports)

	dims := opendata.Dimensions()
	for _, column := range []string{"source", "category"} {
		name := map[string]string{"source": "origin", "category": "category"}[column]
		d, ok := analysis.FindDimension(dims, name)
		require.True(t, ok)
		acc, dec := rawCounts(t, path, column)
		rates := opendata.AcceptanceRates(ps, d, language.Catalan)
		require.Len(t, rates, len(dec))
		for _, r := range rates {
			require.Equal(t, dec[r.Category], r.Decided, r.Category)
			require.Equal(t, acc[r.Category], r.Accepted, r.Category)
		}
	}
	// Pinned, counted from the raw file with Python's csv module (awk -F, would split the
	// quoted subcategories that hold commas):
	//   python3 -c "import csv,collections as c; r=list(csv.DictReader(open('pam2016_proposals.csv')));
	//     print(sorted(c.Counter((x['source'],x['status']) for x in r).items()))"
	//   → citizen accepted 2247, rejected 1198; official accepted 1244, rejected 56;
	//     Justícia global (category) accepted 40, rejected 22
	d, _ := analysis.FindDimension(dims, "origin")
	got := map[string]analysis.Rate{}
	for _, r := range opendata.AcceptanceRates(ps, d, language.English) {
		got[r.Category] = r
	}
	require.Equal(t, analysis.Rate{Category: "citizen", Accepted: 2247, Decided: 3445, Rate: 2247.0 / 3445}, got["citizen"])
	require.Equal(t, analysis.Rate{Category: "official", Accepted: 1244, Decided: 1300, Rate: 1244.0 / 1300}, got["official"])
	d, _ = analysis.FindDimension(dims, "category")
	got = map[string]analysis.Rate{}
	for _, r := range opendata.AcceptanceRates(ps, d, language.English) {
		got[r.Category] = r
	}
	require.Equal(t, analysis.Rate{Category: "Justícia global", Accepted: 40, Decided: 62, Rate: 40.0 / 62}, got["Justícia global"])
}

func TestDecideMadrid(t *testing.T) {
	path := shared.Path(t, "real/civic/decide_madrid_consul/decide_madrid_proposals_sample80.csv")
	ps, warns := readAll(t, path, opendata.SourceConsul)
	require.Len(t, ps, 80)
	require.Equal(t, opendata.LayoutConsul, ps[0].Layout)
	require.Equal(t, "MAD-2015-09-7", ps[0].Reference)
	require.EqualValues(t, 6560, *ps[0].Supports)
	require.EqualValues(t, 188, *ps[0].Comments)
	require.Equal(t, opendata.StateArchived, ps[0].State)
	require.Equal(t, opendata.OriginCitizen, ps[0].Origin)
	require.Equal(t, civic.DayDate(2015, 9, 15), ps[0].Created)
	var unused []string
	for _, w := range warns {
		unused = append(unused, w.Args[0].(string))
	}
	// The unnamed first column is the index pandas wrote; the texts and the author are
	// not kept.
	require.Equal(t, []string{"", "url", "userId", "summary", "text"}, unused)
	states := map[opendata.State]int{}
	assoc := 0
	for _, p := range ps {
		states[p.State]++
		if p.Origin == opendata.OriginOrganization {
			assoc++
		}
	}
	// python3: collections.Counter(r['status'] for r in csv.DictReader(f)) → archived 75, open 5;
	// isAssociation: 1 once.
	require.Equal(t, map[opendata.State]int{opendata.StateArchived: 75, opendata.StateOpen: 5}, states)
	require.Equal(t, 1, assoc)
}
