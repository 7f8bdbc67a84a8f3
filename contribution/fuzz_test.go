package contribution_test

import (
	"encoding/json"
	"github.com/civic-observatory/civic/internal/hostile"
	"os"
	"strings"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// FuzzDecodeProposal checks that decoding and validating any bytes never panics, that
// every problem has a known code, and that a valid proposal survives a round trip through
// encoding/json unchanged.
func FuzzDecodeProposal(f *testing.F) {
	for _, s := range hostile.Seeds("contributors") {
		f.Add(s)
	}
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
	for _, s := range hostile.Seeds("axes") {
		f.Add(s)
	}
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

// FuzzDecodeFormat checks that decoding and validating any format document (a form
// definition) never panics, that every problem has a known code and a path, and that a
// valid format is usable: proposals are checked against its form without panicking, and
// its per-call schema-relevant fields survive a JSON round trip.
func FuzzDecodeFormat(f *testing.F) {
	c, err := contribution.Call2019()
	if err != nil {
		f.Fatal(err)
	}
	for _, fm := range c.Formats {
		b, err := json.Marshal(fm)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, []byte(`{"results":{"period":{"start":"2018"}},"project":{"stage":"launched"}}`))
	}
	label := `"label":{"fr":"Q","en":"Q"}`
	for _, fields := range []string{
		`[{"id":"a",` + label + `,"type":"boolean","requiredWhen":{"field":"b","values":["true"]}},{"id":"b",` + label + `,"type":"boolean","requiredWhen":{"field":"a","values":["true"]}}]`,
		`[{"id":"l",` + label + `,"type":"list","item":{` + label + `,"type":"group","fields":[{"id":"n",` + label + `,"type":"number","min":-5,"max":5}]}}]`,
		`[{"id":"p",` + label + `,"type":"period","past":true,"openWhen":{"field":"o","values":["true"]}},{"id":"o",` + label + `,"type":"boolean"}]`,
		`[{"id":"m",` + label + `,"type":"money","max":100},{"id":"c",` + label + `,"type":"choices","max":1,"choices":[{"id":"x",` + label + `,"refuse":"required"}]}]`,
	} {
		f.Add(formatDoc(fields), []byte(`{"l":[{"n":7}],"p":{"start":"2030"},"m":{"amount":1000,"currency":"EUR"},"c":["x","x"],"a":true}`))
	}
	f.Fuzz(func(t *testing.T, format, answers []byte) {
		fm, err := contribution.DecodeFormat(format)
		for _, e := range civic.FieldErrors(err) {
			if !e.Code.Valid() {
				t.Fatalf("unknown code %q", e.Code)
			}
		}
		if err != nil {
			return
		}
		call := *c
		call.Formats = []contribution.Format{*fm}
		if call.Validate() != nil {
			return
		}
		// Any answers: decoding and validation never panic, and agree with a second
		// validation of the decoded proposal.
		doc := append([]byte(`{"id":"x","title":"Titre","summary":"`+strings.Repeat("résumé ", 10)+`","format":"`+fm.ID+`","language":"fr","contributors":[{"name":"A","email":"a@example.org"}]`), ',')
		if len(answers) > 2 && answers[0] == '{' && answers[len(answers)-1] == '}' {
			doc = append(doc, answers[1:]...)
		} else {
			doc = append(doc[:len(doc)-1], '}')
		}
		p, err := contribution.DecodeProposal(doc, &call)
		for _, e := range civic.FieldErrors(err) {
			if !e.Code.Valid() {
				t.Fatalf("unknown code %q", e.Code)
			}
		}
		if err == nil {
			if err := p.Validate(&call); err != nil {
				t.Fatalf("decoded as valid, invalid when validated again: %v", err)
			}
			out, err := json.Marshal(p)
			if err != nil {
				t.Fatalf("marshal a valid proposal: %v", err)
			}
			if _, err := contribution.DecodeProposal(out, &call); err != nil {
				t.Fatalf("a valid proposal does not decode again: %v\n%s", err, out)
			}
		}
	})
}
