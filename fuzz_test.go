package civic_test

import (
	"testing"

	"github.com/civic-observatory/civic"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2019", "2019-03", "2019-03-18", "2019-02-30", "", "9999-12-31", "0001-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := civic.ParseDate(s)
		if err != nil {
			return
		}
		if !d.Valid() || d.String() != s {
			t.Fatalf("ParseDate(%q) = %#v, which prints %q", s, d, d.String())
		}
	})
}

func FuzzCheckString(f *testing.F) {
	for _, s := range []string{"Écosystème", "a\x00b", "caf\xe9", "\u202e", "E\u0301"} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		var v civic.ValidationError
		ok := civic.CheckString(&v, civic.Path{}.Key("s"), s, civic.StringRule{Max: max % 1000, Name: true})
		if ok != (v.Len() == 0) {
			t.Fatalf("CheckString reported %v with %d problems", ok, v.Len())
		}
		n := civic.Normalize(s)
		if civic.Normalize(n) != n {
			t.Fatalf("Normalize is not idempotent on %q", s)
		}
	})
}
