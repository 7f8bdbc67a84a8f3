package main

import (
	"bytes"
	"context"
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
		for _, p := range s.proposals {
			if p.State != "" {
				t.Fatal("the demo changed the sample")
			}
		}
	}
}
