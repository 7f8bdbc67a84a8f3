package check_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/text"
)

func TestCheckString(t *testing.T) {
	tests := []struct {
		name string
		in   string
		rule text.Rule
		want []civic.Code
	}{
		{"plain", "Budget participatif", text.Rule{Required: true, Max: 19}, nil},
		{"blank required", "  ", text.Rule{Required: true}, []civic.Code{civic.CodeRequired}},
		{"empty optional", "", text.Rule{Min: 3}, []civic.Code{civic.CodeTooShort}},
		{"accents count as one", "Écosystème", text.Rule{Max: 10}, nil},
		{"NFD counts as NFC", "E\u0301cosyste\u0300me", text.Rule{Max: 10}, nil},
		{"too long", "abcdef", text.Rule{Max: 5}, []civic.Code{civic.CodeTooLong}},
		{"emoji is one character", "🗳️ vote", text.Rule{Max: 7}, nil},
		{"too short", "ab", text.Rule{Min: 3}, []civic.Code{civic.CodeTooShort}},
		{"invalid utf8", "caf\xe9", text.Rule{}, []civic.Code{civic.CodeInvalidUTF8}},
		{"nul", "a\x00b", text.Rule{}, []civic.Code{civic.CodeControlChar}},
		{"newline single line", "a\nb", text.Rule{}, []civic.Code{civic.CodeControlChar}},
		{"newline multiline", "a\nb\tc", text.Rule{Multiline: true}, nil},
		{"C1 control", "a\u0085b", text.Rule{Multiline: true}, []civic.Code{civic.CodeControlChar}},
		{"bidi in name", "Alice\u202egnp.exe", text.Rule{Name: true}, []civic.Code{civic.CodeBidiChar}},
		// One rule for every text (issue 12): bidirectional formatting characters are
		// refused in long texts and titles as in names, and invisible-only text is empty.
		{"bidi in body refused", "texte \u200f mixte", text.Rule{Multiline: true}, []civic.Code{civic.CodeBidiChar}},
		{"bidi in a single-line text refused", "Salle \u202eA", text.Rule{}, []civic.Code{civic.CodeBidiChar}},
		{"zero-width only is empty", "\u200b\u200b", text.Rule{Required: true}, []civic.Code{civic.CodeRequired}},
		{"word joiner only is empty", "\u2060", text.Rule{Required: true}, []civic.Code{civic.CodeRequired}},
		{"hangul filler only is empty", " \u3164 ", text.Rule{Required: true}, []civic.Code{civic.CodeRequired}},
		{"braille blank only is empty", "\u2800\u2800", text.Rule{Required: true, Name: true}, []civic.Code{civic.CodeRequired}},
		{"soft hyphen and BOM only are empty", "\u00ad\ufeff", text.Rule{Required: true, Multiline: true}, []civic.Code{civic.CodeRequired}},
		{"variation selector only is empty", "\ufe0f", text.Rule{Required: true}, []civic.Code{civic.CodeRequired}},
		{"zero-width inside text is text", "Budget\u200bparticipatif", text.Rule{Required: true}, nil},
		{"markup is plain text", "<script>alert(1)</script> x<y", text.Rule{Required: true, Name: true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v civic.ValidationError
			ok := check.String(&v, civic.Path{}.Key("s"), tt.in, tt.rule)
			var got []civic.Code
			for _, e := range v.Errors {
				got = append(got, e.Code)
				assert.Equal(t, "s", e.Path.String())
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, len(tt.want) == 0, ok)
		})
	}
}

func TestNormalize(t *testing.T) {
	assert.Equal(t, "École", text.Normalize("  E\u0301cole\n"))
	assert.Equal(t, 5, text.Len("E\u0301cole"))
}

func TestValidEmail(t *testing.T) {
	re := regexp.MustCompile(text.EmailPattern)
	tests := map[string]bool{
		"camille.martin@example.fr": true, "a+b@sub.example.org": true, "x@y.co": true,
		"": false, "plain": false, "a@b": false, "a@.fr": false, ".a@b.fr": false, "a..b@c.fr": false,
		"a@b-.fr": false, "a@-b.fr": false, "Camille <c@ex.fr>": false, "é@ex.fr": false, "a@ex.fr ": false,
		"a@b@c.fr": false, "a@ex..fr": false,
		strings.Repeat("a", 250) + "@b.fr": false,
	}
	for in, want := range tests {
		assert.Equal(t, want, text.ValidEmail(in), "%q", in)
		assert.Equal(t, want, re.MatchString(in) && len(in) <= 254, "pattern disagrees on %q", in)
	}
}

func TestIDsAndCountries(t *testing.T) {
	re := regexp.MustCompile(text.IDPattern)
	for in, want := range map[string]bool{"p001": true, "field-report": true, "1": true, "-a": false, "A": false, "a_b": false, "": false, strings.Repeat("a", 64): true, strings.Repeat("a", 65): false} {
		assert.Equal(t, want, text.ValidID(in), in)
		assert.Equal(t, want, re.MatchString(in), in)
	}
	assert.True(t, text.ValidCountry("FR"))
	assert.True(t, text.ValidCountry("KE"))
	assert.True(t, text.ValidCountry("TW"))
	assert.False(t, text.ValidCountry("fr"))
	assert.False(t, text.ValidCountry("ZZ"))
	assert.False(t, text.ValidCountry("FRA"))
	assert.Contains(t, text.Countries(), "CO")
	var v civic.ValidationError
	check.URL(&v, nil, "https://www.lecese.fr")
	check.URL(&v, nil, "javascript:alert(1)")
	check.URL(&v, nil, "//example.org")
	assert.Equal(t, 2, v.Len())
}

func FuzzCheckString(f *testing.F) {
	for _, s := range []string{"Écosystème", "a\x00b", "caf\xe9", "\u202e", "E\u0301"} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		var v civic.ValidationError
		ok := check.String(&v, civic.Path{}.Key("s"), s, text.Rule{Max: max % 1000, Name: true})
		if ok != (v.Len() == 0) {
			t.Fatalf("CheckString reported %v with %d problems", ok, v.Len())
		}
		n := text.Normalize(s)
		if text.Normalize(n) != n {
			t.Fatalf("Normalize is not idempotent on %q", s)
		}
	})
}

// TestCodesAreTheRootCodes proves that the codes internal/text reports are the root's.
func TestCodesAreTheRootCodes(t *testing.T) {
	pairs := map[string]civic.Code{
		text.CodeInvalidUTF8: civic.CodeInvalidUTF8, text.CodeRequired: civic.CodeRequired,
		text.CodeTooLong: civic.CodeTooLong, text.CodeTooShort: civic.CodeTooShort,
		text.CodeControlChar: civic.CodeControlChar, text.CodeBidiChar: civic.CodeBidiChar,
		text.CodeInvalidEmail: civic.CodeInvalidEmail, text.CodeInvalidURL: civic.CodeInvalidURL,
		text.CodeInvalidID: civic.CodeInvalidID, text.CodeInvalidCountry: civic.CodeInvalidCountry,
	}
	for s, c := range pairs {
		assert.Equal(t, string(c), s)
		assert.Contains(t, civic.Codes(), c)
	}
}
