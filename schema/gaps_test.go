package schema_test

import (
	"fmt"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/schema"
)

// TestTimeShapes checks time strings at the edges of RFC 3339 with both validators. The
// strings the schema refuses must be refused by civic.ParseTime too; those the schema
// accepts and Go refuses are rules beyond the schema ([civic.CodeInvalidTime]).
//
// time.Parse with time.RFC3339 accepts a few strings that are not
// RFC 3339 date-times, which the date-time format of both JSON Schema validators refuses:
// ParseTime checks the exact shape, so the test fails if one is accepted again.
func TestTimeShapes(t *testing.T) {
	b, err := schema.ProposalFor(testCall())
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, b)
	times := []string{
		"2019-01-10T10:00:00Z", "2019-01-10T10:00:00+01:00", "2019-01-10T10:00:00.5-03:30",
		"2019-01-10T10:00:00+23:59", "2019-01-10T10:00:00-00:00", "2019-01-10T10:00:00.123456789Z",
		"2019-01-10T10:00:00.Z", "2019-01-10T10:00:00+0100", "2019-01-10T10:00:00+01",
		"2019-01-10 10:00:00Z", "2019-01-10t10:00:00z", "2016-12-31T23:59:60Z", "2019-02-29T10:00:00Z",
		"2019-01-10T10:0:00Z", "+2019-01-10T10:00:00Z", "2019-1-10T10:00:00Z", "2019-01-10",
		// Accepted by time.Parse, refused by the date-time format:
		"2019-01-10T10:00:00,5Z", "2019-01-10T10:00:00+24:00", "2019-01-10T10:00:00+01:60",
		"2019-01-10T1:00:00Z",
	}
	var gaps []string
	for _, s := range times {
		doc := []byte(fmt.Sprintf(`{"id":"p","title":"Un titre","summary":"Un résumé assez long pour la limite.","format":"pitch","language":"fr","contributors":[{"name":"Zoé","email":"zoe@example.org"}],"pitch":{"kind":"idea","ask":"Une idée"},"submitted":%q}`, s))
		fes, err := goCodes(doc, testCall())
		if err != nil {
			t.Fatal(err)
		}
		_, perr := civic.ParseTime(s)
		goOK := perr == nil
		ok, _ := schemaValid(sch, doc)
		switch {
		case !ok && goOK:
			gaps = append(gaps, s)
		case ok && !goOK:
			for _, fe := range fes {
				if fe.Code != civic.CodeInvalidTime && fe.Code != civic.CodeBeforeOpening && fe.Code != civic.CodeAfterDeadline {
					t.Errorf("%s: Go refuses with %s", s, fe.Code)
				}
			}
		}
	}
	if len(gaps) > 0 {
		t.Errorf("civic.ParseTime accepts %q, which the date-time format refuses", gaps)
	}
}
