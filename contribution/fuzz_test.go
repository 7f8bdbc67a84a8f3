package contribution_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// FuzzDecodeProposal checks that decoding and validating any bytes never panics, that
// every problem has a known code, and that a valid proposal survives a round trip through
// encoding/json unchanged.
func FuzzDecodeProposal(f *testing.F) {
	c, err := contribution.Call2019()
	if err != nil {
		f.Fatal(err)
	}
	data, err := os.ReadFile("data/sample-2019.json")
	if err != nil {
		f.Fatal(err)
	}
	var all []json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		f.Fatal(err)
	}
	for _, p := range all[:12] {
		f.Add([]byte(p))
	}
	for _, s := range []string{`{}`, `[]`, `null`, `{"id":"p1","id":"p2"}`, `{"title":"\ud800"}`, "{\"title\":\"\xff\"}", `{"results":{"period":{"start":"2019-02-30"}}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := contribution.DecodeProposal(data, c)
		for _, e := range civic.FieldErrors(err) {
			if !e.Code.Valid() {
				t.Fatalf("unknown code %q", e.Code)
			}
		}
		if err != nil {
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("marshal a valid proposal: %v", err)
		}
		back, err := contribution.DecodeProposal(out, c)
		if err != nil {
			t.Fatalf("a valid proposal does not decode again: %v\n%s", err, out)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(out) {
			t.Fatalf("round trip changed the proposal:\n%s\n%s", out, again)
		}
	})
}

// FuzzDecodeCall checks that decoding and validating any call document never panics.
func FuzzDecodeCall(f *testing.F) {
	f.Add(contribution.Call2019JSON())
	f.Add([]byte(`{"formats":[{"table":{"seats":-1}}],"axes":[{"questions":[{"number":1e9}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := contribution.DecodeCall(data)
		if err != nil {
			return
		}
		// A valid call must be usable: validating a proposal against it must not panic.
		_ = (&contribution.Proposal{Format: "x"}).Validate(c)
	})
}
