package opendata_test

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/participation/opendata"
)

// Acceptance rates by origin of a few PAM 2016 rows, as the open data writes them.
func ExampleRates() {
	const pam = `id,code,created_at,source,official,from_meeting,scope,district,category,subcategory,status,total_votes,title
3,BCN-2016-01-3,22/01/2016,official,1,0,district,Gràcia,Bon viure,Autonomia personal,accepted,17,Sensibilitzar
4,BCN-2016-01-4,22/01/2016,citizen,0,0,city,,Bon viure,"Salut, esport",rejected,26,Festes
5,BCN-2016-01-5,23/01/2016,citizen,0,0,city,,Bon govern,Transparència,accepted,3,Dades
`
	origin, _ := analysis.FindDimension(opendata.Dimensions(), "origin")
	rates := opendata.NewRates(origin)
	rd := opendata.NewReader(strings.NewReader(pam), opendata.Options{Source: opendata.SourceDecidim})
	for {
		p, ok := rd.Next()
		if !ok {
			break
		}
		rates.Add(p)
	}
	fmt.Println(rd.Layout(), rd.Err())
	for _, r := range rates.Rates(language.Catalan) {
		fmt.Printf("%s: %d of %d\n", r.Category, r.Accepted, r.Decided)
	}
	// Output:
	// decidim-pam2016 <nil>
	// citizen: 1 of 2
	// official: 1 of 1
}
