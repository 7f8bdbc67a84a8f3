package text

import (
	"github.com/civic-observatory/civic/internal/hostile"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// FuzzPlainText proves the fast path is sound: whenever Plain accepts a string,
// CheckString records nothing for it under the same rule.
func FuzzPlainText(f *testing.F) {
	for _, s := range hostile.Payloads {
		f.Add(s, 0, 0, true, false, true)
	}
	for _, s := range []string{"Budget participatif", "Écosystème", "E\u0301", "a\u202eb", "x\x00", "caf\xe9", "  ", "—–‐€", "\u0300a"} {
		f.Add(s, 3, 10, true, false, true)
	}
	f.Fuzz(func(t *testing.T, s string, min, max int, required, multiline, name bool) {
		r := Rule{Required: required, Min: min % 50, Max: max % 200, Multiline: multiline, Name: name}
		if r.Min < 0 {
			r.Min = -r.Min
		}
		if r.Max < 0 {
			r.Max = -r.Max
		}
		if !Plain(s, r) {
			return
		}
		var got []string
		if !CheckSlow(s, r, func(code string, _ ...any) { got = append(got, code) }) {
			t.Fatalf("Plain accepts %q under %+v, the full check reports %v", s, r, got)
		}
	})
}

// FuzzNFCQuick proves the quick NFC check: whatever it accepts is in NFC.
func FuzzNFCQuick(f *testing.F) {
	for _, s := range []string{"École", "E\u0301cole", "œuvre – 10 €", "\xff", "ǅ", "ʰ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if NFCQuick(s) && !norm.NFC.IsNormalString(s) {
			t.Fatalf("NFCQuick accepts %q, which is not in NFC", s)
		}
	})
}
