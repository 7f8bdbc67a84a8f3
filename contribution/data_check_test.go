package contribution

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/civic-observatory/civic"
	"golang.org/x/text/language"
)

func TestDataCheckTmp(t *testing.T) {
	p := civic.NewPrinter(language.English)
	f, err := os.Open("data/call-2019.json")
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(f)
	d.DisallowUnknownFields()
	var c Call
	if err := d.Decode(&c); err != nil {
		t.Fatal("call:", err)
	}
	if err := c.Validate(); err != nil {
		for _, e := range civic.FieldErrors(err) {
			t.Errorf("call: %s: %s: %v", e.Path, e.Code, e.Problem(p))
		}
	}
	g, err := os.Open("data/sample-2019.json")
	if err != nil {
		t.Fatal(err)
	}
	d = json.NewDecoder(g)
	d.DisallowUnknownFields()
	var ps []Proposal
	if err := d.Decode(&ps); err != nil {
		t.Fatal("sample:", err)
	}
	for _, x := range ps {
		if err := x.Validate(&c); err != nil {
			for _, e := range civic.FieldErrors(err) {
				t.Errorf("%s: %s: %s: %v", x.ID, e.Path, e.Code, e.Problem(p))
			}
		}
	}
	t.Logf("%d proposals, opens %v deadline %v", len(ps), c.Opens, c.Deadline)
}

func TestDataCheckLeadDecoderTmp(t *testing.T) {
	b, _ := os.ReadFile("data/call-2019.json")
	c, err := DecodeCall(b)
	if err != nil {
		t.Fatal("call:", err)
	}
	b, _ = os.ReadFile("data/sample-2019.json")
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	for i, r := range raw {
		if _, err := DecodeProposal(r, c); err != nil {
			t.Errorf("proposal %d: %v", i, err)
		}
	}
}
