package opendata_test

import (
	"bytes"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/participation/opendata"
)

// FuzzReader reads any bytes as open data, CSV or JSON, from any source: never a panic,
// every problem and warning with a known code, and reading ends.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		decidim027, decidim030, decidimJSON,
		"id,source,official,from_meeting,scope,district,category,subcategory,status,total_votes,title\n3,official,1,0,district,Gràcia,Bon viure,\"A, B\",accepted,17,Sensibilitzar\n",
		",id,url,code,title,userId,date,summary,text,numComments,status,numSupports,isAssociation\n0,7,/p/7,MAD-2015-09-7,Limpiar,9884,2015-09-15,Algo,,188,archived,6560,0\n",
		"id,state\n1,\"accepted\n2,rejected\n",
		"id,state,title/ca\n1,accepted,Pla\xe7a\n",
		`[{"id": 1, "state": "accepted"}, {"id": 2, "sta`,
		`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`,
	} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, src uint8) {
		source := []opendata.Source{opendata.SourceAny, opendata.SourceDecidim, opendata.SourceConsul}[int(src)%3]
		check := func(err error) {
			for _, e := range civic.FieldErrors(err) {
				if !e.Code.Valid() {
					t.Fatalf("unknown code %q", e.Code)
				}
			}
		}
		rd := opendata.NewReader(bytes.NewReader(data), opendata.Options{Source: source, MaxRecord: 1 << 16,
			Warn: func(e *civic.FieldError) { check(e) }})
		for i := 0; ; i++ {
			if i > len(data)+1 {
				t.Fatal("more records than bytes")
			}
			if _, ok := rd.Next(); !ok {
				break
			}
			check(rd.RowErr())
		}
		check(rd.Err())
	})
}
