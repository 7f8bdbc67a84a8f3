package main

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

func TestDemoReview(t *testing.T) {
	for _, tag := range []language.Tag{language.English, language.French} {
		var out bytes.Buffer
		e := &env{stdout: &out, stderr: &out, lang: tag, p: civic.NewPrinter(tag), ctx: context.Background()}
		s := &demoState{}
		if err := demoCall(e, s); err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if err := demoReview(e, s); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
		for _, want := range []string{"places.research", "families.public.min", "english.max"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: no %q in\n%s", tag, want, out.String())
			}
		}
		if testing.Verbose() {
			t.Log(out.String())
		}
		// The workflow's records hold the authors' submissions unchanged.
		if len(s.decided) != len(s.proposals) {
			t.Fatalf("%d records for %d proposals", len(s.decided), len(s.proposals))
		}
		for i, r := range s.decided {
			if !reflect.DeepEqual(r.Proposal, *s.proposals[i]) || r.State == "" || r.Submitted.IsZero() {
				t.Fatalf("%s: record %+v", r.ID, r.ProposalState)
			}
		}
	}
}
