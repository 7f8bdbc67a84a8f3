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
