package schema_test

import (
	"encoding/json"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/schema"
)

// TestTimeShapes checks time strings at the edges of RFC 3339 with both validators, as a
// call's deadline (a proposal holds no time since issue 11: the server dates it). The
// strings the schema refuses must be refused by civic.ParseTime too; those the schema
// accepts and Go refuses are rules beyond the schema ([civic.CodeInvalidTime]).
//
// time.Parse with time.RFC3339 accepts a few strings that are not
// RFC 3339 date-times, which the date-time format of both JSON Schema validators refuses:
// ParseTime checks the exact shape, so the test fails if one is accepted again.
func TestTimeShapes(t *testing.T) {
	b, err := schema.File("call")
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, b)
	var call map[string]any
	if err := json.Unmarshal(contribution.Call2019JSON(), &call); err != nil {
		t.Fatal(err)
	}
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
		call["deadline"] = s
		doc, err := json.Marshal(call)
		if err != nil {
			t.Fatal(err)
		}
		_, derr := contribution.DecodeCall(doc)
		fes := civic.FieldErrors(derr)
		_, perr := civic.ParseTime(s)
		goOK := perr == nil
		ok, _ := schemaValid(sch, doc)
		switch {
		case !ok && goOK:
			gaps = append(gaps, s)
		case ok && !goOK:
			for _, fe := range fes {
				if fe.Code != civic.CodeInvalidTime && fe.Code != civic.CodeOrder {
					t.Errorf("%s: Go refuses with %s", s, fe.Code)
				}
			}
		}
	}
	if len(gaps) > 0 {
		t.Errorf("civic.ParseTime accepts %q, which the date-time format refuses", gaps)
	}
}
